"""Calls to a QMediaPlayer that tear its media down, made safely: queued on the event loop
(:func:`from_event_loop`); :func:`stop_and_unload`, which waits until the player holds no
media (the preview pane and the self-test end playback with it); and :func:`shut_down`, which
lets a clip still opening finish first.

``QUrl`` and ``QEventLoop`` are imported where a call needs them: PySide6 makes a type (and
its enums) when its name is first imported, and the preview pane imports this module
before the window's first paint, long before it plays anything (~5.6 M instructions).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Q_ARG, QMetaObject, Qt, QTimer

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtCore import QUrl
    from PySide6.QtMultimedia import QMediaPlayer


def set_source(player: QMediaPlayer, path: Path | None) -> None:
    """Have the event loop set ``player``'s media to the file ``path`` (None: no media)."""
    from PySide6.QtCore import QUrl

    from_event_loop(player, "setSource", QUrl() if path is None else QUrl.fromLocalFile(str(path)))


def stop_and_unload(player: QMediaPlayer, timeout: float = 5.0) -> None:
    """Stop ``player`` and drop its media, from the event loop (see :func:`from_event_loop`),
    and wait (at most ``timeout`` s) until it holds no media: its FFmpeg threads are gone."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtMultimedia import QMediaPlayer

    if player.mediaStatus() == QMediaPlayer.MediaStatus.NoMedia:
        return
    from_event_loop(player, "stop")
    set_source(player, None)
    loop = QEventLoop()
    tick = QTimer()
    tick.setInterval(50)
    tick.timeout.connect(loop.quit)
    player.mediaStatusChanged.connect(loop.quit)
    tick.start()
    deadline = time.monotonic() + timeout
    while player.mediaStatus() != QMediaPlayer.MediaStatus.NoMedia and time.monotonic() < deadline:
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    tick.stop()
    player.mediaStatusChanged.disconnect(loop.quit)


def from_event_loop(player: QMediaPlayer, method: str, *args: QUrl) -> None:
    """Have the event loop call ``player.<method>(*args)`` instead of calling it here.

    ``setSource`` and ``stop`` tear the current media down and wait for FFmpeg's threads to
    end. Called from Python, that wait holds the GIL, and a media thread that needs the GIL
    meanwhile (to log through a Python Qt message handler, as pytest-qt installs one)
    deadlocks the process: seen in CI, the window stuck closing in ``stop()``. Queued, the
    call is made by the event loop, which has released the GIL. Calls keep their order.
    """
    if args:
        from PySide6.QtCore import QUrl

        arguments = [Q_ARG(QUrl, arg) for arg in args]
    else:
        arguments = []
    QMetaObject.invokeMethod(player, method, Qt.ConnectionType.QueuedConnection, *arguments)


def shut_down(player: QMediaPlayer) -> None:
    """Stop ``player`` (before the window closes, so no decoder outlives it).

    A clip still opening is let finish first (bounded): tearing the FFmpeg backend down
    in the middle of opening a file can wedge its loader thread against the GUI thread.
    """
    from PySide6.QtCore import QEventLoop
    from PySide6.QtMultimedia import QMediaPlayer

    if player.mediaStatus() == QMediaPlayer.MediaStatus.LoadingMedia:
        loop = QEventLoop()
        player.mediaStatusChanged.connect(loop.quit)
        QTimer.singleShot(2000, loop.quit)
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        player.mediaStatusChanged.disconnect(loop.quit)
    stop_and_unload(player)
