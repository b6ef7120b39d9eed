"""The application puts the analytics tabs in the main window for a team lead."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.usefixtures("ops_done")


@pytest.mark.parametrize("role, tabs", [("teamlead", ["Funnel", "Script analytics"]),
                                        ("manager", [])])
def test_the_app_shows_the_analytics_tabs_by_role(qtbot, config, role, tabs):
    from PySide6.QtWidgets import QApplication, QTabWidget

    from workstation.app import Workstation

    config.set("user.role", role)
    ws = Workstation(config, QApplication.instance(), headset=False)
    ws.start()
    try:
        qtbot.addWidget(ws.window)
        central = ws.window.findChild(QTabWidget, "centralTabs")
        titles = [central.tabText(i) for i in range(central.count())]
        # other features' tabs (statistics, the board) sit among them since the merges
        assert [t for t in titles if t in ("Funnel", "Script analytics")] == tabs
        if tabs:
            funnel, _script = ws.analytics
            qtbot.waitUntil(lambda: funnel.report is not None, timeout=20_000)
            assert funnel.report.funnel.code == "default"
    finally:
        ws.stop()
