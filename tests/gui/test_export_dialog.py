"""ExportDialog: real files exported into a temp folder with sanitized names and sidecars."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sora_desktop.core.models import Job
from sora_desktop.core.settings import Settings
from sora_desktop.gui.export_dialog import ExportDialog
from tests.gui.library_jobs import make_job

BAD_PROMPT = 'A "fox": at/dawn? <cinematic> | 4K*'


@pytest.fixture
def jobs(tmp_path: Path) -> list[Job]:
    return [
        make_job(1, prompt=BAD_PROMPT, video_dir=tmp_path / "library"),
        make_job(2, video_dir=tmp_path / "library"),
    ]


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


def _dialog(qtbot: Any, jobs: list[Job], settings: Settings, saved: list[Settings]) -> ExportDialog:
    dialog = ExportDialog(jobs, settings, save_settings=saved.append)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_exports_files_and_sidecars_with_safe_names(qtbot: Any, jobs: list[Job], out: Path) -> None:
    saved: list[Settings] = []
    settings = Settings(export_dir=str(out), filename_template="{prompt:30}_{id}.mp4")
    dialog = _dialog(qtbot, jobs, settings, saved)
    assert dialog.folder_edit.text() == str(out)
    assert dialog.sidecar_check.isChecked()
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as done:
        dialog.start_export()
    paths = [Path(p) for p in done.args[0]]
    assert len(paths) == 2
    for path, job in zip(paths, jobs, strict=True):
        assert path.parent == out and path.is_file()
        assert path.read_bytes() == Path(job.file_path).read_bytes()  # type: ignore[arg-type]
        assert not set('<>:"/\\|?*') & set(path.name)
        sidecar = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        assert sidecar["prompt"] == job.request.prompt
    assert paths[0].name.startswith("A _fox_")  # forbidden characters replaced
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [p.name for p in paths] + [p.with_suffix(".json").name for p in paths]
    )
    assert [p.name for p in paths] == dialog.preview_names()
    assert saved == [settings] and settings.export_dir == str(out)
    assert dialog.result() == ExportDialog.DialogCode.Accepted


def test_without_sidecar_and_remembers_choices(qtbot: Any, jobs: list[Job], out: Path) -> None:
    saved: list[Settings] = []
    settings = Settings(export_dir=None)
    dialog = _dialog(qtbot, jobs[:1], settings, saved)
    dialog.folder_edit.setText(str(out))
    dialog.sidecar_check.setChecked(False)
    dialog.link_radio.setChecked(True)
    dialog.template_edit.setText("{model}_{seconds}s")
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        dialog.start_export()
    assert sorted(p.name for p in out.iterdir()) == ["sora-2_4s.mp4"]
    assert (settings.export_dir, settings.export_sidecar, settings.export_link) == (
        str(out),
        False,
        True,
    )
    assert settings.filename_template == "{model}_{seconds}s"


def test_preview_follows_the_template_live(qtbot: Any, jobs: list[Job]) -> None:
    dialog = _dialog(qtbot, jobs, Settings(), [])
    dialog.template_edit.setText("{model}_{size}")
    items = [dialog.preview.item(i).text() for i in range(dialog.preview.count())]
    assert items == ["sora-2_720x1280.mp4", "sora-2_720x1280 (2).mp4"]
    dialog.template_edit.setText("{nope}")
    assert dialog.error_label.isVisibleTo(dialog)
    assert "{nope}" in dialog.error_label.text()
    assert not dialog.export_button.isEnabled()
    dialog.template_edit.setText("{date}")
    assert not dialog.error_label.isVisibleTo(dialog) and dialog.export_button.isEnabled()


def test_a_missing_folder_is_created_when_exporting(
    qtbot: Any, jobs: list[Job], tmp_path: Path
) -> None:
    # ~/Videos, the default, does not exist on many Linux desktops
    videos = tmp_path / "home" / "Videos"
    dialog = _dialog(qtbot, jobs, Settings(export_dir=str(videos)), [])
    assert dialog.export_button.isEnabled()
    assert dialog.folder_note.isVisibleTo(dialog)
    assert "will be created" in dialog.folder_note.text()
    assert not dialog.error_label.isVisibleTo(dialog)
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as done:
        dialog.start_export()
    assert [Path(p).parent for p in done.args[0]] == [videos, videos]
    assert all(Path(p).is_file() for p in done.args[0])


def test_the_default_folder_is_the_videos_folder_even_when_missing(
    qtbot: Any, jobs: list[Job], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sora_desktop.gui import export_dialog

    videos = tmp_path / "home" / "Videos"
    monkeypatch.setattr(export_dialog, "default_export_dir", lambda: str(videos))
    dialog = _dialog(qtbot, jobs, Settings(), [])
    assert dialog.folder_edit.text() == str(videos)
    assert dialog.export_button.isEnabled()
    assert export_dialog.nearest_existing(videos) == tmp_path


def test_export_is_disabled_only_for_a_folder_that_cannot_be_made(
    qtbot: Any, jobs: list[Job], tmp_path: Path
) -> None:
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    dialog = _dialog(qtbot, jobs, Settings(export_dir=str(a_file)), [])
    assert not dialog.export_button.isEnabled()
    assert "is a file, not a folder" in dialog.error_label.text()
    with qtbot.assertNotEmitted(dialog.exported):
        dialog.start_export()
    dialog.folder_edit.setText(str(a_file / "clips"))  # can't be created under a file
    assert not dialog.export_button.isEnabled()
    assert "file.txt is a file, not a folder" in dialog.error_label.text()
    dialog.folder_edit.setText("")
    assert not dialog.export_button.isEnabled()
    assert "Choose a folder" in dialog.error_label.text()
    dialog.folder_edit.setText(str(tmp_path / "new"))  # fixed: the message goes
    assert dialog.export_button.isEnabled()
    assert not dialog.error_label.isVisibleTo(dialog)


def test_a_failure_midway_keeps_what_was_exported(qtbot: Any, jobs: list[Job], out: Path) -> None:
    Path(jobs[1].file_path).unlink()  # type: ignore[arg-type]
    dialog = _dialog(qtbot, jobs, Settings(export_dir=str(out)), [])
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as partial:
        dialog.start_export()
    assert len(partial.args[0]) == 1 and Path(partial.args[0][0]).is_file()
    assert "not on disk" in dialog.error_label.text()
    assert "Exported before this: 1 file." in dialog.error_label.text()
    assert dialog.export_button.isEnabled() and dialog.isVisible()


def test_disk_full_is_said_plainly_and_leaves_no_half_file(
    qtbot: Any, jobs: list[Job], out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from sora_desktop.core import export

    def full_disk(_src: object, _tmp: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export, "copy_file", full_disk)  # core's seam for a full disk
    dialog = _dialog(qtbot, jobs, Settings(export_dir=str(out)), [])
    with qtbot.assertNotEmitted(dialog.exported):
        dialog.start_export()
        qtbot.waitUntil(lambda: not dialog.is_running(), timeout=10_000)
    assert "is full" in dialog.error_label.text()
    assert list(out.iterdir()) == []  # no partial file left behind


def test_typing_a_folder_does_not_move_the_file_names(
    qtbot: Any, jobs: list[Job], tmp_path: Path
) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication

    dialog = ExportDialog(
        jobs[:1], Settings(export_dir=str(tmp_path)), save_settings=lambda s: None
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    def where() -> QPoint:
        QApplication.sendPostedEvents()
        QApplication.processEvents()
        return dialog.template_edit.mapTo(dialog, QPoint(0, 0))

    start = where()
    # each keystroke of a path is a folder that exists or not: the note comes and goes
    for typed in (str(tmp_path / "ne"), str(tmp_path), str(tmp_path / "new")):
        dialog.folder_edit.setText(typed)
        assert where() == start, typed
    assert "will be created" in dialog.folder_note.text()
