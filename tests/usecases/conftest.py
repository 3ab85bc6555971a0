"""The folders, library and loop-less service of ``tests/offline_engine.py`` (a test module
with fixtures of its own by these names uses its own)."""

from tests.offline_engine import paths, service, store

__all__ = ["paths", "service", "store"]
