"""The engine against real Kamailio + baresip: register, calls, recording, hold, DTMF, transfer, outcomes."""

from __future__ import annotations

import stat
import time

import numpy as np
import pytest
import soundfile as sf
from scipy.signal import resample_poly

from sipbed import (Collector, engine, events, kamailio, make_engine, peer,  # noqa: F401
                    peer3, peer_manual)
from workstation.domain.enums import CallDirection, CallOutcome

pytestmark = [pytest.mark.sip, pytest.mark.slow]


def wait_ended(qtbot, events, key, timeout=15000):
    qtbot.waitUntil(lambda: events.ended(key) is not None, timeout=timeout)
    return events.ended(key)


def wait_state(qtbot, events, key, state, timeout=10000):
    qtbot.waitUntil(lambda: any(a[0] == key and a[1] == state for a in events.of("sig_call_state")),
                    timeout=timeout)


def best_correlation(recorded_16k: np.ndarray, reference_8k: np.ndarray) -> float:
    """Max normalised cross-correlation of a 1 s piece of the reference within the recording."""
    x = resample_poly(recorded_16k, 1, 2)
    seg = reference_8k[4000:12000]
    seg = seg - seg.mean()
    c = np.correlate(x, seg, mode="valid")
    energy = np.convolve(x * x, np.ones(len(seg)), mode="valid")
    norm = np.sqrt(energy * float(seg @ seg)) + 1e-12
    return float(np.max(np.abs(c) / norm))


def test_register_creates_udp_tcp_tls_transports(engine):
    assert engine.registration_state == "registered"
    # TCP is required next to UDP (INVITEs over ~1300 bytes go over TCP); TLS is pinned to 1.2.
    assert {"udp", "tcp", "tls"} <= set(engine._transports)
    assert engine.transport_port("udp") > 0


def test_register_over_tcp(make_engine):
    e = make_engine(transport="tcp")
    assert e.registration_state == "registered"


def test_wrong_password_fails_and_retries(make_engine, qtbot):
    e = make_engine(wait_registered=False, password="wrong", backoff_initial=0.3)
    ev = Collector(e)
    qtbot.waitUntil(lambda: len([a for a in ev.of("sig_registration") if a[0] == "failed"]) >= 2,
                    timeout=10000)
    failed = [a for a in ev.of("sig_registration") if a[0] == "failed"]
    assert all(code in (401, 403, 407) for _, code, _ in failed)
    assert e.registration_state != "registered"


def test_call_out_recording_holds_what_the_peer_played(loose_umask, engine, events, peer,
                                                       qtbot):
    key = engine.dial("client")
    wait_state(qtbot, events, key, "confirmed")
    qtbot.wait(3500)
    # private under umask 022: the parts while recording, their folder, later the WAV
    folder = engine.recordings_dir()
    parts = list(folder.glob("*.part.wav"))
    assert len(parts) == 2 and all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in parts)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    with qtbot.waitSignal(engine.sig_recording_finished, timeout=15000) as done:
        engine.hangup(key)
    rec = events.ended(key)
    assert rec.outcome is CallOutcome.SUCCESS and rec.direction is CallDirection.OUTBOUND
    assert rec.sip_status == 200 and rec.codec in ("PCMA", "PCMU")  # G.711 first in the offer
    assert 2.5 < rec.talk_seconds < 10 and rec.ring_seconds < 3
    assert rec.rx_jitter_ms is not None and rec.rx_loss == 0
    assert rec.answered_at and rec.started_at <= rec.answered_at <= rec.ended_at
    path = done.args[0]
    assert path == str(rec.recording_path)
    assert stat.S_IMODE(rec.recording_path.stat().st_mode) == 0o600
    audio, rate = sf.read(path)
    assert rate == 16000 and audio.shape[1] == 2 and audio.shape[0] > 2.5 * rate
    left, right = audio[:, 0], audio[:, 1]
    # The client's channel holds baresip's tone; the manager's (null device) is silent.
    assert np.sqrt(np.mean(right ** 2)) > 0.05
    assert np.sqrt(np.mean(left ** 2)) < 0.01
    reference, ref_rate = sf.read(str(peer.wav))
    assert ref_rate == 8000
    assert best_correlation(right, reference) > 0.8
    # parts are gone, only the stereo file is left
    assert not list(rec.recording_path.parent.glob("*.part.wav"))
    # late clicks after the end are harmless
    engine.hangup(key)


