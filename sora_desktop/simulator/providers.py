"""The simulator's fal, Replicate and Runway routes (providers-api.md section 7): what they share.

Served under ``/fal/``, ``/replicate/`` and ``/runway/`` of the same server, with the same
paths after the prefix as the real hosts, so a connection's base URL is e.g.
``http://127.0.0.1:PORT/fal``. Jobs live in the same table (and state folder) as the Videos
API's, rendered the same way, and obey the same prompt directives in each provider's own
shape (``jobs.py``). Result files are served from the **results origin**, another port of
the simulator (``results.py``), so a client that sends its key there is caught. The models'
schemas are made from the app's catalogue (``schemas.py``). Each provider's own routes are in
``fal_routes.py``, ``replicate_routes.py`` and ``runway_routes.py``.
"""

from __future__ import annotations

import json
import math
import secrets
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from sora_desktop.core.catalogue import CatalogueModel, load_catalogue
from sora_desktop.core.models import ConnectionKind
from sora_desktop.core.schema_form import size_for
from sora_desktop.simulator.content import Response
from sora_desktop.simulator.jobs import JobTable, SimJob, parse_directives
from sora_desktop.simulator.render import RenderSpec, Segment

if TYPE_CHECKING:
    from sora_desktop.simulator.api import SimulatorApi

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
        before: tuple[Segment, ...] = (),
    ) -> SimJob:
        """A new job (``before``: an extended clip's source, drawn ahead of the prompt's
        ``seconds``)."""
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
                seconds=seconds + sum(s.seconds for s in before),
                spec=RenderSpec(w, h, (*before, Segment(text, seconds)), reference),
                directives=directives,
                latency=self.api.latency if directives.slow is None else directives.slow,
                created=now,
                dialect=self.kind.value,
                extra=extra,
            )
            self.table.add(job)
        self.table.changed()
        if not (directives.moderation or directives.fail):
            from sora_desktop.simulator.api import render_job

            render_job(self.api.pool, job, self.table)
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


def provider_routes(api: SimulatorApi) -> dict[str, ProviderSim]:
    from sora_desktop.simulator.fal_routes import FalSim
    from sora_desktop.simulator.replicate_routes import ReplicateSim
    from sora_desktop.simulator.runway_routes import RunwaySim

    return {sim.prefix: sim for sim in (FalSim(api), ReplicateSim(api), RunwaySim(api))}
