"""The video models of the native provider kinds, as data (``resources/models/catalogue.json``).

One entry per model and provider says how the app's common settings (prompt, size, seconds,
audio, negative prompt, seed, start and end image) become the model's own fields and enums
(``"8s"``, ``"5"``, ``8``, ``"1280:720"``), which endpoint takes it, and its price per second
as an estimate with the date it was checked and where. Adding a model is a change to the
file only: :func:`load_catalogue` reads and checks it, and refuses a malformed entry naming
it and the field at fault.

A model id the file doesn't list works too: :func:`model_for` derives an entry from the
provider's own input schema when one was fetched (``schema_form.derive_model``), else a plain
one (the prompt, and the image under the provider's usual field name).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sora_desktop.core.capabilities import ModelCapabilities
from sora_desktop.core.errors import InvalidRequestError
from sora_desktop.core.i18n import _
from sora_desktop.core.models import ConnectionKind, VideoRequest

if TYPE_CHECKING:
    from sora_desktop.core.catalogue_extend import ExtendEndpoint

#: JSON scalars a wire field may hold
Scalar = str | int | float | bool

#: The common settings an entry's ``fields`` may map.
COMMON_SETTINGS = frozenset(
    {"prompt", "negative_prompt", "seed", "audio", "start_image", "end_image"}
)
_SIZE = re.compile(r"^[1-9][0-9]{1,4}x[1-9][0-9]{1,4}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CATALOGUE_PATH = Path(__file__).resolve().parent.parent / "resources" / "models" / "catalogue.json"

#: Sizes a model the catalogue doesn't know may be asked for (its schema or the provider
#: decides what it really makes).
OPEN_SIZES = ("1280x720", "720x1280", "1920x1080", "1080x1920", "1080x1080", "720x720")
OPEN_SECONDS = tuple(range(1, 21))


class CatalogueError(ValueError):
    """The catalogue file is malformed (which entry, which field, what is wrong)."""


@dataclass(frozen=True, slots=True)
class Price:
    """Estimated US dollars per second, by size (``default`` for the rest)."""

    per_second: tuple[tuple[str, float], ...]
    audio_off: tuple[tuple[str, float], ...] = ()
    checked: str = ""
    source: str = ""

    def rate(self, size: str, audio: bool | None) -> float | None:
        table = self.audio_off if audio is False and self.audio_off else self.per_second
        values = dict(table)
        return values.get(size, values.get("default"))


@dataclass(frozen=True, slots=True)
class CatalogueModel:
    provider: ConnectionKind
    id: str
    name: str
    family: str
    text_endpoint: str | None
    image_endpoint: str | None
    #: common setting -> the model's field name
    fields: tuple[tuple[str, str], ...]
    #: size ("1280x720") -> the fields and values that ask for it
    sizes: tuple[tuple[str, tuple[tuple[str, Scalar], ...]], ...]
    seconds_field: str | None
    #: seconds -> the value the model wants for it
    seconds: tuple[tuple[int, Scalar], ...]
    default_seconds: int
    constants: tuple[tuple[str, Scalar], ...] = ()
    text_sizes: tuple[str, ...] | None = None  # sizes allowed without an image, when fewer
    price: Price | None = None
    verified: str = ""
    listed: bool = True  # False: derived at run time, not in the catalogue
    #: fields the provider's schema lists (for --param and the "More settings" form)
    schema_fields: tuple[str, ...] = field(default=())
    #: the model's own extend endpoint (``catalogue_extend.py``), None when it has none
    extend: ExtendEndpoint | None = None

    # -- reading

    def field_for(self, setting: str) -> str | None:
        return dict(self.fields).get(setting)

    @property
    def size_names(self) -> tuple[str, ...]:
        return tuple(s for s, _f in self.sizes)

    @property
    def seconds_values(self) -> tuple[int, ...]:
        return tuple(n for n, _v in self.seconds)

    @property
    def needs_image(self) -> bool:
        return self.text_endpoint is None

    @property
    def takes_image(self) -> bool:
        return self.image_endpoint is not None and self.field_for("start_image") is not None

    def capabilities(self) -> ModelCapabilities:
        return ModelCapabilities(
            name=self.name if self.listed else self.id,
            sizes=self.size_names,
            seconds=self.seconds_values,
            supports_remix=False,
            supports_image=self.takes_image,
            default_price=None,
        )

    def estimate_cost(self, size: str, seconds: int, audio: bool | None = None) -> float | None:
        """Estimated US dollars, or None when the price is unknown."""
        if self.price is None:
            return None
        rate = self.price.rate(size, audio)
        return None if rate is None else round(rate * seconds, 2)

    def endpoint(self, *, with_image: bool) -> str:
        if with_image and self.image_endpoint is not None:
            return self.image_endpoint
        assert self.text_endpoint is not None or self.image_endpoint is not None
        return self.text_endpoint or self.image_endpoint or self.id

    # -- checking and building a request

    def validate(self, request: VideoRequest) -> None:
        """Refuse what this model can't do, naming the field (before any network call)."""
        from sora_desktop.core.capabilities import validate_request

        validate_request(request, self.capabilities())
        with_image = request.reference_image is not None
        if self.needs_image and not with_image:
            raise InvalidRequestError(
                _("{model} makes videos from a start image only.").format(model=self.name),
                _("Add a start image, or pick a model that also works from text."),
                param="input_reference",
            )
        if not with_image and self.text_sizes is not None and request.size not in self.text_sizes:
            raise InvalidRequestError(
                _(
                    "{model} can't make {size!r} videos without a start image. Allowed sizes: "
                    "{allowed}."
                ).format(model=self.name, size=request.size, allowed=", ".join(self.text_sizes)),
                _("Pick one of the allowed sizes, or add a start image."),
                param="size",
            )
        checks = (
            ("end_image", request.end_image is not None, "end_image"),
            ("audio", request.audio is not None, "audio"),
            ("negative_prompt", bool(request.negative_prompt), "negative_prompt"),
            ("seed", request.seed is not None, "seed"),
        )
        for setting, asked, param in checks:
            if asked and self.field_for(setting) is None:
                raise InvalidRequestError(
                    _("{model} has no setting {setting!r}.").format(
                        model=self.name, setting=setting
                    ),
                    _("Leave it out, or pick another model."),
                    param=param,
                )
        if request.end_image is not None and request.reference_image is None:
            raise InvalidRequestError(
                _("An end image needs a start image too."),
                _("Add a start image, or remove the end image."),
                param="end_image",
            )

    def build_input(
        self,
        request: VideoRequest,
        *,
        start_image: str | None = None,
        end_image: str | None = None,
        images: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        """The model's input for ``request``; images given as URIs (data: or uploaded).

        A start and an end image mapped to the same field (Runway's ``promptImage``) go as
        a list of ``{"uri", "position"}``. ``request.params`` (any schema field) win, and
        ``images`` (the URIs of ``request.image_params``, by field name) after them.
        """
        body: dict[str, Any] = dict(self.constants)
        prompt_field = self.field_for("prompt") or "prompt"
        body[prompt_field] = request.prompt
        body.update(dict(self.sizes).get(request.size, ()))
        if self.seconds_field:
            value = dict(self.seconds).get(request.seconds, request.seconds)
            body[self.seconds_field] = value
        self.put_settings(body, request)
        start_field = self.field_for("start_image")
        end_field = self.field_for("end_image")
        if start_image is not None and start_field is not None:
            if end_image is not None and end_field == start_field:
                body[start_field] = [
                    {"uri": start_image, "position": "first"},
                    {"uri": end_image, "position": "last"},
                ]
            else:
                body[start_field] = start_image
        if end_image is not None and end_field is not None and end_field != start_field:
            body[end_field] = end_image
        put_params(body, request.params)
        body.update(images or {})
        return body

    def put_settings(self, body: dict[str, Any], request: VideoRequest) -> None:
        """``request``'s audio, negative prompt and seed into ``body``, in the fields this
        model names for them (a setting it has no field for, or that is unset, stays out)."""
        optional: tuple[tuple[str, Any], ...] = (
            ("audio", request.audio),
            ("negative_prompt", request.negative_prompt or None),
            ("seed", request.seed),
        )
        for setting, value in optional:
            name = self.field_for(setting)
            if name is not None and value is not None:
                body[name] = value


def put_params(body: dict[str, Any], params: Iterable[tuple[str, str]]) -> None:
    """``request.params`` into ``body`` (they win): JSON where the text is JSON, else the text."""
    for name, text in params:
        try:
            body[name] = json.loads(text)
        except ValueError:
            body[name] = text


@dataclass(frozen=True, slots=True)
class Catalogue:
    models: tuple[CatalogueModel, ...]

    def get(self, kind: ConnectionKind, model_id: str) -> CatalogueModel | None:
        for model in self.models:
            if model.provider is kind and model.id == model_id:
                return model
        return None

    def for_kind(self, kind: ConnectionKind) -> tuple[CatalogueModel, ...]:
        return tuple(m for m in self.models if m.provider is kind)


# --------------------------------------------------------------------------- loading


def _fail(where: str, what: str) -> CatalogueError:
    return CatalogueError(f"{where}: {what}")


def _scalar(value: Any, where: str) -> Scalar:
    if isinstance(value, str | bool | int | float):
        return value
    raise _fail(where, f"expected a string, number or true/false, got {value!r}")


def _str(entry: Mapping[str, Any], key: str, where: str, *, required: bool = True) -> str | None:
    value = entry.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise _fail(where, f"{key!r} must be a non-empty string")
    return value


def _price(value: Any, where: str) -> Price | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise _fail(where, "'price' must be an object or null")

    def table(key: str, required: bool) -> tuple[tuple[str, float], ...]:
        raw = value.get(key)
        if raw is None and not required:
            return ()
        if not isinstance(raw, Mapping) or "default" not in raw:
            raise _fail(where, f"price {key!r} must be an object with a 'default'")
        out = []
        for size, rate in raw.items():
            if size != "default" and not _SIZE.match(size):
                raise _fail(where, f"price {key!r}: {size!r} is not a size like 1280x720")
            if isinstance(rate, bool) or not isinstance(rate, int | float) or rate < 0:
                raise _fail(where, f"price {key!r}: {rate!r} is not a price")
            out.append((str(size), float(rate)))
        return tuple(out)

    checked = value.get("checked")
    source = value.get("source")
    if not isinstance(checked, str) or not _DATE.match(checked):
        raise _fail(where, "a price needs 'checked' as YYYY-MM-DD")
    if not isinstance(source, str) or not source.strip():
        raise _fail(where, "a price needs its 'source'")
    return Price(
        per_second=table("usd_per_second", True),
        audio_off=table("usd_per_second_audio_off", False),
        checked=checked,
        source=source,
    )


def _seconds(value: Any, where: str) -> tuple[str | None, tuple[tuple[int, Scalar], ...], int]:
    """A ``"seconds"`` object, checked: its field (None: the endpoint has none), its
    ``(seconds, wire value)`` pairs in order, and its default."""
    if not isinstance(value, Mapping) or not isinstance(value.get("values"), Mapping):
        raise _fail(where, "'seconds' must be an object with 'field' and 'values'")
    field = value.get("field")
    if field is not None and (not isinstance(field, str) or not field):
        raise _fail(where, "'seconds' 'field' must name a field")
    values: list[tuple[int, Scalar]] = []
    for key, wire in value["values"].items():
        if not str(key).isdigit() or int(key) <= 0:
            raise _fail(where, f"'seconds' value {key!r} is not a whole number of seconds")
        values.append((int(key), _scalar(wire, f"{where} seconds {key}")))
    if not values:
        raise _fail(where, "'seconds' 'values' is empty")
    values.sort()
    default = value.get("default", values[0][0])
    if default not in dict(values):
        raise _fail(where, f"'seconds' default {default!r} is not one of the values")
    return field, tuple(values), int(default)


def _constants(value: Any, where: str) -> tuple[tuple[str, Scalar], ...]:
    """A ``"constants"`` object (fields always sent), checked; none: empty."""
    constants = value or {}
    if not isinstance(constants, Mapping):
        raise _fail(where, "'constants' must be an object")
    return tuple((str(k), _scalar(v, f"{where} constants")) for k, v in constants.items())


def _verified(value: Any, where: str) -> str:
    """A ``"verified"`` note (where the fields were read), checked."""
    if not isinstance(value, str):
        raise _fail(where, "'verified' must be text")
    return value


def parse_model(entry: Any, where: str = "model") -> CatalogueModel:
    """One catalogue entry, checked. Raises :class:`CatalogueError`."""
    if not isinstance(entry, Mapping):
        raise _fail(where, "an entry must be an object")
    try:
        provider = ConnectionKind(str(entry.get("provider")))
    except ValueError:
        raise _fail(where, f"unknown provider {entry.get('provider')!r}") from None
    if not provider.is_provider:
        raise _fail(where, f"{provider.value!r} is not a provider kind")
    model_id = _str(entry, "id", where)
    assert model_id is not None
    where = f"{where} {provider.value}:{model_id}"
    name = _str(entry, "name", where) or model_id
    family = _str(entry, "family", where, required=False) or model_id
    endpoints = entry.get("endpoints")
    if not isinstance(endpoints, Mapping) or not (endpoints.get("text") or endpoints.get("image")):
        raise _fail(where, "'endpoints' needs a 'text' or an 'image' endpoint")
    for key in endpoints:
        if key not in ("text", "image"):
            raise _fail(where, f"unknown endpoint kind {key!r} (text, image)")
    text = endpoints.get("text")
    image = endpoints.get("image")
    for value in (text, image):
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise _fail(where, "an endpoint must be a non-empty string")
    fields = entry.get("fields")
    if not isinstance(fields, Mapping) or "prompt" not in fields:
        raise _fail(where, "'fields' must map at least 'prompt' to the model's field")
    for setting, wire in fields.items():
        if setting not in COMMON_SETTINGS:
            raise _fail(where, f"unknown common setting {setting!r} in 'fields'")
        if not isinstance(wire, str) or not wire:
            raise _fail(where, f"'fields' {setting!r} must name a field")
    if image is not None and "start_image" not in fields:
        raise _fail(where, "an image endpoint needs 'fields' 'start_image'")
    sizes = entry.get("sizes")
    if not isinstance(sizes, Mapping) or not sizes:
        raise _fail(where, "'sizes' must map at least one size to its fields")
    size_items = []
    for size, wire_fields in sizes.items():
        if not _SIZE.match(size):
            raise _fail(where, f"{size!r} is not a size like 1280x720")
        if not isinstance(wire_fields, Mapping):
            raise _fail(where, f"size {size!r} must map to an object of fields")
        size_items.append(
            (
                size,
                tuple((str(k), _scalar(v, f"{where} size {size}")) for k, v in wire_fields.items()),
            )
        )
    text_sizes = entry.get("text_sizes")
    if text_sizes is not None:
        if not isinstance(text_sizes, list) or not all(s in sizes for s in text_sizes):
            raise _fail(where, "'text_sizes' must list sizes from 'sizes'")
        text_sizes = tuple(text_sizes)
    seconds_field, values, default = _seconds(entry.get("seconds"), where)
    from sora_desktop.core.catalogue_extend import parse_extend

    return CatalogueModel(
        provider=provider,
        id=model_id,
        name=name,
        family=family,
        text_endpoint=text,
        image_endpoint=image,
        fields=tuple((str(k), str(v)) for k, v in fields.items()),
        sizes=tuple(size_items),
        seconds_field=seconds_field,
        seconds=values,
        default_seconds=default,
        constants=_constants(entry.get("constants"), where),
        text_sizes=text_sizes,
        price=_price(entry.get("price"), where),
        verified=_verified(entry.get("verified", ""), where),
        extend=parse_extend(entry.get("extend"), where),
    )


def parse_catalogue(data: Any) -> Catalogue:
    """The whole file's content, checked (unique ids per provider)."""
    if not isinstance(data, Mapping) or data.get("version") != 1:
        raise CatalogueError("the catalogue must be an object with version 1")
    entries = data.get("models")
    if not isinstance(entries, list):
        raise CatalogueError("the catalogue's 'models' must be a list")
    models = [parse_model(e, f"model #{i + 1}") for i, e in enumerate(entries)]
    seen: set[tuple[ConnectionKind, str]] = set()
    for model in models:
        key = (model.provider, model.id)
        if key in seen:
            raise CatalogueError(f"{model.provider.value}:{model.id} is listed twice")
        seen.add(key)
    return Catalogue(tuple(models))


def load_catalogue(path: Path | None = None) -> Catalogue:
    """Read and check a catalogue file (default: the one shipped). Raises CatalogueError."""
    if path is None:
        return _shipped()
    return _read(Path(path))


def _read(path: Path) -> Catalogue:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CatalogueError(f"{path.name}: {exc}") from None
    return parse_catalogue(data)


@functools.cache
def _shipped() -> Catalogue:
    return _read(CATALOGUE_PATH)


# --------------------------------------------------------------------------- any model id


#: The field an image goes into for a model neither the catalogue nor a schema describes.
_DEFAULT_IMAGE_FIELD = {
    ConnectionKind.FAL: "image_url",
    ConnectionKind.REPLICATE: "image",
    ConnectionKind.RUNWAY: "promptImage",
}


def open_model(kind: ConnectionKind, model_id: str) -> CatalogueModel:
    """A model the catalogue doesn't know and no schema describes: the prompt (and image)
    only; its own settings go in ``request.params``."""
    sizes: tuple[tuple[str, tuple[tuple[str, Scalar], ...]], ...]
    fields: tuple[tuple[str, str], ...]
    constants: tuple[tuple[str, Scalar], ...]
    if kind is ConnectionKind.RUNWAY:
        sizes = tuple((s, (("ratio", s.replace("x", ":")),)) for s in OPEN_SIZES)
        fields = (("prompt", "promptText"), ("start_image", "promptImage"))
        text, image, constants = "text_to_video", "image_to_video", (("model", model_id),)
        seconds_field: str | None = "duration"
    else:
        sizes = tuple((s, ()) for s in OPEN_SIZES)
        fields = (("prompt", "prompt"), ("start_image", _DEFAULT_IMAGE_FIELD[kind]))
        text, image, constants = model_id, model_id, ()
        seconds_field = None
    return CatalogueModel(
        provider=kind,
        id=model_id,
        name=model_id,
        family=model_id,
        text_endpoint=text,
        image_endpoint=image,
        fields=fields,
        sizes=sizes,
        seconds_field=seconds_field,
        seconds=tuple((n, n) for n in OPEN_SECONDS),
        default_seconds=5,
        constants=constants,
        listed=False,
    )


def model_for(
    kind: ConnectionKind, model_id: str, *, schema: Mapping[str, Any] | None = None
) -> CatalogueModel:
    """The catalogue's entry for ``model_id``, else one derived from the provider's input
    ``schema`` (when fetched), else :func:`open_model`."""
    listed = load_catalogue().get(kind, model_id)
    if listed is not None:
        return listed
    if schema is not None:
        from sora_desktop.core.schema_form import derive_model

        derived = derive_model(kind, model_id, schema)
        if isinstance(derived, CatalogueModel):
            return derived
    return open_model(kind, model_id)


def catalogue_models(kind: ConnectionKind) -> tuple[CatalogueModel, ...]:
    """What the catalogue lists for a provider kind (for "models" and the window)."""
    return load_catalogue().for_kind(kind)


def model_ids(models: Iterable[CatalogueModel]) -> list[str]:
    return [m.id for m in models]
