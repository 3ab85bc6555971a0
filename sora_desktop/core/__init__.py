"""GUI-free engine: validation, API client, jobs, store, secrets, paths, export.

Nothing in this package imports Qt (checked by import-linter and tests/core/test_layering.py).
"""
