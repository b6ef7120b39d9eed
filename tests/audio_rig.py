"""A PulseAudio "test headset" that needs no sound card, and audio checks.

`PulseRig` starts a private PulseAudio daemon (its own socket and state dir in
a temp folder, so it never meets a desktop's sound server or another test
run), then loads:

- ``speaker`` (null sink, "Built-in-Speaker") and ``room_mic`` (remap of the
  null sink ``room``, "Built-in-Mic"): the system defaults, i.e. what a bad
  softphone would fall back to;
- ``headset`` (null sink, "Test-Headset"): what the manager hears is recorded
  from ``headset.monitor``;
- ``mic_feed`` (null sink) + ``headset_mic`` (remap of ``mic_feed.monitor``,
  "Test-Headset-Mic"): what the manager says is played into ``mic_feed``.

`unplug_headset()` / `plug_headset()` unload/reload the headset modules, which
is what PulseAudio does when a USB headset goes away and comes back.

As root, pulseaudio warns ("not intended to be run as root") but runs fine in
per-user mode with ``-n`` (no default.pa) and an anonymous unix socket; Qt's
PulseAudio backend finds it through PULSE_SERVER, which `pulse_rig` exports.

One daemon per process, never two: QtMultimedia's PulseAudio backend connects
once per process, to the server PULSE_SERVER names at its first use, and never
reconnects (measured with PySide6 6.11: a sink loaded on a second daemon
never appeared, and a backend that found no server at first use stayed
empty after the server came up). A second daemon started for a second test
module while Qt is still talking to the first gave that module pure silence
on the headset (PESQ 0) with frames still flowing through the bridge. Every
test module imports the ``pulse_rig`` fixture function, and pytest makes one
session fixture per importing module, so the daemon lives in `session_rig()`
(a process-wide singleton) and the fixtures only share it. `pulse_rig` also
checks that Qt sees the rig's headset, so a Qt that connected elsewhere first
fails loudly instead of recording silence.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

HEADSET = "Test-Headset"
HEADSET_MIC = "Test-Headset-Mic"
SPEAKER = "Built-in-Speaker"
ROOM_MIC = "Built-in-Mic"
TOOLS = ("pulseaudio", "pactl", "paplay", "parecord", "pacat")


class PulseRig:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.socket = self.root / "native"
        self.server = f"unix:{self.socket}"
        self.proc: subprocess.Popen | None = None
        self._headset_modules: list[str] = []
        self._keepalive: dict[str, subprocess.Popen] = {}

    @property
    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(PULSE_SERVER=self.server, HOME=str(self.root),
                   PULSE_RUNTIME_PATH=str(self.root / "run"),
                   PULSE_STATE_PATH=str(self.root / "state"))
        return env

    # ---- daemon --------------------------------------------------------------------------
    def start(self, timeout: float = 15.0) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        log = open(self.root / "pulseaudio.log", "wb")
        self.proc = subprocess.Popen(
            ["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit",
             "--use-pid-file=no", "--system=false", "--log-target=stderr", "--log-level=warning",
             "-L", f"module-native-protocol-unix socket={self.socket} auth-anonymous=1"],
            env=self.env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("pulseaudio exited: "
                                   + (self.root / "pulseaudio.log").read_text(errors="replace"))
            if subprocess.run(["pactl", "info"], env=self.env, capture_output=True,
                              timeout=5).returncode == 0:
                break
            time.sleep(0.1)
        else:
            self.stop()
            raise RuntimeError("pulseaudio did not answer within %.0f s" % timeout)
        self.load("module-null-sink", "sink_name=speaker", f"sink_properties=device.description={SPEAKER}")
        self.load("module-null-sink", "sink_name=room", "sink_properties=device.description=Room")
        self.load("module-remap-source", "master=room.monitor", "source_name=room_mic",
                  f"source_properties=device.description={ROOM_MIC}")
        self.load("module-null-sink", "sink_name=mic_feed", "sink_properties=device.description=Mic-Feed")
        for sink in ("speaker", "room", "mic_feed"):
            self._keep_running(sink)
        self.pactl("set-default-sink", "speaker")
        self.pactl("set-default-source", "room_mic")
        self.plug_headset()

    def _keep_running(self, sink: str) -> None:
        """Hold the sink's clock at 10 ms, as a sound card would run.

        An idle null sink sleeps in 2 s blocks and a newly connected stream
        only starts after that block ends (measured: playback began exactly
        2.0 s after QAudioSink.start()); a low-latency reader of its monitor
        keeps it ticking in short periods.
        """
        self._keepalive[sink] = subprocess.Popen(
            ["pacat", "-r", "--latency-msec=10", "-d", f"{sink}.monitor", "--raw",
             "--rate=8000", "--channels=1"],
            env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def _stop_keepalive(self, sink: str) -> None:
        proc = self._keepalive.pop(sink, None)
        if proc is not None and proc.poll() is None:
            proc.terminate()
            proc.wait(5)

    def stop(self) -> None:
        for sink in list(self._keepalive):
            self._stop_keepalive(sink)
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.proc = None

    def pactl(self, *args: str) -> str:
        res = subprocess.run(["pactl", *args], env=self.env, capture_output=True, text=True,
                             timeout=10)
        if res.returncode != 0:
            raise RuntimeError(f"pactl {' '.join(args)}: {res.stderr.strip()}")
        return res.stdout.strip()

    def load(self, module: str, *args: str) -> str:
        return self.pactl("load-module", module, *args)

    # ---- the headset ---------------------------------------------------------------------
    def plug_headset(self) -> None:
        if self._headset_modules:
            return
        self._headset_modules = [
            self.load("module-null-sink", "sink_name=headset",
                      f"sink_properties=device.description={HEADSET}"),
            self.load("module-remap-source", "master=mic_feed.monitor", "source_name=headset_mic",
                      f"source_properties=device.description={HEADSET_MIC}"),
        ]
        self._keep_running("headset")

    def reset(self) -> None:
        """Back to the known state: headset sink and mic present, built-in defaults.

        Asks PulseAudio what is loaded (not only our bookkeeping), so a test that
        unloaded a module by other means is repaired too.
        """
        sinks = self.pactl("list", "short", "sinks")
        sources = self.pactl("list", "short", "sources")
        present = any(line.split("\t")[1:2] == ["headset"] for line in sinks.splitlines()) \
            and any(line.split("\t")[1:2] == ["headset_mic"] for line in sources.splitlines())
        if not present:
            for mod in self._headset_modules:
                subprocess.run(["pactl", "unload-module", mod], env=self.env, capture_output=True,
                               timeout=10)
            self._stop_keepalive("headset")
            self._headset_modules = []
            self.plug_headset()
        self.pactl("set-default-sink", "speaker")
        self.pactl("set-default-source", "room_mic")

    def unplug_headset(self) -> None:
        self._stop_keepalive("headset")
        for mod in reversed(self._headset_modules):
            self.pactl("unload-module", mod)
        self._headset_modules = []

    # ---- sound in and out ----------------------------------------------------------------
    def play(self, sink: str, wav: Path) -> subprocess.Popen:
        """Start playing a WAV into a sink (``mic_feed`` = the headset microphone)."""
        return subprocess.Popen(["paplay", "--latency-msec=10", "-d", sink, str(wav)],
                                env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def record(self, source: str, path: Path, rate: int = 16000) -> "Recording":
        """Start recording a source (``headset.monitor`` = what the manager hears)."""
        proc = subprocess.Popen(
            ["parecord", "--latency-msec=10", "-d", source, f"--rate={rate}", "--channels=1",
             "--format=s16le", "--file-format=wav", str(path)],
            env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        rec = Recording(proc, Path(path), rate)
        rec.wait_started()
        return rec


class Recording:
    def __init__(self, proc: subprocess.Popen, path: Path, rate: int) -> None:
        self.proc, self.path, self.rate = proc, path, rate

    def wait_started(self, timeout: float = 10.0) -> None:
        """Wait until audio reaches the file: parecord delivers nothing for ~1 s after start."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.path.exists() and self.path.stat().st_size > 44 + self.rate // 10:
                return
            if self.proc.poll() is not None:
                raise RuntimeError("parecord exited: " + self.proc.stderr.read().decode(errors="replace"))
            time.sleep(0.02)
        raise RuntimeError("parecord wrote nothing within %.0f s" % timeout)

    def stop(self) -> np.ndarray:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)  # parecord finalises the WAV header
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        data, _ = sf.read(str(self.path), dtype="float32", always_2d=False)
        return data


