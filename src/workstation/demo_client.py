"""A simulated client for the demo, tests and benches: its own pjsua2 endpoint.

    python -m workstation.demo_client --target sip:workstation@127.0.0.1:5070 \\
        --from +380671234567 --from 0931112233 --gap 4 --talk 10

Runs as a SEPARATE process (its own pjsua2 Endpoint on 127.0.0.1, no PBX):
for each ``--from`` number it calls the target with that number as the SIP
user (``sip:NUMBER@127.0.0.1``), waits to be answered (``--answer-wait``),
plays a WAV into the call (``--wav``, default: a synthesised voice-like tone),
hangs up after ``--talk`` seconds, then waits ``--gap`` seconds before the
next call. ``--ring-only S`` cancels each call after S seconds instead (the
bench's INVITEs). Each step is printed as one JSON line on stdout:
``{"event": "calling"|"confirmed"|"ended", "from": ..., "code": ..., "t": ...}``.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import struct
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import pjsua2 as pj

from workstation.telephony.testbed import write_mono_wav


def write_voice_wav(path: Path, seconds: float = 12.0, rate: int = 16000) -> Path:
    """A speech-like test signal: syllables of two mixed tones with pauses."""
    frames = bytearray()
    n = int(seconds * rate)
    for i in range(n):
        t = i / rate
        syllable = (t * 3.0) % 1.0
        env = math.sin(math.pi * syllable / 0.6) if syllable < 0.6 else 0.0
        if int(t / 2.5) % 2 and (t % 2.5) > 1.8:
            env = 0.0  # a breath between phrases
        pitch = 180 + 40 * math.sin(2 * math.pi * 0.7 * t)
        w = 2 * math.pi * pitch * t
        v = env * (0.6 * math.sin(w) + 0.3 * math.sin(2.1 * w))
        frames += struct.pack("<h", int(max(-1.0, min(1.0, v)) * 9000))
    return write_mono_wav(path, bytes(frames), rate)


def _say(event: str, **kw) -> None:
    print(json.dumps({"event": event, "t": round(time.time(), 3), **kw}), flush=True)


class _Call(pj.Call):
    def __init__(self, acc) -> None:
        super().__init__(acc)
        self.state = pj.PJSIP_INV_STATE_NULL
        self.code = 0
        self.media = None

    def onCallState(self, prm) -> None:  # noqa: N802 (pjsua2 API)
        info = self.getInfo()
        self.state = info.state
        self.code = info.lastStatusCode

    def onCallMediaState(self, prm) -> None:  # noqa: N802
        info = self.getInfo()
        for i, m in enumerate(info.media):
            if m.type == pj.PJMEDIA_TYPE_AUDIO and m.status == pj.PJSUA_CALL_MEDIA_ACTIVE:
                self.media = self.getAudioMedia(i)


class Client:
    def __init__(self, bind: str = "127.0.0.1") -> None:
        self.ep = pj.Endpoint()
        self.ep.libCreate()
        cfg = pj.EpConfig()
        cfg.uaConfig.threadCnt = 0
        cfg.uaConfig.mainThreadOnly = True
        cfg.uaConfig.userAgent = "workstation-demo-client"
        cfg.logConfig.level = 0
        cfg.logConfig.consoleLevel = 0
        cfg.medConfig.noVad = True
        self.ep.libInit(cfg)
        tc = pj.TransportConfig()
        tc.port = 0
        tc.boundAddress = bind
        tc.publicAddress = bind
        self.ep.transportCreate(pj.PJSIP_TRANSPORT_UDP, tc)
        self.ep.transportCreate(pj.PJSIP_TRANSPORT_TCP, tc)
        self.ep.audDevManager().setNullDev()
        self.ep.libStart()
        self.bind = bind
        self.accounts: dict[str, pj.Account] = {}

    def account(self, number: str) -> pj.Account:
        acc = self.accounts.get(number)
        if acc is None:
            while len(self.accounts) >= 6:  # pjsua allows 8 accounts: drop the oldest
                oldest = next(iter(self.accounts))
                self.accounts.pop(oldest).shutdown()
            cfg = pj.AccountConfig()
            cfg.idUri = f"sip:{quote(number, safe='+-.()')}@{self.bind}"
            cfg.mediaConfig.transportConfig.boundAddress = self.bind
            cfg.mediaConfig.transportConfig.publicAddress = self.bind
            acc = pj.Account()
            acc.create(cfg)
            self.accounts[number] = acc
        return acc

    def pump(self, seconds: float, until=None) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.ep.libHandleEvents(5)
            if until is not None and until():
                return True
        return until() if until is not None else True

    def call(self, target: str, number: str, *, answer_wait: float, talk: float,
             ring_only: float | None, wav: Path | None) -> int:
        call = _Call(self.account(number))
        _say("calling", **{"from": number})
        call.makeCall(target, pj.CallOpParam(True))
        player = None
        if ring_only is not None:
            self.pump(ring_only, lambda: call.state == pj.PJSIP_INV_STATE_DISCONNECTED)
        else:
            self.pump(answer_wait, lambda: call.state in (pj.PJSIP_INV_STATE_CONFIRMED,
                                                          pj.PJSIP_INV_STATE_DISCONNECTED))
            if call.state == pj.PJSIP_INV_STATE_CONFIRMED:
                _say("confirmed", **{"from": number})
                self.pump(1.0, lambda: call.media is not None)
                if call.media is not None and wav is not None:
                    player = pj.AudioMediaPlayer()
                    player.createPlayer(str(wav), pj.PJMEDIA_FILE_NO_LOOP)
                    player.startTransmit(call.media)
                self.pump(talk, lambda: call.state == pj.PJSIP_INV_STATE_DISCONNECTED)
        if call.state != pj.PJSIP_INV_STATE_DISCONNECTED:
            try:
                call.hangup(pj.CallOpParam(True))
            except pj.Error:
                pass
            self.pump(5.0, lambda: call.state == pj.PJSIP_INV_STATE_DISCONNECTED)
        code = call.code
        _say("ended", **{"from": number, "code": code})
        player = None
        call.media = None
        self.pump(0.05)
        del call, player
        return code

    def close(self) -> None:
        self.accounts.clear()
        gc.collect()
        self.ep.libDestroy()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m workstation.demo_client",
                                 description="A simulated client that calls the workstation.")
    ap.add_argument("--target", required=True, help="SIP URI to call (the workstation)")
    ap.add_argument("--from", dest="numbers", action="append", required=True,
                    help="caller number, repeatable: one call per number, in order")
    ap.add_argument("--delay", type=float, default=0.0, help="seconds before the first call")
    ap.add_argument("--gap", type=float, default=4.0, help="seconds between calls")
    ap.add_argument("--talk", type=float, default=10.0, help="seconds to talk before hanging up")
    ap.add_argument("--answer-wait", type=float, default=30.0,
                    help="seconds to wait for an answer before giving up")
    ap.add_argument("--ring-only", type=float, default=None, metavar="S",
                    help="do not wait for an answer: cancel after S seconds")
    ap.add_argument("--repeat", type=int, default=1, help="go through the numbers N times")
    ap.add_argument("--wav", type=Path, default=None, help="WAV played into each call")
    ap.add_argument("--bind", default="127.0.0.1")
    args = ap.parse_args(argv)
    tmp = None
    wav = args.wav
    if wav is None and args.ring_only is None:
        tmp = tempfile.TemporaryDirectory(prefix="ws-client-")
        wav = write_voice_wav(Path(tmp.name) / "voice.wav", seconds=max(2.0, args.talk + 1))
    client = Client(args.bind)
    try:
        client.pump(args.delay)
        first = True
        for _ in range(max(1, args.repeat)):
            for number in args.numbers:
                if not first:
                    client.pump(args.gap)
                first = False
                client.call(args.target, number, answer_wait=args.answer_wait, talk=args.talk,
                            ring_only=args.ring_only, wav=wav)
        _say("done")
    except KeyboardInterrupt:
        pass
    finally:
        client.close()
        if tmp is not None:
            tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
