"""A batch plan: every row of a file times every sweep combination, numbered and labelled.

The order is deterministic: rows in file order; within a row, the sweep combinations with
the first sweep varying slowest and each sweep's values in the order given. Job ``index``
counts from 1 in that order (the send order). A job's ``label`` is its row number and
its sweep values, ``r007_model-sora-2-pro_seconds-8_seed-3``: it names the job's output
file, so each clip is recognisable.

A row's settings come from its setting columns (:mod:`.columns`), else the batch's
defaults; a sweep varies a setting the file does not set (a sweep of a setting that a
column also sets is refused: which would win is not obvious). ``{placeholders}`` take the
row's columns, and a swept setting's value (``{seconds}``).
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from sora_desktop.core.batch.columns import (
    ASPECT,
    IMAGE,
    MODEL,
    PROMPT,
    SAME_CHOICE,
    SECONDS,
    SEED,
    SIZE,
    ValueProblem,
    parse_value,
    setting_of,
)
from sora_desktop.core.batch.errors import BatchInputError, TooManyJobsError
from sora_desktop.core.batch.source import BatchSource, SourceRow
from sora_desktop.core.batch.sweep import Sweep, check_sweeps, make_sweep
from sora_desktop.core.batch.template import DEFAULT_TEMPLATE, Template, parse_template
from sora_desktop.core.i18n import _

#: More jobs than this need the creator's confirmation (the face asks, then plans again
#: with ``confirmed=True``).
CONFIRM_ABOVE = 100
#: No batch makes more jobs than this, confirmed or not.
MAX_JOBS = 10_000


@dataclass(frozen=True, slots=True)
class Defaults:
    """The settings of a job its row and the sweeps leave open (the face's current ones)."""

    model: str = "sora-2"
    seconds: int = 4
    size: str = "720x1280"


@dataclass(frozen=True, slots=True)
class PlannedJob:
    """One job of a batch, before anything is checked against a model or sent."""

    index: int  # 1-based, the send order
    label: str
    row: int  # the source row's number
    line: int  # the line it starts on
    prompt: str
    model: str
    seconds: int
    size: str | None  # None: ``aspect`` picks the model's size
    aspect: str | None
    seed: int | None
    image: Path | None
    #: the sweep values that made this job from its row: (setting, value)
    sweep: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class BatchPlan:
    source: str  # the file's name as errors name it
    template: str
    sweeps: tuple[Sweep, ...]
    jobs: tuple[PlannedJob, ...]


def job_count(rows: int, sweeps: Sequence[Sweep]) -> int:
    return rows * math.prod(len(s.values) for s in sweeps)


def plan_batch(
    source: BatchSource,
    *,
    template: str | None = None,
    sweeps: Sequence[Sweep] = (),
    defaults: Defaults | None = None,
    confirm_above: int | None = CONFIRM_ABOVE,
    confirmed: bool = False,
    confirm_hint: str | None = None,
) -> BatchPlan:
    """Multiply ``source``'s rows by the sweeps (see the module).

    ``template`` (the face's; else the file's own; else ``{prompt}``) makes each prompt.
    ``sweeps`` replace a JSON file's sweep of the same setting. More than ``confirm_above``
    jobs raise :class:`TooManyJobsError` unless ``confirmed`` (``confirm_hint`` words how
    the face confirms); more than :data:`MAX_JOBS` always do. Every other problem is a
    :class:`BatchInputError` naming the file, line and column (or the option)."""
    defaults = defaults or Defaults()
    parsed = _template(source, template)
    all_sweeps = _sweeps(source, sweeps)
    _check_conflicts(source, all_sweeps)
    _check_placeholders(source, parsed, all_sweeps, given=template is not None)
    count = job_count(len(source.rows), all_sweeps)
    if count > MAX_JOBS:
        raise TooManyJobsError(
            count,
            MAX_JOBS,
            source=source.name,
            next_step=_(
                "Split the file or sweep fewer values: one batch makes at most {limit} jobs."
            ).format(limit=MAX_JOBS),
        )
    if confirm_above is not None and count > confirm_above and not confirmed:
        raise TooManyJobsError(
            count,
            confirm_above,
            source=source.name,
            next_step=confirm_hint
            or _("Confirm that you want all of them, or sweep fewer values."),
        )
    width = max(3, len(str(len(source.rows))))
    jobs: list[PlannedJob] = []
    labels: set[str] = set()
    names = tuple(s.name for s in all_sweeps)
    # each combination's settings and label are worked out once, not once per row
    combos: list[_Combo] = []
    for values in itertools.product(*(s.values for s in all_sweeps)):
        swept = tuple(zip(names, values, strict=True))
        combos.append(
            _Combo(
                swept,
                {name: parse_value(name, text) for name, text in swept},  # checked already
                "".join(f"_{name}-{_slug(name, text)}" for name, text in swept),
            )
        )
    images: dict[str, Path] = {}
    for row in source.rows:
        fixed = _row_settings(source, row)
        prefix = f"r{row.number:0{width}d}"
        for combo in combos:
            label = prefix + combo.label
            if label in labels:  # two values that read alike once made file-safe
                label = f"{label}_{len(jobs) + 1}"
            labels.add(label)
            jobs.append(
                _job(len(jobs) + 1, label, row, fixed, combo, parsed, defaults, source, images)
            )
    return BatchPlan(source.name, parsed.text, tuple(all_sweeps), tuple(jobs))


@dataclass(frozen=True, slots=True)
class _Combo:
    """One combination of the sweeps' values."""

    swept: tuple[tuple[str, str], ...]  # (setting, value as written)
    settings: Mapping[str, object]  # setting -> value as read
    label: str  # what it adds to a row's label


# -- checks ------------------------------------------------------------------------------


def _template(source: BatchSource, given: str | None) -> Template:
    if given is not None:
        return parse_template(given, source=_("the template"))
    if source.template is not None:
        return parse_template(source.template, source=source.name, line=source.template_line)
    return parse_template(DEFAULT_TEMPLATE, source=_("the template"))


def _sweeps(source: BatchSource, given: Sequence[Sweep]) -> list[Sweep]:
    check_sweeps(given)
    replaced = {s.name for s in given}
    from_file = [
        make_sweep(spec.name, spec.values, source=source.name, line=spec.line, column=spec.column)
        for spec in source.sweeps
    ]
    check_sweeps(from_file)
    return [s for s in from_file if s.name not in replaced] + list(given)


def _check_conflicts(source: BatchSource, sweeps: Sequence[Sweep]) -> None:
    by_setting: dict[str, str] = {}  # setting -> the column that sets it
    for column in source.columns:
        setting = setting_of(column)
        if setting is None:
            continue
        if setting in by_setting:
            raise BatchInputError(
                _("the columns {first!r} and {second!r} both set {setting}.").format(
                    first=source.headers.get(by_setting[setting], by_setting[setting]),
                    second=source.headers.get(column, column),
                    setting=setting,
                ),
                _("Keep one of them."),
                source=source.name,
                line=source.header_line,
            )
        by_setting[setting] = column
    by_choice = {SAME_CHOICE.get(s, s): c for s, c in by_setting.items()}
    for sweep in sweeps:
        taken = by_choice.get(SAME_CHOICE.get(sweep.name, sweep.name))
        if taken is not None:
            raise BatchInputError(
                _("the file's column {column!r} sets {setting}, and a sweep varies it.").format(
                    column=source.headers.get(taken, taken), setting=sweep.name
                ),
                _("Remove the column or the sweep: a row's value and a sweep can't both apply."),
                source=sweep.source,
                line=sweep.line,
                column=sweep.column,
            )


def _check_placeholders(
    source: BatchSource, template: Template, sweeps: Sequence[Sweep], *, given: bool
) -> None:
    known = set(source.columns) | {s.name for s in sweeps}
    columns = ", ".join(source.headers.get(c, c) for c in source.columns)
    for placeholder in template.placeholders:
        if placeholder.name in known:
            continue
        if placeholder.name == PROMPT and not given and source.template is None:
            raise BatchInputError(
                _("the file has no column named prompt (its columns: {columns}).").format(
                    columns=columns
                ),
                _(
                    "Add a prompt column, or give a template that uses the columns, e.g. "
                    "\u201ca {{subject}} at {{place}}\u201d."
                ).format(),
                source=source.name,
                line=source.header_line,
            )
        where = (
            (_("the template"), None)
            if given or source.template is None
            else (source.name, source.template_line)
        )
        raise BatchInputError(
            _(
                "the placeholder {{{name}}} names no column of {file} (its columns: {columns})."
            ).format(name=placeholder.written, file=source.name, columns=columns),
            _("Use one of the file's columns, or add a column of that name."),
            source=where[0],
            line=where[1],
            column=placeholder.column,
        )
    if source.format in ("json", "jsonl"):  # rows may lack a key the others have
        swept = {s.name for s in sweeps}
        for row in source.rows:
            for name in template.names - swept:
                if name not in row.values:
                    raise BatchInputError(
                        _("this row has no {name!r}, which the template uses.").format(
                            name=source.headers.get(name, name)
                        ),
                        _("Give every row a value for it (null for an empty one)."),
                        source=source.name,
                        line=row.line,
                        column=row.column,
                    )


# -- building ---------------------------------------------------------------------------


def _row_settings(source: BatchSource, row: SourceRow) -> dict[str, object]:
    """The settings a row's own columns give (empty cells give nothing)."""
    found: dict[str, object] = {}
    for column, text in row.values.items():
        setting = setting_of(column)
        if setting is None or not text.strip():
            continue
        try:
            found[setting] = parse_value(setting, text)
        except ValueProblem as why:
            raise BatchInputError(
                _("{column}: {why}.").format(column=source.headers.get(column, column), why=why),
                _("Fix the value, or leave the cell empty to use the batch's setting."),
                source=source.name,
                line=row.line,
                column=row.column_of(column),
            ) from None
    if SIZE in found and ASPECT in found:
        aspect_column = next(c for c in row.values if setting_of(c) == ASPECT)
        raise BatchInputError(
            _("this row gives both a size and an aspect ratio."),
            _("Give one of them: the size, or the aspect ratio to take the model's size of."),
            source=source.name,
            line=row.line,
            column=row.column_of(aspect_column),
        )
    return found


def _job(
    index: int,
    label: str,
    row: SourceRow,
    fixed: Mapping[str, object],
    combo: _Combo,
    template: Template,
    defaults: Defaults,
    source: BatchSource,
    images: dict[str, Path],
) -> PlannedJob:
    settings = {**fixed, **combo.settings}
    values = {**row.values, **dict(combo.swept)}
    size = _text(settings.get(SIZE))
    aspect = _text(settings.get(ASPECT))
    image = _text(settings.get(IMAGE))
    seconds = settings.get(SECONDS, defaults.seconds)
    seed = settings.get(SEED)
    path: Path | None = None
    if image is not None:
        path = images.get(image)
        if path is None:
            path = images[image] = _image_path(image, source.folder)
    return PlannedJob(
        index=index,
        label=label,
        row=row.number,
        line=row.line,
        prompt=template.fill(values).strip(),
        model=_text(settings.get(MODEL)) or defaults.model,
        seconds=seconds if isinstance(seconds, int) else defaults.seconds,
        size=size if size or aspect else defaults.size,
        aspect=aspect,
        seed=seed if isinstance(seed, int) else None,
        image=path,
        sweep=combo.swept,
    )


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _image_path(text: str, folder: Path | None) -> Path:
    path = Path(text).expanduser()
    if not path.is_absolute() and folder is not None:
        path = folder / path
    return path


_UNSAFE = re.compile(r"[^\w.+-]+")


def _slug(name: str, value: str) -> str:
    if name == IMAGE:
        value = Path(value).stem
    if name == ASPECT:
        value = value.replace(":", "x")
    return _UNSAFE.sub("-", value).strip("-") or "_"
