"""Presence from the real call model, break / available, the intervals stored,
occupancy arithmetic, the board's rows and its clock (no PostgreSQL here)."""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from board.board_parts import make_context
from workstation.domain import presence as P
from workstation.services import board as board_service
from workstation.store import board as B
from workstation.store.models import AgentState, Call, Lead, OutboxEntry, Team, User
from workstation.views import ops
from workstation.views.board import BoardView, PresenceControl, PresenceTracker, set_monitor_hook
from workstation.views.callmodel import Calls

T0 = datetime(2026, 12, 3, 9, 0, tzinfo=timezone.utc)


def _users(store, *names, role="manager", team=None):
    ids = []
    with store.session() as s, s.begin():
        for n in names:
            u = User(login=n, full_name=n.title(), role=role, team_id=team)
            s.add(u)
            s.flush()
            ids.append(u.id)
    return ids


def _team(store, name="Sales"):
    with store.session() as s, s.begin():
        t = Team(name=name)
        s.add(t)
    return t.id


def _intervals(store, user_id):
    with store.session() as s:
        return [(r.state, r.detail, r.started_at, r.ended_at, r.lead_id) for r in s.scalars(
            select(AgentState).where(AgentState.user_id == user_id)
            .order_by(AgentState.started_at, AgentState.created_at))]


def _tracker(qtbot, store, uid, signals, login="maria"):
    ctx = make_context(store, uid, login=login)
    calls = Calls(signals)
    tracker = PresenceTracker(ctx, calls)
    return ctx, calls, tracker


def _settled(qtbot, tracker):
    qtbot.waitUntil(tracker.idle, timeout=10000)


def test_states_follow_a_real_call_model_ring_talk_wrapup(qtbot, store, engine_signals):
    (uid,) = _users(store, "maria")
    ctx, calls, tracker = _tracker(qtbot, store, uid, engine_signals)
    seen = []
    tracker.sig_state.connect(lambda st, _d: seen.append(st))
    tracker.start()
    key = engine_signals.ring("+380671112233")
    lead = uuid.uuid4()
    calls.by_key(key).update(lead_id=lead)  # the controller found the caller's lead
    engine_signals.answer(key)
    engine_signals.end(key, "+380671112233", talk=42.0)
    tracker.wrapup_done()
    _settled(qtbot, tracker)
    assert seen == [P.AVAILABLE, P.RINGING, P.RINGING, P.ON_CALL, P.WRAPUP, P.AVAILABLE]
    rows = _intervals(store, uid)
    assert [r[0] for r in rows] == [P.AVAILABLE, P.RINGING, P.ON_CALL, P.WRAPUP, P.AVAILABLE]
    ringing, on_call = rows[1], rows[2]
    assert "+380671112233" in ringing[1] and ringing[4] == lead  # detail refreshed in place
    assert "+380671112233" in on_call[1] and on_call[4] == lead
    for before, after in zip(rows, rows[1:]):  # back to back, nothing open but the last
        assert before[3] is not None and before[3] <= after[2]
    assert rows[-1][3] is None
    with store.session() as s:  # every interval goes to sync
        assert s.scalar(select(OutboxEntry.row_id).where(
            OutboxEntry.table_name == "agent_states").limit(1)) is not None


def test_break_waits_for_the_wrapup_and_available_ends_it(qtbot, store, engine_signals):
    (uid,) = _users(store, "maria")
    ctx, calls, tracker = _tracker(qtbot, store, uid, engine_signals)
    control = PresenceControl(tracker)
    qtbot.addWidget(control)
    tracker.start()
    key = engine_signals.ring()
    engine_signals.answer(key)
    control.break_actions["lunch"].trigger()  # asked for during the call
    assert tracker.state == P.ON_CALL and "after" in control.toolTip()
    other = engine_signals.ring("+380501234567")  # a second INVITE: 486, stays on the call
    assert engine_signals.rejected == [other]
    engine_signals.end(other, "+380501234567", talk=0.0, outcome="busy")
    assert tracker.state == P.ON_CALL
    engine_signals.end(key)
    assert tracker.state == P.WRAPUP
    tracker.wrapup_done()
    assert tracker.state == P.BREAK
    assert "Lunch" in control.text()
    control.available_action.trigger()
    assert tracker.state == P.AVAILABLE
    _settled(qtbot, tracker)
    states = [r[0] for r in _intervals(store, uid)]
    assert states == [P.AVAILABLE, P.RINGING, P.ON_CALL, P.WRAPUP, P.BREAK, P.AVAILABLE]
    assert _intervals(store, uid)[4][1] == "lunch"
    with pytest.raises(ValueError):
        tracker.choose(P.ON_CALL)  # the manager chooses only available or break


