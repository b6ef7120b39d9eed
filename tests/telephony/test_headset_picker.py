"""Settings → Headset against the PulseAudio test headset: the rig's devices by name, a
level meter that moves with a tone, a test tone on the chosen speaker (only there),
the choice saved and handed to the audio bridge, and hot-plug."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from PySide6.QtCore import Qt
from scipy.signal import butter, sosfiltfilt

from audio_rig import HEADSET, HEADSET_MIC, ROOM_MIC, SPEAKER, headset, pulse_rig  # noqa: F401

pytestmark = [pytest.mark.audio, pytest.mark.slow]


def band_rms(x: np.ndarray, rate: int, freq: float) -> float:
    sos = butter(4, [freq - 40, freq + 40], btype="bandpass", fs=rate, output="sos")
    return float(np.sqrt(np.mean(sosfiltfilt(sos, x) ** 2))) if len(x) > rate // 10 else 0.0


@pytest.fixture
def tone_wav(tmp_path):
    path = tmp_path / "mic-tone.wav"
    t = np.arange(16000 * 3) / 16000
    sf.write(str(path), 0.5 * np.sin(2 * np.pi * 700 * t), 16000, subtype="PCM_16")
    return path


@pytest.fixture
def dialog(qtbot, config, headset):
    from workstation.views.settings.dialog import SettingsDialog
    from workstation.views.settings.headset import HeadsetPage

    dlg = SettingsDialog(config)
    qtbot.addWidget(dlg)
    dlg.show()
    page = dlg.page(HeadsetPage)
    dlg.nav.setCurrentRow(dlg.pages.index(page))
    qtbot.waitUntil(page.isVisible, timeout=3000)
    yield dlg, page
    page.close_audio()


def _names(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_lists_the_rigs_devices_and_the_meter_moves(qtbot, dialog, headset, tone_wav):
    dlg, page = dialog
    assert {HEADSET_MIC, ROOM_MIC} <= set(_names(page.inputs))
    assert {HEADSET, SPEAKER} <= set(_names(page.outputs)) and HEADSET in _names(page.rings)
    page.inputs.setCurrentIndex(page.inputs.findData(HEADSET_MIC))
    qtbot.wait(1500)  # the source opens, PulseAudio's first fragments arrive
    assert page.level.value() < 30  # the headset microphone is silent
    player = headset.play("mic_feed", tone_wav)
    try:
        qtbot.waitUntil(lambda: page.level.value() > 60, timeout=8000)
        from shots import screenshot_path  # (tests/ is on sys.path in a run)

        shot = screenshot_path("headset-picker-1366x768.png")
        assert dlg.grab().save(str(shot))  # the dialog as a 1366x768 screen shows it
    finally:
        player.wait(10)
    qtbot.waitUntil(lambda: page.level.value() < 30, timeout=8000)  # and down again


def test_test_tone_plays_on_the_chosen_speaker_only(qtbot, dialog, headset, tmp_path):
    dlg, page = dialog
    page.outputs.setCurrentIndex(page.outputs.findData(HEADSET))
    on_headset = headset.record("headset.monitor", tmp_path / "headset.wav")
    on_speaker = headset.record("speaker.monitor", tmp_path / "speaker.wav")
    qtbot.mouseClick(page.tone_button, Qt.MouseButton.LeftButton)
    qtbot.wait(2500)
    heard, elsewhere = on_headset.stop(), on_speaker.stop()
    assert band_rms(heard, 16000, 440) > 0.02
    assert band_rms(elsewhere, 16000, 440) < 0.002


def test_choice_persists_and_goes_to_the_bridge(qtbot, dialog, config, tmp_path):
    from workstation.app import apply_headset_settings
    from workstation.config import Config
    from workstation.views.settings.headset import HeadsetPage

    dlg, page = dialog
    page.inputs.setCurrentIndex(page.inputs.findData(HEADSET_MIC))
    page.outputs.setCurrentIndex(page.outputs.findData(HEADSET))
    page.rings.setCurrentIndex(page.rings.findData(SPEAKER))
    assert dlg.apply()
    saved = Config()
    assert (saved.get("audio.input"), saved.get("audio.output"), saved.get("audio.ring")) == \
        (HEADSET_MIC, HEADSET, SPEAKER)
    from workstation.views.settings.dialog import SettingsDialog

    again = SettingsDialog(saved)
    qtbot.addWidget(again)
    p2 = again.page(HeadsetPage)
    assert (p2.inputs.currentData(), p2.outputs.currentData(), p2.rings.currentData()) == \
        (HEADSET_MIC, HEADSET, SPEAKER)

    # the running bridge (on the system defaults) takes the new choice at once
    from audio_pj import EngineEndpoint
    from workstation.telephony.audio import HeadsetBridge

    ep = EngineEndpoint(tmp_path / "rec")
    bridge = HeadsetBridge("", "")
    try:
        with qtbot.waitSignals([bridge.sig_headset_connected] * 2, timeout=10000):
            bridge.start()
        opened = []
        bridge.sig_headset_connected.connect(lambda *a: opened.append(a))
        apply_headset_settings(bridge, saved)
        qtbot.waitUntil(lambda: len(opened) >= 2, timeout=10000)
        assert bridge.device_names() == {"input": HEADSET_MIC, "output": HEADSET,
                                         "ring": SPEAKER}
        assert sorted(opened) == [("input", HEADSET_MIC), ("output", HEADSET)]
        assert bridge.is_open("input") and bridge.is_open("output")
    finally:
        bridge.close()
        ep.close()


def test_hot_plug_keeps_the_choice(qtbot, dialog, headset):
    dlg, page = dialog
    page.outputs.setCurrentIndex(page.outputs.findData(HEADSET))
    headset.unplug_headset()
    qtbot.waitUntil(lambda: page.outputs.currentText() != HEADSET, timeout=10000)
    assert page.outputs.currentData() == HEADSET and "not connected" in page.outputs.currentText()
    assert not page.play_tone()  # nothing to play on
    headset.plug_headset()
    qtbot.waitUntil(lambda: page.outputs.currentText() == HEADSET, timeout=10000)
    assert HEADSET_MIC in _names(page.inputs)


def test_waiting_tone_is_soft_and_on_the_ring_device(qtbot, headset, tmp_path):
    """A second call while on a call: the bridge's waiting tone plays on the ring
    device, far softer than the ring."""
    from audio_pj import EngineEndpoint
    from workstation.paths import resource
    from workstation.telephony.audio import HeadsetBridge

    ep = EngineEndpoint(tmp_path / "rec")
    bridge = HeadsetBridge(HEADSET_MIC, SPEAKER, ring_name=HEADSET,
                           ring_file=resource("sounds", "ring.wav"))
    try:
        with qtbot.waitSignals([bridge.sig_headset_connected] * 2, timeout=10000):
            bridge.start()
        rec = headset.record("headset.monitor", tmp_path / "waiting.wav")
        assert bridge.start_waiting_tone()
        qtbot.wait(4500)  # one period of the tone (4 s)
        bridge.stop_ring()
        waiting = rec.stop()
        rec = headset.record("headset.monitor", tmp_path / "ring.wav")
        assert bridge.start_ring()
        qtbot.wait(3500)
        bridge.stop_ring()
        ring = rec.stop()
    finally:
        bridge.close()
        ep.close()
    assert band_rms(waiting, 16000, 440) > 0.005  # the beeps are there ...
    peak_waiting, peak_ring = np.abs(waiting).max(), np.abs(ring).max()
    assert 0.02 < peak_waiting < 0.15 and peak_ring > 3 * peak_waiting  # ... and soft
