"""The administration dialog driven through its widgets (pytest-qt, offscreen)
on a real local store: each page writes through the services (outbox) and the
other pages and the wrap-up re-read on the change bus; errors are shown."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from workstation.services.context import Context, SignedInUser
from workstation.store.models import FunnelStage, KpiPlan, OutboxEntry, RefusalReason, User


@pytest.fixture
def dialog(qtbot, ctx):
    from workstation.views.admin import AdminDialog

    d = AdminDialog(ctx)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitUntil(lambda: d.pages["funnels"].table.rowCount() == 12, timeout=10_000)
    return d


def click(page, name):
    from PySide6.QtWidgets import QPushButton

    page.findChild(QPushButton, name).click()


def test_teams_users_and_a_bad_team(qtbot, dialog, store):
    teams, users = dialog.pages["teams"], dialog.pages["users"]
    teams.name.setText("North")
    click(teams, "addTeam")
    qtbot.waitUntil(lambda: teams.table.rowCount() == 1, timeout=5000)
    qtbot.waitUntil(lambda: users.team.findData("North") >= 0, timeout=5000)  # the bus
    users.login.setText("anna")
    users.name.setText("Anna K")
    users.team.setCurrentIndex(users.team.findData("North"))
    users.ext.setText("201")
    users.sipuser.setText("anna201")
    click(users, "addUser")
    qtbot.waitUntil(lambda: users.table.rowCount() == 2, timeout=5000)
    with store.session() as s:
        anna = s.scalar(select(User).where(User.login == "anna"))
        assert (anna.sip_extension, anna.sip_username) == ("201", "anna201")
        assert s.scalar(select(OutboxEntry.seq).where(OutboxEntry.row_id == anna.id))
    users.login.setText("anna")
    users.active.setChecked(False)
    click(users, "saveUser")
    qtbot.waitUntil(lambda: users.table.item(0, 6).text() == "no", timeout=5000)
    users.login.setText("bad login")
    click(users, "addUser")
    qtbot.waitUntil(lambda: "login 'bad login'" in users.error.text(), timeout=5000)
    teams.table.selectRow(0)
    with store.session() as s, s.begin():  # a member left: the team can go
        s.scalar(select(User).where(User.login == "anna")).team_id = None
    click(teams, "deleteTeam")
    qtbot.waitUntil(lambda: teams.table.rowCount() == 0, timeout=5000)


def test_funnel_stages_reasons_plans_and_the_effective_call(qtbot, dialog, store, ctx):
    from workstation.views.workspace.wrapup import WrapUpForm
    from workstation.views import ops
    from workstation.services import leads as L

    f = dialog.pages["funnels"]
    f.code.setText("site_visit")
    f.name.setText("Site visit")
    click(f, "stageAdd")
    qtbot.waitUntil(lambda: f.table.rowCount() == 13, timeout=5000)
    f.table.selectRow(12)
    click(f, "stageUp")
    qtbot.waitUntil(lambda: f.table.item(11, 1).text() == "site_visit", timeout=5000)
    f.table.selectRow(0)
    click(f, "stageRetire")
    qtbot.waitUntil(lambda: f.table.item(0, 4).text() == "retired", timeout=5000)
    with store.session() as s:
        assert s.scalar(select(FunnelStage.retired).where(FunnelStage.code == "not_aware"))

    r = dialog.pages["reasons"]
    r.table.selectRow(0)
    click(r, "reasonRetire")
    qtbot.waitUntil(lambda: r.table.item(0, 4).text() == "retired", timeout=5000)
    src = dialog.pages["sources"]
    src.code.setText("expo")
    src.name.setText("Trade fair")
    click(src, "sourceAdd")
    qtbot.waitUntil(lambda: src.table.rowCount() == 1, timeout=5000)
    src.code.setText("Bad Code")
    click(src, "sourceAdd")
    qtbot.waitUntil(lambda: "code 'Bad Code'" in src.error.text(), timeout=5000)

    # the wrap-up offers the lists as they now are
    form = WrapUpForm()
    qtbot.addWidget(form)
    form.set_choices(L.load_new(ctx))
    assert form.stageCombo.findData("site_visit") >= 0 and form.stageCombo.findData(
        "not_aware") < 0
    with store.session() as s:
        retired = s.scalar(select(RefusalReason.code).where(RefusalReason.retired.is_(True)))
    assert form.reasonCombo.findData(retired) < 0
    from workstation.views.leadcard.widget import LeadCardWidget

    card = LeadCardWidget(ctx)
    qtbot.addWidget(card)
    card.new_lead("", choices=L.load_new(ctx))  # the card suggests the admin's sources
    assert card.ui.sourceEdit.completer().model().stringList() == ["Trade fair"]

    p = dialog.pages["plans"]
    p.metric.setCurrentIndex(p.metric.findData("presentations"))
    p.period.setCurrentIndex(p.period.findData("month"))
    p.target.setValue(25)
    click(p, "setPlan")
    qtbot.waitUntil(lambda: p.table.rowCount() == 6, timeout=5000)
    with store.session() as s:
        assert s.scalar(select(KpiPlan.target).where(KpiPlan.metric == "presentations",
                                                     KpiPlan.period == "month")) == 25
    e = dialog.pages["effective"]
    qtbot.waitUntil(lambda: e.seconds.value() == 60, timeout=5000)
    e.seconds.setValue(40)
    with qtbot.waitSignal(ops.bus().sig_changed, timeout=5000):
        click(e, "saveEffective")
    assert ctx.effective_rule().min_talk_seconds == 40


def test_a_team_lead_sees_only_the_plans_page_and_a_manager_no_menu(qtbot, store, config):
    from workstation.views.admin import AdminDialog, install

    tl = Context(store, SignedInUser(id=None, login="tl", role="teamlead"), settings=config)
    d = AdminDialog(tl)
    qtbot.addWidget(d)
    assert list(d.pages) == ["plans"]
    qtbot.waitUntil(lambda: d.pages["plans"].data is not None, timeout=5000)
    assert d.pages["plans"].scope.findData(("", "")) < 0  # no global plan for a team lead

    class Window:
        actions, menus = {}, {}

    mgr = Context(store, SignedInUser(id=None, login="m", role="manager"), settings=config)
    assert install(Window(), mgr) is None


def test_a_sync_round_is_announced_by_subject():
    from workstation.sync.worker import SyncReport
    from workstation.views import ops

    report = SyncReport()
    assert ops.pulled_changes(report) is None  # nothing pulled: nothing said
    report.pulled.update({"funnel_stages": 2, "leads": 0})
    report.merged.update({"users": 1})
    changes = ops.pulled_changes(report)
    assert changes.subjects == {ops.CONFIG, ops.USERS} and changes.source == "sync"