def test_sign_off_closes_the_open_interval(qtbot, store, engine_signals):
    (uid,) = _users(store, "maria")
    ctx, calls, tracker = _tracker(qtbot, store, uid, engine_signals)
    tracker.start()
    tracker.sign_off()
    _settled(qtbot, tracker)
    rows = _intervals(store, uid)
    assert len(rows) == 1 and rows[0][3] is not None
    with store.session() as s:
        assert B.latest(s, [uid])[uid].ended_at is not None
    tracker.beat()  # signed off: no heartbeat reopens anything
    _settled(qtbot, tracker)
    assert _intervals(store, uid)[0][3] is not None


def test_a_stale_open_interval_is_closed_at_its_last_heartbeat(store):
    (uid,) = _users(store, "maria")
    with store.session() as s, s.begin():
        B.switch(s, uid, P.AVAILABLE, T0)
        B.heartbeat(s, uid, T0 + timedelta(minutes=5))
    later = T0 + timedelta(hours=2)  # the workstation crashed; it starts again
    with store.session() as s, s.begin():
        B.switch(s, uid, P.AVAILABLE, later)
    rows = _intervals(store, uid)
    assert rows[0][3] == T0 + timedelta(minutes=5)  # not the two hours
    assert rows[1][2] == later and rows[1][3] is None
    with store.session() as s, s.begin(), pytest.raises(ValueError, match="state"):
        B.switch(s, uid, "napping", later)


def test_occupancy_is_talk_and_wrapup_over_logged_in_time():
    m = timedelta(minutes=1)
    spans = [(P.AVAILABLE, T0, T0 + 30 * m, T0 + 30 * m),
             (P.RINGING, T0 + 30 * m, T0 + 31 * m, T0 + 31 * m),
             (P.ON_CALL, T0 + 31 * m, T0 + 46 * m, T0 + 46 * m),
             (P.WRAPUP, T0 + 46 * m, T0 + 50 * m, T0 + 50 * m),
             (P.BREAK, T0 + 50 * m, T0 + 60 * m, T0 + 60 * m)]
    occ = P.occupancy(spans, T0, T0 + 24 * 60 * m, now=T0 + 90 * m)
    assert occ.seconds == {P.AVAILABLE: 1800, P.RINGING: 60, P.ON_CALL: 900, P.WRAPUP: 240,
                           P.BREAK: 600}
    assert occ.logged_in == 3600 and occ.busy == 1140
    assert occ.ratio == pytest.approx(1140 / 3600)
    # clipped to a window; an open interval runs to now while its heartbeat is fresh ...
    occ = P.occupancy([(P.ON_CALL, T0, None, T0 + 10 * m)], T0 + 5 * m, T0 + 60 * m,
                      now=T0 + 11 * m)
    assert occ.seconds[P.ON_CALL] == 360 and occ.ratio == 1.0
    # ... and to its last heartbeat once stale (the workstation went away)
    occ = P.occupancy([(P.AVAILABLE, T0, None, T0 + 10 * m)], T0, T0 + 600 * m,
                      now=T0 + 300 * m)
    assert occ.seconds[P.AVAILABLE] == 600 and occ.ratio == 0.0
    assert P.Occupancy().ratio is None  # never logged in: no figure, not 0 %


def test_days_split_at_local_midnight_across_daylight_saving():
    kyiv = ZoneInfo("Europe/Kyiv")
    lo = datetime(2026, 3, 28, 12, tzinfo=kyiv)  # DST starts on the 29th at 03:00
    days = P.days(lo, datetime(2026, 3, 30, 12, tzinfo=kyiv), kyiv)
    assert [d[0].astimezone(kyiv).day for d in days] == [28, 29, 30]
    assert (days[1][1] - days[1][0]) == timedelta(hours=23)


