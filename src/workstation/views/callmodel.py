"""The model of "the call": one QObject per call, all owned by one :class:`Calls`.

    calls = Calls(engine)                       # the call center owns it
    calls.sig_added.connect(controller.on_call) # an INVITE, or a call dialled here
    model.sig_changed.connect(view.render)      # softphone, workspace, controller observe

A :class:`CallModel` carries what every call-related view shows: line,
direction, remote party, lead, state, timings, recording and quality. Only
:class:`Calls` changes what signalling says (fed by the telephony engine's
signals, on the GUI thread where the engine lives); the controller adds the
lead, the workspace the pop's latency. Views read the model, never each
other's widgets.

Two lines (:data:`MAX_LINES`): an INVITE while one call is live is a waiting
call (``waiting``: it rings softly, the manager answers it, the first going on
hold, rejects it, sends it busy or to voicemail); an INVITE while both lines
are live is answered 486 Busy Here (and still reported, so that the call log
has it). :attr:`Calls.active` is the line the manager talks on (answered,
swapped to, resumed, or dialled as a consultation); ``sig_active`` tells the
workspace, whose screen pop follows it. The line actions (:meth:`Calls.answer`,
:meth:`Calls.swap`, :meth:`Calls.consult`, :meth:`Calls.complete_transfer`,
:meth:`Calls.return_to_first`, :meth:`Calls.conference`...) run on the GUI
thread through the engine's public methods and raise ``TelephonyError`` with
a user-readable message.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from datetime import datetime
from urllib.parse import unquote

from PySide6.QtCore import QObject, QTimer, Signal

from workstation.domain import phones
from workstation.telephony.engine import TelephonyError

RINGING, DIALLING, CONNECTED, ENDED, FAILED = "ringing", "dialling", "connected", "ended", "failed"
LIVE = (RINGING, DIALLING, CONNECTED)
INCOMING, SOFTPHONE, PLANNED = "incoming", "softphone", "planned"
MAX_LINES = 2
"""Calls live at once; a further INVITE gets 486 Busy Here."""
"""Where a call came from: an INVITE, a number typed into the softphone, the
call center (click-to-call, next lead: the card is shown before it rings)."""


def caller_number(remote_number: str, remote_uri: str = "") -> str:
    """The caller's number as text the phone normaliser understands.

    The user part of the From URI, percent-decoded (``+380%2067%20123…``); when
    that is not a phone number, the display name (``"+380 67 123 45 67"
    <sip:anonymous@…>``) if it is one.
    """
    number = unquote(remote_number or "").strip()
    if phones.try_normalize(number) is None and remote_uri:
        display = remote_uri.split("<", 1)[0].strip().strip('"').strip()
        if display and phones.looks_like_phone(display):
            return display
    return number


class CallModel(QObject):
    sig_changed = Signal()
    """Something about the call changed (state, lead, hold, mute, quality...)."""

    def __init__(self, call_id: uuid.UUID | None, direction: str, number: str, *,
                 key: str | None = None, origin: str = PLANNED, line: int = 0,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.call_id, self.direction, self.number = call_id, direction, number
        """Row id of the call log (None: a card shown with no call); "in" | "out"; the
        remote party's number as signalling gave it."""
        self.key, self.origin, self.line = key, origin, line
        self.state = RINGING if direction == "in" else DIALLING
        self.sip_state = ""
        """pjsua2's last invite state name ("early", "confirmed"...)."""
        self.remote_uri = self.remote_number = self.sip_call_id = ""
        """The From/To URI, its user part as signalling gave it, SIP's Call-ID."""
        self.lead_id: uuid.UUID | None = None
        self.interest = False
        """The caller is no lead: the card is an "Interest" card."""
        self.received_at = time.perf_counter()
        """When pjsua2 handed the INVITE over (or the call was planned)."""
        self.started_at: datetime | None = None
        self.answered_at: datetime | None = None
        self.ended_at: datetime | None = None
        self.answered_clock: float | None = None
        """time.monotonic() when the call was answered (the softphone's clock)."""
        self.ended = False
        self.outcome: str | None = None
        self.talk_seconds: float | None = None
        self.record = None
        """The engine's CallRecord once the call ended (SIP status, ring time...)."""
        self.recording_path = ""
        self.held = self.muted = False
        self.waiting = False
        """A second call ringing while the manager is on a call (call waiting)."""
        self.preview = ""
        """Who is calling, from the screen-pop lookup ("Company · Contact"), for a waiting call."""
        self.consult_of: uuid.UUID | None = None
        """A consultation call: the call id of the call to be transferred to it."""
        self.conference = False
        """Mixed with the other line (both parties and the manager hear each other)."""
        self.transferring = False
        self.shown = False
        """The workspace has shown this call's card at least once."""
        self.draft = None
        """The unsaved card edits, wrap-up and script walk of this call while its line
        is not the one shown (a ``views.workspace.draft.Draft``); the controller takes
        it when the card leaves this call and puts it back when it returns, and drops
        it when the wrap-up is saved or discarded."""
        self.signalling_tls: bool | None = None  # the call's security, once media is up
        self.media_security = ""  # "srtp" or "rtp"
        self.stats = None
        """The engine's latest RTP statistics (telephony.call.CallStats)."""
        self.error = ""
        self.pop_latency_ms: float | None = None
        """INVITE (or plan) to the card painted, measured by the workspace."""
        self.pop_seq = 0
        """The workspace's pop of this call: completions of an earlier pop are dropped."""
        # the call log's bookkeeping (the controller writes the row)
        self.inserted = self.latency_written = False
        self.insert_fields: dict | None = None

    @property
    def live(self) -> bool:
        return self.state in LIVE and bool(self.key)

    @property
    def latency_ms(self) -> float | None:
        return self.pop_latency_ms

    @latency_ms.setter
    def latency_ms(self, value: float | None) -> None:
        self.pop_latency_ms = value

    def update(self, **fields) -> None:
        for name, value in fields.items():
            if not hasattr(self, name):
                raise AttributeError(f"CallModel has no field {name!r}")
            setattr(self, name, value)
        self.sig_changed.emit()


