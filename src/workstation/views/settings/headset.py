"""Settings → Headset: the real microphones and speakers by name, a live level meter
for the chosen microphone and a test tone on the chosen speaker.

The lists come from QMediaDevices (what QtMultimedia can open, by the
description the audio bridge also finds them by) and follow hot-plug: a device
plugged in appears, one pulled out stays selected as "… (not connected)" so a
headset that is only unplugged for a moment keeps its setting. Qt misses
removals, so while the page is shown a PulseAudio watcher (the bridge's,
telephony/audio_pulse.py) says what is really there on Linux. ``save`` writes
audio.input / audio.output / audio.ring; the main window then hands the names
to the running audio bridge (``HeadsetBridge.set_devices``), which reopens what
changed. The meter and the tone use their own short-lived QAudioSource /
QAudioSink while the page is shown, never the call's streams.
"""

from __future__ import annotations

import math
import sys
from array import array

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QTimer
from PySide6.QtMultimedia import QAudioSink, QMediaDevices
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QLabel, QProgressBar,
                               QPushButton)

from workstation.config import Config
from workstation.telephony.audio import audio_format, prepare_audio_environment
from workstation.telephony.audio_ring import SAMPLE_RATE
from workstation.telephony.native import available as native_available
from workstation.views.firstrun.headset import MicMeter
from workstation.views.settings.pages import OptionPage

TONE_SECONDS = 1.0
TONE_HZ = 440.0


def test_tone(seconds: float = TONE_SECONDS, freq: float = TONE_HZ) -> bytes:
    """A sine at -12 dBFS with 20 ms fades, 16-bit mono at the bridge's rate."""
    n = int(seconds * SAMPLE_RATE)
    fade = int(0.02 * SAMPLE_RATE)
    out = array("h", bytes(2 * n))
    for i in range(n):
        env = min(1.0, i / fade, (n - 1 - i) / fade)
        out[i] = int(0.25 * 32767 * env * math.sin(2 * math.pi * freq * i / SAMPLE_RATE))
    return out.tobytes()


