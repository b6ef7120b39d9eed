"""The manager's presence, derived on their workstation from the calls and the wrap-up.

    tracker = PresenceTracker(ctx, calls, workspace)   # observes, never drives a call
    tracker.start()                                    # available, heartbeat running
    tracker.choose(presence.BREAK, "lunch")            # the status bar's control
    tracker.sign_off()                                 # the app quits: offline

It only OBSERVES :class:`views.callmodel.Calls` (``sig_added``, ``sig_connected``,
``sig_ended``, each model's ``sig_changed``) and the workspace's
``sig_wrapup_saved``. Each change is written at once (a background write, in
order, with the time of the event), the commit wakes the sync worker's push, and
the shared database's NOTIFY tells the team lead's workstation. Offline the rows
wait in the outbox: nothing is lost.
"""

from __future__ import annotations

import logging
import uuid
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from workstation.domain import presence as P
from workstation.services import board as board_service
from workstation.domain.presence import utcnow
from workstation.views import ops

log = logging.getLogger(__name__)


class PresenceTracker(QObject):
    sig_state = Signal(str, str)
    """(state, detail): the state this workstation just decided (before it is written)."""
    sig_written = Signal(str)
    """A state change reached the local store (carries the state)."""

    def __init__(self, ctx, calls=None, workspace=None, *, heartbeat_s: float = P.HEARTBEAT_S,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.calls = calls
        self.chosen, self.reason = P.AVAILABLE, ""
        self.wrapup_pending = False
        self.state = P.OFFLINE
        self._key: tuple | None = None
        self._queue: deque[tuple[Callable[[], object], str | None]] = deque()
        self._busy = False
        self._running = False
        self._watched: dict = {}  # the calls seen ringing or dialling, by row id
        self.heartbeat_timer = QTimer(self)
        self.heartbeat_timer.setInterval(int(heartbeat_s * 1000))
        self.heartbeat_timer.timeout.connect(self.beat)
        if calls is not None:
            calls.sig_added.connect(self._on_added)
            calls.sig_connected.connect(self._update)
            calls.sig_ended.connect(self._on_ended)
        if workspace is not None:
            workspace.sig_wrapup_saved.connect(self.wrapup_done)

    # -- what the manager and the calls say ---------------------------------------------
    def start(self) -> None:
        """Signed in: available (or in the state the calls say), heartbeat running."""
        self._running = True
        self._key = None
        self._update()
        self.heartbeat_timer.start()

    def choose(self, state: str, reason: str = "") -> None:
        """The status bar: AVAILABLE, or BREAK with a reason. A break asked for during
        a call or its wrap-up begins when they are over."""
        if state not in (P.AVAILABLE, P.BREAK):
            raise ValueError(f"state: {state!r} is not available or break")
        self.chosen, self.reason = state, reason if state == P.BREAK else ""
        before = self._key
        self._update()
        if self._key == before and before is not None:  # e.g. a break waiting for the wrap-up
            self.sig_state.emit(self.state, before[1])

    def wrapup_done(self, *_saved) -> None:
        """The wrap-up was saved (the workspace says so, with what it saved)."""
        self.wrapup_pending = False
        self._update()

    def sign_off(self) -> None:
        """The app quits: offline now (the write is queued; the app waits for the pool)."""
        if not self._running:
            return
        self._running = False
        self.heartbeat_timer.stop()
        self._write(P.OFFLINE, "", None, None)

    def beat(self) -> None:
        if self._running:
            at, ctx = utcnow(), self.ctx  # (the work holds no QObject: see _pump)
            self._enqueue(lambda: board_service.heartbeat(ctx, at), None)

    # -- deriving -------------------------------------------------------------------
    def _on_added(self, model) -> None:
        self._watched[model.call_id] = model
        model.sig_changed.connect(self._update)
        self._update()

    def _on_ended(self, model) -> None:
        self._update()  # (the model's own change already saw it end)
        try:
            model.sig_changed.disconnect(self._update)
        except (RuntimeError, TypeError):  # already gone
            pass

    def _collect_ended(self) -> None:
        """A watched call that is over opens the wrap-up (seen on the model's own
        change, which comes before ``Calls.sig_ended``)."""
        for cid, model in list(self._watched.items()):
            if model.ended or not model.live:
                del self._watched[cid]
                if model.ended:
                    self.wrapup_pending = True

    def _primary(self):
        live = self.calls.live() if self.calls is not None else []
        connected = [c for c in live if c.state == "connected"]
        return (connected or live or [None])[0], live

    def _update(self, *_model) -> None:
        self._collect_ended()
        if not self._running:
            return
        call, live = self._primary()
        state = P.derive((c.state for c in live), self.wrapup_pending, self.chosen)
        detail, lead_id, call_id = "", None, None
        if call is not None and state in (P.ON_CALL, P.RINGING):
            arrow = "→" if call.direction == "out" else "←"
            detail = f"{arrow} {call.number}"
            lead_id, call_id = call.lead_id, call.call_id
        elif state == P.BREAK:
            detail = self.reason
        key = (state, detail, lead_id, call_id)
        if key == self._key:
            return
        self._key = key
        self.state = state
        self.sig_state.emit(state, detail)
        self._write(state, detail, lead_id, call_id)

    # -- writing, in order ------------------------------------------------------------
    def _write(self, state: str, detail: str, lead_id: uuid.UUID | None,
               call_id: uuid.UUID | None) -> None:
        at, ctx = utcnow(), self.ctx
        self._enqueue(lambda: board_service.set_state(
            ctx, state, at, detail=detail, lead_id=lead_id, call_id=call_id), state)

    def _enqueue(self, fn: Callable[[], object], state: str | None) -> None:
        self._queue.append((fn, state))
        self._pump()

    def _pump(self) -> None:
        if self._busy or not self._queue:
            return
        fn, state = self._queue.popleft()
        self._busy = True

        def done(_result) -> None:
            self._busy = False
            if state is not None:
                self.sig_written.emit(state)
                ops.bus().sig_changed.emit(ops.Changes.of(ops.PRESENCE, source=self))
            self._pump()

        def failed(exc) -> None:
            log.warning("presence not written: %s", exc)
            self._busy = False
            self._pump()

        # ``fn`` holds no QObject: a worker thread drops it, and a widget freed there
        # would stop its timers from the wrong thread
        ops.run_op(self, lambda _p, _c: fn(), done, failed)

    def idle(self) -> bool:
        """Every change is in the local store."""
        return not self._busy and not self._queue
