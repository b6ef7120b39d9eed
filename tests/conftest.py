"""Shared fixtures.

Every test runs with its own XDG config/data/log dirs (so platformdirs puts
settings, the store and logs in a temp folder) and a file keyring backend
in that folder, chosen through keyring's own PYTHON_KEYRING_BACKEND.
Qt runs offscreen. ``require(...)`` skips a test that needs a missing real
part, or fails it when CI is set: a skipped real-peer test is a failure in CI.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from realparts import require, require_tool  # noqa: F401  (re-exported)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    for var, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"),
                     ("XDG_STATE_HOME", "state"), ("XDG_CACHE_HOME", "cache")):
        (home / sub).mkdir()
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    import keyring.core

    keyring.core._keyring_backend = None  # re-read the backend for this home
    from workstation import secrets

    secrets._memory.clear()
    return home


@pytest.fixture
def config(isolated_home):
    from workstation.config import Config

    return Config()


@pytest.fixture
def store(isolated_home):
    """A fresh local store upgraded to head, where the app and CLI look for it."""
    from workstation import paths
    from workstation.store.db import Store

    s = Store(path=paths.default_database_path())
    s.upgrade()
    yield s
    s.dispose()


@pytest.fixture
def cli(capsys):
    """Run ``workstation ARGS`` in-process; returns (exit code, stdout, stderr)."""
    from workstation.cli import main

    def run(*args: str, stdin: str | None = None):
        import io
        import sys

        old = sys.stdin
        if stdin is not None:
            sys.stdin = io.StringIO(stdin)
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse errors
            code = exc.code
        finally:
            sys.stdin = old
        out, err = capsys.readouterr()
        return code, out, err

    return run


def pytest_collection_finish(session):
    """Start the PulseAudio test headset before any test when an audio test was collected:
    QtMultimedia connects to a sound server once per process (see tests/audio_rig.py)."""
    if any("pulse_rig" in getattr(item, "fixturenames", ()) for item in session.items):
        from audio_rig import start_before_tests

        start_before_tests(session)


@pytest.fixture
def make_ctx(config):
    """``make_ctx(store, user_id, name)``: the session context views and services take."""
    from workstation.services.context import Context, SignedInUser

    def make(store, user_id=None, name: str = "", login: str = "manager"):
        return Context(store, SignedInUser(id=user_id, login=login, name=name), settings=config)

    return make


REAL_PEERS = ("sip", "pg", "audio")


def pytest_collection_modifyitems(config, items):
    """A test that starts Kamailio, baresip, PostgreSQL or a headset is slow:
    ``pytest -m "not slow"`` is the fast loop."""
    for item in items:
        if any(item.get_closest_marker(m) for m in REAL_PEERS):
            item.add_marker(pytest.mark.slow)
