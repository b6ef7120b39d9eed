"""The SIP side of the engine's calls: dial, answer, hang up, DTMF, and bookkeeping.

:class:`SignallingMixin` is part of :class:`~workstation.telephony.engine.TelephonyEngine`
(its own module to keep the engine's file small, like ``lines.py``); every method runs
on the engine thread like the rest of the engine.

Bookkeeping: each call has a :class:`~workstation.telephony.call.CallContext` in
``self._calls`` (keyed by a short call key) that keeps its pjsua2 Call referenced (a
Call dropped in ``onIncomingCall`` is declined). After DISCONNECTED the context is
dropped by a queued :meth:`_finish_call`, never inside the callback: players and
recorders first, then the Call; then ``sig_call_ended`` carries its
:class:`~workstation.telephony.call.CallRecord` and the recording is merged.

Incoming INVITEs: the monitoring hook (``monitor_incoming``) sees each one from the PBX
first; one from any other source gets 403 without ringing (ghost-call protection):
only ``sig_ghost_rejected`` tells of it. Security: each call's signalling transport
(top Via of what arrived) and media security (SDES keys in the SDP answer).
"""

from __future__ import annotations

import logging
import re
import threading
import time
import uuid
from typing import TYPE_CHECKING

import pjsua2 as pj
from PySide6.QtCore import QCoreApplication, QTimer

from workstation.domain.enums import CallDirection
from workstation.domain.outcomes import outcome_from_sip
from workstation.telephony import security
from workstation.telephony.account import hostport
from workstation.telephony.call import (
    STATE_NAMES,
    CallContext,
    CallRecord,
    EngineCall,
    IncomingCall,
    TelephonyError,
    utc_now,
)
from workstation.telephony.transports import src_host

if TYPE_CHECKING:
    from workstation.telephony.recorder import CallRecorder

# The engine's log: one logger name whichever file an engine method lives in.
log = logging.getLogger("workstation.telephony.engine")

PJ_EINVALIDOP = 70013  # pj_status_t of "Invalid operation" (not exported by the wheel)

# Texts are translated in the engine's context ("TelephonyEngine"), as in lines.py.


def _user_part(uri: str) -> str:
    m = re.search(r"sips?:([^@;>]+)@", uri)
    if m:
        return m.group(1)
    m = re.search(r"sips?:([^;>]+)", uri)
    return m.group(1) if m else uri


