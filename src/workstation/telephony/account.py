"""The SIP account: pjsua2 Account subclass and how its config is built.

Registration failures are retried by the engine with exponential backoff
(pjsua's own fixed-interval retry is switched off: ``retryIntervalSec = 0``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pjsua2 as pj

from workstation.telephony.settings import SipSettings

if TYPE_CHECKING:
    from workstation.telephony.engine import TelephonyEngine


def hostport(text: str) -> str:
    """``host[:port]`` of a SIP address: no scheme, user part or parameters."""
    text = text.strip()
    for prefix in ("sips:", "sip:"):
        if text.startswith(prefix):
            text = text[len(prefix):]
    return text.split(";", 1)[0].split("@")[-1]


def server_uri(address: str, transport: str) -> str:
    return f"sip:{hostport(address)};transport={transport}"


SRTP_USE = {"off": pj.PJMEDIA_SRTP_DISABLED, "optional": pj.PJMEDIA_SRTP_OPTIONAL,
            "mandatory": pj.PJMEDIA_SRTP_MANDATORY}
SRTP_CRYPTO = "AES_CM_128_HMAC_SHA1_80"  # the suite checked with the wheel (PJSUA2-NOTES)


def media_security(mc: pj.AccountMediaConfig, srtp: str) -> None:
    """SDES-SRTP off, offered (optional: RTP/AVP with keys, plain RTP when the other
    side has none) or required (mandatory: RTP/SAVP, a call without it fails).
    One crypto suite keeps the INVITE small. SRTP is not made to depend on TLS
    signalling (srtpSecureSignaling 0): the call's security shows both."""
    mc.srtpUse = SRTP_USE[srtp]
    mc.srtpSecureSignaling = 0
    if srtp != "off":
        crypto = pj.SrtpCrypto()
        crypto.name = SRTP_CRYPTO
        mc.srtpOpt.cryptos.append(crypto)
        mc.srtpOpt.keyings.append(pj.PJMEDIA_SRTP_KEYING_SDES)


def account_config(s: SipSettings) -> pj.AccountConfig:
    cfg = pj.AccountConfig()
    if s.configured:
        cfg.idUri = f"sip:{s.username}@{hostport(s.domain)}"
        cfg.regConfig.registrarUri = server_uri(s.domain, s.transport)
        cfg.regConfig.timeoutSec = max(1, int(s.reg_expires))
        cfg.regConfig.delayBeforeRefreshSec = max(1, min(5, int(s.reg_expires) // 3))
        cfg.regConfig.retryIntervalSec = 0  # the engine retries with backoff
        cfg.regConfig.firstRetryIntervalSec = 0
        cfg.regConfig.registerOnAdd = True
        cfg.regConfig.dropCallsOnFail = False
        # the account's realm only: with "*" any server's challenge got the digest
        cred = pj.AuthCredInfo("digest", s.auth_realm, s.username, 0, s.password)
        cfg.sipConfig.authCreds.append(cred)
        if s.proxy:
            proxy = s.proxy if s.proxy.startswith("sip") else server_uri(s.proxy, s.transport)
            if ";lr" not in proxy:
                proxy += ";lr"
            cfg.sipConfig.proxies.append(proxy)
    else:
        host = s.bind_address or "127.0.0.1"
        cfg.idUri = f"sip:workstation@{host}"
    # No extra re-INVITE after the answer to "lock" one codec: it collides
    # with a hold clicked at once and costs a round trip.
    cfg.mediaConfig.lockCodecEnabled = False
    media_security(cfg.mediaConfig, s.srtp)
    if s.bind_address:
        cfg.mediaConfig.transportConfig.boundAddress = s.bind_address
        cfg.mediaConfig.transportConfig.publicAddress = s.bind_address
    return cfg


class EngineAccount(pj.Account):
    """Forwards registration and incoming-call callbacks to the engine thread's engine."""

    def __init__(self, engine: TelephonyEngine) -> None:
        super().__init__()
        self._engine = engine

    def onRegState(self, prm) -> None:
        self._engine._on_reg_state(prm.code, prm.reason, prm.expiration)

    def onIncomingCall(self, prm) -> None:
        self._engine._on_incoming_call(self, prm.callId, prm.rdata.srcAddress,
                                       prm.rdata.wholeMsg)
