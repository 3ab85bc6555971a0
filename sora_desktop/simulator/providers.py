"""The simulator's fal, Replicate and Runway routes (providers-api.md section 7).

Served under ``/fal/``, ``/replicate/`` and ``/runway/`` of the same server, with the same
paths after the prefix as the real hosts, so a connection's base URL is e.g.
``http://127.0.0.1:PORT/fal``. Jobs live in the same table (and state folder) as the Videos
API's, rendered the same way, and obey the same prompt directives in each provider's own
shape (``jobs.py``). Result files are served from the **results origin**, another port of
the simulator (``results.py``), so a client that sends its key there is caught. The models'
schemas are made from the app's catalogue (``schemas.py``).
"""

from __future__ import annotations

import json
import math
import secrets
import time
import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..core.catalogue import CatalogueModel, load_catalogue
from ..core.models import ConnectionKind
from ..core.schema_form import size_for
from .content import Response
from .jobs import JobTable, SimJob, parse_directives
from .render import RenderSpec, Segment
from .schemas import fal_openapi, replicate_model

if TYPE_CHECKING:
    from .api import SimulatorApi

RUNWAY_VERSION = "2024-11-06"
DEFAULT_SIZE = "1280x720"


class ProviderError(Exception):
    def __init__(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        super().__init__(str(body))
        self.status = status
        self.body = body
        self.headers = dict(headers or {})


def _json(obj: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(status, json.dumps(obj).encode(), headers=dict(headers or {}))


def _iso(when: float | None) -> str | None:
    if when is None:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(when)) + f".{int(when % 1 * 1000):03d}Z"


def _data_uri(value: str) -> bytes | None:
    import base64

    if not value.startswith("data:") or "," not in value:
        return None
    header, _sep, payload = value.partition(",")
    if ";base64" not in header:
        return None
    try:
        return base64.b64decode(payload, validate=True)
    except ValueError:
        return None


class ProviderSim:
    """What the three provider routes share: auth, making a job, faults, result URLs."""

    kind: ConnectionKind
    prefix = ""

    def __init__(self, api: SimulatorApi) -> None:
        self.api = api
        self.table: JobTable = api.table
        self._create_429: dict[str, int] = {}

    # -- entry

    def handle(
        self,
        method: str,
        path: str,
        query: dict[str, str],
        headers: Mapping[str, str],
        body: bytes,
    ) -> Response:
        try:
            return self.route(method, path, query, headers, body)
        except ProviderError as err:
            return _json(err.body, err.status, err.headers)

    def route(
        self,
        method: str,
        path: str,
        query: dict[str, str],
        headers: Mapping[str, str],
        body: bytes,
    ) -> Response:
        raise NotImplementedError

    def key_of(self, headers: Mapping[str, str], scheme: str) -> str:
        auth = headers.get("authorization", "").strip()
        if not auth.lower().startswith(scheme.lower() + " "):
            raise self.unauthorized("No credentials: send 'Authorization: " + scheme + " <key>'.")
        key = auth[len(scheme) + 1 :].strip()
        if not key or (self.api.api_key is not None and key != self.api.api_key):
            raise self.unauthorized("The key is not valid.")
        return key

    def unauthorized(self, message: str) -> ProviderError:
        return ProviderError(401, {"detail": message})

    def not_found(self, what: str) -> ProviderError:
        return ProviderError(404, {"detail": f"{what} not found."})

    # -- reading the body

    @staticmethod
    def body_json(body: bytes) -> dict[str, Any]:
        try:
            data = json.loads(body or b"{}")
        except (ValueError, UnicodeDecodeError):
            raise ProviderError(400, {"detail": "The body is not valid JSON."}) from None
        if not isinstance(data, dict):
            raise ProviderError(400, {"detail": "The body must be a JSON object."})
        return data

    def image_bytes(self, value: Any) -> bytes | None:
        """A start image given as a data URI, an upload of this simulator, or None."""
        if isinstance(value, list):  # Runway's [{uri, position}]
            first = [v for v in value if isinstance(v, Mapping) and v.get("position") == "first"]
            value = first[0].get("uri") if first else None
        if not isinstance(value, str):
            return None
        data = _data_uri(value)
        if data is not None:
            return data
        return self.api.uploads.get(value.rsplit("/", 1)[-1])

    # -- the job

    def model(self, model_id: str) -> CatalogueModel | None:
        catalogue = load_catalogue()
        if self.kind is ConnectionKind.RUNWAY:
            return catalogue.get(self.kind, model_id)
        for model in catalogue.for_kind(self.kind):
            if model_id in (model.id, model.text_endpoint, model.image_endpoint):
                return model
        return None

    def size_and_seconds(
        self, model: CatalogueModel | None, inputs: Mapping[str, Any]
    ) -> tuple[str, int]:
        size = None
        seconds = None
        if model is not None:
            for name, wire in model.sizes:
                if wire and all(inputs.get(k) == v for k, v in wire):
                    size = name
                    break
            if model.seconds_field is not None:
                value = inputs.get(model.seconds_field)
                for n, wire_value in model.seconds:
                    if wire_value == value:
                        seconds = n
        if size is None:
            aspect = inputs.get("aspect_ratio") or inputs.get("ratio")
            size = size_for(str(aspect), inputs.get("resolution")) if aspect else None
        if seconds is None:
            raw = inputs.get("duration")
            text = str(raw).rstrip("s") if raw is not None else ""
            seconds = int(text) if text.isdigit() else (model.default_seconds if model else 4)
        return size or DEFAULT_SIZE, max(1, min(int(seconds), 20))

    def start(
        self,
        *,
        model_id: str,
        prompt: str,
        size: str,
        seconds: int,
        reference: bytes | None,
        extra: dict[str, Any],
        job_id: str,
    ) -> SimJob:
        directives, text = parse_directives(prompt)
        if directives.create_500:
            raise ProviderError(500, {"detail": "The simulator failed this request ([sim:5xx])."})
        with self.table.lock:
            left = self._create_429.setdefault(prompt, directives.create_429)
            if left > 0:
                self._create_429[prompt] = left - 1
                raise ProviderError(
                    429,
                    {"detail": "Too many requests ([sim:429-create]); retry after 1 second."},
                    {"Retry-After": "1"},
                )
        now = self.table.clock()
        with self.table.lock:
            running = self.table.running(now)
            if len(running) >= self.api.max_concurrent and self.kind is not ConnectionKind.RUNWAY:
                wait = max(1, math.ceil(min(j.finishes_in(now) for j in running)))
                raise ProviderError(
                    429,
                    {"detail": "Too many running jobs; retry later."},
                    {"Retry-After": str(wait)},
                )
            w, h = (int(v) for v in size.split("x"))
            job = SimJob(
                id=job_id,
                seq=self.table.next_seq(),
                model=model_id,
                prompt=prompt,
                size=size,
                seconds=seconds,
                spec=RenderSpec(w, h, (Segment(text, seconds),), reference),
                directives=directives,
                latency=self.api.latency if directives.slow is None else directives.slow,
                created=now,
                dialect=self.kind.value,
                extra=extra,
            )
            self.table.add(job)
        self.table.changed()
        if not (directives.moderation or directives.fail):
            from .api import _on_rendered

            job.future = self.api.pool.render(job.spec, _on_rendered(job, self.table))
        return job

    def job(self, job_id: str) -> SimJob:
        job = self.table.get(job_id)
        if job is None or job.dialect != self.kind.value:
            raise self.not_found(f"Job {job_id!r}")
        return job

    def state(self, job: SimJob) -> tuple[str, int, float | None, dict[str, str] | None]:
        """The job's state now; "cancelled" once cancelled."""
        if job.extra.get("cancelled"):
            return "cancelled", 0, None, None
        return job.state(self.table.clock())

    def poll_fault(self, job: SimJob) -> None:
        """``[sim:5xx=N]`` and ``[sim:429=N]`` on polls."""
        fault: ProviderError | None = None
        with self.table.lock:
            if job.directives.polls_503 > 0:
                job.directives.polls_503 -= 1
                fault = ProviderError(503, {"detail": "Briefly unavailable ([sim:5xx=N])."})
            elif job.directives.polls_429 > 0:
                job.directives.polls_429 -= 1
                fault = ProviderError(
                    429, {"detail": "Too many requests ([sim:429])."}, {"Retry-After": "1"}
                )
        if fault is not None:
            self.table.changed()
            raise fault

    def result_url(self, job: SimJob) -> str:
        """A result URL on the results origin. It expires (``exp``) after the asset TTL;
        with ``[sim:expired]`` on Runway the first one handed out is expired already."""
        now = self.table.clock()
        with self.table.lock:
            issued = int(job.extra.get("urls_issued", 0))
            job.extra["urls_issued"] = issued + 1
        expired_first = job.directives.expired and self.kind is ConnectionKind.RUNWAY
        exp = now - 1 if expired_first and issued == 0 else now + self.api.asset_ttl
        token = secrets.token_hex(4)
        return f"{self.api.results_url}/results/{job.id}.mp4?exp={int(exp)}&sig={token}"

    def completed_at(self, job: SimJob) -> float | None:
        return self.state(job)[2]


# --------------------------------------------------------------------------- fal


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

    def submit(self, endpoint: str, inputs: dict[str, Any]) -> Response:
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


# --------------------------------------------------------------------------- Replicate


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
        from .multipart import FilePart, MultipartError, parse_multipart

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


# --------------------------------------------------------------------------- Runway


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


def provider_routes(api: SimulatorApi) -> dict[str, ProviderSim]:
    return {sim.prefix: sim for sim in (FalSim(api), ReplicateSim(api), RunwaySim(api))}
