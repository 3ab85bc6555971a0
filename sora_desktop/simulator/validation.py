"""Request validation and the OpenAI error envelope, as strict as the real Videos API.

Every refusal raises :class:`ApiError`, which the router turns into
``{"error": {"message", "type", "param", "code"}}`` with the right status code.
"""

from __future__ import annotations

import base64
import binascii
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from PIL import Image, UnidentifiedImageError

from sora_desktop.core.capabilities import KNOWN_MODELS, MAX_PROMPT_CHARS
from sora_desktop.simulator.multipart import FilePart, MultipartError, nest, parse_multipart

ALLOWED_SECONDS = ("4", "8", "12", "16", "20")
DEFAULT_MODEL = "sora-2"
DEFAULT_SIZE = "720x1280"
DEFAULT_SECONDS = "4"
IMAGE_SIZE_MESSAGE = "Inpaint image must match the requested width and height"


@dataclass
class ApiError(Exception):
    status: int
    message: str
    type: str = "invalid_request_error"
    param: str | None = None
    code: str | None = None
    headers: dict[str, str] = field(default_factory=dict)

    def envelope(self) -> bytes:
        body = {
            "error": {
                "message": self.message,
                "type": self.type,
                "param": self.param,
                "code": self.code,
            }
        }
        return json.dumps(body).encode()


def invalid(message: str, param: str | None, code: str = "invalid_value") -> ApiError:
    return ApiError(400, message, param=param, code=code)


def check_known_fields(
    body: Mapping[str, Any], fields: Mapping[str, tuple[str, ...] | None]
) -> None:
    """Refuse any field the endpoint doesn't define, as the real API does, naming it
    (``input_reference.url`` for a nested one). ``fields`` maps each known field to the keys
    its object form may have (None: not an object)."""
    for key, value in body.items():
        if key not in fields:
            raise unknown_parameter(key)
        keys = fields[key]
        if keys is not None and isinstance(value, Mapping):
            for sub in value:
                if sub not in keys:
                    raise unknown_parameter(f"{key}.{sub}")


def unknown_parameter(name: str) -> ApiError:
    return invalid(f"Unknown parameter: '{name}'.", name, "unknown_parameter")


@dataclass(frozen=True, slots=True)
class CreateParams:
    prompt: str
    model: str
    size: str
    seconds: str
    reference: bytes | None  # image bytes of exactly ``size``, or None


def check_prompt(body: dict[str, Any]) -> str:
    prompt = body.get("prompt")
    if prompt is None:
        raise invalid(
            "Missing required parameter: 'prompt'.", "prompt", "missing_required_parameter"
        )
    if not isinstance(prompt, str):
        raise invalid("Invalid type for 'prompt': expected a string.", "prompt", "invalid_type")
    if not prompt.strip():
        raise invalid("'prompt' must be at least 1 character long.", "prompt", "string_too_short")
    if len(prompt) > MAX_PROMPT_CHARS:
        raise invalid(
            f"'prompt' is too long: {len(prompt)} characters; the maximum is {MAX_PROMPT_CHARS}.",
            "prompt",
            "string_above_max_length",
        )
    return prompt


def check_model(value: Any) -> str:
    model = DEFAULT_MODEL if value is None else value
    if not isinstance(model, str):
        raise invalid("Invalid type for 'model': expected a string.", "model", "invalid_type")
    if model not in KNOWN_MODELS:
        allowed = ", ".join(KNOWN_MODELS)
        raise invalid(f"Invalid model '{model}'. Supported values are: {allowed}.", "model")
    return model


def check_seconds(value: Any, *, json_body: bool, default: str | None = DEFAULT_SECONDS) -> str:
    if value is None:
        if default is None:
            raise invalid(
                "Missing required parameter: 'seconds'.", "seconds", "missing_required_parameter"
            )
        return default
    if not isinstance(value, str):
        if json_body:
            raise invalid(
                f"Invalid type for 'seconds': expected one of {', '.join(ALLOWED_SECONDS)} "
                f"as a string, but got {type(value).__name__}.",
                "seconds",
                "invalid_type",
            )
        value = str(value)
    if value not in ALLOWED_SECONDS:
        raise invalid(
            f"Invalid value: '{value}'. Supported values are: "
            + ", ".join(f"'{s}'" for s in ALLOWED_SECONDS)
            + ".",
            "seconds",
        )
    return str(value)


def check_size(value: Any, model: str) -> str:
    size = DEFAULT_SIZE if value is None else value
    if not isinstance(size, str):
        raise invalid("Invalid type for 'size': expected a string.", "size", "invalid_type")
    allowed = KNOWN_MODELS[model].sizes
    if size not in allowed:
        raise invalid(
            f"Invalid value: '{size}'. Supported values for {model} are: "
            + ", ".join(f"'{s}'" for s in allowed)
            + ".",
            "size",
        )
    return size


def image_size(data: bytes) -> tuple[int, int]:
    try:
        with Image.open(io.BytesIO(data)) as img:
            img.load()
            return img.size
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise invalid(
            "The input_reference could not be read as a JPEG, PNG or WebP image.",
            "input_reference",
            "invalid_image",
        ) from exc


def _check_image(data: bytes, size: str) -> bytes:
    w, h = (int(v) for v in size.split("x"))
    if image_size(data) != (w, h):
        raise invalid(IMAGE_SIZE_MESSAGE, "input_reference", "invalid_image_size")
    return data