class Calls(QObject):
    """Every call of this workstation, by row id and by engine key; the one owner."""

    sig_added = Signal(object)
    """A call began ringing or dialling (a CallModel)."""
    sig_connected = Signal(object)
    """A call was answered (a CallModel)."""
    sig_ended = Signal(object)
    """A call is over (a CallModel; its ``record`` has the signalling facts)."""
    sig_active = Signal(object)
    """The manager switched to another line (a CallModel): answered a waiting call,
    swapped, resumed, dialled a consultation. The screen pop follows it."""
    sig_waiting = Signal(object)
    """A second call rings while on a call (a CallModel, ``waiting`` set)."""

    KEEP = 50
    """Calls over and wrapped up are forgotten beyond this many."""

    def __init__(self, engine=None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self._calls: dict[uuid.UUID, CallModel] = {}
        self._by_key: dict[str, uuid.UUID] = {}
        self.active: CallModel | None = None
        """The line the manager talks on (None: idle, or its call ended)."""
        if engine is not None:  # connected first: every observer sees the model updated
            engine.sig_incoming.connect(self._on_incoming)
            engine.sig_call_state.connect(self._on_state)
            engine.sig_call_stats.connect(self._on_stats)
            engine.sig_hold.connect(lambda key, held: self._set(key, held=held))
            engine.sig_mute.connect(lambda key, muted: self._set(key, muted=muted))
            engine.sig_call_ended.connect(self._on_ended)
            engine.sig_call_security.connect(
                lambda key, tls, media: self._set(key, signalling_tls=tls, media_security=media))

    # -- a dict of calls by row id ---------------------------------------------------
    def get(self, call_id) -> CallModel | None:
        return self._calls.get(call_id)

    def __getitem__(self, call_id) -> CallModel:
        return self._calls[call_id]

    def __iter__(self) -> Iterator[uuid.UUID]:
        return iter(list(self._calls))

    def __contains__(self, call_id) -> bool:
        return call_id in self._calls

    def __len__(self) -> int:
        return len(self._calls)

    def by_key(self, key: str | None) -> CallModel | None:
        cid = self._by_key.get(key) if key else None
        return self._calls.get(cid) if cid is not None else None

    def live(self) -> list[CallModel]:
        return [c for c in self._calls.values() if c.live]

    def other(self, model: CallModel | None) -> CallModel | None:
        """The other live line's call."""
        return next((c for c in self.live() if c is not model), None)

    def _free_line(self) -> int:
        used = {c.line for c in self.live()}
        return next(n for n in range(1, MAX_LINES + 2) if n not in used)

    # -- calls made here ------------------------------------------------------------------
    def plan(self, number: str, origin: str = PLANNED) -> CallModel:
        """An outgoing call to ``number``, not dialled yet (see :meth:`dial`)."""
        return self._add(CallModel(uuid.uuid4(), "out", number, origin=origin, parent=self))

    def dial(self, model: CallModel) -> str | None:
        """Ring ``model.number`` now; its key, or None (``model.error`` says why)."""
        if self.engine is None or not self.engine.running:
            model.update(state=FAILED, error=self.tr("The softphone is not running."))
            return None
        if len(self.live()) >= MAX_LINES:
            model.update(state=FAILED, error=self.tr("Both lines are busy."))
            return None
        try:
            key = self.engine.dial(model.number)
        except TelephonyError as exc:
            model.update(state=FAILED, error=str(exc))
            return None
        engine_call = self.engine.calls().get(key)
        model.key, model.state = key, DIALLING
        if model.origin == SOFTPHONE and engine_call is not None:  # what was typed, as dialled
            model.number = caller_number(engine_call.remote_number, engine_call.remote_uri)
        model.sip_call_id = engine_call.sip_call_id if engine_call is not None else ""
        model.remote_uri = engine_call.remote_uri if engine_call is not None else ""
        self._by_key[key] = model.call_id
        model.line = self._free_line()
        self.sig_added.emit(model)
        self._set_active(model)
        return key

    def forget_old(self) -> None:
        """Keep the last calls a while (a slow pop may still report), not all day."""
        while len(self._calls) > self.KEEP:
            oldest = next(iter(self._calls))
            if self._calls[oldest].key in self._by_key:
                break
            self._calls.pop(oldest).deleteLater()

    # -- what signalling says -----------------------------------------------------------------
    def _add(self, model: CallModel) -> CallModel:
        self._calls[model.call_id] = model
        if model.key:
            self._by_key[model.key] = model.call_id
        return model

    def _on_incoming(self, inc) -> None:
        live = len(self.live())
        model = CallModel(uuid.uuid4(), "in", caller_number(inc.remote_number, inc.remote_uri),
                          key=inc.call_key, origin=INCOMING, parent=self)
        model.received_at, model.remote_uri = inc.received_at, inc.remote_uri
        model.remote_number = inc.remote_number
        model.sip_call_id = inc.sip_call_id
        model.line = self._free_line() if live < MAX_LINES else 0
        model.waiting = 0 < live < MAX_LINES
        self._add(model)
        if live == 0:
            self.active = model
        self.sig_added.emit(model)
        if live >= MAX_LINES and self.engine is not None:
            self.engine.reject(inc.call_key)  # both lines busy: 486 Busy Here
        elif model.waiting:
            self.sig_waiting.emit(model)

    def _set(self, key: str, **fields) -> None:
        model = self.by_key(key)
        if model is not None:
            model.update(**fields)

    def _on_state(self, key: str, state: str, _code: int, _reason: str) -> None:
        model = self.by_key(key)
        if model is None:
            return
        if state == "confirmed" and model.state != CONNECTED:
            model.update(sip_state=state, state=CONNECTED, answered_clock=time.monotonic(),
                         waiting=False)
            self.sig_connected.emit(model)
        else:
            model.update(sip_state=state)

    def _on_stats(self, stats) -> None:
        model = self.by_key(stats.call_key)
        if model is not None:
            model.stats = stats

    def _on_ended(self, record) -> None:
        cid = self._by_key.pop(record.call_key, None)
        model = self._calls.get(cid) if cid is not None else None
        if model is None:
            return
        if self.active is model:
            self.active = None
        other = self.other(model)
        if model.conference and other is not None:
            other.update(conference=False)
        if other is not None and other.waiting:  # now the only call: it rings as usual
            other.update(waiting=False)
        model.update(state=ENDED, ended=True, record=record, outcome=str(record.outcome),
                     talk_seconds=record.talk_seconds, started_at=record.started_at,
                     answered_at=record.answered_at, ended_at=record.ended_at,
                     recording_path=str(record.recording_path or ""), waiting=False,
                     conference=False)
        self.sig_ended.emit(model)
        if model.transferring and other is not None and other.live:
            # transferred: the consulted party now talks to ours; with Replaces it drops
            # our leg itself, a phone without Replaces support keeps it: hang it up
            key = other.key
            QTimer.singleShot(2000, lambda: self.engine is not None and
                              other.live and other.key == key and self.engine.hangup(key))

    # -- the manager's line actions (GUI thread; TelephonyError says why not) ---------------
    def _set_active(self, model: CallModel) -> None:
        if self.active is not model:
            self.active = model
            self.sig_active.emit(model)

    def _hold_others(self, model: CallModel) -> None:
        engine_calls = self.engine.calls()
        for c in self.live():
            ctx = engine_calls.get(c.key)
            if ctx is None or ctx.ended:
                continue  # hung up a moment ago: its end is on its way
            if c is not model and c.answered_clock is not None and not c.held \
                    and not c.conference:
                self.engine.hold(c.key)

    def answer(self, model: CallModel) -> None:
        """Answer a ringing call; a call in progress on the other line goes on hold."""
        if not model.live or model.direction != "in" or model.answered_clock is not None:
            return
        self._hold_others(model)
        self.engine.answer(model.key)
        self._set_active(model)

    def reject(self, model: CallModel, code: int = 603) -> None:
        """Refuse a ringing call: 603 Decline, or 486 Busy Here (``code=486``)."""
        if model.live and model.answered_clock is None:
            self.engine.reject(model.key, code)

    def busy(self, model: CallModel) -> None:
        self.reject(model, 486)

    def voicemail_target(self) -> str:
        """The voicemail URI or number from the settings ("" = none configured)."""
        settings = getattr(self.engine, "settings", None)
        return (getattr(settings, "voicemail_uri", "") or "").strip()

    def to_voicemail(self, model: CallModel) -> None:
        """A ringing call to the voicemail (sip.voicemail_uri, by sip.voicemail_method)."""
        target = self.voicemail_target()
        if not target:
            raise TelephonyError(self.tr("No voicemail is set up (Settings → SIP: voicemail)."))
        if model.live and model.answered_clock is None:
            self.engine.to_voicemail(model.key, target,
                                     getattr(self.engine.settings, "voicemail_method", "302"))

    def hangup(self, model: CallModel | None) -> None:
        if model is not None and model.live:
            self.engine.hangup(model.key)

    def hold(self, model: CallModel) -> None:
        if model.live and model.answered_clock is not None and not model.held:
            if model.conference:
                self._end_conference(model)
            self.engine.hold(model.key)

    def resume(self, model: CallModel) -> None:
        """Talk on this line again: the other line goes on hold; this one becomes active."""
        if not model.live or model.answered_clock is None:
            return
        self._hold_others(model)
        if model.held:
            self.engine.resume(model.key)
        self._set_active(model)

    def swap(self) -> CallModel | None:
        """Hold the active line, resume the other one; the new active call."""
        active = self.active
        other = self.other(active) if active is not None else None
        if other is None:
            held = [c for c in self.live() if c.held]
            other = held[0] if held else None
        if other is None or other.answered_clock is None:
            return None
        self.resume(other)
        return other

    def consult(self, number: str) -> CallModel | None:
        """Attended transfer, step 1: hold the active call, dial ``number`` on the other
        line. The consultation's model (its ``error`` says why when it did not ring)."""
        first = self.active
        if first is None or not first.live or first.answered_clock is None:
            raise TelephonyError(self.tr("Answer a call first."))
        if len(self.live()) >= MAX_LINES:
            raise TelephonyError(self.tr("Both lines are busy."))
        model = self.plan(number, origin=SOFTPHONE)
        model.consult_of = first.call_id
        if not first.held:
            self.engine.hold(first.key)
        if self.dial(model) is None:
            raise TelephonyError(model.error)
        return model

    def consultation(self) -> tuple[CallModel, CallModel] | None:
        """(the call to transfer, the consultation call) while both are live."""
        for c in self.live():
            first = self._calls.get(c.consult_of) if c.consult_of else None
            if first is not None and first.live:
                return first, c
        return None

    def complete_transfer(self) -> None:
        """Attended transfer, step 2: REFER the first call's party to the consulted one
        (Refer-To with Replaces); the engine hangs up the first leg when it succeeds."""
        pair = self.consultation()
        if pair is None:
            raise TelephonyError(self.tr("No consultation call to transfer to."))
        first, consulted = pair
        if consulted.answered_clock is None:
            raise TelephonyError(self.tr("Wait until the consulted party answers."))
        self.engine.transfer_attended(first.key, consulted.key)
        first.update(transferring=True)

    def return_to_first(self) -> None:
        """Attended transfer abandoned: hang up the consultation, resume the first call."""
        pair = self.consultation()
        if pair is None:
            raise TelephonyError(self.tr("No consultation call to return from."))
        first, consulted = pair
        self.engine.hangup(consulted.key)
        self.resume(first)

    def conference(self) -> None:
        """Join the two answered lines: both parties and the manager hear each other."""
        calls = [c for c in self.live() if c.answered_clock is not None]
        if len(calls) < 2:
            raise TelephonyError(self.tr("A conference needs two answered calls."))
        a, b = calls[0], calls[1]
        self.engine.conference(a.key, b.key)
        a.update(conference=True, held=False)
        b.update(conference=True, held=False)
        if self.active not in (a, b):
            self._set_active(a)

    def _end_conference(self, model: CallModel) -> None:
        self.engine.split_conference(model.key)
        for c in self.live():
            if c.conference:
                c.update(conference=False)
