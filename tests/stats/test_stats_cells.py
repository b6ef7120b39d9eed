"""Every cell of the statistics table for the known set of calls (conftest.py),
on SQLite and on PostgreSQL; the team row is the sum of the manager rows."""

from __future__ import annotations

from datetime import date

from stats.statsdata import DAY, NORTH_ZONE, at, context

from workstation.services import stats

E = "name n_no_answer n_busy n_error n_success n_total talk_success talk_avg " \
    "dur_no_answer dur_busy dur_error dur_success dur_total effective effective_plan " \
    "presentations presentations_plan presentations_assigned invoices invoices_plan " \
    "invoices_assigned invoice_sum decision_makers decision_makers_assigned demo_accesses " \
    "demo_accesses_assigned warm_clients warm_clients_plan sales sales_plan".split()

# 2026-03-29 is a Sunday: no working day, so every plan of the day is 0
EXPECTED = {
    "Anna A": ["Anna A", 2, 1, 1, 3, 7, "0:03:10", "0:01:03", "0:00:30", "0:00:03", "0:00:02",
               "0:03:25", "0:04:00", 3, 0, 1, 0, 0, 1, 0, 0, 1500.5, 0, 0, 0, 0, 0, 0, 0, 0],
    "Boris B": ["Boris B", 1, 0, 0, 4, 5, "0:05:30", "0:01:22", "0:00:45", "0:00:00", "0:00:00",
                "0:05:38", "0:06:23", 3, 0, 1, 0, 2, 0, 0, 0, 0, 1, 1, 1, 0, 1, 0, 1, 0],
    "Lena L": ["Lena L", 0, 0, 0, 1, 1, "0:01:10", "0:01:10", "0:00:00", "0:00:00", "0:00:00",
               "0:01:15", "0:01:15", 1, None, 0, None, 0, 0, None, 0, 0, 0, 0, 0, 0, 0, None,
               0, None],
    "Team": ["Team", 3, 1, 1, 8, 13, "0:09:50", "0:01:14", "0:01:15", "0:00:03", "0:00:02",
             "0:10:18", "0:11:38", 7, 0, 2, 0, 2, 1, 0, 0, 1500.5, 1, 1, 1, 0, 1, 0, 1, 0],
}


def _north_day(ctx, ids):
    period = stats.period_of(ctx, "day", date.fromisoformat(DAY), team_id=ids.north)
    return stats.report(ctx, period, team_id=ids.north, now=at("2026-04-01T00:00:00"))


def test_every_cell_of_the_day_on_both_databases(backend, config):
    store, ids = backend
    ctx = context(store, config, ids)
    rep = _north_day(ctx, ids)
    # the DST day of Kyiv: 23 hours, from local midnight (UTC+2) to local midnight (UTC+3)
    assert (rep.period.start, rep.period.end) == (at("2026-03-28T22:00:00"),
                                                  at("2026-03-29T21:00:00"))
    assert rep.zone == NORTH_ZONE
    header, rows = stats.table_rows(rep)
    assert header == E
    got = {r[0]: r for r in rows}
    assert list(got) == ["Anna A", "Boris B", "Lena L", "Team"]
    for name, want in EXPECTED.items():
        for col, w, g in zip(E, want, got[name]):
            assert g == w, f"{name} / {col}: expected {w!r}, got {g!r}"


def test_team_row_is_the_sum_of_the_manager_rows(backend, config):
    store, ids = backend
    rep = _north_day(context(store, config, ids), ids)
    for key in stats.COLUMNS:
        if key.kind in ("text",) or key.key == "talk_avg":
            continue
        assert rep.team.value(key.key) == sum(r.value(key.key) for r in rep.rows), key.key
    assert rep.team.value("talk_avg") == rep.team.value("talk_success") / rep.team.value(
        "n_success")


def test_drill_down_lists_the_calls_behind_a_cell(backend, config):
    store, ids = backend
    ctx = context(store, config, ids)
    rep = _north_day(ctx, ids)
    c = ids.calls
    kind, got = stats.drill(ctx, rep, "effective", ids.anna)
    assert kind == "calls" and set(got) == {c["a_midnight"], c["a_edited"], c["a_twice"]}
    assert set(stats.drill(ctx, rep, "n_error", ids.anna)[1]) == {c["a_failed"]}
    assert set(stats.drill(ctx, rep, "dur_no_answer", ids.anna)[1]) == {c["a_late"],
                                                                        c["a_no_time"]}
    assert set(stats.drill(ctx, rep, "invoice_sum")[1]) == {c["a_edited"]}
    assert set(stats.drill(ctx, rep, "warm_clients", ids.boris)[1]) == {c["b_dm"]}
    assert set(stats.drill(ctx, rep, "sales")[1]) == {c["b_demo"]}
    kind, leads = stats.drill(ctx, rep, "presentations_assigned", ids.boris)
    assert kind == "leads" and leads == [ids.lead1]
    team_total = stats.drill(ctx, rep, "n_total")[1]
    assert len(team_total) == len(set(team_total)) == rep.team.value("n_total") == 13


