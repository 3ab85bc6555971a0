"""Models' input schemas fetched from the providers, cached on disk.

One JSON file per (kind, base URL, model id) under the cache folder, with the time it was
fetched. Fresh for a day; a stale copy is still used when the provider can't be reached, so
a model whose schema was seen once keeps its "More settings" offline.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sora_desktop.core.atomic import atomic_write_text

log = logging.getLogger(__name__)

FRESH_FOR = 24 * 3600.0


class SchemaCache:
    def __init__(self, directory: Path, *, clock: Callable[[], float] = time.time) -> None:
        self.directory = Path(directory)
        self._clock = clock

    def _path(self, key: tuple[str, str, str]) -> Path:
        digest = hashlib.sha256("\n".join(key).encode("utf-8")).hexdigest()[:32]
        return self.directory / key[0] / f"{digest}.json"

    def get(self, key: tuple[str, str, str], *, stale_ok: bool = False) -> dict[str, Any] | None:
        """The cached schema, if fresh (or any age with ``stale_ok``); None otherwise."""
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("key") != list(key):
            return None
        schema = data.get("schema")
        fetched = data.get("fetched_at")
        if not isinstance(schema, dict) or not isinstance(fetched, int | float):
            return None
        if not stale_ok and self._clock() - fetched > FRESH_FOR:
            return None
        return schema

    def put(self, key: tuple[str, str, str], schema: dict[str, Any]) -> None:
        """Keep ``schema`` (a cache: a failed write is logged, never raised)."""
        path = self._path(key)
        text = json.dumps({"key": list(key), "fetched_at": self._clock(), "schema": schema})
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(path, text)
        except OSError as exc:
            log.info("schema of %s not cached: %s", key[2], exc)
