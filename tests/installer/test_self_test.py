"""`workstation --self-test` from the source tree (the bundle's run is in test_bundle.py)."""

from __future__ import annotations

import os
import sys

from audio_rig import pulse_rig  # noqa: F401 - fixture
from installer_parts import ROOT, run


def _env(tmp_path, **extra):
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_STATE_HOME=str(tmp_path / "state"))
    env.update(extra)
    return env


def test_self_test_passes_from_the_source_tree(pulse_rig, tmp_path):  # noqa: F811
    proc = run([sys.executable, "-m", "workstation", "--self-test"],
               _env(tmp_path, PULSE_SERVER=pulse_rig.server))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = [line for line in proc.stdout.splitlines() if line.startswith(("ok", "FAIL"))]
    assert [line.split(":")[0].split()[-1] for line in lines] == [
        "database", "pjsua2", "audio", "translations", "interface"]
    assert all(line.startswith("ok") for line in lines), lines
    assert "self-test: all 5 checks passed" in proc.stdout
    for xdg in ("config", "data", "state"):
        assert not (tmp_path / xdg / "workstation").exists(), xdg


def test_self_test_names_the_failed_check_and_its_fix(tmp_path):
    """No sound server: the audio check fails with a fix, the others still pass, exit 1."""
    proc = run([sys.executable, "-m", "workstation", "--self-test"],
               _env(tmp_path, PULSE_SERVER=f"unix:{tmp_path}/no-such-socket"))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "FAIL audio: backend loaded" in proc.stdout
    assert "no audio output device" in proc.stdout
    assert "     fix: start the sound server" in proc.stdout
    assert "ok   database:" in proc.stdout and "ok   pjsua2:" in proc.stdout
    assert "self-test: 1 of 5 checks FAILED: audio" in proc.stdout
