"""One call: the pjsua2 Call subclass and the plain records the engine emits.

``EngineCall`` only forwards pjsua2 callbacks to the engine (they arrive on the
engine thread: threadCnt=0, mainThreadOnly=True). ``CallContext`` is the
engine's bookkeeping for a call and keeps every pjsua2 object the call uses
(players, recorders) referenced until the call is gone.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pjsua2 as pj

from workstation.domain.enums import CallDirection, CallOutcome

if TYPE_CHECKING:
    from workstation.telephony.engine import TelephonyEngine
    from workstation.telephony.recorder import CallRecorder

STATE_NAMES = {
    pj.PJSIP_INV_STATE_NULL: "null",
    pj.PJSIP_INV_STATE_CALLING: "calling",
    pj.PJSIP_INV_STATE_INCOMING: "incoming",
    pj.PJSIP_INV_STATE_EARLY: "early",
    pj.PJSIP_INV_STATE_CONNECTING: "connecting",
    pj.PJSIP_INV_STATE_CONFIRMED: "confirmed",
    pj.PJSIP_INV_STATE_DISCONNECTED: "disconnected",
}


def utc_now() -> datetime:
    return datetime.now(UTC)


class TelephonyError(RuntimeError):
    """A telephony request that cannot be carried out (message is user-readable)."""


@dataclass(frozen=True)
class IncomingCall:
    """What ``sig_incoming`` carries."""

    call_key: str
    remote_uri: str
    remote_number: str
    source: str  # "host:port" the INVITE came from
    received_at: float  # time.perf_counter() when pjsua2 handed the INVITE over
    sip_call_id: str = ""


@dataclass(frozen=True)
class CallStats:
    """RTP statistics of one audio stream (``sig_call_stats``)."""

    call_key: str
    codec: str
    rx_packets: int
    tx_packets: int
    rx_loss: int
    tx_loss: int
    rx_jitter_ms: float
    tx_jitter_ms: float
    rtt_ms: float
    final: bool


@dataclass(frozen=True)
class CallRecord:
    """The facts of one finished call (``sig_call_ended``): outcome from signalling."""

    call_key: str
    direction: CallDirection
    remote_uri: str
    remote_number: str
    outcome: CallOutcome
    sip_status: int
    sip_reason: str
    ring_seconds: float
    talk_seconds: float
    codec: str
    rx_jitter_ms: float | None
    rx_loss: int | None
    tx_loss: int | None
    recording_path: Path | None
    started_at: datetime
    answered_at: datetime | None
    ended_at: datetime
    sip_call_id: str = ""
    media_security: str = ""  # "srtp", "rtp"; "" when no media was set up
    signalling_tls: bool | None = None  # the INVITE dialog went over TLS; None: unknown


@dataclass
class CallContext:
    key: str
    call: EngineCall
    direction: CallDirection
    remote_uri: str = ""
    remote_number: str = ""
    sip_call_id: str = ""
    started_at: datetime | None = None
    started_mono: float = field(default_factory=time.monotonic)
    answered_at: datetime | None = None
    answered_mono: float | None = None
    ended_at: datetime | None = None
    ended_mono: float | None = None
    status: int = 0
    reason: str = ""
    state: str = "null"
    media_active: bool = False
    held: bool = False
    muted: bool = False
    ghost: bool = False  # rejected by ghost-call protection: no signals
    codec: str = ""
    stats: CallStats | None = None
    recorder: CallRecorder | None = None
    recording_path: Path | None = None
    consent_player: Any = None
    consent_played: bool = False
    audio: Any = None  # AudioMedia of the call while media is active
    audio_current: bool = False  # ``audio`` is the bridge port now (no re-INVITE replaced it)
    source: Any = None  # AudioMedia feeding the call (mic)
    sink: Any = None  # AudioMedia the call feeds (speaker)
    ended: bool = False
    signalling_tls: bool | None = None
    offered_crypto: bool = False  # our last SDP offer carried SDES keys
    media_security: str = ""  # from the last SDP answer: "srtp" or "rtp"
    conference: set[str] = field(default_factory=set)  # keys of the calls mixed with this one
    refer_to: str = ""  # answered only to be REFERred there (voicemail)
    no_headset: bool = False  # never connected to the headset (voicemail hand-off)


class EngineCall(pj.Call):
    """pjsua2 Call forwarding its callbacks to the engine (engine thread)."""

    def __init__(self, engine: TelephonyEngine, account: pj.Account,
                 call_id: int = pj.PJSUA_INVALID_ID) -> None:
        super().__init__(account, call_id)
        self._engine = engine
        self.key = ""

    def onCallState(self, prm) -> None:
        self._engine._on_call_state(self)

    def onCallMediaState(self, prm) -> None:
        self._engine._on_call_media_state(self)

    def onStreamDestroyed(self, prm) -> None:
        self._engine._on_stream_destroyed(self, prm.streamIdx)

    def onCallTransferStatus(self, prm) -> None:
        self._engine._on_transfer_status(self, prm)

    def onDtmfDigit(self, prm) -> None:
        self._engine._on_dtmf(self, prm.digit)

    def onCallSdpCreated(self, prm) -> None:
        self._engine._on_sdp_created(self, prm.sdp.wholeSdp, prm.remSdp.wholeSdp)

    def onCallTsxState(self, prm) -> None:
        e = prm.e
        if e.type != pj.PJSIP_EVENT_TSX_STATE:
            return
        ts = e.body.tsxState
        if ts.type == pj.PJSIP_EVENT_RX_MSG and ts.tsx.method == "INVITE" \
                and ts.tsx.role == pj.PJSIP_ROLE_UAC:
            self._engine._on_invite_response(self, ts.src.rdata.wholeMsg)
