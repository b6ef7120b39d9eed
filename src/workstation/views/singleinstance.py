"""One app per user: a second launch hands its arguments to the first and exits.

The first instance listens on a QLocalServer (a Unix socket only this user can
open; a named pipe on Windows, where it also holds the mutex the installer's
AppMutex names). A second launch (``workstation tel:+380…`` from a browser or
the desktop's link handler) connects, sends its arguments as one JSON line,
waits for "ok" and exits 0; the first raises its window and dials each
``tel:``/``sip:`` link through the window's ``sig_dial``, the same path as a
phone clicked in a lead card (the number's card pops, then it is dialled).

The name depends on the settings folder, so a second user, a test or the demo
(own XDG folders) have their own instance.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from workstation.links import link_target

log = logging.getLogger(__name__)

WINDOWS_MUTEX = "WorkstationSingleInstance"  # installer/workstation.iss AppMutex


def instance_name() -> str:
    from workstation import paths  # (deferred: keeps this module importable before paths are set up)

    where = hashlib.sha1(str(paths.user_config_dir()).encode()).hexdigest()[:12]
    who = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
    return f"workstation-{who}-{where}"


class SingleInstance(QObject):
    sig_arguments = Signal(list)
    """A second launch's arguments (first instance only)."""

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or instance_name()
        self.server: QLocalServer | None = None
        self._mutex = None

    # -- second launch ------------------------------------------------------------------
    def hand_over(self, args: list[str], timeout_ms: int = 3000) -> bool:
        """True when a first instance took ``args`` (this launch should exit)."""
        sock = QLocalSocket()
        sock.connectToServer(self.name)
        if not sock.waitForConnected(timeout_ms):
            return False
        sock.write(json.dumps({"args": list(args)}).encode() + b"\n")
        sock.waitForBytesWritten(timeout_ms)
        ok = sock.waitForReadyRead(timeout_ms) and bytes(sock.readLine()).strip() == b"ok"
        sock.disconnectFromServer()
        if not ok:
            log.warning("the running instance did not answer; starting another one")
        return ok

    # -- first instance -------------------------------------------------------------------
    def listen(self) -> bool:
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # a socket left by a killed instance (nobody answered hand_over): take it over
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                log.warning("single instance: cannot listen on %s: %s", self.name,
                            server.errorString())
                return False
        server.newConnection.connect(self._accept)
        self.server = server
        if sys.platform == "win32":  # the installer asks the user to close the app
            import ctypes  # (Windows only)

            self._mutex = ctypes.windll.kernel32.CreateMutexW(None, False, WINDOWS_MUTEX)
        return True

    def _accept(self) -> None:
        while self.server is not None and self.server.hasPendingConnections():
            sock = self.server.nextPendingConnection()
            sock.setParent(self)
            sock.readyRead.connect(lambda s=sock: self._read(s))
            sock.disconnected.connect(sock.deleteLater)

    def _read(self, sock: QLocalSocket) -> None:
        if not sock.canReadLine():
            return
        try:
            args = json.loads(bytes(sock.readLine()).decode("utf-8"))["args"]
            args = [str(a) for a in args]
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            log.warning("single instance: a malformed message was ignored")
            sock.disconnectFromServer()
            return
        sock.write(b"ok\n")
        sock.flush()
        self.sig_arguments.emit(args)

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None


def attach(instance: SingleInstance, window, links: list[str], engine=None) -> None:
    """The first instance's window: raised by a second launch; its links dialled, and the
    links this launch was started with once the softphone is registered (or 10 s)."""

    def dial(targets: list[str]) -> None:
        for target in targets:
            window.sig_dial.emit(target)

    def raise_and_dial(args: list[str]) -> None:
        if window.isMinimized() or not window.isVisible():
            window.showNormal()
        window.raise_()
        window.activateWindow()
        dial([t for t in map(link_target, args) if t])

    instance.sig_arguments.connect(raise_and_dial)
    targets = [t for t in map(link_target, links) if t]
    if not targets:
        return
    if engine is None or engine.registration_state == "registered":
        QTimer.singleShot(0, lambda: dial(targets))
        return
    pending = list(targets)

    def once(*_args) -> None:
        if pending and (engine.registration_state == "registered" or not _args):
            todo = pending[:]
            pending.clear()
            dial(todo)

    engine.sig_registration.connect(once)
    QTimer.singleShot(10_000, once)
