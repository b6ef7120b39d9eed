"""Recording parts and settings, without SIP: header patching, stereo merge, recovery."""

from __future__ import annotations

import struct
import wave

import numpy as np
import soundfile as sf

from workstation.telephony.recorder import (LEFT, RIGHT, merge_stereo, patch_header,
                                            recover_recordings)
from workstation.telephony.settings import SipSettings


def killed_part(path, samples: np.ndarray, rate: int = 16000):
    """A WAV as a killed recorder leaves it: data on disk, sizes in the header still 0."""
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(samples.astype("<i2").tobytes())
    raw = bytearray(path.read_bytes())
    raw[4:8] = struct.pack("<I", 0)
    raw[40:44] = struct.pack("<I", 0)
    path.write_bytes(bytes(raw) + b"\x01")  # plus half a sample being written
    return path


def test_patch_header_makes_a_killed_part_playable(tmp_path):
    tone = (8000 * np.sin(np.arange(16000) / 5)).astype(np.int16)
    part = killed_part(tmp_path / ("x" + RIGHT), tone)
    assert patch_header(part) == 32000
    data, rate = sf.read(str(part), dtype="int16")
    assert rate == 16000 and np.array_equal(data, tone)


def test_merge_puts_manager_left_client_right_and_pads(tmp_path):
    left = killed_part(tmp_path / ("c" + LEFT), np.full(800, 1000))
    right = killed_part(tmp_path / ("c" + RIGHT), np.full(1600, -2000))
    out = merge_stereo(left, right, tmp_path / "c.wav")
    data, rate = sf.read(str(out), dtype="int16")
    assert data.shape == (1600, 2)
    assert (data[:800, 0] == 1000).all() and (data[800:, 0] == 0).all()
    assert (data[:, 1] == -2000).all()
    assert not left.exists() and not right.exists()


def test_recover_merges_every_left_behind_pair(tmp_path):
    for stem in ("a", "b"):
        killed_part(tmp_path / (stem + LEFT), np.full(160, 5))
        killed_part(tmp_path / (stem + RIGHT), np.full(160, 7))
    made = recover_recordings(tmp_path)
    assert sorted(p.name for p in made) == ["a.wav", "b.wav"]
    assert not list(tmp_path.glob("*.part.wav"))
    assert recover_recordings(tmp_path) == []


def test_settings_from_config_takes_password_from_keyring(config):
    from workstation.secrets import set_secret

    config.set("sip.username", "alice")
    config.set("sip.domain", "pbx.example:5070")
    config.set("sip.allowed_sources", "10.0.0.5, sbc.example")
    config.set("sip.auto_answer_seconds", "3")
    set_secret("sip.password", "s3cret-pw")
    s = SipSettings.from_config(config)
    assert (s.username, s.domain, s.password) == ("alice", "pbx.example:5070", "s3cret-pw")
    assert s.allowed_sources == ["10.0.0.5", "sbc.example"] and s.auto_answer_seconds == 3
    assert s.configured and "s3cret-pw" not in repr(s)


def test_telephony_layer_does_not_import_qtwidgets():
    import subprocess
    import sys

    code = ("import sys, workstation.telephony.engine, workstation.telephony.testbed; "
            "sys.exit(1 if any(m.startswith('PySide6.QtWidgets') for m in sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code], timeout=60,
                          capture_output=True).returncode == 0


def test_engine_start_failure_is_clean_and_retryable(qapp, tmp_path):
    """A taken SIP port gives TelephonyError; the Endpoint is gone, so a retry works."""
    import socket

    import pytest

    from workstation.telephony.engine import TelephonyEngine, TelephonyError

    taken = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    taken.bind(("127.0.0.1", 0))
    try:
        engine = TelephonyEngine(SipSettings(bind_address="127.0.0.1", log_level=0,
                                             udp_port=taken.getsockname()[1],
                                             recordings_dir=tmp_path))
        with pytest.raises(TelephonyError, match="failed to start"):
            engine.start()
        assert not engine.running
        engine.settings.udp_port = 0
        engine.start()
        assert engine.running and engine.transport_port("udp") > 0
        engine.stop()
    finally:
        taken.close()
