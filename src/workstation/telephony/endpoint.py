"""The engine's pjsua2 Endpoint: its configuration, codecs and log writer.

Threading (see ../shared/PJSUA2-NOTES.md): ``threadCnt = 0`` and
``mainThreadOnly = True``, so every SIP callback, the log writer's included, runs
on the thread that polls ``libHandleEvents`` (the engine's). ``consoleLevel``
gates what the log writer receives: it is ``sip.log_level`` like ``level``.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import pjsua2 as pj

from workstation import __version__
from workstation.telephony.settings import SipSettings

if TYPE_CHECKING:
    from workstation.telephony.engine import TelephonyEngine

# The engine's log: one logger name whichever file an engine method lives in.
log = logging.getLogger("workstation.telephony.engine")
pjlog = logging.getLogger("workstation.telephony.pjsip")


class EngineLogWriter(pj.LogWriter):
    """pjsip's log into Python logging (``workstation.telephony.pjsip``)."""

    def write(self, entry) -> None:
        level = logging.WARNING if entry.level <= 2 else logging.DEBUG
        if entry.level <= 1:
            level = logging.ERROR
        pjlog.log(level, "%s", entry.msg.rstrip())


class EngineEndpoint(pj.Endpoint):
    """Forwards transport state changes (with the TLS verification) to the engine."""

    def __init__(self, engine: TelephonyEngine) -> None:
        super().__init__()
        self._engine = engine

    def onTransportState(self, prm) -> None:
        tls = prm.tlsInfo
        verify = None
        if not tls.isEmpty():
            verify = (int(tls.verifyStatus), list(tls.verifyMsgs), str(tls.remoteAddr))
        self._engine._on_transport_state(prm.state, prm.lastError, verify)


def endpoint_config(s: SipSettings, writer: EngineLogWriter) -> pj.EpConfig:
    """The Endpoint's config (call after ``libCreate``): no pjsua worker thread, the
    bridge at 16 kHz, continuous RTP (no VAD), pjsip's log through ``writer``."""
    cfg = pj.EpConfig()
    cfg.uaConfig.threadCnt = 0
    cfg.uaConfig.mainThreadOnly = True
    cfg.uaConfig.maxCalls = 16
    cfg.uaConfig.userAgent = f"workstation/{__version__}"
    cfg.medConfig.noVad = True
    cfg.medConfig.clockRate = 16000
    cfg.medConfig.sndClockRate = 16000
    cfg.logConfig.writer = writer
    cfg.logConfig.level = max(0, s.log_level)
    cfg.logConfig.consoleLevel = max(0, s.log_level)
    cfg.logConfig.decor = 0
    return cfg


def set_codecs(ep: pj.Endpoint, codecs: list[str]) -> None:
    """Codec priorities: ``codecs`` in order (a prefix of the codec id), others off."""
    wanted = [c.lower() for c in codecs]
    for info in ep.codecEnum2():
        cid = info.codecId
        name = cid.lower()
        rank = next((i for i, w in enumerate(wanted) if name.startswith(w)), None)
        try:
            ep.codecSetPriority(cid, 0 if rank is None else 250 - rank)
        except pj.Error as exc:
            log.warning("codec %s: %s", cid, exc.info())
