"""The draft (prompt, connection, model, size, duration, reference image) survives a restart:
saved to settings.json as it changes, restored at start."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from sora_desktop.core import settings as settings_mod
from sora_desktop.gui.app import AppContext
from tests.gui.conftest import make_png

PROMPT = "A paper boat drifts down a rainy street\nslow dolly-in, neon reflections"


def _choose(combo: object, data: object) -> None:
    index = combo.findData(data)  # type: ignore[attr-defined]
    assert index >= 0, f"{data!r} is not offered"
    combo.setCurrentIndex(index)  # type: ignore[attr-defined]


def _draft(ctx: AppContext, image: Path) -> None:
    w = ctx.window
    panel = w.settings_panel
    w.prompt.set_text(PROMPT)
    _choose(panel.model_combo, "sora-2-pro")
    _choose(panel.orientation_combo, "landscape")
    _choose(panel.size_combo, "1792x1024")
    _choose(panel.duration_combo, 12)
    assert panel.image_picker.set_path(image)
    panel.image_picker.set_mode("crop")


def test_the_draft_is_the_same_after_a_restart(
    make_app: Callable[..., AppContext], qtbot: QtBot, tmp_path: Path
) -> None:
    image = make_png(tmp_path / "square.png", 300, 300)
    ctx = make_app()
    _draft(ctx, image)
    ctx.close()
    ctx2 = make_app()
    w = ctx2.window
    panel = w.settings_panel
    assert w.prompt.text() == PROMPT
    assert (panel.model(), panel.video_size(), panel.seconds()) == ("sora-2-pro", "1792x1024", 12)
    assert panel.image_picker.mode() == "crop"
    # the image comes back right after the first paint (checking it loads Pillow)
    qtbot.waitUntil(lambda: panel.image_picker.path() == image, timeout=10000)
    assert panel.image_picker.needs_conversion()
    assert w.generate_button.isEnabled()


def test_the_draft_is_saved_as_it_changes_not_only_on_close(
    make_app: Callable[..., AppContext], qtbot: QtBot, tmp_path: Path
) -> None:
    """A crash before closing still finds the draft on disk."""
    ctx = make_app()
    _draft(ctx, make_png(tmp_path / "square.png", 300, 300))
    assert ctx.draft is not None and ctx.user is not None

    def on_disk() -> settings_mod.Settings:
        assert ctx.user is not None
        ctx.user.flush()
        return settings_mod.load(ctx.paths.settings_path)

    qtbot.waitUntil(lambda: on_disk().draft_prompt == PROMPT, timeout=10000)
    saved = on_disk()
    assert (saved.last_model, saved.last_size, saved.last_seconds) == (
        "sora-2-pro",
        "1792x1024",
        12,
    )
    assert saved.draft_image == str(tmp_path / "square.png")
    assert saved.draft_fit_mode == "crop"


def test_an_image_that_is_gone_is_left_out_with_a_note(
    make_app: Callable[..., AppContext], qtbot: QtBot, tmp_path: Path
) -> None:
    image = make_png(tmp_path / "holiday.png", 300, 300)
    ctx = make_app()
    _draft(ctx, image)
    ctx.close()
    image.unlink()
    ctx2 = make_app()
    w = ctx2.window
    qtbot.waitUntil(lambda: "holiday.png" in w.statusBar().currentMessage(), timeout=10000)
    assert "no longer there" in w.statusBar().currentMessage()
    picker = w.settings_panel.image_picker
    assert picker.path() is None and picker.error() is None  # quiet: nothing blocks Generate
    assert w.prompt.text() == PROMPT  # the rest of the draft is back
    assert w.generate_button.isEnabled()
    assert ctx2.user is not None and ctx2.user.data.draft_image is None


def test_a_first_start_has_an_empty_draft(make_app: Callable[..., AppContext]) -> None:
    ctx = make_app()
    assert ctx.window.prompt.text() == ""
    assert ctx.window.settings_panel.image_picker.path() is None


def test_the_saves_of_a_burst_of_generate_clicks_share_one_writer_thread(
    tmp_path: Path, qtbot: QtBot
) -> None:
    """Each Generate saves settings.json (and the draft half a second after a change): a new
    writer thread for each made the GUI thread wait for it to start, 100+ ms on a busy
    machine (issue 11's provider heartbeat). The thread waits a while for the next save."""
    import threading

    from sora_desktop.gui.user_settings import UserSettings

    def writers() -> list[threading.Thread]:
        return [t for t in threading.enumerate() if t.name == "sora-settings-writer"]

    path = tmp_path / "settings.json"

    def saved(prompt: str) -> bool:
        return path.exists() and prompt in path.read_text(encoding="utf-8")

    user = UserSettings(path)
    seen: list[threading.Thread] = []
    for prompt in ("first clip", "second clip", "third clip"):
        user.remember(prompt)
        qtbot.waitUntil(lambda p=prompt: saved(p), timeout=10_000)
        seen.extend(writers())
    assert len(seen) == 3 and len(set(seen)) == 1  # one thread, still there for the next
    user.flush()
    assert writers() == []
    assert settings_mod.load(path).recent_prompts[0] == "third clip"
