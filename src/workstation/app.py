"""The desktop application: one object owns the life of everything.

Order (STYLE habit 1): settings → store upgraded (defaults, sample scripts, the
user's row: the session context, ``services.users.sign_in``) → telephony engine
started (when a SIP account is set) → headset audio → sync started (when a
shared database is set) → main window and its features → Qt loop;
then the reverse: window and its background work → sync → headset audio →
engine (hang up, destroy the Endpoint on this thread, PJSUA2-NOTES order) →
store closed.
"""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit

from workstation import APP_NAME, __version__, crashreport, lifecycle
from workstation.config import Config
from workstation.i18n import install_translators, pick_language
from workstation.lifecycle import QuitOnSignals
from workstation.paths import make_private
from workstation.qtgc import GuiThreadGC
from workstation.telephony.settings import SipSettings
from workstation.views import firstrun, singleinstance
from workstation.views.crashdialog import offer_crash_reports
from workstation.views.language import switch_language
from workstation.views.tray import start_minimized

log = logging.getLogger(__name__)


def tune_interpreter() -> None:
    """A 1 ms GIL switch interval (Python's default is 5 ms).

    Audio frames are copied by Python on pjmedia's clock thread and Qt's audio
    thread, and store writes run on worker threads: each of their SQLite calls
    gives the GIL away and waits up to one interval to get it back from a busy
    GUI thread (bench/bench_audio.py: 4 underruns per 30 s at 5 ms, 0 at 1 ms).
    """
    sys.setswitchinterval(min(sys.getswitchinterval(), 0.001))


