"""The wizard's headset check: pick the microphone and speaker, watch the level, record
3 s and hear it back. The names chosen go to audio.input / audio.output (Settings →
General shows and changes them later)."""

from __future__ import annotations

import array
import math

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QTimer
from PySide6.QtMultimedia import QAudioSink, QAudioSource, QMediaDevices
from PySide6.QtWidgets import (QComboBox, QFormLayout, QLabel, QProgressBar, QPushButton,
                               QVBoxLayout, QWizardPage)

from workstation.telephony.audio import audio_format, prepare_audio_environment
from workstation.telephony.audio_ring import BYTES_PER_MS

RECORD_MS = 3000


def level_percent(data: bytes) -> int:
    """0..100 for -60..0 dBFS of a chunk of 16-bit samples."""
    samples = array.array("h", data[: len(data) // 2 * 2])
    if not samples:
        return 0
    rms = math.sqrt(sum(s * s for s in samples) / len(samples))
    if rms < 1:
        return 0
    db = 20 * math.log10(rms / 32768)
    return max(0, min(100, int((db + 60) / 60 * 100)))


class MicMeter(QObject):
    """A microphone opened only to show its level on a QProgressBar (the wizard's
    headset check, Settings → Headset); ``on_data`` also gets the bytes read."""

    def __init__(self, bar: QProgressBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bar = bar
        self.source: QAudioSource | None = None
        self.io = None
        self.on_data = None

    @property
    def is_open(self) -> bool:
        return self.io is not None

    def open(self, device) -> bool:
        """Listen to ``device`` (None: nothing to open); False if it cannot be opened."""
        self.close()
        if device is None:
            return True
        self.source = QAudioSource(device, audio_format(), self)
        self.io = self.source.start()
        if self.io is None:
            return False
        self.io.readyRead.connect(self._read)
        return True

    def _read(self) -> None:
        if self.io is None:
            return
        data = self.io.readAll().data()
        if data:
            self.bar.setValue(level_percent(data))
            if self.on_data is not None:
                self.on_data(data)

    def close(self) -> None:
        if self.source is not None:
            self.source.stop()
            self.source.deleteLater()
        self.source = self.io = None
        self.bar.setValue(0)


class HeadsetWizardPage(QWizardPage):
    def __init__(self, general_page, parent=None) -> None:
        super().__init__(parent)
        self.general = general_page  # views/settings/pages.GeneralPage: saves audio.*
        self.setTitle(self.tr("Headset"))
        self.setSubTitle(self.tr("Choose the headset, speak: the bar moves. Record 3 seconds "
                                 "and listen to them."))
        prepare_audio_environment()
        self.inputs, self.outputs = QComboBox(self), QComboBox(self)
        self.inputs.setObjectName("micCombo")
        self.outputs.setObjectName("speakerCombo")
        self.level = QProgressBar(self)
        self.level.setObjectName("micLevel")
        self.level.setRange(0, 100)
        self.level.setTextVisible(False)
        self.record_button = QPushButton(self.tr("Record 3 s and play back"), self)
        self.record_button.setObjectName("recordTest")
        self.status = QLabel(self)
        self.status.setObjectName("headsetStatus")
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Microphone"), self.inputs)
        form.addRow(self.tr("Level"), self.level)
        form.addRow(self.tr("Speaker"), self.outputs)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.record_button)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.meter = MicMeter(self.level, self)
        self.meter.on_data = self._recorded
        self.sink = None
        self._recording: bytearray | None = None
        self._playback: QBuffer | None = None
        self._stop_timer = QTimer(self)
        self._stop_timer.setSingleShot(True)
        self._stop_timer.timeout.connect(self._play_back)
        self.record_button.clicked.connect(self.record)
        self.inputs.currentIndexChanged.connect(self._input_changed)
        self.outputs.currentIndexChanged.connect(self._output_changed)

    # -- devices -----------------------------------------------------------------------
    def initializePage(self) -> None:  # noqa: N802 (Qt API)
        ui = self.general.ui
        for combo, devices, chosen in ((self.inputs, QMediaDevices.audioInputs(),
                                        ui.audioInputEdit.text()),
                                       (self.outputs, QMediaDevices.audioOutputs(),
                                        ui.audioOutputEdit.text())):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("System default"), "")
            for d in devices:
                combo.addItem(d.description(), d.description())
            idx = combo.findData(chosen)
            combo.setCurrentIndex(idx if idx >= 0 else 0)
            combo.blockSignals(False)
        if not QMediaDevices.audioInputs():
            self.status.setText(self.tr("No microphone found: plug in the headset."))
        self._open_input()

    def cleanupPage(self) -> None:  # noqa: N802 (Qt API)
        self.close_audio()

    @staticmethod
    def _device(devices, default, name: str):
        if not name:
            return None if default.isNull() else default
        return next((d for d in devices if d.description() == name), None)

    def _input_changed(self) -> None:
        self.general.ui.audioInputEdit.setText(self.inputs.currentData() or "")
        self._open_input()

    def _output_changed(self) -> None:
        self.general.ui.audioOutputEdit.setText(self.outputs.currentData() or "")

    def _open_input(self) -> None:
        device = self._device(QMediaDevices.audioInputs(), QMediaDevices.defaultAudioInput(),
                              self.inputs.currentData() or "")
        if not self.meter.open(device):
            self.status.setText(self.tr("The microphone cannot be opened."))

    def _recorded(self, data: bytes) -> None:
        if self._recording is not None:
            self._recording += data

    # -- record and play back ------------------------------------------------------------
    def record(self) -> None:
        if not self.meter.is_open:
            self.status.setText(self.tr("No microphone is open."))
            return
        self._recording = bytearray()
        self.record_button.setEnabled(False)
        self.status.setText(self.tr("Recording… speak now."))
        self._stop_timer.start(RECORD_MS)

    def _play_back(self) -> None:
        recorded, self._recording = bytes(self._recording or b""), None
        device = self._device(QMediaDevices.audioOutputs(), QMediaDevices.defaultAudioOutput(),
                              self.outputs.currentData() or "")
        if device is None:
            self.record_button.setEnabled(True)
            self.status.setText(self.tr("No speaker found: plug in the headset."))
            return
        self._playback = QBuffer(self)
        self._playback.setData(QByteArray(recorded))
        self._playback.open(QIODevice.OpenModeFlag.ReadOnly)
        self.sink = QAudioSink(device, audio_format(), self)
        self.sink.start(self._playback)
        seconds = len(recorded) / BYTES_PER_MS / 1000
        self.status.setText(self.tr("Playing back %1 s: do you hear yourself?")
                            .replace("%1", f"{seconds:.1f}"))
        QTimer.singleShot(int(seconds * 1000) + 500, self._played)

    def _played(self) -> None:
        if self.sink is not None:
            self.sink.stop()
            self.sink.deleteLater()
            self.sink = None
        self.record_button.setEnabled(True)
        self.status.setText(self.tr("Done. If you heard nothing, choose another microphone or "
                                    "speaker."))

    def close_audio(self) -> None:
        self._stop_timer.stop()
        self._recording = None
        self.meter.close()
        if self.sink is not None:
            self.sink.stop()
        self.sink = None
