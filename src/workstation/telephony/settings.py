"""SipSettings: everything the engine needs, as one plain dataclass.

Built from :class:`workstation.config.Config` plus the password from the
keyring (:func:`workstation.secrets.get_secret`). Tests and the benches build
it directly. Qt-free, pjsua2-free.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class SipSettings:
    username: str = ""
    password: str = ""
    domain: str = ""  # registrar host[:port]
    realm: str = ""  # digest realm the credentials are for; empty = the domain's host
    proxy: str = ""  # outbound proxy URI or host[:port]; empty = none
    transport: str = "udp"  # udp | tcp | tls: the one used to register
    # TLS: the PBX's certificate chain and host name are always checked, against
    # this CA file or, empty, the system's CA bundle (see telephony.security).
    tls_ca_file: str = ""
    srtp: str = "optional"  # off | optional | mandatory (SDES, AES_CM_128_HMAC_SHA1_80)
    allowed_sources: list[str] = field(default_factory=list)
    record_calls: bool = True
    consent_prompt: bool = False
    auto_answer_seconds: int = 0
    voicemail_uri: str = ""  # a second call's "To voicemail" target; empty = none
    voicemail_method: str = "302"  # 302 (redirect) | refer (answer, then REFER)
    recordings_dir: Path | None = None  # None = paths.recordings_dir()
    consent_wav: Path | None = None  # None = resources/sounds/consent.wav
    # Network: empty bind address = all interfaces (tests use 127.0.0.1).
    bind_address: str = ""
    udp_port: int = 0  # 0 = any free port
    tcp_port: int = 0
    tls_port: int = 0
    # Registration: expiry asked of the registrar and the re-registration backoff.
    reg_expires: int = 300
    backoff_initial: float = 1.0
    backoff_max: float = 60.0
    # Offered codecs, best first; others are disabled. A short SDP keeps the
    # authenticated INVITE under ~1300 bytes, so it stays on UDP.
    codecs: list[str] = field(default_factory=lambda: ["PCMA/8000", "PCMU/8000", "G722/16000",
                                                       "GSM/8000"])
    poll_ms: int = 5  # libHandleEvents poll period on the engine thread
    log_level: int = 2  # pjsip messages forwarded to Python logging (0..5)

    @property
    def configured(self) -> bool:
        return bool(self.username and self.domain)

    @property
    def auth_realm(self) -> str:
        """The realm the password is offered to: ``realm``, else the host of ``domain``
        (what registrars such as Kamailio challenge with). Never ``*``: a challenge
        from any other realm then gets no digest of the password."""
        if self.realm.strip():
            return self.realm.strip()
        host = self.domain.strip()
        for prefix in ("sips:", "sip:"):
            if host.startswith(prefix):
                host = host[len(prefix):]
        host = host.split(";", 1)[0].split("@")[-1]
        if host.startswith("["):  # [IPv6]:port
            return host.split("]", 1)[0] + "]"
        return host.rsplit(":", 1)[0] if host.count(":") == 1 else host

    def __repr__(self) -> str:  # never show the password
        shown = {k: v for k, v in self.__dict__.items() if k != "password"}
        return f"SipSettings({shown}, password={'***' if self.password else ''!r})"

    @classmethod
    def from_config(cls, config) -> SipSettings:
        # (deferred: keyring loads only when the password is read)
        from workstation.secrets import get_secret

        return cls(
            username=config.get("sip.username"),
            password=get_secret("sip.password") or "",
            domain=config.get("sip.domain"),
            realm=config.get("sip.realm"),
            proxy=config.get("sip.proxy"),
            transport=config.get("sip.transport"),
            tls_ca_file=config.get("sip.tls_ca_file"),
            srtp=config.get("sip.srtp"),
            allowed_sources=list(config.get("sip.allowed_sources")),
            record_calls=bool(config.get("sip.record_calls")),
            consent_prompt=bool(config.get("sip.consent_prompt")),
            auto_answer_seconds=int(config.get("sip.auto_answer_seconds")),
            voicemail_uri=config.get("sip.voicemail_uri"),
            voicemail_method=config.get("sip.voicemail_method"),
            reg_expires=max(30, int(config.get("sip.register_expires"))),
            **({"codecs": list(config.get("sip.codecs"))} if config.get("sip.codecs") else {}),
        )
