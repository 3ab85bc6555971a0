"""What the window does not need before its first paint is made after it, or on first use."""

from __future__ import annotations

import functools
import ssl
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from sora_desktop.core.paths import AppPaths
from sora_desktop.gui.app import build
from tests.fresh_interpreter import printed_by_a_fresh_interpreter


def _io_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "sora-io"]


def _at_the_first_paint(tmp_path: Path) -> str:
    """The start of a program for a fresh interpreter: the window built as the app builds
    it, shown, and its first paint waited for (``ctx`` is the app; ``sys`` and PySide6's
    ``QtCore``, ``QtGui`` and ``QtWidgets`` are imported, which makes none of their types)."""
    return (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6 import QtCore, QtGui, QtWidgets\n"
        "from PySide6.QtCore import QEventLoop, QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from sora_desktop.core.paths import AppPaths\n"
        "from sora_desktop.gui.app import build\n"
        f"ctx = build(AppPaths.default(Path({str(tmp_path)!r})))\n"
        "loop = QEventLoop()\n"
        "ctx.window.first_painted.connect(loop.quit)\n"
        "QTimer.singleShot(30000, loop.quit)\n"
        "ctx.window.show()\n"
        "loop.exec()\n"
        "assert ctx.window.first_painted_at > 0, 'never painted'\n"
    )


def test_the_io_thread_starts_after_the_first_paint(qtbot: QtBot, tmp_path: Path) -> None:
    # an external simulator URL: start_background then starts no in-process simulator
    ctx = build(AppPaths.default(tmp_path / "d"), simulator_url="http://127.0.0.1:9")
    try:
        assert not ctx.controller.io_started
        assert _io_threads() == []
        assert ctx.controller.running_jobs() == []  # answering this starts nothing
        assert not ctx.controller.io_started
        with qtbot.waitSignal(ctx.window.first_painted, timeout=10000):
            ctx.window.show()
        with qtbot.waitSignal(ctx.controller.warmed, timeout=30000):
            ctx.start_background()
        assert ctx.controller.io_started and ctx.controller.loop_thread.is_running
        assert len(_io_threads()) == 1
    finally:
        ctx.close()
    assert _io_threads() == []


