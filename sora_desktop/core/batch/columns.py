"""The columns (and sweep names) that set a job setting, and how their values are read.

A column's name is compared without case, outer spaces, inner spaces or hyphens
(``Start Image`` is ``start_image``). These names set a setting instead of (or as well as)
filling a ``{placeholder}``:

========================================  =========================================
column / sweep name                       value
========================================  =========================================
``model``                                 a model (or deployment) name
``seconds`` (``duration``)                whole seconds: ``8``, ``8s``
``size``                                  ``1280x720``
``aspect`` (``aspect_ratio``)             ``16:9``: the model's first size of that shape
``seed``                                  a whole number from 0
``image`` (``start_image``,               a start image: a path, relative to the file
``reference_image``)
========================================  =========================================

``size`` and ``aspect`` are one setting: a row may give one of them. Every other column only
fills placeholders (``prompt`` is the one the default template ``{prompt}`` uses).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from sora_desktop.core.i18n import _

MODEL = "model"
SECONDS = "seconds"
SIZE = "size"
ASPECT = "aspect"
SEED = "seed"
IMAGE = "image"
PROMPT = "prompt"

#: Settings in the order labels and exports list them.
SETTINGS: tuple[str, ...] = (MODEL, SECONDS, SIZE, ASPECT, SEED, IMAGE)

#: Column and sweep names (normalized) -> the setting they set.
ALIASES: dict[str, str] = {
    MODEL: MODEL,
    SECONDS: SECONDS,
    "duration": SECONDS,
    SIZE: SIZE,
    ASPECT: ASPECT,
    "aspect_ratio": ASPECT,
    SEED: SEED,
    IMAGE: IMAGE,
    "start_image": IMAGE,
    "reference_image": IMAGE,
}

#: Settings that are one choice: a row gives at most one of them, and a sweep of one
#: conflicts with a column of the other.
SAME_CHOICE: dict[str, str] = {SIZE: SIZE, ASPECT: SIZE}

MAX_SEED = 2**32 - 1

_SEPARATORS = re.compile(r"[\s\-]+")


def normalize(name: str) -> str:
    """A column or placeholder name as compared: no case, ``_`` for spaces and hyphens."""
    return _SEPARATORS.sub("_", name.strip()).casefold()


def setting_of(name: str) -> str | None:
    """The setting a (normalized) column or sweep name sets, or None."""
    return ALIASES.get(name)


class ValueProblem(ValueError):
    """A value a setting can't take; ``str()`` says why, in the creator's words."""


def _model(text: str) -> str:
    if not text:
        raise ValueProblem(_("a model name can't be empty"))
    return text


_WHOLE = re.compile(r"\d{1,9}(?:\.0*)?")


def _seconds(text: str) -> int:
    raw = text.lower().removesuffix("s").strip()
    if _WHOLE.fullmatch(raw) is None or not 0 < int(raw.split(".")[0]) <= 3600:
        raise ValueProblem(_("{value!r} is not a whole number of seconds").format(value=text))
    return int(raw.split(".")[0])


_SIZE = re.compile(r"^\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*$")
_ASPECT = re.compile(r"^\s*(\d{1,3})\s*:\s*(\d{1,3})\s*$")


def _size(text: str) -> str:
    match = _SIZE.match(text)
    if match is None or min(int(match[1]), int(match[2])) <= 0:
        raise ValueProblem(_("{value!r} is not a size like 1280x720").format(value=text))
    return f"{int(match[1])}x{int(match[2])}"


def _aspect(text: str) -> str:
    match = _ASPECT.match(text)
    if match is None or min(int(match[1]), int(match[2])) <= 0:
        raise ValueProblem(_("{value!r} is not an aspect ratio like 16:9").format(value=text))
    return f"{int(match[1])}:{int(match[2])}"


def _seed(text: str) -> int:
    if re.fullmatch(r"\d{1,10}", text) is None or int(text) > MAX_SEED:
        raise ValueProblem(
            _("{value!r} is not a seed (a whole number from 0 to {top})").format(
                value=text, top=MAX_SEED
            )
        )
    return int(text)


def _image(text: str) -> str:
    if not text:
        raise ValueProblem(_("an image path can't be empty"))
    return text


_PARSERS: dict[str, Callable[[str], object]] = {
    MODEL: _model,
    SECONDS: _seconds,
    SIZE: _size,
    ASPECT: _aspect,
    SEED: _seed,
    IMAGE: _image,
}


def parse_value(setting: str, text: str) -> object:
    """The value of ``setting`` written as ``text`` (stripped): str for model, size, aspect
    and image, int for seconds and seed. Raises :class:`ValueProblem`."""
    return _PARSERS[setting](text.strip())


def value_text(setting: str, text: str) -> str:
    """``text`` as the setting reads it, written back (``8s`` -> ``8``, ``1280 x 720`` ->
    ``1280x720``): how labels and sweeps show a value. Raises :class:`ValueProblem`."""
    return str(parse_value(setting, text))


@dataclass(frozen=True, slots=True)
class RowSettings:
    """What one row (or sweep combination) sets; None: not set here."""

    model: str | None = None
    seconds: int | None = None
    size: str | None = None
    aspect: str | None = None
    seed: int | None = None
    image: str | None = None
