"""The simulator's Replicate predictions API, under ``/replicate/`` (see ``providers.py``)."""

from __future__ import annotations

import secrets
import time
from collections.abc import Mapping
from typing import Any

from sora_desktop.core.models import ConnectionKind
from sora_desktop.simulator.content import Response
from sora_desktop.simulator.jobs import SimJob
from sora_desktop.simulator.providers import ProviderError, ProviderSim, _iso, _json
from sora_desktop.simulator.schemas import replicate_model


class ReplicateSim(ProviderSim):
    kind = ConnectionKind.REPLICATE
    prefix = "/replicate"

    def unauthorized(self, message: str) -> ProviderError:
        return ProviderError(401, {"title": "Unauthenticated", "detail": message, "status": 401})

    def not_found(self, what: str) -> ProviderError:
        return ProviderError(
            404, {"title": "Not found", "detail": f"{what} not found.", "status": 404}
        )

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
        if parts[:1] != ["v1"]:
            raise self.not_found(f"Path {path!r}")
        rest = parts[1:]
        if rest == ["account"] and method == "GET":
            return _json(
                {"type": "user", "username": "simulator", "name": "Sora Desktop simulator"}
            )
        if rest == ["files"] and method == "POST":
            return self.upload(headers, body)
        if len(rest) == 3 and rest[0] == "models" and method == "GET":
            model_id = f"{rest[1]}/{rest[2]}"
            doc = replicate_model(model_id)
            if doc is None:
                raise self.not_found(f"Model {model_id!r}")
            return _json(doc)
        if len(rest) == 4 and rest[0] == "models" and rest[3] == "predictions" and method == "POST":
            data = self.body_json(body)
            return self.create(f"{rest[1]}/{rest[2]}", data.get("input"), headers)
        if rest == ["predictions"] and method == "POST":
            data = self.body_json(body)
            version = str(data.get("version") or "")
            model_id = version.split(":", 1)[0] if "/" in version else f"sim/version-{version}"
            return self.create(model_id, data.get("input"), headers)
        if rest == ["predictions"] and method == "GET":
            return self.list(query)
        if len(rest) == 2 and rest[0] == "predictions" and method == "GET":
            job = self.job(rest[1])
            self.poll_fault(job)
            return _json(self.prediction(job))
        if len(rest) == 3 and rest[0] == "predictions" and rest[2] == "cancel" and method == "POST":
            job = self.job(rest[1])
            if self.state(job)[0] in ("queued", "in_progress"):
                job.extra["cancelled"] = True
                self.table.changed()
            return _json(self.prediction(job))
        raise self.not_found(f"Path {path!r}")

    def upload(self, headers: Mapping[str, str], body: bytes) -> Response:
        from sora_desktop.simulator.multipart import FilePart, MultipartError, parse_multipart

        try:
            form = parse_multipart(body, headers.get("content-type", ""))
        except (MultipartError, UnicodeDecodeError) as exc:
            raise ProviderError(
                400, {"detail": f"Bad multipart body: {exc}", "status": 400}
            ) from None
        part = form.get("content")
        if not isinstance(part, FilePart):
            raise ProviderError(422, {"detail": "- content: a file is required", "status": 422})
        file_id = secrets.token_hex(12)
        self.api.uploads[file_id] = part.data
        url = f"{self.api.base_url}{self.prefix}/v1/files/{file_id}"
        return _json(
            {
                "id": file_id,
                "name": part.filename,
                "content_type": part.content_type,
                "size": len(part.data),
                "urls": {"get": url},
            },
            201,
        )

    def create(self, model_id: str, inputs: Any, headers: Mapping[str, str]) -> Response:
        if not isinstance(inputs, dict):
            raise ProviderError(
                422,
                {"title": "Input validation failed", "detail": "- input: required", "status": 422},
            )
        model = self.model(model_id)
        problems = []
        if not isinstance(inputs.get("prompt"), str) or not inputs["prompt"].strip():
            problems.append("- input.prompt: prompt is required")
        if model is not None and model.seconds_field and model.seconds_field in inputs:
            allowed = [v for _n, v in model.seconds]
            if inputs[model.seconds_field] not in allowed:
                problems.append(
                    f"- input.{model.seconds_field}: {model.seconds_field} must be one of the "
                    "following: " + ", ".join(str(a) for a in allowed)
                )
        if problems:
            raise ProviderError(
                422,
                {"title": "Input validation failed", "detail": "\n".join(problems), "status": 422},
            )
        size, seconds = self.size_and_seconds(model, inputs)
        start = model.field_for("start_image") if model is not None else "image"
        reference = self.image_bytes(inputs.get(start or "image"))
        pid = "".join(secrets.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(26))
        job = self.start(
            model_id=model_id,
            prompt=str(inputs["prompt"]),
            size=size,
            seconds=seconds,
            reference=reference,
            extra={"input": inputs},
            job_id=pid,
        )
        wait = self._prefer_wait(headers)
        if wait:
            deadline = time.monotonic() + wait
            while time.monotonic() < deadline and self.state(job)[0] in ("queued", "in_progress"):
                time.sleep(0.05)
        response = _json(self.prediction(job), 201)
        if job.directives.drop:
            response.fault = "drop"
        return response

    @staticmethod
    def _prefer_wait(headers: Mapping[str, str]) -> float:
        prefer = headers.get("prefer", "").strip().lower()
        if not prefer.startswith("wait"):
            return 0.0
        _key, _sep, value = prefer.partition("=")
        return min(60.0, float(value)) if value.strip().isdigit() else 60.0

    def prediction(self, job: SimJob) -> dict[str, Any]:
        status, _progress, done, error = self.state(job)
        raw = {
            "queued": "starting",
            "in_progress": "processing",
            "completed": "succeeded",
            "failed": "failed",
            "cancelled": "canceled",
        }.get(status, status)
        output = None
        data_removed = False
        if raw == "succeeded":
            if job.directives.expired:
                data_removed = True
            else:
                output = self.result_url(job)
        err_text = None
        if raw == "failed" and error is not None:
            err_text = error.get("message")
            if error.get("code") == "moderation_blocked":
                err_text = (
                    "The input or output was flagged as sensitive. Please try again with "
                    "different inputs. (E005) [sim:moderation]"
                )
        pid = job.id
        base = f"{self.api.base_url}{self.prefix}/v1/predictions/{pid}"
        return {
            "id": pid,
            "model": job.model,
            "version": "sim0000000000000000000000000000000000000000000000000000000000000",
            "status": raw,
            "input": job.extra.get("input", {}),
            "output": output,
            "logs": "",
            "error": err_text,
            "metrics": {"predict_time": job.latency} if raw == "succeeded" else {},
            "source": "api",
            "data_removed": data_removed,
            "created_at": _iso(job.created),
            "started_at": _iso(job.created + job.latency * 0.1) if raw != "starting" else None,
            "completed_at": _iso(done) if done is not None else None,
            "urls": {
                "get": base,
                "cancel": base + "/cancel",
                "web": f"https://replicate.com/p/{pid}",
            },
        }

    def list(self, query: dict[str, str]) -> Response:
        jobs = [j for j in self.table.ordered(descending=True) if j.dialect == self.kind.value]
        cursor = query.get("cursor")
        if cursor and cursor.isdigit():
            jobs = [j for j in jobs if j.seq < int(cursor)]
        page = jobs[:100]
        nxt = None
        if len(jobs) > 100:
            nxt = f"{self.api.base_url}{self.prefix}/v1/predictions?cursor={page[-1].seq}"
        return _json({"results": [self.prediction(j) for j in page], "next": nxt, "previous": None})
