"""A pjsua2 endpoint for the headset-audio tests: null sound device, polled on the Qt thread.

Independent of the telephony engine (its own small Endpoint, as the brief
for the audio bridge asks), used by tests/telephony/test_audio*.py and
bench/bench_audio.py. Everything here runs on the thread that created it.
"""

from __future__ import annotations

import gc

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

    @property
    def sip_port(self) -> int:
        return self.ep.transportGetInfo(self.transport_id).localName.split(":")[-1]

    def poll(self) -> None:
        self.ep.libHandleEvents(0)

    def player(self, path) -> pj.AudioMediaPlayer:
        p = pj.AudioMediaPlayer()
        p.createPlayer(str(path), pj.PJMEDIA_FILE_NO_LOOP)
        self.keep.append(p)
        return p

    def recorder(self, path) -> pj.AudioMediaRecorder:
        r = pj.AudioMediaRecorder()
        r.createRecorder(str(path))
        self.keep.append(r)
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
        gc.collect()
        self.ep.libDestroy()
        del self.ep
        gc.collect()
