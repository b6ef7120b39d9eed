"""Where things live: user dirs (platformdirs) and the shipped data folders.

Qt-free. Every location honours platformdirs, so XDG_CONFIG_HOME / XDG_DATA_HOME
give a test or a second user a fully separate installation.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

from workstation import APP_NAME

_PKG = Path(__file__).resolve().parent


def _data_root() -> Path:
    """Folder holding ui/, resources/, db/ and sip/.

    An installed wheel carries them in ``workstation/_data``; a source checkout
    (editable install, tests) has them at the repository root.
    """
    packaged = _PKG / "_data"
    if packaged.is_dir():
        return packaged
    return _PKG.parent.parent


DATA_ROOT = _data_root()


def data_dir(name: str) -> Path:
    """One of the shipped folders: ``ui``, ``resources``, ``db``, ``sip``."""
    return DATA_ROOT / name


def resource(*parts: str) -> Path:
    return data_dir("resources").joinpath(*parts)


def user_config_dir() -> Path:
    p = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    p.mkdir(parents=True, exist_ok=True)
    return p


def user_data_dir() -> Path:
    p = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    p.mkdir(parents=True, exist_ok=True)
    return p


def user_log_dir() -> Path:
    p = Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    p.mkdir(parents=True, exist_ok=True)
    return p


def recordings_dir() -> Path:
    p = user_data_dir() / "recordings"
    p.mkdir(parents=True, exist_ok=True)
    return p


def default_database_path() -> Path:
    return user_data_dir() / "workstation.sqlite3"
