"""Image fields of a model's own settings ("More settings") go the way the start image goes:
the request keeps the fitted file, and the dialect sends it as the provider takes it when
the create goes out (a data URI within the provider's limit, else its upload flow; a
smaller JPEG only for a provider without one), over loopback against the simulator's fal,
Replicate and Runway routes."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import pytest
from PIL import Image

from sora_desktop.core.dialects.base import ProviderClient
from sora_desktop.core.dialects.fal import FalDialect
from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.models import ConnectionKind
from sora_desktop.core.paths import AppPaths
from sora_desktop.core.service import GenerationService
from sora_desktop.core.store import JobStore
from sora_desktop.simulator.server import SimulatorServer
from tests.fail_on_unexpected import ExpectLog
from tests.provider_support import (
    assert_no_key_on_results,
    assert_ready,
    connection,
    generate,
    padded_image,
    request,
    run_service,
    sim_uploads,
)
from tests.reliability.faultserver import Drop, FaultServer

FIELD = "style_image"  # an image field no common setting covers
MODEL = {
    ConnectionKind.FAL: "fal-ai/veo3.1",
    ConnectionKind.REPLICATE: "sim/any-video",
    ConnectionKind.RUNWAY: "gen4.5",
}
SECONDS = {ConnectionKind.FAL: 4, ConnectionKind.REPLICATE: 2, ConnectionKind.RUNWAY: 2}


def _sent(provider_sim: SimulatorServer, remote_id: str) -> dict[str, object]:
    job_id = remote_id.rsplit("/", 1)[-1]
    for job in provider_sim._table.all():
        if job.id == job_id:
            return dict(job.extra["input"])
    raise AssertionError(f"the simulator has no job {remote_id}")


@pytest.mark.parametrize(
    "kind", [ConnectionKind.REPLICATE, ConnectionKind.RUNWAY], ids=lambda k: k.value
)
def test_a_6_mb_image_field_goes_through_the_providers_upload(
    kind: ConnectionKind, provider_sim: SimulatorServer, tmp_path: Path
) -> None:
    """Past the data-URI limit (Replicate 1 MB, Runway 5 MB) the image field is uploaded
    (Replicate ``POST /v1/files``; Runway ``/v1/uploads``, the file sent to the upload host
    without the key) and the create carries the upload's URI; the stored request keeps
    the file, so a resumed job sends the same one."""
    image = padded_image(tmp_path / "style.png", 6 << 20)
    req = request(kind, model=MODEL[kind], seconds=SECONDS[kind], image_params=((FIELD, image),))
    data_dir = tmp_path / "d"
    job = generate(data_dir, req, connection(provider_sim, kind))
    assert_ready(job, SECONDS[kind])
    value = str(_sent(provider_sim, job.remote_id or "")[FIELD])
    if kind is ConnectionKind.REPLICATE:
        assert value.startswith(f"{provider_sim.url}/replicate/v1/files/")
    else:
        assert value.startswith("runway://uploads/")
    token = value.rsplit("/", 1)[-1]
    assert sim_uploads(provider_sim)[token] == image.read_bytes()  # the very file, whole
    assert_no_key_on_results(provider_sim)
    store = JobStore(AppPaths.default(data_dir).db_path)
    try:
        stored = store.get(job.id)
    finally:
        store.close()
    assert stored is not None and stored.request.image_params == ((FIELD, image),)


def _sent_on_fal(provider_sim: SimulatorServer, tmp_path: Path, image: Path) -> str:
    """What fal received in the image field for a create that sends ``image`` there (the
    job made and ready)."""
    kind = ConnectionKind.FAL
    req = request(kind, model=MODEL[kind], seconds=SECONDS[kind], image_params=((FIELD, image),))
    job = generate(tmp_path / "d", req, connection(provider_sim, kind))
    assert_ready(job, SECONDS[kind])
    return str(_sent(provider_sim, job.remote_id or "")[FIELD])


def test_on_fal_an_image_field_within_its_limit_goes_inline(
    provider_sim: SimulatorServer, tmp_path: Path
) -> None:
    """Within fal's data-URI limit the image goes inline, byte for byte, and nothing is
    uploaded (larger ones: tests/core/test_dialects_fal_upload.py)."""
    image = padded_image(tmp_path / "style.png", 3 << 20)
    value = _sent_on_fal(provider_sim, tmp_path, image)
    assert value.startswith("data:image/png;base64,")
    assert len(value) <= FalDialect.data_uri_limit
    assert base64.b64decode(value.split(",", 1)[1]) == image.read_bytes()
    assert not sim_uploads(provider_sim)


def test_without_an_upload_flow_an_image_too_large_to_go_inline_is_sent_as_a_smaller_jpeg(
    provider_sim: SimulatorServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The base dialect's last resort, on fal's wire with its upload taken away."""
    monkeypatch.setattr(FalDialect, "_upload", ProviderClient._upload)
    image = padded_image(tmp_path / "style.png", 9 << 20)
    value = _sent_on_fal(provider_sim, tmp_path, image)
    assert value.startswith("data:image/jpeg;base64,")
    assert len(value) <= FalDialect.data_uri_limit
    with Image.open(io.BytesIO(base64.b64decode(value.split(",", 1)[1]))) as sent:
        assert sent.format == "JPEG" and sent.size == (1280, 720)
    assert not sim_uploads(provider_sim)


