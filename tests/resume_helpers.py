"""A job left unfinished by an earlier run, for the resume tests of both faces: its create
went to a running simulator (over HTTP, as the app sends it), then the app stopped."""

from __future__ import annotations

import time
import uuid
from typing import Any

import httpx

from sora_desktop.core.models import Connection, ConnectionKind, Job, JobStatus, VideoRequest
from sora_desktop.core.status_change import StatusChange
from sora_desktop.core.store import JobStore


def left_unfinished(store: JobStore, simulator: Any, prompt: str = "a kept kite") -> Job:
    """An ``interrupted`` job whose video the simulator already has (one create in all)."""
    request = VideoRequest(prompt=prompt, model="sora-2", size="1280x720", seconds=4)
    base_url = simulator.url + "/v1"
    body = {"prompt": prompt, "model": "sora-2", "size": "1280x720", "seconds": "4"}
    # any key will do: the simulator only asks that one is sent (the app sends a stand-in)
    sent = httpx.post(
        f"{base_url}/videos", json=body, headers={"Authorization": "Bearer sim"}, timeout=30
    )
    sent.raise_for_status()
    now = time.time()
    path = (JobStatus.DRAFT, JobStatus.SUBMITTING, JobStatus.QUEUED, JobStatus.INTERRUPTED)
    job = Job(
        id=uuid.uuid4().hex,
        request=request,
        connection=Connection(kind=ConnectionKind.SIMULATOR, base_url=base_url),
        status=JobStatus.INTERRUPTED,
        remote_id=str(sent.json()["id"]),
        created_at=now,
        updated_at=now,
        submitted_at=now,
        history=[StatusChange(s, now) for s in path],
    )
    store.add(job)
    return job


def a_draft(store: JobStore, prompt: str = "never sent") -> Job:
    """A draft: never sent, so never resumed."""
    now = time.time()
    job = Job(
        id=uuid.uuid4().hex,
        request=VideoRequest(prompt=prompt),
        connection=Connection(kind=ConnectionKind.SIMULATOR, base_url="http://127.0.0.1:9/v1"),
        created_at=now,
        updated_at=now,
        history=[StatusChange(JobStatus.DRAFT, now)],
    )
    store.add(job)
    return job
