"""Headset audio: the bridge between pjsua2's conference and the headset.

The pjsua2 wheel has no sound devices (only the null device, which still
gives the conference bridge its 20 ms clock). `HeadsetBridge` carries call
audio to and from the headset itself, by one of two paths (``path`` /
setting audio.path): **native** (telephony/native: a C pjmedia port and
PulseAudio streams, driven by `audio_native.NativeWorker`; the default where
it is built) or **python**, described here:

    headset mic ─ QAudioSource ─▶ ring ─▶ HeadsetPort.onFrameRequested ─▶ call
    call ─▶ HeadsetPort.onFrameReceived ─▶ ring ─▶ QAudioSink ─ headset speaker

Threads:
- pjmedia's clock thread calls the port 50 times a second; it only copies
  bytes into/out of `audio_ring.BridgeCore` (a lock held for microseconds).
- `_AudioWorker` lives on its own QThread and owns QAudioSource, QAudioSink and
  the ring tone (QSoundEffect), so a busy GUI thread does not starve the
  headset.
- `HeadsetBridge` lives on the pjsua2 thread (the Qt GUI thread in this app):
  `start()`, `connect_call()`, `disconnect()` and `close()` call pjsua2 and
  must run there. It watches QMediaDevices for hot-plug.

Devices are chosen by name (QAudioDevice.description(); empty = the system
default). If the chosen headset disappears, the bridge closes that side and
emits `sig_headset_disconnected`; it never moves the call to another device.
When a device with that name appears again it is reopened, even mid-call.
A device's identity is Qt's id (the PulseAudio name) plus PulseAudio's index,
which is new after every replug, so a quick unplug/replug is reopened too.
"""

from __future__ import annotations

import array
import ctypes
import logging
import math
import os
import sys
import time
from pathlib import Path

import pjsua2 as pj
from PySide6.QtCore import (QIODevice, QMetaObject, QObject, Qt, QThread, QTimer, QUrl, Signal,
                            Slot)
from PySide6.QtMultimedia import (QAudioDevice, QAudioFormat, QAudioSink, QAudioSource,
                                  QMediaDevices, QSoundEffect)

from workstation.paths import resource
from workstation.telephony.audio_ring import (BYTES_PER_MS, CHANNELS, FRAME_BYTES, FRAME_MS,
                                              SAMPLE_RATE, BridgeCore, BridgeStats, ms_to_bytes)

__all__ = ["HeadsetBridge", "HeadsetPort", "BridgeStats", "input_names", "output_names",
           "prepare_audio_environment", "DEFAULT_SILENCE_RMS"]

log = logging.getLogger(__name__)

INPUT, OUTPUT, RING = "input", "output", "ring"
#: Where the frames go (setting audio.path): the C path or QtMultimedia, or native when possible.
PATHS = ("auto", "native", "python")

#: RMS (Int16 units) below which a 20 ms microphone chunk counts as silence (≈ -56 dBFS).
DEFAULT_SILENCE_RMS = 50.0
#: Interpreter switch interval the bridge needs (seconds). Python's default
#: 5 ms lets a busy GUI thread hold the GIL long enough to starve the Qt audio
#: thread (measured: 80 ms microphone gaps and underruns with a 200 ms Python
#: burst; 16 ms gaps and none at 1 ms).
SWITCH_INTERVAL_S = 0.001

#: Period the audio server is asked to use; PulseAudio's default for Qt's
#: source is 64 ms fragments, far too coarse for a call (measured here).
OS_PERIOD_MS = 10


def prepare_audio_environment() -> None:
    """Ask PulseAudio / PipeWire for short periods; call before opening any stream.

    libpulse reads PULSE_LATENCY_MSEC when a stream is connected (Qt gives no
    API for the fragment size); PIPEWIRE_LATENCY does the same for Qt's
    PipeWire backend. An explicit user setting wins.
    """
    if sys.platform.startswith("linux"):
        os.environ.setdefault("PULSE_LATENCY_MSEC", str(OS_PERIOD_MS))
        os.environ.setdefault("PIPEWIRE_LATENCY", f"{OS_PERIOD_MS * SAMPLE_RATE // 1000}/{SAMPLE_RATE}")


