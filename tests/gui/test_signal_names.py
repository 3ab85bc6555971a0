"""One naming style for the app's own Qt signals: snake_case, as the rest of the Python
code (Qt's own camelCase signals, e.g. ``clicked``/``textChanged``, are Qt's)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re

from PySide6.QtCore import QObject, Signal

import sora_desktop.gui as gui


def test_every_custom_signal_is_snake_case() -> None:
    seen: dict[str, str] = {}
    for info in pkgutil.iter_modules(gui.__path__, "sora_desktop.gui."):
        module = importlib.import_module(info.name)
        for cls_name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__ or not issubclass(cls, QObject):
                continue
            for name, value in vars(cls).items():
                if isinstance(value, Signal):
                    seen[f"{cls_name}.{name}"] = name
    assert "ThumbnailCache.thumbnail_ready" in seen  # the walk found the app's signals
    wrong = sorted(k for k, name in seen.items() if not re.fullmatch(r"_?[a-z][a-z0-9_]*", name))
    assert wrong == []
