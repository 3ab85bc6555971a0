"""One asyncio loop on one background thread ("sora-io"), the only I/O thread of the app.

The GUI's controller (and anything else that lives on another thread) hands coroutines to
:meth:`LoopThread.submit` and gets a :class:`concurrent.futures.Future` back. ``stop()``
cancels whatever is still pending, lets it unwind, stops the loop and joins the thread; it
is safe to call twice and from a thread that never started the loop.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import threading
from collections.abc import Coroutine
from types import TracebackType
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")

THREAD_NAME = "sora-io"


class LoopThread:
    """A thread named ``sora-io`` running one asyncio event loop until :meth:`stop`."""

    def __init__(self, name: str = THREAD_NAME) -> None:
        self._name = name
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._started = threading.Event()
        self._lock = threading.Lock()
        self._stopped = False

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        if self._loop is None:
            raise RuntimeError("the I/O loop is not running; call start() first")
        return self._loop

    @property
    def is_running(self) -> bool:
        return self._thread is not None and self._thread.is_alive() and not self._stopped

    def start(self) -> None:
        with self._lock:
            if self._thread is not None:
                raise RuntimeError("LoopThread.start() called twice")
            loop = asyncio.new_event_loop()
            self._loop = loop
            self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
            self._thread.start()
        self._started.wait()

    def _run(self) -> None:
        loop = self.loop
        asyncio.set_event_loop(loop)
        loop.call_soon(self._started.set)
        try:
            loop.run_forever()
        finally:
            try:
                loop.run_until_complete(loop.shutdown_asyncgens())
                loop.run_until_complete(loop.shutdown_default_executor())
            finally:
                loop.close()

    def submit(self, coro: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        """Schedule ``coro`` on the I/O loop from any thread."""
        if not self.is_running:
            coro.close()  # never leave a "coroutine was never awaited" warning behind
            raise RuntimeError("the I/O loop is not running")
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    def run(self, coro: Coroutine[Any, Any, T], timeout: float | None = None) -> T:
        """Submit ``coro`` and block the calling thread until it finishes (not from the loop)."""
        return self.submit(coro).result(timeout)

    def stop(self, timeout: float = 10.0) -> None:
        """Cancel pending tasks, let them unwind, stop the loop and join the thread."""
        with self._lock:
            if self._stopped or self._thread is None:
                self._stopped = True
                return
            self._stopped = True
            thread = self._thread
            loop = self.loop
        if thread.is_alive():
            try:
                fut = asyncio.run_coroutine_threadsafe(_cancel_all(), loop)
                fut.result(timeout)
            except (concurrent.futures.TimeoutError, RuntimeError):
                log.warning("I/O tasks did not finish within %.1f s of being cancelled", timeout)
            loop.call_soon_threadsafe(loop.stop)
            thread.join(timeout)
            if thread.is_alive():  # pragma: no cover - only with a task that ignores cancel
                log.error("the I/O thread did not stop within %.1f s", timeout)

    def __enter__(self) -> LoopThread:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


async def _cancel_all() -> None:
    current = asyncio.current_task()
    tasks = [t for t in asyncio.all_tasks() if t is not current and not t.done()]
    for task in tasks:
        task.cancel()
    if tasks:
        results = await asyncio.gather(*tasks, return_exceptions=True)
        for result in results:
            if isinstance(result, Exception):
                log.debug("task ended with %r while the I/O loop stopped", result)
