"""Call security: the TLS client settings that check the PBX, and what a TLS
failure or an SDP says. Qt-free.

The wheel's pjsip links its own OpenSSL 1.0.2k, whose built-in CA path is the
builder's, not this machine's: without ``sip.tls_ca_file`` the system's CA
bundle is found here and handed over. TLS 1.2 only (1.0.2k has no 1.3; the
default would also allow 1.0 and 1.1).
"""

from __future__ import annotations

import re
import socket
import ssl
from pathlib import Path

import pjsua2 as pj

SYSTEM_CA_FILES = (
    "/etc/ssl/certs/ca-certificates.crt",  # Debian, Ubuntu, Arch, Gentoo
    "/etc/pki/tls/certs/ca-bundle.crt",  # Fedora, RHEL
    "/etc/ssl/ca-bundle.pem",  # openSUSE
    "/etc/ssl/cert.pem",  # Alpine, macOS, BSD
)


def system_ca_file() -> str:
    """The system's CA bundle, or "" when none is found."""
    default = ssl.get_default_verify_paths().cafile
    for path in (default, *SYSTEM_CA_FILES):
        if path and Path(path).is_file():
            return str(path)
    return ""


def tls_client_config(tc: pj.TlsConfig, ca_file: str = "") -> None:
    """TLS 1.2, the server's certificate chain and host name verified (pjsip drops a
    connection that fails) against ``ca_file`` or the system's CA bundle."""
    tc.proto = pj.PJ_SSL_SOCK_PROTO_TLS1_2
    tc.method = pj.PJSIP_TLSV1_2_METHOD
    tc.verifyServer = True
    tc.CaListFile = ca_file or system_ca_file()
    tcp_no_delay(tc.sockOptParams)


def tcp_no_delay(params: pj.SockOptParams) -> None:
    """TCP_NODELAY on a stream transport's sockets: without it a request written in two
    pieces (the INVITE after a digest challenge) waits for the peer's delayed ACK,
    ~40 ms a call (bench/bench_sip_security.py)."""
    opt = pj.SockOpt()
    opt.level, opt.optName = socket.IPPROTO_TCP, socket.TCP_NODELAY
    opt.setOptValInt(1)
    params.sockOpts.append(opt)


# -- what a failed certificate check was -------------------------------------------------
EXPIRED, WRONG_HOST, UNKNOWN_CA, OTHER = "expired", "wrong_host", "unknown_ca", "other"

_VERIFY_KINDS = (
    (pj.PJ_SSL_CERT_EVALIDITY_PERIOD, EXPIRED),
    (pj.PJ_SSL_CERT_EIDENTITY_NOT_MATCH, WRONG_HOST),
    (pj.PJ_SSL_CERT_EISSUER_NOT_FOUND | pj.PJ_SSL_CERT_EUNTRUSTED
     | pj.PJ_SSL_CERT_EISSUER_MISMATCH | pj.PJ_SSL_CERT_ECHAIN_TOO_LONG, UNKNOWN_CA),
)


def verify_failures(status: int) -> list[str]:
    """The kinds of failure in pjsip's certificate ``verifyStatus`` bit mask, in a fixed
    order (expired, wrong_host, unknown_ca, other); [] when it passed."""
    kinds, rest = [], status
    for bits, kind in _VERIFY_KINDS:
        if status & bits:
            kinds.append(kind)
            rest &= ~bits
    if rest:
        kinds.append(OTHER)
    return kinds


# pjlib's error spaces: PJ_ERRNO_START_USER (170000) + 6 spaces of 50000 hold the
# SSL socket's errors (OpenSSL's, such as "unsupported protocol").
_SSL_ERRNO = range(470000, 520000)


def is_ssl_error(status: int) -> bool:
    """A pj_status_t from the TLS handshake (not a refused TCP connection, not pjsip's
    own certificate check, PJSIP_TLS_ECERTVERIF)."""
    return status in _SSL_ERRNO


# -- what a SIP message says -------------------------------------------------------------
_TOP_VIA = re.compile(r"^(?:Via|v)\s*:\s*SIP\s*/\s*2\.0\s*/\s*([A-Za-z]+)", re.I | re.M)


def via_transport(message: str) -> str:
    """The transport of a SIP message's top Via ("UDP", "TCP", "TLS"...), "" if none.

    For a received request the top Via is the sender's, naming the transport it
    came over; for a response to our request it is ours, naming the one it went over.
    """
    m = _TOP_VIA.search(message.split("\r\n\r\n", 1)[0])
    return m.group(1).upper() if m else ""


def sip_body_sdp(message: str) -> str:
    """The SDP body of a SIP message, "" when it has none."""
    head, _, body = message.partition("\r\n\r\n")
    if not re.search(r"^(?:Content-Type|c)\s*:\s*application/sdp", head, re.I | re.M):
        return ""
    return body


def sdp_audio_crypto(sdp: str) -> bool | None:
    """True when the first audio m-section of ``sdp`` is in use (port not 0) and keyed
    with SDES (an ``a=crypto`` line), False when it is in use without; None when the
    SDP has no audio in use."""
    sections = re.split(r"\r?\n(?=m=)", sdp)
    for section in sections[1:]:
        m = re.match(r"m=audio\s+(\d+)", section)
        if m is None:
            continue
        if int(m.group(1)) == 0:
            return None
        return re.search(r"^a=crypto:", section, re.M) is not None
    return None
