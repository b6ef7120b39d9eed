"""Where things live: user dirs (platformdirs) and the shipped data folders.

Qt-free. Every location honours platformdirs, so XDG_CONFIG_HOME / XDG_DATA_HOME
give a test or a second user a fully separate installation.

Local files are private: the user folders are made (and kept) 0700, files in
them 0600. :func:`make_private` runs at the start of the app and of every
command: umask 077 for whatever the process creates, and the folders and files
an earlier version left readable by others are tightened. Code creating a file
also sets its mode itself (:func:`private_file`), not relying on the umask.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

import platformdirs

from workstation import APP_NAME

_PKG = Path(__file__).resolve().parent
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
log = logging.getLogger(__name__)


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


def private_dir(p: Path) -> Path:
    """``p`` made if missing, and 0700 (owner only)."""
    p.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    _chmod(p, PRIVATE_DIR)
    return p


def private_file(p: Path | str) -> None:
    """``p`` (if it exists) made 0600."""
    _chmod(Path(p), PRIVATE_FILE)


def _chmod(p: Path, mode: int) -> None:
    try:
        if stat.S_IMODE(p.stat().st_mode) != mode:
            os.chmod(p, mode)
    except FileNotFoundError:
        pass
    except OSError as exc:  # someone else's file, a read-only mount: say so, go on
        log.warning("cannot make %s private: %s", p, exc)


def tighten_tree(root: Path) -> None:
    """Every folder under ``root`` (itself included) 0700, every regular file 0600."""
    if not root.is_dir():
        return
    _chmod(root, PRIVATE_DIR)
    for folder, dirs, files in os.walk(root):  # symlinks are not followed, nor changed
        for name in dirs:
            d = Path(folder, name)
            if not d.is_symlink():
                _chmod(d, PRIVATE_DIR)
        for name in files:
            f = Path(folder, name)
            if not f.is_symlink() and f.is_file():
                _chmod(f, PRIVATE_FILE)


def make_private(tighten: bool = True) -> None:
    """Process start: umask 077; with ``tighten`` the user folders (config, data with
    the store, recordings and rejects, logs) and their files made private."""
    os.umask(0o077)
    if tighten:
        for folder in (user_config_dir(), user_data_dir(), user_log_dir()):
            tighten_tree(folder)


def user_config_dir() -> Path:
    return private_dir(Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)))


def user_data_dir() -> Path:
    return private_dir(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))


def user_log_dir() -> Path:
    return private_dir(Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)))


def recordings_dir() -> Path:
    return private_dir(user_data_dir() / "recordings")


def playback_cache_dir() -> Path:
    """Recordings fetched from the shared database to be played (bounded LRU cache)."""
    return private_dir(user_data_dir() / "playback-cache")


def default_database_path() -> Path:
    return user_data_dir() / "workstation.sqlite3"
