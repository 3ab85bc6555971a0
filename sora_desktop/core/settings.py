"""User settings, declared once with their defaults, kept in ``settings.json`` (no secrets).

:func:`load` never fails on content: a missing file gives the defaults, unknown keys are
ignored, a value of the wrong type falls back to its default, and a file that isn't JSON is
kept aside as ``settings.json.corrupt-<timestamp>``. :func:`save` writes atomically.

There is deliberately no field for a key, token or password (tests guard it): keys live in
the OS keyring or in an environment variable named by the profile.
"""

from __future__ import annotations

import json
import logging
import time
import types
import typing
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from sora_desktop.core.atomic import atomic_write_text
from sora_desktop.core.pacing import (
    MAX_CONCURRENT_JOBS,
    POLL_INITIAL_SECONDS,
    POLL_MAX_SECONDS,
    Pacing,
)

log = logging.getLogger(__name__)

MAX_RECENT_PROMPTS = 20
FILE_VERSION = 1


@dataclass(slots=True)
class Settings:
    """The creator's choices kept between starts (settings.json; never a key)."""

    active_profile_id: str = "simulator"
    last_model: str = "sora-2"
    last_size: str = "720x1280"
    last_seconds: int = 4
    export_dir: str | None = None  # None: ask the first time
    filename_template: str = "{date}_{prompt:40}_{id}.mp4"
    export_sidecar: bool = True
    export_link: bool = False  # hard-link instead of copying when on the same volume
    language: str = ""  # "" = follow the OS
    recent_prompts: list[str] = field(default_factory=list)
    #: the window's unsent draft (the choices are last_* above); restored at start
    draft_prompt: str = ""
    draft_image: str | None = None  # the reference image's original file
    draft_fit_mode: str = "fit"  # how an image of another size is made to fit: fit | crop
    show_simulator_banner: bool = True
    #: how the engine paces each connection (core/pacing.py): waits between polls, and
    #: jobs created or polled at once (the rest wait in line)
    poll_initial_seconds: float = POLL_INITIAL_SECONDS
    poll_max_seconds: float = POLL_MAX_SECONDS
    max_concurrent_jobs: int = MAX_CONCURRENT_JOBS
    notify_on_complete: bool = True
    loop_preview: bool = True
    volume: int = 80  # 0-100
    # The window's geometry and splitters are not settings: they are window state, kept in
    # one place, QSettings (gui/window_state.py). Older files still name them here; load()
    # ignores them like any unknown key.

    def pacing(self) -> Pacing:
        """What the engine (``GenerationService(pacing=...)``) takes from these settings."""
        return Pacing(
            poll_initial_seconds=self.poll_initial_seconds,
            poll_max_seconds=self.poll_max_seconds,
            max_concurrent_jobs=self.max_concurrent_jobs,
        )

    def remember_prompt(self, prompt: str) -> None:
        """Put ``prompt`` first in the recent list (no duplicates, at most 20)."""
        text = prompt.strip()
        if not text:
            return
        rest = [p for p in self.recent_prompts if p != text]
        self.recent_prompts = [text, *rest][:MAX_RECENT_PROMPTS]


_HINTS = typing.get_type_hints(Settings)


def _fits(value: Any, hint: Any) -> bool:
    """Does a JSON value match a (simple) field type?"""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_fits(value, h) for h in typing.get_args(hint))
    if hint is type(None):
        return value is None
    if hint is bool:
        return isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if hint is str:
        return isinstance(value, str)
    if origin is list:
        (item,) = typing.get_args(hint)
        return isinstance(value, list) and all(_fits(v, item) for v in value)
    return False  # pragma: no cover - every field type is listed above


def from_dict(data: dict[str, Any]) -> Settings:
    """Settings from JSON data, keeping only known keys with values of the right type."""
    values: dict[str, Any] = {}
    for f in fields(Settings):
        if f.name not in data:
            continue
        value = data[f.name]
        if _fits(value, _HINTS[f.name]):
            values[f.name] = float(value) if _HINTS[f.name] is float else value
        else:
            log.warning("settings: ignoring %s=%r (wrong type)", f.name, value)
    settings = Settings(**values)
    settings.recent_prompts = settings.recent_prompts[:MAX_RECENT_PROMPTS]
    return settings


def to_dict(settings: Settings) -> dict[str, Any]:
    return {"version": FILE_VERSION, **asdict(settings)}


def load(path: Path) -> Settings:
    """Read settings; defaults for anything missing or unreadable (see module docstring)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings()
    except OSError as exc:
        log.warning("settings: can't read %s (%s); using defaults", path, exc)
        return Settings()
    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict):
            raise TypeError("not a JSON object")
    except (ValueError, TypeError) as exc:
        aside = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            path.replace(aside)
            log.warning("settings file %s was damaged (%s); kept as %s", path, exc, aside)
        except OSError as move_exc:
            log.warning("settings file %s was damaged (%s): %s", path, exc, move_exc)
        return Settings()
    return from_dict(data)


def dumps(settings: Settings) -> str:
    """The text :func:`save` writes."""
    return json.dumps(to_dict(settings), indent=2, ensure_ascii=False) + "\n"


def save(path: Path, settings: Settings) -> None:
    """Write settings atomically (the old file stays whole if this fails)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, dumps(settings))