def audio_format() -> QAudioFormat:
    fmt = QAudioFormat()
    fmt.setSampleRate(SAMPLE_RATE)
    fmt.setChannelCount(CHANNELS)
    fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
    return fmt


def input_names() -> list[str]:
    """Microphones Qt can open, by the name stored in audio.input."""
    return [d.description() for d in QMediaDevices.audioInputs()]


def output_names() -> list[str]:
    """Speakers/headsets Qt can open, by the name stored in audio.output / audio.ring."""
    return [d.description() for d in QMediaDevices.audioOutputs()]


def _find(devices: list[QAudioDevice], default: QAudioDevice, name: str) -> QAudioDevice | None:
    if not name:
        return None if default.isNull() else default
    for d in devices:
        if d.description() == name:
            return d
    for d in devices:  # a name saved from an id (e.g. a PulseAudio sink name) also works
        if bytes(d.id().data()).decode(errors="replace") == name:
            return d
    return None


def _no_error(stream: QAudioSource | QAudioSink) -> bool:
    err = stream.error()
    return err == type(err).NoError  # QAudio.Error / QtAudio.Error, by Qt version


# ---- pjsua2 side ----------------------------------------------------------------------------
def _vector_bytes(vec: pj.ByteVector) -> bytes:
    """The bytes of a pjsua2 ByteVector.

    SWIG iterates element by element (~0.7 ms per 640-byte frame, measured);
    a std::vector is {begin, end, capacity} pointers in libstdc++, libc++ and
    MSVC alike, so read its memory directly when the layout checks out.
    """
    n = len(vec)
    try:
        addr = int(vec.this)
        begin = ctypes.c_void_p.from_address(addr).value
        end = ctypes.c_void_p.from_address(addr + ctypes.sizeof(ctypes.c_void_p)).value
        if begin and end - begin == n:
            return ctypes.string_at(begin, n)
    except (AttributeError, TypeError, ValueError):
        pass
    return bytes(vec[0:n])


def _vector_data(vec: pj.ByteVector, n: int) -> int:
    """Address of a ByteVector's storage (0 when the layout cannot be confirmed)."""
    try:
        addr = int(vec.this)
        begin = ctypes.c_void_p.from_address(addr).value
        end = ctypes.c_void_p.from_address(addr + ctypes.sizeof(ctypes.c_void_p)).value
        if begin and end - begin == n:
            vec[0] = 1  # prove it: the write must show at that address
            ok = ctypes.string_at(begin, 1) == b"\x01"
            vec[0] = 0
            return begin if ok else 0
    except (AttributeError, TypeError, ValueError):
        pass
    return 0


class HeadsetPort(pj.AudioMediaPort):
    """The pjsua2 conference port of the headset. Runs on pjmedia's clock thread.

    onFrameRequested: pjsua2 wants what the manager says (microphone ring).
    onFrameReceived: pjsua2 delivers what the manager should hear (speaker ring).
    """

    def __init__(self, core: BridgeCore) -> None:
        super().__init__()
        self._core = core
        self._audio_type = pj.PJMEDIA_FRAME_TYPE_AUDIO
        # One vector reused for every frame: filling it with memmove costs ~2 µs,
        # building a ByteVector from bytes ~55 µs (SWIG converts element by element).
        self._vec = pj.ByteVector(FRAME_BYTES)
        self._vec_addr = _vector_data(self._vec, FRAME_BYTES)

    def onFrameRequested(self, frame: pj.MediaFrame) -> None:  # noqa: N802 (pjsua2 API)
        data = self._core.pull_mic()
        if self._vec_addr and len(data) == FRAME_BYTES:
            ctypes.memmove(self._vec_addr, data, FRAME_BYTES)
            frame.buf = self._vec  # a C++ vector copy (memcpy)
        else:
            frame.buf = pj.ByteVector(data)
        frame.size = len(data)
        frame.type = self._audio_type

    def onFrameReceived(self, frame: pj.MediaFrame) -> None:  # noqa: N802 (pjsua2 API)
        if frame.type == self._audio_type and frame.size:
            self._core.push_speaker(_vector_bytes(frame.buf))