class HeadsetPage(OptionPage):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("headsetPage")
        prepare_audio_environment()
        self.inputs, self.outputs, self.rings = QComboBox(self), QComboBox(self), QComboBox(self)
        self.inputs.setObjectName("headsetMic")
        self.outputs.setObjectName("headsetSpeaker")
        self.rings.setObjectName("headsetRing")
        self.level = QProgressBar(self)
        self.level.setObjectName("headsetLevel")
        self.level.setRange(0, 100)
        self.level.setTextVisible(False)
        self.tone_button = QPushButton(self)
        self.tone_button.setObjectName("headsetTestTone")
        self.ring_button = QPushButton(self)
        self.ring_button.setObjectName("headsetTestRing")
        self.status = QLabel(self)
        self.status.setObjectName("headsetStatus")
        self.status.setWordWrap(True)
        self.paths = QComboBox(self)
        self.paths.setObjectName("headsetAudioPath")
        self.path_note = QLabel(self)
        self.path_note.setObjectName("headsetAudioPathNote")
        self.path_note.setWordWrap(True)
        self.labels = [QLabel(self) for _ in range(5)]
        form = QFormLayout(self)
        form.addRow(self.labels[0], self.inputs)
        form.addRow(self.labels[1], self.level)
        speaker = QHBoxLayout()
        speaker.addWidget(self.outputs, 1)
        speaker.addWidget(self.tone_button)
        form.addRow(self.labels[2], speaker)
        ring = QHBoxLayout()
        ring.addWidget(self.rings, 1)
        ring.addWidget(self.ring_button)
        form.addRow(self.labels[3], ring)
        form.addRow(self.labels[4], self.paths)
        form.addRow(self.path_note)
        form.addRow(self.status)
        self.chosen = {"input": "", "output": "", "ring": ""}
        self.meter = MicMeter(self.level, self)
        self.sink: QAudioSink | None = None
        self._tone: QBuffer | None = None
        self._tone_done = QTimer(self)
        self._tone_done.setSingleShot(True)
        self._tone_done.timeout.connect(self._stop_tone)
        self._pulse = None  # audio_pulse.PulseWatcher while shown (Linux)
        self.devices = QMediaDevices(self)
        self.devices.audioInputsChanged.connect(self.refresh_devices)
        self.devices.audioOutputsChanged.connect(self.refresh_devices)
        self.inputs.currentIndexChanged.connect(self._input_changed)
        self.outputs.currentIndexChanged.connect(lambda _i: self._remember())
        self.rings.currentIndexChanged.connect(lambda _i: self._remember())
        self.tone_button.clicked.connect(lambda: self.play_tone(self.outputs))
        self.ring_button.clicked.connect(lambda: self.play_tone(self.rings))
        self.retranslate()

    def title(self) -> str:
        return self.tr("Headset")

    def retranslate(self) -> None:
        for label, text in zip(self.labels, (self.tr("Microphone"), self.tr("Level"),
                                              self.tr("Speaker"), self.tr("Ring device"),
                                              self.tr("Audio path"))):
            label.setText(text)
        chosen = self.paths.currentData() or "auto"
        self.paths.blockSignals(True)
        self.paths.clear()
        for key, text in (("auto", self.tr("Automatic")),
                          ("native", self.tr("Native (PulseAudio)")),
                          ("python", self.tr("QtMultimedia"))):
            self.paths.addItem(text, key)
        self.paths.setCurrentIndex(max(0, self.paths.findData(chosen)))
        self.paths.blockSignals(False)
        self.paths.setToolTip(self.tr("How call audio reaches the headset; applies at the "
                                      "next start"))
        self._show_path_note()
        self.tone_button.setText(self.tr("Test tone"))
        self.tone_button.setToolTip(self.tr("Play a short tone on this speaker"))
        self.ring_button.setText(self.tr("Test tone"))
        self.ring_button.setToolTip(self.tr("Play a short tone on the ring device"))
        self.level.setToolTip(self.tr("Speak: the bar moves with the chosen microphone"))

    # ---- settings ----------------------------------------------------------------------
    def load(self, config: Config) -> None:
        self.chosen = {"input": config.get("audio.input"), "output": config.get("audio.output"),
                       "ring": config.get("audio.ring")}
        self.paths.setCurrentIndex(max(0, self.paths.findData(config.get("audio.path"))))
        self.refresh_devices()

    def save(self, config: Config) -> None:
        self._remember()
        config.set("audio.input", self.chosen["input"])
        config.set("audio.output", self.chosen["output"])
        config.set("audio.ring", self.chosen["ring"])
        config.set("audio.path", self.paths.currentData() or "auto")

    def _show_path_note(self) -> None:
        ok, why = native_available()
        if ok:
            self.path_note.setText(self.tr("The native path is available: call audio does not "
                                           "wait for the application's own threads."))
        else:
            self.path_note.setText(self.tr("The native path is not available (%1); "
                                           "QtMultimedia is used.").replace("%1", why))

    def _remember(self) -> None:
        for role, combo in (("input", self.inputs), ("output", self.outputs),
                            ("ring", self.rings)):
            if combo.count():
                self.chosen[role] = combo.currentData() or ""

    # ---- devices -----------------------------------------------------------------------
    def refresh_devices(self) -> None:
        """Fill the lists from QMediaDevices, keeping the choice (hot-plug)."""
        self._remember()
        inputs = [d.description() for d in self._present(QMediaDevices.audioInputs(), "input")]
        outputs = [d.description() for d in self._present(QMediaDevices.audioOutputs(),
                                                          "output")]
        for combo, names, role, default in (
                (self.inputs, inputs, "input", self.tr("System default")),
                (self.outputs, outputs, "output", self.tr("System default")),
                (self.rings, outputs, "ring", self.tr("Same as the speaker"))):
            chosen = self.chosen[role]
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(default, "")
            for name in names:
                combo.addItem(name, name)
            if chosen and chosen not in names:
                combo.addItem(self.tr("%1 (not connected)").replace("%1", chosen), chosen)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)
        if not inputs:
            self.status.setText(self.tr("No microphone found: plug in the headset."))
        elif self.chosen["input"] and self.chosen["input"] not in inputs:
            self.status.setText(self.tr("The chosen microphone is not connected."))
        else:
            self.status.clear()
        if self.isVisible():
            self._open_input()

    def _present(self, devices, role: str) -> list:
        """Qt's devices that PulseAudio still has (Qt keeps listing unplugged ones)."""
        pulse = self._pulse
        if pulse is None:
            return list(devices)
        has = pulse.has_input if role == "input" else pulse.has_output
        return [d for d in devices
                if has(bytes(d.id().data()).decode(errors="replace")) or has(d.description())]

    def _device(self, role: str, name: str):
        """The device of that name that is really there (empty name: the default)."""
        if role == "input":
            devices, default = QMediaDevices.audioInputs(), QMediaDevices.defaultAudioInput()
        else:
            devices, default = QMediaDevices.audioOutputs(), QMediaDevices.defaultAudioOutput()
        if not name:
            return None if default.isNull() else default
        return next((d for d in self._present(devices, role) if d.description() == name), None)

    def _input_changed(self, _index: int) -> None:
        self._remember()
        if self.isVisible():
            self._open_input()

    # ---- the level meter -----------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if self._pulse is None and sys.platform.startswith("linux"):
            # (deferred: libpulse is asked for on Linux only, while the page is shown)
            from workstation.telephony.audio_pulse import PulseWatcher

            watcher = PulseWatcher(self)
            if watcher.available:
                self._pulse = watcher
                watcher.changed.connect(self.refresh_devices)
            else:
                watcher.close()
        self.refresh_devices()

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.close_audio()
        if self._pulse is not None:
            self._pulse.close()
            self._pulse = None
        super().hideEvent(event)

    def _open_input(self) -> None:
        if not self.meter.open(self._device("input", self.inputs.currentData() or "")):
            self.status.setText(self.tr("The microphone cannot be opened."))

    # ---- the test tone ---------------------------------------------------------------------
    def play_tone(self, combo: QComboBox | None = None) -> bool:
        """Play the test tone on the device chosen in ``combo`` (the speaker by default)."""
        combo = combo or self.outputs
        name = combo.currentData() or ""
        if combo is self.rings and not name:
            name = self.outputs.currentData() or ""
        device = self._device("output", name)
        if device is None:
            self.status.setText(self.tr("This speaker is not connected."))
            return False
        self._stop_tone()
        self._tone = QBuffer(self)
        self._tone.setData(QByteArray(test_tone()))
        self._tone.open(QIODevice.OpenModeFlag.ReadOnly)
        self.sink = QAudioSink(device, audio_format(), self)
        self.sink.start(self._tone)
        self.status.setText(self.tr("Playing a test tone on %1…").replace(
            "%1", device.description()))
        self._tone_done.start(int(TONE_SECONDS * 1000) + 400)
        return True

    def _stop_tone(self) -> None:
        self._tone_done.stop()
        if self.sink is not None:
            self.sink.stop()
            self.sink.deleteLater()
            self.sink = None
        self._tone = None

    def close_audio(self) -> None:
        self.meter.close()
        self._stop_tone()
