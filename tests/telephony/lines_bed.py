"""Fixtures of the two-line tests: Kamailio with phone-number users, baresip phones
playing distinct tones, the engine with a tone "microphone" and a recording "speaker".

    from lines_bed import LinesBed, bed, lines_kamailio, phone_a, phone_b, ...

Each caller is a real baresip registered at a real Kamailio; the engine's headset
is a pjsua2 player (a 600 Hz tone: what the manager says) and a pjsua2 recorder
(what the manager hears), connected through the engine's audio_attach hook.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from scipy.signal import butter, sosfiltfilt

from realparts import require_tool
from sipbed import Collector, start_engine

A_NUMBER, B_NUMBER, C_NUMBER = "380671234567", "380935550102", "380501112233"
USERS = {"manager": "m-secret", A_NUMBER: "a-secret", B_NUMBER: "b-secret",
         C_NUMBER: "c-secret", "voicemail": "v-secret"}
A_HZ, B_HZ, MIC_HZ = 440.0, 1000.0, 600.0
"""The tones: caller A, caller B, the manager's microphone."""


@pytest.fixture(scope="module")
def lines_kamailio(tmp_path_factory):
    require_tool("kamailio", "baresip")
    from workstation.telephony.testbed import Kamailio

    k = Kamailio(tmp_path_factory.mktemp("kamailio"), users=USERS)
    k.start()
    yield k
    k.kill()


def _phone(tmp_path_factory, kamailio, user: str, freq: float, answermode: str = "auto"):
    from workstation.telephony.testbed import Baresip, write_peer_wav

    work = tmp_path_factory.mktemp(f"phone{user}")
    b = Baresip(work, user=user, password=USERS[user], registrar=kamailio.domain,
                answermode=answermode, wav=write_peer_wav(work / "tone.wav", 60.0, freq))
    b.start()
    return b


@pytest.fixture(scope="module")
def phone_a(tmp_path_factory, lines_kamailio):
    b = _phone(tmp_path_factory, lines_kamailio, A_NUMBER, A_HZ)
    yield b
    b.stop()


@pytest.fixture(scope="module")
def phone_b(tmp_path_factory, lines_kamailio):
    b = _phone(tmp_path_factory, lines_kamailio, B_NUMBER, B_HZ)
    yield b
    b.stop()


@pytest.fixture(scope="module")
def phone_c(tmp_path_factory, lines_kamailio):
    b = _phone(tmp_path_factory, lines_kamailio, C_NUMBER, 1500.0)
    yield b
    b.stop()


@pytest.fixture(scope="module")
def voicemail(tmp_path_factory, lines_kamailio):
    b = _phone(tmp_path_factory, lines_kamailio, "voicemail", 300.0)
    yield b
    b.stop()


def tone_rms(x: np.ndarray, rate: int, freq: float) -> float:
    """RMS of ``x`` within ±40 Hz of ``freq``."""
    if len(x) < rate // 10:
        return 0.0
    sos = butter(4, [freq - 40, freq + 40], btype="bandpass", fs=rate, output="sos")
    return float(np.sqrt(np.mean(sosfiltfilt(sos, x) ** 2)))


