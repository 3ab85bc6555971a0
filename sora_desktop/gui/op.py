"""One operation (:class:`Op`): configured with chained calls, run by :class:`Operations`.

``gui/operations.py`` holds the operation API (``Operations``) and re-exports ``Op``; the
operation groups (``gui/story_operations.py``, ``gui/batch_operations.py``) are mixins of
``Operations`` built on :class:`OperationsBase`, what they use of it.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QObject
from shiboken6 import isValid

if TYPE_CHECKING:
    from sora_desktop.core.paths import AppPaths
    from sora_desktop.gui.controller import Controller
    from sora_desktop.usecases.library import Library as JobStore

T = TypeVar("T")
Report = Callable[[int, int], None]
Work = Callable[[Report], T]
#: work that is a coroutine (network calls): made when the operation starts, run on the loop
AsyncWork = Callable[[], Coroutine[Any, Any, T]]


def _no_progress(_done: int, _total: int) -> None:
    pass


class Op(Generic[T]):
    """One operation, configured with chained calls, started by :meth:`run_in_background`."""

    def __init__(
        self,
        ops: OperationsBase,
        parent: QObject | None,
        work: Work[T] | None = None,
        *,
        coroutine: AsyncWork[T] | None = None,
    ) -> None:
        assert (work is None) != (coroutine is None), "an operation blocks or awaits, not both"
        self._ops = ops
        self._parent = parent
        self._work = work
        self._coroutine = coroutine
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._on_progress: Report | None = None

    def success(self, fn: Callable[[T], None]) -> Op[T]:
        self._on_success = fn
        return self

    def failure(self, fn: Callable[[BaseException], None]) -> Op[T]:
        """Handle a failure here instead of the error presenter."""
        self._on_failure = fn
        return self

    def with_progress(self, fn: Report) -> Op[T]:
        self._on_progress = fn
        return self

    def _alive(self) -> bool:
        return self._parent is None or isValid(self._parent)

    def _succeeded(self, result: Any) -> None:
        if self._alive() and self._on_success is not None:
            self._on_success(result)

    def _failed(self, error: BaseException) -> None:
        if not self._alive():
            return
        if self._on_failure is not None:
            self._on_failure(error)
        else:
            self._ops.show_error(error)

    def _progressed(self, done: int, total: int) -> None:
        if self._alive() and self._on_progress is not None:
            self._on_progress(done, total)

    def run_in_background(self) -> None:
        self._ops.start(self)


class OperationsBase:
    """What the operation mixins use of :class:`~sora_desktop.gui.operations.Operations`
    (its constructor sets them; it runs each :class:`Op` with :meth:`start`)."""

    _controller: Controller | None
    _library: JobStore | None
    #: the app's folders (a film is filed in the library's); None: a widget on its own
    paths: AppPaths | None
    show_error: Callable[[BaseException], None]

    def start(self, op: Op[Any]) -> None:
        raise NotImplementedError
