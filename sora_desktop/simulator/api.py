"""The simulator's routes: the OpenAI Videos API dialect (docs/architecture.md, "The video APIs").

:meth:`SimulatorApi.handle` takes a parsed request and returns a :class:`Response`; the HTTP
plumbing (``server.py``) writes it, streaming file bodies and acting out the faults that
prompt directives ask for (see ``jobs.py``).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from typing import Any
from urllib.parse import parse_qs

from sora_desktop.simulator.assets import RenderPool
from sora_desktop.simulator.content import (
    VARIANTS,
    Response,
    asset_for,
    error_response,
    json_response,
    probe_upload,
    ranged,
)
from sora_desktop.simulator.jobs import JobTable, SimJob, parse_directives
from sora_desktop.simulator.multipart import FilePart
from sora_desktop.simulator.render import RenderedAssets, RenderSpec, Segment, reuse_render
from sora_desktop.simulator.validation import (
    CREATE_FIELDS,
    EDIT_FIELDS,
    EXTEND_FIELDS,
    REMIX_FIELDS,
    ApiError,
    check_create,
    check_prompt,
    check_seconds,
    invalid,
    methods_for,
    parse_body,
    video_ref,
)

PREFIXES = ("/openai/v1", "/v1")
NOT_MP4 = b"<html><body>Simulated gateway error page ([sim:notmp4])</body></html>\n"


class SimulatorApi:
    def __init__(
        self,
        table: JobTable,
        pool: RenderPool,
        *,
        api_key: str | None,
        latency: float,
        max_concurrent: int,
        asset_ttl: float,
    ) -> None:
        self.table = table
        self.pool = pool
        self.api_key = api_key
        self.latency = latency
        self.max_concurrent = max_concurrent
        self.asset_ttl = asset_ttl
        #: this server's own address and its results origin (set by the server on start)
        self.base_url = ""
        self.results_url = ""
        #: uploaded files (Replicate's /v1/files, Runway's uploads) by id, this run only
        self.uploads: dict[str, bytes] = {}
        self.pending_uploads: set[str] = set()
        from sora_desktop.simulator.providers import provider_routes

        self.providers = provider_routes(self)

    # -- entry point -------------------------------------------------------------------

    def handle(self, method: str, target: str, headers: Mapping[str, str], body: bytes) -> Response:
        path, _, query_string = target.partition("?")
        query = {k: v[-1] for k, v in parse_qs(query_string, keep_blank_values=True).items()}
        for prefix, provider in self.providers.items():
            if path == prefix or path.startswith(prefix + "/"):
                return provider.handle(method, path[len(prefix) :], query, headers, body)
        try:
            for prefix in PREFIXES:
                if path == prefix or path.startswith(prefix + "/"):
                    self._authenticate(headers)
                    return self._route(
                        method, path[len(prefix) :].rstrip("/"), query, headers, body
                    )
            raise ApiError(404, f"Unknown path {path}.", code="not_found")
        except ApiError as err:
            return error_response(err)

    def _authenticate(self, headers: Mapping[str, str]) -> None:
        key = headers.get("api-key", "").strip()
        auth = headers.get("authorization", "").strip()
        if not key and auth.lower().startswith("bearer "):
            key = auth[7:].strip()
        if not key:
            raise ApiError(
                401,
                "You didn't provide an API key. Send 'Authorization: Bearer <key>' or "
                "'api-key: <key>'.",
                code="missing_api_key",
            )
        if self.api_key is not None and key != self.api_key:
            raise ApiError(401, "Incorrect API key provided.", code="invalid_api_key")

    def _route(
        self,
        method: str,
        path: str,
        query: dict[str, str],
        headers: Mapping[str, str],
        body: bytes,
    ) -> Response:
        parts = path.split("/")[1:]  # "/videos/x/content" -> ["videos", "x", "content"]
        allowed = methods_for(parts)
        if allowed is None:
            raise ApiError(404, f"Unknown path {path}.", code="not_found")
        if method not in allowed:
            raise ApiError(
                405,
                f"Method {method} is not allowed on {path}; use {' or '.join(allowed)}.",
                code="method_not_allowed",
                headers={"Allow": ", ".join(allowed)},
            )
        if method == "HEAD" and not (len(parts) == 3 and parts[2] == "content"):
            method = "GET"  # the same answer without its body (the server sends no body)
        if len(parts) == 1:
            if method == "POST":
                return self.create(parse_body(headers, body, CREATE_FIELDS))
            return self.list(query)
        if len(parts) == 2 and parts[1] == "edits":
            return self.edit(parse_body(headers, body, EDIT_FIELDS))
        if len(parts) == 2 and parts[1] == "extensions":
            return self.extend(parse_body(headers, body, EXTEND_FIELDS))
        if len(parts) == 2:
            return self.retrieve(parts[1]) if method == "GET" else self.delete(parts[1])
        if parts[2] == "content":
            return self.content(parts[1], query, headers, head=method == "HEAD")
        return self.remix(parts[1], parse_body(headers, body, REMIX_FIELDS))

    # -- video objects -------------------------------------------------------------------

    def video_json(self, job: SimJob, now: float) -> dict[str, Any]:
        status, progress, completed_at, error = job.state(now)
        expires = job.expires_at(completed_at, self.asset_ttl)
        return {
            "id": job.id,
            "object": "video",
            "model": job.model,
            "status": status,
            "progress": progress,
            "created_at": int(job.created),
            "completed_at": None if completed_at is None else int(completed_at),
            "expires_at": None if expires is None else int(expires),
            "prompt": job.prompt,
            "size": job.size,
            "seconds": str(job.seconds),
            "remixed_from_video_id": job.remixed_from,
            "error": error,
        }

    def _video_response(self, job: SimJob, at: float | None = None) -> Response:
        """The video object as of ``at`` (default: now)."""
        obj = self.video_json(job, self.table.clock() if at is None else at)
        headers = {}
        if obj["status"] in ("queued", "in_progress"):
            hint = min(2000, max(100, int(job.latency * 100)))
            headers["openai-poll-after-ms"] = str(hint)
        return json_response(obj, headers=headers)

    def _job(self, video_id: str) -> SimJob:
        job = self.table.get(video_id)
        if job is None or job.dialect != "openai":
            raise ApiError(404, f"Video with id '{video_id}' not found.", code="not_found")
        return job

    def _completed(self, video_id: str, what: str) -> SimJob:
        job = self._job(video_id)
        if job.state(self.table.clock())[0] != "completed":
            raise invalid(
                f"Video '{video_id}' is not completed; only completed videos {what}.", None
            )
        return job

    # -- job creation --------------------------------------------------------------------

    def _start(
        self,
        *,
        prompt: str,
        model: str,
        size: str,
        segments: tuple[Segment, ...],
        reference: bytes | None,
        remixed_from: str | None = None,
    ) -> Response:
        directives, _ = parse_directives(prompt)
        if directives.create_500:
            raise ApiError(
                500,
                "The simulator failed this request on purpose ([sim:5xx]).",
                type="server_error",
                code="internal_error",
            )
        now = self.table.clock()
        with self.table.lock:
            running = self.table.running(now)
            if len(running) >= self.max_concurrent:
                wait = max(1, math.ceil(min(j.finishes_in(now) for j in running)))
                raise ApiError(
                    429,
                    f"Too many running tasks: at most {self.max_concurrent} videos can be "
                    "queued or in progress at once.",
                    type="requests",
                    code="rate_limit_exceeded",
                    headers={"Retry-After": str(wait), "retry-after-ms": str(wait * 1000)},
                )
            w, h = (int(v) for v in size.split("x"))
            job = SimJob(
                id=JobTable.new_id(),
                seq=self.table.next_seq(),
                model=model,
                prompt=prompt,
                size=size,
                seconds=sum(s.seconds for s in segments),
                spec=RenderSpec(w, h, segments, reference),
                directives=directives,
                latency=self.latency if directives.slow is None else directives.slow,
                created=now,
                remixed_from=remixed_from,
            )
            self.table.add(job)
        self.table.changed()  # kept before it is answered: a restart still knows it
        if not (directives.moderation or directives.fail):
            render_job(self.pool, job, self.table)
        # as the API answers a create: the job as just made (queued), however long it took
        # to hand the render to the pool on a busy machine
        response = self._video_response(job, at=job.created)
        if directives.drop:
            response.fault = "drop"
        return response

    def resume(self, job: SimJob) -> None:
        """Carry on with a job a previous run kept: its files if they are still there, else
        render it again (renders are deterministic)."""
        if job.directives.moderation or job.directives.fail or job.render_error is not None:
            return
        found = reuse_render(self.pool.directory, job.spec.cache_key())
        if found is not None and job.rendered_at is not None:
            job.assets = found
            return
        job.rendered_at = None
        render_job(self.pool, job, self.table)

    def create(self, form: tuple[dict[str, Any], bool]) -> Response:
        body, is_json = form
        p = check_create(body, json_body=is_json)
        _, text = parse_directives(p.prompt)
        segments = (Segment(text, int(p.seconds)),)
        return self._start(
            prompt=p.prompt, model=p.model, size=p.size, segments=segments, reference=p.reference
        )

    def remix(self, video_id: str, form: tuple[dict[str, Any], bool]) -> Response:
        prompt = check_prompt(form[0])
        source = self._completed(video_id, "can be remixed")
        _, text = parse_directives(prompt)
        return self._start(
            prompt=prompt,
            model=source.model,
            size=source.size,
            segments=(Segment(text, source.seconds),),
            reference=None,
            remixed_from=source.id,
        )

    def _source(
        self, ref: str | FilePart, what: str
    ) -> tuple[str, str, int, tuple[Segment, ...], bytes | None]:
        """(model, size, seconds, segments, first frame PNG) of an edit/extension's source."""
        if isinstance(ref, FilePart):
            return probe_upload(ref)
        source = self._completed(ref, what)
        first = source.assets.first_frame if source.assets is not None else None
        return source.model, source.size, source.seconds, source.spec.segments, first

    def edit(self, form: tuple[dict[str, Any], bool]) -> Response:
        body, _ = form
        prompt = check_prompt(body)
        model, size, seconds, _, first = self._source(video_ref(body), "can be edited")
        _, text = parse_directives(prompt)
        return self._start(
            prompt=prompt,
            model=model,
            size=size,
            segments=(Segment(text, seconds),),
            reference=first,
        )

    def extend(self, form: tuple[dict[str, Any], bool]) -> Response:
        body, is_json = form
        prompt = check_prompt(body)
        seconds = check_seconds(body.get("seconds"), json_body=is_json, default=None)
        ref = video_ref(body)
        model, size, _, segments, first = self._source(ref, "can be extended")
        reference = first if isinstance(ref, FilePart) else self._job(ref).spec.reference
        _, text = parse_directives(prompt)
        return self._start(
            prompt=prompt,
            model=model,
            size=size,
            segments=(*segments, Segment(text, int(seconds))),
            reference=reference,
        )

    # -- reading -------------------------------------------------------------------------

    def retrieve(self, video_id: str) -> Response:
        job = self._job(video_id)
        fault: ApiError | None = None
        with self.table.lock:
            if job.directives.polls_503 > 0:
                job.directives.polls_503 -= 1
                fault = ApiError(
                    503,
                    "The simulator is briefly unavailable on purpose ([sim:5xx=N]).",
                    type="server_error",
                    code="service_unavailable",
                )
            elif job.directives.polls_429 > 0:
                job.directives.polls_429 -= 1
                fault = ApiError(
                    429,
                    "Rate limit reached on purpose ([sim:429]); retry after 1 second.",
                    type="requests",
                    code="rate_limit_exceeded",
                    headers={"Retry-After": "1", "retry-after-ms": "1000"},
                )
        if fault is not None:
            self.table.changed()
            raise fault
        return self._video_response(job)

    def list(self, query: dict[str, str]) -> Response:
        order = query.get("order", "desc") or "desc"
        if order not in ("asc", "desc"):
            raise invalid(
                f"Invalid value: '{order}'. Supported values are: 'asc', 'desc'.", "order"
            )
        raw_limit = query.get("limit", "20") or "20"
        try:
            limit = int(raw_limit)
        except ValueError:
            raise invalid(
                f"Invalid value for 'limit': '{raw_limit}'.", "limit", "invalid_type"
            ) from None
        if not 0 <= limit <= 100:
            raise invalid("'limit' must be between 0 and 100.", "limit")
        jobs = [j for j in self.table.ordered(descending=order == "desc") if j.dialect == "openai"]
        after = query.get("after")
        if after:
            ids = [j.id for j in jobs]
            if after not in ids:
                raise invalid(f"No video with id '{after}' to list after.", "after")
            jobs = jobs[ids.index(after) + 1 :]
        now = self.table.clock()
        page = [self.video_json(j, now) for j in jobs[:limit]]
        return json_response(
            {
                "object": "list",
                "data": page,
                "first_id": page[0]["id"] if page else None,
                "last_id": page[-1]["id"] if page else None,
                "has_more": len(jobs) > limit,
            }
        )

    def delete(self, video_id: str) -> Response:
        self._job(video_id)
        job = self.table.remove(video_id)
        if job is None:
            raise ApiError(404, f"Video with id '{video_id}' not found.", code="not_found")
        self.table.changed()
        return json_response({"id": video_id, "object": "video.deleted", "deleted": True})

    def content(
        self, video_id: str, query: dict[str, str], headers: Mapping[str, str], *, head: bool
    ) -> Response:
        job = self._job(video_id)
        variant = query.get("variant", "video") or "video"
        if variant not in VARIANTS:
            raise invalid(
                f"Invalid value: '{variant}'. Supported values are: 'video', 'thumbnail', "
                "'spritesheet'.",
                "variant",
            )
        now = self.table.clock()
        status, _, completed_at, _ = job.state(now)
        if status != "completed" or job.assets is None:
            raise ApiError(
                404 if status == "failed" else 400,
                f"Video '{video_id}' is {status}; its content is not available.",
                code="video_not_ready" if status != "failed" else "video_failed",
            )
        expires = job.expires_at(completed_at, self.asset_ttl)
        if expires is not None and now >= expires:
            stamp = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(expires))
            raise ApiError(
                404,
                f"The assets of video '{video_id}' expired at {stamp} and can no longer be "
                "downloaded.",
                code="video_expired",
            )
        asset = asset_for(job.assets, variant, job.directives.pad_bytes)
        fault: str | None = None
        if variant == "video" and not head:
            with self.table.lock:
                first = job.downloads == 0
                job.downloads += 1
            if first:
                self.table.changed()  # the first-download faults happen once, restart or not
            if first and job.directives.notmp4:
                return Response(200, NOT_MP4, content_type="video/mp4")
            if first and job.directives.drop_download:
                fault = "reset-half"
            elif first and job.directives.truncate:
                fault = "truncate"
        return ranged(asset, headers.get("range"), fault)


def render_job(pool: RenderPool, job: SimJob, table: JobTable) -> None:
    """Hand ``job``'s render to ``pool``; the job ends when the render does (or fails when
    it hangs past ``jobs.RENDER_DEADLINE``)."""
    job.render_started = table.clock()
    job.future = pool.render(job.spec, _on_rendered(job, table))


def _on_rendered(job: SimJob, table: JobTable) -> Callable[[Future[RenderedAssets]], None]:
    def done(future: Future[RenderedAssets]) -> None:
        if future.cancelled():
            job.render_error = "The simulator stopped before this video was rendered."
            return
        exc = future.exception()
        if exc is not None:
            job.render_error = f"Rendering failed: {exc}"
        else:
            job.assets = future.result()
            job.rendered_at = table.clock()
        table.changed()

    return done