def test_other_team_counts_days_in_its_own_zone(backend, config):
    store, ids = backend
    ctx = context(store, config, ids)
    period = stats.period_of(ctx, "day", date.fromisoformat(DAY), team_id=ids.south)
    assert period.start == at("2026-03-29T04:00:00")  # New York, UTC-4 after its DST change
    rep = stats.report(ctx, period, team_id=ids.south)
    (carl,) = rep.rows
    assert (carl.value("n_busy"), carl.value("n_success"), carl.value("n_total")) == (1, 0, 1)
    assert stats.drill(ctx, rep, "n_total")[1] == [ids.calls["c_in"]]


def test_plan_and_pace_for_the_time_of_day(backend, config):
    store, ids = backend
    ctx = context(store, config, ids)
    monday = stats.period_of(ctx, "day", date(2026, 3, 30), team_id=ids.north)
    # 10:30 in Kyiv (UTC+3): 1.5 of 9 working hours gone, 5 of 30 effective calls expected
    rep = stats.report(ctx, monday, team_id=ids.north, now=at("2026-03-30T07:30:00"))
    anna = next(r for r in rep.rows if r.user_id == ids.anna)
    cell = anna.cells["effective"]
    assert (cell.done, cell.plan, cell.expected) == (1, 30, 5)
    assert cell.pace == stats.Pace.BEHIND
    assert rep.team.cells["effective"].plan == 60  # two managers; the team lead has no plan
    later = stats.report(ctx, monday, team_id=ids.north, now=at("2026-03-30T06:10:00"))
    # 09:10: 0.17 h gone, 0.56 expected, 1 done -> ahead
    assert next(r for r in later.rows if r.user_id == ids.anna).cells["effective"].pace == \
        stats.Pace.AHEAD
    week = stats.period_of(ctx, "week", date(2026, 3, 30), team_id=ids.north)
    wrep = stats.report(ctx, week, team_id=ids.north, now=at("2026-04-10T00:00:00"))
    boris = next(r for r in wrep.rows if r.user_id == ids.boris)
    assert boris.cells["effective"].plan == 150 and boris.cells["presentations"].plan == 10
    assert boris.cells["effective"].pace == stats.Pace.BEHIND
    month = stats.period_of(ctx, "month", date(2026, 3, 30), team_id=ids.north)
    mrep = stats.report(ctx, month, team_id=ids.north, now=at("2026-04-10T00:00:00"))
    boris = next(r for r in mrep.rows if r.user_id == ids.boris)
    assert round(boris.cells["warm_clients"].plan, 6) == 20  # the month plan, whole month
    assert boris.value("warm_clients") == 1 and boris.value("sales") == 1


def test_charts_count_local_hours_across_the_dst_change(backend, config):
    store, ids = backend
    ctx = context(store, config, ids)
    rep = _north_day(ctx, ids)
    ch = stats.charts(ctx, rep, weeks=3)
    anna = ch.calls_per_hour[ids.anna]
    # 00:00 (UTC+2) a_midnight; 08:00 (UTC+3) a_busy; 09:00 failed; 10:00 no time;
    # 12:00 edited; 13:00 twice; 23:59:59 late
    assert {h: n for h, n in enumerate(anna) if n} == {0: 1, 8: 1, 9: 1, 10: 1, 12: 1, 13: 1,
                                                      23: 1}
    assert sum(ch.total_per_hour) == rep.team.value("n_total")
    assert sum(ch.answered_per_hour) == rep.team.value("n_success")
    assert ch.outcome_mix == {"no_answer": 3, "busy": 1, "error": 1, "success": 8}
    assert ch.week_starts[-1] == date(2026, 3, 23)
    # the week of the 29th: 7 effective on the Sunday + a_before (Sat 23:59 local) ... = 8
    assert ch.effective_per_week[-1] == 8
    assert ch.plan_per_week[-1] == 300  # 30 a day x 5 days x 2 managers


def test_roles_see_what_they_may(backend, config):
    import pytest

    store, ids = backend
    day = date.fromisoformat(DAY)
    mine = context(store, config, ids, "anna", "manager", ids.north)
    rep = stats.report(mine, stats.period_of(mine, "day", day))
    assert [r.user_id for r in rep.rows] == [ids.anna]
    with pytest.raises(stats.NotAllowed):
        stats.report(mine, stats.period_of(mine, "day", day), user_id=ids.boris)
    with pytest.raises(stats.NotAllowed):
        stats.drill(mine, rep, "n_total", ids.boris)
    lead = context(store, config, ids, "lena", "teamlead", ids.north)
    assert {r.user_id for r in stats.report(lead, stats.period_of(lead, "day", day)).rows} == {
        ids.anna, ids.boris, ids.lena}
    with pytest.raises(stats.NotAllowed):
        stats.report(lead, stats.period_of(lead, "day", day), team_id=ids.south)


def test_an_inactive_manager_shows_only_with_figures(backend, config):
    from sqlalchemy import update

    from workstation.store.models import User

    store, ids = backend
    with store.session() as s, s.begin():
        s.execute(update(User).where(User.id.in_([ids.anna, ids.boris])).values(active=False))
    ctx = context(store, config, ids)
    day = stats.report(ctx, stats.period_of(ctx, "day", date.fromisoformat(DAY),
                                            team_id=ids.north), team_id=ids.north)
    assert [r.name for r in day.rows] == ["Anna A", "Boris B", "Lena L"]  # they called
    later = stats.report(ctx, stats.period_of(ctx, "day", date(2026, 4, 2), team_id=ids.north),
                         team_id=ids.north)
    assert later.rows == [] and later.team.value("n_total") == 0