# ---- fixtures ---------------------------------------------------------------------------------
def _require_tools() -> None:
    from realparts import require_tool  # tests/conftest.py: fails under CI=true

    require_tool(*TOOLS)


_SESSION: dict = {"rig": None, "users": 0, "old_server": None}


def session_rig(root: Path) -> PulseRig:
    """The process's one PulseAudio rig (started on first use, in ``root``); PULSE_SERVER set."""
    rig = _SESSION["rig"]
    if rig is None:
        rig = PulseRig(root)
        rig.start()
        _SESSION["rig"] = rig
        _SESSION["old_server"] = os.environ.get("PULSE_SERVER")
        os.environ["PULSE_SERVER"] = rig.server
    _SESSION["users"] += 1
    return rig


def start_before_tests(session) -> None:
    """Start the process's rig once collection is done, before the first test runs.

    Called from tests/conftest.py's ``pytest_collection_finish`` when a collected
    test uses ``pulse_rig``. Any earlier test that plays a sound (a ring tone)
    would otherwise make QtMultimedia connect to no server, or the desktop's,
    for the rest of the process. Missing tools: nothing here; the fixture
    skips (or fails under CI) as usual.
    """
    import tempfile

    if not have_tools(*TOOLS) or _SESSION["rig"] is not None:
        return
    root = Path(tempfile.mkdtemp(prefix="pulse-rig-"))
    session_rig(root)

    def stop() -> None:
        release_session_rig()
        shutil.rmtree(root, ignore_errors=True)

    session.config.add_cleanup(stop)


