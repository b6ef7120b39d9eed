"""The Statistics tab with real widgets (pytest-qt, offscreen) on the known set:
the table filled cell by cell, the pace colours, the drill-down emitting the
call ids, live refresh in place when a call is logged, the "as of" when the
shared database is unreachable, export through write_table."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from PySide6.QtCore import Qt
from stats.statsdata import Ids, at, build, context

WAIT = 20_000


@pytest.fixture(autouse=True)
def _ops_done(qtbot):
    yield
    from workstation.views import ops

    ops.pool().waitForDone(10_000)
    qtbot.wait(10)


@pytest.fixture
def view(qtbot, store, config):
    from workstation.views.stats import StatsView

    ids = Ids()
    with store.session() as s:
        build(s, ids)
    ctx = context(store, config, ids)
    v = StatsView(ctx, today=date(2026, 3, 29))
    qtbot.addWidget(v)
    v.resize(1366, 700)
    v.show()
    with qtbot.waitSignal(v.sig_loaded, timeout=WAIT):
        pass
    v.team.setCurrentIndex(v.team.findData(str(ids.north)))
    qtbot.waitUntil(lambda: v.report is not None and v.report.zone == "Europe/Kyiv"
                    and names(v) == ["Anna A", "Boris B", "Lena L", "Team"], timeout=WAIT)
    qtbot.waitUntil(lambda: v.charts.charts is not None
                    and sum(v.charts.charts.total_per_hour) == 13, timeout=WAIT)
    v.ids, v.ctx_ = ids, ctx
    return v


def names(v) -> list[str]:
    return [v.model.index(r, 0).data() for r in range(v.model.rowCount())]


def cell(v, row_name: str, key: str):
    m = v.model
    col = [c.key for c in m.columns].index(key)
    for r in range(m.rowCount()):
        if m.index(r, 0).data() == row_name:
            return m.index(r, col)
    raise AssertionError(f"no row {row_name}")


def test_table_filled_cell_by_cell(view):
    from stats.test_stats_cells import EXPECTED
    from stats.test_stats_cells import E as header

    m = view.model
    assert [m.index(r, 0).data() for r in range(m.rowCount())] == ["Anna A", "Boris B",
                                                                   "Lena L", "Team"]
    for name, want in EXPECTED.items():
        for c in view.model.columns[1:]:
            shown = cell(view, name, c.key).data()
            w = want[header.index(c.key)]
            if c.kind == "plan":
                plan = want[header.index(c.key) + 1]
                expected = str(w) if plan is None else f"{w} / {plan}"
            elif c.kind == "money":
                expected = f"{w:,.2f}".replace(",", "\u202f")
            else:
                expected = str(w)
            assert shown == expected, f"{name} / {c.key}"
    assert cell(view, "Team", "n_total").data(Qt.ItemDataRole.FontRole).bold()


def test_plan_colours_follow_the_pace(qtbot, view):
    from workstation.services.stats import Pace
    from workstation.views.stats.model import PACE_COLOURS, PaceRole

    monday = view.day.date().addDays(1)  # 2026-03-30, a working day with a plan of 30
    with qtbot.waitSignal(view.sig_loaded, timeout=WAIT) as blocker:
        view.day.setDate(monday)
    rep = blocker.args[0]
    assert rep.period.first == date(2026, 3, 30)
    idx = cell(view, "Anna A", "effective")
    assert idx.data() == "1 / 30"
    pace = idx.data(PaceRole)
    assert pace in (Pace.BEHIND, Pace.ON_TRACK, Pace.AHEAD)
    assert idx.data(Qt.ItemDataRole.BackgroundRole).color() == PACE_COLOURS[pace]
    assert cell(view, "Anna A", "n_total").data(Qt.ItemDataRole.BackgroundRole) is None
    assert "Lena L" not in names(view)  # a team lead without calls that day: no row
    # a day long gone: the whole plan expected; 1 of 30 is behind, red
    assert idx.data(PaceRole) == Pace.BEHIND  # (today is later than 2026-03-30)


def test_drill_down_emits_the_call_ids(qtbot, view):
    from workstation.views import ops
    from workstation.views.stats.drill import DrillDialog

    got = []
    ops.bus().sig_open_calls.connect(got.append)
    try:
        idx = cell(view, "Anna A", "effective")
        with qtbot.waitSignal(view.sig_drilled, timeout=WAIT):
            view.table.doubleClicked.emit(idx)
        c = view.ids.calls
        assert len(got) == 1 and set(got[0]) == {c["a_midnight"], c["a_edited"], c["a_twice"]}
        dlg = view.findChild(DrillDialog)
        qtbot.waitUntil(lambda: dlg.list.topLevelItemCount() == 3, timeout=WAIT)
        opened = []
        ops.bus().sig_open_lead.connect(opened.append)
        item = dlg.list.topLevelItem(0)
        dlg.list.itemActivated.emit(item, 0)
        assert opened == [item.data(0, Qt.ItemDataRole.UserRole)] or \
            item.data(0, Qt.ItemDataRole.UserRole) is None
        dlg.close()
    finally:
        ops.bus().sig_open_calls.disconnect(got.append)


def test_live_refresh_in_place_when_a_call_is_logged(qtbot, view):
    from workstation.views import ops

    before = cell(view, "Boris B", "n_busy").data()
    assert before == "0"
    resets = []
    view.model.modelReset.connect(lambda: resets.append(1))
    view.table.setCurrentIndex(cell(view, "Boris B", "n_busy"))
    with qtbot.waitSignal(view.sig_loaded, timeout=WAIT):
        ops.log_call(None, view.ctx_, uuid.uuid4(), dict(
            user_id=view.ids.boris, direction="out", started_at=at("2026-03-29T15:00:00"),
            ended_at=at("2026-03-29T15:00:20"), outcome="busy", sip_status=486,
            ring_seconds=20.0, talk_seconds=0.0))
    assert cell(view, "Boris B", "n_busy").data() == "1"
    assert cell(view, "Team", "n_busy").data() == "2"
    assert resets == []  # the same rows: cells updated in place, the selection kept
    assert view.table.currentIndex() == cell(view, "Boris B", "n_busy")


def test_as_of_says_when_the_shared_database_is_unreachable(view):
    assert view.as_of.text().startswith("As of ")
    view.set_sync_status(False, 3, at("2026-03-29T08:00:00"))
    assert "unreachable" in view.as_of.text() and "2026-03-29 11:00" in view.as_of.text()
    view.set_sync_status(True, 0, at("2026-03-29T08:05:00"))
    assert view.as_of.text().startswith("As of ")


def test_export_table_to_xlsx_and_csv(qtbot, view, tmp_path):
    import csv
    import os

    import openpyxl

    for fmt in ("csv", "xlsx"):
        path = tmp_path / f"s.{fmt}"
        op = view.export_table(fmt, path=str(path))
        qtbot.waitUntil(lambda: op.finished.is_set() and path.exists(), timeout=WAIT)
        assert os.stat(path).st_mode & 0o777 == 0o600
        if fmt == "csv":
            rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
        else:
            rows = [[c.value for c in r] for r in openpyxl.load_workbook(path).active.iter_rows()]
        assert rows[0][0] == "Manager" and rows[0][14] == "Effective calls: plan"
        assert [r[0] for r in rows[1:]] == ["Anna A", "Boris B", "Lena L", "Team"]
        assert str(rows[4][5]) == "13"
    path = tmp_path / "h.csv"
    op = view.export_table("csv", hourly=True, path=str(path))
    errors = []
    op.sig_error.connect(errors.append)
    qtbot.waitUntil(lambda: op.finished.is_set(), timeout=WAIT)
    qtbot.wait(20)
    assert errors == []
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[1][0] == "Anna A" and rows[1][-1] == "7"


def test_manager_sees_only_own_row(qtbot, store, config):
    from workstation.views.stats import StatsView

    ids = Ids()
    with store.session() as s:
        build(s, ids)
    v = StatsView(context(store, config, ids, "anna", "manager", ids.north),
                  today=date(2026, 3, 29))
    qtbot.addWidget(v)
    with qtbot.waitSignal(v.sig_loaded, timeout=WAIT):
        pass
    assert names(v) == ["Anna A", "Team"]
    assert v.team.isHidden() and v.manager.isHidden()


def test_pulled_calls_refresh_the_open_view(qtbot, view, store):
    """A sync round that pulled calls (another manager's workstation) is announced
    on the bus the way the call center does it (ops.pulled_changes): the view
    re-reads without the user asking."""
    from collections import Counter

    from stats.statsdata import upsert_call

    from workstation.sync.worker import SyncReport
    from workstation.views import ops

    assert cell(view, "Anna A", "effective").data() == "3 / 0"
    with store.session() as s:  # the pull writes the row: the failed call got a real result
        upsert_call(s, view.ids.calls["a_failed"], dict(outcome="success", talk_seconds=75.0,
                                                        answered_at=at("2026-03-29T06:00:02")))
    report = SyncReport(pulled=Counter({"calls": 1}))
    with qtbot.waitSignal(view.sig_loaded, timeout=WAIT):
        ops.bus().sig_changed.emit(ops.pulled_changes(report))
    assert cell(view, "Anna A", "effective").data() == "4 / 0"
    assert cell(view, "Anna A", "n_error").data() == "0"


def test_install_adds_a_tab_and_a_menu_entry(qtbot, store, config):
    from PySide6.QtWidgets import QLabel, QTabWidget

    from workstation.views import stats as stats_view
    from workstation.views.mainwindow import MainWindow

    ids = Ids()
    with store.session() as s:
        build(s, ids)
    ctx = context(store, config, ids)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    tabs = QTabWidget(window)
    tabs.setObjectName("centralTabs")
    tabs.addTab(QLabel("leads"), "Leads")
    window.setCentralWidget(tabs)
    view = stats_view.install(window, ctx)
    assert tabs.indexOf(view) == 1 and tabs.tabText(1) == "Statistics"
    action = window.actions["statistics"]
    assert action in window.menus["view"].actions()
    action.trigger()
    assert tabs.currentWidget() is view
    with qtbot.waitSignal(view.sig_loaded, timeout=WAIT):
        pass


def test_an_empty_store_shows_an_empty_team_row(qtbot, store, config):
    from workstation.services.context import Context, SignedInUser
    from workstation.views.stats import StatsView

    uid = uuid.uuid4()
    with store.session() as s, s.begin():
        from workstation.store.models import User

        s.add(User(id=uid, login="solo", full_name="Solo", role="teamlead"))
    v = StatsView(Context(store, SignedInUser(id=uid, login="solo", role="teamlead"),
                          settings=config))
    qtbot.addWidget(v)
    with qtbot.waitSignal(v.sig_loaded, timeout=WAIT) as blocker:
        pass
    assert names(v) == ["Team"] and cell(v, "Team", "n_total").data() == "0"
    assert blocker.args[0].team.cells["effective"].plan is None
    for i in range(v.charts.count()):  # every chart draws with nothing to draw
        v.charts.setCurrentIndex(i)
        qtbot.wait(10)
