"""One party of the monitoring tests and bench: the product's engine + MonitorHub,
with a "headset" that plays a tone and keeps what it hears, time-stamped.

In a child process (one pjsua2 Endpoint per process):

    python monitor_party.py USER PASSWORD DOMAIN FREQ [--auto-answer]

reads commands on stdin, one a line, and prints events on stdout:

    dial TARGET                   -> (the engine dials; MEDIA <key> when audio is up)
    monitor TARGET MODE TOKEN     -> SESSION <key> <role> <state> <mode> <peer> ...
    mode MODE                     -> SESSION ... (re-INVITE)
    stop | hangup                 -> the monitor session / every line ends
    dump T0 T1 PATH               -> DUMPED PATH   (what it heard between monotonic T0..T1)
    burst                         -> BURST T       (a 100 ms tone burst starts at T; the
                                                    tone is silent otherwise in burst mode)
    quit

Times are ``time.monotonic()`` (CLOCK_MONOTONIC: one clock for every process on
the machine), stamped on pjmedia's clock thread when a frame is made or heard.
In the test process the same :class:`TonePort` is the in-process manager's headset.
"""

from __future__ import annotations

import math
import os
import re
import subprocess
import sys
import threading
import time
import wave
from collections import deque
from pathlib import Path

import numpy as np
import pjsua2 as pj

RATE = 16000
FRAME = 320  # 20 ms at 16 kHz
AMPLITUDE = 0.25


class TonePort(pj.AudioMediaPort):
    """Plays a sine of ``freq`` Hz (continuously, or in bursts) and keeps what it hears.
    Its callbacks run on pjmedia's clock thread: they only touch locked buffers."""

    def __init__(self, freq: float, burst_mode: bool = False) -> None:
        super().__init__()
        self.freq = freq
        self.burst_mode = burst_mode
        self._phase = 0
        self._lock = threading.Lock()
        self._heard: deque[tuple[float, bytes]] = deque(maxlen=50 * 120)
        self._burst_left = 0
        self._burst_wanted = False
        self.burst_times: list[float] = []
        self._type = pj.PJMEDIA_FRAME_TYPE_AUDIO

    def create(self, name: str = "tone") -> TonePort:
        fmt = pj.MediaFormatAudio()
        fmt.type = pj.PJMEDIA_TYPE_AUDIO
        fmt.init(pj.PJMEDIA_FORMAT_PCM, RATE, 1, 20000, 16)
        self.createPort(name, fmt)
        return self

    def burst(self) -> None:
        with self._lock:
            self._burst_wanted = True

    def onFrameRequested(self, frame) -> None:  # noqa: N802 (pjsua2 API)
        n = np.arange(self._phase, self._phase + FRAME)
        self._phase += FRAME
        wave_ = AMPLITUDE * np.sin(2 * math.pi * self.freq * n / RATE)
        if self.burst_mode:
            with self._lock:
                if self._burst_wanted:
                    self._burst_wanted = False
                    self._burst_left = 5  # 100 ms
                    self.burst_times.append(time.monotonic())
                on = self._burst_left > 0
                self._burst_left = max(0, self._burst_left - 1)
            if not on:
                wave_ = wave_ * 0.0
        frame.buf = pj.ByteVector((wave_ * 32767).astype("<i2").tobytes())
        frame.size = FRAME * 2
        frame.type = self._type

    def onFrameReceived(self, frame) -> None:  # noqa: N802 (pjsua2 API)
        if frame.type == self._type and frame.size:
            data = bytes(frame.buf)
            with self._lock:
                self._heard.append((time.monotonic(), data))

    def heard(self, t0: float, t1: float) -> np.ndarray:
        """Samples heard between monotonic times t0 and t1, as floats in -1..1."""
        with self._lock:
            frames = [d for t, d in self._heard if t0 <= t <= t1]
        if not frames:
            return np.zeros(0)
        return np.frombuffer(b"".join(frames), "<i2").astype(float) / 32768

    def heard_frames(self, t0: float, t1: float) -> list[tuple[float, bytes]]:
        with self._lock:
            return [(t, d) for t, d in self._heard if t0 <= t <= t1]


