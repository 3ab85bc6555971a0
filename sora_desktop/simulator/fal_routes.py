"""The simulator's fal queue API, under ``/fal/`` (see ``providers.py``).

A model's own extend endpoint (the catalogue's ``extend``, e.g.
``fal-ai/veo3.1/extend-video``) takes the source clip as a data URI and renders the whole
longer clip: the source's length plus the seconds added, at the source's size, under the
same prompt directives.

fal's storage upload (``core/dialects/fal_storage.py``) is served under the same prefix, as
the dialect derives it for any base URL but fal's own: ``POST /fal/storage/auth/token``
(with the key) hands out a storage token; ``POST /fal/cdn/files/upload`` takes the raw bytes
with that token (the key is refused there, as fal's CDN takes only its token) and answers
``{"access_url"}``; ``GET /fal/cdn/files/<id>`` serves the bytes back, and a create naming
that URL reads the image. fal-client's fallback, ``POST /fal/storage/upload/initiate`` (with
the key), hands out an upload URL on the results origin (another host, as Google's storage
is) where the bytes are PUT, and a file URL served as the CDN's."""

from __future__ import annotations

import json
import secrets
import time
import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from sora_desktop.core.catalogue import CatalogueModel, load_catalogue
from sora_desktop.core.models import ConnectionKind
from sora_desktop.simulator.content import Response
from sora_desktop.simulator.providers import ProviderError, ProviderSim, _data_uri, _json
from sora_desktop.simulator.render import Segment
from sora_desktop.simulator.schemas import fal_openapi

if TYPE_CHECKING:
    from sora_desktop.simulator.api import SimulatorApi


class FalSim(ProviderSim):
    kind = ConnectionKind.FAL
    prefix = "/fal"
    #: how long a storage token lasts
    token_seconds = 3600

    def __init__(self, api: SimulatorApi) -> None:
        super().__init__(api)
        self._storage_tokens: set[str] = set()
        self._upload_types: dict[str, str] = {}

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
        if parts[:1] == ["cdn"]:
            return self.cdn(method, parts[1:], headers, body)
        self.key_of(headers, "Key")
        if parts == ["storage", "auth", "token"] and method == "POST":
            return self.storage_token(query)
        if parts == ["storage", "upload", "initiate"] and method == "POST":
            return self.storage_initiate(query, self.body_json(body))
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

    # -- storage

    def storage_token(self, query: Mapping[str, str]) -> Response:
        if query.get("storage_type") != "fal-cdn-v3":
            raise ProviderError(422, {"detail": "storage_type must be fal-cdn-v3"})
        token = secrets.token_urlsafe(16)
        self._storage_tokens.add(token)
        expires = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + self.token_seconds))
        return _json(
            {
                "token": token,
                "token_type": "Bearer",
                "base_url": f"{self.api.base_url}{self.prefix}/cdn",
                "expires_at": expires,
            }
        )

    def storage_initiate(self, query: Mapping[str, str], data: dict[str, Any]) -> Response:
        if query.get("storage_type") != "gcs":
            raise ProviderError(422, {"detail": "storage_type must be gcs"})
        content_type = data.get("content_type")
        if not isinstance(content_type, str) or not content_type:
            raise ProviderError(422, {"detail": "content_type is required"})
        file_id = secrets.token_hex(12)
        self.api.pending_uploads.add(file_id)
        self._upload_types[file_id] = content_type
        return _json(
            {
                "upload_url": f"{self.api.results_url}/uploads/{file_id}",
                "file_url": f"{self.api.base_url}{self.prefix}/cdn/files/{file_id}",
            }
        )

    def cdn(
        self, method: str, parts: list[str], headers: Mapping[str, str], body: bytes
    ) -> Response:
        if parts == ["files", "upload"] and method == "POST":
            auth = headers.get("authorization", "")
            scheme, _sep, token = auth.partition(" ")
            if scheme != "Bearer" or token not in self._storage_tokens:
                raise ProviderError(401, {"detail": "The CDN takes a storage token, not a key."})
            if not body:
                raise ProviderError(400, {"detail": "The upload is empty."})
            file_id = secrets.token_hex(12)
            self.api.uploads[file_id] = body
            self._upload_types[file_id] = headers.get("content-type", "application/octet-stream")
            return _json({"access_url": f"{self.api.base_url}{self.prefix}/cdn/files/{file_id}"})
        if len(parts) == 2 and parts[0] == "files" and method == "GET":
            data = self.api.uploads.get(parts[1])
            if data is None:
                raise self.not_found(f"File {parts[1]!r}")
            kind = self._upload_types.get(parts[1], "application/octet-stream")
            return Response(200, data, content_type=kind)
        raise self.not_found(f"Path {'/'.join(parts)!r}")

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
