"""The engine-signal API :class:`views.callmodel.Calls` listens to, and a session
context for a member of the shared database."""

from __future__ import annotations

import itertools
import time
from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QObject, Signal

from workstation.domain.enums import CallDirection, CallOutcome
from workstation.services.context import Context, SignedInUser
from workstation.telephony.call import CallRecord, IncomingCall

_keys = itertools.count(1)


class EngineSignals(QObject):
    """The telephony engine's signals that :class:`views.callmodel.Calls` connects to,
    emitted with the engine's own payload types (IncomingCall, CallRecord)."""

    sig_incoming = Signal(object)
    sig_call_state = Signal(str, str, int, str)
    sig_call_stats = Signal(object)
    sig_hold = Signal(str, bool)
    sig_mute = Signal(str, bool)
    sig_call_ended = Signal(object)
    sig_call_security = Signal(str, object, str)
    running = False

    def __init__(self) -> None:
        super().__init__()
        self.rejected: list[str] = []

    def reject(self, key: str) -> None:
        """Calls' one-line rule answers a second INVITE 486 (the test ends it)."""
        self.rejected.append(key)

    def ring(self, number: str = "+380671234567") -> str:
        key = f"call-{next(_keys)}"
        self.sig_incoming.emit(IncomingCall(key, f"sip:{number}@127.0.0.1", number,
                                            "127.0.0.1:5060", time.perf_counter(),
                                            f"sipid-{key}"))
        self.sig_call_state.emit(key, "early", 180, "Ringing")
        return key

    def answer(self, key: str) -> None:
        self.sig_call_state.emit(key, "confirmed", 200, "OK")

    def end(self, key: str, number: str = "+380671234567", talk: float = 10.0,
            outcome: CallOutcome = CallOutcome.SUCCESS) -> CallRecord:
        now = datetime.now(timezone.utc)
        rec = CallRecord(key, CallDirection.INBOUND, f"sip:{number}@127.0.0.1", number, outcome,
                         200 if outcome == CallOutcome.SUCCESS else 486, "", 1.0, talk, "PCMU",
                         None, None, None, None, now - timedelta(seconds=talk + 1),
                         now - timedelta(seconds=talk) if talk else None, now)
        self.sig_call_state.emit(key, "disconnected", 200, "OK")
        self.sig_call_ended.emit(rec)
        return rec


def make_context(store, user_id, *, login: str, role: str = "manager", config=None) -> Context:
    from workstation.config import Config

    return Context(store, SignedInUser(id=user_id, login=login, name=login, role=role),
                   settings=config or Config())
