"""The Calls tab joins the call center's tabs in the main window, as app.py installs it."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget


def test_the_calls_tab_sits_beside_the_lead_list_and_the_call(qtbot, filled, ctx_as, tmp_path):
    from workstation.sync.playback import RecordingCache
    from workstation.views import callcenter, calls
    from workstation.views.mainwindow import MainWindow

    store, made = filled
    ctx = ctx_as(store, made, "north0", "supervisor")
    window = MainWindow(ctx)
    center = callcenter.install(window, ctx)
    browser = calls.install(window, ctx, cache=RecordingCache(tmp_path / "c", 1 << 20))
    qtbot.addWidget(window, before_close_func=lambda _w: (browser.shutdown(), center.shutdown(),
                                                          window.shutdown()))
    window.show()
    tabs = window.findChild(QTabWidget, "centralTabs")
    assert tabs is center.tabs and tabs.count() == 3
    assert tabs.widget(2) is browser and tabs.tabText(2) == "Calls"
    assert window.calls_browser is browser
    qtbot.waitUntil(lambda: browser.model.rowCount() > 0, timeout=20000)
    north = {made.users[f"north{i}"] for i in range(3)}
    assert {browser.model.call_row(i).user_id for i in range(browser.model.rowCount())} <= north
    browser.open_calls([made.calls_of[made.users["north1"]][0]])
    assert tabs.currentWidget() is browser
