"""A provider's input schema as a plain-data form and as a catalogue entry."""

from __future__ import annotations

import pytest

from sora_desktop.core.models import ConnectionKind, VideoRequest
from sora_desktop.core.schema_form import (
    coerce,
    derive_model,
    fal_input_schema,
    form_fields,
    replicate_input_schema,
)

REPLICATE_MODEL = {
    "latest_version": {
        "openapi_schema": {
            "components": {
                "schemas": {
                    "aspect_ratio": {"type": "string", "enum": ["16:9", "9:16"]},
                    "Input": {
                        "type": "object",
                        "required": ["prompt"],
                        "properties": {
                            "seed": {"type": "integer", "x-order": 4},
                            "prompt": {"type": "string", "title": "Prompt", "x-order": 0},
                            "aspect_ratio": {
                                "allOf": [{"$ref": "#/components/schemas/aspect_ratio"}],
                                "default": "16:9",
                                "x-order": 1,
                            },
                            "duration": {
                                "type": "integer",
                                "minimum": 2,
                                "maximum": 6,
                                "default": 4,
                                "x-order": 2,
                            },
                            "generate_audio": {"type": "boolean", "default": True, "x-order": 3},
                            "image": {
                                "type": "string",
                                "format": "uri",
                                "description": "Start image",
                                "x-order": 5,
                            },
                            "style": {
                                "anyOf": [{"type": "string"}, {"type": "null"}],
                                "x-order": 6,
                            },
                        },
                    },
                }
            }
        }
    }
}


def test_widgets_follow_the_schema_in_the_providers_order() -> None:
    schema = replicate_input_schema(REPLICATE_MODEL)
    assert schema is not None
    fields = form_fields(schema)
    assert [f.name for f in fields] == [
        "prompt",
        "aspect_ratio",
        "duration",
        "generate_audio",
        "seed",
        "image",
        "style",
    ]
    by = {f.name: f for f in fields}
    assert by["aspect_ratio"].widget == "choice" and by["aspect_ratio"].choices == ("16:9", "9:16")
    assert by["duration"].widget == "spin" and (by["duration"].minimum, by["duration"].maximum) == (
        2,
        6,
    )
    assert by["duration"].integer
    assert by["generate_audio"].widget == "check" and by["generate_audio"].default is True
    assert by["image"].widget == "image"
    assert by["seed"].widget == "text"  # a number without bounds
    assert by["style"].widget == "text" and by["style"].type == "string"
    assert by["prompt"].required and by["prompt"].label == "Prompt"


def test_fal_documents_are_read_through_their_refs() -> None:
    doc = {
        "paths": {
            "/fal-ai/x": {
                "post": {
                    "requestBody": {
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/In"}}
                        }
                    }
                }
            }
        },
        "components": {
            "schemas": {
                "In": {
                    "properties": {
                        "prompt": {"type": "string"},
                        "mode": {"$ref": "#/components/schemas/Mode"},
                    }
                },
                "Mode": {"type": "string", "enum": ["a", "b"]},
            }
        },
    }
    schema = fal_input_schema(doc, "fal-ai/x")
    assert schema is not None
    assert [(f.name, f.widget) for f in form_fields(schema)] == [
        ("prompt", "text"),
        ("mode", "choice"),
    ]
    assert fal_input_schema(doc, "fal-ai/other") is None


def test_a_model_known_only_by_its_schema_maps_the_common_settings() -> None:
    schema = replicate_input_schema(REPLICATE_MODEL)
    assert schema is not None
    model = derive_model(ConnectionKind.REPLICATE, "acme/any", schema)
    assert model is not None and not model.listed
    assert set(model.size_names) == {"1280x720", "720x1280"}
    assert model.seconds_values == (2, 3, 4, 5, 6)
    assert model.default_seconds == 4
    req = VideoRequest(prompt="p", size="720x1280", seconds=3, audio=False, seed=1)
    assert model.build_input(req) == {
        "prompt": "p",
        "aspect_ratio": "9:16",
        "duration": 3,
        "generate_audio": False,
        "seed": 1,
    }
    assert model.field_for("start_image") == "image"
    assert model.text_endpoint == "acme/any"  # the image is optional


def test_string_durations_keep_their_form() -> None:
    schema = {
        "properties": {
            "prompt": {"type": "string"},
            "duration": {"type": "string", "enum": ["5s", "10s"], "default": "5s"},
            "image_url": {"type": "string", "description": "The image"},
        },
        "required": ["prompt", "image_url"],
    }
    model = derive_model(ConnectionKind.FAL, "x/y", schema)
    assert model is not None
    assert dict(model.seconds) == {5: "5s", 10: "10s"}
    assert model.needs_image  # the image is required: image to video only


@pytest.mark.parametrize(
    ("text", "expected"),
    [("true", True), ("off", False), ("7", 7), ("0.5", 0.5), ("9:16", "9:16")],
)
def test_param_values_are_typed_from_the_schema(text: str, expected: object) -> None:
    schema = replicate_input_schema(REPLICATE_MODEL)
    assert schema is not None
    fields = {f.name: f for f in form_fields(schema)}
    fields["strength"] = form_fields({"properties": {"strength": {"type": "number"}}})[0]
    name = {True: "generate_audio", False: "generate_audio", 7: "seed", 0.5: "strength"}.get(
        expected,  # type: ignore[call-overload]
        "aspect_ratio",
    )
    assert coerce(fields[name], text) == expected


def test_values_the_schema_refuses_are_refused() -> None:
    schema = replicate_input_schema(REPLICATE_MODEL)
    assert schema is not None
    fields = {f.name: f for f in form_fields(schema)}
    for name, text in (("aspect_ratio", "1:1"), ("duration", "9"), ("generate_audio", "maybe")):
        with pytest.raises(ValueError, match=name):
            coerce(fields[name], text)
