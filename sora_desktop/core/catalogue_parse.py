"""Reading and checking the catalogue file's entries (``resources/models/catalogue.json``).

:func:`parse_catalogue` checks the whole file's content, :func:`parse_model` one entry; a
malformed entry is refused with a :class:`CatalogueError` naming it and the field at fault.
The small checkers here (``_price``, ``_seconds``, ...) also read a model's ``"extend"``
entry (``catalogue_extend.py``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from sora_desktop.core.catalogue_model import Catalogue, CatalogueModel, Price, Scalar
from sora_desktop.core.models import ConnectionKind

#: The common settings an entry's ``fields`` may map.
COMMON_SETTINGS = frozenset(
    {"prompt", "negative_prompt", "seed", "audio", "start_image", "end_image"}
)
_SIZE = re.compile(r"^[1-9][0-9]{1,4}x[1-9][0-9]{1,4}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class CatalogueError(ValueError):
    """The catalogue file is malformed (which entry, which field, what is wrong)."""


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
