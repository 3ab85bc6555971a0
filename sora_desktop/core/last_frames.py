"""Each ready clip's last frame, stored once in the background (see core/frames.py).

A chained storyboard shot or a continuation starts on the previous clip's exact last frame;
decoding it costs the clip's last GOP (0.1-5 s of CPU at 1080p). The service hands every
clip that became ready to a :class:`LastFrameKeeper`, which stores its last frame beside it
(:func:`.frames.store_last_frame`) *after* the job is ready, one clip at a time on a worker
thread, so "ready" is not delayed and a batch finishing at once queues instead of decoding
side by side. The chained step then reads a PNG. A failure only logs: the next caller
decodes the frame itself.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from pathlib import Path

log = logging.getLogger(__name__)


class LastFrameKeeper:
    """Stores ready clips' last frames on the service's loop; :meth:`close` at shutdown."""

    def __init__(self) -> None:
        self._turn = asyncio.Lock()  # one decode at a time
        self._stop = threading.Event()  # ends the decode under way at close
        self._tasks: set[asyncio.Task[None]] = set()

    def keep(self, job_id: str, clip: Path) -> None:
        """Store ``clip``'s last frame in the background (call on the loop's thread)."""
        if self._stop.is_set():
            return
        task = asyncio.get_running_loop().create_task(self._store(job_id, clip))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def idle(self) -> None:
        """Wait until every clip handed over so far is stored (or given up)."""
        while self._tasks:
            await asyncio.wait(set(self._tasks))

    async def close(self) -> None:
        """Drop the waiting clips, stop the decode under way and wait for its thread."""
        self._stop.set()
        await self.idle()

    async def _store(self, job_id: str, clip: Path) -> None:
        async with self._turn:
            if self._stop.is_set():
                return
            from sora_desktop.core.errors import SoraError
            from sora_desktop.core.frames import FrameStopped, store_last_frame

            try:
                await asyncio.to_thread(store_last_frame, clip, stop=self._stop)
            except FrameStopped:
                log.info("job %s: storing its last frame stopped at shutdown", job_id)
            except (SoraError, OSError) as err:
                log.warning("job %s: its last frame was not stored (%s)", job_id, err)
            except Exception:  # a stored frame is a nicety: never a job's failure
                log.warning("job %s: its last frame was not stored", job_id, exc_info=True)
