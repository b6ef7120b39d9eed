"""The Funnel and Script analytics tabs with real widgets (pytest-qt, offscreen):
tables filled from the known data set, drill-down emits the ids behind a number,
exports write private files with formulas escaped, the tabs read again live."""

from __future__ import annotations

import csv
import os
import stat
import uuid
import zipfile

import pytest
from PySide6.QtWidgets import QLabel, QMainWindow

from funnel_data import NOW, build
from workstation.store.models import Lead
from workstation.views import funnel as funnel_views
from workstation.views import ops
from workstation.views.funnel.common import OUTLIER, WORST, DrillDialog
from workstation.views.funnel.filters import index_of

pytestmark = pytest.mark.usefixtures("ops_done")


@pytest.fixture
def known(store):
    from sqlalchemy.orm import Session

    with Session(store.engine) as s, s.begin():
        k = build(s)
        s.add(Lead(id=uuid.uuid4(), company="Formula Co", source='=HYPERLINK("http://x")',
                   owner_id=k["m1"], team_id=k["team_a"], lead_type="interested",
                   funnel_id=k.cold, created_at=NOW))
    return k


@pytest.fixture
def tabs(qtbot, store, known, ctx_for):
    window = QMainWindow()
    window.setCentralWidget(QLabel("leads"))
    qtbot.addWidget(window)
    ctx = ctx_for(store, known, "root")
    funnel, script = funnel_views.install(window, ctx, start=False, clock=lambda: NOW)
    with qtbot.waitSignal(funnel.sig_loaded, timeout=20_000), \
            qtbot.waitSignal(script.sig_loaded, timeout=20_000):
        funnel.start()
        script.start()
    qtbot.waitUntil(lambda: funnel.funnel.currentData() is not None, timeout=10_000)
    if funnel.report.funnel.id != known.funnel:
        with qtbot.waitSignal(funnel.sig_loaded, timeout=20_000):
            funnel.funnel.setCurrentIndex(index_of(funnel.funnel, known.funnel))
    window.resize(1366, 768)
    window.show()
    return window, funnel, script


def texts(model, col):
    return [model.cell(r, col).text for r in range(model.rowCount())]


def test_the_tabs_are_in_the_central_tabs_and_filled(tabs, known):
    window, funnel, script = tabs
    central = window.centralWidget()
    assert [central.tabText(i) for i in range(central.count())] == ["Leads", "Funnel",
                                                                     "Script analytics"]
    conv = funnel.conversion.model
    assert texts(conv, 0) == ["New", "Contact", "Presale", "Offer", "Signed", "Paused",
                              "Refused"]
    assert texts(conv, 1) == ["2", "2", "0", "1", "1", "1", "1"]
    assert texts(conv, 2) == ["8", "6", "3", "2", "1", "", ""]
    assert texts(conv, 3) == ["75.0 %", "50.0 %", "66.7 %", "50.0 %", "", "", ""]
    assert texts(conv, 4) == ["3.5 d", "4.0 d", "3.0 d", "7.0 d", "", "", ""]
    assert [b.value for b in funnel.bars.bars] == [8, 6, 3, 2, 1, 0, 0]
    stuck = funnel.stuck.model
    assert texts(stuck, 0) == ["Company L6", "Company L7", "Company L2"]
    assert texts(stuck, 4) == ["Carl Manager", "Anna Manager", "Anna Manager"]
    types = funnel.types.model
    odd = next(r for r in range(types.rowCount()) if types.cell(r, 0).value == "odd")
    assert types.cell(odd, 0).text.startswith("⚠")
    flagged = [types.export_header()[c] for c in range(3, types.columnCount())
               if types.cell(odd, c).background == OUTLIER]
    assert flagged == ["Interested 3-5 %", "Hypothetically interested 35-42 %"]
    typical = next(r for r in range(types.rowCount()) if types.cell(r, 0).value == "typical")
    assert all(types.cell(typical, c).background is None for c in range(types.columnCount()))
    steps = script.steps.model
    assert texts(steps, 0) == ["Greeting", "Needs", "Offer", "Objection", "Close"]
    assert texts(steps, 2) == ["8", "7", "4", "2", "3"]
    assert texts(steps, 3) == ["1", "3", "1", "0", "3"]
    assert texts(steps, 9) == ["12.5 %", "42.9 %", "25.0 %", "0.0 %", "33.3 %"]
    assert [steps.cell(r, 0).background == WORST for r in range(5)] == [
        False, True, False, False, False]
    assert "Needs" in script.summary.text()


def test_drill_down_opens_the_leads_behind_a_number(qtbot, tabs, known):
    _w, funnel, _s = tabs
    view, model = funnel.conversion.view, funnel.conversion.model
    before = set(funnel.drills.dialogs)
    view.doubleClicked.emit(model.index(1, 1))  # contact, leads now
    qtbot.waitUntil(lambda: len(funnel.drills.dialogs) > len(before), timeout=10_000)
    dlg = next(d for d in funnel.drills.dialogs if d not in before)
    assert isinstance(dlg, DrillDialog)
    qtbot.waitUntil(lambda: dlg.panel.model.rowCount() == 2, timeout=10_000)
    assert sorted(dlg.ids) == known.lead_ids("L2", "L8")
    with qtbot.waitSignal(ops.bus().sig_open_lead, timeout=5_000) as got:
        dlg.panel.view.doubleClicked.emit(dlg.panel.model.index(0, 0))
    assert got.args[0] in known.lead_ids("L2", "L8")
    # a stuck lead opens its card at once
    with qtbot.waitSignal(ops.bus().sig_open_lead, timeout=5_000) as got:
        funnel.stuck.view.doubleClicked.emit(funnel.stuck.model.index(0, 0))
    assert got.args[0] == known["L6"]


