"""In the app: the presence control sits in the status bar, the manager is
available from the start, quitting closes the interval (offline); a team lead's
window has the board and occupancy tabs."""

from __future__ import annotations

from sqlalchemy import select

from workstation.domain import presence as P
from workstation.store.db import Store
from workstation.store.models import AgentState


def _start(config, role: str):
    from PySide6.QtWidgets import QApplication

    from workstation.app import Workstation

    config.set("user.login", f"{role}1")
    config.set("user.role", role)
    ws = Workstation(config, QApplication.instance(), headset=False)
    ws.start()
    return ws


def test_the_app_makes_a_manager_available_and_quitting_offline(qtbot, config):
    ws = _start(config, "manager")
    try:
        qtbot.addWidget(ws.window)
        control = ws.window.indicators.indicator("presence")
        assert control is not None and ws.board.view is None  # a manager has no team board
        qtbot.waitUntil(ws.board.tracker.idle, timeout=10000)
        assert "Available" in control.text()
        uid, url = ws.ctx.user.id, ws.store.url
        with ws.store.session() as s:
            rows = s.scalars(select(AgentState).where(AgentState.user_id == uid)).all()
        assert [(r.state, r.ended_at) for r in rows] == [(P.AVAILABLE, None)]
        path = url  # reopened after the app closed it
    finally:
        ws.stop()
    store = Store(url=path)
    try:
        with store.session() as s:
            rows = s.scalars(select(AgentState).where(AgentState.user_id == uid)).all()
        assert len(rows) == 1 and rows[0].ended_at is not None  # the quit wrote offline
    finally:
        store.dispose()


def test_a_team_leads_window_has_the_board_and_occupancy_tabs(qtbot, config):
    from PySide6.QtWidgets import QTabWidget

    ws = _start(config, "teamlead")
    try:
        qtbot.addWidget(ws.window)
        tabs = ws.window.findChild(QTabWidget, "centralTabs")
        titles = [tabs.tabText(i) for i in range(tabs.count())]
        assert titles[-2:] == ["Team board", "Occupancy"]
        assert ws.board.view is not None and ws.board.report is not None
    finally:
        ws.stop()