# ---- Qt audio thread ------------------------------------------------------------------------
class _SpeakerFeed(QIODevice):
    """What the QAudioSink pulls (pull mode): served from the speaker ring.

    Qt calls readData on the sink's thread (the bridge's audio QThread) every
    few milliseconds with the room it has (unbuffered device: maxlen = the
    sink's free bytes); an empty answer is fine, it asks again. No timer of
    ours is involved.
    """

    def __init__(self, core: BridgeCore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._core = core
        self.sink: QAudioSink | None = None

    def isSequential(self) -> bool:  # noqa: N802 (Qt API)
        return True

    def readData(self, maxlen: int) -> bytes:  # noqa: N802 (Qt API)
        sink = self.sink
        if sink is None:
            return b""
        free = sink.bytesFree()
        return self._core.read_speaker(max(0, sink.bufferSize() - free), min(maxlen, free))

    def bytesAvailable(self) -> int:  # noqa: N802 (Qt API)
        # Qt's pull loop reads min(this, its free room): claim enough for the target
        return self._core.speaker_target + FRAME_BYTES

    def writeData(self, data) -> int:  # noqa: N802 (Qt API)
        return -1


class AudioWorkerBase(QObject):
    """What both paths' workers share (this module's Qt worker and
    audio_native.NativeWorker): the signals, the 100 ms silence watch, shutdown."""

    opened = Signal(str, bool, str)  # role, ok, error text
    mic_silent = Signal()
    mic_sound = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._watch: QTimer | None = None

    @Slot()
    def setup(self) -> None:
        self._watch = QTimer(self)
        self._watch.setInterval(100)
        self._watch.timeout.connect(self._check_silence)
        self._watch.start()

    @Slot()
    def shutdown(self) -> None:
        self.open_input(None)
        self.open_output(None)
        if self._watch:
            self._watch.stop()

    @Slot(float)
    def set_silence_seconds(self, seconds: float) -> None:
        self.silence_seconds = seconds

    def open_input(self, device: QAudioDevice | None) -> None:
        raise NotImplementedError

    def open_output(self, device: QAudioDevice | None) -> None:
        raise NotImplementedError

    def _check_silence(self) -> None:
        raise NotImplementedError


class _AudioWorker(AudioWorkerBase):
    """Owns the Qt audio objects; lives on the bridge's QThread."""

    def __init__(self, core: BridgeCore, silence_seconds: float, silence_rms: float) -> None:
        super().__init__()
        self._core = core
        self._fmt = audio_format()
        self._source: QAudioSource | None = None
        self._source_io = None
        self._sink: QAudioSink | None = None
        self._feed: _SpeakerFeed | None = None
        self._rms_due = 0.0
        self.silence_seconds = silence_seconds
        self.silence_rms = silence_rms
        self._call_active = False
        self._last_sound = 0.0
        self._silent_reported = False

    # -- microphone
    @Slot(object)
    def open_input(self, device: QAudioDevice | None) -> None:
        if self._source is not None:
            self._core.set_mic_open(False)
            self._source.stop()
            self._source.deleteLater()
            self._source = self._source_io = None
        if device is None:
            return
        src = QAudioSource(device, self._fmt, self)
        src.setBufferSize(ms_to_bytes(8 * FRAME_MS))
        io = src.start()
        if io is None or not _no_error(src):
            err = str(src.error())
            src.deleteLater()
            self.opened.emit(INPUT, False, err)
            return
        self._source, self._source_io = src, io
        io.readyRead.connect(self._read_mic)
        self._core.set_mic_open(True)
        self.opened.emit(INPUT, True, "")

    @Slot()
    def _read_mic(self) -> None:
        io = self._source_io
        if io is None:
            return
        data = io.readAll().data()
        if not data:
            return
        self._core.write_mic(data)
        if not self._call_active:
            return
        now = time.monotonic()
        if (now >= self._rms_due or self._silent_reported) and self._rms(data) >= self.silence_rms:
            # sound: no need to look again for a while (the check is per 100 ms)
            self._last_sound = now
            self._rms_due = now + 0.05
            if self._silent_reported:
                self._silent_reported = False
                self.mic_sound.emit()

    @staticmethod
    def _rms(data: bytes) -> float:
        n = len(data) // 2
        if not n:
            return 0.0
        samples = memoryview(data[: n * 2]).cast("h")
        if sys.byteorder != "little":
            arr = array.array("h", samples)
            arr.byteswap()
            samples = arr
        return math.sqrt(math.fsum(s * s for s in samples[::4]) / len(samples[::4]))

    @Slot(bool)
    def set_call_active(self, active: bool) -> None:
        self._call_active = active
        self._last_sound = time.monotonic()
        self._silent_reported = False

    @Slot()
    def _check_silence(self) -> None:
        if not self._call_active or self._silent_reported or self._core.muted:
            if self._core.muted:
                self._last_sound = time.monotonic()
            return
        if time.monotonic() - self._last_sound >= self.silence_seconds:
            self._silent_reported = True
            self.mic_silent.emit()

    # -- speaker
    @Slot(object)
    def open_output(self, device: QAudioDevice | None) -> None:
        if self._sink is not None:
            self._core.set_speaker_open(False)
            self._feed.sink = None
            self._sink.stop()
            self._sink.deleteLater()
            self._feed.close()
            self._feed.deleteLater()
            self._sink = self._feed = None
        if device is None:
            return
        sink = QAudioSink(device, self._fmt, self)
        sink.setBufferSize(ms_to_bytes(10 * FRAME_MS))
        feed = _SpeakerFeed(self._core, self)
        feed.open(QIODevice.OpenModeFlag.ReadOnly | QIODevice.OpenModeFlag.Unbuffered)
        feed.sink = sink
        self._core.set_speaker_open(True)
        sink.start(feed)
        if not _no_error(sink):
            err = str(sink.error())
            self._core.set_speaker_open(False)
            feed.sink = None
            sink.deleteLater()
            feed.deleteLater()
            self.opened.emit(OUTPUT, False, err)
            return
        self._sink, self._feed = sink, feed
        self.opened.emit(OUTPUT, True, "")


class _Ringer(QObject):
    """The ring tone (QSoundEffect). Lives on the bridge's thread: QSoundEffect on
    the audio QThread crashed Qt 6.11's PulseAudio backend (measured), and a ring
    tone needs no low latency."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._effect: QSoundEffect | None = None

    @Slot(object, str)
    def start_ring(self, device: QAudioDevice, path: str) -> None:
        self.stop_ring()
        effect = QSoundEffect(device, self)
        effect.setSource(QUrl.fromLocalFile(path))
        effect.setLoopCount(QSoundEffect.Loop.Infinite.value)
        effect.play()
        self._effect = effect

    @Slot()
    def stop_ring(self) -> None:
        if self._effect is not None:
            self._effect.stop()
            self._effect.deleteLater()
            self._effect = None

    @Slot(result=bool)
    def ringing(self) -> bool:
        return self._effect is not None and self._effect.isPlaying()


# ---- the bridge (pjsua2 / GUI thread) -------------------------------------------------------
class HeadsetBridge(QObject):
    """Carries call audio between pjsua2 and the headset, chosen by device name.

    Create it on the pjsua2 thread after the Endpoint is initialised (libInit,
    null device set), then `start()`. `port` is the pjsua2 AudioMedia of the
    headset, usable with recorders and players like any other.
    """

    sig_headset_disconnected = Signal(str, str)
    """(role, device name): the chosen microphone ("input"), speaker ("output") or
    ring device ("ring") disappeared; that side is closed, nothing falls back."""
    sig_headset_connected = Signal(str, str)
    """(role, device name): the device is open (at start or after a replug)."""
    sig_device_error = Signal(str, str)
    """(role, message): the device is present but could not be opened."""
    sig_mic_silent = Signal()
    """The microphone has sent only silence for `silence_seconds` during a call (once)."""
    sig_mic_sound = Signal()
    """Sound came back after `sig_mic_silent`."""

    # queued requests to the worker
    _req_input = Signal(object)
    _req_output = Signal(object)
    _req_call = Signal(bool)
    _req_ring = Signal(object, str)
    _req_ring_stop = Signal()
    _req_silence = Signal(float)

    def __init__(self, input_name: str = "", output_name: str = "", ring_name: str = "",
                 ring_file: str | os.PathLike | None = None, silence_seconds: float = 10.0,
                 silence_rms: float = DEFAULT_SILENCE_RMS, mic_prefill_ms: float = 30,
                 speaker_target_ms: float = 40, path: str = "auto",
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        if path not in PATHS:
            raise ValueError(f"audio path {path!r}: expected one of {', '.join(PATHS)}")
        self._path = path
        self.path_used = ""
        """After start(): "native" (the C path) or "python" (QtMultimedia)."""
        self.path_note = ""
        """Why the Python path is used when native was possible to ask for."""
        self._native = None  # telephony.native.NativeHeadset on the native path
        self._silence = (silence_seconds, silence_rms)
        prepare_audio_environment()
        self._names = {INPUT: input_name, OUTPUT: output_name, RING: ring_name}
        self._ring_file = str(ring_file) if ring_file else ""
        self._tone = self._ring_file  # what plays while ringing: the ring or the waiting tone
        self._waiting_file = str(resource("sounds", "waiting.wav"))
        self._core = BridgeCore(mic_prefill_ms=mic_prefill_ms, speaker_target_ms=speaker_target_ms)
        self._port: HeadsetPort | None = None
        self._call_media: pj.AudioMedia | None = None
        self._present: dict[str, bytes | None] = {INPUT: None, OUTPUT: None}
        self._missing_reported: dict[str, bool] = {INPUT: False, OUTPUT: False, RING: False}
        self._ringing = False
        self._ring_key: bytes | None = None  # identity of the device the ring plays on
        self._thread: QThread | None = None
        self._worker: AudioWorkerBase | None = None  # made in start(), by path
        self._ringer = _Ringer(self)
        self._devices: QMediaDevices | None = None
        self._pulse = None  # audio_pulse.PulseWatcher on Linux: Qt misses removals

    @classmethod
    def from_config(cls, config, **kwargs) -> HeadsetBridge:
        """A bridge for the devices in settings (audio.input, audio.output, audio.ring)."""
        kwargs.setdefault("ring_file", resource("sounds", "ring.wav"))
        kwargs.setdefault("path", config.get("audio.path"))
        return cls(config.get("audio.input"), config.get("audio.output"),
                   config.get("audio.ring"), **kwargs)

    # ---- life ------------------------------------------------------------------------------
    def start(self) -> None:
        """Create the pjsua2 port and open the chosen devices (pjsua2 thread)."""
        if self._port is not None:
            return
        if not self._start_native():
            if sys.getswitchinterval() > SWITCH_INTERVAL_S:
                sys.setswitchinterval(SWITCH_INTERVAL_S)
            fmt = pj.MediaFormatAudio()
            fmt.type = pj.PJMEDIA_TYPE_AUDIO
            fmt.init(pj.PJMEDIA_FORMAT_PCM, SAMPLE_RATE, CHANNELS, FRAME_MS * 1000, 16)
            port = HeadsetPort(self._core)
            port.createPort("headset", fmt)
            self._port = port
            self.path_used = "python"
            self._worker = _AudioWorker(self._core, *self._silence)

        self._thread = QThread()
        self._thread.setObjectName("headset-audio")
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.setup)
        self._req_input.connect(self._worker.open_input)
        self._req_output.connect(self._worker.open_output)
        self._req_call.connect(self._worker.set_call_active)
        self._req_ring.connect(self._ringer.start_ring)
        self._req_ring_stop.connect(self._ringer.stop_ring)
        self._req_silence.connect(self._worker.set_silence_seconds)
        self._worker.opened.connect(self._on_opened)
        self._worker.mic_silent.connect(self.sig_mic_silent)
        self._worker.mic_sound.connect(self.sig_mic_sound)
        self._thread.start(QThread.Priority.TimeCriticalPriority)

        self._devices = QMediaDevices(self)
        self._devices.audioInputsChanged.connect(self._rescan)
        self._devices.audioOutputsChanged.connect(self._rescan)
        if sys.platform.startswith("linux"):
            # (deferred: libpulse is asked for on Linux only)
            from workstation.telephony.audio_pulse import PulseWatcher

            watcher = PulseWatcher(self)
            if watcher.available:
                self._pulse = watcher
                watcher.changed.connect(self._rescan)
        self._rescan()

    def _start_native(self) -> bool:
        """The C path's port on the conference bridge, if asked for and possible."""
        if self._path == "python":
            return False
        # (deferred: the native path loads a C library and needs the pjsua2 extension)
        from workstation.telephony.audio_native import NativeWorker
        from workstation.telephony.native import NativeAudioError, NativeHeadset

        try:
            headset = NativeHeadset()
        except NativeAudioError as exc:
            self.path_note = str(exc)
            level = logging.ERROR if self._path == "native" else logging.INFO
            log.log(level, "headset: the native audio path is not available (%s); "
                    "using QtMultimedia", exc)
            if self._path == "native":
                self.sig_device_error.emit(OUTPUT, self.path_note)
            return False
        media = next((m for m in pj.Endpoint.instance().mediaEnumPorts2()
                      if m.getPortId() == headset.slot), None)
        if media is None:
            headset.destroy()
            self.path_note = f"conference port {headset.slot} not found"
            log.error("headset: %s; using QtMultimedia", self.path_note)
            return False
        self._native = headset
        self._worker = NativeWorker(headset, *self._silence)
        self._port = media
        self.path_used = "native"
        log.info("headset: native audio path (conference slot %d)", headset.slot)
        return True

    def close(self) -> None:
        """Stop audio, close devices and the port (pjsua2 thread, before libDestroy)."""
        self.disconnect_call()
        self._ringing = False
        self._ringer.stop_ring()
        if self._pulse is not None:
            self._pulse.close()
            self._pulse = None
        if self._devices is not None:
            self._devices.audioInputsChanged.disconnect(self._rescan)
            self._devices.audioOutputsChanged.disconnect(self._rescan)
            self._devices = None
        if self._thread is not None:
            QMetaObject.invokeMethod(self._worker, "shutdown",
                                     Qt.ConnectionType.BlockingQueuedConnection)
            self._thread.quit()
            self._thread.wait()
            self._thread = None
        self._core.set_mic_open(False)
        self._core.set_speaker_open(False)
        self._port = None  # ~AudioMediaPort removes it from the conference bridge
        if self._native is not None:
            self._native.destroy()  # the C port: off the bridge, its streams closed
            self._native = None

    @property
    def port(self) -> pj.AudioMedia:
        """The headset's pjsua2 AudioMedia (after start())."""
        if self._port is None:
            raise RuntimeError("HeadsetBridge.start() was not called")
        return self._port

    # ---- calls ----------------------------------------------------------------------------
    def connect_call(self, call_media: pj.AudioMedia) -> None:
        """Headset ⇄ call audio, both ways (pjsua2 thread). Starts silence watching."""
        port = self.port
        if self._call_media is not None:
            self.disconnect_call()
        call_media.startTransmit(port)
        port.startTransmit(call_media)
        self._call_media = call_media
        self._req_call.emit(True)

    def disconnect_call(self) -> None:
        """Stop both directions (pjsua2 thread); harmless if the call media is gone."""
        media, self._call_media = self._call_media, None
        if media is None:
            return
        self._req_call.emit(False)
        if self._port is None:
            return
        for fn in (lambda: media.stopTransmit(self._port), lambda: self._port.stopTransmit(media)):
            try:
                fn()
            except pj.Error as exc:  # the call's media may already be destroyed
                log.debug("stopTransmit: %s", exc.info() if hasattr(exc, "info") else exc)

    def attach_to(self, engine) -> None:
        """Install the bridge as ``engine``'s headset (TelephonyEngine.audio_attach/detach).

        The engine connects the call to the headset port both ways, honours its
        own mute and records the port on the manager's channel; the bridge
        watches the microphone for silence while a call has media. Call
        ``engine.audio_attach = engine.audio_detach = None`` (or
        `detach_from`) before `close()`.
        """
        keys: set[str] = set()  # two lines: silence is watched while any call has media

        def attach(key, media):
            keys.add(key)
            self._call_media = media
            self._req_call.emit(True)
            return self.port, self.port

        def detach(key):
            keys.discard(key)
            if self._call_media is not None and not keys:
                self._call_media = None
                self._req_call.emit(False)

        engine.audio_attach = attach
        engine.audio_detach = detach

    @staticmethod
    def detach_from(engine) -> None:
        engine.audio_attach = engine.audio_detach = None

    def disconnect(self, *args, **kwargs):
        """No arguments: `disconnect_call()`. With arguments: QObject.disconnect."""
        if args or kwargs:
            return super().disconnect(*args, **kwargs)
        self.disconnect_call()
        return None

    @property
    def in_call(self) -> bool:
        return self._call_media is not None

    def set_mic_muted(self, muted: bool) -> None:
        """Send silence to the call without closing the headset; pauses silence warnings."""
        if self._native is not None:
            self._worker.set_muted(muted)
        else:
            self._core.set_muted(muted)

    def set_silence_seconds(self, seconds: float) -> None:
        self._req_silence.emit(float(seconds))

    # ---- devices ---------------------------------------------------------------------------
    def device_names(self) -> dict[str, str]:
        return dict(self._names)

    def set_devices(self, input_name: str | None = None, output_name: str | None = None,
                    ring_name: str | None = None) -> None:
        """Choose other devices by name (empty = system default); reopens what changed."""
        for role, name in ((INPUT, input_name), (OUTPUT, output_name), (RING, ring_name)):
            if name is not None and name != self._names[role]:
                self._names[role] = name
                self._missing_reported[role] = False
                if role in self._present:
                    self._present[role] = None  # force a reopen
        self._rescan()

    def is_open(self, role: str) -> bool:
        return self._present.get(role) is not None

    def _ring_name(self) -> str:
        return self._names[RING] or self._names[OUTPUT]

    def _present_device(self, role: str, devices: list[QAudioDevice],
                        default: QAudioDevice) -> tuple[QAudioDevice | None, bytes | None]:
        """The chosen device if it is really there (Qt's list, checked with PulseAudio's),
        and its identity key.

        Qt's QAudioDevice.id() is the PulseAudio sink/source *name*, the same
        after an unplug and replug; PulseAudio's index is new each time. The key
        holds both, so a replug is a new device even when the unplug and the
        replug reach us in one rescan: meanwhile PulseAudio has moved our
        streams to the default device (the built-in speaker/mic), and only a
        reopen brings them back to the headset.
        """
        name = self._ring_name() if role == RING else self._names[role]
        dev = _find(devices, default, name)
        if dev is None:
            return None, None
        key = bytes(dev.id().data())
        if self._pulse is None:
            return dev, key
        pulse_id = key.decode(errors="replace")
        index = self._pulse.input_index if role == INPUT else self._pulse.output_index
        found = index(pulse_id)
        if found is None:
            found = index(dev.description())
        if found is None:
            return None, None
        return dev, key + b"#%d" % found

    @Slot()
    def _rescan(self) -> None:
        if self._thread is None:
            return
        inputs = QMediaDevices.audioInputs()
        outputs = QMediaDevices.audioOutputs()
        for role, devs, default, req in (
                (INPUT, inputs, QMediaDevices.defaultAudioInput(), self._req_input),
                (OUTPUT, outputs, QMediaDevices.defaultAudioOutput(), self._req_output)):
            dev, key = self._present_device(role, devs, default)
            if key == self._present[role]:
                continue
            was_open = self._present[role] is not None
            self._present[role] = key
            if dev is None:
                req.emit(None)
                if was_open or not self._missing_reported[role]:
                    self._missing_reported[role] = True
                    log.warning("audio %s device %r disappeared", role, self._names[role])
                    self.sig_headset_disconnected.emit(role, self._names[role])
            else:
                self._missing_reported[role] = False
                req.emit(dev)
        if self._ringing:
            ring_dev, ring_key = self._present_device(RING, outputs,
                                                      QMediaDevices.defaultAudioOutput())
            if ring_dev is None:
                self._ring_key = None
                self._req_ring_stop.emit()
                if not self._missing_reported[RING]:
                    self._missing_reported[RING] = True
                    self.sig_headset_disconnected.emit(RING, self._ring_name())
            elif self._missing_reported[RING] or ring_key != self._ring_key:
                self._missing_reported[RING] = False
                self._ring_key = ring_key
                self._req_ring.emit(ring_dev, self._tone)

    @Slot(str, bool, str)
    def _on_opened(self, role: str, ok: bool, error: str) -> None:
        if ok:
            self.sig_headset_connected.emit(role, self._names[role])
        else:
            self._present[role] = None
            log.warning("audio %s device %r failed to open: %s", role, self._names[role], error)
            self.sig_device_error.emit(role, error)

    # ---- ring tone -------------------------------------------------------------------------
    def start_waiting_tone(self) -> bool:
        """Loop the soft call-waiting tone (a second call while on a call) on the ring
        device, like :meth:`start_ring`."""
        return self.start_ring(self._waiting_file)

    def start_ring(self, tone: str | None = None) -> bool:
        """Loop the ring tone (or ``tone``, a WAV) on the ring device (audio.ring, else
        the headset speaker).

        Returns False (and emits sig_headset_disconnected for "ring") when that
        device is absent: the ring never moves to another device.
        """
        self._ringing = True
        self._tone = tone or self._ring_file
        if not self._tone or not Path(self._tone).is_file():
            self.sig_device_error.emit(RING, self.tr("Ring tone file is missing: %1")
                                       .replace("%1", self._tone or "-"))
            return False
        dev, self._ring_key = self._present_device(RING, QMediaDevices.audioOutputs(),
                                                   QMediaDevices.defaultAudioOutput())
        if dev is None:
            self._missing_reported[RING] = True
            self.sig_headset_disconnected.emit(RING, self._ring_name())
            return False
        self._missing_reported[RING] = False
        self._req_ring.emit(dev, self._tone)
        return True

    def stop_ring(self) -> None:
        self._ringing = False
        self._ring_key = None
        self._req_ring_stop.emit()

    # ---- figures ---------------------------------------------------------------------------
    def stats(self) -> BridgeStats:
        """Underrun/overrun counters, ring fill and the buffering latency the bridge adds."""
        if self._native is not None:
            return self._worker.stats()
        return self._core.stats()

    def reset_stats(self) -> None:
        if self._native is not None:
            self._worker.stats(reset=True)
        self._core.reset_counters()


#: bytes per millisecond of the bridge format, for callers computing durations
BRIDGE_BYTES_PER_MS = BYTES_PER_MS
BRIDGE_FRAME_BYTES = FRAME_BYTES
