"""The team lead's funnel and script analytics: two tabs in the main window's
central tabs, for a team lead, a supervisor or an admin.

    tabs = funnel.install(window, ctx)     # (FunnelTab, ScriptTab), or None

Numbers drill down through ``ops.bus()`` (``sig_open_lead``, ``sig_open_calls``,
``sig_open_call``), which the main window and the calls browser answer; the tabs'
own list dialog shows the leads or calls when nothing else does.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QTabWidget

from workstation.services import funnel as svc
from workstation.views.funnel.common import BarChart, Cell, DrillDialog, TablePanel
from workstation.views.funnel.funnel_tab import FunnelTab
from workstation.views.funnel.script_tab import ScriptTab

__all__ = ["BarChart", "Cell", "DrillDialog", "FunnelTab", "ScriptTab", "TablePanel",
           "central_tabs", "install"]


def central_tabs(window) -> QTabWidget:
    """The main window's central tab widget (the call center makes it; made here, around
    the central widget, when the window has none yet)."""
    central = window.centralWidget()
    if isinstance(central, QTabWidget):
        return central
    tabs = QTabWidget(window)
    tabs.setObjectName("centralTabs")
    tabs.setDocumentMode(True)
    old = window.takeCentralWidget()
    if old is not None:
        tabs.addTab(old, old.windowTitle() or window.tr("Leads"))
    window.setCentralWidget(tabs)
    return tabs


class _Titles(QObject):
    """Keeps the tab titles in the interface language."""

    def __init__(self, tabs: QTabWidget, funnel: FunnelTab, script: ScriptTab) -> None:
        super().__init__(funnel)
        self.tabs, self.funnel, self.script = tabs, funnel, script
        funnel.installEventFilter(self)
        self.retitle()

    def retitle(self) -> None:
        for w, title in ((self.funnel, QCoreApplication.translate("FunnelTab", "Funnel")),
                         (self.script, QCoreApplication.translate("ScriptTab",
                                                                  "Script analytics"))):
            i = self.tabs.indexOf(w)
            if i >= 0:
                self.tabs.setTabText(i, title)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.funnel.retranslate()
            self.script.retranslate()
            self.retitle()
        return False


def install(window, ctx, *, start: bool = True, clock=None):
    """Add the Funnel and Script analytics tabs for a team lead, supervisor or admin;
    None for a manager."""
    if not svc.can_view(ctx):
        return None
    tabs = central_tabs(window)
    funnel = FunnelTab(ctx, tabs, clock=clock or svc.utcnow)
    script = ScriptTab(ctx, tabs)
    tabs.addTab(funnel, "")
    tabs.addTab(script, "")
    funnel.titles = _Titles(tabs, funnel, script)
    if start:
        funnel.start()
        script.start()
    return funnel, script
