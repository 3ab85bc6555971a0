"""Every folder is redirectable to one place; defaults come from platformdirs."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from sora_desktop.core.paths import ENV_DATA_DIR, AppPaths


def test_explicit_data_dir_puts_everything_under_it(tmp_path: Path) -> None:
    paths = AppPaths.default(tmp_path / "x")
    for folder in (paths.config_dir, paths.data_dir, paths.cache_dir, paths.log_dir):
        assert folder.is_relative_to(tmp_path / "x")
    assert paths.db_path.name == "library.db"
    assert paths.partial_dir.parent == paths.library_dir  # same volume: rename is atomic


def test_environment_variable_redirects(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "env"))
    assert AppPaths.default().data_dir.is_relative_to(tmp_path / "env")
    # the flag wins over the variable
    assert AppPaths.default(tmp_path / "flag").data_dir.is_relative_to(tmp_path / "flag")


def test_without_override_uses_platform_folders(monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.delenv(ENV_DATA_DIR, raising=False)
    paths = AppPaths.default()
    assert str(paths.data_dir) == platformdirs.user_data_dir("sora-desktop", "SoraDesktop")
    assert "sora-desktop" in str(paths.log_dir)


def test_ensure_creates_every_folder(tmp_path: Path) -> None:
    paths = AppPaths.default(tmp_path)
    paths.ensure()
    for folder in (paths.library_dir, paths.partial_dir, paths.thumbnail_dir, paths.images_dir):
        assert folder.is_dir()


@pytest.mark.skipif(sys.platform != "win32", reason="Windows' own folders")
def test_windows_folders_are_where_windows_apps_keep_theirs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # docs/install.md, "Where your data lives": settings roam, the library stays local
    monkeypatch.delenv(ENV_DATA_DIR, raising=False)
    paths = AppPaths.default()
    local = Path(os.environ["LOCALAPPDATA"]) / "SoraDesktop" / "sora-desktop"
    assert paths.config_dir == Path(os.environ["APPDATA"]) / "SoraDesktop" / "sora-desktop"
    assert paths.data_dir == local
    assert paths.cache_dir == local / "Cache"
    assert paths.log_dir == local / "Logs"
