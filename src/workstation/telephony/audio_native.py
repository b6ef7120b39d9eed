"""The headset bridge's native worker: the audio path in C (telephony/native).

`NativeWorker` has the interface of audio.py's Qt worker (open_input,
open_output, set_call_active, silence watching, `opened`), so `HeadsetBridge`
keeps its device choice, hot-plug, ring and signals, and only the path of
the frames changes: the pjmedia port and the PulseAudio streams are native,
and no Python runs per frame. The worker lives on the bridge's audio
QThread, where opening a stream may wait a few milliseconds for PulseAudio.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Slot
from PySide6.QtMultimedia import QAudioDevice

from workstation.telephony.audio import AudioWorkerBase
from workstation.telephony.audio_ring import BridgeStats
from workstation.telephony.native import NativeAudioError, NativeHeadset

INPUT, OUTPUT = "input", "output"
#: PulseAudio request size: 10 ms periods (the server default is far coarser).
PERIOD_MS = 10


def pulse_name(device: QAudioDevice) -> str:
    """Qt's id of a PulseAudio device is the sink/source name."""
    return bytes(device.id().data()).decode(errors="replace")


class NativeWorker(AudioWorkerBase):
    """Opens and closes the native streams; watches the microphone for silence."""

    def __init__(self, headset: NativeHeadset, silence_seconds: float,
                 silence_rms: float) -> None:
        super().__init__()
        self.headset = headset
        headset.set_silence_rms(silence_rms)
        self.silence_seconds = silence_seconds
        self._call_active = False
        self._active_since = 0.0
        self._silent_reported = False
        self.muted = False

    def _open(self, role: str, device: QAudioDevice | None) -> None:
        is_input = role == INPUT
        self.headset.close_side(is_input)
        if device is None:
            return
        try:
            self.headset.open(is_input, pulse_name(device), PERIOD_MS)
        except NativeAudioError as exc:
            self.opened.emit(role, False, str(exc))
            return
        self.opened.emit(role, True, "")

    @Slot(object)
    def open_input(self, device: QAudioDevice | None) -> None:
        self._open(INPUT, device)

    @Slot(object)
    def open_output(self, device: QAudioDevice | None) -> None:
        self._open(OUTPUT, device)

    @Slot(bool)
    def set_call_active(self, active: bool) -> None:
        self._call_active = active
        self._active_since = time.monotonic()
        self._silent_reported = False

    def set_muted(self, muted: bool) -> None:
        self.muted = muted
        self.headset.set_muted(muted)

    @Slot()
    def _check_silence(self) -> None:
        now = time.monotonic()
        if not self._call_active or self.muted:
            self._active_since = now  # a muted stretch is not the headset's silence
            return
        since = self.headset.seconds_since_sound()
        last_sound = self._active_since if since < 0 else max(self._active_since, now - since)
        silent = now - last_sound >= self.silence_seconds
        if silent and not self._silent_reported:
            self._silent_reported = True
            self.mic_silent.emit()
        elif self._silent_reported and now - last_sound < 0.2:
            self._silent_reported = False
            self.mic_sound.emit()

    def stats(self, reset: bool = False) -> BridgeStats:
        return self.headset.stats(reset)