def test_the_library_fills_its_slot_right_after_the_first_paint(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from sora_desktop.gui.library_view import LibraryPanel

    ctx = build(AppPaths.default(tmp_path / "d"), simulator_url="http://127.0.0.1:9")
    try:
        assert ctx.window.library is None  # not part of the first frame
        with qtbot.waitSignal(ctx.window.first_painted, timeout=10000):
            ctx.window.show()
        qtbot.waitUntil(lambda: ctx.window.library is not None)
        library = ctx.window.library
        assert isinstance(library, LibraryPanel)
        assert library.parent() is ctx.window.library_slot and library.isVisible()
        ctx.ensure_library()  # once only
        assert ctx.window.library is library
    finally:
        ctx.close()


def test_closing_before_the_io_thread_started_starts_nothing(tmp_path: Path) -> None:
    ctx = build(AppPaths.default(tmp_path / "d"))
    ctx.close()
    assert _io_threads() == []
    assert not ctx.controller.loop_thread.is_running  # made for the question, never started
    assert _io_threads() == []


def test_opening_the_window_imports_no_subcommand_nor_asyncio(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "import sora_desktop.cli as cli\n"
        "seen = []\n"
        "cli._open_gui = lambda argv, data_dir: seen.append((argv, data_dir)) or 0\n"
        f"assert cli.main(['--data-dir', {str(tmp_path)!r}]) == 0\n"
        f"assert seen == [(['--data-dir', {str(tmp_path)!r}], {str(tmp_path)!r})], seen\n"
        "loaded = sorted(m for m in ('asyncio', 'sora_desktop.cli.generate', "
        "'sora_desktop.cli.runtime', 'signal') if m in sys.modules)\n"
        "print(loaded)\n"
    )
    assert printed_by_a_fresh_interpreter(code) == "[]"


def test_opening_the_window_makes_no_argument_parser(tmp_path: Path) -> None:
    """The window's few options are read by hand: an argparse parser (~10 M instructions
    before the first paint: argparse looks its texts up in gettext's catalogues on disk,
    which imports ``locale``) is made only for a subcommand, help or anything unusual."""
    code = (
        "import argparse, sys\n"
        "import sora_desktop.cli as cli\n"
        "made = []\n"
        "real = argparse.ArgumentParser.__init__\n"
        "def counted(self, *a, **k):\n"
        "    made.append(k.get('prog'))\n"
        "    real(self, *a, **k)\n"
        "argparse.ArgumentParser.__init__ = counted\n"
        "cli._open_gui = lambda argv, data_dir: 0\n"
        f"assert cli.main(['--data-dir', {str(tmp_path)!r}, '--debug']) == 0\n"
        "print(made, 'locale' in sys.modules)\n"
        "assert cli.main(['--data', 'x']) == 0 and made  # the probe sees a parser\n"
    )
    assert printed_by_a_fresh_interpreter(code) == "[] False"


def test_building_the_window_loads_none_of_what_waits_for_the_first_paint(
    tmp_path: Path,
) -> None:
    """A fresh interpreter builds the whole window; none of the modules that the app loads
    after the first paint (or on first use) may have been imported by then."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from sora_desktop.core.paths import AppPaths\n"
        "from sora_desktop.gui.app import build\n"
        f"ctx = build(AppPaths.default(Path({str(tmp_path)!r})))\n"
        "later = ('asyncio', 'logging.handlers', 'sora_desktop.core.logsetup', 'html',\n"
        "         'sora_desktop.gui.library_view', 'PySide6.QtMultimedia', 'av', 'numpy',\n"
        "         'httpx', 'PIL', 'keyring', 'sora_desktop.simulator',\n"
        "         'sora_desktop.gui.help_dialogs', 'hashlib', 'uuid', 'platform',\n"
        "         'sqlite3', 'sora_desktop.core.store', 'sora_desktop.core.library_query',\n"
        "         'sora_desktop.gui.export_notice')\n"
        "print(sorted(m for m in later if m in sys.modules))\n"
        "ctx.close()\n"
    )
    assert printed_by_a_fresh_interpreter(code) == "[]"


def test_a_simulator_start_paints_its_first_frame_without_the_catalogue_nor_send_modules(
    tmp_path: Path,
) -> None:
    """The first frame of a start on the built-in simulator (the default profile) needs no
    provider catalogue (``usecases.models``: catalogue, model settings, schema forms: ten
    dataclasses), no generate/resend use case and no file-manager helpers: they load when a
    provider profile or price is shown, on the first send, on the first "Show in folder"
    (~75 M instructions before the paint, startup_instructions.py). Checked at the real
    first paint, not only after building."""
    code = _at_the_first_paint(tmp_path) + (
        "later = ('sora_desktop.usecases.models', 'sora_desktop.core.catalogue',\n"
        "         'sora_desktop.core.model_settings', 'sora_desktop.core.schema_form',\n"
        "         'sora_desktop.usecases.generate', 'sora_desktop.usecases.resend',\n"
        "         'sora_desktop.usecases.provider_links', 'sora_desktop.gui.file_actions',\n"
        "         'sora_desktop.gui.wheel_guard', 'sora_desktop.core.job_rules')\n"
        "print(sorted(m for m in later if m in sys.modules))\n"
        "ctx.close()\n"
    )
    assert printed_by_a_fresh_interpreter(code) == "[]"


def test_the_first_paint_makes_no_dataclass_of_the_wire_nor_of_the_history(
    tmp_path: Path,
) -> None:
    """The server's video (``RemoteVideo``, ``RemoteError``) and a job's status history
    (``StatusChange``) live apart from ``core/models.py``: on Python 3.11 each dataclass
    compiles its methods when its module is imported (~14 M instructions for the three), and
    the first frame neither talks to a server nor reads a history. Checked at the real first
    paint."""
    code = _at_the_first_paint(tmp_path) + (
        "from sora_desktop.core import models\n"
        "later = ('sora_desktop.core.remote_video', 'sora_desktop.core.status_change')\n"
        "made = sorted(m for m in later if m in sys.modules)\n"
        "made += sorted(n for n in ('RemoteVideo', 'RemoteError', 'StatusChange')\n"
        "               if n in vars(models))\n"
        "print(made)\n"
        "ctx.close()\n"
    )
    assert printed_by_a_fresh_interpreter(code) == "[]"


def test_every_dataclass_made_before_the_first_paint_has_its_own_docstring(
    tmp_path: Path,
) -> None:
    """A dataclass without a docstring gets one made from ``inspect.signature`` of the
    class when it is created (Python 3.11), ~0.4-0.7 M instructions each: the ones the
    window makes before its first paint write their own."""
    code = _at_the_first_paint(tmp_path) + (
        "made = [c for n, m in list(sys.modules.items()) if n.startswith('sora_desktop')\n"
        "        for c in vars(m).values()\n"
        "        if isinstance(c, type) and '__dataclass_fields__' in vars(c)\n"
        "        and c.__module__ == n]\n"
        "assert len(made) > 5, made  # the probe sees them\n"
        "print(sorted(c.__qualname__ for c in made\n"
        "             if (c.__doc__ or '').startswith(c.__name__ + '(')))\n"
        "ctx.close()\n"
    )
    assert printed_by_a_fresh_interpreter(code) == "[]"


def test_the_first_paint_makes_no_qt_type_only_later_work_needs(tmp_path: Path) -> None:
    """PySide6 makes a class and its enums when its name is first imported: the queue's
    row painting (style options), the caption's text fitting (text layout), the preview's
    player calls (``QUrl``), the image picker's reading and drawing of a picked image
    (``QImage``, ``QImageReader``), the prompt's recipe insertion (``QTextCursor``) and the
    frame grab's pictures folder (``QStandardPaths``) import theirs where they are used,
    after the first paint (test_queue.py, test_caption.py, test_settings_panel.py,
    test_prompt_editor.py, test_frame_grab.py and the preview's tests show they work)."""
    code = _at_the_first_paint(tmp_path) + (
        "later = {QtWidgets: ('QStyleOptionButton', 'QStyleOptionProgressBar'),\n"
        "         QtGui: ('QTextLayout', 'QImage', 'QImageReader', 'QTextCursor'),\n"
        "         QtCore: ('QUrl', 'QStandardPaths')}\n"
        "made = sorted(n for m, names in later.items() for n in names if n in vars(m))\n"
        "ctx.close()\n"
        "QtGui.QTextLayout  # the probe works: made on first use\n"
        "assert 'QTextLayout' in vars(QtGui)\n"
        "print(made)\n"
    )
    assert printed_by_a_fresh_interpreter(code) == "[]"


def test_building_the_window_makes_no_message_box_nor_file_dialog_type(tmp_path: Path) -> None:
    """PySide6 makes a class (and its enums) when its name is first imported: the boxes and
    file dialogs are imported where they open, so none is made before the first paint."""
    code = (
        "from pathlib import Path\n"
        "from PySide6 import QtWidgets\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from sora_desktop.core.paths import AppPaths\n"
        "from sora_desktop.gui.app import build\n"
        f"ctx = build(AppPaths.default(Path({str(tmp_path)!r})))\n"
        "ctx.window.show()\n"
        "boxes = ('QMessageBox', 'QFileDialog', 'QInputDialog')\n"
        "made = [n for n in boxes if n in vars(QtWidgets)]\n"
        "ctx.close()\n"
        "QtWidgets.QMessageBox  # the probe works: made on first use\n"
        "assert 'QMessageBox' in vars(QtWidgets)\n"
        "print(made)\n"
    )
    assert printed_by_a_fresh_interpreter(code) == "[]"


def test_what_start_up_made_is_frozen_out_of_the_collector_until_the_app_closes(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # A full collection walked every start-up object on the GUI thread: 76-147 ms stalls in
    # the twenty-jobs heartbeat test. After the warm-up they are frozen; closing undoes it.
    import gc

    assert gc.get_freeze_count() == 0
    ctx = build(AppPaths.default(tmp_path / "d"), simulator_url="http://127.0.0.1:9")
    try:
        with qtbot.waitSignal(ctx.window.first_painted, timeout=10000):
            ctx.window.show()
        with qtbot.waitSignal(ctx.controller.warmed, timeout=30000):
            ctx.start_background()
        assert gc.get_freeze_count() > 10_000  # modules, classes, Qt wrappers
    finally:
        ctx.close()
    assert gc.get_freeze_count() == 0


def test_the_warm_up_loads_the_catalogue_and_the_tls_context_off_the_gui_thread(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 11's heartbeat: the first switch to a fal/Replicate/Runway connection read and
    checked the catalogue on the GUI thread (62 ms), and each connection's first client
    loaded the CA bundle on the I/O thread while the creator clicked (the window waited for
    the GIL). The warm-up does both on the I/O thread, before the first click."""
    from sora_desktop.core import catalogue, tls
    from sora_desktop.core.models import AuthStyle, ConnectionKind, Profile
    from sora_desktop.core.profiles import ProfileStore

    read_on: list[str] = []
    tls_on: list[str] = []
    real_read, real_context = catalogue._read, tls._context.__wrapped__

    def read(path: Path) -> catalogue.Catalogue:
        read_on.append(threading.current_thread().name)
        return real_read(path)

    @functools.lru_cache(maxsize=4)
    def context(cert_file: str | None, cert_dir: str | None) -> ssl.SSLContext:
        tls_on.append(threading.current_thread().name)
        return real_context(cert_file, cert_dir)

    monkeypatch.setattr(catalogue, "_read", read)
    monkeypatch.setattr(tls, "_context", context)
    catalogue._shipped.cache_clear()  # as in a fresh process
    monkeypatch.setenv("SORA_TEST_PROVIDER_KEY", "sim-provider-key")
    paths = AppPaths.default(tmp_path / "d")
    paths.ensure()
    ProfileStore(paths.profiles_path).add(
        Profile(
            id="fal",
            name="fal",
            kind=ConnectionKind.FAL,
            base_url="http://127.0.0.1:9/fal",
            auth_style=AuthStyle.BEARER,
            default_model="fal-ai/wan/v2.7/text-to-video",
            env_var="SORA_TEST_PROVIDER_KEY",
        )
    )
    ctx = build(paths, simulator_url="http://127.0.0.1:9")
    try:
        with qtbot.waitSignal(ctx.window.first_painted, timeout=10000):
            ctx.window.show()
        assert read_on == [] and tls_on == []  # the window shows the simulator: not needed yet
        with qtbot.waitSignal(ctx.controller.warmed, timeout=30000):
            ctx.start_background()
        assert read_on == ["sora-io"] and tls_on == ["sora-io"]
        panel = ctx.window.settings_panel
        panel.profile_combo.setCurrentIndex(panel.profile_combo.findData("fal"))
        assert panel.model() == "fal-ai/wan/v2.7/text-to-video"
        assert read_on == ["sora-io"]  # the switch listed the catalogue without reading it
    finally:
        ctx.close()
        catalogue._shipped.cache_clear()  # not this test's patched reader's result


def test_the_left_column_is_wheel_guarded_right_after_the_first_paint(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Finding the column's settings wraps each of its widgets in Python: done after the
    first paint (no wheel can turn over a window not on screen), before anything else."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QComboBox

    ctx = build(AppPaths.default(tmp_path / "d"), simulator_url="http://127.0.0.1:9")
    try:
        combo = ctx.window.findChild(QComboBox, "profile_combo")
        assert combo is not None
        assert not combo.property("wheel_guarded")  # not part of building the window
        with qtbot.waitSignal(ctx.window.first_painted, timeout=10000):
            ctx.window.show()
        qtbot.waitUntil(lambda: bool(combo.property("wheel_guarded")))
        assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus
    finally:
        ctx.close()


def test_a_simulator_start_paints_without_the_provider_models_rows(tmp_path: Path) -> None:
    """The settings panel's rows only provider models have (``ModelOptions``: audio,
    negative prompt, seed, end image) and "More settings" are hidden on the simulator: they
    are made when a provider model is first shown, so neither their modules nor their Qt
    types (spin boxes, the seed's validator, check box, line edit) are made before the
    first paint (test_settings_providers.py shows them working once made)."""
    code = _at_the_first_paint(tmp_path) + (
        "later = {QtWidgets: ('QSpinBox', 'QDoubleSpinBox', 'QAbstractSpinBox', 'QCheckBox',\n"
        "                     'QLineEdit'), QtGui: ('QIntValidator', 'QValidator')}\n"
        "made = sorted(n for m, names in later.items() for n in names if n in vars(m))\n"
        "made += sorted(m for m in ('sora_desktop.gui.model_options',\n"
        "                           'sora_desktop.gui.more_settings') if m in sys.modules)\n"
        "panel = ctx.window.settings_panel\n"
        "assert panel.audio() is None and panel.more_values() == {}  # as hidden rows give\n"
        "assert 'sora_desktop.gui.model_options' not in sys.modules\n"
        "ctx.close()\n"
        "print(made)\n"
    )
    assert printed_by_a_fresh_interpreter(code) == "[]"


def test_the_first_paint_makes_no_dataclass_of_the_windows_own(tmp_path: Path) -> None:
    """The window's own holders (``AppContext``, ``HelpActions``, ``QueueRow``) are plain
    classes: Python 3.11 compiles a dataclass's methods with ``exec`` as it is created
    (~12 M instructions for these three before the first paint), and nothing compares them.
    The engine's dataclasses (``core``, ``usecases``) keep their equality and hashing."""
    code = _at_the_first_paint(tmp_path) + (
        "made = sorted(c.__qualname__ for n, m in list(sys.modules.items())\n"
        "              if n.startswith('sora_desktop.gui') for c in vars(m).values()\n"
        "              if isinstance(c, type) and '__dataclass_fields__' in vars(c)\n"
        "              and c.__module__ == n)\n"
        "assert any(n.startswith('sora_desktop.core') and 'Job' in vars(m)\n"
        "           for n, m in sys.modules.items())  # the probe sees the engine's\n"
        "ctx.close()\n"
        "print(made)\n"
    )
    assert printed_by_a_fresh_interpreter(code) == "[]"