def make_qapp(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    return app


def ask_sip_password(config, parent=None) -> str | None:
    """The SIP password when the keyring has none: ask once, keep it for this session."""
    # (deferred: keyring loads when the password is asked for)
    from workstation.secrets import remember_for_session

    text, ok = QInputDialog.getText(
        parent, QApplication.translate("App", "SIP password"),
        QApplication.translate("App", "Password of SIP account %1 (kept for this session only):")
        .replace("%1", f"{config.get('sip.username')}@{config.get('sip.domain')}"),
        QLineEdit.EchoMode.Password)
    if not ok:
        return None
    remember_for_session("sip.password", text)
    return text


class Workstation:
    """Owns the store, the telephony engine, the headset audio, sync and the window."""

    def __init__(self, config: Config, app: QApplication, *, sip_settings=None,
                 headset: bool | None = None, title_suffix: str = "") -> None:
        self.config, self.app = config, app
        self.sip_settings = sip_settings
        self.headset = headset if headset is not None else not os.environ.get(
            "WORKSTATION_NO_HEADSET")
        self.title_suffix = title_suffix
        self.store = self.engine = self.bridge = self.sync = self.window = self.center = None
        self.calls = None
        self.monitor = None
        self.board = None
        self.ctx = None

    # -- start ----------------------------------------------------------------------
    def start(self) -> None:
        # (deferred: SQLAlchemy and the store load in start(), not at import)
        from workstation.services.users import sign_in
        from workstation.store.db import open_store

        tune_interpreter()
        self.store = open_store(self.config)
        self.sync = self._start_sync()  # no network here: the sync worker connects
        self.ctx = sign_in(self.store, self.config)
        self.engine = self._start_engine()
        if self.sync is not None:
            # A first start with the shared database unreachable creates the login's
            # row locally; the worker merges it with the shared row (same login)
            # and the context's user takes the shared id (sig_user_id).
            self.sync.watch_login(self.ctx.user.login, self.ctx.user.id)
            self.sync.sig_user_id.connect(self._adopt_user_id)
            self.sync.start()
        # (deferred: the window and its features load in start(), not at import)
        from workstation.views import board, callcenter, funnel, monitor
        from workstation.views import calls as calls_view
        from workstation.views import stats as stats_view
        from workstation.views.mainwindow import MainWindow

        self.window = MainWindow(self.ctx)
        self.center = callcenter.install(self.window, self.ctx, engine=self.engine,
                                         sync=self.sync)
        # listen/whisper/barge: the hub on the engine, the status-bar indicator;
        # offer_actions(menu, ctx, user_id) acts through it (board and calls browser)
        self.monitor = monitor.install(self.window, self.ctx, engine=self.engine)
        stats_view.install(self.window, self.ctx, sync=self.sync)
        self.board = board.install(self.window, self.ctx, calls=self.center.calls,
                                   workspace=self.center.workspace, sync=self.sync)
        board.set_monitor_hook(monitor.offer_actions)
        self.analytics = funnel.install(self.window, self.ctx)  # team lead, supervisor, admin
        self.calls = calls_view.install(self.window, self.ctx, sync=self.sync)
        self._arrange_docks()
        if self.sync is not None:  # shared-pool leads are leased before they are dialled
            # (deferred: sync loads only when a shared database is set)
            from workstation.sync.leasing import DialLeases

            self.center.controller.leases = DialLeases(self.store, self.sync.syncer.shared)
        if self.engine is not None:
            self.engine.sig_error.connect(self.window.status_message.setText)
        if self.bridge is not None and self.center.softphone is not None:
            self.center.softphone.set_ringer(_BridgeRinger(self.bridge))
        if self.bridge is not None:  # Settings → Headset applies at once
            self.window.sig_settings_saved.connect(self._apply_headset_settings)
        if self.title_suffix:
            self.window.setWindowTitle(f"{self.window.windowTitle()} — {self.title_suffix}")
        self._fit_screen()
        self.window.show()
        log.info("workstation %s started", __version__)

    def _arrange_docks(self) -> None:
        """The review queue shares the left column with My day (one of them in
        front, tabs to switch): side by side they would not fit a laptop's 1366 px."""
        review_dock = getattr(self.window, "review_dock", None)
        myday_dock = getattr(self.center, "dock", None)
        if review_dock is None or myday_dock is None:
            return
        self.window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, review_dock)
        self.window.tabifyDockWidget(myday_dock, review_dock)
        myday_dock.raise_()

    def _fit_screen(self) -> None:
        """Never larger than the screen; the demo takes the whole screen."""
        screen = self.window.screen() or self.app.primaryScreen()
        if screen is None:
            return
        avail = screen.availableGeometry()
        if self.title_suffix:
            self.window.setGeometry(avail)
        else:
            self.window.resize(min(self.window.width(), avail.width()),
                               min(self.window.height(), avail.height()))

    def _sip_settings(self):
        if self.sip_settings is not None:
            return self.sip_settings
        if not (self.config.get("sip.username") and self.config.get("sip.domain")):
            return None
        settings = SipSettings.from_config(self.config)
        if not settings.password:
            password = ask_sip_password(self.config)
            if password is None:
                log.warning("no SIP password given: the softphone stays offline")
            settings.password = password or ""
        return settings

    def _start_engine(self):
        settings = self._sip_settings()
        if settings is None:
            log.info("no SIP account set: the softphone is off")
            return None
        # (deferred: pjsua2 loads only when a SIP account is set)
        from workstation.telephony.engine import TelephonyEngine, TelephonyError

        engine = TelephonyEngine(settings)
        try:
            engine.start()
        except TelephonyError as exc:
            log.error("%s", exc)
            return None
        if self.headset:
            self._attach_headset(engine)
        return engine

    def _attach_headset(self, engine) -> None:
        """The headset audio bridge (QtMultimedia); the null device when it is not there."""
        try:
            # (deferred: pjsua2 loads only when a SIP account is set)
            from workstation.telephony.audio import HeadsetBridge

            bridge = HeadsetBridge.from_config(self.config)
            bridge.start()
        except Exception:  # noqa: BLE001 - calls still work (null device), say why
            log.exception("headset audio not available; calls use the null device")
            return
        self.bridge = bridge
        bridge.attach_to(engine)  # the engine connects calls, applies mute, records the port

    def _apply_headset_settings(self) -> None:
        if self.bridge is not None:
            apply_headset_settings(self.bridge, self.window.config)  # what the dialog wrote

    def _start_sync(self):
        if not self.config.get("db.shared_url"):
            return None
        try:
            # (deferred: sync and psycopg load only when a shared database is set)
            from workstation.sync.qt import SyncService

            service = SyncService.from_config(self.config, self.store.url)
        except Exception:  # noqa: BLE001 - work alone rather than not at all
            log.exception("sync not started")
            return None
        return service

    def _adopt_user_id(self, old, new) -> None:
        """The login's local row now has the shared database's id (its first round
        merged them by login): every part acting for the user reads ``ctx.user``,
        so from now on they all write under the new id."""
        if self.ctx is None or self.ctx.user.id != old:
            return
        self.ctx.user.adopt(new)
        log.info("this login's shared id %s adopted (was %s)", new, old)

    # -- stop -------------------------------------------------------------------------
    def stop(self) -> None:
        """Reverse order; safe to call twice. Calls are ended and the work they
        start is finished first (lifecycle.wind_down), the outbox pushed once more."""
        if self.board is not None:  # offline on the team board (written before the push)
            self.board.shutdown()
        lifecycle.wind_down(self)
        if self.calls is not None:
            self.calls.shutdown()
            self.calls = None
        if self.center is not None:
            self.center.shutdown()
        if self.window is not None:
            self.window.shutdown()
        if self.sync is not None:
            lifecycle.flush_sync(self.sync)
            self.sync.stop()
            self.sync = None
        if self.engine is not None:
            engine, self.engine = self.engine, None
            engine.audio_attach = engine.audio_detach = None
            if self.bridge is not None:  # its port goes before libDestroy
                self.bridge.close()
                self.bridge = None
            engine.stop()  # hangs up, waits, libDestroy on this (the GUI) thread
        if self.store is not None:
            self.store.dispose()
            self.store = None

    def run(self, auto_exit_s: float | None = None) -> int:
        if auto_exit_s:
            QTimer.singleShot(int(auto_exit_s * 1000), self.app.quit)
        try:
            return self.app.exec()
        finally:
            self.stop()


