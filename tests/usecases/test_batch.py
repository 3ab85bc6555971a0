"""``usecases.batch`` without the network: the order's checks, the preview from a file, a
batch kept and found by a piece of its id, all-invalid batches refused before anything."""

from __future__ import annotations

from pathlib import Path

import pytest

from sora_desktop.core.batch.errors import TooManyJobsError
from sora_desktop.core.batch.runner import BatchRunner
from sora_desktop.core.errors import InvalidRequestError, NotFoundError
from sora_desktop.core.models import Connection, ConnectionKind
from sora_desktop.core.service import GenerationService
from sora_desktop.core.store import JobStore
from sora_desktop.usecases import batch

SIM = Connection(kind=ConnectionKind.SIMULATOR, base_url="http://127.0.0.1:9/v1")


def write(tmp_path: Path, text: str, name: str = "ideas.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_the_preview_reads_the_file_and_checks_the_order(
    tmp_path: Path, service: GenerationService, store: JobStore
) -> None:
    file = write(tmp_path, "prompt\na fox\nan owl\n")
    order = batch.BatchOrder(file=file, sweeps=("seconds=4,8",), cap=None, concurrency=2)
    preview = batch.preview(order, SIM, service, store=store)
    assert [r.job.label for r in preview.rows] == [
        "r001_seconds-4",
        "r001_seconds-8",
        "r002_seconds-4",
        "r002_seconds-8",
    ]
    assert preview.to_send == 4 and preview.concurrency == 2
    with pytest.raises(InvalidRequestError, match="concurrency"):
        batch.preview(batch.BatchOrder(file=file, concurrency=0), SIM, service)
    with pytest.raises(InvalidRequestError, match="cap"):
        batch.preview(batch.BatchOrder(file=file, cap=0.0), SIM, service)
    many = write(tmp_path, "prompt\n" + "".join(f"idea {n}\n" for n in range(60)), "many.csv")
    with pytest.raises(TooManyJobsError) as refused:
        batch.preview(
            batch.BatchOrder(file=many, sweeps=("seed=1,2",)), SIM, service, confirm_hint="Say yes."
        )
    assert refused.value.next_step == "Say yes."
    confirmed = batch.BatchOrder(file=many, sweeps=("seed=1,2",), confirmed=True)
    assert len(batch.preview(confirmed, SIM, service).rows) == 120


def test_a_kept_batch_is_found_by_a_piece_of_its_id_and_an_invalid_one_is_refused(
    tmp_path: Path, service: GenerationService, store: JobStore
) -> None:
    runner = BatchRunner(service, store)
    good = batch.preview(batch.BatchOrder(file=write(tmp_path, "prompt\na fox\n")), SIM, service)
    info = batch.start(runner, good, out_dir=tmp_path / "new" / "out")
    assert (tmp_path / "new" / "out").is_dir()
    assert batch.find_batch(store, info.id[:6].upper()).id == info.id
    with pytest.raises(NotFoundError):
        batch.find_batch(store, "ffffffff", hint="See the list.")
    [overview] = batch.list_batches(store)
    assert overview.rows == 1 and overview.info.id == info.id
    assert [r.label for r in batch.batch_rows(store, info.id)] == ["r001"]

    bad = batch.preview(
        batch.BatchOrder(file=write(tmp_path, "prompt,model\na fox,nope-9\n", "bad.csv")),
        SIM,
        service,
    )
    assert bad.invalid == 1
    with pytest.raises(InvalidRequestError, match="No row"):
        batch.start(runner, bad)
    assert len(batch.list_batches(store)) == 1  # nothing kept


def test_an_export_folder_windows_refuses_is_said_before_the_batch_is_kept(
    tmp_path: Path, service: GenerationService, store: JobStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sora_desktop.core import filenames

    monkeypatch.setattr(filenames, "IS_WINDOWS", True)  # Windows' rules, played on any OS
    runner = BatchRunner(service, store)
    good = batch.preview(batch.BatchOrder(file=write(tmp_path, "prompt\na fox\n")), SIM, service)
    with pytest.raises(InvalidRequestError, match="Windows keeps CON") as info:
        batch.start(runner, good, out_dir=tmp_path / "clips" / "Con")
    assert info.value.param == "out"
    assert not (tmp_path / "clips").exists() and batch.list_batches(store) == []
