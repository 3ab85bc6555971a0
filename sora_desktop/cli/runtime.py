"""What every CLI command shares: folders, logging, the library, jobs by id, progress lines."""

from __future__ import annotations

import argparse
import logging
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from sora_desktop.core.i18n import _
from sora_desktop.core.job_locks import HELD_ELSEWHERE
from sora_desktop.core.jobref import short_id
from sora_desktop.core.models import Job, JobEvent, JobStatus, KeySource
from sora_desktop.core.paths import AppPaths
from sora_desktop.core.reconcile import CHECKING_MESSAGE
from sora_desktop.core.store import JobStore
from sora_desktop.core.timestamps import iso_time
from sora_desktop.usecases.context import ensure_folders, make_service, open_library
from sora_desktop.usecases.library import find_job as usecase_find_job

if TYPE_CHECKING:
    from sora_desktop.core.service import GenerationService

log = logging.getLogger("sora_desktop.cli")

STATUS_LABELS: dict[JobStatus, str] = {
    JobStatus.DRAFT: "draft",
    JobStatus.SUBMITTING: "submitting",
    JobStatus.QUEUED: "queued",
    JobStatus.IN_PROGRESS: "rendering",
    JobStatus.COMPLETED: "rendered",
    JobStatus.DOWNLOADING: "downloading",
    JobStatus.READY: "ready",
    JobStatus.FAILED: "failed",
    JobStatus.EXPIRED: "expired",
    JobStatus.CANCELLED: "cancelled",
    JobStatus.INTERRUPTED: "interrupted",
}


def is_terminal(stream: TextIO) -> bool:
    """A person at a terminal on the other end of ``stream``, who can be asked. On Windows
    ``isatty()`` is true for the NUL device as well (``< NUL``, a scheduled task), where no
    one answers: there a console is what ``GetConsoleMode`` accepts."""
    try:
        if not stream.isatty():
            return False
    except (OSError, ValueError, AttributeError):  # closed, or no stream at all
        return False
    try:
        fd = stream.fileno()
    except (OSError, ValueError, AttributeError):
        return True  # no OS handle behind it (a stand-in that says it is a terminal)
    if sys.platform != "win32":
        return True
    import ctypes
    import msvcrt

    try:
        handle = msvcrt.get_osfhandle(fd)
    except OSError:
        return False
    mode = ctypes.c_uint32()
    return bool(ctypes.windll.kernel32.GetConsoleMode(handle, ctypes.byref(mode)))


@dataclass
class Runtime:
    paths: AppPaths
    debug: bool
    log_path: Path | None
    data_dir: str | None = None  # --data-dir as given (follow-up command lines repeat it)

    def follow_up(self, text: str) -> str:
        """``text`` with its ``sora-desktop ...`` command lines on this library."""
        return follow_up(text, self.data_dir)

    @classmethod
    def create(cls, args: argparse.Namespace) -> Runtime:
        paths = AppPaths.default(getattr(args, "data_dir", None))
        ensure_folders(paths, hint="Pick a writable folder with --data-dir.")
        debug = bool(getattr(args, "debug", False))
        log_path: Path | None = None
        try:
            from sora_desktop.core.logsetup import setup_logging

            log_path = setup_logging(paths, debug)
        except OSError as exc:  # logging must never stop the command
            print(f"warning: can't write the log ({exc})", file=sys.stderr)
        if not debug:
            # stderr is for progress and one error line; the details go to the log file
            for handler in logging.getLogger().handlers:
                if isinstance(handler, logging.StreamHandler) and not isinstance(
                    handler, logging.FileHandler
                ):
                    handler.setLevel(logging.CRITICAL)
        from sora_desktop.core import entra

        entra.use_sign_in("device")  # an Entra sign-in prints a code: no browser assumed
        data_dir = getattr(args, "data_dir", None)
        return cls(paths=paths, debug=debug, log_path=log_path, data_dir=data_dir)

    def service(self, store: JobStore, **kw: Any) -> GenerationService:
        """The engine, with the CLI's wording where core asks how to act (the keyring),
        paced by the user settings the window keeps too (settings.json)."""
        kw.setdefault("key_lookup", cli_key_lookup)
        return make_service(store, self.paths, **kw)

    def open_store(self) -> JobStore:
        store, aside = open_library(self.paths)
        if aside is not None:
            print(
                f"warning: the library was damaged; it was kept as {aside} and a new one started",
                file=sys.stderr,
            )
        return store


def keyring_hint(profile_id: str | None) -> str:
    """The CLI's next step when the OS keyring can't keep a key (core words it for the window)."""
    if profile_id:
        return (
            "Keep the key in an environment variable instead: "
            f"sora-desktop profile set-key {profile_id} --api-key-env VAR, then set VAR to the key."
        )
    return "Keep the key in an environment variable instead and name it with --api-key-env VAR."


def cli_key_lookup(source: KeySource) -> str | None:
    from sora_desktop.core import secrets

    return secrets.get_key(source, hint=keyring_hint(source.keyring_user))


