"""The missing-recordings panel and the retention page against the real shared
database: "Check now" runs off the GUI thread and lists each flag per
workstation; "Apply retention now" lists, asks, deletes."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import text

from review.pgparts import add_call, add_recording, ctx_for
from workstation.views import ops

pytestmark = pytest.mark.pg


@pytest.fixture(autouse=True)
def _ops_done(qtbot):
    yield
    ops.pool().waitForDone(10_000)
    qtbot.wait(10)


def test_missing_panel_checks_the_shared_store(qtbot, shared_db, make_workstation):
    alice = shared_db.add_user("alice")
    sue = shared_db.add_user("sue", role="supervisor")
    missing = add_call(shared_db, alice, talk=40, ended_ago_s=7200)
    short = add_call(shared_db, alice, talk=300, ended_ago_s=7200)
    add_recording(shared_db, alice, short, duration=20.0)
    ws = make_workstation(sue)
    ws.sync()
    from workstation.views.review import MissingPanel

    with shared_db.engine().connect() as c:
        team = c.scalar(text("SELECT team_id FROM users WHERE login = :l"), {"l": sue.login})
    panel = MissingPanel(ctx_for(ws, sue, team), engine_factory=lambda: shared_db.engine(sue.url))
    qtbot.addWidget(panel)
    panel.reload()
    qtbot.waitUntil(lambda: "No missing" in panel.counts.text(), timeout=10_000)
    panel.check_button.click()
    assert not panel.check_button.isEnabled()  # busy while the check runs
    qtbot.waitUntil(lambda: panel.table.rowCount() == 2, timeout=20_000)
    assert panel.check_button.isEnabled()
    reasons = {panel.table.item(i, 1).text() for i in range(2)}
    assert reasons == {"No file", "Shorter than the talk"}
    assert f"{alice.login}: 2" in panel.counts.text()
    assert str(missing) in {panel.table.item(i, 3).text() for i in range(2)}


def test_retention_page_lists_asks_and_deletes(qtbot, shared_db, make_workstation):
    alice = shared_db.add_user("alice")
    ada = shared_db.add_user("ada", role="admin", team=None)
    old = add_call(shared_db, alice)
    add_recording(shared_db, alice, old, age_days=40)
    fresh = add_call(shared_db, alice)
    add_recording(shared_db, alice, fresh)
    ws = make_workstation(ada)
    ws.sync()
    from workstation.views.review.admin import RetentionPage

    page = RetentionPage(ctx_for(ws, ada), engine_factory=lambda: shared_db.engine(ada.url))
    qtbot.addWidget(page)
    page.days.setValue(30)
    page.apply_button.click()
    qtbot.waitUntil(lambda: getattr(page, "confirm_box", None) is not None, timeout=20_000)
    assert "1" in page.confirm_box.text()
    with shared_db.engine().connect() as c:  # nothing deleted before the answer
        assert c.scalar(text("SELECT count(*) FROM recordings")) == 2
    page.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: "Deleted 1" in page.message.text(), timeout=20_000)
    with shared_db.engine().connect() as c:
        assert list(c.scalars(text("SELECT call_id FROM recordings"))) == [fresh]
        assert c.scalar(text("SELECT count(*) FROM calls")) == 2