def test_an_image_field_of_another_size_is_refused_naming_it_before_any_request(
    provider_sim: SimulatorServer, tmp_path: Path
) -> None:
    kind = ConnectionKind.REPLICATE
    image = padded_image(tmp_path / "small.png", 0, size=(300, 200))
    req = request(kind, model=MODEL[kind], image_params=((FIELD, image),))

    async def body(service: GenerationService) -> str | None:
        with pytest.raises(InvalidRequestError) as refused:
            await service.submit(req, connection(provider_sim, kind))
        return refused.value.param

    assert run_service(tmp_path / "d", body) == FIELD
    assert provider_sim.created_count == 0 and not sim_uploads(provider_sim)


REPLICATE_CREATE = r"^/replicate/v1/models/sim/any-video/predictions$"


def test_a_lost_replicate_reply_is_found_in_its_list_with_the_image_field_aside(
    provider_sim: SimulatorServer, tmp_path: Path, expect_log: ExpectLog
) -> None:
    """The create arrived (its reply was lost): the list search compares the input with the
    image fields left out (their upload URLs differ each time) and adopts it; one create."""
    kind = ConnectionKind.REPLICATE
    image = padded_image(tmp_path / "style.png", 6 << 20)
    req = request(kind, "a boat [sim:drop]", model=MODEL[kind], image_params=((FIELD, image),))
    with FaultServer(provider_sim.url) as proxy:
        with expect_log("sora_desktop.core.jobrunner", "reply lost"):
            job = generate(tmp_path / "d", req, connection(provider_sim, kind, proxy.url))
        assert proxy.count("POST", REPLICATE_CREATE) == 1
        assert proxy.count("POST", r"^/replicate/v1/files$") == 1  # the search uploads nothing
    assert_ready(job)
    assert provider_sim.created_count == 1
    assert str(_sent(provider_sim, job.remote_id or "")[FIELD]).startswith(
        f"{provider_sim.url}/replicate/v1/files/"
    )


def test_a_create_that_never_arrived_is_sent_again_with_the_same_image_file(
    provider_sim: SimulatorServer, tmp_path: Path, expect_log: ExpectLog
) -> None:
    """Replicate's list proves the create never arrived: it is sent once more, built again
    from the stored request, so the same file is uploaded again (uploads are free)."""
    kind = ConnectionKind.REPLICATE
    image = padded_image(tmp_path / "style.png", 6 << 20)
    req = request(kind, model=MODEL[kind], image_params=((FIELD, image),))
    with FaultServer(provider_sim.url) as proxy:
        proxy.add("POST", REPLICATE_CREATE, Drop(forward_first=False))
        with expect_log("sora_desktop.core.jobrunner", "reply lost"):
            job = generate(tmp_path / "d", req, connection(provider_sim, kind, proxy.url))
        assert proxy.count("POST", REPLICATE_CREATE) == 2
        assert proxy.count("POST", r"^/replicate/v1/files$") == 2
    assert_ready(job)
    assert provider_sim.created_count == 1
    uploads = sim_uploads(provider_sim)
    assert len(uploads) == 2 and set(uploads.values()) == {image.read_bytes()}
