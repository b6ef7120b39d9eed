"""The engine's way to the PBX: SIP transports, TLS checks and registration.

:class:`TransportsMixin` is part of :class:`~workstation.telephony.engine.TelephonyEngine`
(its own module to keep the engine's file small, like ``lines.py``); every method runs
on the engine thread like the rest of the engine.

* transports: UDP and TCP are required (an INVITE over ~1,300 bytes goes over TCP),
  TLS is best effort unless ``sip.transport`` is tls; all bound to ``sip.bind_address``.
* TLS (:mod:`workstation.telephony.security`): the PBX's certificate chain and host
  name are checked (``sip.tls_ca_file`` or the system CAs, TLS 1.2); a refusal is
  named in ``tls_failure`` and in the failed registration's reason.
* ghost-call protection: the addresses an INVITE may come from (the PBX's, plus
  ``sip.allowed_sources``; everyone in direct-IP mode).
* registration: pjsua's own retry is off; a failure is retried with exponential
  backoff and jitter; a lost TCP/TLS connection re-registers.
"""

from __future__ import annotations

import logging
import random
import socket
from pathlib import Path

import pjsua2 as pj
from PySide6.QtCore import QCoreApplication, Slot

from workstation.telephony import security
from workstation.telephony.account import hostport

# The engine's log: one logger name whichever file an engine method lives in.
log = logging.getLogger("workstation.telephony.engine")

# Texts are translated in the engine's context ("TelephonyEngine"), as in lines.py.


def resolve(host: str) -> set[str]:
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


def src_host(src: str) -> str:
    if src.startswith("["):
        return src[1:].split("]")[0]
    return src.rsplit(":", 1)[0] if src.count(":") == 1 else src


class TransportsMixin:
    """Transports, TLS checks, allowed sources and registration of the engine."""

    def _ca_problem(self) -> str:
        """Why the PBX's TLS certificate cannot be checked (user-readable), or ""."""
        ca = self.settings.tls_ca_file
        if ca and not Path(ca).expanduser().is_file():
            return QCoreApplication.translate(
                "TelephonyEngine", "TLS: the CA file %1 (sip.tls_ca_file) does not exist") \
                .replace("%1", ca)
        if not ca and not security.system_ca_file():
            return QCoreApplication.translate(
                "TelephonyEngine", "TLS: no trusted CA certificates found on this computer; "
                "set sip.tls_ca_file")
        return ""

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
            allowed |= resolve(host)
        return allowed

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
        refused = QCoreApplication.translate("TelephonyEngine",
                                             "TLS: the PBX's certificate was refused: %1")
        texts = {
            security.EXPIRED: QCoreApplication.translate(
                "TelephonyEngine", "TLS: the PBX's certificate has expired (or is not "
                "valid yet)"),
            security.WRONG_HOST: QCoreApplication.translate(
                "TelephonyEngine", "TLS: the PBX's certificate is not for the host "
                "name %1").replace("%1", host),
            security.UNKNOWN_CA: QCoreApplication.translate(
                "TelephonyEngine", "TLS: the PBX's certificate is signed by an unknown "
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
            self._allowed is None or src_host(remote) in self._allowed)

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
            self.tls_failure = QCoreApplication.translate(
                "TelephonyEngine", "TLS: no secure connection to the PBX (%1); this "
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

