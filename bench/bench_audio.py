"""Headset audio bridge figures: added latency, underruns with a busy GUI thread, CPU.

Runs against a private PulseAudio test headset (tests/audio_rig.py) and a
pjsua2 endpoint with the null device; the call is stood in for by a loop in
pjsua2's conference bridge (headset port → itself), so the audio goes
    mic_feed → headset_mic → QAudioSource → ring → pjsua2 → ring → QAudioSink → headset
which crosses the bridge in both directions (on the Python path, --path python;
on the default native path the rings and PulseAudio streams are in C).

Latency: a combine sink plays each click into ``headset`` directly (the pure
PulseAudio path) and into ``mic_feed`` (through the bridge) at the same
moment; ``headset.monitor`` then holds every click twice and the gap is what
the bridge adds, both directions together. The bridge's own per-direction
ring/sink residence (BridgeStats) is printed too.

Underruns: 60 s of speech through the loop, once with an idle GUI and once
with a busy one. "Busy" is what a heavy screen of this app does: a 300×12
table whose model is Python (every data() call takes the GIL) repainted 10
times a second, plus a 200 ms pure-Python burst (holding the GIL: e.g. building
a big report) once a second.

    .venv/bin/python bench/bench_audio.py [--busy-seconds 60]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
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
import soundfile as sf  # noqa: E402

NAME = "audio"


PATH = "native"


def emit(bench: str, value: float, unit: str, target, n: int, **extra) -> None:
    extra.setdefault("path", PATH)
    row = {"bench": f"{NAME}_{bench}", "value": round(float(value), 2), "unit": unit,
           "target": target, "n": n}
    row.update(extra)
    print(json.dumps(row), flush=True)


def clicks_wav(path: Path, count: int, every_s: float, rate: int = 16000) -> Path:
    """``count`` 4 ms 2 kHz bursts, ``every_s`` apart, after 0.5 s of silence."""
    n = int(rate * (0.5 + count * every_s + 0.5))
    x = np.zeros(n, dtype=np.float32)
    burst = np.sin(2 * np.pi * 2000 * np.arange(int(rate * 0.004)) / rate).astype(np.float32) * 0.8
    for i in range(count):
        start = int(rate * (0.5 + i * every_s))
        x[start:start + len(burst)] = burst
    sf.write(str(path), x, rate, subtype="PCM_16")
    return path


def onsets(x: np.ndarray, rate: int, thresh: float, dead_s: float) -> list[float]:
    """Times where |x| first crosses ``thresh`` after ``dead_s`` of quiet."""
    idx = np.flatnonzero(np.abs(x) > thresh)
    out: list[float] = []
    last = -1e9
    for i in idx:
        t = i / rate
        if t - last > dead_s:
            out.append(t)
        last = t
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--busy-seconds", type=float, default=60)
    ap.add_argument("--clicks", type=int, default=12)
    ap.add_argument("--mic-prefill-ms", type=float, default=None)
    ap.add_argument("--speaker-target-ms", type=float, default=None)
    ap.add_argument("--idle-seconds", type=float, default=30)
    ap.add_argument("--burst-ms", type=float, default=200)
    ap.add_argument("--switch-interval-ms", type=float, default=None)
    ap.add_argument("--path", default="native", choices=("native", "python"),
                    help="the headset bridge's audio path (setting audio.path)")
    args = ap.parse_args()
    global PATH
    PATH = args.path
    if args.switch_interval_ms:
        sys.setswitchinterval(args.switch_interval_ms / 1000)
    for tool in ("pulseaudio", "pactl", "paplay", "parecord", "pacat", "espeak-ng", "sox"):
        if not shutil.which(tool):
            print(json.dumps({"bench": f"{NAME}_skipped", "reason": f"{tool} missing"}))
            return 0

    from audio_rig import HEADSET, HEADSET_MIC, PHRASES, PulseRig, speech_wav

    tmp = Path(tempfile.mkdtemp(prefix="bench_audio_"))
    rig = PulseRig(tmp / "pulse")
    rig.start()
    os.environ["PULSE_SERVER"] = rig.server

    from PySide6.QtCore import QAbstractTableModel, QEventLoop, QModelIndex, Qt, QTimer
    from PySide6.QtWidgets import QApplication, QTableView

    from audio_pj import PjEndpoint
    from workstation.telephony.audio import HeadsetBridge

    app = QApplication([])

    class BigModel(QAbstractTableModel):
        """A Python table model: every cell painted is a Python call."""

        def __init__(self):
            super().__init__()
            self.tick = 0

        def rowCount(self, parent=QModelIndex()):  # noqa: N802
            return 0 if parent.isValid() else 300

        def columnCount(self, parent=QModelIndex()):  # noqa: N802
            return 0 if parent.isValid() else 12

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{index.row()}:{index.column()} {self.tick}"
            return None

    model = BigModel()
    view = QTableView()
    view.setModel(model)
    view.resize(1600, 1000)
    view.show()

    def run_for(seconds: float) -> None:
        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()

    ep = PjEndpoint()
    tuning = {k: v for k, v in (("mic_prefill_ms", args.mic_prefill_ms),
                                ("speaker_target_ms", args.speaker_target_ms)) if v is not None}
    bridge = HeadsetBridge(HEADSET_MIC, HEADSET, path=args.path, **tuning)
    bridge.start()
    if bridge.path_used != args.path:
        raise SystemExit(f"audio path {args.path} not available: {bridge.path_note}")
    run_for(1.5)
    bridge.port.startTransmit(bridge.port)  # the stand-in call: what the mic says comes back
    try:
        # ---- latency: clicks through PulseAudio alone vs through the bridge
        rig.load("module-combine-sink", "sink_name=probe", "slaves=headset,mic_feed",
                 "sink_properties=device.description=Probe")
        every = 0.6
        clicks = clicks_wav(tmp / "clicks.wav", args.clicks, every)
        rec = rig.record("headset.monitor", tmp / "clicks_heard.wav")
        bridge.reset_stats()
        player = rig.play("probe", clicks)
        deadline = time.monotonic() + 0.5 + args.clicks * every + 3
        while player.poll() is None and time.monotonic() < deadline:
            run_for(0.1)
        run_for(0.5)
        heard = rec.stop()
        lat_stats = bridge.stats()
        rate = 16000
        times = onsets(heard, rate, thresh=0.2, dead_s=0.004)
        gaps = []
        for t in times:  # pair each direct click with the next one within 300 ms
            later = [u for u in times if 0.005 < u - t < 0.3]
            if later and not any(0 < t - p < 0.3 for p in times):
                gaps.append((later[0] - t) * 1000)
        if gaps:
            emit("added_latency_roundtrip", float(np.median(gaps)), "ms", 80, len(gaps),
                 p90=round(float(np.percentile(gaps, 90)), 1),
                 note="mic->pjsua2->speaker minus the direct PulseAudio path, both directions")
            emit("added_latency_one_way", float(np.median(gaps)) / 2, "ms", 40, len(gaps))
        else:
            emit("added_latency_roundtrip", -1, "ms", 80, 0, note="no click pairs found")
        emit("ring_latency_mic", lat_stats.mic_latency_ms, "ms", 40, lat_stats.mic_frames)
        emit("ring_latency_speaker", lat_stats.speaker_latency_ms, "ms", 40,
             lat_stats.speaker_frames)

        # ---- 60 s with a busy GUI thread
        speech = speech_wav(tmp / "speech.wav", PHRASES["manager"] + " " + PHRASES["client"])

        def keep_talking():
            if talker[0] is None or talker[0].poll() is not None:
                talker[0] = rig.play("mic_feed", speech)

        talker = [None]
        talk_timer = QTimer()
        talk_timer.timeout.connect(keep_talking)
        talk_timer.start(200)
        run_for(1.0)

        busy_state = {"n": 0, "repaints": 0}

        def repaint():
            model.tick += 1
            model.dataChanged.emit(model.index(0, 0), model.index(299, 11))
            view.viewport().repaint()  # synchronous: paints every visible cell now
            busy_state["repaints"] += 1

        def burst():
            busy_state["n"] += 1
            t_end = time.perf_counter() + args.burst_ms / 1000
            x = 0
            while time.perf_counter() < t_end:  # pure Python: holds the GIL
                x += sum(i * i for i in range(200))

        repaint_timer = QTimer()
        repaint_timer.timeout.connect(repaint)
        burst_timer = QTimer()
        burst_timer.timeout.connect(burst)
        for gui, seconds in (("idle", args.idle_seconds), ("busy", args.busy_seconds)):
            if seconds <= 0:
                continue
            busy_state.update(n=0, repaints=0)
            bridge.reset_stats()
            if gui == "busy":
                repaint_timer.start(100)
                burst_timer.start(1000)
            run_for(seconds)
            repaint_timer.stop()
            burst_timer.stop()
            st = bridge.stats()
            emit(f"underruns_{gui}_gui", st.underruns, "count", 0, 1,
                 seconds=seconds, mic_underruns=st.mic_underruns,
                 speaker_underruns=st.speaker_underruns, overruns=st.overruns,
                 frames=st.mic_frames + st.speaker_frames, bursts=busy_state["n"],
                 repaints=busy_state["repaints"], max_tick_gap_ms=round(st.max_tick_gap_ms, 1),
                 max_mic_gap_ms=round(st.max_mic_gap_ms, 1),
                 ring_latency_ms=round(st.latency_ms, 1))

        # ---- CPU of the process with the bridge carrying audio, GUI idle
        r0 = resource.getrusage(resource.RUSAGE_SELF)
        t0 = time.monotonic()
        run_for(20)
        r1 = resource.getrusage(resource.RUSAGE_SELF)
        wall = time.monotonic() - t0
        cpu = (r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime) / wall * 100
        emit("cpu_percent_call", cpu, "%", 10, 1, seconds=round(wall, 1),
             note="whole process: pjsua2 conference + bridge + Qt audio, idle GUI")
        talk_timer.stop()
        if talker[0] is not None and talker[0].poll() is None:
            talker[0].terminate()
    finally:
        try:
            bridge.port.stopTransmit(bridge.port)
        except Exception:  # noqa: BLE001
            pass
        bridge.close()
        ep.close()
        rig.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
