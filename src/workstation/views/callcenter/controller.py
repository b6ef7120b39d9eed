"""CallController: the calls ↔ call workspace ↔ the call log.

    controller = CallController(workspace, ctx, calls)

Every call is a :class:`~workstation.views.callmodel.CallModel` of the
one :class:`~workstation.views.callmodel.Calls` the call center owns
(fed by the telephony engine). The controller observes it and never reads or
writes a widget (the softphone observes the same calls):

* an INVITE (``calls.sig_added``, origin "incoming") → the card pops at once
  (the workspace's indexed screen-pop reads on the GUI thread), then the Call
  row (direction "in", started_at, remote number, SIP Call-ID, matched lead) is
  written in the background; the pop latency (INVITE handed over by pjsua2 →
  card, script and history painted) is written to the same row when the
  workspace reports it;
* click-to-call (``workspace.sig_dial``) and the next-lead button
  (:meth:`call_lead`) show the card first and dial (``calls.dial``) once it is
  painted; a number typed into the softphone (origin "softphone") is logged and
  its lead's card shown;
* ``calls.sig_ended`` → the Call row gets the signalling facts (outcome, SIP
  status, ring/talk time, answered/ended times, codec, jitter, loss, media
  security, TLS signalling, recording path, recording consent) and the wrap-up opens with the outcome filled in; the wrap-up itself is
  saved by the workspace through ``services.calls.save_wrapup``.

Two lines: a waiting call (``calls.sig_waiting``) is logged and gets a card
preview (lead and company from the screen-pop lookup) but leaves the card of
the call in progress; the card follows the line the manager switches to
(``calls.sig_active``). A call that ends while its card is not shown keeps
its own wrap-up: it opens (its card, its outcome) once the workspace is free
(the call shown ended and wrapped up). A card left for the other line while
its call's wrap-up was still open comes back the same way.

Each line keeps its unsaved work: when the card leaves a call (answer the
other line, swap, resume, consult, a new call popping over an open wrap-up),
the workspace's card edits, wrap-up fields and script walk are taken into that
call's model (``CallModel.draft``) and put back, exactly as typed, when its card
is shown again; a draft is dropped when its call's wrap-up is saved.

Store writes of this controller run one at a time (a small queue over
``views.ops.log_call``) so a call's insert always precedes its updates.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections import deque
from collections.abc import Callable
from datetime import datetime, timezone

from PySide6.QtCore import QObject, QTimer, Signal

from workstation.domain import phones
from workstation.domain.review import consent_of
from workstation.services import calls as call_service
from workstation.views import labels, ops
from workstation.views.callmodel import INCOMING, SOFTPHONE, CallModel, Calls
from workstation.views.ops import run_op

log = logging.getLogger(__name__)

INSERT_FALLBACK_MS = 1000
"""Write an incoming call's row by then even when its card never reports painted."""
DIAL_FALLBACK_MS = 1500
"""Dial anyway when the card has not reported painted within this time."""


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def _shown(number: str) -> str:
    e164 = phones.try_normalize(number)
    return phones.display(e164) if e164 else number


