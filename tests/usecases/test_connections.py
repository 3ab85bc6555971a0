"""Testing a connection and the key rule: one implementation for the window and the CLI."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from sora_desktop.core.errors import AuthenticationError
from sora_desktop.core.models import Connection, ConnectionKind, KeySource, Profile
from sora_desktop.core.profiles import SIMULATOR_ID
from sora_desktop.usecases import connections
from tests.core.test_service_support import REQUEST, SIM, Harness


@pytest.fixture
def harness(tmp_path: Path) -> Harness:
    return Harness(tmp_path)


def test_check_connection_reports_ok_and_errors(harness: Harness) -> None:
    """(Moved here from tests/core/test_service.py with the code it tests.)"""

    async def body() -> None:
        try:
            await harness.service.generate(REQUEST, SIM)
            report = await connections.check_connection(
                SIM, lookup=lambda _s: None, client_factory=lambda c, k: harness.client, model="m"
            )
            assert report.ok and report.videos_listed == 1 and report.error is None
            assert report.latency >= 0.0 and report.model == "m"
            bad = Connection(
                kind=ConnectionKind.OPENAI,
                base_url="https://api.openai.com/v1",
                key_source=KeySource(keyring_user="nobody"),
            )
            report = await connections.check_connection(bad, lookup=lambda _s: None)
            assert not report.ok and isinstance(report.error, AuthenticationError)
        finally:
            await harness.close()

    asyncio.run(body())


def test_a_missing_key_is_worded_once_for_jobs_and_for_the_test() -> None:
    """The service (running a job) and the test say the same thing; only the face's next
    step for a key to be saved differs."""
    no_key = Connection(
        kind=ConnectionKind.OPENAI,
        base_url="https://api.openai.com/v1",
        key_source=KeySource(keyring_user="mine"),
    )
    report = asyncio.run(
        connections.check_connection(no_key, lookup=lambda _s: None, hint="Paste it.")
    )
    assert report.error is not None
    assert report.error.message == "No API key is saved for this connection."
    assert report.error.next_step == "Paste it."
    with pytest.raises(AuthenticationError) as job_err:
        connections.api_key_for(no_key, lambda _s: None)
    assert job_err.value.message == report.error.message
    assert "sora-desktop profile set-key mine" in job_err.value.next_step

    env = Connection(
        kind=ConnectionKind.OPENAI,
        base_url="https://api.openai.com/v1",
        key_source=KeySource(env_var="MY_SORA_KEY"),
    )
    report = asyncio.run(connections.check_connection(env, lookup=lambda _s: None))
    assert report.error is not None
    assert report.error.message == "No API key: the environment variable MY_SORA_KEY is not set."


def test_a_typed_key_is_tried_instead_of_the_stored_one(harness: Harness) -> None:
    seen: list[str | None] = []

    def factory(connection: Connection, key: str | None) -> object:
        seen.append(key)
        return harness.client

    async def body() -> None:
        try:
            no_key = Connection(
                kind=ConnectionKind.OPENAI,
                base_url="https://api.openai.com/v1",
                key_source=KeySource(keyring_user="mine"),
            )
            report = await connections.check_connection(
                no_key,
                key="typed",
                lookup=lambda _s: None,
                client_factory=factory,  # type: ignore[arg-type]
            )
            assert report.ok
        finally:
            await harness.close()

    asyncio.run(body())
    assert seen == ["typed"]


def test_the_builtin_simulator_is_decided_by_one_rule() -> None:
    builtin = Profile(
        id=SIMULATOR_ID, name="Built-in simulator", kind=ConnectionKind.SIMULATOR, base_url=""
    )
    elsewhere = Profile(
        id="sim2", name="Other", kind=ConnectionKind.SIMULATOR, base_url="http://127.0.0.1:9/v1"
    )
    assert connections.is_builtin_simulator(builtin)
    assert connections.is_builtin_simulator(builtin.connection())
    assert not connections.is_builtin_simulator(elsewhere)