def _decode_data_url(url: str) -> bytes:
    header, sep, payload = url.partition(",")
    if not sep or ";base64" not in header:
        raise invalid(
            "input_reference.image_url must be a base64 data: URL or an https URL.",
            "input_reference",
        )
    try:
        return base64.b64decode(payload, validate=False)
    except (binascii.Error, ValueError) as exc:
        raise invalid("input_reference.image_url is not valid base64.", "input_reference") from exc


def check_reference(value: Any, size: str) -> bytes | None:
    """The reference image bytes, or None when there is none (or it can't be fetched here).

    A multipart file part and a ``data:`` URL are decoded and must be exactly ``size``.
    An ``https`` URL or a ``file_id`` is accepted but not fetched: the clip is rendered
    without an image (the simulator has no internet and no Files API).
    """
    if value is None or value == "":
        return None
    if isinstance(value, FilePart):
        return _check_image(value.data, size)
    if not isinstance(value, dict):
        raise invalid(
            "Invalid type for 'input_reference': expected an image file or an object with "
            "'image_url' or 'file_id'.",
            "input_reference",
            "invalid_type",
        )
    keys = [k for k in ("image_url", "file_id") if value.get(k)]
    if len(keys) != 1:
        raise invalid(
            "input_reference must have exactly one of 'image_url' or 'file_id'.",
            "input_reference",
        )
    if keys[0] == "file_id":
        if not isinstance(value["file_id"], str):
            raise invalid("input_reference.file_id must be a string.", "input_reference")
        return None
    url = value["image_url"]
    if not isinstance(url, str):
        raise invalid("input_reference.image_url must be a string.", "input_reference")
    if url.startswith("data:"):
        return _check_image(_decode_data_url(url), size)
    if url.startswith("https://"):
        return None
    raise invalid(
        "input_reference.image_url must be a base64 data: URL or an https URL.", "input_reference"
    )


def check_create(body: dict[str, Any], *, json_body: bool) -> CreateParams:
    prompt = check_prompt(body)
    model = check_model(body.get("model"))
    seconds = check_seconds(body.get("seconds"), json_body=json_body)
    size = check_size(body.get("size"), model)
    reference = check_reference(body.get("input_reference"), size)
    return CreateParams(prompt, model, size, seconds, reference)


def video_ref(body: dict[str, Any]) -> str | FilePart:
    """The ``video`` of an edit/extension: a video id (``{"id"}`` / ``video[id]``) or a file."""
    video = body.get("video")
    if isinstance(video, FilePart):
        return video
    if isinstance(video, dict) and isinstance(video.get("id"), str) and video["id"]:
        return str(video["id"])
    if video is None:
        raise invalid("Missing required parameter: 'video'.", "video", "missing_required_parameter")
    raise invalid("'video' must be an object with an 'id' or an uploaded video file.", "video")


# -- requests: methods, content types, known fields ------------------------------------

CREATE_FIELDS: dict[str, tuple[str, ...] | None] = {
    "prompt": None,
    "model": None,
    "seconds": None,
    "size": None,
    "input_reference": ("image_url", "file_id"),
}
REMIX_FIELDS: dict[str, tuple[str, ...] | None] = {"prompt": None}
EDIT_FIELDS: dict[str, tuple[str, ...] | None] = {"prompt": None, "video": ("id",)}
EXTEND_FIELDS: dict[str, tuple[str, ...] | None] = {
    "prompt": None,
    "seconds": None,
    "video": ("id",),
}


def methods_for(parts: list[str]) -> tuple[str, ...] | None:
    """The methods a path under ``/videos`` answers, or None for a path that isn't one."""
    if not parts or parts[0] != "videos" or len(parts) > 3:
        return None
    if len(parts) == 1:
        return ("GET", "HEAD", "POST")
    if len(parts) == 2 and parts[1] == "characters":
        return None  # not simulated
    if len(parts) == 2 and parts[1] in ("edits", "extensions"):
        return ("POST",)
    if len(parts) == 2:
        return ("GET", "HEAD", "DELETE")
    if parts[2] == "content":
        return ("GET", "HEAD")
    if parts[2] == "remix":
        return ("POST",)
    return None


def parse_body(
    headers: Mapping[str, str], body: bytes, fields: Mapping[str, tuple[str, ...] | None]
) -> tuple[dict[str, Any], bool]:
    """The request's fields (JSON or multipart), every one of them known."""
    ctype = headers.get("content-type", "")
    media = ctype.partition(";")[0].strip().lower()
    if media == "multipart/form-data":
        try:
            form = nest(parse_multipart(body, ctype))
        except (MultipartError, UnicodeDecodeError) as exc:
            raise invalid(f"Could not parse the multipart body: {exc}", None) from exc
        check_known_fields(form, fields)
        return form, False
    if not body.strip() and not media:
        return {}, True  # no body at all: every required field is missing
    if media != "application/json":
        shown = f"Content-Type '{media}'" if media else "A body without a Content-Type"
        raise ApiError(
            415,
            f"{shown} is not supported: send the body as application/json or multipart/form-data.",
            code="unsupported_content_type",
        )
    try:
        parsed = json.loads(body) if body.strip() else {}
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise invalid(f"The body is not valid JSON: {exc}", None) from exc
    if not isinstance(parsed, dict):
        raise invalid("The JSON body must be an object.", None)
    check_known_fields(parsed, fields)
    return parsed, True