def apply_headset_settings(bridge, config) -> None:
    """The devices chosen in Settings → Headset, to the running audio bridge (it reopens
    what changed, even mid-call)."""
    bridge.set_devices(config.get("audio.input"), config.get("audio.output"),
                       config.get("audio.ring"))


class _BridgeRinger:
    """The softphone's ringer on the headset bridge's ring device."""

    def __init__(self, bridge) -> None:
        self.bridge = bridge

    def start(self) -> None:
        self.bridge.start_ring()

    def start_waiting(self) -> None:
        """The soft call-waiting tone: a second call while on a call."""
        self.bridge.start_waiting_tone()

    def stop(self) -> None:
        self.bridge.stop_ring()


def main(argv: list[str]) -> int:
    """``argv``: tel:/sip: links to dial (a running instance dials them instead)."""
    make_private()  # umask 077 and the local files 0600 (also when started as workstation-gui)
    crashreport.install()  # Python exceptions and native faults leave a report
    app = make_qapp([])
    collector = GuiThreadGC(app)  # noqa: F841 - cycles are freed on this thread only
    instance = singleinstance.SingleInstance()
    if instance.hand_over(argv):
        return 0  # the running app raised its window and took the links
    instance.listen()
    config = Config()
    translators = install_translators(app, pick_language(config.get("ui.language")))  # noqa: F841
    quitter = QuitOnSignals(app)  # noqa: F841 - SIGTERM/SIGINT/session end close as File → Quit
    if firstrun.needed(config) and firstrun.run(config):  # no settings yet: the wizard
        switch_language(config.get("ui.language"), app)
    ws = Workstation(config, app)
    try:
        ws.start()
    except BaseException:
        ws.stop()
        raise
    singleinstance.attach(instance, ws.window, argv, ws.engine)
    if config.get("ui.start_minimized"):
        ws.window.tray = start_minimized(ws.window)
    QTimer.singleShot(0, lambda: offer_crash_reports(ws.window))  # the last session's
    return ws.run()
