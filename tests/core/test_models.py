"""The job state machine and the small value types every layer shares."""

from __future__ import annotations

import itertools

import pytest

from sora_desktop.core.models import (
    TERMINAL_STATUSES,
    TRANSITIONS,
    ConnectionKind,
    JobStatus,
    KeySource,
    Profile,
    VideoRequest,
    can_transition,
)


def test_every_status_has_a_transition_row() -> None:
    assert set(TRANSITIONS) == set(JobStatus)


def test_terminal_statuses_have_no_way_out() -> None:
    for status in TERMINAL_STATUSES:
        assert TRANSITIONS[status] == frozenset()
        assert status.is_terminal
        assert not status.is_active


def test_happy_path_is_allowed_in_order() -> None:
    path = [
        JobStatus.DRAFT,
        JobStatus.SUBMITTING,
        JobStatus.QUEUED,
        JobStatus.IN_PROGRESS,
        JobStatus.COMPLETED,
        JobStatus.DOWNLOADING,
        JobStatus.READY,
    ]
    for current, new in itertools.pairwise(path):
        assert can_transition(current, new), (current, new)


@pytest.mark.parametrize(
    ("current", "new"),
    [
        (JobStatus.READY, JobStatus.DOWNLOADING),
        (JobStatus.DRAFT, JobStatus.READY),
        (JobStatus.QUEUED, JobStatus.READY),  # never ready without a download
        (JobStatus.SUBMITTING, JobStatus.DOWNLOADING),
        (JobStatus.FAILED, JobStatus.QUEUED),
    ],
)
def test_illegal_jumps_are_refused(current: JobStatus, new: JobStatus) -> None:
    assert not can_transition(current, new)


def test_interrupted_jobs_can_resume_every_active_step() -> None:
    for status in (
        JobStatus.SUBMITTING,
        JobStatus.QUEUED,
        JobStatus.IN_PROGRESS,
        JobStatus.COMPLETED,
        JobStatus.DOWNLOADING,
    ):
        assert can_transition(status, JobStatus.INTERRUPTED)
        assert can_transition(JobStatus.INTERRUPTED, status)
    assert JobStatus.INTERRUPTED.is_active
    assert not JobStatus.DRAFT.is_active


@pytest.mark.parametrize(
    ("source", "text"),
    [
        (KeySource(keyring_user="work"), "keyring:work"),
        (KeySource(env_var="OPENAI_API_KEY"), "env:OPENAI_API_KEY"),
        (KeySource(), "none"),
    ],
)
def test_key_source_round_trips_through_text(source: KeySource, text: str) -> None:
    assert source.describe() == text
    assert KeySource.parse(text) == source


def test_key_source_refuses_garbage() -> None:
    with pytest.raises(ValueError, match="unknown key source"):
        KeySource.parse("file:/etc/passwd")


def test_profile_connection_names_where_the_key_lives_never_the_key() -> None:
    p = Profile(id="work", name="Work", kind=ConnectionKind.OPENAI, base_url="https://x/v1")
    assert p.connection().key_source == KeySource(keyring_user="work")
    env = Profile(
        id="gw", name="GW", kind=ConnectionKind.COMPATIBLE, base_url="https://g/v1", env_var="GW"
    )
    assert env.connection().key_source == KeySource(env_var="GW")
    sim = Profile(id="simulator", name="Sim", kind=ConnectionKind.SIMULATOR, base_url="")
    assert sim.connection().key_source == KeySource()


def test_request_splits_its_size() -> None:
    r = VideoRequest(prompt="x", size="1792x1024")
    assert (r.width, r.height) == (1792, 1024)
