"""What the faces show of a provider's models, as plain data ("models", the settings panel,
"More settings").

- :func:`list_models`: the catalogue's models of a provider kind, each as a
  :class:`ModelSummary` (what it can make, which common settings it has, its estimated
  price with the date checked and the source; ``None`` = "price unknown");
- :func:`settings_for`: one model's summary plus the provider's own fields that the common
  settings don't already cover, as :class:`~.schema_form.FormField` rows the window renders
  under "More settings" and the CLI's ``--param`` checks against.

The service wraps these with I/O (:meth:`GenerationService.model_settings` fetches and
caches the schema through the connection's dialect). No Qt, no I/O here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sora_desktop.core.capabilities import ModelCapabilities
from sora_desktop.core.catalogue import CatalogueModel, catalogue_models
from sora_desktop.core.models import ConnectionKind
from sora_desktop.core.schema_form import FormField, Widget, form_fields

if TYPE_CHECKING:
    from sora_desktop.core.dialects.base import Dialect

#: the app's default size, used for the headline price
_HEADLINE_SIZE = "1280x720"


@dataclass(frozen=True, slots=True)
class ModelSummary:
    """One model as the faces list it."""

    provider: str  # the connection kind ("fal", "replicate", "runway")
    id: str
    name: str
    family: str
    sizes: tuple[str, ...]
    seconds: tuple[int, ...]
    default_seconds: int
    #: sizes allowed without a start image, when fewer than :attr:`sizes`
    text_sizes: tuple[str, ...] | None
    takes_image: bool
    needs_image: bool
    takes_end_image: bool
    has_audio: bool
    has_negative_prompt: bool
    has_seed: bool
    #: estimated US dollars per second (audio on where it matters); None: price unknown
    usd_per_second: float | None
    usd_per_second_audio_off: float | None
    price_checked: str
    price_source: str
    #: False: not in the catalogue (derived from the provider's schema, or the plain entry)
    listed: bool


@dataclass(frozen=True, slots=True)
class ModelSettings:
    """A model's summary and its "More settings" fields."""

    model: ModelSummary
    #: the provider's own fields the common settings don't cover, in the provider's order
    extra_fields: tuple[FormField, ...]
    #: whether the provider's input schema was had (fresh, cached or stale)
    schema_found: bool
    #: every field of the model's input: the schema's when found, else the catalogue's
    #: (the fields its common settings map onto), for "models --model" and ``--param``
    fields: tuple[FormField, ...] = ()


def summarize(model: CatalogueModel) -> ModelSummary:
    size = _HEADLINE_SIZE if _HEADLINE_SIZE in model.size_names else None
    if size is None and model.size_names:
        size = model.size_names[0]
    price = model.price
    rate = price.rate(size or "default", True) if price is not None else None
    rate_off = price.rate(size or "default", False) if price is not None else None
    return ModelSummary(
        provider=model.provider.value,
        id=model.id,
        name=model.name,
        family=model.family,
        sizes=model.size_names,
        seconds=model.seconds_values,
        default_seconds=model.default_seconds,
        text_sizes=model.text_sizes,
        takes_image=model.takes_image,
        needs_image=model.needs_image,
        takes_end_image=model.field_for("end_image") is not None,
        has_audio=model.field_for("audio") is not None,
        has_negative_prompt=model.field_for("negative_prompt") is not None,
        has_seed=model.field_for("seed") is not None,
        usd_per_second=rate,
        usd_per_second_audio_off=rate_off if model.field_for("audio") is not None else None,
        price_checked=price.checked if price is not None else "",
        price_source=price.source if price is not None else "",
        listed=model.listed,
    )


def list_models(kind: ConnectionKind) -> list[ModelSummary]:
    """The catalogue's models for a provider kind (empty for the Videos API kinds, whose
    models are in :mod:`.capabilities`)."""
    return [summarize(m) for m in catalogue_models(kind)]


def common_field_names(model: CatalogueModel) -> frozenset[str]:
    """The model's fields the app's common settings already set (prompt, size, seconds,
    audio, images...) or that are fixed (Runway's ``model``)."""
    names = {name for _setting, name in model.fields}
    if model.seconds_field:
        names.add(model.seconds_field)
    for _size, values in model.sizes:
        names.update(name for name, _value in values)
    names.update(name for name, _value in model.constants)
    return frozenset(names)


