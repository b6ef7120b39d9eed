"""Live listen, whisper and barge without PBX support (issue 15, item 6).

A supervisor's workstation calls the manager's workstation on its own SIP
account, through the PBX, with a monitoring request: an INVITE carrying

    X-Workstation-Monitor: mode=listen; token=<signed token>

(:data:`HEADER`). The manager's engine hands such an INVITE to this module
(``TelephonyEngine.monitor_incoming``, the engine's one hook) and it never
becomes a line: no ringing, no card, no ``sig_incoming``.

Manager side (:class:`MonitorHub` ``on_incoming``): the request is answered only
after ``authorize(request, done)`` said yes (the shared database checks the
token: db/shared/080_monitor.sql, services/monitor.py); until then nothing is
sent but pjsip's own 100 Trying. No authorizer, a refusal, a bad header or no
call to monitor: 403/480 without a sound. Once answered, the supervisor's call
is mixed into the manager's active call on pjsua2's conference bridge:

    mode     supervisor hears     manager hears          client hears
    listen   manager + client     client                 manager
    whisper  manager + client     client + supervisor    manager
    barge    manager + client     client + supervisor    manager + supervisor

The manager side enforces it: a supervisor's client that sends audio in listen
mode is heard by nobody. The manager's mute holds for the supervisor too. The mode changes during the session with a re-INVITE
carrying the header again (``mode=whisper``, no token: the session is already
authorized); pjsua answers the re-INVITE itself.

When the monitored call ends, the monitor session ends (BYE): a supervisor
listens to one call, and a new call needs a new request (and a new token), so
nobody keeps listening to calls they did not choose. While the manager has
two lines, the session follows the active (not held) one.

Supervisor side: :meth:`MonitorHub.start` dials the manager with the header,
:meth:`set_mode` re-INVITEs, :meth:`stop` hangs up. Its audio goes through the
engine's ``audio_attach``/``audio_detach`` (the headset), else the null device.

Everything runs on the engine's thread (SIP callbacks are polled there);
``authorize``'s ``done`` may be called from any thread (it is queued back).
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pjsua2 as pj
from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

log = logging.getLogger(__name__)

HEADER = "X-Workstation-Monitor"
MODES = ("listen", "whisper", "barge")
AUTHORIZE_TIMEOUT_MS = 10000
LINE_PORTS = ("client", "recording")  # link ends that belong to the manager's line
PJ_EINVALIDOP = 70013  # "Invalid operation": another INVITE transaction is pending
_HEADER_RX = re.compile(r"^X-Workstation-Monitor[ \t]*:[ \t]*(.*?)[ \t]*\r?$",
                        re.IGNORECASE | re.MULTILINE)
_TOKEN_RX = re.compile(r"^[A-Za-z0-9._-]{1,400}$")


@dataclass(frozen=True)
class MonitorRequest:
    """An incoming monitoring request, as the authorizer sees it."""

    key: str
    mode: str
    token: str
    supervisor_sip: str  # user part of the INVITE's From (the PBX authenticated it)
    remote_uri: str
    source: str


@dataclass(frozen=True)
class MonitorGrant:
    """What the authorizer returns for a request it accepts."""

    supervisor_id: Any
    supervisor_name: str


@dataclass
class Session:
    key: str
    call: Any
    role: str  # "monitored" (this is the manager's side) or "supervising"
    mode: str
    peer: str  # who is on the other end: supervisor's name / manager's number
    token: str = ""
    state: str = "pending"  # pending, active, ended
    audio: Any = None
    target: str = ""  # the manager's call key being mixed (monitored side)
    links: list = field(default_factory=list)  # (src, dst) AudioMedia pairs we connected
    attached: bool = False
    source: Any = None
    sink: Any = None
    started: float = field(default_factory=time.monotonic)


def parse_header(value: str) -> dict[str, str]:
    """``mode=listen; token=abc`` -> {"mode": "listen", "token": "abc"} (lower-case keys)."""
    out: dict[str, str] = {}
    for part in value.split(";"):
        if "=" in part:
            k, v = part.split("=", 1)
            out[k.strip().lower()] = v.strip().strip('"')
    return out


def header_of(message: str) -> str | None:
    """The monitoring header's value in a SIP message (head only), or None."""
    head = message.split("\r\n\r\n", 1)[0]
    m = _HEADER_RX.search(head)
    return m.group(1) if m else None


