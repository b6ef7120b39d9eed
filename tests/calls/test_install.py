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


def test_the_review_panel_follows_the_call_and_the_audit_gets_every_play(
        qtbot, filled, ctx_as, tmp_path):
    import numpy as np
    import soundfile as sf
    from PySide6.QtWidgets import QMainWindow
    from sqlalchemy import select, update

    from workstation.store.models import Call, RecordingAccess
    from workstation.sync.playback import RecordingCache
    from workstation.sync.recordings import recording_id
    from workstation.views import calls
    from workstation.views.review import ScorecardPanel

    store, made = filled
    wav = tmp_path / "call.wav"
    sf.write(str(wav), np.zeros((16000 * 20, 2), np.float32), 16000, subtype="PCM_16")
    first = made.calls[-1]["id"]
    with store.engine.begin() as c:
        c.execute(update(Call.__table__).where(Call.__table__.c.id == first)
                  .values(recording_path=str(wav)))
    ctx = ctx_as(store, made, "south0", "supervisor")
    w = QMainWindow()
    b = calls.install(w, ctx, cache=RecordingCache(tmp_path / "c", 1 << 20))
    qtbot.addWidget(w, before_close_func=lambda _w: b.shutdown())
    w.show()
    panel = b.review_panel
    assert isinstance(panel, ScorecardPanel)
    assert b.side.tabText(b.side.indexOf(panel)) == "Review"
    qtbot.waitUntil(lambda: b.model.rowCount() > 0, timeout=20000)
    with qtbot.waitSignal(b.sig_call_shown, timeout=20000):
        b.show_call(first)
    assert panel.call_id == first
    qtbot.waitUntil(lambda: b.player.duration() > 0, timeout=10000)
    panel.sig_seek.emit(12_000)  # a comment pinned at 0:12 clicked
    qtbot.waitUntil(lambda: abs(b.player.position() - 12_000) < 300, timeout=10000)
    b.player.sig_played.emit(first, recording_id(first), 7.5)  # what leaving a play says
    b.player.save_copy(str(tmp_path / "copy.wav"))

    def audit():
        with store.session() as s:
            return sorted((r.action, r.played_seconds, r.recording_id, r.login) for r in
                          s.scalars(select(RecordingAccess).where(
                              RecordingAccess.call_id == first)))

    qtbot.waitUntil(lambda: len(audit()) == 2, timeout=10000)
    assert audit() == [("download", None, recording_id(first), "south0"),
                       ("play", 7.5, recording_id(first), "south0")]
