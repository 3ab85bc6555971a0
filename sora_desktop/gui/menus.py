"""The window's menu bar: File, Clip, Connections and Help (texts in the MainWindow context).

The Clip menu holds the preview's frame grab here; the library's Extend… and Stitch… join
it when the library panel is set (``main_window.set_library``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

from sora_desktop.gui.help_menu import add_help_actions

if TYPE_CHECKING:
    from sora_desktop.gui.main_window import MainWindow


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def build_menus(window: MainWindow) -> None:
    file_menu = window.menuBar().addMenu(_t("&File"))
    gen = QAction(_t("&Generate"), window)
    gen.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Return))
    gen.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # the editor owns the key
    gen.triggered.connect(window.generate)
    file_menu.addAction(gen)
    export = QAction(_t("&Export selected videos…"), window)
    export.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_E))
    export.triggered.connect(window._export_selected)
    file_menu.addAction(export)
    batch = QAction(_t("New &batch…"), window)
    batch.setObjectName("new_batch_action")
    batch.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_B))
    batch.triggered.connect(window.new_batch_requested)
    file_menu.addAction(batch)
    window.new_batch_action = batch
    window.batches_action = QAction(_t("Ba&tches"), window)
    window.batches_action.setObjectName("batches_action")
    window.batches_action.triggered.connect(lambda: window.show_batches(None))
    file_menu.addAction(window.batches_action)
    window.open_export_folder_action = QAction(_t("Open e&xport folder"), window)
    window.open_export_folder_action.triggered.connect(window.export_folder_requested)
    file_menu.addAction(window.open_export_folder_action)
    window.open_library_folder_action = QAction(_t("Open &library folder"), window)
    window.open_library_folder_action.triggered.connect(window.open_library_folder)
    file_menu.addAction(window.open_library_folder_action)
    file_menu.addSeparator()
    for text, slot in (
        (_t("New &storyboard…"), window.new_storyboard),
        (_t("&Open storyboard…"), window.open_storyboard_file),
        (_t("Save storyboard &as…"), window.save_storyboard_file),
    ):
        action = QAction(text, window)
        action.triggered.connect(slot)
        file_menu.addAction(action)
    file_menu.addSeparator()
    prefs = QAction(_t("&Preferences…"), window)
    prefs.setShortcut(QKeySequence.StandardKey.Preferences)
    prefs.setMenuRole(QAction.MenuRole.PreferencesRole)
    prefs.triggered.connect(window.preferences_requested)
    file_menu.addAction(prefs)
    file_menu.addSeparator()
    quit_action = QAction(_t("&Quit"), window)
    quit_action.setShortcut(QKeySequence.StandardKey.Quit)
    quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    quit_action.triggered.connect(window.close)
    file_menu.addAction(quit_action)
    window.clip_menu = window.menuBar().addMenu(_t("C&lip"))
    window.clip_menu.addAction(window.preview.frame_grab.save_action)
    window.clip_menu.addAction(window.preview.frame_grab.use_action)
    window.connections_menu = window.menuBar().addMenu(_t("&Connections"))
    manage = QAction(_t("&Manage connections…"), window)
    manage.triggered.connect(window.open_connections)
    window.connections_menu.addAction(manage)
    window.spending_action = QAction(_t("Estimated &spending…"), window)
    window.spending_action.triggered.connect(window.spending_requested)
    window.connections_menu.addAction(window.spending_action)
    help_menu = window.menuBar().addMenu(_t("&Help"))
    window.help_actions = add_help_actions(window, help_menu)
    about = QAction(_t("&About Sora Desktop"), window)
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(window.open_about)
    help_menu.addAction(about)