def write_wav(path: Path, samples: np.ndarray) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes((np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes())


def read_wav(path: Path) -> np.ndarray:
    with wave.open(str(path), "rb") as w:
        return np.frombuffer(w.readframes(w.getnframes()), "<i2").astype(float) / 32768


def tone_level(samples: np.ndarray, freq: float, width: float = 25.0) -> float:
    """RMS (full scale = 1) of ``samples`` within ``freq`` ± ``width`` Hz (FFT, Parseval)."""
    if len(samples) < RATE // 4:
        return 0.0
    spec = np.fft.rfft(samples * np.hanning(len(samples)))
    freqs = np.fft.rfftfreq(len(samples), 1 / RATE)
    band = (freqs > freq - width) & (freqs < freq + width)
    # Hann window: mean power gain 3/8
    power = 2 * np.sum(np.abs(spec[band]) ** 2) / (len(samples) ** 2) / 0.375
    return float(math.sqrt(power))


def attach_port(engine, port: TonePort) -> None:
    """Make ``port`` the engine's headset for every line and monitoring session."""
    engine.audio_attach = lambda _key, _media: (port, port)
    engine.audio_detach = lambda _key: None


def db_authorizer(url: str):
    """``MonitorHub.authorize`` checking tokens in the shared database as ``url``'s login,
    on a thread of its own (what views/monitor does through views.ops)."""
    from workstation.services.monitor import check_token
    from workstation.sync.shared import shared_engine
    from workstation.telephony.monitor import MonitorGrant

    db = shared_engine(url=url)

    def authorize(request, done) -> None:
        def work() -> None:
            try:
                g = check_token(None, request.token, request.supervisor_sip, engine=db)
                done(MonitorGrant(g.supervisor_id, g.supervisor_name))
            except Exception as exc:  # noqa: BLE001 - any failure is a refusal
                done(None, str(exc))

        threading.Thread(target=work, daemon=True).start()

    return authorize


# ---------------------------------------------------------------- the child process
def main() -> None:
    from PySide6.QtCore import QCoreApplication, QObject, Signal

    from workstation.telephony.engine import TelephonyEngine
    from workstation.telephony.monitor import MonitorHub
    from workstation.telephony.settings import SipSettings

    user, password, domain, freq = sys.argv[1:5]
    import logging

    logging.basicConfig(stream=sys.stderr, level=logging.DEBUG
                        if os.environ.get("MONITOR_PARTY_LOG", "1") != "1" else logging.WARNING)
    flags = set(sys.argv[5:])
    app = QCoreApplication([])
    engine = TelephonyEngine(SipSettings(
        username=user, password=password, domain=domain, bind_address="127.0.0.1",
        record_calls=False, log_level=int(os.environ.get("MONITOR_PARTY_LOG", "1")), poll_ms=2,
        auto_answer_seconds=1 if "--auto-answer" in flags else 0,
        recordings_dir=Path(f"/tmp/monitor-party-{user}")))
    hub = MonitorHub(engine)
    if os.environ.get("MONITOR_PARTY_DB_URL"):  # a monitored manager: tokens checked for real
        hub.authorize = db_authorizer(os.environ["MONITOR_PARTY_DB_URL"])

    def say(*parts) -> None:
        print(*parts, flush=True)

    engine.sig_registration.connect(lambda st, code, reason: say("REG", st, code))
    engine.sig_media_active.connect(lambda key: say("MEDIA", key))
    engine.sig_call_ended.connect(lambda rec: say("ENDED", rec.call_key, rec.sip_status))
    engine.sig_incoming.connect(lambda inc: say("INCOMING", inc.call_key))
    hub.sig_session.connect(lambda *a: say("SESSION", *[x or "-" for x in a]))
    hub.sig_refused.connect(lambda peer, why: say("REFUSED", peer or "-", why.replace("\n", " ")))

    class Stdin(QObject):
        sig_line = Signal(str)

    stdin = Stdin()
    keep: dict = {}

    def reader() -> None:
        for line in sys.stdin:
            stdin.sig_line.emit(line.strip())
        stdin.sig_line.emit("quit")

    def command(line: str) -> None:
        args = line.split()
        if not args:
            return
        port = keep.get("port")
        try:
            if args[0] == "dial":
                say("DIALLED", engine.dial(args[1]))
            elif args[0] == "monitor":
                say("STARTED", hub.start(args[1], args[2], args[3]))
            elif args[0] == "mode":
                for s in hub.active("supervising"):
                    hub.set_mode(s.key, args[1])
            elif args[0] == "stop":
                hub.stop_all()
            elif args[0] == "hangup":
                for key in list(engine.calls()):
                    engine.hangup(key)
            elif args[0] == "dump":
                t0, t1, path = float(args[1]), float(args[2]), Path(args[3])
                write_wav(path, port.heard(t0, t1))
                say("DUMPED", path)
            elif args[0] == "burst":
                n = len(port.burst_times)
                port.burst()
                deadline = time.monotonic() + 2
                while len(port.burst_times) == n and time.monotonic() < deadline:
                    time.sleep(0.005)
                say("BURST", port.burst_times[-1] if len(port.burst_times) > n else -1)
            elif args[0] == "frames":  # frames T0 T1 PATH: raw (t, pcm) for the bench
                t0, t1, path = float(args[1]), float(args[2]), Path(args[3])
                frames = port.heard_frames(t0, t1)
                np.savez(path, t=np.array([t for t, _ in frames]),
                         pcm=np.frombuffer(b"".join(d for _, d in frames), "<i2"))
                say("FRAMES", path)
            elif args[0] == "now":
                say("NOW", time.monotonic())
            elif args[0] == "quit":
                hub.close()
                for key in list(engine.calls()):
                    engine.hangup(key)
                engine.audio_attach = engine.audio_detach = None
                keep.clear()
                del port
                engine.stop()
                app.quit()
        except Exception as exc:  # noqa: BLE001 - report, keep serving
            say("ERROR", type(exc).__name__, str(exc).replace("\n", " "))

    stdin.sig_line.connect(command)
    threading.Thread(target=reader, daemon=True).start()
    engine.start()
    keep["port"] = TonePort(float(freq), burst_mode="--burst" in flags).create(user)  # after libCreate
    attach_port(engine, keep["port"])
    app.exec()
    say("BYE")


class ChildParty:
    """Drives a party child process: send a command, wait for an event line."""

    def __init__(self, user: str, password: str, domain: str, freq: float, *flags: str,
                 src: Path, log: Path, env: dict | None = None) -> None:
        env = dict(os.environ, PYTHONPATH=str(src), QT_QPA_PLATFORM="offscreen", **(env or {}))
        self.log_path = log
        self.pump = None
        """Called while waiting (e.g. ``lambda: qtbot.wait(10)``): keeps this process's
        own Qt loop (and its engine) running while it waits for the child."""
        self.lines: list[str] = []
        self._cond = threading.Condition()
        self.proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), user, password, domain, str(freq),
             *flags], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=open(log, "wb"),
            text=True, env=env)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            with self._cond:
                self.lines.append(line.rstrip("\n"))
                self._cond.notify_all()
        with self._cond:
            self.lines.append("EOF")
            self._cond.notify_all()

    def send(self, line: str) -> None:
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def wait(self, pattern: str, timeout: float = 20.0, start: int = 0) -> re.Match:
        rx = re.compile(pattern)
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for line in self.lines[start:]:
                    m = rx.search(line)
                    if m:
                        return m
                if "EOF" in self.lines:
                    raise RuntimeError(f"party exited; waiting for /{pattern}/: {self.lines}; "
                                       f"see {self.log_path}")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"no /{pattern}/ in {timeout}s: {self.lines[-10:]}")
                if self.pump is None:
                    self._cond.wait(left)
                    continue
                self._cond.release()
                try:
                    self.pump()
                finally:
                    self._cond.acquire()

    def mark(self) -> int:
        with self._cond:
            return len(self.lines)

    def ask(self, line: str, pattern: str, timeout: float = 20.0) -> re.Match:
        n = self.mark()
        self.send(line)
        return self.wait(pattern, timeout, start=n)

    def close(self) -> None:
        if self.proc.poll() is None:
            try:
                self.send("quit")
                self.proc.wait(timeout=15)
            except (OSError, subprocess.TimeoutExpired):
                self.proc.kill()
                self.proc.wait(timeout=5)


if __name__ == "__main__":
    main()