class LinesBed:
    """The engine, its Calls, a tone microphone and a recording speaker."""

    def __init__(self, qtbot, kamailio, tmp_path: Path, **settings) -> None:
        import pjsua2 as pj

        from sipbed import sip_settings
        from workstation.views.callmodel import Calls

        self.qtbot = qtbot
        values = dict(password=USERS["manager"], record_calls=False)
        values.update(settings)
        self.engine = e = start_engine(qtbot, sip_settings(kamailio, tmp_path, **values))
        self.events = Collector(e)
        self.calls = Calls(e)
        tone = tmp_path / "mic.wav"
        t = np.arange(16000 * 4) / 16000
        sf.write(str(tone), 0.4 * np.sin(2 * np.pi * MIC_HZ * t), 16000, subtype="PCM_16")
        self.mic = pj.AudioMediaPlayer()
        self.mic.createPlayer(str(tone), 0)  # loops
        self.heard_path = tmp_path / "heard.wav"
        self.speaker = pj.AudioMediaRecorder()
        self.speaker.createRecorder(str(self.heard_path))
        self.t0 = time.monotonic()
        e.audio_attach = lambda _key, _media: (self.mic, self.speaker)
        self.added: list = []
        self.calls.sig_added.connect(self.added.append)

    def since(self) -> float:
        """Seconds since the speaker started recording."""
        return time.monotonic() - self.t0

    def ring(self, phone, n_before: int | None = None):
        """``phone`` dials the manager; its CallModel once it rings here."""
        n = len(self.added) if n_before is None else n_before
        phone.command("dial", f"sip:manager@{phone.registrar}")
        self.qtbot.waitUntil(lambda: len(self.added) > n, timeout=10000)
        return self.added[n]

    def wait_connected(self, model, timeout: int = 10000) -> None:
        self.qtbot.waitUntil(lambda: model.answered_clock is not None, timeout=timeout)

    def wait_media(self, model, timeout: int = 10000) -> None:
        self.qtbot.waitUntil(lambda: model.key in self.engine.calls() and
                             self.engine.calls()[model.key].media_active, timeout=timeout)

    def wait_ended(self, model, timeout: int = 15000) -> None:
        self.qtbot.waitUntil(lambda: model.ended, timeout=timeout)

    def heard(self) -> tuple[np.ndarray, int]:
        """What the manager's speaker recorded so far (closes the recorder)."""
        self.engine.audio_attach = None
        self.speaker = None  # a pjsua2 recorder finalises its WAV when destroyed
        import gc

        gc.collect()
        x, rate = sf.read(str(self.heard_path))
        return x, rate

    def close(self) -> None:
        self.engine.audio_attach = None
        self.mic = self.speaker = None  # the engine drops its references before libDestroy
        self.engine.stop()


@pytest.fixture
def bed(qtbot, lines_kamailio, tmp_path):
    b = LinesBed(qtbot, lines_kamailio, tmp_path)
    yield b
    b.close()


def listen(qtbot, phones, seconds: float) -> dict[str, np.ndarray]:
    """What each baresip phone is sent for ``seconds`` (RTP captured on loopback,
    G.711 decoded, 8 kHz): what its user hears."""
    from rtpcapture import LoopbackCapture, decode_g711

    with LoopbackCapture([p.rtp_ports for p in phones]) as cap:
        # from the first packet on: a loaded machine may take a moment to start RTP
        try:
            qtbot.waitUntil(lambda: len(cap.rtp()) > 0, timeout=5000)
        except AssertionError:
            pass  # nobody is sent anything: the callers below say whether that is right
        qtbot.wait(int(seconds * 1000))
    return {p.user: decode_g711(cap.rtp(dst_ports=p.rtp_ports)) for p in phones}


def hears(audio: np.ndarray, freq: float) -> bool:
    """The tone at ``freq`` is plainly in ``audio`` (8 kHz)."""
    return tone_rms(audio, 8000, freq) > 0.03


def silent_of(audio: np.ndarray, freq: float) -> bool:
    """Nothing of the tone at ``freq`` (some audio was captured at all)."""
    return len(audio) > 4000 and tone_rms(audio, 8000, freq) < 0.005


def wait_log(qtbot, phone, pattern: str, start: int = 0, timeout: int = 10000) -> None:
    """Wait for ``pattern`` in a baresip log while the Qt loop (and so the engine) runs
    (Baresip.wait_log sleeps: the engine would not answer meanwhile)."""
    import re

    rx = re.compile(pattern)
    qtbot.waitUntil(lambda: rx.search(phone.log_text(), start) is not None, timeout=timeout)


def held_silent(audio: np.ndarray, freq: float) -> bool:
    """A held party hears nothing of ``freq``: no RTP at all, or none of that tone."""
    return len(audio) == 0 or tone_rms(audio, 8000, freq) < 0.005
