"""The log file starts after the first paint; nothing logged before it is lost."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from sora_desktop.core.logsetup import teardown_logging
from sora_desktop.core.paths import AppPaths
from sora_desktop.gui.deferred_logging import DeferredLogging, _KeptRecords
from tests.fail_on_unexpected import ExpectLog


@pytest.fixture
def root_state() -> Iterator[None]:
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    yield
    teardown_logging()
    root.setLevel(level)
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)


def test_records_before_start_reach_the_file_in_order(
    tmp_path: Path, root_state: None, expect_log: ExpectLog
) -> None:
    paths = AppPaths.default(tmp_path)
    root = logging.getLogger()
    level_before = root.level
    logs = DeferredLogging(paths)
    log = logging.getLogger("sora_desktop.test_deferred")
    log.info("early one %s", "sk-abcdefghijklmnop1234")  # still redacted when replayed
    with expect_log("sora_desktop.test_deferred", "early two") as seen:
        log.warning("early two")
        assert not paths.log_path.exists()  # nothing installed before the paint

        assert logs.start() == paths.log_path
    assert len(seen) == 2 and seen[0] is seen[1]  # logged, then replayed: the same record
    log.info("after the paint")
    assert logs.start() == paths.log_path  # idempotent: no second set of handlers
    assert not any(isinstance(h, _KeptRecords) for h in root.handlers)

    teardown_logging()
    assert root.level == level_before
    lines = paths.log_path.read_text(encoding="utf-8").splitlines()
    texts = [line.split(": ", 1)[1] for line in lines]
    assert texts == ["early one [REDACTED]", "early two", "after the paint"]


def test_unwritable_log_folder_disables_logging_but_keeps_warnings(
    tmp_path: Path, root_state: None, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = AppPaths.default(tmp_path)
    paths.log_dir.parent.mkdir(parents=True, exist_ok=True)
    paths.log_dir.write_text("a file where the log folder should be", encoding="utf-8")
    logs = DeferredLogging(paths)
    root = logging.getLogger()
    saved = [h for h in root.handlers if h is not logs._kept]
    for handler in saved:  # pytest's capture handlers would stand in for "no handler"
        root.removeHandler(handler)
    try:
        logging.getLogger("sora_desktop.test_deferred").warning("kept warning")
        assert logs.start() is None
    finally:
        for handler in saved:
            root.addHandler(handler)
    err = capsys.readouterr().err
    assert "logging disabled" in err
    assert "kept warning" in err  # handed to Python's last-resort handler, as before
