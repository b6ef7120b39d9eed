"""The real app in its own process, as a user (or the desktop) starts and ends it.

Real parts: the app is ``python -X faulthandler -m workstation`` with its own
home, keyring and store (tests/integration/apprun.py), the PulseAudio test
headset rig, Kamailio as the PBX and baresip as the client's phone. Whether
the app is registered is asked of the PBX: a request to the manager's number
(answered 404 by Kamailio at once when no contact is registered).
"""

from __future__ import annotations

import signal
import sys
import time
import wave
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "telephony"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from apprun import AppHome, run_starts  # noqa: E402
from audio_rig import pulse_rig  # noqa: E402,F401
from sipbed import kamailio, peer  # noqa: E402,F401

STARTS = 50


@pytest.fixture
def home(tmp_path, kamailio, pulse_rig):  # noqa: F811
    pulse_rig.reset()
    return AppHome(tmp_path / "home", kamailio, pulse_server=pulse_rig.server)


@pytest.mark.slow
@pytest.mark.timeout(1200)  # ~3 min here at load 2, ~5 min at load 6: slow, not wrong
def test_fifty_starts_all_register_none_crashes(home):
    """Issue 15: about 1 start in 15 died with SIGSEGV before registering."""
    home.prepare()
    res = run_starts(home, STARTS, log=lambda _m: None)
    assert res["crashes"] == [], "crashed starts: %s\n%s" % (res["crashes"], res["reports"][0])
    assert res["other"] == [], f"starts that never registered: {res['other']}"
    assert len(res["registered"]) == STARTS
    assert res["unclean"] == [], f"SIGTERM did not end in exit 0 and unregistered: {res['unclean']}"


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_signal_mid_call_unregisters_hangs_up_and_finishes_the_recording(home, peer, sig):  # noqa: F811
    from workstation.store.db import Store

    home.prepare(sip_auto_answer_seconds=1)
    app = home.launch()
    try:
        assert app.wait_registered(timeout=60) is not None, app.stderr[-3000:]
        mark = len(peer.log_text())
        peer.command("dial", f"sip:manager@{home.kamailio.domain}")
        peer.wait_log(r"Call established", start=mark, timeout=20)
        answered = time.monotonic()
        time.sleep(3.0)
        app.signal(sig)
        talk = time.monotonic() - answered
        assert app.wait(30) == 0, app.stderr[-3000:]
    finally:
        app.kill()
    t0 = time.monotonic()
    assert home.probe(timeout=2.0) == 404  # no contact left at the PBX ...
    assert time.monotonic() - t0 < 0.5  # ... and the PBX knows it at once
    peer.wait_log(r"terminated", start=mark, timeout=5)  # the client got a BYE

    wavs = sorted(home.recordings.glob("*.wav"))
    assert [p for p in wavs if ".part" in p.name] == [], "recording parts left unmerged"
    assert len(wavs) == 1, wavs
    with wave.open(str(wavs[0])) as w:  # the header is final: it says what the file holds
        assert w.getnchannels() == 2
        frames = w.getnframes()
        data = w.readframes(frames)
        assert len(data) == frames * w.getnchannels() * w.getsampwidth()
        seconds = frames / w.getframerate()
    assert abs(seconds - talk) < 1.5, (seconds, talk)

    store = Store(path=home.root / "data" / "workstation" / "workstation.sqlite3")
    try:
        from sqlalchemy import select

        from workstation.store.models import Call

        with store.session() as s:
            calls = s.scalars(select(Call)).all()
            rows = [c for c in calls if c.direction == "in"]
        assert len(rows) == 1 and rows[0].ended_at is not None
        assert rows[0].recording_path == str(wavs[0])
    finally:
        store.dispose()
