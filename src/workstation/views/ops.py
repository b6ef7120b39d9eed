"""Background operations with results on the GUI thread (Anki's QueryOp shape).

    op = run_op(self, lambda progress, cancel: slow(progress, cancel),
                on_done=self.show_result, on_error=self.show_error)
    op.cancel()   # asks the function to stop: it polls ``cancel.is_set()``

The function runs on a QThreadPool worker; ``progress(done, total)`` may be
called from it at any rate (forwarded as a queued signal); ``on_done``,
``on_error`` and ``on_progress`` run on the GUI thread. A store session must
be opened inside the function, never shared with the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

_pool: QThreadPool | None = None


def pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(4)
    return _pool


class Op(QObject):
    sig_done = Signal(object)
    """The function returned; carries its result."""
    sig_error = Signal(object)
    """The function raised; carries the exception."""
    sig_progress = Signal(int, int)
    """(done, total) reported by the function."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cancel_event = threading.Event()
        self.finished = threading.Event()

    def cancel(self) -> None:
        self.cancel_event.set()


class _Runner(QRunnable):
    def __init__(self, op: Op, fn: Callable[..., Any]) -> None:
        super().__init__()
        self.op, self.fn = op, fn
        self.setAutoDelete(True)

    def run(self) -> None:
        op = self.op
        try:
            result = self.fn(lambda done, total: op.sig_progress.emit(int(done), int(total)),
                             op.cancel_event)
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread
            log.debug("background op failed", exc_info=True)
            op.finished.set()
            op.sig_error.emit(exc)
            return
        op.finished.set()
        op.sig_done.emit(result)


_live: set[Op] = set()


def run_op(parent: QObject | None, fn: Callable[[Callable[[int, int], None], threading.Event], Any],
           on_done: Callable[[Any], None] | None = None,
           on_error: Callable[[BaseException], None] | None = None,
           on_progress: Callable[[int, int], None] | None = None) -> Op:
    """Run ``fn(progress, cancel_event)`` off the GUI thread."""
    op = Op(parent)
    _live.add(op)
    if on_done:
        op.sig_done.connect(on_done)
    if on_error:
        op.sig_error.connect(on_error)
    else:
        op.sig_error.connect(lambda exc: log.error("background operation failed: %s", exc))
    if on_progress:
        op.sig_progress.connect(on_progress)
    op.sig_done.connect(lambda _r: _live.discard(op))
    op.sig_error.connect(lambda _e: _live.discard(op))
    pool().start(_Runner(op, fn))
    return op
