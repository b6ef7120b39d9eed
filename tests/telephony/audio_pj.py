"""A pjsua2 endpoint for the headset-audio tests: null sound device, polled on the Qt thread.

Independent of the telephony engine (its own small Endpoint, as the brief
for the audio bridge asks), used by tests/telephony/test_audio*.py and
bench/bench_audio.py. Everything here runs on the thread that created it.
"""

from __future__ import annotations

import gc
import sys
import weakref

import pjsua2 as pj
from PySide6.QtCore import QTimer


class PjEndpoint:
    def __init__(self, sip_port: int = 0, clock_rate: int = 16000) -> None:
        self.ep = pj.Endpoint()
        self.ep.libCreate()
        cfg = pj.EpConfig()
        cfg.uaConfig.threadCnt = 0
        cfg.uaConfig.mainThreadOnly = True
        cfg.logConfig.consoleLevel = 0
        cfg.logConfig.level = 1
        cfg.medConfig.noVad = True
        cfg.medConfig.clockRate = clock_rate
        cfg.medConfig.sndClockRate = clock_rate
        cfg.medConfig.ecTailLen = 0
        self.ep.libInit(cfg)
        self.ep.audDevManager().setNullDev()
        tcfg = pj.TransportConfig()
        tcfg.port = sip_port
        tcfg.boundAddress = "127.0.0.1"
        tcfg.publicAddress = "127.0.0.1"
        self.transport_id = self.ep.transportCreate(pj.PJSIP_TRANSPORT_UDP, tcfg)
        self.ep.libStart()
        # PCMU first: what baresip offers with the test WAVs (8 kHz)
        for codec, prio in (("PCMU/8000", 255), ("PCMA/8000", 200)):
            try:
                self.ep.codecSetPriority(codec, prio)
            except pj.Error:
                pass
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self.poll)
        self.timer.start()
        self.keep: list = []
        self._made: list[weakref.ref] = []

    @property
    def sip_port(self) -> int:
        return self.ep.transportGetInfo(self.transport_id).localName.split(":")[-1]

    def poll(self) -> None:
        self.ep.libHandleEvents(0)

    def player(self, path) -> pj.AudioMediaPlayer:
        p = pj.AudioMediaPlayer()
        p.createPlayer(str(path), pj.PJMEDIA_FILE_NO_LOOP)
        self.keep.append(p)
        self._made.append(weakref.ref(p))
        return p

    def recorder(self, path) -> pj.AudioMediaRecorder:
        r = pj.AudioMediaRecorder()
        r.createRecorder(str(path))
        self.keep.append(r)
        self._made.append(weakref.ref(r))
        return r

    def close(self) -> None:
        self.timer.stop()
        try:
            self.ep.hangupAllCalls()
        except pj.Error:
            pass
        for _ in range(50):
            self.ep.libHandleEvents(10)
        self.keep.clear()
        # A failed test's traceback can still hold a player or recorder: destroying
        # it after libDestroy aborts the process, so leak it instead (disown).
        sys.last_traceback = sys.last_value = sys.last_type = None
        gc.collect()
        for ref in self._made:
            obj = ref()
            if obj is not None:
                obj.this.disown()
        self._made.clear()
        self.ep.libDestroy()
        del self.ep
        gc.collect()


class EngineEndpoint(PjEndpoint):
    """The same helpers on the product's TelephonyEngine (direct IP, no PBX).

    Tests that mix several pjsua2 Endpoint flavours in one process lost call
    audio in the later ones (measured), so every audio test uses the engine.
    """

    def __init__(self, tmp_dir) -> None:  # noqa: D107 - no PjEndpoint.__init__
        from workstation.telephony.engine import TelephonyEngine
        from workstation.telephony.settings import SipSettings

        self.engine = TelephonyEngine(SipSettings(
            bind_address="127.0.0.1", record_calls=False, codecs=["PCMU/8000", "PCMA/8000"],
            log_level=1, recordings_dir=tmp_dir))
        self.engine.start()
        self.ep = self.engine.ep
        self.keep = []
        self._made = []

    def close(self) -> None:
        self.keep.clear()
        sys.last_traceback = sys.last_value = sys.last_type = None
        gc.collect()
        for ref in self._made:
            obj = ref()
            if obj is not None:
                obj.this.disown()
        self._made.clear()
        self.ep = None
        self.engine.stop()
