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

``catalogue_model.py`` holds a model as data (its checks and the input it builds),
``catalogue_parse.py`` reads and checks the file's entries; their names are importable from
here too.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from sora_desktop.core.catalogue_model import Catalogue, CatalogueModel, Price, Scalar, put_params
from sora_desktop.core.catalogue_parse import (
    COMMON_SETTINGS,
    CatalogueError,
    parse_catalogue,
    parse_model,
)
from sora_desktop.core.models import ConnectionKind

__all__ = [
    "CATALOGUE_PATH",
    "COMMON_SETTINGS",
    "OPEN_SECONDS",
    "OPEN_SIZES",
    "Catalogue",
    "CatalogueError",
    "CatalogueModel",
    "Price",
    "Scalar",
    "catalogue_models",
    "load_catalogue",
    "model_for",
    "model_ids",
    "open_model",
    "parse_catalogue",
    "parse_model",
    "put_params",
]

CATALOGUE_PATH = Path(__file__).resolve().parent.parent / "resources" / "models" / "catalogue.json"

#: Sizes a model the catalogue doesn't know may be asked for (its schema or the provider
#: decides what it really makes).
OPEN_SIZES = ("1280x720", "720x1280", "1920x1080", "1080x1920", "1080x1080", "720x720")
OPEN_SECONDS = tuple(range(1, 21))


# --------------------------------------------------------------------------- loading


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
