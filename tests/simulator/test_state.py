"""A simulator with a state folder keeps its jobs across a restart (another port each time):
ids, created_at, expiry, faults already played, deletions; unfinished renders are redone."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from sora_desktop.simulator.server import SimulatorServer
from sora_desktop.simulator.state import KEEP_AFTER_END, StateInUse
from tests.fail_on_unexpected import ExpectLog
from tests.simulator.conftest import CLIP, wait_for

HEADERS = {"Authorization": "Bearer k"}


@pytest.fixture
def state(tmp_path: Path) -> Path:
    return tmp_path / "state"


@pytest.fixture
def run(state: Path) -> Iterator[Callable[..., SimulatorServer]]:
    """Start a simulator on ``state`` (stop the previous one first, as a restart does)."""
    servers: list[SimulatorServer] = []

    def start(**kw: Any) -> SimulatorServer:
        for old in servers:
            old.stop()
        kw.setdefault("latency", 0.5)
        server = SimulatorServer("127.0.0.1", 0, state_dir=state, **kw)
        server.start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


def client(server: SimulatorServer) -> httpx.Client:
    return httpx.Client(base_url=server.url + "/v1", headers=HEADERS, timeout=30)


def test_a_render_cut_by_a_stop_finishes_after_the_restart(
    run: Callable[..., SimulatorServer],
) -> None:
    first = run()
    with client(first) as c:
        made = c.post("/videos", json={"prompt": "A lantern [sim:slow=2]"}).json()
    second = run()
    with client(second) as c:
        done = wait_for(c, made["id"])
        assert done["status"] == "completed" and done["created_at"] == made["created_at"]
        content = c.get(f"/videos/{made['id']}/content")
        assert content.status_code == 200 and content.content[4:8] == b"ftyp"
        assert c.get("/videos").json()["data"][0]["id"] == made["id"]
    assert (first.created_count, second.created_count) == (1, 0)


def test_a_finished_job_keeps_its_expiry_and_bytes_across_restarts(
    run: Callable[..., SimulatorServer],
) -> None:
    with client(run()) as c:
        made = c.post("/videos", json={"prompt": CLIP, "size": "1280x720"}).json()
        done = wait_for(c, made["id"])
        before = c.get(f"/videos/{made['id']}/content").content
    with client(run()) as c:
        again = c.get(f"/videos/{made['id']}").json()
        assert again == done  # same id, created_at, completed_at, expires_at
        assert c.get(f"/videos/{made['id']}/content").content == before


def test_deleted_jobs_stay_deleted_and_lost_replies_stay_listed(
    run: Callable[..., SimulatorServer],
) -> None:
    with client(run()) as c:
        gone = c.post("/videos", json={"prompt": "[sim:fail] gone"}).json()["id"]
        assert c.delete(f"/videos/{gone}").status_code == 200
        with pytest.raises(httpx.RemoteProtocolError):  # registered, reply lost
            c.post("/videos", json={"prompt": "[sim:drop] a reply lost"})
    with client(run()) as c:
        assert c.get(f"/videos/{gone}").status_code == 404
        listed = c.get("/videos").json()["data"]
        assert [v["prompt"] for v in listed] == ["[sim:drop] a reply lost"]  # reconcilable


def test_faults_already_played_are_not_played_again(run: Callable[..., SimulatorServer]) -> None:
    with client(run()) as c:
        made = c.post("/videos", json={"prompt": "[sim:notmp4] [sim:5xx=1] a page"}).json()
        assert c.get(f"/videos/{made['id']}").status_code == 503  # the one 503
        wait_for(c, made["id"])
        assert c.get(f"/videos/{made['id']}/content").content.startswith(b"<html>")
    with client(run()) as c:
        assert c.get(f"/videos/{made['id']}").status_code == 200
        assert c.get(f"/videos/{made['id']}/content").content[4:8] == b"ftyp"


def test_one_process_at_a_time(state: Path, run: Callable[..., SimulatorServer]) -> None:
    run()
    other = SimulatorServer("127.0.0.1", 0, state_dir=state)
    with pytest.raises(StateInUse):
        other.start()
    other.stop()  # nothing was started; stopping is harmless


def test_a_damaged_table_is_kept_aside(
    state: Path, run: Callable[..., SimulatorServer], expect_log: ExpectLog
) -> None:
    state.mkdir()
    (state / "jobs.json").write_text("{not json")
    with (
        expect_log("sora_desktop.simulator.state", "can't be read .*; kept as"),
        client(run()) as c,
    ):
        assert c.get("/videos").json()["data"] == []
    assert [p.name.startswith("jobs.json.damaged-") for p in state.glob("jobs.json.*")] == [True]


def test_jobs_long_expired_are_dropped_with_their_files(
    state: Path, run: Callable[..., SimulatorServer]
) -> None:
    with client(run(asset_ttl=1.0)) as c:
        made = c.post("/videos", json={"prompt": CLIP, "size": "1280x720"}).json()
        wait_for(c, made["id"])
    renders = state / "renders"
    assert any(renders.iterdir())
    table = json.loads((state / "jobs.json").read_text())
    for job in table["jobs"]:  # as if it had finished more than a day ago
        job["created"] -= KEEP_AFTER_END + 60
        job["rendered_at"] -= KEEP_AFTER_END + 60
    (state / "jobs.json").write_text(json.dumps(table))
    with client(run(asset_ttl=1.0)) as c:
        assert c.get(f"/videos/{made['id']}").status_code == 404
    assert list(renders.iterdir()) == []


def test_without_a_state_folder_nothing_is_kept() -> None:
    with SimulatorServer(latency=0.2) as sim, client(sim) as c:
        made = c.post("/videos", json={"prompt": "[sim:fail] nothing kept"}).json()
    with SimulatorServer(latency=0.2) as sim, client(sim) as c:
        assert c.get(f"/videos/{made['id']}").status_code == 404


def test_provider_jobs_keep_their_ids_and_results_across_a_restart(
    run: Callable[..., SimulatorServer],
) -> None:
    """A Runway task and a Replicate prediction made before a restart are still theirs after
    it, finish, and hand out a result from the new results origin."""
    runway_headers = {**HEADERS, "X-Runway-Version": "2024-11-06"}
    first = run()
    with httpx.Client(base_url=first.url, timeout=30) as c:
        task = c.post(
            "/runway/v1/text_to_video",
            headers=runway_headers,
            json={
                "model": "gen4.5",
                "promptText": "A lantern [sim:slow=2]",
                "ratio": "1280:720",
                "duration": 2,
            },
        ).json()
        prediction = c.post(
            "/replicate/v1/models/sim/any-video/predictions",
            headers=HEADERS,
            json={"input": {"prompt": "A kite [sim:slow=2]", "duration": 2}},
        ).json()
    second = run()
    assert second.url != first.url
    with httpx.Client(base_url=second.url, timeout=30) as c:
        deadline = time.monotonic() + 30
        while True:
            got = c.get(f"/runway/v1/tasks/{task['id']}", headers=runway_headers).json()
            if got["status"] in ("SUCCEEDED", "FAILED"):
                break
            assert time.monotonic() < deadline, got
            time.sleep(0.2)
        assert got["status"] == "SUCCEEDED", got
        clip = httpx.get(got["output"][0], timeout=30)
        assert clip.status_code == 200 and clip.content[4:8] == b"ftyp"
        assert not got["output"][0].startswith(second.url)  # the results origin, not the API's
        listed = c.get("/replicate/v1/predictions", headers=HEADERS).json()["results"]
        assert [p["id"] for p in listed] == [prediction["id"]]
        # the Videos API doesn't see the provider jobs, nor one provider another's
        assert c.get("/v1/videos", headers=HEADERS).json()["data"] == []
        missing = c.get(f"/runway/v1/tasks/{prediction['id']}", headers=runway_headers)
        assert missing.status_code == 404
    assert (first.created_count, second.created_count) == (2, 0)
