"""Sweeps: lists of values for a setting, each multiplying every row.

Written ``NAME=V1,V2,...`` (the command line's ``--sweep``) or as a JSON file's ``"sweep":
{"NAME": [V1, V2]}``. ``NAME`` is a setting (:data:`.columns.SETTINGS`: ``model``,
``seconds``, ``size``, ``aspect``, ``seed``, ``image``; ``duration`` is ``seconds``). A seed
sweep may be a range, ``seed=1..4``. Every value is read as the setting reads it, so a
wrong one is refused here, before anything else happens.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sora_desktop.core.batch.columns import (
    ALIASES,
    SEED,
    ValueProblem,
    normalize,
    setting_of,
    value_text,
)
from sora_desktop.core.batch.errors import BatchInputError
from sora_desktop.core.i18n import _

#: The most values one sweep may list (a seed range included).
MAX_SWEEP_VALUES = 1000

_RANGE = re.compile(r"^\s*(\d{1,10})\s*\.\.\s*(\d{1,10})\s*$")


@dataclass(frozen=True, slots=True)
class Sweep:
    """One swept setting and its values (as the setting writes them), in the order given."""

    name: str  # a setting of .columns.SETTINGS
    values: tuple[str, ...]
    source: str  # how errors name where it was written
    line: int | None = None
    column: int | None = None


def _names() -> str:
    return ", ".join(sorted(ALIASES))


def make_sweep(
    name: str,
    values: Sequence[str],
    *,
    source: str,
    line: int | None = None,
    column: int | None = None,
) -> Sweep:
    """A sweep of ``name`` over ``values``; :class:`BatchInputError` for an unknown name,
    no values, a value the setting can't take, or one value twice."""

    def error(problem: str, next_step: str) -> BatchInputError:
        return BatchInputError(problem, next_step, source=source, line=line, column=column)

    setting = setting_of(normalize(name))
    if setting is None:
        raise error(
            _("{name!r} is not a setting a sweep can vary.").format(name=name.strip()),
            _("Sweep one of: {names}.").format(names=_names()),
        )
    texts: list[str] = []
    for raw in values:
        expanded = _expand_range(raw, setting, error) if setting == SEED else [raw]
        for text in expanded:
            if not text.strip():
                raise error(
                    _("the sweep of {name} has an empty value.").format(name=setting),
                    _("Separate the values with commas, with nothing between two commas."),
                )
            try:
                texts.append(value_text(setting, text))
            except ValueProblem as why:
                raise error(
                    _("the sweep of {name}: {why}.").format(name=setting, why=why),
                    _("Fix the value, or leave it out."),
                ) from None
            if len(texts) > MAX_SWEEP_VALUES:
                raise error(
                    _("the sweep of {name} has more than {limit} values.").format(
                        name=setting, limit=MAX_SWEEP_VALUES
                    ),
                    _("Sweep fewer values."),
                )
    if not texts:
        raise error(
            _("the sweep of {name} has no values.").format(name=setting),
            _("Give at least one value, e.g. seconds=4,8."),
        )
    seen: set[str] = set()
    for text in texts:
        if text in seen:
            raise error(
                _("the sweep of {name} lists {value!r} twice.").format(name=setting, value=text),
                _("List each value once."),
            )
        seen.add(text)
    return Sweep(setting, tuple(texts), source, line, column)


def _expand_range(
    raw: str, setting: str, error: Callable[[str, str], BatchInputError]
) -> list[str]:
    match = _RANGE.match(raw)
    if match is None:
        return [raw]
    low, high = int(match[1]), int(match[2])
    if high < low or high - low >= MAX_SWEEP_VALUES:
        raise error(
            _("the range {range!r} must go up and hold at most {limit} values.").format(
                range=raw.strip(), limit=MAX_SWEEP_VALUES
            ),
            _("Write a range as low..high, e.g. seed=1..4."),
        )
    return [str(n) for n in range(low, high + 1)]


def parse_sweep(spec: str) -> Sweep:
    """``NAME=V1,V2`` (the command line's ``--sweep``); errors name the option."""
    source = _("the sweep {spec!r}").format(spec=spec)
    name, sep, rest = spec.partition("=")
    if not sep or not name.strip():
        raise BatchInputError(
            _("a sweep is written NAME=VALUE,VALUE."),
            _("For example: --sweep seconds=4,8 --sweep seed=1..4"),
            source=source,
        )
    return make_sweep(name, rest.split(","), source=source)


def check_sweeps(sweeps: Sequence[Sweep]) -> None:
    """Refuse two sweeps of one setting."""
    seen: dict[str, Sweep] = {}
    for sweep in sweeps:
        if sweep.name in seen:
            raise BatchInputError(
                _("{name} is swept twice.").format(name=sweep.name),
                _("Put all its values in one sweep."),
                source=sweep.source,
                line=sweep.line,
                column=sweep.column,
            )
        seen[sweep.name] = sweep