class CallController(QObject):
    sig_show_workspace = Signal()
    """A call needs the manager's eyes: bring the workspace to the front."""
    sig_call_logged = Signal(object, str)
    """A Call row was written: (call id, what: "started" | "popped" | "ended")."""
    sig_status = Signal(str)
    """A short message for the status bar."""
    sig_lease = Signal(object, str)
    """A lead's lease decision: (lead id, holder's name; "" = ours, dialling)."""

    def __init__(self, workspace, ctx, calls: Calls, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace, self.ctx, self.calls = workspace, ctx, calls
        self._writes: deque[tuple[uuid.UUID, dict, Callable | None]] = deque()
        self._writing = False
        self._pending_dial: uuid.UUID | None = None
        self._dial_timer = QTimer(self)
        self._dial_timer.setSingleShot(True)
        self._dial_timer.timeout.connect(self._dial_pending)
        self.leases = None
        """A :class:`workstation.sync.leasing.DialLeases` when a shared database is set:
        shared-pool leads are leased (off the GUI thread) before they are dialled."""
        self._leased_ok: uuid.UUID | None = None
        self._pending_wrapups: list[CallModel] = []
        """Ended calls whose wrap-up waits for the workspace (their card was not shown)."""
        self._wrapped: set[uuid.UUID] = set()

        # connected before the softphone's: the pop starts before the ring
        calls.sig_added.connect(self._on_call_added)
        calls.sig_connected.connect(self._on_connected)
        calls.sig_ended.connect(self.on_call_ended)
        calls.sig_waiting.connect(self._on_waiting)
        calls.sig_active.connect(self.show_call)
        workspace.sig_popped.connect(self._on_popped)
        workspace.sig_dial.connect(self.click_to_call)
        workspace.sig_wrapup_saved.connect(self._on_wrapup_saved)

    def _on_call_added(self, c: CallModel) -> None:
        if c.origin == INCOMING:
            self.on_incoming(c)
        elif c.origin == SOFTPHONE:
            self._on_softphone_call(c)
        if not c.waiting:  # who is on the line, for the softphone's lines (after the pop)
            QTimer.singleShot(0, lambda: c.live and not c.preview and self._preview(c))

    # -- incoming ------------------------------------------------------------------
    def on_incoming(self, c: CallModel) -> None:
        """An INVITE rang: pop the card now, log the call in the background."""
        shown = self.workspace.call
        if shown is not None and not shown.ended and shown.call_id in self.calls:
            # Busy with another call: log this one, keep the current card.
            self._insert(c, sip_call_id=c.sip_call_id)
            return
        # The Call tab comes to the front first, so that the card is laid out and
        # painted once, on screen (not filled hidden and painted again by the switch).
        self._leave_shown()
        self.sig_show_workspace.emit()
        c.shown = True
        self.workspace.pop_incoming(c.number, call=c)
        # The row is written once the card is painted (or after INSERT_FALLBACK_MS):
        # no store write competes with the pop's own reads.
        c.insert_fields = {"sip_call_id": c.sip_call_id, "started_at": utcnow()}
        QTimer.singleShot(INSERT_FALLBACK_MS, lambda: self._insert_deferred(c))

    def _on_waiting(self, c: CallModel) -> None:
        """A second call rings: who is calling, from the screen-pop lookup (indexed,
        allowed on the GUI thread) -- the card of the call in progress stays."""
        self._preview(c)

    def _preview(self, c: CallModel) -> None:
        matches = call_service.lookup_quiet(self.ctx, c.number)
        if len(matches) == 1:
            m = matches[0]
            if c.lead_id is None:
                c.lead_id = m.lead_id
            c.update(preview=" · ".join(x for x in (m.company, m.contact) if x))
        elif matches:
            c.update(preview=self.tr("%1 leads with this number").replace("%1", str(len(matches))))
        else:
            c.update(preview=self.tr("Not a lead"))

    # -- the card follows the line ------------------------------------------------
    def _shown_model(self) -> CallModel | None:
        shown = self.workspace.call
        return self.calls.get(shown.call_id) if shown is not None else None

    def workspace_free(self) -> bool:
        """No card of a call in progress or of a wrap-up not yet saved is shown."""
        shown = self.workspace.call
        if shown is None or shown.call_id not in self.calls:
            return True
        return shown.ended and shown.call_id in self._wrapped

    def show_call(self, c: CallModel) -> None:
        """The manager switched to ``c``'s line: show its card (its lead's, or the pop
        for a waiting call never shown). A wrap-up left open goes to the queue."""
        if self._shown_model() is c or (c.lead_id is None and c.direction != "in"):
            return  # (a number of no lead dialled: no card of its own, the card stays)
        self._leave_shown()
        self._show_card(c)

    def _leave_shown(self) -> None:
        """The card is about to show another call: the call shown keeps its unsaved
        work (card edits, wrap-up, script walk) on its model until it is shown again,
        and an ended call's open wrap-up is queued."""
        shown = self._shown_model()
        if shown is not None and shown.call_id not in self._wrapped:
            draft = self.workspace.take_draft()
            if draft is not None:
                shown.update(draft=draft)  # (the lines panel marks the line)
        self._stash_unsaved()

    def _resume_draft(self, c: CallModel) -> None:
        """``c``'s card was just shown: its unsaved work comes back (then it lives in
        the workspace again until the card leaves ``c``)."""
        draft = c.draft
        if draft is not None and self._shown_model() is c and self.workspace.restore_draft(draft):
            c.update(draft=None)

    def _stash_unsaved(self) -> None:
        """The card about to be replaced is an ended call's unsaved wrap-up: queue it."""
        shown = self._shown_model()
        if shown is not None and shown.ended and shown.call_id not in self._wrapped \
                and shown not in self._pending_wrapups:
            self._pending_wrapups.insert(0, shown)

    def _show_card(self, c: CallModel) -> None:
        number = phones.try_normalize(c.number, self.ctx.region) or c.number
        self.sig_show_workspace.emit()
        if c.lead_id is not None:
            c.shown = True
            self.workspace.show_lead(c.lead_id, direction=c.direction, number=number, call=c)
        elif c.draft is not None and c.draft.interest:
            # the Interest card being typed in (not the chooser again for several matches)
            self.workspace.start_interest(number, call=c)
        elif c.direction == "in":
            if not c.shown:  # a waiting call answered: the pop is timed from the answer
                c.received_at = time.perf_counter()
            c.shown = True
            self.workspace.pop_incoming(c.number, call=c)
        self._resume_draft(c)

    def _serve_pending(self) -> None:
        """Open the next waiting wrap-up when the workspace is free."""
        while self._pending_wrapups and self.workspace_free():
            c = self._pending_wrapups.pop(0)
            if c.call_id in self._wrapped or c.record is None:
                continue
            self._show_card(c)
            record = c.record
            self._finish_workspace(c, str(record.outcome), record.talk_seconds,
                                   record.started_at, record.answered_at, record.ended_at)
            return

    def _insert_deferred(self, c: CallModel) -> None:
        fields, c.insert_fields = c.insert_fields, None
        if fields is not None:
            self._insert(c, **fields)

    # -- outgoing ------------------------------------------------------------------
    def call_lead(self, lead_id: uuid.UUID, number: str) -> uuid.UUID | None:
        """Next lead / click-to-call on a known lead: card first, then dial."""
        if not number:
            self.sig_status.emit(self.tr("This lead has no phone number."))
            self.sig_show_workspace.emit()
            self.workspace.start_outgoing(lead_id, "")
            return None
        if self._busy():
            self.sig_status.emit(self.tr("Finish the current call first."))
            return None
        if self.leases is not None and self._leased_ok != lead_id:
            self._lease_then_call(lead_id, number)
            return None
        self._leased_ok = None
        c = self.calls.plan(number)
        c.lead_id = lead_id
        self.sig_show_workspace.emit()
        c.shown = True
        self.workspace.start_outgoing(lead_id, number, call=c)
        self._pending_dial = c.call_id
        self._dial_timer.start(DIAL_FALLBACK_MS)
        return c.call_id

    def click_to_call(self, number: str) -> uuid.UUID | None:
        """A phone clicked on the workspace card: the card's lead, or a plain call."""
        shown = self.workspace.call
        lead_id = shown.lead_id if shown is not None else None
        if lead_id is None:
            lead_id = self.workspace.shown_lead_id()
        if lead_id is None:
            return self._dial_now(None, number)
        return self.call_lead(lead_id, number)

    def dial_number(self, number: str) -> uuid.UUID | None:
        """A phone clicked outside the workspace (a lead-card dialog of the Leads
        tab): the number's lead (the screen-pop lookup) gets the card and the
        call; a number of no lead, or of several, is dialled as it is."""
        if self._busy():
            self.sig_status.emit(self.tr("Finish the current call first."))
            return None
        matches = call_service.lookup_quiet(self.ctx, number)  # the pop's indexed lookup
        if len(matches) == 1:
            return self.call_lead(matches[0].lead_id, number)
        return self._dial_now(None, number)

    def _busy(self) -> bool:
        return bool(self.calls.live())

    def _on_popped(self, call_id, latency_ms: float) -> None:
        c = self.calls.get(call_id) if call_id is not None else None
        if c is None:
            return
        if c.direction == "in":
            c.latency_ms = latency_ms
            if c.insert_fields is not None:
                self._insert_deferred(c)
            else:
                self._write_latency(c)
        if self._pending_dial == call_id:
            self._dial_pending()

    def _dial_pending(self) -> None:
        self._dial_timer.stop()
        pending, self._pending_dial = self._pending_dial, None
        if pending is not None:
            self._dial_now(self.calls.get(pending), None)

    def _dial_now(self, c: CallModel | None, number: str | None) -> uuid.UUID | None:
        if c is None:
            c = self.calls.plan(number or "")
            self.workspace.set_call_id(c.call_id)
        key = self.calls.dial(c)  # the softphone observes the calls: it shows this one
        if key is None:
            # Never rang: the wrap-up still opens, outcome "error" from signalling.
            self.sig_status.emit(c.error)
            now = utcnow()
            self._insert(c, outcome="error", sip_reason=c.error[:200], ended_at=now,
                         ring_seconds=0.0, talk_seconds=0.0)
            self._finish_workspace(c, "error", 0.0, now, None, now)
            return c.call_id
        self._insert(c, sip_call_id=c.sip_call_id)
        return c.call_id

    def _on_softphone_call(self, c: CallModel) -> None:
        """A number typed into the softphone: log it, and show the card when it is a lead's."""
        matches = call_service.lookup_quiet(self.ctx, c.number)  # the pop's indexed lookup
        c.lead_id = matches[0].lead_id if len(matches) == 1 else None
        if c.lead_id is not None:
            self._leave_shown()  # a consultation or a second call: line 1 keeps its work
            self.sig_show_workspace.emit()
            c.shown = True
            self.workspace.start_outgoing(c.lead_id, phones.try_normalize(c.number, self.ctx.region)
                                          or c.number, call=c)
        self._insert(c, sip_call_id=c.sip_call_id)

    # -- call progress and end ---------------------------------------------------------
    def _on_connected(self, c: CallModel) -> None:
        self.sig_status.emit(self.tr("Connected: %1").replace("%1", _shown(c.number)))

    def on_call_ended(self, c: CallModel) -> None:
        """The signalling facts go into the Call row; the wrap-up opens, outcome filled in."""
        record = c.record
        self._insert_deferred(c)
        stats = c.stats
        loss_pct = None
        if stats is not None and (stats.rx_packets + stats.rx_loss) > 0:
            loss_pct = 100.0 * stats.rx_loss / (stats.rx_packets + stats.rx_loss)
        elif record.rx_loss is not None and record.rx_loss == 0:
            loss_pct = 0.0
        outcome = str(record.outcome)
        self._update(c, "ended", outcome=outcome, sip_status=int(record.sip_status or 0),
                     sip_reason=(record.sip_reason or "")[:200],
                     ring_seconds=round(record.ring_seconds, 3),
                     talk_seconds=round(record.talk_seconds, 3),
                     answered_at=record.answered_at, ended_at=record.ended_at,
                     started_at=record.started_at, codec=record.codec or "",
                     rtp_jitter_ms=record.rx_jitter_ms, rtp_loss_pct=loss_pct,
                     recording_path=str(record.recording_path or ""),
                     sip_call_id=record.sip_call_id or "",
                     media_security=record.media_security or "",
                     signalling_tls=record.signalling_tls,
                     recording_expected=bool(self.ctx.settings.get("sip.record_calls")),
                     recording_consent=consent_of(
                         bool(record.recording_path),
                         bool(self.ctx.settings.get("sip.consent_prompt"))))
        self.sig_status.emit(self.tr("Call with %1 ended: %2. Fill in the wrap-up.")
                             .replace("%1", _shown(c.number))
                             .replace("%2", labels.outcome_label(outcome)))
        self._finish_workspace(c, outcome, record.talk_seconds, record.started_at,
                               record.answered_at, record.ended_at)

    def _finish_workspace(self, c: CallModel, outcome, talk, started, answered, ended) -> None:
        shown = self.workspace.call
        if shown is None or shown.call_id != c.call_id:
            if c.answered_clock is not None and c.shown and c not in self._pending_wrapups:
                # the other line's call: its wrap-up waits until the workspace is free
                self._pending_wrapups.append(c)
                self._serve_pending()
            return
        self.workspace.call_ended(outcome, talk_seconds=talk, call_id=c.call_id,
                                  started_at=started, answered_at=answered, ended_at=ended)
        self.sig_show_workspace.emit()

    def _lease_then_call(self, lead_id: uuid.UUID, number: str) -> None:
        """Lease a shared-pool lead in the shared database (off the GUI thread), then
        dial; when another manager holds it, say who and do not dial."""
        leases = self.leases
        leases_release_others = leases.release_all  # a lead left without a wrap-up

        def work(_p, _c):
            leases_release_others(keep=lead_id)
            return leases.acquire_for_dial(lead_id)

        def done(holder):
            self.sig_lease.emit(lead_id, holder or "")
            if holder:
                self.sig_status.emit(self.tr("busy: %1 is calling this lead").replace("%1", holder))
                return
            self._leased_ok = lead_id
            self.call_lead(lead_id, number)

        def failed(exc):
            log.error("lease of lead %s: %s", lead_id, exc)
            self._leased_ok = lead_id  # offline-first: dial without the lease
            self.call_lead(lead_id, number)

        run_op(self, work, done, failed)

    def _release_lease(self, lead_id) -> None:
        leases = self.leases
        if leases is None or lead_id is None or lead_id not in leases.held():
            return
        run_op(self, lambda _p, _c: leases.release(lead_id), lambda _r: None,
               lambda exc: log.warning("lease release: %s", exc))

    def _on_wrapup_saved(self, saved) -> None:
        c = self.calls.get(getattr(saved, "call_id", None))
        if c is not None:
            self._wrapped.add(c.call_id)
            c.update(draft=None)  # saved (a swap during the save took it again)
            self._release_lease(c.lead_id)
            # the next waiting wrap-up after this save's report has reached everyone
            # (the form's reset, the status): not inside the "saved" signal
            QTimer.singleShot(0, self._serve_pending)
        # Over and wrapped up; keep the last calls a while (a slow pop may still report).
        self.calls.forget_old()

    # -- store writes (one at a time, off the GUI thread) ----------------------------------
    def _insert(self, c: CallModel, **fields) -> None:
        e164 = phones.try_normalize(c.number, self.ctx.region) or ""
        values = dict(direction=c.direction, remote_number=c.number[:256], remote_e164=e164,
                      started_at=utcnow(), lead_id=c.lead_id, user_id=self.ctx.user.id)
        values.update(fields)
        if c.latency_ms is not None:
            values["pop_latency_ms"] = round(c.latency_ms, 3)
            c.latency_written = True

        def done(_r):
            c.inserted = True
            self.sig_call_logged.emit(c.call_id, "started")
            self._write_latency(c)

        self._queue(c.call_id, values, done)

    def _write_latency(self, c: CallModel) -> None:
        if not c.inserted or c.latency_ms is None or c.latency_written:
            return
        c.latency_written = True
        self._update(c, "popped", pop_latency_ms=round(c.latency_ms, 3))

    def _update(self, c: CallModel, what: str, **fields) -> None:
        self._queue(c.call_id, fields, lambda _r: self.sig_call_logged.emit(c.call_id, what))

    def _queue(self, call_id: uuid.UUID, values: dict, on_done: Callable | None) -> None:
        self._writes.append((call_id, values, on_done))
        self._next_write()

    def _next_write(self) -> None:
        if self._writing or not self._writes:
            return
        call_id, values, on_done = self._writes.popleft()
        self._writing = True

        def done(result):
            self._writing = False
            if on_done is not None:
                on_done(result)
            self._next_write()

        def failed(exc):
            self._writing = False
            log.error("call log write failed: %s", exc)
            self.sig_status.emit(self.tr("Could not log the call: %1").replace("%1", str(exc)))
            self._next_write()

        ops.log_call(self, self.ctx, call_id, values, done, failed)

    def idle(self) -> bool:
        """No store write queued or running (tests, shutdown)."""
        return not self._writing and not self._writes
