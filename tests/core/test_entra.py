"""Azure sign-in with Microsoft Entra ID: a fake credential with azure-core's ``get_token``
protocol stands in for azure-identity (never a real Microsoft call); the simulator, behind a
recording proxy, sees the bearer token, refreshed before it expires, and never a key."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from azure.core.credentials import AccessToken

from sora_desktop.core import entra
from sora_desktop.core.api_keys import api_key_for
from sora_desktop.core.errors import AuthenticationError, ErrorKind
from sora_desktop.core.models import (
    AuthStyle,
    Connection,
    ConnectionKind,
    JobStatus,
    Profile,
    VideoRequest,
)
from sora_desktop.core.profiles import profile_from_dict, profile_to_dict
from sora_desktop.simulator.server import SimulatorServer
from tests.provider_support import generate
from tests.reliability.faultserver import FaultServer

T0 = 1_800_000_000.0


@dataclass
class FakeCredential:
    """azure-identity's credential shape: ``get_token(*scopes) -> AccessToken``."""

    clock: list[float]
    lifetime: float = 3600.0
    scopes: list[tuple[str, ...]] = field(default_factory=list)
    fail: bool = False

    def get_token(self, *scopes: str, **_kw: Any) -> AccessToken:
        self.scopes.append(scopes)
        if self.fail:
            raise RuntimeError("AADSTS50076: multi-factor authentication is required")
        return AccessToken(f"tok-{len(self.scopes)}", int(self.clock[0] + self.lifetime))


@pytest.fixture
def now() -> list[float]:
    return [T0]


@pytest.fixture
def credential(now: list[float]) -> Iterator[FakeCredential]:
    cred = FakeCredential(now)
    entra.set_credential_factory(lambda _conn: cred, clock=lambda: now[0])
    try:
        yield cred
    finally:
        entra.set_credential_factory(None)


def test_the_token_is_kept_then_fetched_again_before_it_expires(
    credential: FakeCredential, now: list[float]
) -> None:
    token = entra.EntraToken(credential, clock=lambda: now[0])
    assert token.get() == "tok-1" and token.get() == "tok-1"
    assert credential.scopes == [("https://cognitiveservices.azure.com/.default",)]
    now[0] = T0 + 3600 - entra.REFRESH_MARGIN - 1  # still fresh enough
    assert token.get() == "tok-1"
    now[0] = T0 + 3600 - entra.REFRESH_MARGIN + 1  # about to expire: fetched again
    assert token.get() == "tok-2" and len(credential.scopes) == 2


def test_a_failed_sign_in_is_an_authentication_error_saying_what_to_do(
    credential: FakeCredential, now: list[float]
) -> None:
    credential.fail = True
    with pytest.raises(AuthenticationError) as failed:
        entra.EntraToken(credential, clock=lambda: now[0]).get()
    assert "AADSTS50076" in failed.value.message and "API key" in failed.value.next_step
    assert failed.value.kind is ErrorKind.AUTHENTICATION


def test_an_entra_profile_keeps_no_key_and_round_trips() -> None:
    profile = Profile(
        id="work-azure",
        name="Work Azure",
        kind=ConnectionKind.AZURE,
        base_url="https://res.openai.azure.com/openai/v1",
        auth_style=AuthStyle.ENTRA,
        env_var="AZURE_OPENAI_API_KEY",  # ignored: signed in
    )
    conn = profile.connection()
    assert conn.key_source.keyring_user is None and conn.key_source.env_var is None
    looked: list[object] = []
    assert api_key_for(conn, lambda s: looked.append(s) or "k") is None and looked == []
    data = profile_to_dict(profile)
    assert data["auth_style"] == "entra" and "key" not in " ".join(data)
    assert profile_from_dict(data).auth_style is AuthStyle.ENTRA


@pytest.fixture
def sim(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SimulatorServer]:
    renders = tmp_path_factory.mktemp("entra-renders")
    with SimulatorServer(latency=0.3, storage_dir=renders) as server:
        yield server


def test_the_simulator_receives_the_bearer_token_refreshed_and_no_key(
    credential: FakeCredential, now: list[float], sim: SimulatorServer, tmp_path: Path
) -> None:
    with FaultServer(sim.url) as proxy:
        conn = Connection(
            kind=ConnectionKind.AZURE,
            base_url=proxy.url + "/openai/v1",
            auth_style=AuthStyle.ENTRA,
            profile_id="work-azure",
        )
        req = VideoRequest(prompt="a lighthouse", model="sora-2", size="1280x720", seconds=4)
        first = generate(tmp_path / "a", req, conn, key="never-sent")
        assert first.status is JobStatus.READY, first.error_message
        seen_first = len(proxy.seen)
        now[0] = T0 + 3600 - 60  # a minute before expiry: the next request refreshes
        second = generate(tmp_path / "b", req, conn, key="never-sent")
        assert second.status is JobStatus.READY, second.error_message
        seen = list(proxy.seen)
    assert seen_first >= 3  # create, poll(s), download
    auth = [s.headers.get("authorization") for s in seen]
    assert set(auth[:seen_first]) == {"Bearer tok-1"}
    assert set(auth[seen_first:]) == {"Bearer tok-2"}
    assert not any("api-key" in s.headers for s in seen)
    assert not any("never-sent" in repr(s.headers) for s in seen)
    assert len(credential.scopes) == 2  # one sign-in per token, not per request
