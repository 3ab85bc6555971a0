"""Storyboards in the library (schema v5), and upgrading a v3 library to it."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

from sora_desktop.core import migrations, storyboard_store
from sora_desktop.core.models import Connection, ConnectionKind, Job, JobStatus, VideoRequest
from sora_desktop.core.store import JobStore
from sora_desktop.core.storyboard import Shot, add_shot, add_take, choose_take, new_storyboard

#: the schema version that brought storyboards (whatever number it has after merges)
V5 = migrations.MIGRATIONS.index(migrations._v5_storyboards) + 1


def test_save_get_list_delete(tmp_path: Path) -> None:
    store = JobStore(tmp_path / "library.db")
    try:
        board = new_storyboard("Trip", now=100.0)
        board = add_shot(board, Shot(id="s1", name="One", prompt="A road at dawn"))
        board = add_shot(board, Shot(id="s2", name="Two", prompt="港口的船"))
        board = add_take(add_take(board, "s1", "job-1"), "s1", "job-2")
        board = choose_take(board, "s1", "job-2")
        saved = storyboard_store.save(store, board, now=200.0)
        assert saved.updated_at == 200.0 and saved.created_at == 100.0
        assert storyboard_store.get(store, board.id) == saved
        assert storyboard_store.storyboards_with_job(store, "job-2") == [board.id]

        # an edit replaces the document and the take index together
        edited = add_take(saved, "s2", "job-3")
        storyboard_store.save(store, edited, now=300.0)
        assert storyboard_store.get(store, board.id) == dataclasses.replace(
            edited, updated_at=300.0
        )
        other = storyboard_store.save(store, new_storyboard("Other", now=400.0), now=400.0)
        listed = storyboard_store.list_storyboards(store)
        assert [(s.name, s.shots) for s in listed] == [("Other", 0), ("Trip", 2)]
        assert storyboard_store.storyboards_with_job(store, "job-3") == [board.id]

        storyboard_store.delete(store, board.id)
        assert storyboard_store.get(store, board.id) is None
        assert storyboard_store.storyboards_with_job(store, "job-1") == []
        assert [s.id for s in storyboard_store.list_storyboards(store)] == [other.id]
    finally:
        store.close()


def _v3_library(path: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        assert migrations.migrate(conn, target=V5 - 1) == V5 - 1
        conn.execute("BEGIN")
        for n, (prompt, remix_of) in enumerate(
            [("A koi pond", None), ("The koi pond at night", "video_0"), ("雨中的霓虹街道", None)]
        ):
            conn.execute(
                "INSERT INTO jobs (id, prompt, model, size, seconds, remix_of, conn_kind,"
                " base_url, auth_style, key_source, profile_id, status, remote_id, progress,"
                " created_at, updated_at, file_path, favourite, estimated_cost,"
                " remote_deleted_at) VALUES (?, ?, 'sora-2', '1280x720', 8, ?, 'openai',"
                " 'https://api.example.com/v1', 'bearer', 'keyring:work', 'work', 'ready',"
                " ?, 100, ?, ?, ?, ?, 0.8, NULL)",
                (
                    f"{n}" * 32,
                    prompt,
                    remix_of,
                    f"video_{n}",
                    1760000000.0 + n,
                    1760000100.0 + n,
                    f"/videos/{n}.mp4",
                    n % 2,
                ),
            )
            conn.execute(
                "INSERT INTO status_history (job_id, status, at, note) VALUES (?, 'ready', ?, ?)",
                (f"{n}" * 32, 5.0 + n, f"note {n}"),
            )
        conn.execute("COMMIT")
        jobs = conn.execute("SELECT * FROM jobs ORDER BY seq").fetchall()
        history = conn.execute("SELECT * FROM status_history ORDER BY seq").fetchall()
    finally:
        conn.close()
    return jobs, history


def test_a_v3_library_upgrades_losing_nothing(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    jobs_before, history_before = _v3_library(path)
    store = JobStore(path)
    try:
        conn = store._conn()
        assert migrations.user_version(conn) >= V5
        after = conn.execute("SELECT * FROM jobs ORDER BY seq").fetchall()
        assert [row[: len(jobs_before[0])] for row in after] == jobs_before
        assert all(row[len(jobs_before[0])] is None for row in after)  # extend_of: empty
        assert conn.execute("SELECT * FROM status_history ORDER BY seq").fetchall() == (
            history_before
        )
        # the library still works as before: search, remix links, filters
        assert store.count(search="koi") == 2
        assert store.count(search="雨中") == 1
        jobs = {j.remote_id: j for j in store.list_jobs()}
        assert store.source_of(jobs["video_1"]) == jobs["video_0"]
        assert jobs["video_0"].request.extend_of is None
        assert store.count(connections=["work"], sizes=["1280x720"]) == 3
        # and storyboards can be kept in it now
        board = add_take(
            add_shot(new_storyboard("After the upgrade"), Shot(id="s", prompt="P")),
            "s",
            jobs["video_2"].id,
        )
        storyboard_store.save(store, board)
        assert storyboard_store.storyboards_with_job(store, jobs["video_2"].id) == [board.id]
    finally:
        store.close()


def test_an_extension_keeps_its_source_link(tmp_path: Path) -> None:
    store = JobStore(tmp_path / "library.db")
    try:
        job = Job(
            id="e" * 32,
            request=VideoRequest(prompt="and then", seconds=4, extend_of="video_src"),
            connection=Connection(ConnectionKind.SIMULATOR, ""),
            status=JobStatus.DRAFT,
        )
        store.add(job)
        got = store.get(job.id)
        assert got is not None and got.request.extend_of == "video_src"
    finally:
        store.close()