def test_occupancy_report_per_day_and_cli(store, cli, config):
    team = _team(store)
    a, b = _users(store, "anna", "boris", team=team)
    (lead,) = _users(store, "lena", role="teamlead", team=team)
    config.set("user.login", "lena")
    config.save()  # the CLI reads its own Config
    tz = datetime.now().astimezone().tzinfo
    day = datetime.now(tz).replace(hour=10, minute=0, second=0, microsecond=0) - timedelta(days=1)
    h = timedelta(hours=1)
    forever = {"stale_s": 1e9}  # (no heartbeats written here: nothing goes stale)
    with store.session() as s, s.begin():
        B.switch(s, a, P.AVAILABLE, day, **forever)
        B.switch(s, a, P.ON_CALL, day + h, **forever)
        B.switch(s, a, P.WRAPUP, day + 2 * h, **forever)
        B.switch(s, a, P.OFFLINE, day + 3 * h, **forever)
        B.switch(s, b, P.BREAK, day, detail="lunch", **forever)
        B.switch(s, b, P.OFFLINE, day + h, **forever)
    ctx = make_context(store, lead, login="lena", role="teamlead", config=config)
    lo = day.replace(hour=0).astimezone(timezone.utc)
    rows = board_service.occupancy_report(ctx, lo, lo + timedelta(days=1))
    by = {r.login: r for r in rows}
    assert set(by) == {"anna", "boris"}  # the team's managers, not the team lead
    assert by["anna"].seconds[P.ON_CALL] == 3600 and by["anna"].logged_in == 3 * 3600
    assert by["anna"].occupancy == pytest.approx(2 / 3)
    assert by["boris"].occupancy == 0.0 and by["boris"].seconds[P.BREAK] == 3600
    manager = make_context(store, a, login="anna")
    assert [r.login for r in board_service.occupancy_report(manager, lo, lo + timedelta(days=1))
            ] == ["anna"]  # a manager: only themself
    d = day.date().isoformat()
    code, out, err = cli("board", "states", "--from", d, "--to", d, "--format", "json")
    assert code == 0, err
    got = {r["login"]: r for r in json.loads(out)}
    assert set(got) == {"anna", "boris"}, out
    assert got["anna"]["on_call_s"] == 3600 and got["anna"]["occupancy"] == pytest.approx(0.6667)
    code, out, _ = cli("board", "states", "--from", d, "--format", "csv")
    assert code == 0 and out.splitlines()[0].startswith("login,name,day,available_s")
    code, _, err = cli("board", "states", "--from", d, "--to", "2001-01-01")
    assert code == 2 and "before" in err
    code, _, err = cli("board", "states", "--from", "3 Dec")
    assert code == 2 and "YYYY-MM-DD" in err