def test_drill_down_sends_the_calls_behind_a_step(qtbot, tabs, known):
    _w, _f, script = tabs
    model = script.steps.model
    with qtbot.waitSignal(ops.bus().sig_open_calls, timeout=10_000) as got:
        script.steps.view.doubleClicked.emit(model.index(1, 3))  # needs, ended here
    assert got.args[0] == sorted([known["C3"], known["C4"], known["C8"]])
    # nothing answers sig_open_calls: the tab's own list shows them
    before = set(script.drills.dialogs)
    script.steps.view.doubleClicked.emit(model.index(4, 9))  # close, drop-off
    qtbot.waitUntil(lambda: len(script.drills.dialogs) > len(before), timeout=10_000)
    dlg = next(d for d in script.drills.dialogs if d not in before)
    qtbot.waitUntil(lambda: dlg.panel.model.rowCount() == 1, timeout=10_000)
    assert dlg.ids == [known["C6"]]
    with qtbot.waitSignal(ops.bus().sig_open_call, timeout=5_000) as got:
        dlg.panel.view.doubleClicked.emit(dlg.panel.model.index(0, 0))
    assert got.args[0] == known["C6"]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_writes_a_private_file_with_formulas_escaped(qtbot, tabs, tmp_path, fmt):
    _w, funnel, script = tabs
    path = tmp_path / f"types.{fmt}"
    with qtbot.waitSignal(funnel.types.sig_exported, timeout=20_000) as got:
        funnel.types.export_to(str(path))
    assert got.args == [str(path), funnel.types.model.rowCount()]
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    if fmt == "csv":
        with open(path, encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh))
        assert rows[0][:3] == ["Base", "Typed", "No type"]
        assert rows[0][3] == "Interested 3-5 %"
        names = [r[0] for r in rows[1:]]
        assert "'=HYPERLINK(\"http://x\")" in names
        assert '=HYPERLINK("http://x")' not in names
        odd = next(r for r in rows[1:] if r[0] == "odd")
        assert odd[1:4] == ["100", "0", "12.0"]
    else:
        with zipfile.ZipFile(path) as z:
            sheet = z.read("xl/worksheets/sheet1.xml").decode()
            strings = z.read("xl/sharedStrings.xml").decode() if \
                "xl/sharedStrings.xml" in z.namelist() else ""
        assert "<f>" not in sheet  # no formula anywhere
        assert "&apos;=HYPERLINK" in sheet + strings or "'=HYPERLINK" in sheet + strings
    steps = tmp_path / f"steps.{fmt}"
    with qtbot.waitSignal(script.steps.sig_exported, timeout=20_000) as got:
        script.steps.export_to(str(steps))
    assert got.args[1] == 5 and stat.S_IMODE(os.stat(steps).st_mode) == 0o600


def test_the_tabs_read_again_when_leads_or_calls_change(qtbot, tabs, store, known):
    from sqlalchemy.orm import Session

    _w, funnel, script = tabs
    with Session(store.engine) as s, s.begin():
        s.add(Lead(id=uuid.uuid4(), company="New One", source="web form", owner_id=known["m1"],
                   team_id=known["team_a"], funnel_id=known.funnel,
                   stage_id=known.stage["presale"], created_at=NOW))
    with qtbot.waitSignal(funnel.sig_loaded, timeout=20_000):
        ops.bus().sig_changed.emit(ops.Changes.of(ops.LEADS))
    assert funnel.conversion.model.cell(2, 1).text == "1"  # presale: one lead now
    assert funnel.conversion.model.cell(0, 2).text == "9"
    with qtbot.waitSignal(script.sig_loaded, timeout=20_000):
        ops.bus().sig_changed.emit(ops.Changes.of(ops.CALLS))


def test_a_manager_gets_no_analytics_tabs(qtbot, store, known, ctx_for):
    window = QMainWindow()
    qtbot.addWidget(window)
    assert funnel_views.install(window, ctx_for(store, known, "m1")) is None
    assert window.centralWidget() is None


def test_changes_during_a_read_give_one_more_read_not_a_pile(qtbot, tabs):
    _w, funnel, _s = tabs
    loads = []
    funnel.sig_loaded.connect(loads.append)
    funnel.reload()
    for _ in range(5):  # sync brings five rounds while the read runs
        ops.bus().sig_changed.emit(ops.Changes.of(ops.CALLS))
    qtbot.waitUntil(lambda: len(loads) >= 2, timeout=20_000)
    qtbot.wait(2500)  # longer than the live delay: nothing more comes
    assert len(loads) == 2


def test_stop_shows_while_reading_and_a_newer_read_replaces_the_older(qtbot, tabs):
    _w, funnel, _s = tabs
    assert not funnel.filters.cancel.isVisibleTo(funnel)
    loads = []
    funnel.sig_loaded.connect(loads.append)
    funnel.reload()
    first = funnel.reads.query
    assert funnel.filters.cancel.isVisibleTo(funnel)
    funnel.reload()  # the first read is interrupted, only the second one shows
    assert first.cancelled and funnel.reads.query is not first
    qtbot.waitUntil(lambda: bool(loads), timeout=20_000)
    qtbot.wait(200)
    assert len(loads) == 1 and not funnel.filters.cancel.isVisibleTo(funnel)
