"""Telephony figures against the local test bed (Kamailio + baresip on 127.0.0.1).

    .venv/bin/python bench/bench_telephony.py [--call-seconds 60] [--quick]

Prints JSON lines:
- sip_registration_ms: engine start → 200 OK to REGISTER (digest auth included), p50
- sip_invite_to_200_ms: dial() → 200 OK from baresip via Kamailio (with the 407
  challenge round), p50 and p99
- sip_incoming_signal_ms: INVITE datagram sent on loopback → sig_incoming slot
  running on the Qt thread, p50 and p99 over 100 calls
- sip_call_cpu_percent: CPU of this process (all its threads: pjsua2's RTP and
  conference bridge included) during a call with recording, in % of one core
The targets are this project's own goals (the issue names none for these).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer  # noqa: E402

from workstation.telephony.engine import TelephonyEngine  # noqa: E402
from workstation.telephony.settings import SipSettings  # noqa: E402
from workstation.telephony.testbed import Baresip, Kamailio, tools_missing  # noqa: E402

USERS = {"manager": "m-secret", "client": "c-secret"}


def emit(name: str, value: float, unit: str, target: float, n: int, **extra) -> None:
    print(json.dumps({"bench": name, "value": round(value, 3), "unit": unit, "target": target,
                      "n": n, **extra}), flush=True)


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]


def wait_until(cond, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            return False
        loop = QEventLoop()
        QTimer.singleShot(2, loop.quit)
        loop.exec()
    return True


def settings(k: Kamailio, rec_dir: Path, **kw) -> SipSettings:
    values = dict(username="manager", password=USERS["manager"], domain=k.domain,
                  bind_address="127.0.0.1", recordings_dir=rec_dir, log_level=0)
    values.update(kw)
    return SipSettings(**values)


def bench_registration(k: Kamailio, rec_dir: Path, runs: int, name: str = "sip_registration_ms",
                       **kw) -> None:
    """``kw``: more SipSettings (bench_sip_security registers over TLS)."""
    times = []
    for _ in range(runs):
        e = TelephonyEngine(settings(k, rec_dir, **kw))
        done: dict[str, float] = {}

        def on_reg(state: str, *_: object, done=done) -> None:
            if state == "registered":
                done.setdefault("t", time.perf_counter())
        e.sig_registration.connect(on_reg)
        t0 = time.perf_counter()
        e.start()
        if wait_until(lambda: "t" in done, 10):
            times.append((done["t"] - t0) * 1000)
        e.stop()
    emit(name, statistics.median(times), "ms", 500, len(times), p99=round(pct(times, 99), 3))


def bench_invite_to_200(e: TelephonyEngine, runs: int, name: str = "sip_invite_to_200_ms",
                        peer: str = "client") -> None:
    times = []
    got: dict[str, float] = {}
    ended: dict[str, object] = {}

    ringing: dict[str, float] = {}

    def on_state(key, state, code, reason) -> None:
        if code == 180 and key not in ringing:
            ringing[key] = time.perf_counter()
        if code == 200 and key not in got:
            got[key] = time.perf_counter()

    def on_end(rec) -> None:
        ended[rec.call_key] = rec

    # connected once: PySide6 6.12's disconnect() has the same bool leak as emit()
    e.sig_call_state.connect(on_state)
    e.sig_call_ended.connect(on_end)
    to_180 = []
    for _ in range(runs):
        t0 = time.perf_counter()
        key = e.dial(peer)
        ok = wait_until(lambda: key in got, 10)
        e.hangup(key)
        wait_until(lambda: key in ended, 10)
        if ok:
            times.append((got[key] - t0) * 1000)
            if key in ringing:
                to_180.append((ringing[key] - t0) * 1000)
    # to_180_p50_ms: the part before baresip's 180 Ringing (auth round included);
    # the rest is baresip's own auto-answer delay.
    emit(name, statistics.median(times), "ms", 50, len(times),
         p99=round(pct(times, 99), 3),
         to_180_p50_ms=round(statistics.median(to_180), 3) if to_180 else None)


def _invite(port: int, local_port: int, call_id: str, branch: str, tag: str) -> bytes:
    sdp = ("v=0\r\no=scan 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
           "m=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n")
    return (f"INVITE sip:manager@127.0.0.1:{port} SIP/2.0\r\n"
            f"Via: SIP/2.0/UDP 127.0.0.1:{local_port};branch={branch};rport\r\n"
            "Max-Forwards: 70\r\n"
            f"From: <sip:bench@127.0.0.1>;tag={tag}\r\n"
            f"To: <sip:manager@127.0.0.1:{port}>\r\n"
            f"Call-ID: {call_id}\r\nCSeq: 1 INVITE\r\n"
            f"Contact: <sip:bench@127.0.0.1:{local_port}>\r\n"
            "Content-Type: application/sdp\r\n"
            f"Content-Length: {len(sdp)}\r\n\r\n{sdp}").encode()


def bench_incoming_signal(e: TelephonyEngine, runs: int) -> None:
    """A sender thread fires INVITEs at the engine; the Qt-thread slot stamps arrival."""
    port = e.transport_port("udp")
    sent: dict[str, float] = {}
    delays: list[float] = []
    arrived = threading.Event()

    def on_incoming(inc) -> None:
        t = time.perf_counter()
        t0 = sent.get(inc.sip_call_id)
        if t0 is not None:
            delays.append((t - t0) * 1000)
        e.reject(inc.call_key)
        arrived.set()

    e.sig_incoming.connect(on_incoming)
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    sock.settimeout(2)
    local = sock.getsockname()[1]

    def sender() -> None:
        for _ in range(runs):
            call_id, branch, tag = uuid.uuid4().hex, "z9hG4bK" + uuid.uuid4().hex[:10], "b1"
            arrived.clear()
            sent[call_id] = time.perf_counter()
            sock.sendto(_invite(port, local, call_id, branch, tag), ("127.0.0.1", port))
            arrived.wait(5)
            # ACK the final answer so the engine's transaction ends cleanly
            deadline = time.monotonic() + 2
            while time.monotonic() < deadline:
                try:
                    data = sock.recv(65536).decode(errors="replace")
                except OSError:
                    break
                status = int(data.split(" ", 2)[1]) if data.startswith("SIP/2.0") else 0
                if status >= 300:
                    to = re.search(r"^To: .*$", data, re.M | re.I).group(0)
                    sock.sendto((f"ACK sip:manager@127.0.0.1:{port} SIP/2.0\r\n"
                                 f"Via: SIP/2.0/UDP 127.0.0.1:{local};branch={branch};rport\r\n"
                                 "Max-Forwards: 70\r\n"
                                 f"From: <sip:bench@127.0.0.1>;tag={tag}\r\n{to}\r\n"
                                 f"Call-ID: {call_id}\r\nCSeq: 1 ACK\r\n"
                                 "Content-Length: 0\r\n\r\n").encode(), ("127.0.0.1", port))
                    break
            # Pace the calls: pjsip frees a closed socket's ioqueue slot only after
            # 500 ms and the wheel's select ioqueue has 64 slots (2 per call's RTP/RTCP).
            time.sleep(0.04)

    t = threading.Thread(target=sender, daemon=True)
    t.start()
    wait_until(lambda: not t.is_alive(), 120)
    wait_until(lambda: not e.calls(), 5)
    sock.close()
    emit("sip_incoming_signal_ms", statistics.median(delays), "ms", 20, len(delays),
         p99=round(pct(delays, 99), 3), poll_ms=e.settings.poll_ms)


def bench_call_cpu(e: TelephonyEngine, seconds: float) -> None:
    state = {}
    def on_media(key: str) -> None:
        state.setdefault("up", key)

    def on_file(path: str) -> None:
        state.setdefault("file", path)
    e.sig_media_active.connect(on_media)
    e.sig_recording_finished.connect(on_file)
    key = e.dial("client")
    wait_until(lambda: "up" in state, 10)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    wait_until(lambda: False, seconds)
    cpu = time.process_time() - cpu0
    wall = time.perf_counter() - wall0
    e.hangup(key)
    wait_until(lambda: "file" in state, 30)
    emit("sip_call_cpu_percent", 100 * cpu / wall, "%", 25, 1, call_seconds=round(wall, 1),
         recording=bool(state.get("file")))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--call-seconds", type=float, default=60.0,
                    help="length of the CPU-measured call (default 60)")
    ap.add_argument("--quick", action="store_true", help="fewer runs and a 10 s call")
    args, _ = ap.parse_known_args()
    missing = tools_missing()
    if missing:
        print(f"# bench_telephony: skipped, missing {', '.join(missing)}", file=sys.stderr)
        return 0
    call_seconds = 10.0 if args.quick else args.call_seconds
    app = QCoreApplication.instance() or QCoreApplication([])  # noqa: F841
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        k = Kamailio(tmp / "pbx", users=USERS)
        k.start()
        peer = Baresip(tmp / "peer", user="client", password=USERS["client"], registrar=k.domain)
        peer.start()
        try:
            bench_registration(k, tmp / "rec", 5 if args.quick else 20)
            e = TelephonyEngine(settings(k, tmp / "rec"))
            e.start()
            wait_until(lambda: e.registration_state == "registered", 10)
            try:
                bench_invite_to_200(e, 10 if args.quick else 50)
                bench_incoming_signal(e, 100)
                bench_call_cpu(e, call_seconds)
            finally:
                e.stop()
        finally:
            peer.stop()
            k.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
