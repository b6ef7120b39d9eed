"""Added latency of live listen and whisper (issue 15, item 6).

    .venv/bin/python bench/bench_monitor.py [--bursts 20]

Three parties on loopback through the real Kamailio, as tests/telephony/test_monitor.py
has them: the client and the supervisor are pjsua2 child processes (the product's
engine, tests/telephony/monitor_party.py), the manager is the app's engine + MonitorHub
in this process. A party plays a 100 ms tone burst; every party time-stamps the frames
it makes and hears on pjmedia's clock thread with CLOCK_MONOTONIC (one clock for all
processes), so a burst's onset is found where it is heard and compared with when it
was made. The paths:

- direct: client → manager, and back: manager → client (the call itself: what
  monitoring is compared with);
- listen: client → supervisor (client → manager's bridge → supervisor's call) and
  manager → supervisor (the manager's microphone straight into the supervisor's call);
- whisper: supervisor → manager (the supervisor's call → manager's bridge → headset).

monitor_listen_added_ms = (client → supervisor) − (client → manager): what the detour
through the manager's workstation costs; monitor_whisper_added_ms = (supervisor →
manager) − (client → manager): how much later the manager hears a whisper than the
client's voice (p50 over the bursts). Targets: 60 ms added, and ITU-T G.114's 150 ms
one-way budget for every path. The monitoring request is authorised by a stub here (the token
check is tested against PostgreSQL in tests/sync/test_monitor_security.py; it is paid
once per session, not per packet). Prints JSON lines.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "telephony"))

import numpy as np  # noqa: E402
from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer  # noqa: E402

from monitor_party import RATE, ChildParty, TonePort, attach_port  # noqa: E402
from workstation.telephony.engine import TelephonyEngine  # noqa: E402
from workstation.telephony.monitor import MonitorGrant, MonitorHub  # noqa: E402
from workstation.telephony.settings import SipSettings  # noqa: E402
from workstation.telephony.testbed import Kamailio, tools_missing  # noqa: E402

USERS = {"manager": "m-secret", "client": "c-secret", "supervisor": "s-secret"}
THRESHOLD = 0.05  # a burst plays at 0.25 full scale; silence elsewhere


def emit(name: str, value: float, unit: str, target, n: int, **extra) -> None:
    print(json.dumps({"bench": name, "value": round(value, 2), "unit": unit, "target": target,
                      "n": n, **extra}), flush=True)


def pump(seconds: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(max(1, int(seconds * 1000)), loop.quit)
    loop.exec()


def wait_until(cond, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met")
        pump(0.005)


def onset(frames: list[tuple[float, bytes]], after: float) -> float | None:
    """Monotonic time of the first loud sample heard after ``after``."""
    for t, data in frames:
        if t < after:
            continue
        x = np.frombuffer(data, "<i2").astype(float) / 32768
        loud = np.nonzero(np.abs(x) > THRESHOLD)[0]
        if len(loud):
            return t + loud[0] / RATE
    return None


def child_frames(party: ChildParty, t0: float, t1: float, path: Path) -> list:
    party.ask(f"frames {t0} {t1} {path}", r"^FRAMES")
    with np.load(path) as z:
        ts, pcm = z["t"], z["pcm"]
    per = len(pcm) // max(1, len(ts))
    return [(float(t), pcm[i * per:(i + 1) * per].tobytes()) for i, t in enumerate(ts)]


def burst(party: ChildParty) -> float:
    return float(party.ask("burst", r"^BURST (\S+)").group(1))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bursts", type=int, default=20)
    args = ap.parse_args()
    missing = tools_missing()
    if "kamailio" in missing:
        print(json.dumps({"bench": "monitor", "error": "kamailio is not installed"}))
        return 1
    app = QCoreApplication([])
    tmp = Path(tempfile.mkdtemp(prefix="bench-monitor-"))
    k = Kamailio(tmp / "kamailio", users=USERS)
    k.start()
    parties: list[ChildParty] = []
    engine = hub = port = None
    try:
        for user in ("client", "supervisor"):
            p = ChildParty(user, USERS[user], k.domain, 500.0 if user == "client" else 1400.0,
                           "--burst", *(["--auto-answer"] if user == "client" else []),
                           src=ROOT / "src", log=tmp / f"{user}.log")
            p.pump = lambda: pump(0.01)
            p.wait(r"^REG registered", timeout=30)
            parties.append(p)
        client, supervisor = parties
        engine = TelephonyEngine(SipSettings(
            username="manager", password=USERS["manager"], domain=k.domain,
            bind_address="127.0.0.1", record_calls=False, log_level=1, poll_ms=2,
            codecs=["PCMU/8000", "PCMA/8000"], recordings_dir=tmp / "rec"))
        engine.start()
        wait_until(lambda: engine.registration_state == "registered", 15)
        port = TonePort(900.0, burst_mode=True).create("manager")
        attach_port(engine, port)
        hub = MonitorHub(engine)
        hub.authorize = lambda req, done: done(MonitorGrant(None, "bench supervisor"))
        media = []
        engine.sig_media_active.connect(media.append)
        engine.dial("client")
        wait_until(lambda: media, 15)
        supervisor.ask("monitor manager listen v1.bench", r"^SESSION \S+ supervising active")
        wait_until(lambda: any(s.audio is not None for s in hub.active("monitored")), 10)
        pump(1.5)

        direct, listen, whisper = [], [], []
        for _ in range(args.bursts):  # client bursts: heard by the manager and the supervisor
            t = burst(client)
            pump(0.5)
            mgr = onset(port.heard_frames(t - 0.1, t + 1), t)
            sup = onset(child_frames(supervisor, t - 0.1, t + 1, tmp / "sup.npz"), t)
            if mgr is not None and sup is not None:
                direct.append((mgr - t) * 1000)
                listen.append((sup - t) * 1000)
            pump(0.2)
        back, mic = [], []
        for _ in range(args.bursts):  # manager bursts: heard by the client and the supervisor
            n = len(port.burst_times)
            port.burst()
            wait_until(lambda: len(port.burst_times) > n, 2)
            t = port.burst_times[-1]
            pump(0.5)
            cli = onset(child_frames(client, t - 0.1, t + 1, tmp / "cli.npz"), t)
            sup = onset(child_frames(supervisor, t - 0.1, t + 1, tmp / "sup.npz"), t)
            if cli is not None and sup is not None:
                back.append((cli - t) * 1000)
                mic.append((sup - t) * 1000)
            pump(0.2)
        session = hub.active("monitored")[0]
        codec = session.call.getStreamInfo(0).codecName
        supervisor.ask("mode whisper", r"^SESSION \S+ supervising active whisper")
        wait_until(lambda: all(s.mode == "whisper" for s in hub.active("monitored")), 10)
        pump(1.0)
        for _ in range(args.bursts):  # supervisor bursts: heard by the manager
            t = burst(supervisor)
            pump(0.5)
            mgr = onset(port.heard_frames(t - 0.1, t + 1), t)
            if mgr is not None:
                whisper.append((mgr - t) * 1000)
            pump(0.2)
        supervisor.send("stop")
        load = os.getloadavg()[0]
        if not (direct and listen and whisper):
            print(json.dumps({"bench": "monitor", "error": "bursts not heard",
                              "direct": len(direct), "listen": len(listen),
                              "whisper": len(whisper)}))
            return 1
        d50 = statistics.median(direct)
        emit("monitor_direct_path_ms", d50, "ms", 150, len(direct),
             p95=round(float(np.percentile(direct, 95)), 2), load=round(load, 1))
        emit("monitor_listen_ms", statistics.median(listen), "ms", 150, len(listen),
             p95=round(float(np.percentile(listen, 95)), 2))
        emit("monitor_listen_added_ms", statistics.median(listen) - d50, "ms", 60, len(listen))
        emit("monitor_direct_back_ms", statistics.median(back), "ms", 150, len(back),
             p95=round(float(np.percentile(back, 95)), 2), note="manager -> client")
        emit("monitor_listen_manager_ms", statistics.median(mic), "ms", 150, len(mic),
             p95=round(float(np.percentile(mic, 95)), 2), note="manager -> supervisor",
             codec=codec)
        emit("monitor_whisper_ms", statistics.median(whisper), "ms", 150, len(whisper),
             p95=round(float(np.percentile(whisper, 95)), 2))
        emit("monitor_whisper_added_ms", statistics.median(whisper) - d50, "ms", 60,
             len(whisper))
        return 0
    finally:
        if hub is not None:
            hub.close()
        if engine is not None:
            engine.audio_attach = engine.audio_detach = None
            port = None
            engine.stop()
        for p in parties:
            p.close()
        k.kill()
        del app


if __name__ == "__main__":
    sys.exit(main())
