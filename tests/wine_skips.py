"""Tests that can't pass under Wine for a reason that is Wine's, not Windows'.

``python3 dev.py test-windows`` runs the suite on Windows CPython under Wine (see
tools/wine/wine_suite.py). tests/conftest.py skips the tests named here when, and only when,
the suite runs under Wine: real Windows has no ``ntdll.wine_get_version``, so nothing is
skipped there. Every entry names Wine's shortcoming; a Windows bug never goes here.
"""

from __future__ import annotations

import sys

_HEARTBEAT = (
    "a 50 ms GUI stall bound measured through Wine, where every window message and timer is "
    "a round trip to wineserver and no run-queue figure nets out other programs' CPU time: "
    "it times Wine on a shared machine, not the app (real Windows runs it)"
)

_NO_ACLS = (
    "Wine has no ACLs: icacls is a stub and a Windows program may write wherever its Unix "
    "user may (root here), so no folder can be made read-only"
)

#: pytest node id (with or without its parameters) -> why it can't pass under Wine.
WINE_SKIPS: dict[str, str] = {
    "tests/gui/test_heartbeat.py::test_gui_thread_never_stalls_while_five_jobs_run": _HEARTBEAT,
    "tests/gui/test_heartbeat.py::test_gui_thread_never_stalls_with_the_built_in_simulator": (
        _HEARTBEAT
    ),
    "tests/gui/test_heartbeat.py::test_gui_thread_never_stalls_while_twenty_jobs_run": _HEARTBEAT,
    "tests/gui/test_heartbeat.py::"
    "test_gui_thread_keeps_beating_while_a_300_mb_clip_is_exported": _HEARTBEAT,
    "tests/gui/test_heartbeat.py::test_gui_thread_keeps_beating_while_1000_clips_are_deleted": (
        _HEARTBEAT
    ),
    "tests/reliability/test_bad_input.py::test_export_to_a_missing_or_read_only_folder": _NO_ACLS,
    "tests/reliability/test_bad_input.py::"
    "test_unusable_export_folder_for_generate_is_refused_before_any_request[read-only]": _NO_ACLS,
}


def running_under_wine() -> bool:
    """True inside Wine: its ntdll exports ``wine_get_version``, Windows' does not."""
    if sys.platform != "win32":
        return False
    import ctypes

    try:
        ntdll = ctypes.WinDLL("ntdll")
    except OSError:
        return False
    return hasattr(ntdll, "wine_get_version")