def find_job(store: JobStore, ref: str) -> Job:
    """A job by its id, its remote id, or an unambiguous piece of either (4+ characters):
    the ``{id}`` in an exported file's name works too (``core.jobref``)."""
    return usecase_find_job(store, ref, hint="See the ids with: sora-desktop history")


def job_record(job: Job) -> dict[str, object]:
    """One job as plain JSON-ready data (``history --json``). Never holds a secret; times
    are ISO 8601 in UTC with the offset, as in export sidecars."""
    return {
        "id": job.id,
        "short_id": short_id(job),
        "remote_id": job.remote_id,
        "status": job.status.value,
        "progress": job.progress,
        "prompt": job.request.prompt,
        "model": job.request.model,
        "size": job.request.size,
        "seconds": job.request.seconds,
        "remix_of": job.request.remix_of,
        "file": str(job.file_path) if job.file_path else None,
        "thumbnail": str(job.thumbnail_path) if job.thumbnail_path else None,
        "created_at": iso_time(job.created_at),
        "submitted_at": iso_time(job.submitted_at),
        "completed_at": iso_time(job.completed_at),
        "expires_at": iso_time(job.expires_at),
        "connection": {
            "kind": job.connection.kind.value,
            "base_url": job.connection.base_url,
            "profile": job.connection.profile_id,
        },
        "favourite": job.favourite,
        "error_code": job.error_code,
        "error": job.error_message,
    }


class ProgressPrinter:
    """One line per status or percent change on stderr; redraws one line on a terminal."""

    def __init__(self, stream: TextIO | None = None, *, tty: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self._last: dict[str, tuple[JobStatus, int, str]] = {}
        self._open_line = False

    def __call__(self, event: JobEvent) -> None:
        progress = event.progress
        if not self.tty and event.status is JobStatus.DOWNLOADING and progress not in (0, 100):
            progress -= progress % 10  # a log file gets ten download lines, not a hundred
        # another process (the window) works on the job (core/job_locks.py); a job not yet
        # sent waits for a free slot on its connection (core/pacing.py), or for the service
        # to answer at all (the create is sent again after a pause)
        label = STATUS_LABELS.get(event.status, event.status.value)
        if event.message and event.message == _(HELD_ELSEWHERE):
            label = "waiting for the other Sora Desktop working on it"
        elif event.message and event.message == _(CHECKING_MESSAGE):
            label = "checking whether the earlier send arrived"
        elif event.status is JobStatus.SUBMITTING and event.message:
            label = "trying again" if event.retrying else "waiting in line"
        key = (event.status, progress, label)
        last = self._last.get(event.job_id)
        if last == key:
            return
        self._last[event.job_id] = key
        line = f"[{event.job_id[:8]}] {label} {progress}%"
        if self.tty:
            newline = last is not None and last[0] is not event.status and self._open_line
            self.stream.write(("\n" if newline else "\r") + line + "\x1b[K")
            self._open_line = True
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.tty and self._open_line:
            self.stream.write("\n")
            self.stream.flush()
            self._open_line = False


#: The line after Ctrl+C of a command that makes jobs, until it knows which (``args.stopped``).
STOPPED_JOBS = "Stopped. Unfinished jobs continue with: sora-desktop resume"


def shell_arg(text: str) -> str:
    """``text`` as one argument of a command line the creator can paste back in."""
    if sys.platform == "win32":
        import subprocess

        return subprocess.list2cmdline([text])
    import shlex

    return shlex.quote(text)


#: ``sora-desktop`` where a command line starts in a message: at its start or after a space,
#: a bracket, a colon or a quote (not inside a path: ``.../sora-desktop/logs``)
_COMMAND_START = re.compile(r"""(?<![^\s(:`'"])sora-desktop(?= )(?! --data-dir )""")


def follow_up(text: str, data_dir: str | None) -> str:
    """``text`` (a message, a hint, a note) with every ``sora-desktop ...`` command line in
    it run on the same library as this command: ``sora-desktop --data-dir DIR ...`` when
    ``--data-dir DIR`` was given (DIR quoted as the shell needs). The one place the CLI's
    follow-up commands (resume, export, set-key, batch resume, ...) get it, whether the
    hint was written here or in core; every line that prints one passes it through here."""
    if not data_dir:
        return text
    prefix = f"sora-desktop --data-dir {shell_arg(data_dir)}"
    return _COMMAND_START.sub(lambda _m: prefix, text)


def stop_line_for_job(args: argparse.Namespace, out_dir: Path | None) -> Any:
    """A listener for the engine's events that words the one line after Ctrl+C for the first
    job the command made (``args.stopped``, read by ``cli.main``): its id, that ``resume``
    finishes it, and, since ``resume`` keeps the clip in the library, how to copy it to
    the ``--out`` folder the command would have exported it to."""
    seen: list[str] = []

    def on_event(event: JobEvent) -> None:
        if seen:
            return
        seen.append(event.job_id)
        ref = event.job_id[:8]
        line = f"Stopped. Job {ref} is kept in the library: finish it with: sora-desktop resume"
        if out_dir is not None:
            folder = shell_arg(str(out_dir))
            line += f", then copy it out with: sora-desktop export {ref} --out {folder}"
        args.stopped = line

    return on_event
