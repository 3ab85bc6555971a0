"""The simulator's Runway tasks API, under ``/runway/`` (see ``providers.py``)."""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Mapping
from typing import Any

from sora_desktop.core.catalogue import load_catalogue
from sora_desktop.core.models import ConnectionKind
from sora_desktop.simulator.content import Response
from sora_desktop.simulator.jobs import SimJob
from sora_desktop.simulator.providers import DEFAULT_SIZE, ProviderError, ProviderSim, _iso, _json

RUNWAY_VERSION = "2024-11-06"


class RunwaySim(ProviderSim):
    kind = ConnectionKind.RUNWAY
    prefix = "/runway"

    def unauthorized(self, message: str) -> ProviderError:
        return ProviderError(401, {"error": message})

    def not_found(self, what: str) -> ProviderError:
        return ProviderError(404, {"error": f"{what} not found."})

    def route(
        self,
        method: str,
        path: str,
        query: dict[str, str],
        headers: Mapping[str, str],
        body: bytes,
    ) -> Response:
        parts = [p for p in path.split("/") if p]
        self.key_of(headers, "Bearer")
        version = headers.get("x-runway-version", "").strip()
        if version != RUNWAY_VERSION:
            raise ProviderError(
                400,
                {"error": f"X-Runway-Version must be {RUNWAY_VERSION} (got {version or 'none'})."},
            )
        if parts[:1] != ["v1"]:
            raise self.not_found(f"Path {path!r}")
        rest = parts[1:]
        if rest == ["organization"] and method == "GET":
            return _json({"creditBalance": 1000, "tier": {"maxMonthlyCreditSpend": 10000}})
        if rest == ["uploads"] and method == "POST":
            return self.upload(self.body_json(body))
        if rest in (["text_to_video"], ["image_to_video"]) and method == "POST":
            return self.create(rest[0], self.body_json(body))
        if len(rest) == 2 and rest[0] == "tasks":
            job = self.job(rest[1])
            if method == "GET":
                self.poll_fault(job)
                return _json(self.task(job))
            if method == "DELETE":
                if self.state(job)[0] in ("queued", "in_progress"):
                    job.extra["cancelled"] = True
                    self.table.changed()
                else:
                    self.table.remove(job.id)
                    self.table.changed()
                return Response(204, b"", content_type="text/plain")
        raise ProviderError(405, {"error": f"{method} is not allowed on {path}."})

    def upload(self, data: dict[str, Any]) -> Response:
        token = secrets.token_hex(12)
        self.api.pending_uploads.add(token)
        return _json(
            {
                "uploadUrl": f"{self.api.results_url}/uploads/{token}",
                "fields": {"key": token, "policy": "sim"},
                "runwayUri": f"runway://uploads/{token}",
            }
        )

    def create(self, endpoint: str, data: dict[str, Any]) -> Response:
        model_id = str(data.get("model") or "")
        model = load_catalogue().get(self.kind, model_id)
        prompt = data.get("promptText")
        if endpoint == "text_to_video" and (not isinstance(prompt, str) or not prompt.strip()):
            raise ProviderError(400, {"error": "promptText is required for text_to_video."})
        if endpoint == "image_to_video" and not data.get("promptImage"):
            raise ProviderError(400, {"error": "promptImage is required for image_to_video."})
        if not model_id:
            raise ProviderError(400, {"error": "model is required."})
        ratio = str(data.get("ratio") or "")
        if model is not None:
            allowed = [dict(w).get("ratio") for _s, w in model.sizes]
            if ratio not in allowed:
                raise ProviderError(
                    400,
                    {
                        "error": f"Invalid ratio {ratio!r} for {model_id}; use one of "
                        + ", ".join(str(a) for a in allowed)
                        + "."
                    },
                )
            values = [v for _n, v in model.seconds]
            if "duration" in data and data["duration"] not in values:
                raise ProviderError(
                    400,
                    {
                        "error": f"Invalid duration {data['duration']!r} for {model_id}; "
                        + "use one of "
                        + ", ".join(str(v) for v in values)
                        + "."
                    },
                )
        size = ratio.replace(":", "x") if ratio and ":" in ratio else DEFAULT_SIZE
        duration = data.get("duration")
        seconds = (
            int(duration) if isinstance(duration, int) and not isinstance(duration, bool) else 5
        )
        job = self.start(
            model_id=model_id,
            prompt=str(prompt or ""),
            size=size,
            seconds=seconds,
            reference=self.image_bytes(data.get("promptImage")),
            extra={"input": data},
            job_id=str(uuid.uuid4()),
        )
        response = _json({"id": job.id, "estimatedCost": {"credits": seconds * 10}})
        if job.directives.drop:
            response.fault = "drop"
        return response

    def image_bytes(self, value: Any) -> bytes | None:
        if isinstance(value, list):
            first = [v for v in value if isinstance(v, Mapping) and v.get("position") == "first"]
            value = first[0].get("uri") if first else None
        if isinstance(value, str) and value.startswith("runway://uploads/"):
            return self.api.uploads.get(value.rsplit("/", 1)[-1])
        return super().image_bytes(value)

    def task(self, job: SimJob) -> dict[str, Any]:
        status, progress, _done, error = self.state(job)
        body: dict[str, Any] = {"id": job.id, "createdAt": _iso(job.created)}
        credits = job.seconds * 10
        # [sim:throttled]: the first look at the task always finds it THROTTLED, however long
        # it took to come (a busy machine), then it goes on as any task does
        first_look = job.directives.throttled and not job.extra.get("throttle_seen")
        if first_look and status in ("queued", "in_progress", "completed"):
            job.extra["throttle_seen"] = True
            body.update(status="THROTTLED", estimatedCost={"credits": credits})
            return body
        if status == "queued":
            body["status"] = "THROTTLED" if job.directives.throttled else "PENDING"
            body["estimatedCost"] = {"credits": credits}
        elif status == "in_progress":
            body.update(
                status="RUNNING", progress=progress / 100, estimatedCost={"credits": credits}
            )
        elif status == "completed":
            body.update(
                status="SUCCEEDED", output=[self.result_url(job)], cost={"credits": credits}
            )
        elif status == "cancelled":
            body.update(status="CANCELLED", cost={"credits": 0})
        else:
            code = "INTERNAL.BAD_OUTPUT.CODE01"
            text = (error or {}).get("message", "The task failed.")
            if error is not None and error.get("code") == "moderation_blocked":
                code = "SAFETY.INPUT.TEXT"
                text = "The prompt was flagged by content moderation ([sim:moderation])."
            body.update(status="FAILED", failure=text, failureCode=code, cost={"credits": 0})
        return body
