"""The preview: every job as it would be sent, its cost and time, the service's own reasons
for rows it refuses, and the rows the cap would hold. Nothing is sent (no network here)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest
from PIL import Image

from sora_desktop.core.batch.estimate import RenderTimes, batch_seconds, within_cap
from sora_desktop.core.batch.plan import BatchPlan, plan_batch
from sora_desktop.core.batch.preview import preview_batch, size_for_aspect
from sora_desktop.core.batch.source import parse_source
from sora_desktop.core.batch.sweep import parse_sweep
from sora_desktop.core.models import (
    Connection,
    ConnectionKind,
    Job,
    JobStatus,
    VideoRequest,
)
from sora_desktop.core.paths import AppPaths
from sora_desktop.core.service import GenerationService
from sora_desktop.core.store import JobStore

OPENAI = Connection(kind=ConnectionKind.OPENAI, base_url="https://api.openai.com/v1")
GATEWAY = Connection(kind=ConnectionKind.COMPATIBLE, base_url="https://gw.example.com/v1")
SIMULATOR = Connection(kind=ConnectionKind.SIMULATOR, base_url="http://127.0.0.1:9/v1")


def plan(text: str, *sweeps: str, template: str | None = None) -> BatchPlan:
    source = parse_source(text.encode(), "csv", name="p.csv")
    return plan_batch(source, template=template, sweeps=[parse_sweep(s) for s in sweeps])


def test_costs_come_from_the_price_table_and_invalid_rows_carry_the_services_reason(
    service: GenerationService,
) -> None:
    batch = plan(
        "prompt,model,size\na fox,sora-2,720x1280\nan owl,sora-2,1792x1024\n"
        "a heron,sora-2-pro,1792x1024\n",
        "seconds=4,8",
    )
    preview = preview_batch(batch, OPENAI, service, concurrency=2)
    assert [(r.job.label, r.estimated_cost, r.valid) for r in preview.rows] == [
        ("r001_seconds-4", 0.4, True),
        ("r001_seconds-8", 0.8, True),
        ("r002_seconds-4", 0.4, False),
        ("r002_seconds-8", 0.8, False),
        ("r003_seconds-4", 2.0, True),
        ("r003_seconds-8", 4.0, True),
    ]
    problem = preview.rows[2].problem
    assert problem is not None
    with pytest.raises(Exception) as caught:  # the very message the service gives
        service.validate(preview.rows[2].request, OPENAI)
    assert problem == caught.value.one_line()  # type: ignore[attr-defined]
    assert (preview.total_cost, preview.invalid, preview.to_send, preview.held) == (7.2, 2, 4, 0)
    # the request is what would be sent
    assert preview.rows[4].request == VideoRequest(
        prompt="a heron", model="sora-2-pro", size="1792x1024", seconds=4
    )


def test_hints_word_the_next_step_for_the_face(service: GenerationService) -> None:
    batch = plan("prompt,model\na fox,sora-3\n")
    preview = preview_batch(batch, OPENAI, service, hints={"model": "Fix the model column."})
    assert preview.rows[0].problem is not None
    assert preview.rows[0].problem.endswith("Fix the model column.")


def test_the_cap_holds_the_first_job_that_does_not_fit_and_every_later_one(
    service: GenerationService,
) -> None:
    batch = plan("prompt\na\nb\nc\nd\n", "seconds=8")  # $0.80 each on sora-2
    preview = preview_batch(batch, OPENAI, service, cap=2.0)
    assert [r.held for r in preview.rows] == [False, False, True, True]
    assert (preview.total_cost, preview.to_send, preview.held) == (1.6, 2, 2)
    exact = preview_batch(batch, OPENAI, service, cap=2.4)  # three fit exactly
    assert [r.held for r in exact.rows] == [False, False, False, True]


def test_an_unknown_price_never_fits_under_a_cap_and_is_counted_without_one(
    service: GenerationService,
) -> None:
    batch = plan("prompt,model\na,veo-3.1\n")
    assert preview_batch(batch, GATEWAY, service, cap=100.0).rows[0].held
    free = preview_batch(batch, GATEWAY, service)
    assert (free.unpriced, free.total_cost, free.to_send) == (1, 0.0, 1)


def test_a_simulator_is_priced_notionally_so_its_cap_holds_and_the_price_function_plugs_in(
    service: GenerationService,
) -> None:
    batch = plan("prompt,model,seconds\na,sora-2,4\nb,sora-2-pro,4\nc,sora-2,8\n")
    free = preview_batch(batch, SIMULATOR, service)
    # the Videos API's prices (the main window's "≈ $0.40 (free on the simulator)")
    assert [r.estimated_cost for r in free.rows] == [0.4, 1.2, 0.8]
    assert (free.free, free.total_cost, free.held) == (True, 2.4, 0)
    assert not preview_batch(batch, OPENAI, service).free
    capped = preview_batch(batch, SIMULATOR, service, cap=1.0)
    assert [r.held for r in capped.rows] == [False, True, True]
    assert (capped.total_cost, capped.to_send, capped.held) == (0.4, 1, 2)
    asked: list[tuple[VideoRequest, Connection]] = []

    def catalogue(request: VideoRequest, connection: Connection) -> float | None:
        asked.append((request, connection))
        return 1.25

    priced = preview_batch(batch, SIMULATOR, service, price=catalogue, cap=2.0)
    assert [r.estimated_cost for r in priced.rows] == [1.25, 1.25, 1.25]
    assert [r.held for r in priced.rows] == [False, True, True]
    assert [c for _r, c in asked] == [SIMULATOR] * 3


def test_an_aspect_ratio_takes_the_models_size_of_that_shape(service: GenerationService) -> None:
    batch = plan("prompt,model,aspect\na,sora-2,16:9\nb,sora-2-pro,9:16\nc,sora-2,21:9\n")
    preview = preview_batch(batch, OPENAI, service)
    assert [r.request.size for r in preview.rows[:2]] == ["1280x720", "720x1280"]
    assert preview.rows[2].problem == (
        "sora-2 makes no 21:9 videos (its sizes: 720x1280, 1280x720)."
    )
    assert size_for_aspect("4:7", ("720x1280", "1024x1792")) == "1024x1792"


def _image(path: Path, size: tuple[int, int]) -> Path:
    Image.new("RGB", size, (200, 30, 30)).save(path)
    return path


def test_start_images_are_checked_and_fitted_when_the_batch_says_so(
    service: GenerationService, paths: AppPaths, tmp_path: Path
) -> None:
    _image(tmp_path / "right.png", (720, 1280))
    _image(tmp_path / "wide.png", (640, 480))
    source = parse_source(
        b"prompt,image\na,right.png\nb,wide.png\nc,missing.png\n", "csv", name="p", folder=tmp_path
    )
    batch = plan_batch(source)
    plain = preview_batch(batch, SIMULATOR, service)
    assert [r.valid for r in plain.rows] == [True, False, False]
    assert "Fit or crop" in (plain.rows[1].problem or "")
    fitted = preview_batch(batch, SIMULATOR, service, image_fit="crop", images_dir=paths.images_dir)
    assert [r.valid for r in fitted.rows] == [True, True, False]
    assert fitted.rows[0].request.reference_image == tmp_path / "right.png"
    converted = fitted.rows[1].request.reference_image
    assert converted is not None and converted.parent == paths.images_dir
    with Image.open(converted) as image:
        assert image.size == (720, 1280)


class Counting:
    """A validator that counts calls and refuses one prompt."""

    def __init__(self) -> None:
        self.calls = 0

    def validate(
        self,
        request: VideoRequest,
        connection: Connection,
        *,
        hints: Mapping[str, str] | None = None,
    ) -> None:
        from sora_desktop.core.errors import InvalidRequestError

        self.calls += 1
        if request.prompt == "b":
            raise InvalidRequestError("No b.", "Try a.")


def test_each_job_goes_through_the_validator_once() -> None:
    validator = Counting()
    preview = preview_batch(plan("prompt\na\nb\n", "seconds=4,8"), SIMULATOR, validator)
    assert validator.calls == 4
    assert [r.problem for r in preview.rows] == [None, None, "No b. Try a.", "No b. Try a."]


def test_render_times_come_from_the_library_and_the_batch_time_from_the_slots(
    store: JobStore, service: GenerationService
) -> None:
    for n, took in enumerate((30.0, 50.0, 40.0, 500.0)):
        job = Job(
            id=f"{n:032x}",
            request=VideoRequest(prompt="x", model="sora-2", seconds=8),
            connection=OPENAI,
            status=JobStatus.READY,
            submitted_at=1000.0,
            completed_at=1000.0 + took,
        )
        store.add(job)
    times = RenderTimes.from_store(store)
    assert times.estimate(VideoRequest(prompt="x", seconds=8), OPENAI) == 45.0  # the median
    assert times.estimate(VideoRequest(prompt="x", seconds=4), OPENAI) == 120.0  # a default
    preview = preview_batch(
        plan("prompt\na\nb\nc\n", "seconds=8"), OPENAI, service, render_times=times, concurrency=2
    )
    assert [r.estimated_seconds for r in preview.rows] == [45.0, 45.0, 45.0]
    assert preview.estimated_seconds == 90.0  # two slots: two jobs, then the third


def test_the_shared_rules() -> None:
    assert within_cap(1.0, 1.0, 2.0) and not within_cap(1.0, 1.01, 2.0)
    assert within_cap(5.0, None, None) and not within_cap(0.0, None, 10.0)
    assert batch_seconds([10, 10, 10, 10, 30], 2) == 50.0
    assert batch_seconds([], 3) == 0.0


FAL = Connection(kind=ConnectionKind.FAL, base_url="https://queue.fal.run")


def test_a_rows_seed_is_sent_where_the_model_takes_one_and_the_preview_says_where_not(
    service: GenerationService,
) -> None:
    from sora_desktop.core.catalogue import model_for

    batch = plan(
        "prompt,seed\na kite,7\n", "model=fal-ai/veo3.1,fal-ai/kling-video/v3/pro/image-to-video"
    )
    rows = preview_batch(batch, FAL, service).rows
    veo, kling = rows
    assert veo.request.seed == 7 and veo.note is None
    assert model_for(ConnectionKind.FAL, "fal-ai/veo3.1").build_input(veo.request)["seed"] == 7
    assert kling.request.seed is None
    assert kling.note is not None and "seed 7 is not sent" in kling.note

    on_simulator = preview_batch(plan("prompt,seed\na kite,3\n"), SIMULATOR, service).rows[0]
    assert on_simulator.request.seed is None and on_simulator.valid
    assert on_simulator.note is not None and "sora-2" in on_simulator.note
    unseeded = preview_batch(plan("prompt\na kite\n"), SIMULATOR, service).rows[0]
    assert unseeded.note is None
