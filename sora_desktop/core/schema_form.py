"""A provider's input schema (JSON Schema inside OpenAPI) as plain data: a form description
the window renders under "More settings", and a catalogue entry for a model the catalogue
doesn't list.

Where the schemas come from (the dialects fetch and cache them): Replicate's
``GET /v1/models/{owner}/{name}`` -> ``latest_version.openapi_schema`` (input at
``components.schemas.Input``); fal's ``openapi.json?endpoint_id=...`` (input at
``paths["/<endpoint id>"].post.requestBody.content["application/json"].schema``).

Widgets: an enum is a choice, a boolean a check box, a number with both bounds a spin box,
an image URI an image picker (with fit/crop), anything else a text field. Pure data in,
pure data out: no I/O, no Qt.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from sora_desktop.core.models import ConnectionKind

Widget = Literal["choice", "check", "spin", "image", "text"]
_REF = "#/"
_IMAGE_NAME = re.compile(r"image|frame", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FormField:
    """One field of a model's input, as the window shows it."""

    name: str
    widget: Widget
    label: str
    description: str = ""
    required: bool = False
    default: Any = None
    choices: tuple[Any, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    integer: bool = False
    type: str = "string"  # the JSON type to send ("string", "integer", "number", "boolean", ...)


# --------------------------------------------------------------------------- locating the input


def replicate_input_schema(model: Mapping[str, Any]) -> dict[str, Any] | None:
    """``GET /v1/models/{o}/{n}``'s answer -> the input schema (refs resolved), or None."""
    version = model.get("latest_version")
    if not isinstance(version, Mapping):
        return None
    openapi = version.get("openapi_schema")
    if not isinstance(openapi, Mapping):
        return None
    schemas = openapi.get("components", {}).get("schemas", {})
    if not isinstance(schemas, Mapping) or not isinstance(schemas.get("Input"), Mapping):
        return None
    return resolve(schemas["Input"], openapi)


def fal_input_schema(openapi: Mapping[str, Any], endpoint_id: str) -> dict[str, Any] | None:
    """fal's per-endpoint OpenAPI document -> the input schema (refs resolved), or None."""
    paths = openapi.get("paths")
    if not isinstance(paths, Mapping):
        return None
    op = paths.get("/" + endpoint_id.strip("/"))
    try:
        schema = op["post"]["requestBody"]["content"]["application/json"]["schema"]  # type: ignore[index]
    except (KeyError, TypeError):
        return None
    if not isinstance(schema, Mapping):
        return None
    return resolve(schema, openapi)


def resolve(schema: Mapping[str, Any], root: Mapping[str, Any], depth: int = 0) -> dict[str, Any]:
    """``schema`` with local ``$ref`` followed, ``allOf`` merged and ``anyOf``/``oneOf`` with a
    null alternative narrowed to the other, down its properties."""
    if depth > 20:
        return dict(schema)
    out: dict[str, Any] = {}
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith(_REF):
        target: Any = root
        for part in ref[len(_REF) :].split("/"):
            target = target.get(part) if isinstance(target, Mapping) else None
        if isinstance(target, Mapping):
            out.update(resolve(target, root, depth + 1))
    for key, value in schema.items():
        if key in ("$ref",):
            continue
        if key == "allOf" and isinstance(value, list):
            for part in value:
                if isinstance(part, Mapping):
                    out.update(resolve(part, root, depth + 1))
            continue
        if key in ("anyOf", "oneOf") and isinstance(value, list):
            options = [v for v in value if isinstance(v, Mapping) and v.get("type") != "null"]
            if len(options) == 1:
                out.update(resolve(options[0], root, depth + 1))
                continue
        if key == "properties" and isinstance(value, Mapping):
            out[key] = {
                name: resolve(prop, root, depth + 1)
                for name, prop in value.items()
                if isinstance(prop, Mapping)
            }
            continue
        out.setdefault(key, value)
    return out


# --------------------------------------------------------------------------- the form


def _label(name: str, schema: Mapping[str, Any]) -> str:
    title = schema.get("title")
    if isinstance(title, str) and title.strip():
        return title.strip()
    words = re.sub(r"([a-z])([A-Z])", r"\1 \2", name).replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _is_image(name: str, schema: Mapping[str, Any]) -> bool:
    if schema.get("type") not in (None, "string"):
        return False
    text = f"{name} {schema.get('description', '')}"
    uri = schema.get("format") == "uri" or name.endswith(("_url", "Uri", "_uri"))
    return bool(_IMAGE_NAME.search(name)) and (uri or bool(_IMAGE_NAME.search(text)))


def form_fields(schema: Mapping[str, Any]) -> list[FormField]:
    """The fields of a resolved input schema, in the provider's order (``x-order``)."""
    props = schema.get("properties")
    if not isinstance(props, Mapping):
        return []
    required = set(schema.get("required") or ())
    indexed = list(enumerate(props.items()))

    def order(item: tuple[int, tuple[str, Any]]) -> tuple[float, int]:
        index, (_name, prop) = item
        x = _number(prop.get("x-order")) if isinstance(prop, Mapping) else None
        return (x if x is not None else float("inf"), index)

    out: list[FormField] = []
    for _index, (name, prop) in sorted(indexed, key=order):
        if not isinstance(prop, Mapping):
            continue
        kind = prop.get("type")
        enum = prop.get("enum")
        lo, hi = _number(prop.get("minimum")), _number(prop.get("maximum"))
        common: dict[str, Any] = {
            "name": name,
            "label": _label(name, prop),
            "description": str(prop.get("description") or "").strip(),
            "required": name in required,
            "default": prop.get("default"),
            "type": kind if isinstance(kind, str) else "string",
        }
        if isinstance(enum, list) and enum:
            if common["type"] == "string" and all(
                isinstance(v, int) and not isinstance(v, bool) for v in enum
            ):
                common["type"] = "integer"
            out.append(FormField(widget="choice", choices=tuple(enum), **common))
        elif kind == "boolean":
            out.append(FormField(widget="check", **common))
        elif kind in ("integer", "number") and lo is not None and hi is not None:
            out.append(
                FormField(
                    widget="spin", minimum=lo, maximum=hi, integer=kind == "integer", **common
                )
            )
        elif _is_image(name, prop):
            out.append(FormField(widget="image", **common))
        else:
            out.append(FormField(widget="text", integer=kind == "integer", **common))
    return out


def coerce(field: FormField, text: str) -> Any:
    """A typed value (``--param NAME=VALUE``) for ``field``; ValueError when it can't be."""
    raw = text.strip()
    if field.widget == "check" or field.type == "boolean":
        lowered = raw.lower()
        if lowered in ("true", "1", "yes", "on"):
            return True
        if lowered in ("false", "0", "no", "off"):
            return False
        raise ValueError(f"{field.name} takes true or false")
    value: Any = raw
    if field.type == "integer":
        value = int(raw)
    elif field.type == "number":
        value = float(raw)
    if field.choices and value not in field.choices:
        matches = [c for c in field.choices if str(c) == raw]
        if not matches:
            allowed = ", ".join(str(c) for c in field.choices)
            raise ValueError(f"{field.name} takes one of: {allowed}")
        value = matches[0]
    if field.minimum is not None and isinstance(value, int | float) and value < field.minimum:
        raise ValueError(f"{field.name} is at least {field.minimum:g}")
    if field.maximum is not None and isinstance(value, int | float) and value > field.maximum:
        raise ValueError(f"{field.name} is at most {field.maximum:g}")
    return value


# --------------------------------------------------------------------------- a catalogue entry

_PROMPT = ("prompt", "promptText", "text")
_SECONDS = ("duration", "seconds", "duration_seconds", "num_seconds", "length")
_ASPECT = ("aspect_ratio", "aspectRatio", "ratio")
_RESOLUTION = ("resolution",)
_NEGATIVE = ("negative_prompt", "negativePrompt")
_SEED = ("seed",)
_AUDIO = ("generate_audio", "audio", "with_audio", "enable_audio")
_START = ("image_url", "image", "start_image", "start_image_url", "first_frame_url", "promptImage")
_END = ("end_image_url", "end_image", "last_frame", "last_frame_url", "tail_image_url")
_HEIGHTS = {"360p": 360, "480p": 480, "540p": 540, "720p": 720, "1080p": 1080, "4k": 2160}


def _first(fields: Mapping[str, FormField], names: tuple[str, ...]) -> FormField | None:
    for name in names:
        if name in fields:
            return fields[name]
    return None


def _seconds_of(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value > 0 else None
    if isinstance(value, str):
        match = re.fullmatch(r"\s*(\d+)\s*s?\s*", value)
        return int(match.group(1)) if match else None
    return None


def _size(aspect: str, height: int) -> str | None:
    match = re.fullmatch(r"(\d+):(\d+)", aspect)
    if not match:
        return None
    a, b = int(match.group(1)), int(match.group(2))
    if a <= 0 or b <= 0:
        return None
    if a >= 100 and b >= 100:  # a ratio in pixels ("1280:720")
        return f"{a}x{b}"
    short = height
    if a >= b:
        w, h = round(short * a / b), short
    else:
        w, h = short, round(short * b / a)
    return f"{w - w % 2}x{h - h % 2}"


def size_for(aspect: str, resolution: Any = None) -> str | None:
    """``"16:9"`` + ``"1080p"`` -> ``"1920x1080"``; ``"1280:720"`` -> ``"1280x720"``."""
    height = _HEIGHTS.get(str(resolution), 720) if resolution is not None else 720
    return _size(aspect, height)


def derive_model(kind: ConnectionKind, model_id: str, schema: Mapping[str, Any]) -> Any:
    """A :class:`~.catalogue.CatalogueModel` (``listed=False``) for a model known only by its
    input ``schema``: the common settings found by their usual names, sizes from its aspect
    and resolution enums, seconds from its duration enum or range. None when the schema has
    no prompt field."""
    from sora_desktop.core.catalogue import OPEN_SECONDS, OPEN_SIZES, CatalogueModel

    fields = {f.name: f for f in form_fields(schema)}
    prompt = _first(fields, _PROMPT)
    if prompt is None:
        return None
    mapped: list[tuple[str, str]] = [("prompt", prompt.name)]
    for setting, names in (
        ("negative_prompt", _NEGATIVE),
        ("seed", _SEED),
        ("audio", _AUDIO),
        ("start_image", _START),
        ("end_image", _END),
    ):
        found = _first(fields, names)
        if found is not None:
            mapped.append((setting, found.name))
    aspect = _first(fields, _ASPECT)
    resolution = _first(fields, _RESOLUTION)
    aspects: list[str] = [str(a) for a in (aspect.choices if aspect else ()) if str(a) != "auto"]
    resolutions: list[str] = [
        str(r) for r in (resolution.choices if resolution else ()) if str(r) in _HEIGHTS
    ]
    sizes: dict[str, tuple[tuple[str, Any], ...]] = {}
    if aspects:
        for a in aspects:
            heights: list[str | None] = [*resolutions] or [None]
            for r in heights:
                size = _size(a, _HEIGHTS[r] if r is not None else 720)
                if size is None or size in sizes:
                    continue
                wire: list[tuple[str, Any]] = [(aspect.name, a)] if aspect else []
                if r is not None and resolution is not None:
                    wire.append((resolution.name, r))
                sizes[size] = tuple(wire)
    elif resolutions and resolution is not None:
        for res in resolutions:
            for a in ("16:9", "9:16"):
                size = _size(a, _HEIGHTS[res])
                if size is not None:
                    sizes.setdefault(size, ((resolution.name, res),))
    if not sizes:
        sizes = {s: () for s in OPEN_SIZES}
    duration = _first(fields, _SECONDS)
    seconds: list[tuple[int, Any]] = []
    if duration is not None and duration.choices:
        for choice in duration.choices:
            n = _seconds_of(choice)
            if n is not None:
                seconds.append((n, choice))
    elif duration is not None and duration.minimum is not None and duration.maximum is not None:
        lo, hi = int(duration.minimum), int(duration.maximum)
        seconds = [(n, n) for n in range(max(1, lo), min(hi, 60) + 1)]
    if not seconds:
        seconds = [(n, n) for n in OPEN_SECONDS]
    seconds.sort(key=lambda pair: pair[0])
    default = _seconds_of(duration.default) if duration is not None else None
    start = dict(mapped).get("start_image")
    image_required = start is not None and fields[start].required
    return CatalogueModel(
        provider=kind,
        id=model_id,
        name=model_id,
        family=model_id,
        text_endpoint=None if image_required else model_id,
        image_endpoint=model_id if start is not None else None,
        fields=tuple(mapped),
        sizes=tuple(sizes.items()),
        seconds_field=duration.name if duration is not None else None,
        seconds=tuple(seconds),
        default_seconds=default if default in dict(seconds) else seconds[0][0],
        listed=False,
        schema_fields=tuple(fields),
    )
