"""The window's Storyboard tab: the panel made when first shown, and the File menu's
storyboard commands (new, open, save as)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from sora_desktop.gui.main_window import MainWindow
    from sora_desktop.gui.storyboard_panel import StoryboardPanel


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def on_bottom_tab(window: MainWindow, index: int) -> None:
    if window.bottom_tabs.widget(index) is window.storyboard_slot:
        panel = ensure_storyboards(window)
        if panel is not None:
            panel.ensure_loaded()


def ensure_storyboards(window: MainWindow) -> StoryboardPanel | None:
    """The storyboard panel, made the first time it is needed."""
    if window.storyboards is None and window.make_storyboards is not None:
        panel = window.make_storyboards()
        window.storyboards = panel
        layout = window.storyboard_slot.layout()
        assert layout is not None
        layout.addWidget(panel)
        panel.play_requested.connect(window.play_job)
        panel.status.connect(window._status)
        panel.film_made.connect(window._on_film_made)
    return window.storyboards


def show_storyboards(window: MainWindow) -> StoryboardPanel | None:
    """Bring the storyboard tab to the front (made and loaded if needed)."""
    window.bottom_tabs.setCurrentWidget(window.storyboard_slot)
    return ensure_storyboards(window)


def new_storyboard(window: MainWindow) -> None:
    panel = show_storyboards(window)
    if panel is not None:
        panel.new_storyboard()


def open_storyboard_file(window: MainWindow) -> None:
    from PySide6.QtWidgets import QFileDialog

    panel = show_storyboards(window)
    if panel is None:
        return
    path, _filter = QFileDialog.getOpenFileName(
        window,
        _t("Open storyboard"),
        "",
        _t("Storyboards (*.storyboard.json *.json)"),
    )
    if path:
        panel.open_file(Path(path))


def storyboard_file_name(board_name: str) -> str:
    """The name the Save dialog suggests: the storyboard's, valid on every OS."""
    from sora_desktop.core.filenames import sanitize_filename

    return sanitize_filename(f"{board_name.strip() or 'storyboard'}.storyboard.json")


def save_storyboard_file(window: MainWindow) -> None:
    from PySide6.QtWidgets import QFileDialog

    panel = show_storyboards(window)
    if panel is None or panel.board is None:
        window._status(_t("Open a storyboard first."))
        return
    path, _filter = QFileDialog.getSaveFileName(
        window,
        _t("Save storyboard as"),
        storyboard_file_name(panel.board.name),
        _t("Storyboards (*.storyboard.json)"),
    )
    if path:
        if not path.endswith(".json"):
            path += ".storyboard.json"
        panel.save_file(Path(path))


def on_film_made(window: MainWindow, job_id: str) -> None:
    library: Any = window.library
    if library is not None and hasattr(library, "refresh"):
        library.refresh()
    window.play_job(job_id)