def test_incoming_call_answer_hold_resume_dtmf(engine, events, peer, kamailio, qtbot):
    with qtbot.waitSignal(engine.sig_incoming, timeout=10000) as ring:
        peer.command("dial", f"sip:manager@{kamailio.domain}")
    inc = ring.args[0]
    assert inc.remote_number == "client" and inc.source.startswith("127.0.0.1:")
    key = inc.call_key
    with qtbot.waitSignal(engine.sig_media_active, timeout=10000):
        engine.answer(key)
    wait_state(qtbot, events, key, "confirmed")
    mark = len(peer.log_text())
    engine.hold(key)
    qtbot.waitUntil(lambda: not engine.calls()[key].media_active, timeout=5000)
    with qtbot.waitSignal(engine.sig_media_active, timeout=5000):
        engine.resume(key)
    engine.send_dtmf(key, "47")
    engine.send_dtmf(key, "9", method="info")
    peer.wait_log(r"received event: '4'", start=mark)  # RFC 4733
    peer.wait_log(r"received event: '7'", start=mark)
    peer.wait_log(r"received DTMF: '9'", start=mark)  # SIP INFO
    engine.hangup(key)
    rec = wait_ended(qtbot, events, key)
    assert rec.direction is CallDirection.INBOUND and rec.outcome is CallOutcome.SUCCESS
    assert rec.remote_number == "client" and rec.talk_seconds > 0


def test_incoming_rejected_busy(engine, events, peer, kamailio, qtbot):
    mark = len(peer.log_text())
    with qtbot.waitSignal(engine.sig_incoming, timeout=10000) as ring:
        peer.command("dial", f"sip:manager@{kamailio.domain}")
    key = ring.args[0].call_key
    qtbot.wait(300)
    engine.reject(key)
    rec = wait_ended(qtbot, events, key)
    assert rec.sip_status == 486 and rec.outcome is CallOutcome.BUSY
    assert rec.talk_seconds == 0 and rec.recording_path is None
    peer.wait_log(r"486", start=mark)


@pytest.mark.parametrize("target, hang_up_after, outcome, status", [
    ("busy", None, CallOutcome.BUSY, 486),
    ("nobody", None, CallOutcome.ERROR, 404),
    ("client2", 1.5, CallOutcome.NO_ANSWER, 487),
])
def test_outcomes_from_signalling(engine, events, peer_manual, qtbot, target, hang_up_after,
                                  outcome, status):
    key = engine.dial(target)
    if hang_up_after:
        wait_state(qtbot, events, key, "early")
        qtbot.wait(int(hang_up_after * 1000))
        engine.hangup(key)
    rec = wait_ended(qtbot, events, key)
    assert rec.outcome is outcome
    assert rec.sip_status == status
    assert rec.talk_seconds == 0 and rec.answered_at is None
    if hang_up_after:
        assert rec.ring_seconds >= hang_up_after * 0.9  # Qt timers may fire up to 5% early
    assert rec.recording_path is None


def test_blind_transfer(engine, events, peer, peer3, kamailio, qtbot):
    key = engine.dial("client")
    wait_state(qtbot, events, key, "confirmed")
    mark3 = len(peer3.log_text())
    engine.transfer(key, "client3")
    qtbot.waitUntil(lambda: any(a[0] == key and a[3] and 200 <= a[1] < 300
                                for a in events.of("sig_transfer")), timeout=10000)
    # the transferee (client) now talks to client3; our leg is hung up
    peer3.wait_log(r"Call established: sip:client@", start=mark3)
    rec = wait_ended(qtbot, events, key)
    assert rec.outcome is CallOutcome.SUCCESS
    peer.command("hangup")
    peer3.command("hangup")


def test_attended_transfer_sends_refer_with_replaces(engine, events, peer, peer3, qtbot):
    first = engine.dial("client")
    wait_state(qtbot, events, first, "confirmed")
    engine.hold(first)
    second = engine.dial("client3")
    wait_state(qtbot, events, second, "confirmed")
    mark = len(peer.log_text())
    engine.transfer_attended(first, second)
    # baresip 1.0 has no Replaces support: it places a new call to the Refer-To
    # target, which carries the Replaces header pjsua2 built.
    peer.wait_log(r"Call established: sip:client3@[^\n]*Replaces=", start=mark)
    qtbot.waitUntil(lambda: any(a[0] == first and a[3] for a in events.of("sig_transfer")),
                    timeout=10000)
    engine.hangup(second)
    wait_ended(qtbot, events, first)
    wait_ended(qtbot, events, second)
    peer.command("hangup")
    peer3.command("hangup")


