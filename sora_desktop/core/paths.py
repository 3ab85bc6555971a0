"""Where the app keeps things, from platformdirs, all redirectable to one folder.

``--data-dir DIR`` or the environment variable ``SORA_DESKTOP_DATA_DIR`` puts config, data,
cache and logs under DIR (tests and portable installs use it).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

ENV_DATA_DIR = "SORA_DESKTOP_DATA_DIR"
_APP = "sora-desktop"
_AUTHOR = "SoraDesktop"
#: The folder beside a clip that holds its stored last frame (as the library's ``.partial``).
LAST_FRAMES_DIR = ".last-frames"


def stored_frame_path(clip: Path) -> Path:
    """Where ``clip``'s stored last frame lives, whether or not it is there (core/frames.py
    writes and reads it; deleting the clip from the library deletes it too)."""
    clip = Path(clip)
    return clip.parent / LAST_FRAMES_DIR / f"{clip.name}.png"


@dataclass(frozen=True, slots=True)
class AppPaths:
    """The app's own folders: settings, the library and its videos, thumbnails, logs."""

    config_dir: Path  # settings.json, profiles.json (never a secret)
    data_dir: Path  # library.db and the videos
    cache_dir: Path  # thumbnails
    log_dir: Path

    @classmethod
    def default(cls, data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
        """Platform folders, or all under ``data_dir`` / ``$SORA_DESKTOP_DATA_DIR``."""
        override = data_dir if data_dir is not None else os.environ.get(ENV_DATA_DIR)
        if override:
            root = Path(override).expanduser().resolve()
            return cls(
                config_dir=root / "config",
                data_dir=root / "data",
                cache_dir=root / "cache",
                log_dir=root / "logs",
            )
        return cls(
            config_dir=Path(platformdirs.user_config_dir(_APP, _AUTHOR, roaming=True)),
            data_dir=Path(platformdirs.user_data_dir(_APP, _AUTHOR)),
            cache_dir=Path(platformdirs.user_cache_dir(_APP, _AUTHOR)),
            log_dir=Path(platformdirs.user_log_dir(_APP, _AUTHOR)),
        )

    @property
    def db_path(self) -> Path:
        return self.data_dir / "library.db"

    @property
    def library_dir(self) -> Path:
        return self.data_dir / "videos"

    def clip_path(self, job_id: str) -> Path:
        """Where a job's clip is kept in the library: named after its id (a uuid's hex;
        an id of another shape, e.g. from a storyboard file, is made a safe name)."""
        from sora_desktop.core.filenames import safe_file_stem

        return self.library_dir / f"{safe_file_stem(job_id)}.mp4"

    def thumbnail_path(self, job_id: str) -> Path:
        """Where a job's thumbnail is kept (named like its clip)."""
        from sora_desktop.core.filenames import safe_file_stem

        return self.thumbnail_dir / f"{safe_file_stem(job_id)}.jpg"

    @property
    def partial_dir(self) -> Path:
        """Partial downloads; on the same volume as the library so rename is atomic."""
        return self.library_dir / ".partial"

    @property
    def thumbnail_dir(self) -> Path:
        return self.cache_dir / "thumbnails"

    @property
    def images_dir(self) -> Path:
        """Reference images converted to the exact request size, kept for resume/reuse."""
        return self.data_dir / "images"

    @property
    def simulator_dir(self) -> Path:
        """The built-in simulator's jobs and renders, kept for the next start."""
        return self.data_dir / "simulator"

    @property
    def settings_path(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def profiles_path(self) -> Path:
        return self.config_dir / "profiles.json"

    @property
    def log_path(self) -> Path:
        return self.log_dir / "sora-desktop.log"

    def ensure(self) -> None:
        """Create every folder. Raises OSError (mapped by callers to DiskError)."""
        for d in (
            self.config_dir,
            self.data_dir,
            self.cache_dir,
            self.log_dir,
            self.library_dir,
            self.partial_dir,
            self.thumbnail_dir,
            self.images_dir,
        ):
            d.mkdir(parents=True, exist_ok=True)
        from sora_desktop.core.hidden_dirs import make_hidden_dir

        make_hidden_dir(self.partial_dir)  # a dot folder among the videos: hidden on Windows too
