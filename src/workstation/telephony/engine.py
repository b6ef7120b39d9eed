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

The engine is one class in several files, each a mixin of it (every method still
runs on the engine thread): :mod:`.transports` (transports, TLS checks, allowed
sources, registration), :mod:`.signalling` (dial, answer, hang up, DTMF, call
callbacks and bookkeeping, the CallRecord), :mod:`.callmedia` (headset routing,
mute, recording, consent prompt, RTP statistics), :mod:`.lines` (hold, transfer,
conference, voicemail); :mod:`.endpoint` has the Endpoint, its config and the log
writer. This file keeps the signals, the state and the life: start, stop, polling.
"""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import pjsua2 as pj
from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from workstation.telephony.account import SRTP_USE, EngineAccount, account_config
from workstation.telephony.call import (CallContext, CallRecord, CallStats, IncomingCall,
                                        TelephonyError)
from workstation.telephony.callmedia import AudioAttach, MediaMixin
from workstation.telephony.endpoint import (EngineEndpoint, EngineLogWriter, endpoint_config,
                                            set_codecs)
from workstation.telephony.lines import LinesMixin
from workstation.telephony.recorder import CallRecorder
from workstation.telephony.settings import SipSettings
from workstation.telephony.signalling import SignallingMixin
from workstation.telephony.transports import TransportsMixin

log = logging.getLogger(__name__)


class TelephonyEngine(TransportsMixin, SignallingMixin, MediaMixin, LinesMixin, QObject):
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
        self.ep: EngineEndpoint | None = None
        self.account: EngineAccount | None = None
        self._log_writer: EngineLogWriter | None = None
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

    def start(self) -> None:
        """Create the Endpoint, transports and account; start polling. Engine thread."""
        if self.ep is not None:
            return
        s = self.settings
        if s.srtp not in SRTP_USE:
            raise TelephonyError(self.tr("sip.srtp: expected off, optional or mandatory, got %1")
                                 .replace("%1", repr(s.srtp)))
        self.ep = ep = EngineEndpoint(self)
        error = None
        try:
            ep.libCreate()
            self._log_writer = EngineLogWriter()
            ep.libInit(endpoint_config(s, self._log_writer))
            self._create_transports()
            ep.audDevManager().setNullDev()
            set_codecs(ep, s.codecs)
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


__all__ = ["TelephonyEngine", "TelephonyError", "SipSettings", "CallRecord", "CallStats",
           "IncomingCall"]
