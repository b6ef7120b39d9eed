"""How the app ends when it is asked to from outside, and what it finishes first.

    quitter = QuitOnSignals(app)   # in main(), before the parts start
    ...
    wind_down(ws)                  # Workstation.stop(), before the parts stop
    flush_sync(ws.sync)            # Workstation.stop(), before sync stops

* SIGTERM (logout, shutdown, ``kill``), SIGINT (Ctrl+C), SIGHUP (the terminal
  went away) and the session manager's commitDataRequest end the app the way
  File → Quit does: ``app.quit()``, then ``Workstation.stop()``. Python runs a
  signal handler only when the interpreter gets control, and Qt's loop may
  sleep in poll() for seconds; so the C-level handler writes the signal number
  to a socket pair (``signal.set_wakeup_fd``) whose read end a QSocketNotifier
  watches: the loop wakes at once, no polling timer. A second signal while
  closing is ignored (the close is bounded in time); a third one gets the
  default action (the process ends at once).
* ``wind_down`` ends every call (BYE; the PBX and the client see a normal
  hang-up) and lets the loop run until the engine has finished them (the
  recording's parts closed, the stereo merge started) and the background
  store writes that this starts (the call's row, its history) are done;
  bounded in time. ``Workstation.stop()`` then unregisters and destroys the
  SIP stack as before.
* ``flush_sync`` wakes the sync worker for one more push of the outbox and
  waits for that round (bounded): a change saved just before the quit reaches
  the shared database now, not at the next start.
"""

from __future__ import annotations

import logging
import signal
import socket
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QSocketNotifier, QTimer, Signal

log = logging.getLogger(__name__)

QUIT_SIGNALS = tuple(s for s in (getattr(signal, n, None) for n in ("SIGTERM", "SIGINT", "SIGHUP"))
                     if s is not None)
WIND_DOWN_S = 5.0
"""At most this long for calls to end and the store writes they start."""
SYNC_FLUSH_S = 3.0
"""At most this long for the last push of the outbox."""


class QuitOnSignals(QObject):
    """SIGTERM/SIGINT/SIGHUP and the session manager's quit → ``quit()`` on the GUI thread."""

    sig_quit_requested = Signal(str)
    """Why the app is closing ("SIGTERM", "session manager", …); emitted once."""

    def __init__(self, app: QCoreApplication, quit: Callable[[], None] | None = None,
                 signals: tuple[int, ...] = QUIT_SIGNALS) -> None:
        super().__init__(app)
        self._quit = quit or app.quit
        self.reason: str | None = None
        self._count = 0
        self._rsock, self._wsock = socket.socketpair()
        for s in (self._rsock, self._wsock):
            s.setblocking(False)
        self._old_fd = signal.set_wakeup_fd(self._wsock.fileno(), warn_on_full_buffer=False)
        self._old_handlers = {sig: signal.signal(sig, self._on_signal) for sig in signals}
        self._notifier = QSocketNotifier(self._rsock.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        commit = getattr(app, "commitDataRequest", None)
        if commit is not None:  # QGuiApplication: the desktop session is ending
            commit.connect(self._session_ending)
        app.aboutToQuit.connect(self._closing)  # File → Quit: a signal now only waits

    def _closing(self) -> None:
        if self.reason is None:
            self.reason = "quit"

    def _on_signal(self, signum: int, _frame) -> None:
        """Python-level handler: runs whenever the interpreter gets to it (maybe only
        after Qt woke up for the socket). The count decides; the quit itself is
        always done by ``_drain`` on the GUI thread, inside the loop."""
        self._count += 1
        if self._count >= 3:
            log.warning("%s a third time: ending at once", signal.Signals(signum).name)
            signal.signal(signum, signal.SIG_DFL)
            signal.raise_signal(signum)

    def _drain(self, *_args) -> None:
        try:
            data = self._rsock.recv(64)
        except OSError:
            return
        for signum in data:
            try:
                name = signal.Signals(signum).name
            except ValueError:
                continue
            self.request_quit(name)

    def _session_ending(self, *_args) -> None:
        self.request_quit("session manager")

    def request_quit(self, reason: str) -> None:
        """Close as File → Quit does; further requests while closing are logged only."""
        if self.reason is not None:
            log.info("%s while closing (%s): already closing", reason, self.reason)
            return
        self.reason = reason
        log.info("%s: closing", reason)
        self.sig_quit_requested.emit(reason)
        self._quit()

    def uninstall(self) -> None:
        """Give the signals back their previous handlers (tests; safe twice)."""
        if self._notifier is None:
            return
        for sig, old in self._old_handlers.items():
            signal.signal(sig, old if old is not None else signal.SIG_DFL)
        signal.set_wakeup_fd(self._old_fd)
        self._notifier.setEnabled(False)
        self._notifier = None
        self._rsock.close()
        self._wsock.close()


def pump_until(done: Callable[[], bool], timeout: float, step_ms: int = 10) -> bool:
    """Run the Qt loop until ``done()`` or ``timeout`` seconds; returns ``done()``."""
    if done():
        return True
    deadline = time.monotonic() + timeout
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(step_ms)
    timer.timeout.connect(lambda: (done() or time.monotonic() >= deadline) and loop.quit())
    timer.start()
    loop.exec()
    timer.stop()
    return done()


def _pool_idle() -> Callable[[], bool]:
    """True once the background pool was idle at two checks in a row (a finished
    write may start the next one when its result is handed to the GUI thread)."""
    # (deferred: the views and the store load only when a window waits for its work)
    from workstation.views.ops import pool

    seen = [0]

    def idle() -> bool:
        seen[0] = seen[0] + 1 if pool().activeThreadCount() == 0 else 0
        return seen[0] >= 2

    return idle


def wind_down(ws, timeout: float = WIND_DOWN_S) -> None:
    """End every call cleanly and let the app finish the work that starts (see module doc)."""
    deadline = time.monotonic() + timeout
    engine = ws.engine
    if engine is not None and engine.running and engine.calls():
        keys = list(engine.calls())
        log.info("ending %d call(s) before closing", len(keys))
        for key in keys:
            engine.hangup(key)
        if not pump_until(lambda: not engine.calls(), max(0.0, deadline - time.monotonic())):
            log.warning("calls still up after %.1f s; the SIP stack's stop ends them", timeout)
    if ws.window is not None:
        pump_until(_pool_idle(), max(0.0, deadline - time.monotonic()))


def flush_sync(sync, timeout: float = SYNC_FLUSH_S) -> bool:
    """One more push round of the sync worker, waited for at most ``timeout`` s.

    True when a round ended with nothing left waiting.
    """
    if sync is None:
        return False
    before = sync.last
    if not before.connected:  # offline: the outbox waits for the next start
        log.info("sync: offline at quit; %s change(s) pushed at the next start", before.waiting)
        return False
    sync.wake()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        st = sync.last
        # changes the shared database refused stay in the outbox: not waited for
        if st is not before and st.connected and st.waiting <= getattr(st, "rejected", 0):
            return True
        time.sleep(0.02)
    log.info("sync: %s change(s) still waiting at quit; pushed at the next start",
             sync.last.waiting)
    return False