def _user_part(uri: str) -> str:
    m = re.search(r"sips?:([^@;>]+)@", uri)
    return m.group(1) if m else ""


class MonitorCall(pj.Call):
    """A monitoring session's pjsua2 Call; forwards callbacks to the hub (engine thread)."""

    def __init__(self, hub: MonitorHub, account, call_id: int = pj.PJSUA_INVALID_ID) -> None:
        super().__init__(account, call_id)
        self._hub = hub
        self.key = ""

    def onCallState(self, prm) -> None:
        self._hub._on_state(self)

    def onCallMediaState(self, prm) -> None:
        self._hub._on_media(self)

    def onCallRxReinvite(self, prm) -> None:
        self._hub._on_reinvite(self, prm.rdata.wholeMsg)


class MonitorHub(QObject):
    sig_session = Signal(str, str, str, str, str)
    """A monitoring session changed: key, role ("monitored"/"supervising"), state
    ("pending"/"active"/"ended"), mode, peer (supervisor's name or the manager called)."""
    sig_refused = Signal(str, str)
    """A monitoring request was refused (monitored side): supervisor's SIP user, reason."""
    _sig_decided = Signal(str, object, str)

    def __init__(self, engine, parent: QObject | None = None) -> None:
        super().__init__(parent if parent is not None else engine)
        self.engine = engine
        self.authorize: Callable[[MonitorRequest, Callable], None] | None = None
        """``authorize(request, done)``: check the request and call ``done(grant)``
        (a :class:`MonitorGrant`) or ``done(None, reason)``, from any thread."""
        self.sessions: dict[str, Session] = {}
        self._sig_decided.connect(self._decided, Qt.ConnectionType.QueuedConnection)
        engine.monitor_incoming = self.on_incoming
        engine.monitor_stop = self.close
        engine.sig_media_active.connect(self._retarget)
        engine.sig_hold.connect(lambda *_: self._retarget())
        engine.sig_mute.connect(self._on_mute)
        engine.sig_call_ended.connect(self._on_line_ended)

    # ------------------------------------------------------------- queries
    def active(self, role: str | None = None) -> list[Session]:
        return [s for s in self.sessions.values()
                if s.state != "ended" and (role is None or s.role == role)]

    def links(self, key: str) -> list[tuple[str, str]]:
        """The bridge connections of a session by name (what the mode means), for tests."""
        s = self.sessions.get(key)
        return [(a, b) for a, b, _s, _d in s.links] if s else []

    # ------------------------------------------------------ supervisor side
    def start(self, target: str, mode: str, token: str) -> str:
        """Call ``target`` (number or URI) with a monitoring request; returns the session key."""
        if mode not in MODES:
            raise ValueError(f"monitor mode: expected one of {', '.join(MODES)}, got {mode!r}")
        if not _TOKEN_RX.match(token or ""):
            raise ValueError("monitor token: not a token")
        account = self.engine.account
        if account is None:
            raise RuntimeError("the SIP engine is not running")
        uri = self.engine.dial_uri(target)
        call = MonitorCall(self, account)
        key = "mon-" + uuid.uuid4().hex[:10]
        call.key = key
        s = Session(key=key, call=call, role="supervising", mode=mode, peer=target, token=token)
        self.sessions[key] = s
        prm = pj.CallOpParam(True)
        prm.txOption.headers.append(self._header(f"mode={mode}; token={token}"))
        try:
            call.makeCall(uri, prm)
        except pj.Error as exc:
            err = exc.info()
            s.state = "ended"
            QTimer.singleShot(0, lambda: self._drop(key))
            raise RuntimeError(f"cannot call {uri}: {err}") from None
        self.sig_session.emit(key, s.role, s.state, s.mode, s.peer)
        return key

    def set_mode(self, key: str, mode: str) -> None:
        """Switch a supervising session's mode (re-INVITE with the header)."""
        if mode not in MODES:
            raise ValueError(f"monitor mode: expected one of {', '.join(MODES)}, got {mode!r}")
        s = self.sessions.get(key)
        if s is None or s.state != "active" or s.role != "supervising":
            raise RuntimeError("no such monitoring session")
        self._reinvite(key, mode, 30)

    def _reinvite(self, key: str, mode: str, retries: int) -> None:
        s = self.sessions.get(key)
        if s is None or s.state != "active":
            return
        prm = pj.CallOpParam(True)
        prm.txOption.headers.append(self._header(f"mode={mode}"))
        try:
            s.call.reinvite(prm)
        except pj.Error as exc:
            if exc.status == PJ_EINVALIDOP and retries > 0:  # a re-INVITE in flight
                QTimer.singleShot(100, lambda: self._reinvite(key, mode, retries - 1))
                return
            raise RuntimeError(exc.info()) from None
        s.mode = mode
        self.sig_session.emit(key, s.role, s.state, s.mode, s.peer)

    def stop(self, key: str) -> None:
        s = self.sessions.get(key)
        if s is None or s.state == "ended":
            return
        self._hangup(s, 0)

    def stop_all(self) -> None:
        for s in list(self.sessions.values()):
            self.stop(s.key)

    @staticmethod
    def _header(value: str) -> pj.SipHeader:
        h = pj.SipHeader()
        h.hName = HEADER
        h.hValue = value
        return h

    # ------------------------------------------------------- monitored side
    def on_incoming(self, account, call_id: int, source: str, message: str) -> bool:
        """The engine's hook: True when the INVITE is a monitoring request (taken here)."""
        value = header_of(message)
        if value is None:
            return False
        call = MonitorCall(self, account, call_id)
        key = "mon-" + uuid.uuid4().hex[:10]
        call.key = key
        try:
            remote = call.getInfo().remoteUri
        except pj.Error:
            remote = ""
        fields = parse_header(value)
        mode, token = fields.get("mode", ""), fields.get("token", "")
        s = Session(key=key, call=call, role="monitored", mode=mode, peer=_user_part(remote))
        self.sessions[key] = s
        if mode not in MODES or not _TOKEN_RX.match(token):
            self._refuse(s, 400, "Bad monitoring request")
            return True
        if self.authorize is None:
            self._refuse(s, 403, "Monitoring is not available here")
            return True
        if self._pick_target() is None:
            self._refuse(s, 480, "No call to monitor")
            return True
        request = MonitorRequest(key=key, mode=mode, token=token, supervisor_sip=s.peer,
                                 remote_uri=remote, source=source)

        def done(grant: MonitorGrant | None, reason: str = "") -> None:
            self._sig_decided.emit(key, grant, reason)

        QTimer.singleShot(AUTHORIZE_TIMEOUT_MS,
                          lambda: self._decided(key, None, "authorization timed out"))
        try:
            self.authorize(request, done)
        except Exception as exc:  # noqa: BLE001 - any failure to check is a refusal
            log.exception("monitor authorization failed")
            self._decided(key, None, str(exc))
        return True

    @Slot(str, object, str)
    def _decided(self, key: str, grant, reason: str) -> None:
        s = self.sessions.get(key)
        if s is None or s.state != "pending" or s.role != "monitored":
            return
        if grant is None:
            self._refuse(s, 403, "Forbidden", reason)
            return
        target = self._pick_target()
        if target is None:
            self._refuse(s, 480, "No call to monitor")
            return
        s.peer = grant.supervisor_name or s.peer
        s.target = target
        prm = pj.CallOpParam(True)
        prm.statusCode = 200
        try:
            s.call.answer(prm)
        except pj.Error as exc:
            log.warning("monitor answer: %s", exc.info())
            self._hangup(s, 500)

    def _refuse(self, s: Session, code: int, sip_reason: str, why: str = "") -> None:
        log.warning("monitoring request from %s refused: %s %s", s.peer, code, why or sip_reason)
        self.sig_refused.emit(s.peer, why or sip_reason)
        self._hangup(s, code, sip_reason)

    def _pick_target(self) -> str | None:
        """The manager's active line: a call with media, not held (the latest such)."""
        best = None
        for key, ctx in self.engine.calls().items():
            if ctx.media_active and not ctx.ended and not ctx.ghost and not ctx.held:
                best = key
        return best

    # ------------------------------------------------------------ callbacks
    def _on_state(self, call: MonitorCall) -> None:
        s = self.sessions.get(call.key)
        if s is None:
            return
        try:
            info = call.getInfo()
        except pj.Error:
            return
        if info.state == pj.PJSIP_INV_STATE_DISCONNECTED:
            was = s.state
            s.state = "ended"
            s.links.clear()  # every link has this call's port at one end: gone with it
            if was != "pending" or s.role == "supervising":
                self.sig_session.emit(s.key, s.role, "ended", s.mode, s.peer)
            if s.role == "supervising" and was == "pending":
                self.sig_refused.emit(s.peer, f"{info.lastStatusCode} {info.lastReason}")
            # Never drop a Call inside its own callback.
            QTimer.singleShot(0, lambda k=s.key: self._drop(k))
        elif info.state == pj.PJSIP_INV_STATE_CONFIRMED and s.state == "pending":
            s.state = "active"
            self.sig_session.emit(s.key, s.role, s.state, s.mode, s.peer)

    def _on_media(self, call: MonitorCall) -> None:
        s = self.sessions.get(call.key)
        if s is None or s.state == "ended":
            return
        try:
            info = call.getInfo()
            for i, media in enumerate(info.media):
                if media.type == pj.PJMEDIA_TYPE_AUDIO and \
                        media.status == pj.PJSUA_CALL_MEDIA_ACTIVE:
                    s.audio = call.getAudioMedia(i)
                    break
            else:
                return
        except pj.Error as exc:
            log.error("monitor media: %s", exc.info())
            return
        if s.role == "monitored":
            self._mix(s)
        else:
            self._attach_supervisor(s)

    def _on_reinvite(self, call: MonitorCall, message: str) -> None:
        s = self.sessions.get(call.key)
        if s is None or s.role != "monitored" or s.state == "ended":
            return
        value = header_of(message)
        mode = parse_header(value).get("mode", "") if value else ""
        if mode in MODES and mode != s.mode:
            s.mode = mode
            self._mix(s)
            self.sig_session.emit(s.key, s.role, s.state, s.mode, s.peer)

    @Slot()
    def _retarget(self, *_args) -> None:
        target = self._pick_target()
        for s in self.active("monitored"):
            if s.audio is not None and target is not None and target != s.target:
                s.target = target
                self._mix(s)

    @Slot(str, bool)
    def _on_mute(self, key: str, _muted: bool) -> None:
        for s in self.active("monitored"):
            if s.target == key and s.audio is not None:
                self._mix(s)

    @Slot(object)
    def _on_line_ended(self, record) -> None:
        for s in self.active("monitored"):
            if s.target == record.call_key:
                others = self._pick_target()
                self._unmix(s, gone=LINE_PORTS)  # the line's ports went with it
                if others is not None:
                    s.target = others
                    self._mix(s)
                else:
                    self._hangup(s, 0)

    # --------------------------------------------------------------- mixing
    def _mix(self, s: Session) -> None:
        """Connect the supervisor's call to the manager's line as the mode says."""
        self._unmix(s)
        ctx = self.engine.calls().get(s.target)
        if ctx is None or ctx.ended or ctx.audio is None or s.audio is None:
            return
        # a muted microphone is muted for the supervisor too
        mic = None if ctx.muted else ctx.source
        client, speaker, sup = ctx.audio, ctx.sink, s.audio
        plan = [("manager", "supervisor", mic, sup), ("client", "supervisor", client, sup)]
        if s.mode in ("whisper", "barge"):
            plan.append(("supervisor", "manager", sup, speaker))
        if s.mode == "barge":
            plan.append(("supervisor", "client", sup, client))
            if ctx.recorder is not None:  # the recording keeps what the client heard
                plan.append(("supervisor", "recording", sup, ctx.recorder.right))
        for a, b, src, dst in plan:
            if src is None or dst is None:
                continue
            try:
                src.startTransmit(dst)
                s.links.append((a, b, src, dst))
            except pj.Error as exc:
                log.error("monitor mix %s -> %s: %s", a, b, exc.info())

    def _unmix(self, s: Session, gone: tuple[str, ...] = ()) -> None:
        """Undo our links. Links to a port in ``gone`` (its call has ended) are only
        forgotten: the bridge dropped them with the port, and pjmedia reuses slot
        numbers, so a stopTransmit there could cut someone else's link."""
        links, s.links = s.links, []
        for a, b, src, dst in links:
            if a in gone or b in gone:
                continue
            try:
                src.stopTransmit(dst)
            except pj.Error:
                pass

    def _attach_supervisor(self, s: Session) -> None:
        if not s.attached:
            endpoints = None
            if self.engine.audio_attach is not None:
                try:
                    endpoints = self.engine.audio_attach(s.key, s.audio)
                except Exception:  # noqa: BLE001 - a broken headset must not kill the session
                    log.exception("monitor: headset attach failed; using the null device")
            if endpoints:
                s.source, s.sink = endpoints
            else:
                adm = self.engine.ep.audDevManager()
                s.source, s.sink = adm.getCaptureDevMedia(), adm.getPlaybackDevMedia()
            s.attached = True
        self._connect_supervisor(s)

    def _connect_supervisor(self, s: Session) -> None:
        """The supervisor hears the session; its microphone goes in (the manager's
        side decides who hears it)."""
        if s.audio is None or s.source is None:
            return
        self._unmix(s)
        for a, b, src, dst in (("session", "supervisor", s.audio, s.sink),
                               ("supervisor", "session", s.source, s.audio)):
            try:
                src.startTransmit(dst)
                s.links.append((a, b, src, dst))
            except pj.Error as exc:
                log.error("monitor audio %s -> %s: %s", a, b, exc.info())

    # -------------------------------------------------------------- cleanup
    def _hangup(self, s: Session, code: int, reason: str = "") -> None:
        prm = pj.CallOpParam(True)
        if code:
            prm.statusCode = code
        if reason:
            prm.reason = reason
        try:
            s.call.hangup(prm)
        except pj.Error as exc:
            log.info("monitor hangup %s: %s", s.key, exc.info())

    def _drop(self, key: str) -> None:
        s = self.sessions.pop(key, None)
        if s is None:
            return
        self._unmix(s)
        if s.attached and s.role == "supervising" and self.engine.audio_detach is not None:
            try:
                self.engine.audio_detach(s.key)
            except Exception:  # noqa: BLE001
                log.exception("monitor: headset detach failed")
        s.audio = s.source = s.sink = None
        s.call.key = ""
        s.call = None  # the last reference: the pjsua2 Call goes on this thread

    def close(self) -> None:
        """Before the engine stops: end every session, drop the calls."""
        self.stop_all()
        ep = self.engine.ep
        for _ in range(20):
            if ep is None or not any(s.state != "ended" for s in self.sessions.values()):
                break
            ep.libHandleEvents(10)
        for key in list(self.sessions):
            self._drop(key)
        if self.engine.monitor_incoming == self.on_incoming:
            self.engine.monitor_incoming = self.engine.monitor_stop = None
