"""Headset PESQ both ways, idle and under load: the app beside baresip, same rig, same run.

Issue 15: "Headset audio degrades under CPU load ... Measure it side by side
with baresip under the same generated load and bring the app to the same level."

Rig: the private PulseAudio test headset of tests/audio_rig.py. The client is
a baresip (auto-answer, plays the client's phrase, dumps what it receives). The
manager's phone is, in turn:

* ``app``: the product path, TelephonyEngine + HeadsetBridge on the headset with
  its default path: native (telephony/native: a C pjmedia port and PulseAudio
  streams, no Python per frame);
* ``app_python``: the same with audio.path = python (QtMultimedia, a Python
  port callback per frame: the path measured before the native one);
* ``app_bigbuf``: the Python path with the cheapest fix tried: bigger bridge buffers
  (``--prefill-ms`` microphone prefill, ``--target-ms`` speaker target);
* ``app_rt``: ``app_bigbuf`` with real-time scheduling (SCHED_RR) for the audio
  threads (raise_audio_priority below: pjmedia's clock and media threads, the
  bridge's Qt audio thread), where the system allows it;
* ``app_pulse40``: the Python path with PulseAudio asked for 40 ms periods
  (PULSE_LATENCY_MSEC=40) instead of the bridge's 10 ms;
* ``baresip``: a native softphone on the same headset (baresip's ALSA module
  through the ALSA PulseAudio plugin, PULSE_SINK=headset, PULSE_SOURCE=headset_mic).

Each places ``--calls`` direct-IP calls (PCMU) to the client: the manager's
phrase goes into the headset microphone (paplay → mic_feed), the client's phrase
comes back and is recorded from headset.monitor. PESQ-NB manager → client (the
client's dump) and client → manager (the headset recording), first idle, then
with ``--load`` busy processes (``while True: pass``) running beside it.

    .venv/bin/python bench/bench_headset_load.py [--calls 3] [--load 2]

Prints one JSON object per line: {"bench": "headset_load_<phone>_<idle|load>_<dir>",
"value": mean PESQ, "unit": "PESQ-NB", "target": ..., "n": calls, "min": ...}.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests"), str(ROOT / "tests" / "telephony")]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402

from workstation.telephony.audio import OS_PERIOD_MS  # noqa: E402

NAME = "headset_load"


#: Threads that carry call audio: pjmedia's clock (conference bridge ticks, our
#: port callbacks) and RTP worker, and the bridge's Qt audio thread.
AUDIO_THREADS = ("clock", "media", "headset-audio")


def raise_audio_priority(priority: int = 10, names: tuple[str, ...] = AUDIO_THREADS) -> int:
    """Real-time (SCHED_RR) scheduling for this process's audio threads, when allowed
    (root, CAP_SYS_NICE or an RLIMIT_RTPRIO); returns how many threads got it.

    Linux only; elsewhere, or when refused, nothing changes (0)."""
    if not sys.platform.startswith("linux") or not hasattr(os, "sched_setscheduler"):
        return 0
    done = 0
    for comm in Path("/proc/self/task").glob("*/comm"):
        try:
            if comm.read_text().strip() not in names:
                continue
            os.sched_setscheduler(int(comm.parent.name), os.SCHED_RR, os.sched_param(priority))
            done += 1
        except (OSError, ValueError):
            continue  # not allowed, or the thread is gone
    return done



def emit(bench: str, value: float, unit: str, target, n: int, **extra) -> None:
    row = {"bench": f"{NAME}_{bench}", "value": round(float(value), 2), "unit": unit,
           "target": target, "n": n}
    row.update(extra)
    print(json.dumps(row), flush=True)


def wait_for(app, cond, timeout: float, step_ms: int = 20) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.processEvents()
        if cond():
            return True
        time.sleep(step_ms / 1000)
    return False


def pump(app, seconds: float) -> None:
    wait_for(app, lambda: False, seconds, step_ms=5)


class Client:
    """The client's baresip, fresh for every call (its dumps are final when it exits)."""

    def __init__(self, work: Path, wav: Path) -> None:
        from workstation.telephony.testbed import Baresip

        self.b = Baresip(work, user="client", wav=wav)
        self.b.start()

    @property
    def uri(self) -> str:
        return self.b.uri

    def received(self):
        from audio_rig import read_wav

        self.b.stop()
        files = self.b.dumps("dec")
        if not files:
            return np.zeros(0), 8000
        return read_wav(max(files, key=lambda p: p.stat().st_mtime))


