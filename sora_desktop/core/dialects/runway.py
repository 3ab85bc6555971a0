"""Runway's task API (providers-api.md section 3).

- create: ``POST /v1/text_to_video`` or ``/v1/image_to_video`` with ``model``,
  ``promptText``, ``ratio``, ``duration``, ``promptImage`` (a URI, or ``[{uri, position}]``
  with a last frame) -> ``{"id", "estimatedCost"}``;
- poll: ``GET /v1/tasks/{id}``: ``PENDING``, ``THROTTLED`` (waiting for the organisation's
  concurrency: shown as waiting in Runway's queue), ``RUNNING`` (``progress`` 0..1),
  ``SUCCEEDED`` (``output: [url]``, URLs that expire in 24-48 h: a new GET gives fresh
  ones), ``FAILED`` (``failure``, ``failureCode``; ``SAFETY.*`` is moderation),
  ``CANCELLED``;
- cancel and delete: ``DELETE /v1/tasks/{id}``. Runway has no task list, so a create whose
  reply was lost ends "outcome unknown".

Every request carries ``Authorization: Bearer`` and ``X-Runway-Version: 2024-11-06``.
Images up to 5 MB go inline as data URIs; larger ones through ``POST /v1/uploads`` (the file
itself goes to the upload URL, another host, without the key). "Test connection":
``GET /v1/organization``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

import httpx

from sora_desktop.core.client import network_error
from sora_desktop.core.dialects.base import ConnectionFacts, ProviderClient, iso_seconds
from sora_desktop.core.dialects.errors import PROVIDER_NAMES
from sora_desktop.core.errors import ServiceUnavailableError
from sora_desktop.core.i18n import _
from sora_desktop.core.models import ConnectionKind, VideoRequest
from sora_desktop.core.remote_video import RemoteError, RemoteVideo
from sora_desktop.core.wire import Polled

DEFAULT_BASE_URL = "https://api.dev.runwayml.com"
API_VERSION = "2024-11-06"
STATUS = {
    "PENDING": "queued",
    "THROTTLED": "queued",
    "RUNNING": "in_progress",
    "SUCCEEDED": "completed",
}


class RunwayDialect(ProviderClient):
    provider_name = PROVIDER_NAMES[ConnectionKind.RUNWAY]
    dashboard_url = "https://dev.runwayml.com"
    data_uri_limit = 5 * 1024 * 1024

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._results: dict[str, str] = {}

    def auth_headers(self, api_key: str | None) -> dict[str, str]:
        headers = {"X-Runway-Version": API_VERSION}
        if api_key:
            headers["Authorization"] = f"Bearer {api_key}"
        return headers

    @staticmethod
    def _task(remote_id: str) -> str:
        return f"v1/tasks/{quote(remote_id, safe='')}"

    async def create(self, request: VideoRequest) -> Polled:
        model = await self.model(request.model)
        start = end = None
        if request.reference_image is not None:
            start = await self.image_uri(request.reference_image, param="input_reference")
        if request.end_image is not None:
            end = await self.image_uri(request.end_image, param="end_image")
        images = await self.param_images(request)
        body = model.build_input(request, start_image=start, end_image=end, images=images)
        body.setdefault("model", request.model)
        endpoint = model.endpoint(with_image=start is not None)
        response = await self.send("POST", f"v1/{quote(endpoint, safe='_')}", json=body)
        data = self.json(response)
        task_id = data.get("id") if isinstance(data, Mapping) else None
        if not isinstance(task_id, str) or not task_id:
            raise ServiceUnavailableError(
                _("Runway's answer to the create has no task id."),
                _("Check the base URL of this connection."),
                status_code=response.status_code,
            )
        video = RemoteVideo(id=task_id, status="queued", model=request.model, prompt=request.prompt)
        return Polled(video=video, poll_after=None)

    def parse(self, data: Any) -> RemoteVideo:
        if not isinstance(data, Mapping) or not isinstance(data.get("id"), str):
            raise ServiceUnavailableError(
                _("Runway's answer is not a task."), _("Check the base URL of this connection.")
            )
        task_id = str(data["id"])
        raw = str(data.get("status") or "").upper()
        status = STATUS.get(raw, raw.lower() or "unknown")
        note = None
        progress = 0
        error = None
        if raw == "THROTTLED":
            note = _(
                "Waiting in Runway's queue: your organisation is running as many tasks as "
                "its plan allows."
            )
        elif raw == "RUNNING":
            value = data.get("progress")
            if isinstance(value, int | float) and not isinstance(value, bool):
                progress = max(1, min(99, int(value * 100)))
        elif raw == "SUCCEEDED":
            progress = 100
            output = data.get("output")
            if isinstance(output, list) and output and isinstance(output[0], str):
                self._results[task_id] = output[0]
        elif raw in ("FAILED", "CANCELLED"):
            status = "failed"
            code = str(data.get("failureCode") or "")
            text = str(data.get("failure") or "")
            if code.upper().startswith("SAFETY"):
                code = "moderation_blocked"
                text = (
                    f"{text} ({data.get('failureCode')})".strip()
                    if text
                    else str(data.get("failureCode"))
                )
            elif raw == "CANCELLED":
                code = "cancelled"
                text = text or _("The task was cancelled at Runway.")
            error = RemoteError(code=code or None, message=text[:500], source=self.provider_name)
        return RemoteVideo(
            id=task_id,
            status=status,
            progress=progress,
            created_at=iso_seconds(data.get("createdAt")),
            error=error,
            note=note,
        )

    async def retrieve(self, remote_id: str) -> Polled:
        return Polled(self.parse(self.json(await self.send("GET", self._task(remote_id)))), None)

    async def result_url(self, remote_id: str, *, refresh: bool = False) -> str:
        if refresh or remote_id not in self._results:
            await self.retrieve(remote_id)  # a new GET hands out fresh URLs
        url = self._results.get(remote_id)
        if url is None:
            raise ServiceUnavailableError(
                _("Runway's task has no output yet."), _("The app will ask again.")
            )
        return url

    async def cancel(self, remote_id: str) -> None:
        await self.send("DELETE", self._task(remote_id), headers={"Accept": "*/*"})

    async def delete(self, remote_id: str) -> None:
        await self.send("DELETE", self._task(remote_id), headers={"Accept": "*/*"})

    async def check(self) -> ConnectionFacts:
        data = self.json(await self.send("GET", "v1/organization"))
        facts: list[tuple[str, str]] = []
        if isinstance(data, Mapping):
            credits = data.get("creditBalance")
            if isinstance(credits, int | float) and not isinstance(credits, bool):
                facts.append((_("Credits"), f"{credits:g}"))
        return ConnectionFacts(facts=tuple(facts))

    async def _upload(self, name: str, data: bytes, mime: str) -> str:
        """``POST /v1/uploads`` for an upload URL, then the file there (no key: another
        host); the ``runwayUri`` is what goes into the task."""
        answer = self.json(
            await self.send("POST", "v1/uploads", json={"filename": name, "type": "ephemeral"})
        )
        if not isinstance(answer, Mapping):
            answer = {}
        upload_url = answer.get("uploadUrl")
        fields = answer.get("fields") if isinstance(answer.get("fields"), Mapping) else {}
        runway_uri = answer.get("runwayUri")
        if not isinstance(upload_url, str) or not isinstance(runway_uri, str):
            raise ServiceUnavailableError(
                _("Runway's answer to the upload is incomplete."), _("Try again later.")
            )
        from sora_desktop.core.dialects.base import result_url_problem

        problem = result_url_problem(upload_url)
        if problem is not None:
            raise ServiceUnavailableError(
                _("Runway's upload address can't be used: {problem}.").format(problem=problem),
                _("Try again later."),
            )
        try:
            response = await self._public.post(
                upload_url,
                data={str(k): str(v) for k, v in fields.items()},
                files={"file": (name, data, mime)},
            )
        except httpx.TransportError as exc:
            raise network_error(exc) from None
        if response.status_code >= 400:
            raise self.http_error(response)
        return runway_uri
