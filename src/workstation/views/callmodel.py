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

One line: an INVITE while another call is live is answered 486 Busy Here
(and still reported, so that the call log has it).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from datetime import datetime
from urllib.parse import unquote

from PySide6.QtCore import QObject, Signal

from workstation.domain import phones
from workstation.telephony.engine import TelephonyError

RINGING, DIALLING, CONNECTED, ENDED, FAILED = "ringing", "dialling", "connected", "ended", "failed"
LIVE = (RINGING, DIALLING, CONNECTED)
INCOMING, SOFTPHONE, PLANNED = "incoming", "softphone", "planned"
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

    KEEP = 50
    """Calls over and wrapped up are forgotten beyond this many."""

    def __init__(self, engine=None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self._calls: dict[uuid.UUID, CallModel] = {}
        self._by_key: dict[str, uuid.UUID] = {}
        if engine is not None:  # connected first: every observer sees the model updated
            engine.sig_incoming.connect(self._on_incoming)
            engine.sig_call_state.connect(self._on_state)
            engine.sig_call_stats.connect(self._on_stats)
            engine.sig_hold.connect(lambda key, held: self._set(key, held=held))
            engine.sig_mute.connect(lambda key, muted: self._set(key, muted=muted))
            engine.sig_call_ended.connect(self._on_ended)

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

    # -- calls made here ------------------------------------------------------------------
    def plan(self, number: str, origin: str = PLANNED) -> CallModel:
        """An outgoing call to ``number``, not dialled yet (see :meth:`dial`)."""
        return self._add(CallModel(uuid.uuid4(), "out", number, origin=origin, parent=self))

    def dial(self, model: CallModel) -> str | None:
        """Ring ``model.number`` now; its key, or None (``model.error`` says why)."""
        if self.engine is None or not self.engine.running:
            model.update(state=FAILED, error=self.tr("The softphone is not running."))
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
        self.sig_added.emit(model)
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
        busy = bool(self.live())
        model = CallModel(uuid.uuid4(), "in", caller_number(inc.remote_number, inc.remote_uri),
                          key=inc.call_key, origin=INCOMING, parent=self)
        model.received_at, model.remote_uri = inc.received_at, inc.remote_uri
        model.remote_number = inc.remote_number
        model.sip_call_id = inc.sip_call_id
        self._add(model)
        self.sig_added.emit(model)
        if busy and self.engine is not None:
            self.engine.reject(inc.call_key)  # one line: 486 Busy Here

    def _set(self, key: str, **fields) -> None:
        model = self.by_key(key)
        if model is not None:
            model.update(**fields)

    def _on_state(self, key: str, state: str, _code: int, _reason: str) -> None:
        model = self.by_key(key)
        if model is None:
            return
        if state == "confirmed" and model.state != CONNECTED:
            model.update(sip_state=state, state=CONNECTED, answered_clock=time.monotonic())
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
        model.update(state=ENDED, ended=True, record=record, outcome=str(record.outcome),
                     talk_seconds=record.talk_seconds, started_at=record.started_at,
                     answered_at=record.answered_at, ended_at=record.ended_at,
                     recording_path=str(record.recording_path or ""))
        self.sig_ended.emit(model)
