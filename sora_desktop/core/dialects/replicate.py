"""Replicate's predictions API (providers-api.md section 2).

- create: ``POST /v1/models/{owner}/{name}/predictions {"input"}`` (an official model) or
  ``POST /v1/predictions {"version", "input"}`` for ``owner/name:version``; 201 with the
  prediction;
- poll: ``GET /v1/predictions/{id}``: ``starting`` -> ``processing`` -> ``succeeded``
  (``output``: the video's URL) | ``failed`` | ``canceled`` | ``aborted`` (a deadline passed
  before it started: not charged);
- a lost create is looked for in ``GET /v1/predictions`` (newest first, paged by ``next``):
  the only provider here that can say whether it arrived;
- cancel: ``POST /v1/predictions/{id}/cancel``; no delete: API predictions and their files
  are removed after an hour, so results are downloaded at once (``expires_at``).

Images up to 1 MB go inline as data URIs (Replicate's advice), larger ones through
``POST /v1/files``. "Test connection": ``GET /v1/account``.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from sora_desktop.core.dialects.base import ConnectionFacts, ProviderClient, Taken, iso_seconds
from sora_desktop.core.dialects.errors import PROVIDER_NAMES
from sora_desktop.core.errors import AssetExpiredError, ServiceUnavailableError
from sora_desktop.core.i18n import _
from sora_desktop.core.models import ConnectionKind, VideoRequest
from sora_desktop.core.reconcile import WINDOW
from sora_desktop.core.remote_video import RemoteError, RemoteVideo
from sora_desktop.core.wire import Polled

DEFAULT_BASE_URL = "https://api.replicate.com"
#: API predictions' data and files are removed this long after they end
RETENTION = 3600.0
MAX_LIST_PAGES = 10
STATUS = {
    "starting": "queued",
    "processing": "in_progress",
    "succeeded": "completed",
}
_FLAGGED = ("flagged", "sensitive", "nsfw", "safety", "(e005)")


def _quote(model_id: str) -> str:
    return "/".join(quote(p, safe="-._~") for p in model_id.split("/"))


class ReplicateDialect(ProviderClient):
    provider_name = PROVIDER_NAMES[ConnectionKind.REPLICATE]
    dashboard_url = "https://replicate.com/predictions"
    data_uri_limit = 1024 * 1024

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._results: dict[str, str] = {}

    # -- create

    async def _input(
        self, request: VideoRequest, *, with_images: bool
    ) -> tuple[str, dict[str, Any]]:
        model = await self.model(request.model.split(":", 1)[0])
        start = end = None
        images: dict[str, str] = {}
        if with_images and request.reference_image is not None:
            start = await self.image_uri(request.reference_image, param="input_reference")
        if with_images and request.end_image is not None:
            end = await self.image_uri(request.end_image, param="end_image")
        if with_images:
            images = await self.param_images(request)
        body = model.build_input(request, start_image=start, end_image=end, images=images)
        return model.endpoint(with_image=request.reference_image is not None), body

    async def create(self, request: VideoRequest) -> Polled:
        endpoint, body = await self._input(request, with_images=True)
        _name, _sep, version = request.model.partition(":")
        if version:
            response = await self.send(
                "POST", "v1/predictions", json={"version": version, "input": body}
            )
        else:
            response = await self.send(
                "POST", f"v1/models/{_quote(endpoint)}/predictions", json={"input": body}
            )
        return Polled(self.parse(self.json(response)), poll_after=None)

    # -- reading

    def parse(self, data: Any) -> RemoteVideo:
        if not isinstance(data, Mapping) or not isinstance(data.get("id"), str):
            raise ServiceUnavailableError(
                _("Replicate's answer is not a prediction."),
                _("Check the base URL of this connection."),
            )
        pid = str(data["id"])
        raw = str(data.get("status") or "").lower()
        completed = iso_seconds(data.get("completed_at"))
        status = STATUS.get(raw, raw or "unknown")
        error: RemoteError | None = None
        expires = None
        if raw == "succeeded":
            output = data.get("output")
            url = output[0] if isinstance(output, list) and output else output
            if isinstance(url, str) and url:
                self._results[pid] = url
            end = completed or int(time.time())
            expires = end + int(RETENTION)
            if data.get("data_removed") is True:
                expires = end
        elif raw in ("failed", "canceled", "aborted"):
            status = "failed"
            text = str(data.get("error") or "")
            lowered = text.lower()
            if raw == "failed" and any(word in lowered for word in _FLAGGED):
                code: str | None = "moderation_blocked"
            elif raw == "aborted":
                code = "aborted"
                text = text or _(
                    "Replicate stopped this prediction before it started (its deadline "
                    "passed); it was not charged."
                )
            elif raw == "canceled":
                code = "canceled"
                text = text or _("The prediction was cancelled at Replicate.")
            else:
                code = "failed"
            error = RemoteError(code=code, message=text[:500], source=self.provider_name)
        inputs = data.get("input")
        prompt = inputs.get("prompt") if isinstance(inputs, Mapping) else None
        return RemoteVideo(
            id=pid,
            status=status,
            progress=100 if status == "completed" else (50 if status == "in_progress" else 0),
            model=str(data.get("model") or "") or None,
            prompt=prompt if isinstance(prompt, str) else None,
            created_at=iso_seconds(data.get("created_at")),
            completed_at=completed,
            expires_at=expires,
            error=error,
        )

    async def retrieve(self, remote_id: str) -> Polled:
        data = self.json(await self.send("GET", f"v1/predictions/{quote(remote_id, safe='')}"))
        return Polled(self.parse(data), poll_after=None)

    async def result_url(self, remote_id: str, *, refresh: bool = False) -> str:
        if refresh or remote_id not in self._results:
            video = (await self.retrieve(remote_id)).video
            if video.expires_at is not None and video.expires_at <= time.time():
                raise AssetExpiredError(
                    _("Replicate has removed this prediction's files (after an hour)."),
                    _("Generate it again; the app downloads at once when it is running."),
                )
        url = self._results.get(remote_id)
        if url is None:
            raise ServiceUnavailableError(
                _("Replicate's prediction has no output yet."), _("The app will ask again.")
            )
        return url

    # -- "did my lost create arrive?"

    async def find_created(
        self, request: VideoRequest, submitted_at: float, *, now: float, taken: Taken
    ) -> RemoteVideo | None:
        """Look through the predictions made since ``submitted_at - WINDOW`` for one with
        this model and this input (images aside); None when the list proves there is none."""
        _endpoint, sent = await self._input(request, with_images=False)
        model_name = request.model.split(":", 1)[0]
        since = submitted_at - WINDOW
        path: str | None = "v1/predictions"
        candidates: list[tuple[float, RemoteVideo]] = []
        for _page in range(MAX_LIST_PAGES):
            if path is None:
                break
            data = self.json(await self.send("GET", path))
            results = data.get("results") if isinstance(data, Mapping) else None
            older = False
            for item in results if isinstance(results, list) else ():
                if not isinstance(item, Mapping):
                    continue
                created = iso_seconds(item.get("created_at"))
                if created is not None and created < since:
                    older = True
                    continue
                if created is not None and created > now + WINDOW:
                    continue
                if not _same(item, model_name, sent) or taken(str(item.get("id"))):
                    continue
                video = self.parse(item)
                distance = abs((created or submitted_at) - submitted_at)
                candidates.append((distance, video))
            nxt = data.get("next") if isinstance(data, Mapping) else None
            path = self.same_origin_path(nxt) if isinstance(nxt, str) and not older else None
        if not candidates:
            return None
        return min(candidates, key=lambda pair: pair[0])[1]

    # -- the rest

    async def cancel(self, remote_id: str) -> None:
        await self.send("POST", f"v1/predictions/{quote(remote_id, safe='')}/cancel")

    async def delete(self, remote_id: str) -> None:
        from sora_desktop.core.errors import InvalidRequestError

        raise InvalidRequestError(
            _(
                "Replicate has no way to delete a prediction; it removes API predictions "
                "after an hour."
            ),
            _("Nothing to do here."),
            param="remote_id",
        )

    async def check(self) -> ConnectionFacts:
        data = self.json(await self.send("GET", "v1/account"))
        facts: list[tuple[str, str]] = []
        if isinstance(data, Mapping):
            for label, key in ((_("Account"), "username"), (_("Type"), "type")):
                value = data.get(key)
                if isinstance(value, str) and value:
                    facts.append((label, value))
        return ConnectionFacts(facts=tuple(facts))

    async def _fetch_schema(self, model_id: str) -> dict[str, Any] | None:
        from sora_desktop.core.schema_form import replicate_input_schema

        data = self.json(await self.send("GET", f"v1/models/{_quote(model_id)}"))
        return replicate_input_schema(data) if isinstance(data, Mapping) else None

    async def _upload(self, name: str, data: bytes, mime: str) -> str:
        response = await self.send("POST", "v1/files", files={"content": (name, data, mime)})
        body = self.json(response)
        urls = body.get("urls") if isinstance(body, Mapping) else None
        url = urls.get("get") if isinstance(urls, Mapping) else None
        if not isinstance(url, str) or not url:
            raise ServiceUnavailableError(
                _("Replicate's answer to the upload has no file URL."),
                _("Try again later."),
            )
        return url


def _same(item: Mapping[str, Any], model_name: str, sent: Mapping[str, Any]) -> bool:
    """Was ``item`` made from this model and this input? Scalars the list item shows must
    match what we sent; images (URLs, data URIs) are not compared."""
    model = item.get("model")
    if isinstance(model, str) and model and model != model_name:
        return False
    got = item.get("input")
    if not isinstance(got, Mapping):
        return False
    prompt_keys = [k for k in ("prompt", "promptText") if k in sent]
    if not prompt_keys or got.get(prompt_keys[0]) != sent[prompt_keys[0]]:
        return False
    for key, value in sent.items():
        if isinstance(value, str | int | float | bool) and key in got and got[key] != value:
            return False
    return True