class SignallingMixin:
    """Calls' SIP operations and callbacks, their contexts and records."""

    # ----------------------------------------------------------------- calls
    def calls(self) -> dict[str, CallContext]:
        return dict(self._calls)

    def _ctx(self, key: str) -> CallContext:
        ctx = self._calls.get(key)
        if ctx is None or ctx.ended:
            raise TelephonyError(QCoreApplication.translate(
                "TelephonyEngine", "The call has already ended."))
        return ctx

    def dial_uri(self, target: str) -> str:
        target = target.strip()
        if target.startswith(("sip:", "sips:")):
            return target
        number = re.sub(r"[\s()\-.]", "", target)
        if not number:
            raise TelephonyError(QCoreApplication.translate(
                "TelephonyEngine", "Enter a number to call."))
        if "@" in number:
            return f"sip:{number}"
        if not self.settings.configured:
            raise TelephonyError(QCoreApplication.translate(
                "TelephonyEngine", "No SIP account is set up: cannot dial a number."))
        uri = f"sip:{number}@{hostport(self.settings.domain)}"
        # A number at the PBX goes over the transport the account registered with.
        transport = self.settings.transport
        return uri if transport == "udp" else f"{uri};transport={transport}"

    def dial(self, target: str) -> str:
        """Start an outgoing call; returns its call key. Raises TelephonyError."""
        if self.account is None:
            raise TelephonyError(QCoreApplication.translate(
                "TelephonyEngine", "The SIP engine is not running."))
        uri = self.dial_uri(target)
        call = EngineCall(self, self.account)
        ctx = self._new_ctx(call, CallDirection.OUTBOUND, uri)
        del call
        err = self._try_op(ctx, "makeCall", (uri, pj.CallOpParam(True)))
        if err is not None:
            ctx.status, ctx.reason = 500, err[1]
            ctx.ended = True
            ctx.ended_at, ctx.ended_mono = utc_now(), time.monotonic()
            QTimer.singleShot(0, lambda k=ctx.key: self._finish_call(k))
            raise TelephonyError(QCoreApplication.translate("TelephonyEngine", "Cannot call %1: %2")
                                 .replace("%1", uri).replace("%2", err[1]))
        try:
            ctx.sip_call_id = ctx.call.getInfo().callIdString
        except pj.Error:
            pass
        return ctx.key

    def _new_ctx(self, call: EngineCall, direction: CallDirection, uri: str) -> CallContext:
        key = uuid.uuid4().hex[:12]
        call.key = key
        ctx = CallContext(key=key, call=call, direction=direction, remote_uri=uri,
                          remote_number=_user_part(uri), started_at=utc_now())
        self._calls[key] = ctx
        return ctx

    def _on_incoming_call(self, account, call_id: int, source: str, message: str = "") -> None:
        received = time.perf_counter()
        if self.monitor_incoming is not None and (
                self._allowed is None or src_host(source) in self._allowed) \
                and self.monitor_incoming(account, call_id, source, message):
            return  # monitoring hook: a monitoring request never becomes a line
        call = EngineCall(self, account, call_id)
        try:
            info = call.getInfo()
        except pj.Error:
            return
        ctx = self._new_ctx(call, CallDirection.INBOUND, info.remoteUri)
        ctx.sip_call_id = info.callIdString
        transport = security.via_transport(message)
        ctx.signalling_tls = (transport == "TLS") if transport else None
        host = src_host(source)
        if self._allowed is not None and host not in self._allowed:
            # Ghost-call protection: not from the PBX -> 403 without ringing, no signal.
            ctx.ghost = True
            log.warning("rejected INVITE from %s (%s): not the PBX", source, info.remoteUri)
            prm = pj.CallOpParam(True)
            prm.statusCode = 403
            prm.reason = "Forbidden"
            try:
                call.hangup(prm)
            except pj.Error:
                pass
            self.sig_ghost_rejected.emit(source)
            return
        try:
            prm = pj.CallOpParam(True)
            prm.statusCode = 180
            call.answer(prm)
        except pj.Error as exc:
            log.warning("cannot send 180: %s", exc.info())
        self.sig_incoming.emit(IncomingCall(
            call_key=ctx.key, remote_uri=info.remoteUri, remote_number=ctx.remote_number,
            source=source, received_at=received, sip_call_id=info.callIdString))
        if self.settings.auto_answer_seconds > 0:
            QTimer.singleShot(int(self.settings.auto_answer_seconds * 1000),
                              lambda k=ctx.key: self._auto_answer(k))

    def _auto_answer(self, key: str) -> None:
        ctx = self._calls.get(key)
        if any(c.key != key and not c.ended and c.answered_mono is not None
               for c in self._calls.values()):
            return  # a waiting call (second line): the manager decides, not a timer
        if ctx and not ctx.ended and ctx.state in ("incoming", "early"):
            try:
                self.answer(key)
            except TelephonyError:
                pass

    def _call_op(self, key: str, op: str, *args, retries: int = 0) -> None:
        """Run ``Call.<op>(*args)``; TelephonyError on failure.

        A re-INVITE that collides with a pending transaction (PJ_EINVALIDOP,
        the user clicked during call setup) is retried every 100 ms up to
        ``retries`` times. The error is raised outside the ``except`` block so
        no traceback keeps the pjsua2 Call alive after libDestroy (that aborts).
        """
        ctx = self._ctx(key)
        err = self._try_op(ctx, op, args)
        if err is None:
            return
        code, text = err
        del ctx
        if code == PJ_EINVALIDOP and retries > 0:
            log.info("%s on %s busy; retrying", op, key)
            QTimer.singleShot(100, lambda: self._retry_op(key, op, args, retries - 1))
            return
        raise TelephonyError(text)

    def _retry_op(self, key: str, op: str, args: tuple, retries: int) -> None:
        try:
            self._call_op(key, op, *args, retries=retries)
        except TelephonyError as exc:
            self.sig_error.emit(str(exc))

    @staticmethod
    def _try_op(ctx: CallContext, op: str, args: tuple) -> tuple[int, str] | None:
        try:
            getattr(ctx.call, op)(*args)
        except pj.Error as exc:
            return int(exc.status), exc.reason or exc.info()
        return None

    def answer(self, key: str) -> None:
        prm = pj.CallOpParam(True)
        prm.statusCode = 200
        self._call_op(key, "answer", prm)

    def reject(self, key: str, code: int = 486) -> None:
        """Reject a ringing call (486 Busy Here by default)."""
        self._hangup(key, code)

    def hangup(self, key: str) -> None:
        self._hangup(key, 0)

    def _hangup(self, key: str, code: int) -> None:
        ctx = self._calls.get(key)
        if ctx is None or ctx.ended:
            return  # already over: a late click is not an error
        prm = pj.CallOpParam(True)
        if code:
            prm.statusCode = code
        err = self._try_op(ctx, "hangup", (prm,))
        if err:
            log.info("hangup %s: %s", key, err[1])

    def send_dtmf(self, key: str, digits: str, method: str = "rfc4733") -> None:
        """Send DTMF digits: method "rfc4733" (RTP events) or "info" (SIP INFO)."""
        if not re.fullmatch(r"[0-9*#A-Da-d]+", digits or ""):
            raise TelephonyError(QCoreApplication.translate(
                "TelephonyEngine", "DTMF digits must be 0-9, *, #, A-D."))
        if method == "info":
            prm = pj.CallSendDtmfParam()
            prm.method = pj.PJSUA_DTMF_METHOD_SIP_INFO
            prm.digits = digits
            self._call_op(key, "sendDtmf", prm)
        else:
            self._call_op(key, "dialDtmf", digits)

    @staticmethod
    def _error(message: str) -> TelephonyError:
        return TelephonyError(message)

    def call_security(self, key: str) -> tuple[bool | None, str]:
        """(signalling over TLS, media security "srtp"/"rtp"/"") of a live call."""
        ctx = self._calls.get(key)
        return (ctx.signalling_tls, ctx.media_security) if ctx else (None, "")

    # ------------------------------------------------------------- callbacks
    def _on_call_state(self, call: EngineCall) -> None:
        ctx = self._calls.get(call.key)
        if ctx is None:
            return
        try:
            info = call.getInfo()
        except pj.Error:
            return
        state = STATE_NAMES.get(info.state, str(info.state))
        ctx.state = state
        ctx.status = info.lastStatusCode
        ctx.reason = info.lastReason
        if info.state == pj.PJSIP_INV_STATE_CONFIRMED and ctx.answered_mono is None:
            ctx.answered_mono, ctx.answered_at = time.monotonic(), utc_now()
            self._refer_when_confirmed(ctx)
        if info.state == pj.PJSIP_INV_STATE_DISCONNECTED:
            ctx.ended = True
            ctx.ended_mono, ctx.ended_at = time.monotonic(), utc_now()
        if not ctx.ghost:
            self.sig_call_state.emit(ctx.key, state, int(info.lastStatusCode), info.lastReason)
        if ctx.ended:
            # Never drop the Call inside its own callback: queue the cleanup.
            QTimer.singleShot(0, lambda k=ctx.key: self._finish_call(k))

    def _on_transfer_status(self, call: EngineCall, prm) -> None:
        ctx = self._calls.get(call.key)
        if ctx is None:
            return
        code, final = int(prm.statusCode), bool(prm.finalNotify)
        self.sig_transfer.emit(ctx.key, code, prm.reason, final)
        if final and 200 <= code < 300:
            prm.cont = False
            QTimer.singleShot(0, lambda k=ctx.key: self.hangup(k))

    def _on_sdp_created(self, call: EngineCall, sdp: str, remote_sdp: str) -> None:
        ctx = self._calls.get(call.key)
        if ctx is None:
            return
        crypto = security.sdp_audio_crypto(sdp)
        if not remote_sdp:
            ctx.offered_crypto = bool(crypto)  # our offer; the answer decides
        elif crypto is not None:
            # Our answer: SDES keys in it only when both sides agreed on SRTP.
            self._set_security(ctx, ctx.signalling_tls, "srtp" if crypto else "rtp")

    def _on_invite_response(self, call: EngineCall, message: str) -> None:
        ctx = self._calls.get(call.key)
        if ctx is None:
            return
        transport = security.via_transport(message)
        tls = (transport == "TLS") if transport else ctx.signalling_tls
        media = ctx.media_security
        crypto = security.sdp_audio_crypto(security.sip_body_sdp(message))
        if crypto is not None:  # the answer to our offer
            media = "srtp" if crypto and ctx.offered_crypto else "rtp"
        self._set_security(ctx, tls, media)

    def _set_security(self, ctx: CallContext, tls: bool | None, media: str) -> None:
        if (tls, media) == (ctx.signalling_tls, ctx.media_security):
            return
        ctx.signalling_tls, ctx.media_security = tls, media
        if not ctx.ghost:
            self.sig_call_security.emit(ctx.key, tls, media)

    def _on_dtmf(self, call: EngineCall, digit: str) -> None:
        if call.key in self._calls:
            self.sig_dtmf.emit(call.key, digit)

    # --------------------------------------------------------------- cleanup
    def _finish_call(self, key: str, merge_async: bool = True) -> None:
        self.split_conference(key)
        ctx = self._calls.pop(key, None)
        if ctx is None:
            return
        if ctx.media_active and self.audio_detach is not None:
            try:
                self.audio_detach(key)
            except Exception:  # noqa: BLE001
                log.exception("audio bridge detach failed")
        ctx.media_active = False
        ctx.consent_player = None
        recorder, ctx.recorder = ctx.recorder, None
        if recorder is not None:
            recorder.close()  # pjmedia finalises both part headers here
        ctx.audio = ctx.source = ctx.sink = None
        ctx.call.key = ""
        ctx.call = None  # the last reference: the pjsua2 Call goes on this thread
        if ctx.ghost:
            return
        self.sig_call_ended.emit(self._record(ctx, recorder))
        if recorder is not None:
            if merge_async:
                t = threading.Thread(target=self._merge, args=(recorder,), daemon=True,
                                     name=f"merge-{key}")
                self._threads = [x for x in self._threads if x.is_alive()] + [t]
                t.start()
            else:
                self._pending_merges.append(recorder)  # merged after libDestroy

    def _record(self, ctx: CallContext, recorder: CallRecorder | None) -> CallRecord:
        ended_mono = ctx.ended_mono or time.monotonic()
        answered = ctx.answered_mono is not None
        status = ctx.status
        outcome = outcome_from_sip(answered, status)
        ring_end = ctx.answered_mono if answered else ended_mono
        stats = ctx.stats
        return CallRecord(
            call_key=ctx.key, direction=ctx.direction, remote_uri=ctx.remote_uri,
            remote_number=ctx.remote_number, outcome=outcome, sip_status=status,
            sip_reason=ctx.reason, ring_seconds=max(0.0, ring_end - ctx.started_mono),
            talk_seconds=max(0.0, ended_mono - ctx.answered_mono) if answered else 0.0,
            codec=ctx.codec, rx_jitter_ms=stats.rx_jitter_ms if stats else None,
            rx_loss=stats.rx_loss if stats else None, tx_loss=stats.tx_loss if stats else None,
            recording_path=recorder.final_path if recorder else None,
            started_at=ctx.started_at or utc_now(), answered_at=ctx.answered_at,
            ended_at=ctx.ended_at or utc_now(), sip_call_id=ctx.sip_call_id,
            media_security=ctx.media_security, signalling_tls=ctx.signalling_tls)

