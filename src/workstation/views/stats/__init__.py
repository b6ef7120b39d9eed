"""The Statistics tab (issue 12): calls by outcome, talk and call time,
effective calls and the sales tools against the plan, per manager and for the
team, with charts, drill-down, export and live refresh.

:func:`install` adds the tab beside Leads and Call (the call center's central
tabs) and a "Statistics" menu entry that shows it; without the central tabs the
entry opens the view in a window of its own. A manager sees their own figures;
a team lead their team; a supervisor and an admin every team.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QTabWidget

from workstation.views import actions as act
from workstation.views.stats.charts import ChartsPanel
from workstation.views.stats.drill import DrillDialog
from workstation.views.stats.model import StatsModel
from workstation.views.stats.widget import StatsView

__all__ = ["ACTION", "ChartsPanel", "DrillDialog", "StatsModel", "StatsView", "install"]

ACTION = act.ActionSpec(
    "statistics", QT_TRANSLATE_NOOP("Actions", "S&tatistics"),
    QT_TRANSLATE_NOOP("Actions", "Calls against the plan, per manager and for the team"),
    "Ctrl+Shift+S")


class _TabTitle(QObject):
    """Keeps the tab's title in the current language."""

    def __init__(self, tabs: QTabWidget, view: StatsView) -> None:
        super().__init__(view)
        self.tabs, self.view = tabs, view
        view.installEventFilter(self)
        self.apply()

    def apply(self) -> None:
        i = self.tabs.indexOf(self.view)
        if i >= 0:
            self.tabs.setTabText(i, QCoreApplication.translate("Stats", "Statistics"))

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.apply()
        return False


def install(window, ctx, *, sync=None, menu: str = "view") -> StatsView:
    """The Statistics view in ``window`` (a tab of the central tabs when there are
    some, else a window of its own opened from the menu)."""
    tabs = window.findChild(QTabWidget, "centralTabs")
    if tabs is not None:
        view = StatsView(ctx, tabs, sync=sync)
        tabs.addTab(view, "")
        _TabTitle(tabs, view)

        def show() -> None:
            tabs.setCurrentWidget(view)
    else:
        view = StatsView(ctx, None, sync=sync)
        view.setWindowFlag(Qt.WindowType.Window, True)
        view.setParent(window, Qt.WindowType.Window)
        view.resize(1280, 720)

        def show() -> None:
            view.setWindowTitle(QCoreApplication.translate("Stats", "Statistics"))
            view.show()
            view.raise_()
    window.stats_view = view
    act.install(window, ACTION, show, menu if menu in getattr(window, "menus", {}) else "file",
                before="")
    return view
