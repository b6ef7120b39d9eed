"""Puts the call-center features into the main window and connects them.

    center = CallCenter(window, ctx, engine=engine, sync=sync_service)
    # or, as app.py does: center = callcenter.install(window, ctx, engine=..., sync=...)

* central area: a tab widget with the lead list ("Leads") and the call
  workspace ("Call"); the Call tab comes to the front on every call;
* a "My day" dock on the left: the queue, the next-lead button, reminders,
  today's effective calls against the plan;
* status bar: the softphone strip (registration indicator, number, dial pad,
  call controls), today's effective calls vs plan, the sync indicator;
* :class:`Calls`, the one model of the calls, and the :class:`CallController`
  between the engine, the workspace and the services.

The main window stays thin: everything here is added from outside through
Qt's public QMainWindow API.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QLabel, QScrollArea, QTabWidget

from workstation.views import ops
from workstation.views.callmodel import Calls
from workstation.views.callcenter.controller import CallController
from workstation.views.softphone import SoftphoneWidget
from workstation.views.syncstatus import SyncStatusWidget
from workstation.views.workspace import CallWorkspace, MyDayPanel

log = logging.getLogger(__name__)


class CallCenter(QObject):
    def __init__(self, window, ctx, *, engine=None, sync=None,
                 reminder_interval_ms: int = 30_000) -> None:
        super().__init__(window)
        self.window, self.ctx, self.engine, self.sync = window, ctx, engine, sync

        # -- central tabs: leads | call ------------------------------------------------
        self.workspace = CallWorkspace(ctx)
        lead_list = window.takeCentralWidget()
        self.tabs = QTabWidget(window)
        self.tabs.setObjectName("centralTabs")
        self.tabs.setDocumentMode(True)
        if lead_list is not None:
            self.tabs.addTab(lead_list, "")
        # The card, script, history and wrap-up need more height than a laptop
        # screen has: the Call tab scrolls instead of pushing the window off screen.
        self.workspace_scroll = QScrollArea(self.tabs)
        self.workspace_scroll.setObjectName("workspaceScroll")
        self.workspace_scroll.setWidgetResizable(True)
        self.workspace_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.workspace_scroll.setWidget(self.workspace)
        self.tabs.addTab(self.workspace_scroll, "")
        window.setCentralWidget(self.tabs)

        # -- My day dock ---------------------------------------------------------------
        self.myday = MyDayPanel(ctx, window, reminder_interval_ms=reminder_interval_ms)
        self.dock = QDockWidget(window)
        self.dock.setObjectName("myDayDock")
        self.dock.setWidget(self.myday)
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                              | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        window.resizeDocks([self.dock], [440], Qt.Orientation.Horizontal)

        # -- the calls, and the controller (it observes them before the softphone) -------
        self.calls = Calls(engine, self)
        """Every call of this workstation: the one model the softphone, the workspace
        and the controller observe."""
        self.controller = CallController(self.workspace, ctx, self.calls, parent=self)

        # -- status bar ---------------------------------------------------------------
        self.softphone = None
        if engine is not None:
            self.softphone = SoftphoneWidget(self.calls, ctx.settings, window)
            window.statusBar().addPermanentWidget(self.softphone)
            if not engine.settings.configured and engine.running:
                # No PBX: direct IP calls. Say where we listen instead of "Offline".
                addr = engine.settings.bind_address or "0.0.0.0"
                self.softphone.reg_label.setText(
                    '<span style="color:#1565c0">●</span> ' + self.tr("Direct IP %1")
                    .replace("%1", f"{addr}:{engine.transport_port('udp')}"))
                self.softphone.reg_label.setToolTip(self.tr(
                    "No SIP account is set: calls come straight to this address."))
        self.kpi_label = QLabel(window)
        self.kpi_label.setObjectName("effectiveToday")
        window.indicators.add_indicator(self.kpi_label, "effective")
        self._show_kpi(0, ctx.daily_plan)
        self.sync_label = SyncStatusWidget(window)
        self.sync_label.attach(sync)
        window.indicators.add_indicator(self.sync_label, "sync")
        if sync is not None:  # what sync pulls in is announced like a local change
            sync.sig_report.connect(self._pulled)

        self.controller.sig_show_workspace.connect(self.show_workspace)
        self.controller.sig_status.connect(window.status_message.setText)
        self.myday.sig_open_lead.connect(self.open_lead)
        self.myday.sig_next_lead.connect(self.controller.call_lead)
        # phones clicked in the Leads tab's lead-card dialogs dial like the workspace's
        window.sig_dial.connect(self.controller.dial_number)
        self.myday.sig_progress.connect(self._show_kpi)
        self.myday.sig_error.connect(window.status_message.setText)
        self.workspace.sig_error.connect(window.status_message.setText)
        ops.bus().sig_changed.connect(self._on_changed)
        self.retranslate()
        self.myday.start()
        QTimer.singleShot(0, self._warm_up_workspace)

    def _warm_up_workspace(self) -> None:
        """Polish, lay out and render the (hidden) Call tab once at start, so that
        the first call's pop does not pay for the first paint of every widget."""
        if self.tabs.currentWidget() is not self.workspace_scroll:
            self.workspace_scroll.resize(self.tabs.currentWidget().size())
            self.workspace_scroll.grab()

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Leads"))
        self.tabs.setTabText(self.tabs.indexOf(self.workspace_scroll), self.tr("Call"))
        self.dock.setWindowTitle(self.tr("My day"))
        if self.myday.progress is not None:
            self._show_kpi(self.myday.progress.done, self.myday.progress.target)

    def _show_kpi(self, done: int, target: int) -> None:
        self.kpi_label.setText(self.tr("Today: %1 / %2 effective calls")
                               .replace("%1", str(done)).replace("%2", str(target)))
        colour = "#2e7d32" if done >= target else ""
        self.kpi_label.setStyleSheet(f"color: {colour}" if colour else "")

    def show_workspace(self) -> None:
        self.tabs.setCurrentWidget(self.workspace_scroll)
        w = self.window
        if w.isMinimized():
            w.showNormal()
        w.raise_()
        w.activateWindow()

    def open_lead(self, lead_id) -> None:
        """A queue row or a reminder: the card in the workspace when idle, else a dialog."""
        ctx = self.workspace.call
        if lead_id is None:
            return
        if ctx is None or ctx.ended:
            self.workspace.show_lead(lead_id, direction="out", number="")
            self.show_workspace()
        else:
            self.window.open_lead(lead_id)

    def _on_changed(self, changes: ops.Changes) -> None:
        """Something the manager saved (a wrap-up, a card, a reminder, a script, the
        admin's configuration): sync pushes it now. The call log's own writes during a
        call wait for the next round. My day and the lead list refresh themselves on
        the same change; what sync itself pulled in is not pushed back."""
        if self.sync is not None and changes.source != "sync" and changes.touches(
                ops.LEADS, ops.TASKS, ops.SCRIPTS, ops.USERS, ops.CONFIG):
            self.sync.wake()

    def _pulled(self, report) -> None:
        changes = ops.pulled_changes(report)
        if changes is not None:
            ops.bus().sig_changed.emit(changes)

    def shutdown(self) -> None:
        self.myday.stop()
        if self.softphone is not None:
            self.softphone.shutdown()
