"""The monitoring indicator in the status bar, and the feature object behind it.

Manager: while a supervisor listens, whispers or has barged in, the indicator
says who and how (red dot, bold; a widget of its own in the indicator strip,
never elided by a crowded bar). Supervisor: the same place shows whom
they monitor, with a button to switch the mode or stop.
"""

from __future__ import annotations

import logging
import weakref

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QToolButton, QWidget

from workstation.services import monitor as svc
from workstation.telephony.monitor import MODES, MonitorGrant, MonitorHub
from workstation.views import ops
from workstation.views.statusbar import make_eliding

log = logging.getLogger(__name__)

_features: weakref.WeakValueDictionary[int, MonitorFeature] = weakref.WeakValueDictionary()
"""The installed feature per context (``id(ctx)``): what ``offer_actions`` acts through."""


def feature_for(ctx) -> MonitorFeature | None:
    return _features.get(id(ctx))


class MonitorIndicator(QWidget):
    sig_mode = Signal(str)
    """The supervisor picked another mode for the session shown."""
    sig_stop = Signal()
    """The supervisor stops the session shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monitorIndicator")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        self.label = QLabel(self)
        self.label.setObjectName("monitorLabel")
        # a crowded bar (Russian, 1366 px) elides the end, never the dot and the name
        make_eliding(self.label, chars=24)
        lay.addWidget(self.label)
        self.button = QToolButton(self)
        self.button.setObjectName("monitorButton")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.button)
        self.mode_actions = {}
        for mode in MODES:
            act = self.menu.addAction("")
            act.setCheckable(True)
            act.triggered.connect(lambda _c=False, m=mode: self.sig_mode.emit(m))
            self.mode_actions[mode] = act
        self.menu.addSeparator()
        self.stop_action = self.menu.addAction("")
        self.stop_action.triggered.connect(self.sig_stop.emit)
        self.button.setMenu(self.menu)
        lay.addWidget(self.button)
        self.role = ""
        self.mode = ""
        self.peer = ""
        self.retranslate()
        self.show_session("", "", "")

    def retranslate(self) -> None:
        self.button.setText(self.tr("Monitor"))
        names = mode_names()
        for mode, act in self.mode_actions.items():
            act.setText(names[mode])
        self.stop_action.setText(self.tr("Stop monitoring"))
        self.show_session(self.role, self.mode, self.peer)

    def show_session(self, role: str, mode: str, peer: str) -> None:
        """role "monitored" / "supervising" / "" (nothing: hidden)."""
        self.role, self.mode, self.peer = role, mode, peer
        if role == "monitored":
            text = {"listen": self.tr("%1 is listening to this call"),
                    "whisper": self.tr("%1 is whispering to you (the client does not hear)"),
                    "barge": self.tr("%1 has joined the call")}.get(mode, "%1")
            said = text.replace("%1", peer)
            self.label.setText('<span style="color:#c62828">●</span> <b>'
                               + _html(said) + "</b>")
            self.label.setToolTip(said + "\n" + self.tr(
                "A supervisor of your team is monitoring your call (%1).")
                .replace("%1", mode_names().get(mode, mode)))
        elif role == "supervising":
            text = {"listen": self.tr("Listening to %1"), "whisper": self.tr("Whispering to %1"),
                    "barge": self.tr("Barged in on %1")}.get(mode, "%1")
            said = text.replace("%1", peer)
            self.label.setText('<span style="color:#1565c0">●</span> ' + _html(said))
            self.label.setToolTip(said)
            for m, act in self.mode_actions.items():
                act.setChecked(m == mode)
        self.button.setVisible(role == "supervising")
        self.setVisible(bool(role))


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def mode_names() -> dict[str, str]:
    return {"listen": QCoreApplication.translate("MonitorIndicator", "Listen"),
            "whisper": QCoreApplication.translate("MonitorIndicator", "Whisper"),
            "barge": QCoreApplication.translate("MonitorIndicator", "Barge")}


class MonitorFeature(QObject):
    """Owns the MonitorHub on the engine, checks requests through the shared database
    (off the GUI thread), starts sessions for the supervisor, feeds the indicator."""

    sig_status = Signal(str)
    """A user-readable message for the status bar."""

    def __init__(self, ctx, engine, indicator: MonitorIndicator | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.engine = engine
        self.indicator = indicator or MonitorIndicator()
        self.hub = MonitorHub(engine, self) if engine is not None else None
        self._sessions: dict[str, tuple[str, str, str]] = {}  # key -> (role, mode, peer)
        self._user_of: dict[str, object] = {}  # supervising session key -> monitored user id
        if self.hub is not None:
            self.hub.authorize = self._authorize
            self.hub.sig_session.connect(self.on_session)
            self.hub.sig_refused.connect(self._on_refused)
        self.indicator.sig_mode.connect(self.set_mode)
        self.indicator.sig_stop.connect(self.stop)
        _features[id(ctx)] = self

    # -- manager side ------------------------------------------------------------------
    def _authorize(self, request, done) -> None:
        """The hub asks (engine thread = GUI thread): check off the GUI thread."""
        ctx = self.ctx

        def check():
            return svc.check_token(ctx, request.token, request.supervisor_sip)

        ops.query(self, check,
                  lambda g: done(MonitorGrant(g.supervisor_id, g.supervisor_name)),
                  lambda exc: done(None, str(exc)))

    # -- supervisor side ---------------------------------------------------------------
    def start(self, user_id, mode: str) -> None:
        """Monitor ``user_id``'s call in ``mode`` (or switch the running session's mode)."""
        for key, uid in self._user_of.items():
            if uid == user_id and key in self._sessions:
                self.hub.set_mode(key, mode)
                return
        if self.hub is None:
            self.sig_status.emit(self.tr("The softphone is not running: cannot monitor."))
            return
        ctx = self.ctx

        def prepare():
            return svc.target(ctx, user_id), svc.request_token(ctx, user_id)

        def go(result):
            target, token = result
            try:
                key = self.hub.start(target.sip, mode, token)
            except (RuntimeError, ValueError) as exc:
                self.sig_status.emit(self.tr("Cannot monitor: %1").replace("%1", str(exc)))
                return
            self._user_of[key] = user_id
            self._sessions[key] = ("supervising", mode, target.name)
            self._refresh()

        ops.query(self, prepare, go, lambda exc: self.sig_status.emit(
            self.tr("Cannot monitor: %1").replace("%1", str(exc))))

    def set_mode(self, mode: str) -> None:
        for key, (role, _m, _p) in list(self._sessions.items()):
            if role == "supervising":
                try:
                    self.hub.set_mode(key, mode)
                except (RuntimeError, ValueError) as exc:
                    self.sig_status.emit(self.tr("Cannot monitor: %1").replace("%1", str(exc)))

    def stop(self) -> None:
        if self.hub is not None:
            for s in self.hub.active("supervising"):
                self.hub.stop(s.key)

    # -- both --------------------------------------------------------------------------
    def on_session(self, key: str, role: str, state: str, mode: str, peer: str) -> None:
        if state == "ended":
            self._sessions.pop(key, None)
            self._user_of.pop(key, None)
        else:
            old = self._sessions.get(key)
            name = old[2] if old and role == "supervising" else peer
            self._sessions[key] = (role, mode, name)
        self._refresh()

    def _on_refused(self, peer: str, why: str) -> None:
        """A request was refused: ours (supervising: say so) or one made to us (logged)."""
        live = {s.key for s in self.hub.active()}
        gone = [k for k, (r, _m, _p) in self._sessions.items()
                if r == "supervising" and k not in live]
        for key in gone:
            self._sessions.pop(key, None)
            self._user_of.pop(key, None)
            self.sig_status.emit(self.tr("Monitoring refused: %1").replace("%1", why))
        if not gone:
            log.info("a monitoring request from %s was refused: %s", peer, why)
        self._refresh()

    def _refresh(self) -> None:
        # the manager's own state comes first: it must always be shown
        mine = [v for v in self._sessions.values() if v[0] == "monitored"]
        theirs = [v for v in self._sessions.values() if v[0] == "supervising"]
        role, mode, peer = (mine or theirs or [("", "", "")])[-1]
        self.indicator.show_session(role, mode, peer)

    def shutdown(self) -> None:
        if self.hub is not None:
            self.hub.close()
