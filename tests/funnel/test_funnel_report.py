"""Every cell of the funnel report against the hand-worked values of funnel_data,
on SQLite and on a real PostgreSQL cluster (the ``backend`` fixture)."""

from __future__ import annotations

import pytest

from funnel_data import DAY, NOW, day
from workstation.services import funnel as svc
from workstation.services.admin import NotAllowed

STAGE_ORDER = ["new", "contact", "presale", "offer", "signed", "paused", "refused"]


def _rows(rep):
    return {r.stage.code: r for r in rep.rows}


def test_every_cell_of_the_whole_funnel(backend, ctx_for):
    store, k = backend
    rep = svc.report(ctx_for(store, k, "root"), svc.FunnelQuery(funnel_id=k.funnel), now=NOW)
    assert [r.stage.code for r in rep.rows] == STAGE_ORDER
    rows = _rows(rep)
    # leads at each stage now (L9 is deleted, L10 is in another funnel)
    assert {c: r.now for c, r in rows.items()} == {
        "new": 2, "contact": 2, "presale": 0, "offer": 1, "signed": 1, "paused": 1,
        "refused": 1}
    assert rep.total == 8 and rep.no_stage == 0
    # how many got to each main-line stage or further (L8 went back: it reached presale)
    assert {c: r.reached for c, r in rows.items()} == {
        "new": 8, "contact": 6, "presale": 3, "offer": 2, "signed": 1, "paused": None,
        "refused": None}
    conv = {c: r.conversion for c, r in rows.items()}
    assert conv["new"] == pytest.approx(6 / 8)
    assert conv["contact"] == pytest.approx(3 / 6)
    assert conv["presale"] == pytest.approx(2 / 3)
    assert conv["offer"] == pytest.approx(1 / 2)
    assert conv["signed"] is None and conv["paused"] is None and conv["refused"] is None
    # median of the finished stays (days): new 1,1,2,5,10,10; contact 1,3,4,5,10;
    # presale 1,3,10; offer 7; none finished in signed, paused, refused
    med = {c: (None if r.median_seconds is None else round(r.median_seconds / DAY, 6), r.stays)
           for c, r in rows.items()}
    assert med == {"new": (3.5, 6), "contact": (4.0, 5), "presale": (3.0, 3),
                   "offer": (7.0, 1), "signed": (None, 0), "paused": (None, 0),
                   "refused": (None, 0)}


def test_stuck_leads_with_their_manager_by_threshold(backend, ctx_for):
    store, k = backend
    ctx = ctx_for(store, k, "root")

    def stuck(days):
        rep = svc.report(ctx, svc.FunnelQuery(funnel_id=k.funnel, stuck_days=days), now=NOW)
        return [(s.lead_id, s.stage_code, s.manager, round((NOW - s.since).total_seconds() / DAY))
                for s in rep.stuck]

    # open stages only (signed is won, refused lost); longest stuck first
    assert stuck(14) == [(k["L6"], "new", "Carl Manager", 50),
                         (k["L7"], "paused", "Anna Manager", 45),
                         (k["L2"], "contact", "Anna Manager", 35)]
    assert stuck(8) == stuck(14) + [(k["L1"], "offer", "Anna Manager", 10)]
    assert stuck(40) == stuck(14)[:2]
    assert stuck(60) == []
    assert stuck(1)[-1] == (k["L5"], "new", "Carl Manager", 5)  # entered at creation
    assert k["L9"] not in [s[0] for s in stuck(1)]  # deleted


def test_filters_team_manager_base_period(backend, ctx_for):
    store, k = backend
    ctx = ctx_for(store, k, "root")

    def now_counts(**kw):
        rep = svc.report(ctx, svc.FunnelQuery(funnel_id=k.funnel, **kw), now=NOW)
        return {r.stage.code: r.now for r in rep.rows if r.now}, \
            {r.stage.code: r.reached for r in rep.rows if r.reached}

    assert now_counts(team_id=k["team_a"]) == (
        {"contact": 2, "offer": 1, "signed": 1, "paused": 1, "refused": 1},
        {"new": 6, "contact": 6, "presale": 3, "offer": 2, "signed": 1})
    assert now_counts(owner_id=k["m2"]) == (
        {"contact": 1, "signed": 1, "refused": 1},
        {"new": 3, "contact": 3, "presale": 2, "offer": 1, "signed": 1})
    assert now_counts(source="web form") == (
        {"new": 2, "signed": 1}, {"new": 3, "contact": 1, "presale": 1, "offer": 1,
                                  "signed": 1})
    # leads created in [d45, d15): L1, L2, L3, L4
    assert now_counts(created_from=day(45), created_to=day(15)) == (
        {"contact": 1, "offer": 1, "signed": 1, "refused": 1},
        {"new": 4, "contact": 4, "presale": 2, "offer": 2, "signed": 1})
    rep = svc.report(ctx, svc.FunnelQuery(funnel_id=k.funnel, owner_id=k["m2"]), now=NOW)
    med = {r.stage.code: (r.median_seconds / DAY if r.median_seconds else None, r.stays)
           for r in rep.rows}
    # m2: L3 new 2 contact 3; L4 new 1 contact 4 presale 3 offer 7; L8 new 1 contact 1 presale 1
    assert med["new"] == (pytest.approx(1.0), 3)
    assert med["contact"] == (pytest.approx(3.0), 3)
    assert med["presale"] == (pytest.approx(2.0), 2)  # even count: mean of 1 and 3
    assert med["offer"] == (pytest.approx(7.0), 1)


