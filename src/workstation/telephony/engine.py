"""TelephonyEngine: the one QObject that owns pjsua2.

Threading (see ../shared/PJSUA2-NOTES.md): the Endpoint is created with
``threadCnt = 0`` and ``mainThreadOnly = True`` on the thread the engine lives
in (the Qt GUI thread in the app), and a QTimer on that thread calls
``libHandleEvents(0)``; so every SIP callback runs there and becomes a Qt
signal. RTP and the conference bridge run on pjmedia's C threads. Every
public method must be called on the engine's thread.

Object lifetime: each Call lives in ``self._calls`` (with its players and
recorders) until a queued cleanup after DISCONNECTED; the Account and the
Endpoint live until :meth:`stop`, which follows the notes' order: stop the
poll timer, hang up, poll until disconnected, drop players/recorders/calls/
account, ``gc.collect()``, ``libDestroy()``.

Headset audio hook: by default a call's audio is connected to pjsua2's null
device. The audio bridge registers ``engine.audio_attach = fn(call_key,
call_media) -> (source, sink) | None``: called on the engine thread when a
call's media becomes active, it returns the AudioMedia that feeds the call
(microphone) and the one the call feeds (speaker); the engine connects them,
honours mute and records ``source`` on the left channel.
``engine.audio_detach = fn(call_key)`` is called when the call's media goes
away. ``sig_media_active(call_key)`` is emitted after the connections, and
``call_audio_media(call_key)`` returns the call's AudioMedia.

Monitoring hook (:mod:`workstation.telephony.monitor`): ``engine.monitor_incoming =
fn(account, call_id, source, message) -> bool`` sees every INVITE from the PBX
first; True means it was a monitoring request and the monitor took it (it never
becomes a line). ``engine.monitor_stop = fn()`` ends the monitor's sessions
before the engine shuts down (its Calls must go before libDestroy).

Security (:mod:`workstation.telephony.security`): the TLS transport checks the
PBX's certificate chain and host name (``sip.tls_ca_file`` or the system CAs,
TLS 1.2); a refusal is named in ``tls_failure`` and in the failed registration's
reason. SRTP (SDES) follows ``sip.srtp``. Each call's signalling transport (top
Via of what arrived) and media security (SDES keys in the SDP answer) are kept
on its context, emitted by ``sig_call_security`` and carried in its CallRecord.
"""

from __future__ import annotations

import gc
import logging
import random
import re
import socket
import threading
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pjsua2 as pj
from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from workstation import __version__, paths
from workstation.domain.enums import CallDirection
from workstation.domain.outcomes import outcome_from_sip
from workstation.telephony import security
from workstation.telephony.account import SRTP_USE, EngineAccount, account_config, hostport
from workstation.telephony.call import (
    STATE_NAMES,
    CallContext,
    CallRecord,
    CallStats,
    EngineCall,
    IncomingCall,
    TelephonyError,
)
from workstation.telephony.lines import LinesMixin
from workstation.telephony.recorder import (CallRecorder, merge_stereo, recover_recordings,
                                            wait_closed)
from workstation.telephony.settings import SipSettings

log = logging.getLogger(__name__)
pjlog = logging.getLogger("workstation.telephony.pjsip")

PJ_EINVALIDOP = 70013  # pj_status_t of "Invalid operation" (not exported by the wheel)
AudioAttach = Callable[[str, Any], "tuple[Any, Any] | None"]


class _LogWriter(pj.LogWriter):
    def write(self, entry) -> None:
        level = logging.WARNING if entry.level <= 2 else logging.DEBUG
        if entry.level <= 1:
            level = logging.ERROR
        pjlog.log(level, "%s", entry.msg.rstrip())


class _Endpoint(pj.Endpoint):
    def __init__(self, engine: TelephonyEngine) -> None:
        super().__init__()
        self._engine = engine

    def onTransportState(self, prm) -> None:
        tls = prm.tlsInfo
        verify = None
        if not tls.isEmpty():
            verify = (int(tls.verifyStatus), list(tls.verifyMsgs), str(tls.remoteAddr))
        self._engine._on_transport_state(prm.state, prm.lastError, verify)