def test_consent_prompt_reaches_the_client_and_the_recording(make_engine, peer, qtbot):
    e = make_engine(consent_prompt=True)
    ev = Collector(e)
    started = time.time() - 1  # baresip names its dumps by the second
    key = e.dial("client")
    wait_state(qtbot, ev, key, "confirmed")
    qtbot.wait(2500)
    with qtbot.waitSignal(e.sig_recording_finished, timeout=15000) as done:
        e.hangup(key)
    audio, _ = sf.read(done.args[0])
    # The prompt is the only thing on the manager's channel (the mic is the null device).
    assert np.sqrt(np.mean(audio[:, 0] ** 2)) > 0.02
    new = [p for p in peer.dumps("dec") if p.stat().st_mtime >= started]
    assert new, "baresip dumped nothing it received"
    dump = max(new, key=lambda p: p.stat().st_mtime)
    qtbot.waitUntil(lambda: dump.stat().st_size > 16000, timeout=5000)
    heard, _ = sf.read(str(dump))
    assert np.sqrt(np.mean(heard ** 2)) > 0.02


def test_audio_attach_hook_feeds_the_call_and_mute_silences_it(make_engine, peer, qtbot,
                                                               tmp_path):
    """The headset bridge's contract: audio_attach returns (source, sink); mute stops source."""
    import pjsua2 as pj

    tone = tmp_path / "mic.wav"
    t = np.arange(16000 * 2) / 16000
    sf.write(str(tone), 0.5 * np.sin(2 * np.pi * 600 * t), 16000, subtype="PCM_16")
    e = make_engine()
    ev = Collector(e)
    player = pj.AudioMediaPlayer()
    player.createPlayer(str(tone), 0)  # loops: a microphone that never stops
    attached, detached = [], []

    def attach(key, call_media):
        attached.append(key)
        assert e.call_audio_media(key) is None  # not active until the hook returns
        return player, e.ep.audDevManager().getPlaybackDevMedia()

    e.audio_attach = attach
    e.audio_detach = detached.append
    key = e.dial("client")
    wait_state(qtbot, ev, key, "confirmed")
    assert attached == [key] and e.call_audio_media(key) is not None
    qtbot.wait(2000)
    e.set_mute(key, True)
    qtbot.wait(2000)
    with qtbot.waitSignal(e.sig_recording_finished, timeout=15000) as done:
        e.hangup(key)
    assert detached == [key]
    audio, rate = sf.read(done.args[0])
    left = audio[:, 0]
    half = len(left) // 2
    # the manager's channel carries the "microphone" until mute, silence after it
    assert np.sqrt(np.mean(left[rate // 2: half - rate // 2] ** 2)) > 0.1
    assert np.sqrt(np.mean(left[half + rate // 2:] ** 2)) < 0.01
    e.audio_attach = e.audio_detach = None
    del player


def test_live_stats_during_a_call_and_network_change_keeps_registration(engine, events, peer,
                                                                        qtbot):
    key = engine.dial("client")
    wait_state(qtbot, events, key, "confirmed")
    qtbot.waitUntil(lambda: any(not s.final for (s,) in events.of("sig_call_stats")),
                    timeout=8000)
    live = [s for (s,) in events.of("sig_call_stats") if not s.final][0]
    assert live.call_key == key and live.rx_packets > 100 and live.codec in ("PCMA", "PCMU")
    seen = len(events.of("sig_registration"))
    engine.network_changed()  # e.g. the laptop moved networks: re-register, keep the call
    qtbot.waitUntil(lambda: len(events.of("sig_registration")) > seen
                    and events.of("sig_registration")[-1][0] == "registered", timeout=10000)
    assert key in engine.calls() and not engine.calls()[key].ended
    engine.hangup(key)
    rec = wait_ended(qtbot, events, key)
    assert rec.outcome is CallOutcome.SUCCESS