def test_board_rows_clock_staleness_and_drill_down(qtbot, store):
    team = _team(store)
    a, b, c = _users(store, "anna", "boris", "carl", team=team)
    (lead_user,) = _users(store, "lena", role="teamlead", team=team)
    now = datetime.now(timezone.utc)
    with store.session() as s, s.begin():
        lead = Lead(company="Acme Ltd", owner_id=a)
        s.add(lead)
        s.flush()
        s.add(Call(lead_id=lead.id, user_id=a, direction="out", outcome="success",
                   started_at=now - timedelta(minutes=3), talk_seconds=95.0, effective=True))
        s.add(Call(user_id=a, direction="out", outcome="no_answer",
                   started_at=now - timedelta(minutes=2)))
        B.switch(s, a, P.ON_CALL, now - timedelta(seconds=65), detail="→ +380671234567",
                 lead_id=lead.id)
        B.switch(s, b, P.BREAK, now - timedelta(seconds=5), detail="coffee")
    lead_id = lead.id
    ctx = make_context(store, lead_user, login="lena", role="teamlead")
    view = BoardView(ctx)
    qtbot.addWidget(view)
    view.resize(1200, 400)
    qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=10000)
    m = view.model
    ra, rb, rc = (m.row_of(x) for x in (a, b, c))
    assert m.state_of(ra) == P.ON_CALL and m.state_of(rb) == P.BREAK
    assert m.state_of(rc) == P.OFFLINE  # never seen
    assert m.index(ra, 2).data() == "Acme Ltd · → +380671234567"
    assert m.index(rb, 2).data() == "Coffee break"
    assert m.index(ra, 4).data() == "2" and m.index(ra, 5).data() == "1"
    assert m.index(ra, 6).data() == "0:01:35" and m.index(ra, 7).data().startswith("1 / ")
    assert m.index(ra, 8).data() == "100 %"
    t1 = m.index(ra, 3).data()
    assert t1.startswith("0:01:0")
    # the clock ticks locally: no query between ticks
    reads = view.refreshes
    m.clock = lambda: now + timedelta(seconds=30)
    m.tick()
    assert m.index(ra, 3).data() == "0:01:35" and view.refreshes == reads
    # no heartbeat for longer than the threshold: offline, since the last heartbeat
    m.clock = lambda: now + timedelta(seconds=P.STALE_S + 70)
    m.tick()
    assert m.state_of(ra) == P.OFFLINE and m.index(ra, 2).data() == ""
    m.clock = lambda: now
    m.tick()
    # sorting by state puts the call first
    view.table.sortByColumn(1, view.table.horizontalHeader().sortIndicatorOrder().AscendingOrder)
    assert view.proxy.index(0, 0).data() == "Anna"
    opened = []
    ops.bus().sig_open_lead.connect(opened.append)
    try:
        view.table.doubleClicked.emit(view.proxy.index(0, 0))
        assert opened == [lead_id]
        view.table.doubleClicked.emit(view.proxy.mapFromSource(m.index(rb, 0)))
        assert opened == [lead_id]  # a break has no call to open
    finally:
        ops.bus().sig_open_lead.disconnect(opened.append)
    menu = view.build_menu(ra)
    placeholder = [act for act in menu.actions() if act.objectName() == "monitorPlaceholder"]
    assert placeholder and not placeholder[0].isEnabled()
    hooked = []
    set_monitor_hook(lambda menu, ctx, uid: hooked.append(uid) or menu.addAction("Listen"))
    try:
        menu = view.build_menu(ra)
        assert hooked == [a] and "Listen" in [x.text() for x in menu.actions()]
    finally:
        set_monitor_hook(None)


def test_the_board_rereads_on_the_bus_not_on_a_timer(qtbot, store):
    team = _team(store)
    (a,) = _users(store, "anna", team=team)
    (lead_user,) = _users(store, "lena", role="teamlead", team=team)
    view = BoardView(make_context(store, lead_user, login="lena", role="teamlead"))
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.refreshes == 1, timeout=10000)
    assert view.model.state_of(0) == P.OFFLINE
    with store.session() as s, s.begin():
        B.switch(s, a, P.AVAILABLE, datetime.now(timezone.utc))
    qtbot.wait(1500)  # ticks happen; they do not read
    assert view.refreshes == 1 and view.model.state_of(0) == P.OFFLINE
    ops.bus().sig_changed.emit(ops.Changes.of(ops.PRESENCE, source="sync"))
    qtbot.waitUntil(lambda: view.model.state_of(0) == P.AVAILABLE, timeout=10000)
    report = type("R", (), {"pulled": {"agent_states": 1}, "merged": {}})()
    assert ops.pulled_changes(report).touches(ops.PRESENCE)  # what sync's pulls say


def test_the_board_says_as_of_when_the_shared_database_is_away(qtbot, store):
    from PySide6.QtCore import QObject, Signal

    class Sync(QObject):  # the SyncService signal the board listens to
        sig_status = Signal(bool, int, object)

    (lead_user,) = _users(store, "lena", role="teamlead", team=_team(store))
    sync = Sync()
    view = BoardView(make_context(store, lead_user, login="lena", role="teamlead"), sync=sync)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.refreshes == 1, timeout=10000)
    assert view.as_of.text().startswith("Updated ")
    last = datetime(2026, 12, 3, 11, 5, 9, tzinfo=timezone.utc)
    sync.sig_status.emit(False, 3, last)
    assert view.as_of.text() == "Shared database unreachable: as of " + \
        last.astimezone().strftime("%H:%M:%S")
    sync.sig_status.emit(True, 0, last)
    assert view.as_of.text().startswith("Updated ")


