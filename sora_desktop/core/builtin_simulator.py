"""The built-in simulator as the engine sees it: the one rule for "is this it?", how a job
on it finds it at run time, and what is said when it can't.

The built-in simulator runs inside the app (or the CLI command) on a free loopback port,
which changes with every start. So a job made on it does not store that port: its
connection keeps ``base_url = ""`` with the built-in profile's id, and the service asks the
running simulator for its address whenever it needs a client (:class:`SimulatorLink`). The
simulator keeps its own jobs in the data folder, so a job kept for the next start finishes
then; one it no longer has ends with :func:`lost_job_error`.

Issue 9 will move this rule into the application layer; until then every caller uses
:func:`is_builtin_simulator` and no other test.
"""

from __future__ import annotations

import dataclasses
from typing import Protocol

from sora_desktop.core.errors import RemoteJobFailedError, ServiceUnavailableError
from sora_desktop.core.i18n import _
from sora_desktop.core.models import Connection, ConnectionKind, Profile
from sora_desktop.core.profiles import SIMULATOR_ID


def is_builtin_simulator(target: Connection | Profile) -> bool:
    """The app's own simulator: a simulator connection without an address of its own, or
    the built-in profile's (jobs stored by versions that kept the port count too)."""
    if target.kind is not ConnectionKind.SIMULATOR:
        return False
    profile_id = target.profile_id if isinstance(target, Connection) else target.id
    return not target.base_url or profile_id == SIMULATOR_ID


class SimulatorLink(Protocol):
    """What the service needs from the running built-in simulator."""

    def base_url(self, *, resuming: bool = False) -> str:
        """Its ``.../v1`` base URL, started first if need be (this may block: call it off
        the event loop). ``resuming``: for a job it took earlier, so it must have its saved
        jobs. Raises a ``SoraError`` when it can't serve."""
        ...


async def resolve(
    connection: Connection, link: SimulatorLink | None, *, resuming: bool
) -> Connection:
    """``connection`` with the built-in simulator's current address filled in (other
    connections unchanged)."""
    if not is_builtin_simulator(connection):
        return connection
    if link is None:
        raise ServiceUnavailableError(
            _("This job was made on the built-in simulator, which isn't running here."),
            _("Open Sora Desktop or run: sora-desktop resume"),
            code="simulator_unavailable",
        )
    import asyncio  # here: the window imports this module before asyncio may load

    url = await asyncio.to_thread(link.base_url, resuming=resuming)
    return dataclasses.replace(connection, base_url=url)


def busy_error() -> ServiceUnavailableError:
    return ServiceUnavailableError(
        _(
            "The built-in simulator's jobs are open in another Sora Desktop (a window or a "
            "command), so this job can't continue here."
        ),
        _("Let it finish there, or close the other one and resume this job."),
        code="simulator_busy",
    )


def start_error(detail: str) -> ServiceUnavailableError:
    return ServiceUnavailableError(
        _("The built-in simulator could not start ({detail}).").format(detail=detail),
        _("Restart Sora Desktop; if it happens again, see the log."),
        code="simulator_unavailable",
    )


def lost_job_error() -> RemoteJobFailedError:
    return RemoteJobFailedError(
        _(
            "The built-in simulator no longer has this job (its saved jobs were removed, or "
            "it was made by an older version), so it can't be finished."
        ),
        _("Generate it again; the simulator costs nothing."),
        code="simulator_lost_job",
    )
