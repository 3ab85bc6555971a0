"""Settings: declared once, tolerant loading, atomic saving, and never a secret."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from sora_desktop.core import settings as settings_mod
from sora_desktop.core.pacing import Pacing
from sora_desktop.core.settings import MAX_RECENT_PROMPTS, Settings, load, save
from tests.fail_on_unexpected import ExpectLog


def test_defaults() -> None:
    s = Settings()
    assert s.active_profile_id == "simulator"
    assert s.export_dir is None
    assert s.filename_template == "{date}_{prompt:40}_{id}.mp4"
    assert s.export_sidecar is True
    assert s.language == ""
    assert s.recent_prompts == []
    assert s.show_simulator_banner is True


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    assert load(tmp_path / "nope.json") == Settings()


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "settings.json"
    s = Settings(
        active_profile_id="work",
        last_seconds=12,
        export_dir="/home/me/Videos",
        language="de",
        volume=55,
        poll_max_seconds=30,
        max_concurrent_jobs=2,
    )
    s.remember_prompt("a cat")
    save(path, s)
    assert load(path) == s
    assert not list(path.parent.glob("*.tmp"))


def test_recent_prompts_capped_and_deduplicated() -> None:
    s = Settings()
    for i in range(30):
        s.remember_prompt(f"prompt {i}")
    s.remember_prompt("prompt 25")
    s.remember_prompt("   ")
    assert len(s.recent_prompts) == MAX_RECENT_PROMPTS
    assert s.recent_prompts[0] == "prompt 25"
    assert s.recent_prompts.count("prompt 25") == 1


def test_unknown_and_wrong_typed_keys(tmp_path: Path, expect_log: ExpectLog) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps(
            {
                "active_profile_id": "work",
                "last_seconds": "twelve",  # wrong type -> default
                "export_sidecar": 1,  # not a bool -> default
                "poll_initial_seconds": 3,  # an int is fine for a float
                "recent_prompts": ["a", 5],  # mixed -> default
                "from_the_future": {"x": 1},
            }
        )
    )
    with expect_log("sora_desktop.core.settings", "wrong type") as seen:
        s = load(path)
    assert s.active_profile_id == "work"
    assert s.last_seconds == 4
    assert [r.getMessage().split("=")[0] for r in seen] == [
        "settings: ignoring last_seconds",
        "settings: ignoring export_sidecar",
        "settings: ignoring recent_prompts",
    ]
    assert s.export_sidecar is True
    assert s.poll_initial_seconds == 3.0 and isinstance(s.poll_initial_seconds, float)
    assert s.recent_prompts == []


def test_too_many_recent_prompts_in_file_are_cut(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"recent_prompts": [str(i) for i in range(50)]}))
    assert len(load(path).recent_prompts) == MAX_RECENT_PROMPTS


@pytest.mark.parametrize("garbage", ["{ not json", "[1, 2, 3]", "\x00\xff"])
def test_corrupt_file_kept_aside(tmp_path: Path, garbage: str, expect_log: ExpectLog) -> None:
    path = tmp_path / "settings.json"
    path.write_text(garbage, encoding="latin-1")
    with expect_log("sora_desktop.core.settings", "was damaged .*; kept as"):
        assert load(path) == Settings()
    (aside,) = tmp_path.glob("settings.json.corrupt-*")
    assert aside.read_text(encoding="latin-1") == garbage
    assert not path.exists()


def test_failed_save_keeps_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "settings.json"
    save(path, Settings(language="fr"))

    def boom(*_a: object, **_k: object) -> str:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(settings_mod.json, "dumps", boom)
    with pytest.raises(OSError):
        save(path, Settings(language="it"))
    monkeypatch.undo()
    assert load(path).language == "fr"


def test_no_secret_fields() -> None:
    """Guard: nobody adds a key/token/password field to the settings."""
    forbidden = ("key", "token", "secret", "password", "credential", "auth")
    for f in dataclasses.fields(Settings):
        assert not any(word in f.name.lower() for word in forbidden), f.name


def test_saved_file_holds_no_key_shaped_text(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    s = Settings()
    save(path, s)
    text = path.read_text()
    assert "sk-" not in text and "api_key" not in text.lower()


def test_atomic_write_failure_keeps_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sora_desktop.core import atomic

    path = tmp_path / "settings.json"
    save(path, Settings(language="fr"))

    def no_fsync(_fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(atomic.os, "fsync", no_fsync)
    with pytest.raises(OSError):
        save(path, Settings(language="it"))
    monkeypatch.undo()
    assert load(path).language == "fr"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_an_old_file_with_window_state_still_loads(tmp_path: Path) -> None:
    """Geometry and splitters moved to the window-state store (QSettings): a settings.json
    written before still loads whole, and the next save drops them."""
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps(
            {
                "version": 1,
                "active_profile_id": "work",
                "poll_max_seconds": 30,
                "window_geometry": "AdnQywADAAAAAAAAAAAAAA==",
                "window_state": None,
                "splitter_sizes": {"main": [300, 700]},
            }
        )
    )
    s = load(path)  # no warning: an unknown key is not a wrong type
    assert s.active_profile_id == "work" and s.poll_max_seconds == 30.0
    save(path, s)
    written = json.loads(path.read_text())
    assert not {"window_geometry", "window_state", "splitter_sizes"} & written.keys()


def test_every_declared_field_is_read_somewhere() -> None:
    """A setting nobody reads is a promise the app doesn't keep: each field must be read
    (``.name``) somewhere in the package (its declaration does not count)."""
    import sora_desktop

    package = Path(sora_desktop.__file__).parent
    source = "\n".join(p.read_text(encoding="utf-8") for p in package.rglob("*.py"))
    unread = [
        f.name for f in dataclasses.fields(Settings) if not re.search(rf"\.{f.name}\b", source)
    ]
    assert unread == [], f"declared in Settings but never read: {unread}"


def test_pacing_comes_from_the_settings() -> None:
    s = Settings(poll_initial_seconds=5.0, poll_max_seconds=9.0, max_concurrent_jobs=2)
    assert s.pacing() == Pacing(
        poll_initial_seconds=5.0, poll_max_seconds=9.0, max_concurrent_jobs=2
    )
    assert Settings().pacing() == Pacing()  # the defaults are declared once, in core/pacing.py