def settings_for(model: CatalogueModel, schema: Mapping[str, Any] | None) -> ModelSettings:
    """``model``'s summary and the schema's fields the common settings don't cover."""
    extra: tuple[FormField, ...] = ()
    if schema is not None:
        taken = common_field_names(model)
        extra = tuple(f for f in form_fields(schema) if f.name not in taken)
    found = schema is not None
    every = tuple(form_fields(schema)) if schema is not None else catalogue_fields(model)
    return ModelSettings(
        model=summarize(model), extra_fields=extra, schema_found=found, fields=every
    )


def catalogue_fields(model: CatalogueModel) -> tuple[FormField, ...]:
    """The model's input fields as the catalogue knows them (no schema): the fields its
    common settings map onto, with the values its sizes and lengths take."""
    out: list[FormField] = []
    seen: set[str] = set()

    def add(item: FormField) -> None:
        if item.name not in seen:
            seen.add(item.name)
            out.append(item)

    mapped = dict(model.fields)
    prompt = mapped.get("prompt", "prompt")
    add(FormField(name=prompt, widget="text", label=_label(prompt), required=True))
    size_values: dict[str, list[Any]] = {}
    for _size, values in model.sizes:
        for name, value in values:
            choices = size_values.setdefault(name, [])
            if value not in choices:
                choices.append(value)
    for name, choices in size_values.items():
        add(_choice(name, choices, None))
    if model.seconds_field:
        wire = dict(model.seconds)
        add(_choice(model.seconds_field, list(wire.values()), wire.get(model.default_seconds)))
    kinds: dict[str, tuple[Widget, str]] = {
        "negative_prompt": ("text", "string"),
        "seed": ("text", "integer"),
        "audio": ("check", "boolean"),
        "start_image": ("image", "string"),
        "end_image": ("image", "string"),
    }
    for setting, name in model.fields:
        if setting in kinds:
            widget, json_type = kinds[setting]
            add(
                FormField(
                    name=name,
                    widget=widget,
                    label=_label(name),
                    type=json_type,
                    integer=json_type == "integer",
                    required=setting == "start_image" and model.needs_image,
                )
            )
    return tuple(out)


def _label(name: str) -> str:
    words = re.sub(r"([a-z])([A-Z])", r"\1 \2", name).replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def _choice(name: str, choices: list[Any], default: Any) -> FormField:
    ints = all(isinstance(c, int) and not isinstance(c, bool) for c in choices)
    return FormField(
        name=name,
        widget="choice",
        label=_label(name),
        default=default,
        choices=tuple(choices),
        type="integer" if ints else "string",
    )


def summarize_capabilities(kind: ConnectionKind, caps: ModelCapabilities) -> ModelSummary:
    """A Videos API model (``core/capabilities.py``) in the same shape."""
    size = caps.default_size
    return ModelSummary(
        provider=kind.value,
        id=caps.name,
        name=caps.name,
        family=caps.name,
        sizes=caps.sizes,
        seconds=caps.seconds,
        default_seconds=caps.default_seconds,
        text_sizes=None,
        takes_image=caps.supports_image,
        needs_image=False,
        takes_end_image=False,
        has_audio=False,
        has_negative_prompt=False,
        has_seed=False,
        usd_per_second=caps.price_per_second(size),
        usd_per_second_audio_off=None,
        price_checked="",
        price_source="",
        listed=True,
    )


async def fetch_settings(dialect: Dialect, model_id: str) -> ModelSettings:
    """``model_id``'s settings on a connection, the provider's schema fetched through its
    dialect (cached on disk; a stale copy when the provider can't be reached; none for
    Runway, which publishes none). A model whose schema can't be had still has its
    catalogue (or plain) entry."""
    from sora_desktop.core.dialects.base import ProviderClient

    if not isinstance(dialect, ProviderClient):
        from sora_desktop.core.capabilities import capabilities_for

        kind = dialect.connection.kind
        caps = capabilities_for(model_id, azure=kind is ConnectionKind.AZURE)
        return ModelSettings(summarize_capabilities(kind, caps), (), schema_found=False)
    model = await dialect.model(model_id)
    schema = await dialect.input_schema(model_id)
    return settings_for(model, schema)