def test_the_databases_sums_equal_the_interval_arithmetic(store):
    """store.board.state_seconds (SQL over a day) against presence.occupancy over the
    intervals themselves: random back-to-back intervals across the day's edges, a
    stale open one and a fresh open one."""
    import random

    rnd = random.Random(12)
    people = _users(store, "anna", "boris", "carl")
    lo, hi = T0, T0 + timedelta(days=1)
    now = hi + timedelta(hours=1)
    with store.session() as s, s.begin():
        for n, uid in enumerate(people):
            at = lo - timedelta(hours=3)
            while at < hi + timedelta(hours=2) - timedelta(hours=3 * n):
                B.switch(s, uid, rnd.choice(P.STATES), at, detail="x", stale_s=1e9)
                at += timedelta(seconds=rnd.randint(5, 5400))
            if n == 0:
                B.switch(s, uid, P.OFFLINE, at, stale_s=1e9)
        B.heartbeat(s, people[1], now - timedelta(seconds=10))  # open, fresh
        B.heartbeat(s, people[2], hi - timedelta(hours=4))  # open, stale since before hi
    with store.session() as s:
        summed = B.state_seconds(s, people, lo, hi, now)
        spans = {}
        for r in B.intervals(s, people, lo, hi):
            spans.setdefault(r.user_id, []).append((r.state, r.started_at, r.ended_at,
                                                    r.heartbeat_at))
    for uid in people:
        direct = P.occupancy(spans[uid], lo, hi, now)
        for state in P.STATES:
            assert summed[uid].seconds[state] == pytest.approx(direct.seconds[state], abs=0.01)
        assert 0 < summed[uid].logged_in <= 86400 + 0.01
    assert summed[people[0]].logged_in == pytest.approx(86400, abs=0.01)  # all day, in and out
    assert summed[people[2]].logged_in < 86400 - 3 * 3600  # stale: ends at its heartbeat


def test_the_occupancy_tab_shows_the_day_and_exports_it(qtbot, store, tmp_path, cli, config):
    import csv
    import os

    from workstation.views.board import OccupancyReport

    team = _team(store)
    (a,) = _users(store, "=cmd|calc", team=team)  # a name a spreadsheet would run
    (lead_user,) = _users(store, "lena", role="teamlead", team=team)
    now = datetime.now(timezone.utc)
    with store.session() as s, s.begin():
        B.switch(s, a, P.ON_CALL, now - timedelta(minutes=30))
        B.heartbeat(s, a, now)
    report = OccupancyReport(make_context(store, lead_user, login="lena", role="teamlead"))
    qtbot.addWidget(report)
    qtbot.waitUntil(lambda: report.table.rowCount() == 1, timeout=10000)
    assert report.table.item(0, 4).text().startswith("0:30:0")  # on a call
    assert report.table.item(0, 8).text() == "100 %"
    out = tmp_path / "occupancy.csv"
    report.export(str(out))
    qtbot.waitUntil(lambda: "1 rows written" in report.status.text(), timeout=10000)
    assert os.stat(out).st_mode & 0o777 == 0o600
    with open(out, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert rows[0][:3] == ["login", "name", "day"]
    assert not rows[1][0].startswith("=") and "cmd|calc" in rows[1][0]  # formula escaped
    config.set("user.login", "lena")
    config.save()
    xlsx = tmp_path / "occupancy.xlsx"
    code, _, err = cli("board", "states", "--format", "xlsx", "-o", str(xlsx))
    assert code == 0, err
    assert xlsx.read_bytes()[:2] == b"PK" and os.stat(xlsx).st_mode & 0o777 == 0o600
    code, _, err = cli("board", "states", "--format", "xlsx")
    assert code == 2 and "-o FILE" in err
