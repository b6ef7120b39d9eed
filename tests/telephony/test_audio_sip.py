"""Headset audio through a real SIP call to baresip (direct IP call on 127.0.0.1, no PBX).

The product path: TelephonyEngine dials, its ``audio_attach`` hook (installed by
``HeadsetBridge.attach_to``) connects the call to the headset port.

baresip auto-answers, plays the client's phrase (aufile) and dumps what it
receives (sndfile). The manager's phrase goes into the test headset's
microphone (paplay → mic_feed); what the manager hears is recorded from
headset.monitor. Both directions must score PESQ-NB ≥ 3.0. A second test
unplugs and replugs the headset mid-call.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import numpy as np
import pytest

from audio_rig import (HEADSET, HEADSET_MIC, PHRASES, align, headset, pesq_nb,  # noqa: F401
                       pulse_rig, read_wav, resample, rms, speech_wav)

pytestmark = [pytest.mark.audio, pytest.mark.sip, pytest.mark.slow]

BARESIP_CONFIG = """\
poll_method epoll
sip_listen 127.0.0.1:{sip_port}
net_interface 127.0.0.1
rtp_ports {rtp}-{rtp_end}
rtcp_mux no
jitter_buffer_delay 1-10
audio_player aubridge,play
audio_source aufile,{wav}
audio_alert aubridge,alert
ausrc_srate 8000
auplay_srate 8000
ausrc_channels 1
auplay_channels 1
module_path /usr/lib/baresip/modules
module g711.so
module aufile.so
module aubridge.so
module sndfile.so
module_app account.so
module_app menu.so
snd_path {dump}
"""


def free_port(span: int = 1) -> int:
    for _ in range(200):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port + span < 65000 and all(_udp_free(port + i) for i in range(span)):
            return port
    raise RuntimeError("no free UDP port")


def _udp_free(port: int) -> bool:
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.bind(("127.0.0.1", port))
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.bind(("127.0.0.1", port))
        return True
    except OSError:
        return False


class Peer:
    """baresip as the client's phone, started by this test module."""

    def __init__(self, workdir: Path, wav: Path) -> None:
        from realparts import require_tool

        require_tool("baresip")
        self.dir = workdir
        self.dump = workdir / "dump"
        self.dump.mkdir(parents=True)
        self.sip_port = free_port(span=2)  # baresip also opens TLS on +1
        rtp = free_port(span=10)
        (workdir / "config").write_text(BARESIP_CONFIG.format(
            sip_port=self.sip_port, rtp=rtp, rtp_end=rtp + 9, wav=wav, dump=self.dump))
        (workdir / "accounts").write_text(
            f"<sip:client@127.0.0.1:{self.sip_port};transport=udp>;answermode=auto;regint=0\n")
        self.log = workdir / "baresip.log"
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(["baresip", "-f", str(workdir), "-v"], stdout=log,
                                         stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                         start_new_session=True, cwd=workdir)
        deadline = time.monotonic() + 10
        while "baresip is ready" not in self.log.read_text(errors="replace"):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("baresip did not start:\n" + self.log.read_text(errors="replace"))
            time.sleep(0.05)

    @property
    def uri(self) -> str:
        return f"sip:client@127.0.0.1:{self.sip_port}"

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(3)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(3)

    def received(self) -> tuple[np.ndarray, int]:
        """What baresip heard from the manager (sndfile's decoder dump)."""
        files = sorted(self.dump.glob("dump-*-dec.wav"))
        assert files, f"baresip wrote no dump; log:\n{self.log.read_text(errors='replace')}"
        return read_wav(files[-1])


@pytest.fixture(scope="module")
def phrases(tmp_path_factory):
    d = tmp_path_factory.mktemp("phrases")
    manager = speech_wav(d / "manager.wav", PHRASES["manager"], rate=16000, lead_s=0.2, tail_s=0.3)
    # baresip plays this into the call and hangs up at its end: pad it well
    client = speech_wav(d / "client.wav", PHRASES["client"], rate=8000, lead_s=0.5, tail_s=0.3)
    padded = d / "client_padded.wav"
    subprocess.run(["sox", str(client), str(padded), "pad", "0", "30"], check=True, timeout=30)
    return {"manager": manager, "client": client, "client_padded": padded}


class Setup:
    """The product path: TelephonyEngine (direct IP, no PBX) with the HeadsetBridge attached."""

    def __init__(self, qtbot, peer: Peer, engine, bridge, rig) -> None:
        self.qtbot, self.peer, self.engine, self.bridge, self.rig = qtbot, peer, engine, bridge, rig
        self.states: dict[str, str] = {}
        engine.sig_call_state.connect(lambda key, state, *_: self.states.__setitem__(key, state))

    def dial(self) -> str:
        key = self.engine.dial(self.peer.uri)
        self.qtbot.waitUntil(lambda: self.engine.call_audio_media(key) is not None, timeout=10000)
        assert self.bridge.in_call
        return key

    def state(self, key: str) -> str:
        return self.states.get(key, "")

    def hangup(self, key: str) -> None:
        self.engine.hangup(key)
        self.qtbot.waitUntil(lambda: key not in self.engine.calls(), timeout=5000)