def release_session_rig() -> None:
    """Stop the rig when its last user (fixture) lets go of it."""
    _SESSION["users"] -= 1
    if _SESSION["users"] > 0 or _SESSION["rig"] is None:
        return
    _SESSION["rig"].stop()
    _SESSION["rig"] = None
    old = _SESSION["old_server"]
    if old is None:
        os.environ.pop("PULSE_SERVER", None)
    else:
        os.environ["PULSE_SERVER"] = old


def check_qt_sees(rig: PulseRig, timeout: float = 5.0) -> None:
    """Fail clearly when QtMultimedia is connected to another sound server than ``rig``.

    Qt lists devices by the PulseAudio sink/source name (QAudioDevice.id());
    the rig's ``headset`` sink and ``headset_mic`` source must be among them.
    """
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtMultimedia import QMediaDevices

    rig.reset()
    deadline = time.monotonic() + timeout
    while True:
        outs = {bytes(d.id().data()).decode(errors="replace") for d in QMediaDevices.audioOutputs()}
        ins = {bytes(d.id().data()).decode(errors="replace") for d in QMediaDevices.audioInputs()}
        if "headset" in outs and "headset_mic" in ins:
            return
        if time.monotonic() > deadline:
            raise RuntimeError(
                "QtMultimedia does not see the test rig's PulseAudio (%s): Qt lists outputs %s, "
                "inputs %s. Qt connects to a sound server once per process, at its first use; "
                "something used QtMultimedia before this rig started (PULSE_SERVER was %r)."
                % (rig.server, sorted(outs), sorted(ins), _SESSION["old_server"]))
        QCoreApplication.processEvents()
        time.sleep(0.05)


