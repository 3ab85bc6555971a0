"""The models' input schemas the simulator serves, made from the app's catalogue.

fal: ``GET /fal/api/openapi/queue/openapi.json?endpoint_id=ID`` (an OpenAPI document whose
``paths["/ID"].post`` takes the input, through ``$ref`` as fal's does); Replicate:
``GET /replicate/v1/models/{owner}/{name}`` (``latest_version.openapi_schema`` with
``components.schemas.Input``, enums behind ``allOf`` refs as Replicate's are). Besides the
catalogue's models, ids under ``sim/`` (e.g. ``sim/any-video``) are a model the catalogue
doesn't list, described only by its schema: what "any other model id" looks like.
"""

from __future__ import annotations

from typing import Any

from sora_desktop.core.catalogue import CatalogueModel, load_catalogue
from sora_desktop.core.models import ConnectionKind

#: the schema of a model only its schema describes (``sim/...`` ids)
SIM_INPUT: dict[str, Any] = {
    "type": "object",
    "required": ["prompt"],
    "properties": {
        "prompt": {"type": "string", "description": "What the video shows.", "x-order": 0},
        "aspect_ratio": {
            "type": "string",
            "enum": ["16:9", "9:16", "1:1"],
            "default": "16:9",
            "x-order": 1,
        },
        "resolution": {"type": "string", "enum": ["480p", "720p"], "default": "720p", "x-order": 2},
        "duration": {"type": "integer", "minimum": 1, "maximum": 10, "default": 2, "x-order": 3},
        "seed": {"type": "integer", "x-order": 4},
        "negative_prompt": {"type": "string", "x-order": 5},
        "image": {
            "type": "string",
            "format": "uri",
            "description": "First frame image.",
            "x-order": 6,
        },
        "motion_strength": {
            "type": "number",
            "minimum": 0,
            "maximum": 1,
            "default": 0.5,
            "x-order": 7,
        },
        "style_image": {
            "type": "string",
            "format": "uri",
            "description": "An image whose look the video takes.",
            "x-order": 8,
        },
    },
}


def _type_of(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    return "string"


def input_schema(model: CatalogueModel, *, with_image: bool) -> dict[str, Any]:
    """A JSON schema of what ``model`` takes, from its catalogue entry."""
    props: dict[str, Any] = {}
    required = [model.field_for("prompt") or "prompt"]
    props[required[0]] = {"type": "string", "description": "The text prompt."}
    enums: dict[str, list[Any]] = {}
    for _size, wire in model.sizes:
        for name, value in wire:
            enums.setdefault(name, [])
            if value not in enums[name]:
                enums[name].append(value)
    for name, values in enums.items():
        props[name] = {"type": _type_of(values[0]), "enum": values, "default": values[0]}
    if model.seconds_field:
        values = [v for _n, v in model.seconds]
        default = dict(model.seconds)[model.default_seconds]
        props[model.seconds_field] = {
            "type": _type_of(values[0]),
            "enum": values,
            "default": default,
        }
    for setting, kind in (("negative_prompt", "string"), ("seed", "integer"), ("audio", "boolean")):
        field_name = model.field_for(setting)
        if field_name is not None:
            props[field_name] = {"type": kind}
    for setting in ("start_image", "end_image"):
        field_name = model.field_for(setting)
        if field_name is not None and (with_image or setting == "end_image"):
            props[field_name] = {"type": "string", "format": "uri", "description": f"{setting} URL"}
    if with_image and model.field_for("start_image"):
        required.append(model.field_for("start_image") or "")
    return {"type": "object", "properties": props, "required": required}


def _find(kind: ConnectionKind, model_id: str) -> tuple[dict[str, Any], bool] | None:
    if model_id.startswith("sim/"):
        return SIM_INPUT, False
    for model in load_catalogue().for_kind(kind):
        if model_id in (model.text_endpoint, model.id):
            return input_schema(model, with_image=model.text_endpoint is None), True
        if model_id == model.image_endpoint:
            return input_schema(model, with_image=True), True
    return None


def fal_openapi(endpoint_id: str) -> dict[str, Any] | None:
    found = _find(ConnectionKind.FAL, endpoint_id)
    if found is None:
        return None
    schema, _listed = found
    name = "Input"
    return {
        "openapi": "3.0.4",
        "info": {"title": endpoint_id},
        "paths": {
            f"/{endpoint_id}": {
                "post": {
                    "requestBody": {
                        "content": {
                            "application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}
                        }
                    }
                }
            }
        },
        "components": {"schemas": {name: schema}},
    }


def replicate_model(model_id: str) -> dict[str, Any] | None:
    found = _find(ConnectionKind.REPLICATE, model_id)
    if found is None:
        return None
    schema, _listed = found
    owner, _sep, name = model_id.partition("/")
    # Replicate puts enums behind allOf refs: do the same, so the client resolves them
    components: dict[str, Any] = {}
    props: dict[str, Any] = {}
    for prop_name, prop in schema["properties"].items():
        if "enum" in prop:
            components[prop_name] = {"type": prop["type"], "enum": prop["enum"]}
            props[prop_name] = {
                "allOf": [{"$ref": f"#/components/schemas/{prop_name}"}],
                "default": prop.get("default"),
            }
        else:
            props[prop_name] = prop
    components["Input"] = {**schema, "properties": props}
    components["Output"] = {"type": "string", "format": "uri"}
    return {
        "url": f"https://replicate.com/{model_id}",
        "owner": owner,
        "name": name,
        "description": "A video model served by the Sora Desktop simulator.",
        "visibility": "public",
        "github_url": None,
        "paper_url": None,
        "license_url": None,
        "run_count": 0,
        "cover_image_url": None,
        "default_example": None,
        "latest_version": {
            "id": "sim0000000000000000000000000000000000000000000000000000000000000",
            "created_at": "2026-11-01T00:00:00.000Z",
            "cog_version": "0.9.0",
            "openapi_schema": {"openapi": "3.0.2", "components": {"schemas": components}},
        },
    }
