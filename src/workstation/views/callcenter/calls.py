"""The model of "the call": one QObject per call, owned by one :class:`Calls`.

    calls = Calls(engine)                  # the call center owns it
    model = calls.dial(number, lead_id)    # or calls.track(...) for an INVITE
    model.sig_changed.connect(view.update) # softphone, workspace, controller observe

A :class:`CallModel` carries what every call-related view shows: line,
direction, remote party, lead, state, timings, recording and quality. Only
:class:`Calls` (fed by the engine's signals and the controller) changes it;
views read it and never each other's widgets.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from workstation.telephony.engine import TelephonyError

RINGING, DIALLING, CONNECTED, ENDED, FAILED = "ringing", "dialling", "connected", "ended", "failed"
LIVE = (RINGING, DIALLING, CONNECTED)


class CallModel(QObject):
    sig_changed = Signal()
    """Something about the call changed (state, lead, timings, quality...)."""

    def __init__(self, call_id: uuid.UUID, direction: str, number: str, *,
                 key: str | None = None, line: int = 0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.call_id, self.direction, self.number = call_id, direction, number
        self.key, self.line = key, line
        self.state = RINGING if direction == "in" else DIALLING
        self.lead_id: uuid.UUID | None = None
        self.started_at: datetime | None = None
        self.answered_at: datetime | None = None
        self.ended_at: datetime | None = None
        self.outcome: str | None = None
        self.talk_seconds: float | None = None
        self.recording_path = ""
        self.codec = ""
        self.jitter_ms: float | None = None
        self.loss_pct: float | None = None
        self.stats = None
        """The engine's latest RTP statistics (telephony.call.CallStats)."""
        self.error = ""
        self.pop_latency_ms: float | None = None
        # the call log's bookkeeping (the controller writes the row)
        self.inserted = False
        self.latency_written = False
        self.insert_fields: dict | None = None

    @property
    def live(self) -> bool:
        return self.state in LIVE

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
    """A call began (a CallModel): dialled here or ringing in."""
    sig_ended = Signal(object)
    """A call is over or never rang (a CallModel)."""

    KEEP = 50
    """Calls over and wrapped up are forgotten beyond this many."""

    def __init__(self, engine=None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self._calls: dict[uuid.UUID, CallModel] = {}
        self._by_key: dict[str, uuid.UUID] = {}
        if engine is not None:
            engine.sig_call_state.connect(self._on_state)

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
        return [c for c in self._calls.values() if c.live and c.key]

    # -- changes -----------------------------------------------------------------------
    def track(self, direction: str, number: str, key: str | None = None) -> CallModel:
        """A new call (an INVITE, a number typed into the softphone, a planned dial)."""
        model = CallModel(uuid.uuid4(), direction, number, key=key, parent=self)
        self._calls[model.call_id] = model
        if key:
            self._by_key[key] = model.call_id
            self.sig_added.emit(model)
        return model

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
        model.key = key
        self._by_key[key] = model.call_id
        model.update(state=DIALLING)
        self.sig_added.emit(model)
        return key

    def ended(self, key: str) -> CallModel | None:
        """The engine says the call with ``key`` is over; the model, no longer live."""
        cid = self._by_key.pop(key, None)
        model = self._calls.get(cid) if cid is not None else None
        if model is not None:
            model.update(state=ENDED)
            self.sig_ended.emit(model)
        return model

    def forget_old(self) -> None:
        while len(self._calls) > self.KEEP:
            oldest = next(iter(self._calls))
            if self._calls[oldest].key in self._by_key:
                break
            self._calls.pop(oldest).deleteLater()

    def _on_state(self, key: str, state: str, _code: int, _reason: str) -> None:
        model = self.by_key(key)
        if model is not None and state == "confirmed" and model.state != CONNECTED:
            model.update(state=CONNECTED)
