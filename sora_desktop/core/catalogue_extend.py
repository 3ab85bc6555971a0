"""A catalogue model's own extend endpoint, as data (``"extend"`` in ``catalogue.json``).

Some provider models continue a finished video through a sibling endpoint (fal's
``fal-ai/veo3.1/extend-video``): it takes the video in one field and the prompt, and answers
the whole extended clip. The entry says which endpoint, which field takes the source video,
how many seconds it adds (and how the model spells them), which source sizes it accepts,
what it costs per second added, and where that was read::

    "extend": {
      "endpoint": "fal-ai/veo3.1/extend-video",
      "video_field": "video_url",
      "seconds": {"field": "duration", "values": {"7": "7s"}, "default": 7},
      "source_sizes": ["1280x720", "720x1280", "1920x1080", "1080x1920"],
      "price": {...as a model's price...},
      "verified": "where the fields were read"
    }

The prompt, audio, negative prompt and seed go in the model's own ``fields``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sora_desktop.core.catalogue_model import Price, Scalar, put_params
from sora_desktop.core.catalogue_parse import (
    _SIZE,
    _constants,
    _fail,
    _price,
    _seconds,
    _verified,
)

if TYPE_CHECKING:
    from sora_desktop.core.catalogue_model import CatalogueModel
    from sora_desktop.core.models import VideoRequest


@dataclass(frozen=True, slots=True)
class ExtendEndpoint:
    endpoint: str
    #: the endpoint's field that takes the source video (a URL or a data URI)
    video_field: str
    seconds_field: str | None
    #: seconds added -> the value the endpoint wants for it
    seconds: tuple[tuple[int, Scalar], ...]
    default_seconds: int
    #: the source sizes it takes (empty: any)
    source_sizes: tuple[str, ...] = ()
    constants: tuple[tuple[str, Scalar], ...] = ()
    price: Price | None = None
    verified: str = ""

    @property
    def seconds_values(self) -> tuple[int, ...]:
        return tuple(n for n, _v in self.seconds)

    def estimate_cost(self, size: str, seconds: int, audio: bool | None = None) -> float | None:
        """Estimated US dollars for ``seconds`` added, or None when the price is unknown."""
        if self.price is None:
            return None
        rate = self.price.rate(size, audio)
        return None if rate is None else round(rate * seconds, 2)

    def build_input(
        self, model: CatalogueModel, request: VideoRequest, video_uri: str
    ) -> dict[str, Any]:
        """The endpoint's input: the model's prompt/audio/negative prompt/seed fields, the
        source video, the seconds added; ``request.params`` win."""
        body: dict[str, Any] = dict(self.constants)
        body[model.field_for("prompt") or "prompt"] = request.prompt
        model.put_settings(body, request)
        if self.seconds_field:
            body[self.seconds_field] = dict(self.seconds).get(request.seconds, request.seconds)
        body[self.video_field] = video_uri
        put_params(body, request.params)
        return body


def parse_extend(value: Any, where: str) -> ExtendEndpoint | None:
    """A model entry's ``"extend"``, checked (None when it has none)."""
    if value is None:
        return None
    where = f"{where} extend"
    if not isinstance(value, Mapping):
        raise _fail(where, "'extend' must be an object")
    texts: dict[str, str] = {}
    for key in ("endpoint", "video_field"):
        text = value.get(key)
        if not isinstance(text, str) or not text.strip():
            raise _fail(where, f"{key!r} must be a non-empty string")
        texts[key] = text
    field, values, default = _seconds(value.get("seconds"), where)
    sizes = value.get("source_sizes") or []
    if not isinstance(sizes, list) or not all(isinstance(s, str) and _SIZE.match(s) for s in sizes):
        raise _fail(where, "'source_sizes' must list sizes like 1280x720")
    return ExtendEndpoint(
        endpoint=texts["endpoint"],
        video_field=texts["video_field"],
        seconds_field=field,
        seconds=values,
        default_seconds=default,
        source_sizes=tuple(sizes),
        constants=_constants(value.get("constants"), where),
        price=_price(value.get("price"), where),
        verified=_verified(value.get("verified", ""), where),
    )