class AppPhone:
    """TelephonyEngine + HeadsetBridge on the rig's headset (the product path)."""

    def __init__(self, app, work: Path, realtime: bool = False, pulse_ms: int = 0,
                 **bridge_kw) -> None:
        from audio_rig import HEADSET, HEADSET_MIC
        from workstation.telephony.audio import HeadsetBridge
        from workstation.telephony.engine import TelephonyEngine
        from workstation.telephony.settings import SipSettings

        self.app = app
        self.engine = TelephonyEngine(SipSettings(
            bind_address="127.0.0.1", record_calls=False, codecs=["PCMU/8000", "PCMA/8000"],
            log_level=1, recordings_dir=work / "rec"))
        self.engine.start()
        self.bridge = HeadsetBridge(HEADSET_MIC, HEADSET, **bridge_kw)
        opened = []
        self.bridge.sig_headset_connected.connect(lambda *a: opened.append(a))
        old = os.environ.get("PULSE_LATENCY_MSEC")
        if pulse_ms:  # libpulse reads it when the bridge's streams connect
            os.environ["PULSE_LATENCY_MSEC"] = str(pulse_ms)
        try:
            self.bridge.start()
            wait_for(app, lambda: len(opened) >= 2, 15)
        finally:
            if pulse_ms:
                os.environ["PULSE_LATENCY_MSEC"] = old or str(OS_PERIOD_MS)
        self.bridge.attach_to(self.engine)
        if self.bridge.path_used != bridge_kw.get("path", self.bridge.path_used):
            raise SystemExit(f"audio path {bridge_kw['path']} not available: "
                             f"{self.bridge.path_note}")
        self.key = None
        self.realtime = 0
        if realtime:
            self.realtime = raise_audio_priority()

    def dial(self, uri: str) -> bool:
        self.bridge.reset_stats()  # the figures printed are this call's
        self.key = self.engine.dial(uri)
        return wait_for(self.app, lambda: self.engine.call_audio_media(self.key) is not None, 10)

    def hangup(self) -> None:
        self.engine.hangup(self.key)
        wait_for(self.app, lambda: self.key not in self.engine.calls(), 5)

    def stats(self) -> dict:
        s = self.bridge.stats()
        return {k: v for k, v in vars(s).items() if isinstance(v, (int, float))} \
            if hasattr(s, "__dict__") else {}

    def close(self) -> None:
        from workstation.telephony.audio import HeadsetBridge

        HeadsetBridge.detach_from(self.engine)
        self.bridge.close()
        self.engine.stop()


class BaresipPhone:
    """baresip as a native softphone on the same headset (ALSA → PulseAudio plugin)."""

    def __init__(self, app, work: Path, rig) -> None:
        from workstation.telephony.testbed import Baresip

        self.app = app
        self.b = Baresip(work, user="manager")
        cfg = work / "config"
        text = cfg.read_text()
        text = re.sub(r"(?m)^audio_player.*$", "audio_player\t\talsa,pulse", text)
        text = re.sub(r"(?m)^audio_source.*$", "audio_source\t\talsa,pulse", text)
        text = re.sub(r"(?m)^audio_alert.*$", "audio_alert\t\taubridge,alert", text)
        text = text.replace("module\t\t\tg711.so", "module\t\t\tg711.so\nmodule\t\t\talsa.so")
        text = re.sub(r"(?m)^module\t+sndfile\.so$", "", text)  # its own dumps are not needed
        cfg.write_text(text)
        old = {k: os.environ.get(k) for k in ("PULSE_SINK", "PULSE_SOURCE", "PULSE_LATENCY_MSEC")}
        os.environ.update(PULSE_SINK="headset", PULSE_SOURCE="headset_mic")
        os.environ.pop("PULSE_LATENCY_MSEC", None)
        try:
            self.b.start()
        finally:
            for k, v in old.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
        self.mark = 0

    def dial(self, uri: str) -> bool:
        self.mark = len(self.b.log_text())
        self.b.command("dial", uri)
        return wait_for(self.app, lambda: "Call established" in self.b.log_text()[self.mark:], 10)

    def hangup(self) -> None:
        self.b.command("hangup")
        wait_for(self.app, lambda: "terminated" in self.b.log_text()[self.mark:], 5)

    def stats(self) -> dict:
        return {}

    def close(self) -> None:
        self.b.stop()