def test_lead_types_against_the_cold_base_bands(backend, ctx_for):
    store, k = backend
    rep = svc.report(ctx_for(store, k, "root"), svc.FunnelQuery(funnel_id=k.funnel), now=NOW)
    by_src = {m.key: m for m in rep.by_source}
    assert set(by_src) == {"youcontrol", "web form", "exhibition", "typical", "odd"}
    yc = by_src["youcontrol"]
    assert (yc.typed, yc.untyped, yc.judged) == (3, 2, False)  # L7, L10 have no type
    assert yc.outliers == []  # too few to judge
    typical, odd = by_src["typical"], by_src["odd"]
    assert typical.judged and typical.outliers == []
    assert [round(s.pct, 6) for s in typical.shares] == [4, 5, 38, 0, 0, 42, 11]
    assert odd.judged and odd.outliers == ["interested", "hypothetical"]
    assert [s.count for s in odd.shares] == [12, 5, 30, 0, 0, 42, 11]
    by_mgr = {m.key: m for m in rep.by_manager}
    assert {key: m.typed for key, m in by_mgr.items()} == {
        k["m1"]: 2, k["m2"]: 3, k["m3"]: 2, None: 200}
    assert by_mgr[k["m1"]].name == "Anna Manager" and by_mgr[k["m1"]].untyped == 2
    pool = by_mgr[None]
    assert [s.count for s in pool.shares] == [16, 10, 68, 0, 0, 84, 22]
    assert pool.outliers == ["interested", "hypothetical"]  # 8 % and 34 %
    # a lower bar judges the small groups too
    rep3 = svc.report(ctx_for(store, k, "root"),
                      svc.FunnelQuery(funnel_id=k.funnel, min_typed=3), now=NOW)
    m2 = next(m for m in rep3.by_manager if m.key == k["m2"])
    assert m2.judged and "interested" in m2.outliers and "client" not in m2.outliers


def test_drill_down_gives_the_leads_behind_each_number(backend, ctx_for):
    store, k = backend
    ctx = ctx_for(store, k, "root")
    fq = svc.FunnelQuery(funnel_id=k.funnel)
    assert svc.drill(ctx, fq, "at_stage", stage_id=k.stage["contact"]) == k.lead_ids("L2", "L8")
    assert svc.drill(ctx, fq, "reached", position=3) == k.lead_ids("L1", "L4", "L8")
    assert svc.drill(ctx, fq, "reached", position=2) == k.lead_ids(
        "L1", "L2", "L3", "L4", "L7", "L8")
    assert svc.drill(ctx, fq, "stays", code="presale") == k.lead_ids("L1", "L4", "L8")
    ids = svc.drill(ctx, fq, "type", by="source", key="odd", lead_type="interested")
    assert len(ids) == 12
    assert svc.drill(ctx, fq, "type", by="owner", key=k["m2"], lead_type=None) == \
        k.lead_ids("L3", "L4", "L8")
    lines = svc.lead_lines(ctx, k.lead_ids("L2", "L8"))
    assert sorted((ln.company, ln.stage, ln.manager) for ln in lines) == [
        ("Company L2", "Contact", "Anna Manager"), ("Company L8", "Contact", "Boris Manager")]


def test_a_manager_sees_only_own_leads_a_team_lead_the_team(backend, ctx_for):
    store, k = backend
    m2 = ctx_for(store, k, "m2")
    rep = svc.report(m2, svc.FunnelQuery(funnel_id=k.funnel), now=NOW)
    assert rep.total == 3 and {m.key for m in rep.by_manager} == {k["m2"]}
    with pytest.raises(NotAllowed):
        svc.report(m2, svc.FunnelQuery(funnel_id=k.funnel, owner_id=k["m1"]), now=NOW)
    assert svc.lead_lines(m2, k.lead_ids("L1", "L3")) == \
        [ln for ln in svc.lead_lines(m2, k.lead_ids("L3"))]
    tl = ctx_for(store, k, "tl")
    rep = svc.report(tl, svc.FunnelQuery(funnel_id=k.funnel), now=NOW)
    assert rep.total == 6  # team A: L1-L4, L7, L8
    with pytest.raises(NotAllowed):
        svc.report(tl, svc.FunnelQuery(funnel_id=k.funnel, team_id=k["team_b"]), now=NOW)
    ch = svc.choices(tl)
    assert [t[1] for t in ch.teams] == ["Team A"]
    assert {m[1] for m in ch.managers} == {"Anna Manager", "Boris Manager", "Tina Lead"}
    assert svc.can_view(tl) and not svc.can_view(m2)


def test_a_read_stops_when_interrupted(backend, ctx_for):
    store, k = backend
    ctx = ctx_for(store, k, "root")
    query, steps = svc.Interruptible(), []

    def progress(done, total):
        steps.append((done, total))
        if done == 2:
            query.interrupt()  # the Stop button, from another thread in the app

    with pytest.raises(svc.QueryCancelled):
        svc.report(ctx, svc.FunnelQuery(funnel_id=k.funnel), now=NOW, query=query,
                   progress=progress)
    assert steps == [(1, svc.REPORT_STEPS), (2, svc.REPORT_STEPS)]  # stopped after two of four
    again = svc.Interruptible()
    rep = svc.report(ctx, svc.FunnelQuery(funnel_id=k.funnel), now=NOW, query=again,
                     progress=None)
    assert rep.total == 8
