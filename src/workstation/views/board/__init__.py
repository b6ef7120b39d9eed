"""Live team board and presence (issue 12, item 2).

    board = views.board.install(window, ctx, calls=center.calls,
                                workspace=center.workspace, sync=sync_service)
    ...
    board.shutdown()        # the app quits: this manager goes offline

* every user: the presence control in the status bar (Available / Break with a
  reason) and the :class:`PresenceTracker` deriving the state from the calls;
* team leads, supervisors, admins: the "Team board" and "Occupancy" tabs.

The board learns other workstations' changes from the change bus, which the
call center feeds with sync's NOTIFY-woken pulls (``ops.pulled_changes``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QTabWidget

from workstation.domain import presence as P
from workstation.services import board as board_service
from workstation.views.board import widget as _widget_module
from workstation.views.board.control import PresenceControl
from workstation.views.board.model import BoardModel
from workstation.views.board.presence import PresenceTracker
from workstation.views.board.report import OccupancyReport
from workstation.views.board.widget import BoardView

__all__ = ["Board", "BoardModel", "BoardView", "OccupancyReport", "PresenceControl",
           "PresenceTracker", "install", "set_monitor_hook"]


def set_monitor_hook(fn: Callable | None) -> None:
    """Wire Listen / Whisper / Barge: ``fn(menu, ctx, user_id)`` adds its actions to a
    board row's context menu (``views.monitor.offer_actions``, contracts.md)."""
    _widget_module.monitor_hook = fn


class Board(QObject):
    def __init__(self, window, ctx, *, calls=None, workspace=None, sync=None,
                 heartbeat_s: float = P.HEARTBEAT_S, stale_s: float = P.STALE_S) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.tracker = PresenceTracker(ctx, calls, workspace, heartbeat_s=heartbeat_s,
                                       parent=self)
        self.control = PresenceControl(self.tracker, window)
        window.indicators.add_indicator(self.control, "presence")
        self.view = self.report = None
        tabs = window.centralWidget()
        if board_service.sees_team(ctx) and isinstance(tabs, QTabWidget):
            self.view = BoardView(ctx, sync=sync, stale_s=stale_s, parent=tabs)
            self.report = OccupancyReport(ctx, tabs)
            tabs.addTab(self.view, "")
            tabs.addTab(self.report, "")
        self.tabs = tabs if isinstance(tabs, QTabWidget) else None
        self.retranslate()
        self.tracker.start()

    def retranslate(self) -> None:
        if self.tabs is None:
            return
        if self.view is not None:
            self.tabs.setTabText(self.tabs.indexOf(self.view), self.tr("Team board"))
        if self.report is not None:
            self.tabs.setTabText(self.tabs.indexOf(self.report), self.tr("Occupancy"))

    def shutdown(self) -> None:
        """Offline now (queued; the app waits for the background pool, then sync pushes)."""
        self.tracker.sign_off()


def install(window, ctx, *, calls=None, workspace=None, sync=None, **kw) -> Board:
    """Presence for the user of ``ctx``; the team board when their role reads the team."""
    return Board(window, ctx, calls=calls, workspace=workspace, sync=sync, **kw)