@pytest.fixture
def sip_setup(qtbot, qapp, headset, phrases, tmp_path):
    from workstation.telephony.audio import HeadsetBridge
    from workstation.telephony.engine import TelephonyEngine
    from workstation.telephony.settings import SipSettings

    peer = Peer(tmp_path / "baresip", phrases["client_padded"])
    engine = TelephonyEngine(SipSettings(bind_address="127.0.0.1", record_calls=False,
                                         codecs=["PCMU/8000", "PCMA/8000"], log_level=1,
                                         recordings_dir=tmp_path / "rec"))
    bridge = None
    try:
        engine.start()
        bridge = HeadsetBridge(HEADSET_MIC, HEADSET)
        with qtbot.waitSignals([bridge.sig_headset_connected] * 2, timeout=10000):
            bridge.start()
        bridge.attach_to(engine)
        yield Setup(qtbot, peer, engine, bridge, headset)
    finally:
        # The engine owns every pjsua2 Call (tests hold only call keys), so a failed
        # assertion's traceback keeps no pjsua2 object alive past libDestroy.
        HeadsetBridge.detach_from(engine)
        if bridge is not None:
            bridge.close()  # its port goes before libDestroy
        engine.stop()
        peer.stop()


def test_speech_both_ways_through_sip_call(qtbot, sip_setup, phrases, tmp_path):
    peer, bridge, rig = sip_setup.peer, sip_setup.bridge, sip_setup.rig
    rec = rig.record("headset.monitor", tmp_path / "heard.wav")
    key = sip_setup.dial()
    qtbot.wait(300)
    talk = rig.play("mic_feed", phrases["manager"])
    qtbot.waitUntil(lambda: talk.poll() is not None, timeout=30000)
    client_ref, client_rate = read_wav(phrases["client"])
    qtbot.wait(int(max(0.0, len(client_ref) / client_rate - 5.0) * 1000) + 800)
    heard = rec.stop()
    sip_setup.hangup(key)
    qtbot.wait(300)
    peer.stop()  # sndfile finalises its dumps on exit

    manager_ref, manager_rate = read_wav(phrases["manager"])
    received, rrate = peer.received()
    to_client = pesq_nb(manager_ref, manager_rate, received, rrate)
    to_manager = pesq_nb(client_ref, client_rate, heard, 16000)
    print(f"PESQ-NB manager->client {to_client:.2f}, client->manager {to_manager:.2f}",
          bridge.stats())
    assert to_client >= 3.0
    assert to_manager >= 3.0


def test_headset_replugged_mid_call(qtbot, sip_setup, phrases, tmp_path):
    """Unplug both headset devices mid-call: signals, no fallback to the speaker; replug: audio again."""
    peer, bridge, rig = sip_setup.peer, sip_setup.bridge, sip_setup.rig
    key = sip_setup.dial()
    qtbot.wait(500)

    disconnected: list[tuple[str, str]] = []
    bridge.sig_headset_disconnected.connect(lambda role, name: disconnected.append((role, name)))
    speaker = rig.record("speaker.monitor", tmp_path / "speaker.wav")
    rig.unplug_headset()
    qtbot.waitUntil(lambda: {r for r, _ in disconnected} >= {"input", "output"}, timeout=5000)
    assert not bridge.is_open("input") and not bridge.is_open("output")
    qtbot.wait(1500)  # the client keeps talking meanwhile
    on_speaker = speaker.stop()
    assert sip_setup.state(key) == "confirmed"

    with qtbot.waitSignals([bridge.sig_headset_connected] * 2, timeout=10000):
        rig.plug_headset()
    qtbot.wait(300)
    rec = rig.record("headset.monitor", tmp_path / "after.wav")
    talk = rig.play("mic_feed", phrases["manager"])
    qtbot.waitUntil(lambda: talk.poll() is not None, timeout=30000)
    qtbot.wait(500)
    after = rec.stop()
    assert sip_setup.state(key) == "confirmed"
    sip_setup.hangup(key)
    qtbot.wait(300)
    peer.stop()

    # never moved to the speaker: at most a blip (PulseAudio moves a stream whose
    # sink vanished to the default sink before the hot-plug signal reaches us)
    loud = np.abs(on_speaker) > 0.02
    print("speaker samples above -34 dBFS:", int(loud.sum()), "of", len(on_speaker))
    assert loud.sum() / 16000 < 0.25
    # after the replug the client's voice reaches the headset again ...
    client_ref, client_rate = read_wav(phrases["client"])
    assert rms(after) > 0.01
    # ... and the manager's voice reaches baresip: the end of its dump holds the phrase
    manager_ref, manager_rate = read_wav(phrases["manager"])
    received, rrate = peer.received()
    tail = received[-int(rrate * (len(manager_ref) / manager_rate + 4.0)):]
    score = pesq_nb(manager_ref, manager_rate, tail, rrate)
    print(f"PESQ-NB manager->client after replug: {score:.2f}", bridge.stats())
    assert score >= 2.5