def one_call(app, rig, phone, tmp: Path, phrases: dict, n: int) -> tuple[float, float, dict]:
    from audio_rig import pesq_nb, read_wav

    client = Client(tmp / f"client{n}", phrases["client_padded"])
    try:
        rec = rig.record("headset.monitor", tmp / f"heard{n}.wav")
        if not phone.dial(client.uri):
            rec.stop()
            return 0.0, 0.0, {"error": "no call"}
        pump(app, 0.3)
        talk = rig.play("mic_feed", phrases["manager"])
        wait_for(app, lambda: talk.poll() is not None, 30)
        client_ref, client_rate = read_wav(phrases["client"])
        pump(app, max(0.0, len(client_ref) / client_rate - 5.0) + 0.8)
        heard = rec.stop()
        stats = phone.stats()
        phone.hangup()
        pump(app, 0.3)
        received, rrate = client.received()
    finally:
        client.b.stop()
    manager_ref, manager_rate = read_wav(phrases["manager"])
    to_client = pesq_nb(manager_ref, manager_rate, received, rrate)
    to_manager = pesq_nb(client_ref, client_rate, heard, 16000)
    return to_client, to_manager, stats


def busy_processes(count: int) -> list[subprocess.Popen]:
    return [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(count)]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--calls", type=int, default=3)
    ap.add_argument("--load", type=int, default=2, help="busy processes beside the call")
    ap.add_argument("--prefill-ms", type=float, default=60)
    ap.add_argument("--target-ms", type=float, default=80)
    ap.add_argument("--phones", default="app,app_python,baresip",
                    help="also: app_bigbuf, app_rt, app_pulse40 (Python-path fixes tried)")
    args = ap.parse_args()
    for tool in ("pulseaudio", "pactl", "paplay", "parecord", "espeak-ng", "sox", "baresip"):
        if not shutil.which(tool):
            print(json.dumps({"bench": f"{NAME}_skipped", "reason": f"{tool} missing"}))
            return 0

    from audio_rig import PHRASES, PulseRig, speech_wav

    tmp = Path(tempfile.mkdtemp(prefix="bench_headset_load_"))
    rig = PulseRig(tmp / "pulse")
    rig.start()
    os.environ["PULSE_SERVER"] = rig.server

    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    phrases = {"manager": speech_wav(tmp / "manager.wav", PHRASES["manager"], rate=16000,
                                     lead_s=0.2, tail_s=0.3)}
    client = speech_wav(tmp / "client.wav", PHRASES["client"], rate=8000, lead_s=0.5, tail_s=0.3)
    padded = tmp / "client_padded.wav"
    subprocess.run(["sox", str(client), str(padded), "pad", "0", "30"], check=True, timeout=30)
    phrases.update(client=client, client_padded=padded)

    results: dict[tuple[str, str], list[tuple[float, float]]] = {}
    try:
        for cond in ("idle", "load"):
            load = busy_processes(args.load) if cond == "load" else []
            try:
                pump(app, 1.0 if load else 0.1)
                for name in args.phones.split(","):
                    rig.reset()
                    work = tmp / f"{name}-{cond}"
                    work.mkdir()
                    if name == "baresip":
                        phone = BaresipPhone(app, work, rig)
                    elif name in ("app_bigbuf", "app_rt"):
                        phone = AppPhone(app, work, realtime=name == "app_rt", path="python",
                                         mic_prefill_ms=args.prefill_ms,
                                         speaker_target_ms=args.target_ms)
                    elif name == "app_pulse40":
                        phone = AppPhone(app, work, pulse_ms=40, path="python")
                    elif name == "app_python":
                        phone = AppPhone(app, work, path="python")
                    else:
                        phone = AppPhone(app, work, path="native")
                    try:
                        for i in range(args.calls):
                            c, m, stats = one_call(app, rig, phone, work, phrases, i)
                            results.setdefault((name, cond), []).append((c, m))
                            print(json.dumps({"call": name, "cond": cond, "i": i,
                                              "to_client": round(c, 2),
                                              "to_manager": round(m, 2),
                                              "rt_threads": getattr(phone, "realtime", 0),
                                              **stats}),
                                  file=sys.stderr, flush=True)
                    finally:
                        phone.close()
                        pump(app, 0.3)
            finally:
                for p in load:
                    p.kill()
                    p.wait()
        load_avg = os.getloadavg()[0]
        for (name, cond), scores in results.items():
            for idx, direction in ((0, "to_client"), (1, "to_manager")):
                values = [s[idx] for s in scores]
                target = None
                if name != "baresip" and cond == "load":
                    ref = results.get(("baresip", "load"))
                    if ref:
                        target = round(float(np.mean([s[idx] for s in ref])) - 0.1, 2)
                emit(f"{name}_{cond}_{direction}", float(np.mean(values)), "PESQ-NB", target,
                     len(values), min=round(min(values), 2), load=args.load if cond == "load"
                     else 0, loadavg=round(load_avg, 1))
    finally:
        rig.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