@pytest.fixture(scope="session")
def pulse_rig(tmp_path_factory, qapp):
    """The process's PulseAudio with the test headset plugged in; exports PULSE_SERVER.

    Shared by every test module that imports it (see the module docstring).
    """
    _require_tools()
    rig = session_rig(tmp_path_factory.mktemp("pulse"))
    try:
        check_qt_sees(rig)
        yield rig
    finally:
        release_session_rig()


@pytest.fixture
def headset(pulse_rig):
    """The rig in its known state (headset plugged, defaults set), and again after the test."""
    pulse_rig.reset()
    yield pulse_rig
    pulse_rig.reset()


# ---- test signals and quality -----------------------------------------------------------------
PHRASES = {
    "manager": "Good morning, this is Anna from the sales team. "
               "I am calling about the offer we sent you last week.",
    "client": "Hello Anna, thank you for calling. I have read the offer "
              "and I would like to know the delivery times.",
}


def speech_wav(path: Path, text: str, rate: int = 16000, voice: str = "en",
               lead_s: float = 0.3, tail_s: float = 0.5) -> Path:
    """Speak ``text`` with espeak-ng into a mono 16-bit WAV at ``rate`` (sox converts)."""
    from realparts import require_tool

    require_tool("espeak-ng", "sox")
    raw = path.with_suffix(".raw.wav")
    subprocess.run(["espeak-ng", "-v", voice, "-s", "150", "-w", str(raw), text], check=True,
                   capture_output=True, timeout=60)
    subprocess.run(["sox", str(raw), "-r", str(rate), "-c", "1", "-b", "16", str(path),
                    "pad", str(lead_s), str(tail_s)], check=True, capture_output=True, timeout=60)
    raw.unlink()
    return path


def read_wav(path: Path) -> tuple[np.ndarray, int]:
    data, rate = sf.read(str(path), dtype="float32", always_2d=True)
    return data.mean(axis=1), rate


def resample(x: np.ndarray, src: int, dst: int) -> np.ndarray:
    from math import gcd

    from scipy.signal import resample_poly

    if src == dst:
        return x
    g = gcd(src, dst)
    return resample_poly(x, dst // g, src // g).astype(np.float32)


def align(ref: np.ndarray, deg: np.ndarray) -> tuple[np.ndarray, int]:
    """``deg`` cut to where ``ref`` occurs in it (cross-correlation), and that lag in samples."""
    from scipy.signal import correlate

    corr = correlate(deg, ref, mode="full", method="fft")
    lag = int(np.argmax(np.abs(corr))) - (len(ref) - 1)
    if lag >= 0:
        out = deg[lag:lag + len(ref)]
    else:
        out = np.concatenate([np.zeros(-lag, dtype=deg.dtype), deg[:len(ref) + lag]])
    if len(out) < len(ref):
        out = np.concatenate([out, np.zeros(len(ref) - len(out), dtype=deg.dtype)])
    return out, lag


def pesq_nb(ref: np.ndarray, ref_rate: int, deg: np.ndarray, deg_rate: int) -> float:
    """PESQ narrow-band of ``deg`` against ``ref`` (both resampled to 8 kHz, aligned first)."""
    from pesq import pesq

    r = resample(ref, ref_rate, 8000)
    d = resample(deg, deg_rate, 8000)
    d, _ = align(r, d)
    if rms(d) < 1e-4:
        return 0.0  # nothing arrived (pesq itself fails with a NaN error on silence)
    return float(pesq(8000, r.astype(np.float64), d.astype(np.float64), "nb"))


def rms(x: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(x, dtype=np.float64)))) if len(x) else 0.0


def have_tools(*names: str) -> bool:
    return all(shutil.which(n) for n in names)
