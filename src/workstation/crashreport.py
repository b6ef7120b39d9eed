"""Crash reports in the log folder; the next start offers to show them. Qt-free.

``install()`` (the GUI calls it first thing):

- an uncaught Python exception (main thread, another thread, or a Qt slot,
  which PySide6 hands to ``sys.excepthook``) is written with its traceback to
  ``crash-<time>-<pid>.txt``; later ones of the same process are appended;
- a native fault (segfault, abort in a C library) is written by
  ``faulthandler`` into ``fault-<time>-<pid>.txt``, opened at start; a process
  that ends without a fault removes its empty file.

Reports are 0600 and pass through the log's secret filter (a password in an
exception message is masked). ``pending()`` lists reports not offered yet;
``mark_seen()`` renames them to ``*.seen`` (kept for support).
"""

from __future__ import annotations

import atexit
import faulthandler
import os
import platform
import sys
import threading
import time
import traceback
from pathlib import Path

from workstation import __version__, paths

_state: dict = {"dir": None, "crash": None, "fault": None, "fault_file": None,
                "hooks": None}


def redact(text: str) -> str:
    """Password-looking text masked, as in the log (``password=...``, URL passwords)."""
    from workstation.logs import mask_secrets  # (deferred: crash hooks load before logging)

    return "\n".join(mask_secrets(line) for line in text.splitlines())


def _open_private(path: Path, mode: str):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | (os.O_APPEND if "a" in mode else os.O_TRUNC),
                 0o600)
    return os.fdopen(fd, mode, encoding="utf-8")


def _header() -> str:
    return (f"workstation {__version__} ({'bundle' if getattr(sys, 'frozen', False) else 'source'})"
            f", Python {platform.python_version()}, {platform.platform()}, pid {os.getpid()}\n")


def _stamp() -> str:
    return time.strftime("%Y%m%d-%H%M%S")


def write_exception(exc_type, exc, tb, where: str = "") -> Path | None:
    """Append one exception to this process's crash report; returns its path."""
    folder = _state["dir"]
    if folder is None:
        return None
    path = _state["crash"]
    if path is None:
        path = _state["crash"] = folder / f"crash-{_stamp()}-{os.getpid()}.txt"
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    try:
        with _open_private(path, "a") as fh:
            if fh.tell() == 0:
                fh.write(_header())
            fh.write(f"\n{time.strftime('%Y-%m-%d %H:%M:%S')} uncaught exception"
                     f"{' in ' + where if where else ''}:\n{redact(text)}\n")
    except OSError:
        return None
    return path


def install(folder: Path | None = None) -> None:
    """Write crash reports into ``folder`` (default: the user's log dir). Idempotent."""
    if _state["dir"] is not None:
        return
    if folder is None:
        folder = paths.user_log_dir()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    _state["dir"] = folder
    old_hook, old_thread_hook = sys.excepthook, threading.excepthook

    def hook(exc_type, exc, tb):
        if not issubclass(exc_type, KeyboardInterrupt):
            write_exception(exc_type, exc, tb)
        old_hook(exc_type, exc, tb)

    def thread_hook(args):
        if args.exc_type is not SystemExit:
            name = args.thread.name if args.thread is not None else "?"
            write_exception(args.exc_type, args.exc_value, args.exc_traceback, f"thread {name}")
        old_thread_hook(args)

    sys.excepthook, threading.excepthook = hook, thread_hook
    _state["hooks"] = (old_hook, old_thread_hook)
    fault = folder / f"fault-{_stamp()}-{os.getpid()}.txt"
    fh = _open_private(fault, "w")
    fh.write(_header())
    fh.flush()
    _state["fault"], _state["fault_file"], _state["fault_size"] = fault, fh, fh.tell()
    faulthandler.enable(file=fh, all_threads=True)
    atexit.register(_clean_exit)


def _clean_exit() -> None:
    """No fault happened: the pre-opened fault file goes (it holds only the header)."""
    fh, fault = _state["fault_file"], _state["fault"]
    if fh is None:
        return
    faulthandler.disable()
    fh.close()
    _state["fault_file"] = None
    try:
        if fault.stat().st_size <= _state["fault_size"]:
            fault.unlink()
    except OSError:
        pass


def uninstall() -> None:
    """Undo ``install()`` (tests)."""
    if _state["dir"] is None:
        return
    _clean_exit()
    atexit.unregister(_clean_exit)
    if _state["hooks"] is not None:
        sys.excepthook, threading.excepthook = _state["hooks"]
    _state.update(dir=None, crash=None, fault=None, fault_file=None, hooks=None)


def pending(folder: Path | None = None) -> list[Path]:
    """Reports of earlier sessions not offered yet, oldest first (not this process's)."""
    if folder is None:
        folder = paths.user_log_dir()
    mine = {_state["crash"], _state["fault"]}
    found = []
    for p in sorted(Path(folder).glob("crash-*.txt")) + sorted(Path(folder).glob("fault-*.txt")):
        if p in mine:
            continue
        if p.name.startswith("fault-") and _only_header(p):
            # a session still running, or one that was killed (SIGKILL, power cut):
            # no fault to show; the dead one's empty file goes
            if not _alive(p):
                p.unlink(missing_ok=True)
            continue
        found.append(p)
    return sorted(found, key=lambda p: p.name.split("-", 1)[1])


def _alive(path: Path) -> bool:
    try:
        os.kill(int(path.stem.rsplit("-", 1)[1]), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True


def _only_header(path: Path) -> bool:
    try:
        return len(path.read_text(encoding="utf-8", errors="replace").strip().splitlines()) <= 1
    except OSError:
        return True


def mark_seen(reports: list[Path]) -> None:
    for p in reports:
        try:
            p.rename(p.with_suffix(".seen"))
        except OSError:
            pass
