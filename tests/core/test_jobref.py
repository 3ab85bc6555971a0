"""Naming a job by a piece of its id, against a real SQLite library (core.jobref)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.export import render_filename
from sora_desktop.core.jobref import MIN_REF_CHARS, SHORT_ID_CHARS, resolve_job, short_id
from sora_desktop.core.models import Job
from sora_desktop.core.store import JobStore
from tests.core.test_store import make_job


@pytest.fixture
def store(tmp_path: Path) -> Iterator[JobStore]:
    s = JobStore(tmp_path / "library.db")
    yield s
    s.close()


def _job(local_id: str, remote_id: str | None, prompt: str = "a red fox", at: float = 0) -> Job:
    return replace(
        make_job(prompt, created_at=1_700_000_000.0 + at), id=local_id, remote_id=remote_id
    )


def test_the_id_in_a_file_name_names_the_job_again(store: JobStore) -> None:
    job = _job("3f2a9c1b7d5e4f60a1b2c3d4e5f60718", "video_68d7512d07848190b3e45da0ecbebcde")
    store.add(job)
    name = render_filename("{prompt:10}_{id}.mp4", job)
    piece = name.rsplit("_", 1)[1].removesuffix(".mp4")
    assert piece == short_id(job) == job.id[:SHORT_ID_CHARS]
    assert resolve_job(store, piece).id == job.id


@pytest.mark.parametrize(
    "ref",
    [
        "3f2a9c1b7d5e4f60a1b2c3d4e5f60718",  # the full local id
        "3f2a",  # a prefix of it (the shortest allowed)
        "3F2A9C",  # any case
        "video_68d7512d07848190b3e45da0ecbebcde",  # the full remote id
        "video_68d7",  # a prefix of the remote id
        "68d7512d",  # ... or of the remote id without its "video_"
        "a0ecbebcde",  # the end of the remote id: the {id} of files exported before
    ],
)
def test_every_piece_of_either_id_names_the_job(store: JobStore, ref: str) -> None:
    job = _job("3f2a9c1b7d5e4f60a1b2c3d4e5f60718", "video_68d7512d07848190b3e45da0ecbebcde")
    store.add(job)
    store.add(_job("99990000aaaabbbbccccddddeeeeffff", "video_11112222333344445555"))
    assert resolve_job(store, ref).id == job.id


def test_too_short_says_how_many_characters(store: JobStore) -> None:
    store.add(_job("7e3f1a2b3c4d5e6f7a8b9c0d1e2f3a4b", None))
    with pytest.raises(InvalidRequestError) as info:
        resolve_job(store, "7e", hint="See the ids with: sora-desktop history")
    err = info.value
    assert err.param == "job_id" and err.code == "id_too_short"
    assert f"at least {MIN_REF_CHARS} characters" in err.message
    assert err.next_step == "See the ids with: sora-desktop history"


def test_ambiguous_names_the_candidates_and_the_length_needed(store: JobStore) -> None:
    a = _job("7e3f1a2b3c4d5e6f7a8b9c0d1e2f3a4b", None, "a red fox in the snow", at=1)
    b = _job("7e3f19ffffffffffffffffffffffffff", None, "a koi pond in the rain", at=2)
    store.add(a)
    store.add(b)
    store.add(_job("00001111222233334444555566667777", None))
    with pytest.raises(InvalidRequestError) as info:
        resolve_job(store, "7e3f")
    err = info.value
    assert err.code == "ambiguous_id"
    assert "fits 2 jobs" in err.message
    assert short_id(a) in err.message and short_id(b) in err.message
    assert "koi pond" in err.message
    assert "at least 6 characters" in err.next_step  # "7e3f1" is shared: one more is needed
    assert resolve_job(store, "7e3f1a").id == a.id


def test_many_matches_are_summed_up(store: JobStore) -> None:
    for i in range(8):
        store.add(_job(f"abcd{i:028d}", None, at=i))
    with pytest.raises(InvalidRequestError) as info:
        resolve_job(store, "abcd")
    assert "more than 5 jobs" in info.value.message


def test_no_such_job(store: JobStore) -> None:
    store.add(_job("7e3f1a2b3c4d5e6f7a8b9c0d1e2f3a4b", None))
    with pytest.raises(InvalidRequestError) as info:
        resolve_job(store, "zzzz9")
    assert info.value.code == "no_such_job" and "'zzzz9'" in info.value.message


def test_like_wildcards_are_plain_characters(store: JobStore) -> None:
    store.add(_job("7e3f1a2b3c4d5e6f7a8b9c0d1e2f3a4b", "video_abc"))
    for ref in ("%%%%", "____", "7e3%", "7_3f"):
        with pytest.raises(InvalidRequestError):
            resolve_job(store, ref)
