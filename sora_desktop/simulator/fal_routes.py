"""The simulator's fal queue API, under ``/fal/`` (see ``providers.py``).

A model's own extend endpoint (the catalogue's ``extend``, e.g.
``fal-ai/veo3.1/extend-video``) takes the source clip as a data URI and renders the whole
longer clip: the source's length plus the seconds added, at the source's size, under the
same prompt directives."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from typing import Any

from sora_desktop.core.catalogue import CatalogueModel, load_catalogue
from sora_desktop.core.models import ConnectionKind
from sora_desktop.simulator.content import Response
from sora_desktop.simulator.providers import ProviderError, ProviderSim, _data_uri, _json
from sora_desktop.simulator.render import Segment
from sora_desktop.simulator.schemas import fal_openapi


class FalSim(ProviderSim):
    kind = ConnectionKind.FAL
    prefix = "/fal"

    def unauthorized(self, message: str) -> ProviderError:
        return ProviderError(401, {"detail": message}, {"X-Fal-Error-Type": "unauthorized"})

    def route(
        self,
        method: str,
        path: str,
        query: dict[str, str],
        headers: Mapping[str, str],
        body: bytes,
    ) -> Response:
        parts = [p for p in path.split("/") if p]
        if parts[:4] == ["api", "openapi", "queue", "openapi.json"] and method == "GET":
            doc = fal_openapi(query.get("endpoint_id", ""))
            if doc is None:
                raise self.not_found(f"Endpoint {query.get('endpoint_id')!r}")
            return _json(doc)
        self.key_of(headers, "Key")
        if "requests" in parts:
            at = parts.index("requests")
            app = "/".join(parts[:at])
            rest = parts[at + 1 :]
            if len(rest) == 2 and rest[1] == "status" and method == "GET":
                return self.status(app, rest[0])
            if len(rest) == 2 and rest[1] == "cancel" and method == "PUT":
                return self.cancel(rest[0])
            if len(rest) == 1 and method == "GET":
                return self.result(rest[0])
            raise ProviderError(405, {"detail": f"{method} is not allowed here."})
        if method != "POST" or len(parts) < 2:
            raise ProviderError(405, {"detail": f"{method} is not allowed here."})
        return self.submit("/".join(parts), self.body_json(body))

    def _app(self, endpoint: str) -> str:
        parts = endpoint.split("/")
        return "/".join(parts[:3] if parts[0] in ("workflows", "comfy") else parts[:2])

    def _validate(
        self, model: CatalogueModel | None, endpoint: str, inputs: dict[str, Any]
    ) -> None:
        problems: list[dict[str, Any]] = []
        if not isinstance(inputs.get("prompt"), str) or not inputs["prompt"].strip():
            problems.append({"loc": ["body", "prompt"], "msg": "field required", "type": "missing"})
        if model is not None:
            if model.seconds_field and model.seconds_field in inputs:
                allowed = [v for _n, v in model.seconds]
                if inputs[model.seconds_field] not in allowed:
                    problems.append(
                        {
                            "loc": ["body", model.seconds_field],
                            "msg": "unexpected value; permitted: "
                            + ", ".join(json.dumps(a) for a in allowed),
                            "type": "literal_error",
                        }
                    )
            start = model.field_for("start_image")
            if endpoint == model.image_endpoint and start and start not in inputs:
                problems.append(
                    {"loc": ["body", start], "msg": "field required", "type": "missing"}
                )
        if problems:
            for item in problems:
                item["url"] = "https://docs.fal.ai/errors"
            raise ProviderError(422, {"detail": problems})

    def _extend_model(self, endpoint: str) -> CatalogueModel | None:
        """The catalogue model whose own extend endpoint ``endpoint`` is."""
        for model in load_catalogue().for_kind(self.kind):
            if model.extend is not None and model.extend.endpoint == endpoint:
                return model
        return None

    def _extension(
        self, model: CatalogueModel, inputs: dict[str, Any]
    ) -> tuple[str, int, tuple[Segment, ...], bytes | None]:
        """(size, seconds added, the source's segments, its first frame) of an extend
        endpoint's input; 422 naming the field otherwise."""
        from sora_desktop.simulator.content import probe_upload
        from sora_desktop.simulator.multipart import FilePart
        from sora_desktop.simulator.validation import ApiError

        ext = model.extend
        assert ext is not None
        problems: list[dict[str, Any]] = []
        if not isinstance(inputs.get("prompt"), str) or not inputs["prompt"].strip():
            problems.append({"loc": ["body", "prompt"], "msg": "field required", "type": "missing"})
        value = inputs.get(ext.video_field)
        data = _data_uri(value) if isinstance(value, str) else None
        if not isinstance(value, str):
            problems.append(
                {"loc": ["body", ext.video_field], "msg": "field required", "type": "missing"}
            )
        elif data is None:
            problems.append(
                {
                    "loc": ["body", ext.video_field],
                    "msg": "the simulator takes the video as a data: URI",
                    "type": "value_error",
                }
            )
        seconds = ext.default_seconds
        if ext.seconds_field and ext.seconds_field in inputs:
            added = [n for n, v in ext.seconds if v == inputs[ext.seconds_field]]
            if not added:
                problems.append(
                    {
                        "loc": ["body", ext.seconds_field],
                        "msg": "unexpected value; permitted: "
                        + ", ".join(json.dumps(v) for _n, v in ext.seconds),
                        "type": "literal_error",
                    }
                )
            else:
                seconds = added[0]
        source: tuple[str, str, int, tuple[Segment, ...], bytes | None] | None = None
        if data is not None:
            try:
                source = probe_upload(FilePart("source.mp4", "video/mp4", data), exact=True)
            except ApiError:
                problems.append(
                    {
                        "loc": ["body", ext.video_field],
                        "msg": "the video could not be read",
                        "type": "value_error",
                    }
                )
        if problems or source is None:
            for item in problems:
                item["url"] = "https://docs.fal.ai/errors"
            raise ProviderError(422, {"detail": problems})
        _model, size, _seconds, segments, first = source
        return size, seconds, segments, first

    def submit(self, endpoint: str, inputs: dict[str, Any]) -> Response:
        extends = self._extend_model(endpoint)
        before: tuple[Segment, ...] = ()
        if extends is not None:
            size, seconds, before, reference = self._extension(extends, inputs)
        else:
            model = self.model(endpoint)
            self._validate(model, endpoint, inputs)
            size, seconds = self.size_and_seconds(model, inputs)
            reference = None
            if model is not None and model.field_for("start_image"):
                reference = self.image_bytes(inputs.get(model.field_for("start_image") or ""))
        request_id = str(uuid.uuid4())
        app = self._app(endpoint)
        job = self.start(
            model_id=endpoint,
            prompt=str(inputs["prompt"]),
            size=size,
            seconds=seconds,
            reference=reference,
            extra={"input": inputs, "app": app},
            job_id=request_id,
            before=before,
        )
        base = f"{self.api.base_url}{self.prefix}/{app}/requests/{request_id}"
        response = _json(
            {
                "status": "IN_QUEUE",
                "request_id": request_id,
                "response_url": base,
                "status_url": base + "/status",
                "cancel_url": base + "/cancel",
                "queue_position": 0,
            }
        )
        if job.directives.drop:
            response.fault = "drop"
        return response

    def status(self, app: str, request_id: str) -> Response:
        job = self.job(request_id)
        self.poll_fault(job)
        status, _progress, _done, error = self.state(job)
        if status == "queued":
            return _json({"status": "IN_QUEUE", "queue_position": 0}, 202)
        if status == "in_progress":
            return _json({"status": "IN_PROGRESS", "logs": None}, 202)
        body: dict[str, Any] = {
            "status": "COMPLETED",
            "logs": None,
            "metrics": {"inference_time": job.latency},
        }
        if status == "cancelled":
            body["error"] = "The request was cancelled."
            body["error_type"] = "client_cancelled"
        elif status == "failed" and error is not None and error.get("code") != "moderation_blocked":
            body["error"] = error.get("message")
            body["error_type"] = "runner_server_error"
        return _json(body)

    def result(self, request_id: str) -> Response:
        job = self.job(request_id)
        status, _progress, _done, error = self.state(job)
        if status in ("queued", "in_progress"):
            raise ProviderError(400, {"detail": "Request is still in progress"})
        if status == "failed" and error is not None and error.get("code") == "moderation_blocked":
            raise ProviderError(
                422,
                {
                    "detail": [
                        {
                            "loc": ["body", "prompt"],
                            "msg": "The content could not be processed because it contained "
                            "material flagged by a content checker ([sim:moderation]).",
                            "type": "content_policy_violation",
                            "url": "https://docs.fal.ai/errors#content_policy_violation",
                        }
                    ]
                },
            )
        if status != "completed" or job.assets is None:
            raise ProviderError(
                500,
                {
                    "detail": (error or {}).get("message", "failed"),
                    "error_type": "runner_server_error",
                },
                {"X-Fal-Error-Type": "runner_server_error"},
            )
        size = job.assets.video.stat().st_size
        return _json(
            {
                "video": {
                    "url": self.result_url(job),
                    "content_type": "video/mp4",
                    "file_name": "output.mp4",
                    "file_size": size,
                },
                "seed": 42,
            }
        )

    def cancel(self, request_id: str) -> Response:
        job = self.job(request_id)
        status = self.state(job)[0]
        if status in ("queued", "in_progress"):
            job.extra["cancelled"] = True
            self.table.changed()
            return _json({"status": "CANCELLATION_REQUESTED"}, 202)
        return _json({"status": "ALREADY_COMPLETED"}, 400)
