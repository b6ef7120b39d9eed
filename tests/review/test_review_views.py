"""The review screens driven with pytest-qt on real widgets and a real store:
the scorecard panel scores (critical item fails the call), a comment pinned at
the player's position, clicking it seeks; the manager acknowledges / disputes;
the queue fills from the sampling dialog; the admin's criteria editor saves a
new version; install() adds the right dock per role."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from review.conftest import T0
from workstation.services import review
from workstation.views import ops


@pytest.fixture(autouse=True)
def _ops_done(qtbot):
    yield
    ops.pool().waitForDone(10_000)
    qtbot.wait(10)


def wait_ops(qtbot):
    qtbot.waitUntil(lambda: ops.pool().activeThreadCount() == 0, timeout=10_000)
    qtbot.wait(20)


def test_panel_scores_comments_and_seeks(qtbot, team, card):
    from workstation.views.review import ScorecardPanel

    call = team.call("alice")
    panel = ScorecardPanel(team.ctx("sue"))
    qtbot.addWidget(panel)
    panel.set_position_source(lambda: 65_400)
    seeks = []
    panel.sig_seek.connect(seeks.append)
    panel.set_call(call)
    qtbot.waitUntil(lambda: len(panel._boxes) == 3, timeout=10_000)
    g, n, h = (panel._boxes[str(c.id)] for c in card.criteria)
    g.setCurrentIndex(g.findData(1))
    n.setCurrentIndex(n.findData(2))
    h.setCurrentIndex(h.findData(0))  # the critical item failed
    assert "0" in panel.score_label.text() and "No false promises" in panel.score_label.text()
    h.setCurrentIndex(h.findData(1))
    assert panel.score_label.text().startswith("Score: 75")
    panel.manager_fault.setChecked(True)
    panel.summary.setText("Good")
    panel.submit_button.click()
    qtbot.waitUntil(lambda: panel.message.text() == "Saved", timeout=10_000)
    wait_ops(qtbot)
    stored = review.review_for_call(team.ctx("sue"), call)
    assert stored.score == 75.0 and stored.manager_fault and stored.summary == "Good"
    panel.comment_edit.setText("Interrupted the client here")
    panel.comment_button.click()
    qtbot.waitUntil(lambda: panel.comments.count() == 1, timeout=10_000)
    assert panel.comments.item(0).text().startswith("[1:05] ")
    rect = panel.comments.visualItemRect(panel.comments.item(0))
    qtbot.mouseClick(panel.comments.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert seeks and seeks[-1] == 65_400


def test_manager_acknowledges_and_disputes_from_the_panel(qtbot, team, card):
    from workstation.views.review import ScorecardPanel

    call = team.call("alice")
    g, n, h = card.criteria
    v = review.submit(team.ctx("sue"), call, {g.id: 1, n.id: 4, h.id: 1})
    panel = ScorecardPanel(team.ctx("alice"))
    qtbot.addWidget(panel)
    panel.show()
    panel.set_call(call)
    qtbot.waitUntil(lambda: panel.review is not None, timeout=10_000)
    assert panel.dispute_button.isVisible() and not panel.submit_button.isVisible()
    assert all(not b.isEnabled() for b in panel._boxes.values())  # read-only for her
    panel.dispute_button.click()  # no reason given: refused, said so
    qtbot.waitUntil(lambda: "say why" in panel.message.text(), timeout=10_000)
    panel.answer_edit.setText("The client hung up")
    panel.dispute_button.click()
    qtbot.waitUntil(lambda: panel.review is not None and panel.review.status == "disputed",
                    timeout=10_000)
    assert not panel.ack_button.isVisible()
    review.resolve(team.ctx("sue"), v.id, "OK")
    panel.reload()
    qtbot.waitUntil(lambda: panel.review.status == "resolved", timeout=10_000)
    panel.ack_button.click()
    qtbot.waitUntil(lambda: panel.review.status == "acknowledged", timeout=10_000)


def test_queue_from_the_sampling_dialog(qtbot, team, card):
    from workstation.views.review import ReviewQueue

    for i in range(12):
        team.call("alice", at=T0 + timedelta(hours=i))
    queue = ReviewQueue(team.ctx("sue"))
    qtbot.addWidget(queue)
    queue.reload()
    dialog = queue.open_sample()
    dialog.date_from.setDate(T0.date() - timedelta(days=1))
    dialog.date_to.setDate(T0.date() + timedelta(days=1))
    dialog.count.setValue(5)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: queue.table.rowCount() == 5, timeout=10_000)
    assert dialog.result_value.queued == 5
    assert "5 calls to review" in queue.info.text()
    opened = []
    ops.bus().sig_open_call.connect(opened.append)
    try:
        queue.table.cellDoubleClicked.emit(0, 0)
    finally:
        ops.bus().sig_open_call.disconnect(opened.append)
    assert opened == [queue.rows[0].call_id]


def test_criteria_editor_saves_a_new_version(qtbot, team, card):
    from workstation.views.review import ReviewAdminDialog

    dlg = ReviewAdminDialog(team.ctx("ada"))
    qtbot.addWidget(dlg)
    editor = dlg.criteria
    qtbot.waitUntil(lambda: editor.table.rowCount() == 3, timeout=10_000)
    i = editor.add_row("Closing", 2.0, "scale", 5, True)
    assert editor.table.cellWidget(i, 3).isEnabled()
    editor.save_button.click()
    qtbot.waitUntil(lambda: "Version 2" in editor.message.text(), timeout=10_000)
    new = review.scorecard(team.ctx("sue"))
    assert new.version == 2 and new.criteria[-1].critical and new.criteria[-1].top == 5
    editor.table.item(0, 0).setText("")
    editor.save_button.click()
    qtbot.waitUntil(lambda: "criterion 1" in editor.message.text(), timeout=10_000)
    assert review.scorecard(team.ctx("sue")).version == 2  # nothing half-written


def test_install_by_role(qtbot, team, card):
    from PySide6.QtWidgets import QMainWindow, QMenu

    from workstation.views import review as screens

    def window():
        w = QMainWindow()
        qtbot.addWidget(w)
        w.actions, w.menus = {}, {"file": QMenu(w), "view": QMenu(w)}
        return w

    w_sue = window()
    dock = screens.install(w_sue, team.ctx("sue"))
    assert dock.reviewer and dock.tabs.count() == 2 and "review_settings" not in w_sue.actions
    w_alice = window()
    dock = screens.install(w_alice, team.ctx("alice"))
    assert not dock.reviewer and dock.isHidden()
    assert dock.toggleViewAction() in w_alice.menus["view"].actions()
    w_ada = window()
    screens.install(w_ada, team.ctx("ada"))
    assert "review_settings" in w_ada.actions
    wait_ops(qtbot)


def test_player_signals_reach_the_audit(qtbot, team):
    from PySide6.QtCore import QObject, Signal

    from workstation.views import review as screens

    class FakePlayerSignals(QObject):  # the contract's two signals, emitted as the player does
        sig_played = Signal(object, object, float)
        sig_downloaded = Signal(object, object)

    player = FakePlayerSignals()
    call = team.call("alice")
    screens.connect_player(player, team.ctx("sue"))
    player.sig_played.emit(call, None, 12.0)
    player.sig_downloaded.emit(call, None)
    wait_ops(qtbot)
    rows = review.access_log(team.ctx("ada"))
    assert sorted((r.action, r.played_seconds) for r in rows) == [("download", None),
                                                                  ("play", 12.0)]
