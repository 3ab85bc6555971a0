"""The results origin: where the provider routes' result files (and Runway's uploads) are
served, on another port than the API, as the providers' CDNs are on other hosts.

``GET /results/<job id>.mp4?exp=<unix>&sig=...``: the job's clip, with ``Range``; 403 once
``exp`` has passed (an expired signed URL), 404 when the job is gone or its files were
removed (``[sim:expired]`` on fal and Replicate). The first-download faults
(``[sim:drop-download]``, ``[sim:truncate]``, ``[sim:notmp4]``) play here.
``POST /uploads/<token>``: the file of a Runway upload (multipart ``file``);
``PUT /uploads/<token>``: the raw bytes of fal's fallback storage upload.

Every request is recorded (:attr:`ResultsApi.seen`): the tests prove no key ever came here.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import parse_qs

from sora_desktop.simulator.content import Response, asset_for, json_response, ranged

if TYPE_CHECKING:
    from sora_desktop.simulator.api import SimulatorApi

NOT_MP4 = b"<html><body>Simulated CDN error page ([sim:notmp4])</body></html>\n"


@dataclass(frozen=True, slots=True)
class SeenRequest:
    method: str
    path: str
    headers: dict[str, str]


class ResultsApi:
    def __init__(self, api: SimulatorApi) -> None:
        self.api = api
        self._lock = threading.Lock()
        self.seen: list[SeenRequest] = []

    def handle(self, method: str, target: str, headers: Mapping[str, str], body: bytes) -> Response:
        path, _sep, query_string = target.partition("?")
        with self._lock:
            self.seen.append(SeenRequest(method, path, dict(headers)))
        query = {k: v[-1] for k, v in parse_qs(query_string).items()}
        parts = [p for p in path.split("/") if p]
        if len(parts) == 2 and parts[0] == "uploads" and method == "POST":
            return self.upload(parts[1], headers, body)
        if len(parts) == 2 and parts[0] == "uploads" and method == "PUT":
            return self.put_upload(parts[1], body)
        if len(parts) == 2 and parts[0] == "results" and method in ("GET", "HEAD"):
            return self.result(parts[1].removesuffix(".mp4"), query, headers, head=method == "HEAD")
        return json_response({"error": "not found"}, 404)

    def upload(self, token: str, headers: Mapping[str, str], body: bytes) -> Response:
        from sora_desktop.simulator.multipart import FilePart, MultipartError, parse_multipart

        if token not in self.api.pending_uploads:
            return json_response({"error": "unknown upload"}, 403)
        try:
            form = parse_multipart(body, headers.get("content-type", ""))
        except (MultipartError, UnicodeDecodeError):
            return json_response({"error": "bad multipart body"}, 400)
        part = form.get("file")
        if not isinstance(part, FilePart) or form.get("key") != token:
            return json_response({"error": "the form needs 'key' and 'file'"}, 400)
        self.api.pending_uploads.discard(token)
        self.api.uploads[token] = part.data
        return Response(204, b"", content_type="text/plain")

    def put_upload(self, token: str, body: bytes) -> Response:
        if token not in self.api.pending_uploads:
            return json_response({"error": "unknown upload"}, 403)
        self.api.pending_uploads.discard(token)
        self.api.uploads[token] = body
        return Response(200, b"", content_type="text/plain")

    def result(
        self, job_id: str, query: dict[str, str], headers: Mapping[str, str], *, head: bool
    ) -> Response:
        table = self.api.table
        job = table.get(job_id)
        exp = query.get("exp", "")
        if not exp.isdigit() or int(exp) < time.time():
            return json_response({"error": "Request has expired"}, 403)
        if job is None or job.dialect == "openai" or job.assets is None:
            return json_response({"error": "not found"}, 404)
        if job.directives.expired and job.dialect in ("fal", "replicate"):
            return json_response({"error": "the file was removed"}, 404)
        asset = asset_for(job.assets, "video", job.directives.pad_bytes)
        fault: str | None = None
        if not head:
            with table.lock:
                first = job.downloads == 0
                job.downloads += 1
            if first:
                table.changed()
            if first and job.directives.notmp4:
                return Response(200, NOT_MP4, content_type="video/mp4")
            if first and job.directives.drop_download:
                fault = "reset-half"
            elif first and job.directives.truncate:
                fault = "truncate"
        return ranged(asset, headers.get("range"), fault)
