"""Per-model capabilities, prices and request validation (docs/architecture.md, "The video APIs").

The table is data, not code paths: a profile may map its own model or deployment name to a
known base model (``Profile.model_aliases``), and unknown models on a ``compatible`` gateway
get permissive defaults so a new model can still be used.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.i18n import _
from sora_desktop.core.models import ConnectionKind, VideoRequest

MAX_PROMPT_CHARS = 32000


@dataclass(frozen=True, slots=True)
class ModelCapabilities:
    """What one model accepts (sizes, lengths, prompt length, remix/edit/extend/image) and
    what it costs per second."""

    name: str
    sizes: tuple[str, ...]
    seconds: tuple[int, ...]
    max_prompt_chars: int = MAX_PROMPT_CHARS
    supports_remix: bool = True
    supports_edit: bool = False
    supports_extend: bool = False
    supports_image: bool = True
    #: US dollars per second of video, by size; ``default_price`` for sizes not listed
    prices: tuple[tuple[str, float], ...] = ()
    default_price: float | None = None

    @property
    def default_size(self) -> str:
        return self.sizes[0]

    @property
    def default_seconds(self) -> int:
        return self.seconds[0]

    def price_per_second(self, size: str) -> float | None:
        for s, price in self.prices:
            if s == size:
                return price
        return self.default_price

    def estimate_cost(self, size: str, seconds: int) -> float | None:
        """Estimated price in US dollars, or None when the price is unknown."""
        price = self.price_per_second(size)
        return None if price is None else round(price * seconds, 2)


_SORA2_SIZES = ("720x1280", "1280x720")
_PRO_SIZES = ("720x1280", "1280x720", "1024x1792", "1792x1024", "1080x1920", "1920x1080")
_SECONDS = (4, 8, 12, 16, 20)

SORA_2 = ModelCapabilities(
    name="sora-2",
    sizes=_SORA2_SIZES,
    seconds=_SECONDS,
    supports_edit=True,
    supports_extend=True,
    default_price=0.10,
)
SORA_2_PRO = ModelCapabilities(
    name="sora-2-pro",
    sizes=_PRO_SIZES,
    seconds=_SECONDS,
    supports_edit=True,
    supports_extend=True,
    prices=(
        ("720x1280", 0.30),
        ("1280x720", 0.30),
        ("1024x1792", 0.50),
        ("1792x1024", 0.50),
        ("1080x1920", 0.70),
        ("1920x1080", 0.70),
    ),
)
#: Azure OpenAI's documented limits for Sora 2 deployments.
AZURE_SORA_2 = ModelCapabilities(
    name="sora-2",
    sizes=_SORA2_SIZES,
    seconds=(4, 8, 12),
    default_price=0.10,
)
#: What an unknown model on a compatible gateway is allowed to ask for.
PERMISSIVE = ModelCapabilities(
    name="(unknown model)",
    sizes=_PRO_SIZES,
    seconds=_SECONDS,
    supports_edit=True,
    supports_extend=True,
)

KNOWN_MODELS: Mapping[str, ModelCapabilities] = {
    "sora-2": SORA_2,
    "sora-2-2025-10-06": SORA_2,
    "sora-2-2025-12-08": SORA_2,
    "sora-2-pro": SORA_2_PRO,
    "sora-2-pro-2025-10-06": SORA_2_PRO,
}


def capabilities_for(
    model: str,
    *,
    aliases: Mapping[str, str] | None = None,
    azure: bool = False,
) -> ModelCapabilities:
    """Capabilities of ``model`` (or of the base model an alias/deployment maps to)."""
    base = (aliases or {}).get(model, model)
    if azure and base in ("sora-2", "sora-2-2025-10-06", "sora-2-2025-12-08"):
        return AZURE_SORA_2
    known = KNOWN_MODELS.get(base)
    if known is not None:
        return known
    return ModelCapabilities(
        name=model,
        sizes=PERMISSIVE.sizes,
        seconds=PERMISSIVE.seconds,
        supports_edit=True,
        supports_extend=True,
    )


def _allowed(values: tuple[object, ...]) -> str:
    return ", ".join(str(v) for v in values)


def validate_request(request: VideoRequest, caps: ModelCapabilities) -> None:
    """Refuse a request the model can't make, before any network call.

    Raises :class:`InvalidRequestError` with ``param`` naming the field and the message
    listing what is allowed. The reference image itself is checked by
    :func:`sora_desktop.core.images.check_reference_image`.
    """
    prompt = request.prompt
    if not prompt or not prompt.strip():
        raise InvalidRequestError(
            _("The prompt is empty."),
            _("Describe the video you want: subject, scene, action, camera, lighting, style."),
            param="prompt",
        )
    if len(prompt) > caps.max_prompt_chars:
        raise InvalidRequestError(
            _("The prompt has {count} characters; {model} accepts at most {limit}.").format(
                count=len(prompt), model=caps.name, limit=caps.max_prompt_chars
            ),
            _("Shorten the prompt."),
            param="prompt",
        )
    if request.size not in caps.sizes:
        raise InvalidRequestError(
            _("{model} can't make {size!r} videos. Allowed sizes: {allowed}.").format(
                model=caps.name, size=request.size, allowed=_allowed(caps.sizes)
            ),
            _("Pick one of the allowed sizes."),
            param="size",
        )
    if request.seconds not in caps.seconds:
        raise InvalidRequestError(
            _(
                "{model} can't make {seconds}-second videos. Allowed durations: {allowed} seconds."
            ).format(model=caps.name, seconds=request.seconds, allowed=_allowed(caps.seconds)),
            _("Pick one of the allowed durations."),
            param="seconds",
        )
    if request.reference_image is not None and not caps.supports_image:
        raise InvalidRequestError(
            _("{model} does not take a reference image.").format(model=caps.name),
            _("Remove the image or pick another model."),
            param="input_reference",
        )
    if request.extend_of is not None and not caps.supports_extend:
        raise InvalidRequestError(
            _("{model} can't extend videos on this connection.").format(model=caps.name),
            _("Continue the clip from its last frame instead."),
            param="model",
        )
    if request.remix_of is not None and not caps.supports_remix:
        raise InvalidRequestError(
            _("{model} can't remix videos.").format(model=caps.name),
            _("Pick another model to remix with."),
            param="model",
        )


def served_models(kind: ConnectionKind, offered: Iterable[str] = ()) -> tuple[str, ...] | None:
    """The model names a connection of ``kind`` can serve; None when any name may work.

    A compatible gateway routes names of its own, and an Azure model is the name of a
    deployment only its owner knows: for both any name is sent (a wrong one is answered
    "not found", which costs nothing). The simulator (built in or not) makes exactly the
    OpenAI models in :data:`KNOWN_MODELS`; an ``openai`` connection serves those plus the
    names its profile lists (``offered``: its models, default model and aliases).
    """
    if kind in (ConnectionKind.COMPATIBLE, ConnectionKind.AZURE):
        return None
    names = list(KNOWN_MODELS)
    if kind is ConnectionKind.OPENAI:
        names += [n for n in offered if n and n not in names]
    return tuple(names)


def check_model_served(model: str, kind: ConnectionKind, offered: Iterable[str] = ()) -> None:
    """Refuse, before any network call, a model the connection can't serve (see
    :func:`served_models`), naming the models it can."""
    served = served_models(kind, offered)
    if served is None or model in served:
        return
    raise InvalidRequestError(
        _(
            "This connection can't make videos with the model {model!r}. It serves: {allowed}."
        ).format(model=model, allowed=_allowed(served)),
        _("Pick one of these models."),
        param="model",
    )
