"""Headset audio bridge against a PulseAudio test headset (no SIP)."""

from __future__ import annotations

import gc
import time

import numpy as np
import pytest

from audio_rig import (HEADSET, HEADSET_MIC, PHRASES, headset, pesq_nb, pulse_rig,  # noqa: F401
                       read_wav, rms, speech_wav)

pytestmark = [pytest.mark.audio, pytest.mark.slow]


@pytest.fixture(scope="module")
def speech(tmp_path_factory):
    d = tmp_path_factory.mktemp("speech")
    return {k: speech_wav(d / f"{k}.wav", text) for k, text in PHRASES.items()}


@pytest.fixture
def pj_endpoint(qapp, pulse_rig):
    from audio_pj import PjEndpoint

    ep = PjEndpoint()
    yield ep
    ep.close()


@pytest.fixture
def bridge(qtbot, pj_endpoint, headset):
    from workstation.telephony.audio import HeadsetBridge

    b = HeadsetBridge(HEADSET_MIC, HEADSET)
    try:
        with qtbot.waitSignals([b.sig_headset_connected, b.sig_headset_connected], timeout=10000):
            b.start()
        yield b
    finally:
        b.close()


def wait(qtbot, seconds: float) -> None:
    qtbot.wait(int(seconds * 1000))


def test_call_audio_reaches_headset_speaker(qtbot, pj_endpoint, bridge, headset, speech, tmp_path):
    ref, rate = read_wav(speech["client"])
    rec = headset.record("headset.monitor", tmp_path / "heard.wav")
    wait(qtbot, 0.5)
    player = pj_endpoint.player(speech["client"])
    player.startTransmit(bridge.port)
    wait(qtbot, len(ref) / rate + 0.8)
    heard = rec.stop()
    player.stopTransmit(bridge.port)
    pj_endpoint.keep.remove(player)
    del player
    score = pesq_nb(ref, rate, heard, 16000)
    print("PESQ speaker", score, bridge.stats())
    assert score >= 3.0


def test_headset_mic_reaches_pjsua2(qtbot, pj_endpoint, bridge, headset, speech, tmp_path):
    ref, rate = read_wav(speech["manager"])
    out = tmp_path / "said.wav"
    recorder = pj_endpoint.recorder(out)
    bridge.port.startTransmit(recorder)
    wait(qtbot, 0.3)
    proc = headset.play("mic_feed", speech["manager"])
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=30000)
    wait(qtbot, 0.5)
    bridge.port.stopTransmit(recorder)
    pj_endpoint.keep.remove(recorder)
    del recorder  # the WAV header is written when the recorder is destroyed
    gc.collect()
    said, srate = read_wav(out)
    score = pesq_nb(ref, rate, said, srate)
    print("PESQ mic", score, bridge.stats())
    assert score >= 3.0


def test_mic_silence_warning_once_then_reset(qtbot, pj_endpoint, bridge, headset, speech, tmp_path):
    """A call whose microphone sends only silence warns once; sound resets the warning."""
    bridge.set_silence_seconds(1.0)
    sink = pj_endpoint.recorder(tmp_path / "call.wav")  # stands in for the call's media
    silent: list[float] = []
    bridge.sig_mic_silent.connect(lambda: silent.append(time.monotonic()))
    bridge.connect_call(sink)
    qtbot.waitUntil(lambda: len(silent) == 1, timeout=5000)
    qtbot.wait(1500)
    assert len(silent) == 1  # once, not every second
    with qtbot.waitSignal(bridge.sig_mic_sound, timeout=10000):
        proc = headset.play("mic_feed", speech["manager"])
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=30000)
    qtbot.waitUntil(lambda: len(silent) == 2, timeout=5000)  # silent again after the phrase
    bridge.disconnect_call()
    pj_endpoint.keep.remove(sink)
    del sink
    gc.collect()
