"""Prompt templates: ``a {animal} in {place}, {style}`` filled from a row's columns.

``{name}`` is a placeholder, compared like column names (:func:`.columns.normalize`); ``{{``
and ``}}`` are literal braces. There are no format specs or conversions: the text between
the braces is the name, so ``{camera move}`` names the column ``Camera move``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sora_desktop.core.batch.columns import normalize
from sora_desktop.core.batch.errors import BatchInputError
from sora_desktop.core.i18n import _

DEFAULT_TEMPLATE = "{prompt}"


@dataclass(frozen=True, slots=True)
class Placeholder:
    name: str  # normalized
    written: str  # as written between the braces
    column: int  # 1-based position of its ``{`` in the template


@dataclass(frozen=True, slots=True)
class Template:
    text: str
    #: literal text and placeholders, in order
    parts: tuple[str | Placeholder, ...]

    @property
    def placeholders(self) -> tuple[Placeholder, ...]:
        return tuple(p for p in self.parts if isinstance(p, Placeholder))

    @property
    def names(self) -> frozenset[str]:
        return frozenset(p.name for p in self.placeholders)

    def fill(self, values: Mapping[str, str]) -> str:
        """The prompt for one row; every placeholder must have a value (``KeyError``)."""
        return "".join(p if isinstance(p, str) else values[p.name] for p in self.parts)


def parse_template(text: str, *, source: str, line: int | None = None) -> Template:
    """Parse ``text``; :class:`BatchInputError` (at ``source``/``line``, the column being
    the character in the template) for a brace that is not closed or opened, or ``{}``."""
    next_step = _(
        "Write a placeholder as {{column}}, and a literal brace as {{{{ or }}}}."
    ).format()
    parts: list[str | Placeholder] = []
    literal: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char in "{}" and text[i + 1 : i + 2] == char:
            literal.append(char)
            i += 2
            continue
        if char == "}":
            raise BatchInputError(
                _("a }} closes no placeholder.").format(),
                next_step,
                source=source,
                line=line,
                column=i + 1,
            )
        if char != "{":
            literal.append(char)
            i += 1
            continue
        end = text.find("}", i + 1)
        inner = text[i + 1 : end] if end != -1 else ""
        if end == -1 or "{" in inner:
            raise BatchInputError(
                _("the placeholder opened here is not closed with }}.").format(),
                next_step,
                source=source,
                line=line,
                column=i + 1,
            )
        if not inner.strip():
            raise BatchInputError(
                _("{{}} names no column.").format(),
                next_step,
                source=source,
                line=line,
                column=i + 1,
            )
        if literal:
            parts.append("".join(literal))
            literal = []
        parts.append(Placeholder(normalize(inner), inner.strip(), i + 1))
        i = end + 1
    if literal:
        parts.append("".join(literal))
    return Template(text, tuple(parts))
