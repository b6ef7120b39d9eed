"""The player driven by pytest-qt on a REAL stereo recording made by the softphone
test bed (Kamailio + baresip, the engine's recorder), played into the PulseAudio
test rig: seek, ±10 s, speed with the pitch kept, keys, the waveform's lanes."""

from __future__ import annotations

import uuid

import numpy as np
import pytest
import soundfile as sf
from PySide6.QtCore import Qt

from audio_rig import pulse_rig  # noqa: F401 - fixture
from telephony.sipbed import kamailio, make_engine, peer  # noqa: F401 - fixtures
from workstation.services.browse import Recording

pytestmark = [pytest.mark.sip, pytest.mark.audio, pytest.mark.slow]

_MADE: dict[str, str] = {}


@pytest.fixture
def call_wav(make_engine, peer, qtbot, tmp_path_factory):
    """A ~14 s call to baresip (it plays a tone); the engine's stereo WAV (made once)."""
    if "wav" not in _MADE:
        engine = make_engine(recordings_dir=tmp_path_factory.mktemp("recs"))
        key = engine.dial("client")
        qtbot.waitUntil(lambda: engine.recordings_dir().glob("*.part.wav") and any(
            engine.recordings_dir().glob("*.part.wav")), timeout=15000)
        qtbot.wait(14000)
        with qtbot.waitSignal(engine.sig_recording_finished, timeout=20000) as done:
            engine.hangup(key)
        _MADE["wav"] = done.args[0]
    return _MADE["wav"]


def open_player(qtbot, ctx_like, rec, **kw):
    from workstation.views.calls.player import Player

    player = Player(ctx_like, **kw)
    qtbot.addWidget(player)
    player.resize(900, 200)
    player.show()
    return player


def test_player_on_a_real_call_recording(qtbot, pulse_rig, call_wav):  # noqa: F811
    audio, rate = sf.read(call_wav)
    assert audio.ndim == 2 and audio.shape[1] == 2 and len(audio) > 12 * rate
    call_id = uuid.uuid4()
    player = open_player(qtbot, None, None)
    played = []
    player.sig_played.connect(lambda *a: played.append(a))
    player.open(call_id, Recording(call_id, path=__import__("pathlib").Path(call_wav)),
                ring_ms=1500, markers=[(2000, "Greeting"), (8000, "Offer")])
    qtbot.waitUntil(lambda: player.duration() > 12000, timeout=10000)
    # the waveform: the client's lane carries baresip's tone, the manager's is silent
    qtbot.waitUntil(lambda: player.waveform.peaks() is not None, timeout=10000)
    p = player.waveform.peaks()
    assert np.median(p.right[100:-100]) > 20 and p.left.max() < 8
    assert player.waveform.markers() == [(2000, "Greeting"), (8000, "Offer")]

    player.play()
    qtbot.waitUntil(lambda: player.position() > 600, timeout=10000)
    assert player.is_playing()
    qtbot.keyClick(player, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not player.is_playing(), timeout=5000)

    player.seek(11000)
    qtbot.waitUntil(lambda: abs(player.position() - 11000) < 300, timeout=5000)
    qtbot.keyClick(player, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: abs(player.position() - 1000) < 300, timeout=5000)
    qtbot.keyClick(player, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: abs(player.position() - 11000) < 300, timeout=5000)
    player.skip(+10_000)  # past the end: the end
    qtbot.waitUntil(lambda: player.position() >= player.duration() - 300, timeout=5000)
    player.back_button.click()
    qtbot.waitUntil(lambda: abs(player.position() - (player.duration() - 10_000)) < 400,
                    timeout=5000)
    assert player.position_label.text() == f"0:{player.position() // 1000:02d}"

    # a click on the waveform seeks there
    wf = player.waveform
    x = int(wf.x_of(4000))
    qtbot.mouseClick(wf, Qt.MouseButton.LeftButton, pos=__import__(
        "PySide6.QtCore", fromlist=["QPoint"]).QPoint(x, 50))
    qtbot.waitUntil(lambda: abs(player.position() - 4000) < 300, timeout=5000)

    # speed: [ and ] step through 0.5x..2x, the pitch is kept
    qtbot.keyClick(player, Qt.Key.Key_BracketRight)
    assert player.rate() == 1.25
    qtbot.keyClick(player, Qt.Key.Key_BracketLeft)
    qtbot.keyClick(player, Qt.Key.Key_BracketLeft)
    assert player.rate() == 0.75
    player.set_rate(2.0)
    assert player.rate() == 2.0 and player.player.pitchCompensation()
    start = player.position()
    player.play()
    qtbot.waitUntil(lambda: player.position() > start + 1500, timeout=10000)
    player.pause()
    player.clear()
    from workstation.sync.recordings import recording_id

    assert played and played[0][0] == call_id and played[0][2] > 1.0
    assert played[0][1] == recording_id(call_id)  # the id its upload has: the audit's key


def _dominant_hz(x: np.ndarray, rate: int) -> float:
    x = x - x.mean()
    spec = np.abs(np.fft.rfft(x * np.hanning(len(x))))
    return float(np.fft.rfftfreq(len(x), 1 / rate)[int(np.argmax(spec))])


@pytest.mark.parametrize("speed", [1.0, 2.0, 0.5])
def test_speed_keeps_the_pitch(qtbot, pulse_rig, tmp_path, speed):  # noqa: F811
    """A 1 kHz tone played at 0.5x/2x still sounds at 1 kHz on the speaker."""
    rate = 16000
    t = np.arange(30 * rate) / rate
    tone = (0.4 * np.sin(2 * np.pi * 1000 * t)).astype(np.float32)
    wav = tmp_path / "tone.wav"
    sf.write(str(wav), np.stack([tone, tone], 1), rate, subtype="PCM_16")
    call_id = uuid.uuid4()
    player = open_player(qtbot, None, None)
    player.open(call_id, Recording(call_id, path=wav))
    qtbot.waitUntil(lambda: player.duration() > 0, timeout=10000)
    player.set_rate(speed)
    player.play()
    qtbot.waitUntil(lambda: player.position() > 1000, timeout=10000)
    rec = pulse_rig.record("speaker.monitor", tmp_path / "heard.wav", rate=rate)
    qtbot.wait(2000)
    heard = rec.stop()
    player.pause()
    loud = heard[np.abs(heard) > 0.01]
    assert len(loud) > rate // 2, "nothing reached the speaker"
    assert abs(_dominant_hz(heard[-rate:], rate) - 1000) < 30