def _utc() -> datetime:
    return datetime.now(UTC)


def _user_part(uri: str) -> str:
    m = re.search(r"sips?:([^@;>]+)@", uri)
    if m:
        return m.group(1)
    m = re.search(r"sips?:([^;>]+)", uri)
    return m.group(1) if m else uri


def _resolve(host: str) -> set[str]:
    host = host.strip()
    if host.startswith("["):
        host = host[1:].split("]")[0]
    elif host.count(":") == 1:
        host = host.split(":")[0]
    if not host:
        return set()
    try:
        return {ai[4][0] for ai in socket.getaddrinfo(host, None)} | {host}
    except OSError:
        return {host}


def _src_host(src: str) -> str:
    if src.startswith("["):
        return src[1:].split("]")[0]
    return src.rsplit(":", 1)[0] if src.count(":") == 1 else src


class TelephonyEngine(LinesMixin, QObject):
    sig_registration = Signal(str, int, str)
    """Registration changed: state (unregistered/registering/registered/failed), SIP code, reason."""
    sig_incoming = Signal(object)
    """An incoming call is ringing: an :class:`IncomingCall`."""
    sig_call_state = Signal(str, str, int, str)
    """A call changed state: call_key, state name (calling/early/confirmed/...), code, reason."""
    sig_media_active = Signal(str)
    """A call's audio is up and connected (also after resume): call_key."""
    sig_recording_finished = Signal(str)
    """A call's stereo WAV is complete: its path."""
    sig_call_stats = Signal(object)
    """RTP statistics of a call: a :class:`CallStats`, every 5 s and once more with
    final=True when its stream ends."""
    sig_call_ended = Signal(object)
    """A call is over: its :class:`CallRecord`."""
    sig_transfer = Signal(str, int, str, bool)
    """Transfer progress of a call: call_key, status code, reason, final."""
    sig_dtmf = Signal(str, str)
    """A DTMF digit received in a call: call_key, digit."""
    sig_hold = Signal(str, bool)
    """Hold state of a call changed: call_key, held."""
    sig_mute = Signal(str, bool)
    """Mute state of a call changed: call_key, muted."""
    sig_call_security = Signal(str, object, str)
    """What protects a call changed: call_key, signalling over TLS (True/False/None:
    not known yet), media security ("srtp", "rtp" or "" before the SDP answer)."""
    sig_ghost_rejected = Signal(str)
    """An INVITE from a source that is not the PBX was rejected: source address."""
    sig_error = Signal(str)
    """A user-readable error from the engine."""

    def __init__(self, settings: SipSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.ep: _Endpoint | None = None
        self.account: EngineAccount | None = None
        self._log_writer: _LogWriter | None = None
        self._calls: dict[str, CallContext] = {}
        self._transports: dict[str, int] = {}
        self._allowed: set[str] | None = None
        self._want_registered = False
        self.registration_state = "unregistered"
        self.tls_failure = ""
        """Why the last TLS connection to the PBX was refused (user-readable), or ""."""
        self._backoff_n = 0
        self._threads: list[threading.Thread] = []
        self._pending_merges: list[CallRecorder] = []
        self.audio_attach: AudioAttach | None = None
        self.audio_detach: Callable[[str], None] | None = None
        # monitoring hook (telephony/monitor.py; see the module docstring)
        self.monitor_incoming: Callable[[Any, int, str, str], bool] | None = None
        self.monitor_stop: Callable[[], None] | None = None
        self._poll = QTimer(self)
        self._poll.setTimerType(Qt.TimerType.PreciseTimer)
        self._poll.timeout.connect(self._poll_events)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._retry_register)
        self._patch = QTimer(self)
        self._patch.setInterval(2000)
        self._patch.timeout.connect(self._patch_recordings)
        self._stats = QTimer(self)
        self._stats.setInterval(5000)  # RTCP reports come every ~5 s
        self._stats.timeout.connect(self._emit_live_stats)

    # ------------------------------------------------------------------ life
    @property
    def running(self) -> bool:
        return self.ep is not None

    def recordings_dir(self) -> Path:
        d = self.settings.recordings_dir or paths.recordings_dir()
        return paths.private_dir(Path(d))

    def start(self) -> None:
        """Create the Endpoint, transports and account; start polling. Engine thread."""
        if self.ep is not None:
            return
        s = self.settings
        if s.srtp not in SRTP_USE:
            raise TelephonyError(self.tr("sip.srtp: expected off, optional or mandatory, got %1")
                                 .replace("%1", repr(s.srtp)))
        self.ep = ep = _Endpoint(self)
        error = None
        try:
            ep.libCreate()
            cfg = pj.EpConfig()
            cfg.uaConfig.threadCnt = 0
            cfg.uaConfig.mainThreadOnly = True
            cfg.uaConfig.maxCalls = 16
            cfg.uaConfig.userAgent = f"workstation/{__version__}"
            cfg.medConfig.noVad = True
            cfg.medConfig.clockRate = 16000
            cfg.medConfig.sndClockRate = 16000
            self._log_writer = _LogWriter()
            cfg.logConfig.writer = self._log_writer
            cfg.logConfig.level = max(0, s.log_level)
            cfg.logConfig.consoleLevel = max(0, s.log_level)
            cfg.logConfig.decor = 0
            ep.libInit(cfg)
            self._create_transports()
            ep.audDevManager().setNullDev()
            self._set_codecs()
            ep.libStart()
        except pj.Error as exc:
            error = exc.info()
        del ep
        if error is not None:
            # raised outside the except block: no traceback keeps the Endpoint alive
            self._destroy_endpoint()
            raise TelephonyError(f"SIP engine failed to start: {error}")
        self._allowed = self._allowed_sources()
        self._poll.start(max(1, s.poll_ms))
        self._patch.start()
        self._stats.start()
        self._recover_recordings()
        self.account = EngineAccount(self)
        cfg = account_config(s)
        self.tls_failure = self._ca_problem() if s.transport == "tls" else ""
        self._want_registered = s.configured and not self.tls_failure
        if self._want_registered:
            self._set_registration("registering", 0, "")
        elif s.configured:  # no CA to check the PBX with: do not even try
            cfg.regConfig.registerOnAdd = False
            self._set_registration("failed", 0, self.tls_failure)
        try:
            self.account.create(cfg, True)
        except pj.Error as exc:
            self.sig_error.emit(self.tr("SIP account error: %1").replace("%1", exc.info()))
            self._set_registration("failed", 0, exc.info())
            self._schedule_retry()

    def _ca_problem(self) -> str:
        """Why the PBX's TLS certificate cannot be checked (user-readable), or ""."""
        ca = self.settings.tls_ca_file
        if ca and not Path(ca).expanduser().is_file():
            return self.tr("TLS: the CA file %1 (sip.tls_ca_file) does not exist") \
                .replace("%1", ca)
        if not ca and not security.system_ca_file():
            return self.tr("TLS: no trusted CA certificates found on this computer; "
                           "set sip.tls_ca_file")
        return ""

    def _set_codecs(self) -> None:
        wanted = [c.lower() for c in self.settings.codecs]
        for info in self.ep.codecEnum2():
            cid = info.codecId
            name = cid.lower()
            rank = next((i for i, w in enumerate(wanted) if name.startswith(w)), None)
            try:
                self.ep.codecSetPriority(cid, 0 if rank is None else 250 - rank)
            except pj.Error as exc:
                log.warning("codec %s: %s", cid, exc.info())

    def _create_transports(self) -> None:
        s = self.settings
        for name, kind, port in (("udp", pj.PJSIP_TRANSPORT_UDP, s.udp_port),
                                 ("tcp", pj.PJSIP_TRANSPORT_TCP, s.tcp_port),
                                 ("tls", pj.PJSIP_TRANSPORT_TLS, s.tls_port)):
            tc = pj.TransportConfig()
            tc.port = port
            if s.bind_address:
                tc.boundAddress = s.bind_address
                tc.publicAddress = s.bind_address
            if name != "udp":
                security.tcp_no_delay(tc.sockOptParams)
            if name == "tls":
                security.tls_client_config(tc.tlsConfig, str(Path(s.tls_ca_file).expanduser())
                                           if s.tls_ca_file else "")
            try:
                self._transports[name] = self.ep.transportCreate(kind, tc)
            except pj.Error as exc:
                # UDP and TCP are required (big INVITEs go over TCP); TLS is best effort.
                if name != "tls" or s.transport == "tls":
                    raise
                log.warning("TLS transport not available: %s", exc.info())

    def transport_port(self, name: str = "udp") -> int:
        """Local port of a transport (tests send INVITEs straight to it)."""
        info = self.ep.transportGetInfo(self._transports[name])
        return int(info.localName.rsplit(":", 1)[1])

    def _allowed_sources(self) -> set[str] | None:
        s = self.settings
        hosts = list(s.allowed_sources)
        if s.configured:
            hosts.append(hostport(s.domain))
            if s.proxy:
                hosts.append(hostport(s.proxy))
        if not hosts:
            return None  # no PBX and no list: direct-IP mode, accept everyone
        allowed: set[str] = set()
        for host in hosts:
            allowed |= _resolve(host)
        return allowed

    def stop(self) -> None:
        """Clean shutdown in the notes' order; safe mid-call and when called twice."""
        if self.ep is None:
            return
        self._retry.stop()
        self._patch.stop()
        self._stats.stop()
        self._poll.stop()
        ep = self.ep
        if self.monitor_stop is not None:  # monitoring hook: its Calls go first
            self.monitor_stop()
        try:
            ep.hangupAllCalls()
        except pj.Error:
            pass
        deadline = time.monotonic() + 3.0
        while time.monotonic() < deadline:
            ep.libHandleEvents(10)
            if all(ctx.ended for ctx in self._calls.values()):
                break
        for key in list(self._calls):
            self._finish_call(key, merge_async=False)
        self._want_registered = False
        if self.account is not None:
            # Un-REGISTER and wait for the answer (digest retry included), then
            # destroy without pjsua's fixed one-second wait for the network.
            if self.registration_state == "registered":
                try:
                    self.account.setRegistration(False)
                    deadline = time.monotonic() + 1.0
                    while time.monotonic() < deadline and \
                            self.registration_state == "registered":
                        ep.libHandleEvents(10)
                except pj.Error:
                    pass
            try:
                self.account.shutdown()
            except pj.Error:
                pass
            for _ in range(3):
                ep.libHandleEvents(5)
        self._destroy_endpoint()
        # libDestroy has closed every recorder port: the parts are final now.
        pending, self._pending_merges = self._pending_merges, []
        for recorder in pending:
            self._merge(recorder, wait=False)
        for t in self._threads:
            t.join(timeout=10)
        self._threads.clear()
        self.registration_state = "unregistered"

    def reconfigure(self, settings: SipSettings) -> None:
        """New settings (account, transports): stop and start again. Ends calls."""
        running = self.running
        self.stop()
        self.settings = settings
        if running:
            self.start()

    def _destroy_endpoint(self) -> None:
        self._calls.clear()
        self.account = None
        gc.collect()
        if self.ep is not None:
            try:
                self.ep.libDestroy(pj.PJSUA_DESTROY_NO_NETWORK)
            except pj.Error as exc:
                log.warning("libDestroy: %s", exc.info())
        self.ep = None
        self._log_writer = None
        gc.collect()

    @Slot()
    def _poll_events(self) -> None:
        ep = self.ep
        if ep is None:
            return
        for _ in range(8):
            if ep.libHandleEvents(0) <= 0:
                break

    # ---------------------------------------------------------- registration
    def _set_registration(self, state: str, code: int, reason: str) -> None:
        self.registration_state = state
        self.sig_registration.emit(state, int(code), reason)

    def _on_reg_state(self, code: int, reason: str, expiration: int) -> None:
        if 200 <= code < 300 and expiration > 0:
            self._backoff_n = 0
            self._retry.stop()
            self.tls_failure = ""
            self._set_registration("registered", code, reason)
        elif 200 <= code < 300:
            self._set_registration("unregistered", code, reason)
        else:
            log.warning("registration failed: %s %s", code, reason)
            # A refused certificate arrives first (transport state), then this 503.
            self._set_registration("failed", code, self.tls_failure or reason)
            self._schedule_retry()

    def _tls_failure_text(self, status: int, messages: list[str]) -> str:
        host = hostport(self.settings.proxy or self.settings.domain).rsplit(":", 1)[0]
        refused = self.tr("TLS: the PBX's certificate was refused: %1")
        texts = {
            security.EXPIRED: self.tr("TLS: the PBX's certificate has expired (or is not "
                                      "valid yet)"),
            security.WRONG_HOST: self.tr("TLS: the PBX's certificate is not for the host "
                                         "name %1").replace("%1", host),
            security.UNKNOWN_CA: self.tr("TLS: the PBX's certificate is signed by an unknown "
                                         "CA (self-signed, or not in sip.tls_ca_file)"),
            security.OTHER: refused.replace("%1", "; ".join(messages) or str(status)),
        }
        return "; ".join(texts[k] for k in security.verify_failures(status))

    def _to_pbx(self, remote: str) -> bool:
        """A TLS connection we opened to the registrar/proxy (not one the PBX opened to
        our listener, whose client certificate nobody asks for)."""
        pbx = hostport(self.settings.proxy or self.settings.domain)
        port = pbx.rsplit(":", 1)[1] if pbx.count(":") == 1 else "5061"
        return remote.rsplit(":", 1)[-1] == port and (
            self._allowed is None or _src_host(remote) in self._allowed)

    def _on_transport_state(self, state: int, last_error: int,
                            verify: tuple[int, list[str], str] | None = None) -> None:
        if verify is not None and self._to_pbx(verify[2]):
            status, messages, _remote = verify
            if status:
                self.tls_failure = self._tls_failure_text(status, messages)
                log.warning("TLS connection to the PBX refused: %s (%s)", self.tls_failure,
                            "; ".join(messages))
            elif state == pj.PJSIP_TP_STATE_CONNECTED:
                self.tls_failure = ""  # the certificate is good (again)
        elif verify is None and state == pj.PJSIP_TP_STATE_DISCONNECTED \
                and security.is_ssl_error(last_error) and self.settings.transport == "tls" \
                and self.registration_state in ("registering", "failed"):
            # No handshake at all: an outdated PBX (TLS 1.0/1.1 only) or no common cipher.
            # The REGISTER's failure may come first: then it is told again, with this.
            self.tls_failure = self.tr("TLS: no secure connection to the PBX (%1); this "
                                       "softphone needs TLS 1.2").replace(
                "%1", self.ep.utilStrError(last_error) if self.ep else str(last_error))
            log.warning("%s", self.tls_failure)
            if self.registration_state == "failed":
                self._set_registration("failed", 503, self.tls_failure)
        if state == pj.PJSIP_TP_STATE_DISCONNECTED and self.registration_state == "registered" \
                and self.settings.transport != "udp":
            log.warning("connection to the PBX lost (%s); re-registering", last_error)
            self._set_registration("failed", 503, "connection lost")
            self._schedule_retry()

    def _schedule_retry(self) -> None:
        if not self._want_registered or self.ep is None or self._retry.isActive():
            return
        s = self.settings
        delay = min(s.backoff_max, s.backoff_initial * (2 ** self._backoff_n))
        # ±20 % jitter: a team's workstations do not all hit a restarted PBX at once
        delay *= random.uniform(0.8, 1.2)
        self._backoff_n = min(self._backoff_n + 1, 16)
        self._retry.start(int(delay * 1000))

    @Slot()
    def _retry_register(self) -> None:
        if self.account is None or not self._want_registered:
            return
        self._set_registration("registering", 0, "")
        try:
            self.account.setRegistration(True)
        except pj.Error as exc:
            log.warning("re-register: %s", exc.info())
            self._schedule_retry()

    def register(self) -> None:
        """Register now (also resets the backoff): the user's "reconnect"."""
        self._want_registered = self.settings.configured
        self._backoff_n = 0
        self._retry.stop()
        self._retry_register()

    # ----------------------------------------------------------------- calls
    def calls(self) -> dict[str, CallContext]:
        return dict(self._calls)

    def _ctx(self, key: str) -> CallContext:
        ctx = self._calls.get(key)
        if ctx is None or ctx.ended:
            raise TelephonyError(self.tr("The call has already ended."))
        return ctx

    def dial_uri(self, target: str) -> str:
        target = target.strip()
        if target.startswith(("sip:", "sips:")):
            return target
        number = re.sub(r"[\s()\-.]", "", target)
        if not number:
            raise TelephonyError(self.tr("Enter a number to call."))
        if "@" in number:
            return f"sip:{number}"
        if not self.settings.configured:
            raise TelephonyError(self.tr("No SIP account is set up: cannot dial a number."))
        uri = f"sip:{number}@{hostport(self.settings.domain)}"
        # A number at the PBX goes over the transport the account registered with.
        transport = self.settings.transport
        return uri if transport == "udp" else f"{uri};transport={transport}"

    def dial(self, target: str) -> str:
        """Start an outgoing call; returns its call key. Raises TelephonyError."""
        if self.account is None:
            raise TelephonyError(self.tr("The SIP engine is not running."))
        uri = self.dial_uri(target)
        call = EngineCall(self, self.account)
        ctx = self._new_ctx(call, CallDirection.OUTBOUND, uri)
        del call
        err = self._try_op(ctx, "makeCall", (uri, pj.CallOpParam(True)))
        if err is not None:
            ctx.status, ctx.reason = 500, err[1]
            ctx.ended = True
            ctx.ended_at, ctx.ended_mono = _utc(), time.monotonic()
            QTimer.singleShot(0, lambda k=ctx.key: self._finish_call(k))
            raise TelephonyError(self.tr("Cannot call %1: %2").replace("%1", uri)
                                 .replace("%2", err[1]))
        try:
            ctx.sip_call_id = ctx.call.getInfo().callIdString
        except pj.Error:
            pass
        return ctx.key

    def _new_ctx(self, call: EngineCall, direction: CallDirection, uri: str) -> CallContext:
        key = uuid.uuid4().hex[:12]
        call.key = key
        ctx = CallContext(key=key, call=call, direction=direction, remote_uri=uri,
                          remote_number=_user_part(uri), started_at=_utc())
        self._calls[key] = ctx
        return ctx

    def _on_incoming_call(self, account, call_id: int, source: str, message: str = "") -> None:
        received = time.perf_counter()
        if self.monitor_incoming is not None and (
                self._allowed is None or _src_host(source) in self._allowed) \
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
        host = _src_host(source)
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

    def set_mute(self, key: str, muted: bool) -> None:
        """Stop (or restart) sending the microphone into the call."""
        ctx = self._ctx(key)
        ctx.muted = bool(muted)
        if ctx.media_active and ctx.source is not None and ctx.audio is not None:
            targets = [ctx.audio] + ([ctx.recorder.left] if ctx.recorder else [])
            for target in targets:
                try:
                    if ctx.muted:
                        ctx.source.stopTransmit(target)
                    else:
                        ctx.source.startTransmit(target)
                except pj.Error as exc:
                    log.warning("mute: %s", exc.info())
        self.sig_mute.emit(key, ctx.muted)

    def send_dtmf(self, key: str, digits: str, method: str = "rfc4733") -> None:
        """Send DTMF digits: method "rfc4733" (RTP events) or "info" (SIP INFO)."""
        if not re.fullmatch(r"[0-9*#A-Da-d]+", digits or ""):
            raise TelephonyError(self.tr("DTMF digits must be 0-9, *, #, A-D."))
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

    def call_audio_media(self, key: str):
        """The call's AudioMedia while its media is active, else None. Engine thread."""
        ctx = self._calls.get(key)
        return ctx.audio if ctx and ctx.media_active else None

    def call_security(self, key: str) -> tuple[bool | None, str]:
        """(signalling over TLS, media security "srtp"/"rtp"/"") of a live call."""
        ctx = self._calls.get(key)
        return (ctx.signalling_tls, ctx.media_security) if ctx else (None, "")

    def call_stats(self, key: str) -> CallStats | None:
        ctx = self._calls.get(key)
        if ctx is None or ctx.ended:
            return ctx.stats if ctx else None
        try:
            info = ctx.call.getInfo()
            for i, media in enumerate(info.media):
                if media.type == pj.PJMEDIA_TYPE_AUDIO and \
                        media.status != pj.PJSUA_CALL_MEDIA_NONE:
                    return self._read_stats(ctx, i, final=False)
        except pj.Error:
            pass
        return None

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
            ctx.answered_mono, ctx.answered_at = time.monotonic(), _utc()
            self._refer_when_confirmed(ctx)
        if info.state == pj.PJSIP_INV_STATE_DISCONNECTED:
            ctx.ended = True
            ctx.ended_mono, ctx.ended_at = time.monotonic(), _utc()
        if not ctx.ghost:
            self.sig_call_state.emit(ctx.key, state, int(info.lastStatusCode), info.lastReason)
        if ctx.ended:
            # Never drop the Call inside its own callback: queue the cleanup.
            QTimer.singleShot(0, lambda k=ctx.key: self._finish_call(k))

    def _on_call_media_state(self, call: EngineCall) -> None:
        ctx = self._calls.get(call.key)
        if ctx is None or ctx.ended:
            return
        try:
            info = call.getInfo()
        except pj.Error:
            return
        active = None
        for i, media in enumerate(info.media):
            if media.type == pj.PJMEDIA_TYPE_AUDIO and media.status == pj.PJSUA_CALL_MEDIA_ACTIVE:
                active = i
                break
        if active is None:
            ctx.media_active = ctx.audio_current = False
            return
        try:
            audio = call.getAudioMedia(active)
            ctx.audio = audio
            ctx.audio_current = True  # ctx.audio is the call's bridge port now
            self._connect_audio(ctx)
            try:
                ctx.codec = call.getStreamInfo(active).codecName
            except pj.Error:
                pass
        except pj.Error as exc:
            log.error("media connect failed for %s: %s", ctx.key, exc.info())
            return
        first = not ctx.media_active
        ctx.media_active = True
        if first:
            self.sig_media_active.emit(ctx.key)

    def _connect_audio(self, ctx: CallContext) -> None:
        if ctx.no_headset:
            return  # answered only to be REFERred to voicemail
        endpoints = None
        if self.audio_attach is not None and ctx.source is None:
            try:
                endpoints = self.audio_attach(ctx.key, ctx.audio)
            except Exception:  # noqa: BLE001 - a broken bridge must not kill the call
                log.exception("audio bridge attach failed; using the null device")
        if endpoints:
            ctx.source, ctx.sink = endpoints
        if ctx.source is None:
            adm = self.ep.audDevManager()
            ctx.source = adm.getCaptureDevMedia()
            ctx.sink = adm.getPlaybackDevMedia()
        ctx.audio.startTransmit(ctx.sink)
        if not ctx.muted:
            ctx.source.startTransmit(ctx.audio)
        if self.settings.record_calls and ctx.recorder is None:
            self._start_recording(ctx)
        elif ctx.recorder is not None:  # a new bridge port after hold/resume: record it too
            ctx.audio.startTransmit(ctx.recorder.right)
            if not ctx.muted:
                ctx.source.startTransmit(ctx.recorder.left)
        if self.settings.consent_prompt and not ctx.consent_played:
            self._play_consent(ctx)
        if ctx.held:  # media came up while on hold: the held party hears nothing
            self._route_headset(ctx, False)
        self._connect_conference(ctx)

    def _start_recording(self, ctx: CallContext) -> None:
        started = (ctx.started_at or _utc()).astimezone()
        number = re.sub(r"[^0-9A-Za-z+_-]", "_", ctx.remote_number)[:40] or "unknown"
        stem = self.recordings_dir() / f"{started:%Y%m%d-%H%M%S}_{ctx.direction.value}_{number}_{ctx.key}"
        try:
            rec = CallRecorder(stem)
            ctx.audio.startTransmit(rec.right)
            if not ctx.muted:
                ctx.source.startTransmit(rec.left)
        except pj.Error as exc:
            log.error("cannot record %s: %s", stem, exc.info())
            self.sig_error.emit(self.tr("Cannot record the call: %1").replace("%1", exc.reason))
            return
        ctx.recorder = rec
        ctx.recording_path = rec.final_path

    def _play_consent(self, ctx: CallContext) -> None:
        ctx.consent_played = True
        wav = self.settings.consent_wav or paths.resource("sounds", "consent.wav")
        if not Path(wav).exists():
            log.warning("consent prompt %s is missing", wav)
            return
        try:
            player = pj.AudioMediaPlayer()
            player.createPlayer(str(wav), pj.PJMEDIA_FILE_NO_LOOP)
            player.startTransmit(ctx.audio)
            if ctx.recorder:
                player.startTransmit(ctx.recorder.left)
            ctx.consent_player = player
        except pj.Error as exc:
            log.error("consent prompt: %s", exc.info())

    def _read_stats(self, ctx: CallContext, idx: int, final: bool) -> CallStats | None:
        try:
            st = ctx.call.getStreamStat(idx)
            codec = ctx.codec
            try:
                codec = ctx.call.getStreamInfo(idx).codecName or codec
            except pj.Error:
                pass
        except pj.Error:
            return None
        rtcp = st.rtcp
        stats = CallStats(
            call_key=ctx.key, codec=codec,
            rx_packets=int(rtcp.rxStat.pkt), tx_packets=int(rtcp.txStat.pkt),
            rx_loss=int(rtcp.rxStat.loss), tx_loss=int(rtcp.txStat.loss),
            rx_jitter_ms=rtcp.rxStat.jitterUsec.mean / 1000.0,
            tx_jitter_ms=rtcp.txStat.jitterUsec.mean / 1000.0,
            rtt_ms=rtcp.rttUsec.mean / 1000.0, final=final)
        ctx.codec = codec
        return stats

    def _on_stream_destroyed(self, call: EngineCall, idx: int) -> None:
        ctx = self._calls.get(call.key)
        if ctx is None or ctx.ghost:
            return
        stats = self._read_stats(ctx, idx, final=True)
        if stats is not None:
            ctx.stats = stats
            self.sig_call_stats.emit(stats)

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
            started_at=ctx.started_at or _utc(), answered_at=ctx.answered_at,
            ended_at=ctx.ended_at or _utc(), sip_call_id=ctx.sip_call_id,
            media_security=ctx.media_security, signalling_tls=ctx.signalling_tls)

    def _merge(self, recorder: CallRecorder, wait: bool = True) -> None:
        if wait:
            wait_closed([recorder.left_path, recorder.right_path])
        try:
            path = merge_stereo(recorder.left_path, recorder.right_path, recorder.final_path)
        except (OSError, ValueError) as exc:
            log.error("cannot finish recording %s: %s", recorder.final_path, exc)
            return
        self.sig_recording_finished.emit(str(path))

    def _recover_recordings(self) -> None:
        directory = self.recordings_dir()
        if not any(directory.glob("*.left.part.wav")):
            return

        def work() -> None:
            for path in recover_recordings(directory):
                self.sig_recording_finished.emit(str(path))

        t = threading.Thread(target=work, daemon=True, name="recover-recordings")
        self._threads.append(t)
        t.start()

    @Slot()
    def _emit_live_stats(self) -> None:
        for key, ctx in list(self._calls.items()):
            if ctx.media_active and not ctx.ended and not ctx.ghost:
                stats = self.call_stats(key)
                if stats is not None:
                    self.sig_call_stats.emit(stats)

    def network_changed(self) -> None:
        """The machine's network changed (Wi-Fi → cable, VPN, new address): let pjsua
        re-create transports, re-register and re-INVITE calls. Engine thread."""
        if self.ep is None:
            return
        try:
            self.ep.handleIpChange(pj.IpChangeParam())
        except pj.Error as exc:
            log.warning("IP change handling failed: %s", exc.info())
            self._schedule_retry()

    @Slot()
    def _patch_recordings(self) -> None:
        for ctx in self._calls.values():
            if ctx.recorder is not None:
                ctx.recorder.patch()


__all__ = ["TelephonyEngine", "TelephonyError", "SipSettings", "CallRecord", "CallStats",
           "IncomingCall"]
