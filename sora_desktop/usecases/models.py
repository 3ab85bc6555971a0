"""Models: what a connection kind offers, one model's parameters, the cost estimate, and
the provider's own settings (``--param NAME=VALUE``, "More settings") checked and typed.

    list_models(kind) -> list[ModelSummary]                  # the catalogue (no I/O)
    await model_details(service, connection, model_id) -> ModelDetails
        # capabilities + the full parameter list from the provider's schema (cached on
        # disk), else the catalogue's fields, saying so (``note``)
    estimate_cost(kind, model_id, size, seconds, audio=None) -> CostEstimate
    request_cost(kind, request) -> CostEstimate     # sending a request again (extensions too)
        # "price unknown" is a value (``usd is None``), never an error
    choose_size(summary, size=None, aspect=None, with_image=False, hint=None) -> str
    choose_seconds(summary, seconds=None, hint=None) -> int
    parse_param("NAME=VALUE") -> (name, text)
    coerce_params(pairs, details) -> ((name, JSON text), ...)  # VideoRequest.params
    coerce_form(values, details) -> ((name, JSON text), ...)   # the window's form values

Refusals are :class:`InvalidRequestError` whose ``param`` names the field and whose text
lists what is allowed. Qt-free, plain data in and out.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sora_desktop.core.errors import InvalidRequestError, SoraError
from sora_desktop.core.i18n import _
from sora_desktop.core.model_settings import ModelSettings, ModelSummary, summarize_capabilities
from sora_desktop.core.models import Connection, ConnectionKind, VideoRequest
from sora_desktop.core.schema_form import FormField, coerce

if TYPE_CHECKING:
    from sora_desktop.core.service import GenerationService

__all__ = [
    "CostEstimate",
    "FormField",
    "ModelDetails",
    "ModelSummary",
    "aspect_of",
    "choose_seconds",
    "choose_size",
    "coerce_form",
    "coerce_params",
    "estimate_cost",
    "list_models",
    "model_details",
    "parse_param",
]

#: the size picked for an aspect when a model offers it in several resolutions
_PREFERRED_SHORT_SIDE = 720


@dataclass(frozen=True, slots=True)
class ModelDetails:
    """One model on one connection, as "models --model" and the settings panel show it."""

    summary: ModelSummary
    #: every field of the model's input (the schema's, else the catalogue's), in order
    fields: tuple[FormField, ...]
    #: the fields the common settings don't cover ("More settings")
    extra_fields: tuple[FormField, ...]
    #: the provider's own schema was had (fresh, cached or stale)
    schema_found: bool
    #: why the list is the catalogue's, not the provider's (None when the schema was had)
    note: str | None = None

    def field(self, name: str) -> FormField | None:
        return next((f for f in self.fields if f.name == name), None)


@dataclass(frozen=True, slots=True)
class CostEstimate:
    """What a video is expected to cost. ``usd is None``: the price is unknown."""

    usd: float | None
    usd_per_second: float | None = None
    checked: str = ""  # the date the price was checked (YYYY-MM-DD), when known
    source: str = ""  # where it was checked
    free: bool = False  # a simulator: nothing is billed

    @property
    def known(self) -> bool:
        return self.usd is not None

    def text(self) -> str:
        """One line for the creator: "about $1.20 (price checked 2026-11-01)"."""
        if self.free:
            return _("free (simulator)")
        if self.usd is None:
            return _("price unknown")
        amount = _("about ${amount:.2f}").format(amount=self.usd)
        if self.checked:
            return _("{amount} (price checked {date})").format(amount=amount, date=self.checked)
        return amount


# --------------------------------------------------------------------------- listing


def list_models(kind: ConnectionKind) -> list[ModelSummary]:
    """The models a connection kind offers: the catalogue's for fal, Replicate and Runway;
    the known Videos API models for the others (no I/O)."""
    if kind.is_provider:
        from sora_desktop.core.model_settings import list_models as catalogue_list

        return catalogue_list(kind)
    from sora_desktop.core.capabilities import capabilities_for

    names = ("sora-2", "sora-2-pro")
    return [
        summarize_capabilities(kind, capabilities_for(n, azure=kind is ConnectionKind.AZURE))
        for n in names
    ]


def _details(settings: ModelSettings, provider: str, reason: str | None = None) -> ModelDetails:
    note = None
    if reason is not None:
        note = _(
            "{provider}'s parameter list for {model} could not be read ({reason}); these are "
            "the fields the app's catalogue knows."
        ).format(provider=provider, model=settings.model.id, reason=reason)
    elif not settings.schema_found and settings.fields:
        note = _(
            "{provider} gave no parameter list for {model} (it publishes none, or it could "
            "not be reached); these are the fields the app's catalogue knows."
        ).format(provider=provider, model=settings.model.id)
    return ModelDetails(
        summary=settings.model,
        fields=settings.fields,
        extra_fields=settings.extra_fields,
        schema_found=settings.schema_found,
        note=note,
    )


_PROVIDER_NAMES = {
    ConnectionKind.FAL: "fal",
    ConnectionKind.REPLICATE: "Replicate",
    ConnectionKind.RUNWAY: "Runway",
}


async def model_details(
    service: GenerationService, connection: Connection, model_id: str
) -> ModelDetails:
    """``model_id`` on ``connection``: what it can make and its full parameter list from
    the provider's schema (fetched once, cached on disk; a stale copy offline). When no
    schema can be had the model still works with the catalogue's fields, and ``note`` says
    so. Network (once per day per model): run it on the I/O loop. A Videos API model
    (openai, azure, compatible, simulator) is described from its known capabilities, with
    no call at all."""
    if not connection.kind.is_provider:
        from sora_desktop.core.capabilities import capabilities_for

        caps = capabilities_for(model_id, azure=connection.kind is ConnectionKind.AZURE)
        summary = summarize_capabilities(connection.kind, caps)
        return ModelDetails(summary=summary, fields=(), extra_fields=(), schema_found=False)
    provider = _PROVIDER_NAMES.get(connection.kind, connection.kind.value)
    try:
        settings = await service.model_settings(connection, model_id)
    except SoraError as err:  # e.g. no key saved yet: the catalogue still describes it
        from sora_desktop.core.catalogue import model_for
        from sora_desktop.core.model_settings import settings_for

        listed = model_for(connection.kind, model_id.split(":", 1)[0])
        return _details(settings_for(listed, None), provider, err.message)
    return _details(settings, provider)


# --------------------------------------------------------------------------- the estimate


def estimate_cost(
    kind: ConnectionKind,
    model_id: str,
    size: str,
    seconds: int,
    audio: bool | None = None,
) -> CostEstimate:
    """The estimate for a video (the same figure the job stores when submitted)."""
    from sora_desktop.core.spending import estimate_cost as engine_estimate

    usd = engine_estimate(model_id, size, seconds, kind, audio=audio)
    if kind is ConnectionKind.SIMULATOR:
        return CostEstimate(usd=0.0, usd_per_second=0.0, free=True)
    if usd is None:
        return CostEstimate(usd=None)
    if kind.is_provider:
        from sora_desktop.core.catalogue import load_catalogue

        listed = load_catalogue().get(kind, model_id.split(":", 1)[0])
        price = listed.price if listed is not None else None
        if price is not None:
            return CostEstimate(
                usd=usd,
                usd_per_second=price.rate(size, audio),
                checked=price.checked,
                source=price.source,
            )
    return CostEstimate(usd=usd, usd_per_second=usd / seconds if seconds > 0 else None)


def request_cost(kind: ConnectionKind, request: VideoRequest) -> CostEstimate:
    """The estimate for sending ``request`` once more (a retry, a resend): an extension
    through a provider model's own endpoint costs that endpoint's price for the seconds it
    adds, anything else :func:`estimate_cost`."""
    if request.extend_video is None or not kind.is_provider:
        return estimate_cost(kind, request.model, request.size, request.seconds, request.audio)
    from sora_desktop.core.provider_extend import extend_endpoint

    ext = extend_endpoint(kind, request.model)
    if ext is None or ext.price is None:
        return CostEstimate(usd=None)
    usd = ext.estimate_cost(request.size, request.seconds, request.audio)
    if usd is None:
        return CostEstimate(usd=None)
    return CostEstimate(
        usd=usd,
        usd_per_second=ext.price.rate(request.size, request.audio),
        checked=ext.price.checked,
        source=ext.price.source,
    )


# --------------------------------------------------------------------------- size and length


def aspect_of(size: str) -> str:
    """``"1280x720"`` -> ``"16:9"`` (``"1080x1080"`` -> ``"1:1"``)."""
    try:
        w, h = (int(p) for p in size.lower().split("x", 1))
    except ValueError:
        return size
    if w <= 0 or h <= 0:
        return size
    g = math.gcd(w, h)
    return f"{w // g}:{h // g}"


def _norm_aspect(text: str) -> str:
    parts = text.strip().replace("/", ":").split(":")
    try:
        a, b = (int(p) for p in parts)
    except ValueError:
        return text.strip()
    if a <= 0 or b <= 0:
        return text.strip()
    g = math.gcd(a, b)
    return f"{a // g}:{b // g}"


def _short_side(size: str) -> int:
    w, h = (int(p) for p in size.split("x", 1))
    return min(w, h)


def choose_size(
    summary: ModelSummary,
    *,
    size: str | None = None,
    aspect: str | None = None,
    with_image: bool = False,
    hint: str | None = None,
) -> str:
    """The size to ask ``summary``'s model for: ``size`` when it offers it, else the one
    matching ``aspect`` ("16:9"; 720p when several), else its default. Refused naming the
    field and the allowed values."""
    allowed = summary.sizes
    if not with_image and summary.text_sizes is not None:
        allowed = summary.text_sizes
    if size is not None:
        wanted = size.strip().lower()
        if wanted not in allowed:
            raise InvalidRequestError(
                _("{model} can't make {size!r} videos. Allowed sizes: {allowed}.").format(
                    model=summary.name, size=size, allowed=", ".join(allowed)
                ),
                hint or _("Pick one of the allowed sizes."),
                param="size",
            )
        return wanted
    if aspect is not None:
        target = _norm_aspect(aspect)
        matches = [s for s in allowed if aspect_of(s) == target]
        if not matches:
            offered = sorted({aspect_of(s) for s in allowed})
            raise InvalidRequestError(
                _("{model} has no {aspect} aspect. Allowed aspects: {allowed}.").format(
                    model=summary.name, aspect=aspect, allowed=", ".join(offered)
                ),
                hint or _("Pick one of the allowed aspects."),
                param="aspect",
            )
        matches.sort(key=lambda s: abs(_short_side(s) - _PREFERRED_SHORT_SIDE))
        return matches[0]
    for default in ("1280x720", "720x1280"):
        if default in allowed:
            return default
    if not allowed:
        raise InvalidRequestError(
            _("{model} offers no size.").format(model=summary.name), hint or "", param="size"
        )
    return allowed[0]


def choose_seconds(
    summary: ModelSummary, seconds: int | None = None, *, hint: str | None = None
) -> int:
    """``seconds`` when the model makes videos that long, else its default; refused naming
    the field and the allowed lengths."""
    if seconds is None:
        return summary.default_seconds
    if seconds not in summary.seconds:
        raise InvalidRequestError(
            _("{model} can't make {seconds}-second videos. Allowed lengths: {allowed}.").format(
                model=summary.name,
                seconds=seconds,
                allowed=", ".join(str(n) for n in summary.seconds),
            ),
            hint or _("Pick one of the allowed lengths."),
            param="seconds",
        )
    return seconds


# --------------------------------------------------------------------------- provider settings


def parse_param(text: str, *, hint: str | None = None) -> tuple[str, str]:
    """``"NAME=VALUE"`` -> ``(NAME, VALUE)``; refused when there is no name."""
    name, sep, value = text.partition("=")
    name = name.strip()
    if not sep or not name:
        raise InvalidRequestError(
            _("{text!r} is not a setting: write it as NAME=VALUE.").format(text=text),
            hint or _("For example: seed=42"),
            param="param",
        )
    return name, value


def _coerce_one(field: FormField, text: str, hint: str | None) -> Any:
    try:
        return coerce(field, text)
    except ValueError as exc:
        detail = str(exc)
        if not detail or detail.startswith(("invalid literal", "could not convert")):
            detail = _("{name} takes {type}").format(name=field.name, type=_type_words(field))
        raise InvalidRequestError(
            _("{value!r} is not a value for {name}: {detail}.").format(
                value=text, name=field.name, detail=detail
            ),
            hint or _("Correct the value of {name}.").format(name=field.name),
            param=field.name,
        ) from None


def _type_words(field: FormField) -> str:
    if field.type == "integer":
        return _("a whole number")
    if field.type == "number":
        return _("a number")
    return _("text")


def coerce_params(
    pairs: Iterable[tuple[str, str]], details: ModelDetails, *, hint: str | None = None
) -> tuple[tuple[str, str], ...]:
    """``--param`` pairs checked against the model's fields and typed, as
    ``VideoRequest.params`` ((name, JSON text), later ones win). A name the provider's
    schema doesn't list is refused (listing the names); without a schema, a name the
    catalogue doesn't know goes as written (the provider decides)."""
    fields = {f.name: f for f in details.fields}
    out: dict[str, str] = {}
    for name, text in pairs:
        field = fields.get(name)
        if field is None:
            if details.schema_found:
                raise InvalidRequestError(
                    _("{model} has no setting {name!r}. Its settings: {allowed}.").format(
                        model=details.summary.id, name=name, allowed=", ".join(fields)
                    ),
                    hint or _("Check the name; the models command lists them."),
                    param=name,
                )
            out[name] = _raw_json(text)
            continue
        out[name] = json.dumps(_coerce_one(field, text, hint))
    return tuple(out.items())


def _raw_json(text: str) -> str:
    """An unchecked value: JSON when it reads as JSON (``42``, ``true``), else a string."""
    try:
        json.loads(text)
    except ValueError:
        return json.dumps(text)
    return text.strip()


def coerce_form(
    values: Mapping[str, Any], details: ModelDetails, *, hint: str | None = None
) -> tuple[tuple[str, str], ...]:
    """The "More settings" form's values (typed by their widgets, or text) checked against
    the model's fields, as ``VideoRequest.params``. ``None`` or ``""`` = left out."""
    pairs: list[tuple[str, str]] = []
    for name, value in values.items():
        if value is None or value == "":
            continue
        if isinstance(value, str):
            pairs.append((name, value))
        elif isinstance(value, bool | int | float):
            number = isinstance(value, float) and not isinstance(value, bool)
            pairs.append((name, _float_text(value) if number else json.dumps(value)))
        else:
            pairs.append((name, json.dumps(value)))
    return coerce_params(pairs, details, hint=hint)


def _float_text(value: float) -> str:
    return str(int(value)) if value.is_integer() else repr(value)


def field_names(fields: Sequence[FormField]) -> list[str]:
    return [f.name for f in fields]
