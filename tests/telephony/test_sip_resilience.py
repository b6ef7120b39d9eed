"""The engine when things go wrong: PBX restart, ghost INVITEs, quitting or dying mid-call."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from sipbed import (USERS, Collector, engine, events, kamailio, make_engine, peer,  # noqa: F401
                    sip_settings, start_engine)
from workstation.domain.enums import CallOutcome

pytestmark = [pytest.mark.sip, pytest.mark.slow]


@pytest.fixture
def own_pbx(tmp_path):
    """A Kamailio only this test kills and restarts."""
    from realparts import require_tool

    require_tool("kamailio", "baresip")
    from workstation.telephony.testbed import Kamailio

    k = Kamailio(tmp_path / "pbx", users=USERS)
    k.start()
    yield k
    k.kill()


@pytest.mark.parametrize("transport", ["tcp", "udp"])
def test_pbx_killed_and_restarted_reregisters(own_pbx, qtbot, tmp_path, transport):
    from workstation.telephony.testbed import Baresip

    engine = start_engine(qtbot, sip_settings(own_pbx, tmp_path, transport=transport,
                                              reg_expires=3))
    ev = Collector(engine)
    try:
        own_pbx.kill()
        qtbot.wait(1500)
        own_pbx.start()
        seen = len(ev.of("sig_registration"))
        # No user action: backoff retries (TCP: connection lost) or the
        # registration refresh (UDP) reach the new PBX.
        def registered_again() -> bool:
            regs = ev.of("sig_registration")
            return len(regs) > seen and regs[-1][:2] == ("registered", 200)

        qtbot.waitUntil(registered_again, timeout=15000)
        if transport == "tcp":
            states = [a[0] for a in ev.of("sig_registration")]
            assert "failed" in states  # the lost connection was noticed and shown
        # The fresh PBX knows the binding again: a call to the manager rings.
        b = Baresip(tmp_path / "caller", user="client", password=USERS["client"],
                    registrar=own_pbx.domain)
        b.start()
        try:
            with qtbot.waitSignal(engine.sig_incoming, timeout=10000):
                b.command("dial", f"sip:manager@{own_pbx.domain}")
        finally:
            b.stop()
    finally:
        engine.stop()


def test_invite_from_non_registrar_rejected_without_ringing(engine, events, kamailio, qtbot,
                                                            tmp_path):
    from workstation.telephony.testbed import Baresip

    scanner = Baresip(tmp_path / "scanner", user="scanner", addr="127.0.0.2")
    scanner.start()
    try:
        with qtbot.waitSignal(engine.sig_ghost_rejected, timeout=10000) as ghost:
            scanner.command("dial", f"sip:manager@127.0.0.1:{engine.transport_port('udp')}")
        assert ghost.args[0].startswith("127.0.0.2:")
        scanner.wait_log(r"403 Forbidden")
        qtbot.wait(300)
        assert events.of("sig_incoming") == []
        assert events.of("sig_call_state") == []
        assert events.of("sig_call_ended") == []
    finally:
        scanner.stop()


def test_quit_mid_call_closes_call_and_recording(engine, events, peer, qtbot):
    key = engine.dial("client")
    qtbot.waitUntil(lambda: any(a[0] == key and a[1] == "confirmed"
                                for a in events.of("sig_call_state")), timeout=10000)
    qtbot.wait(1500)
    mark = len(peer.log_text())
    engine.stop()  # the app quits with the call up
    rec = events.ended(key)
    assert rec is not None and rec.outcome is CallOutcome.SUCCESS
    assert events.of("sig_recording_finished") == [(str(rec.recording_path),)]
    audio, rate = sf.read(str(rec.recording_path))
    assert audio.shape[1] == 2 and audio.shape[0] > rate
    peer.wait_log(r"terminated", start=mark)
    engine.stop()  # twice is harmless
    assert not engine.running


def test_killed_mid_call_recording_still_playable(kamailio, peer, tmp_path):
    from workstation.telephony.recorder import recover_recordings

    rec_dir = tmp_path / "recordings"
    child = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("sip_child.py")), kamailio.domain,
         USERS["manager"], str(rec_dir)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = ""
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not line.startswith("PARTS"):
            line = child.stdout.readline()
            if not line and child.poll() is not None:
                break
        assert line.startswith("PARTS"), "the child never reported its recording"
        time.sleep(2.5)  # at least one header patch after the report
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
        child.stdout.close()
        peer.command("hangup")
    left_part, right_part = (Path(p) for p in line.split()[1:3])
    # Straight after the kill the parts are WAVs a player opens, holding the call.
    right, rate = sf.read(str(right_part))
    assert rate == 16000 and len(right) > 2.0 * rate
    assert np.sqrt(np.mean(right ** 2)) > 0.05
    # The next start merges them into the stereo recording.
    made = recover_recordings(rec_dir)
    assert len(made) == 1 and not left_part.exists() and not right_part.exists()
    stereo, rate = sf.read(str(made[0]))
    assert stereo.shape[1] == 2 and len(stereo) > 2.0 * rate
    assert np.sqrt(np.mean(stereo[:, 1] ** 2)) > 0.05


def test_register_over_tls(tmp_path, qtbot):
    """TLS 1.2 to a Kamailio TLS listener with a self-signed certificate the user trusts
    (sip.tls_ca_file); the wheel links OpenSSL 1.0.2. Refused certificates:
    test_sip_security.py."""
    from pathlib import Path as _P

    from realparts import require, require_tool

    require_tool("kamailio", "openssl")
    require(_P("/usr/lib/x86_64-linux-gnu/kamailio/modules/tls.so").exists()
            or bool(list(_P("/usr/lib").glob("*/kamailio/modules/tls.so"))),
            "kamailio-tls-modules is not installed")
    from workstation.telephony.testbed import Kamailio

    k = Kamailio(tmp_path / "tlspbx", users=USERS, tls=True)
    k.start()
    try:
        # the PBX's own self-signed certificate, trusted as the CA file
        engine = start_engine(qtbot, sip_settings(k, tmp_path, transport="tls",
                                                  domain=k.tls_domain,
                                                  tls_ca_file=str(k.workdir / "pbx.crt")))
        try:
            assert engine.registration_state == "registered"
        finally:
            engine.stop()
    finally:
        k.kill()
