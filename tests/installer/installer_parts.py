"""Where `make installer` leaves the bundle and the .deb, and when their tests run.

They run when a bundle exists (after `make installer`) and must run when
BUILD_INSTALLER is set (`make test BUILD_INSTALLER=1` builds it first): then a
missing or stale bundle fails instead of skipping. A plain `make test` never
builds it (minutes on this machine).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"
BUNDLE = DIST / "workstation"
EXE = BUNDLE / "workstation"


def _missing(reason: str) -> None:
    if os.environ.get("BUILD_INSTALLER"):
        pytest.fail(f"BUILD_INSTALLER is set but {reason}", pytrace=False)
    pytest.skip(f"{reason} (run `make installer`, or `make test BUILD_INSTALLER=1`)")


def _newest_source() -> float:
    folders = [ROOT / d for d in ("src", "ui", "resources", "db", "sip")]
    return max(p.stat().st_mtime for f in folders for p in f.rglob("*")
               if p.is_file() and "__pycache__" not in p.parts)


def require_bundle() -> Path:
    if not EXE.is_file():
        _missing(f"there is no bundle at {EXE}")
    if EXE.stat().st_mtime < _newest_source():
        _missing(f"the bundle at {EXE} is older than the source")
    return EXE


def require_deb() -> Path:
    require_bundle()
    debs = sorted(DIST.glob("workstation_*.deb"))
    if not debs:
        _missing(f"there is no .deb in {DIST}")
    if debs[-1].stat().st_mtime < EXE.stat().st_mtime:
        _missing(f"{debs[-1].name} is older than the bundle")
    return debs[-1]


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """A machine with no Python of ours: no venv on PATH, no PYTHONPATH, a new home."""
    env = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "HOME": str(home), "LANG": "C.UTF-8",
           "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
           "XDG_STATE_HOME": str(home / "state"), "XDG_CACHE_HOME": str(home / "cache")}
    env.update(extra)
    return env


def run(cmd: list[str], env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL)
