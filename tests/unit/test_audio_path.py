"""The headset audio path: the setting, the native library's loading and the doctor's check."""

from __future__ import annotations

import pytest

from workstation.cli import checks
from workstation.config import Config, ConfigError
from workstation.telephony import native


def test_the_setting_takes_only_the_known_paths(tmp_path):
    cfg = Config(tmp_path / "config.json")
    assert cfg.get("audio.path") == "auto"
    cfg.set("audio.path", "python")
    cfg.save()
    assert Config(tmp_path / "config.json").get("audio.path") == "python"
    with pytest.raises(ConfigError, match="audio.path"):
        cfg.set("audio.path", "alsa")


def test_the_built_library_loads_against_the_wheel():
    """`make test` builds libwsaudio.so first: here it must load and find pjsua."""
    ok, why = native.available()
    assert ok, why
    assert native.LIBRARY.stat().st_mode & 0o111  # a shared object, executable bits


def test_doctor_says_why_when_native_is_asked_for_and_missing(tmp_path, monkeypatch):
    cfg = Config(tmp_path / "config.json")
    monkeypatch.setattr(native, "available", lambda: (False, "libwsaudio.so cannot be loaded"))
    assert checks.audio_path(cfg).ok  # auto: QtMultimedia, said in the detail
    assert "QtMultimedia" in checks.audio_path(cfg).detail
    cfg.set("audio.path", "native")
    res = checks.audio_path(cfg)
    assert not res.ok and "libwsaudio.so" in res.detail and "make native" in res.fix
    cfg.set("audio.path", "python")
    assert checks.audio_path(cfg).ok
