"""Script analytics against the hand-worked values of funnel_data (calls C1-C13),
on SQLite and PostgreSQL; and the pure rules of domain.funnelstats."""

from __future__ import annotations

import pytest

from funnel_data import day
from workstation.domain import funnelstats as fs
from workstation.services import scriptstats as svc
from workstation.services.admin import NotAllowed


def _table(stats):
    return {s.step: (s.n_reached, s.n_ended, s.n_result("positive"), s.n_result("negative"),
                     s.n_result("satisfactory"), s.n_result("undefined"), s.n_result(None),
                     None if s.drop_off is None else round(s.drop_off, 4))
            for s in stats.steps}


def test_every_cell_of_the_step_table(backend, ctx_for):
    store, k = backend
    ctx = ctx_for(store, k, "root")
    vs = {(v.code, v.version): v.calls for v in svc.versions(ctx, svc.ScriptQuery())}
    # answered, not deleted: v1 C1-C8 and C12 (empty walk); v2 C11
    assert vs == {("consulting", 1): 9, ("consulting", 2): 1}
    rep = svc.report(ctx, svc.ScriptQuery(script_id=k.v1))
    assert rep.version.version == 1 and rep.stats.calls == 8
    assert [s.step for s in rep.stats.steps] == ["greeting", "needs", "offer", "objection",
                                                 "close"]
    # step: reached, ended, positive, negative, satisfactory, undefined, no result, drop-off
    assert _table(rep.stats) == {
        "greeting": (8, 1, 0, 0, 0, 0, 1, 0.125),
        "needs": (7, 3, 0, 2, 0, 1, 0, 0.4286),
        "offer": (4, 1, 0, 1, 0, 0, 0, 0.25),
        "objection": (2, 0, 0, 0, 0, 0, 0, 0.0),
        "close": (3, 3, 2, 0, 1, 0, 0, 0.3333),
    }
    assert rep.stats.worst == "needs"
    # with no version asked, the most used one
    assert svc.report(ctx, svc.ScriptQuery()).version.id == k.v1
    v2 = svc.report(ctx, svc.ScriptQuery(script_id=k.v2))
    assert _table(v2.stats) == {"greeting": (1, 0, 0, 0, 0, 0, 0, 0.0),
                                "close": (1, 1, 1, 0, 0, 0, 0, 0.0)}
    assert v2.stats.worst is None  # nothing lost


def test_filters_manager_team_period(backend, ctx_for):
    store, k = backend
    ctx = ctx_for(store, k, "root")
    m2 = svc.report(ctx, svc.ScriptQuery(script_id=k.v1, user_id=k["m2"], min_calls=1))
    assert _table(m2.stats) == {
        "greeting": (4, 1, 0, 0, 0, 0, 1, 0.25),
        "needs": (3, 1, 0, 1, 0, 0, 0, 0.3333),
        "offer": (2, 1, 0, 1, 0, 0, 0, 0.5),
        "objection": (2, 0, 0, 0, 0, 0, 0, 0.0),
        "close": (1, 1, 0, 0, 1, 0, 0, 1.0),
    }
    assert m2.stats.worst == "offer"  # min_calls=1; close steps are never the weak step
    assert svc.report(ctx, svc.ScriptQuery(script_id=k.v1, user_id=k["m2"])).stats.worst \
        is None  # no step reached by 5 calls
    team_b = svc.report(ctx, svc.ScriptQuery(script_id=k.v1, team_id=k["team_b"]))
    assert team_b.stats.calls == 0
    recent = svc.report(ctx, svc.ScriptQuery(script_id=k.v1, started_from=day(2)))
    assert recent.stats.calls == 4  # C5-C8
    assert _table(recent.stats) == _table(m2.stats)


def test_drill_down_gives_the_calls_behind_each_cell(backend, ctx_for):
    store, k = backend
    ctx = ctx_for(store, k, "root")
    q = svc.ScriptQuery(script_id=k.v1)
    assert svc.drill(ctx, q, "needs", "ended") == sorted([k["C3"], k["C4"], k["C8"]])
    assert svc.drill(ctx, q, "needs", "result", "negative") == sorted([k["C3"], k["C8"]])
    assert svc.drill(ctx, q, "close", "lost") == [k["C6"]]
    assert svc.drill(ctx, q, "objection", "reached") == sorted([k["C6"], k["C8"]])
    assert svc.drill(ctx, q, "greeting", "result", None) == [k["C7"]]
    lines = svc.call_lines(ctx, [k["C6"], k["C8"]])
    assert {(c.manager, c.result) for c in lines} == {("Boris Manager", "satisfactory"),
                                                      ("Boris Manager", "negative")}


def test_a_manager_sees_only_own_calls(backend, ctx_for):
    store, k = backend
    m1 = ctx_for(store, k, "m1")
    rep = svc.report(m1, svc.ScriptQuery(script_id=k.v1))
    assert rep.stats.calls == 4  # C1-C4
    with pytest.raises(NotAllowed):
        svc.report(m1, svc.ScriptQuery(script_id=k.v1, user_id=k["m2"]))
    assert [c.id for c in svc.call_lines(m1, [k["C1"], k["C5"]])] == [k["C1"]]


# -- the pure rules ----------------------------------------------------------------------

def test_band_edges_and_small_groups():
    b = fs.TYPE_BANDS["interested"]
    assert b.contains(3) and b.contains(5) and not b.contains(2.99) and not b.contains(5.01)
    assert fs.TYPE_BANDS["client"].label() == "< 0.1 %"
    assert fs.TYPE_BANDS["not_interested"].label() == "42-51 %"
    mix = fs.type_mix("x", "x", {"interested": 1, None: 5}, min_leads=20)
    assert not mix.judged and not mix.is_outlier and mix.untyped == 5
    mix = fs.type_mix("x", "x", {"interested": 1}, min_leads=1)
    assert mix.judged and mix.outliers == ["interested", "potential", "hypothetical",
                                           "not_interested", "false_positioning"]


def test_worst_step_and_median():
    stats = fs.script_stats("s", {"steps": [{"id": "a"}, {"id": "b"}]}, [
        (1, [{"step": "a"}], "negative"), (2, [{"step": "a"}, {"step": "b"}], "positive"),
        (3, [{"step": "a"}, {"step": "b"}], "negative"), (4, [], "negative"),
        (5, None, None), (6, [{"step": "zz"}], "positive")], min_calls=1)
    assert stats.calls == 4
    assert [s.step for s in stats.steps] == ["a", "b", "zz"]  # a step no longer listed last
    assert stats.step("a").drop_off == pytest.approx(1 / 3)
    assert stats.step("b").drop_off == pytest.approx(1 / 2)
    assert stats.worst == "b"
    assert fs.median([]) is None and fs.median([3, 1, 2]) == 2 and fs.median([4, 1]) == 2.5
    assert fs.reached_counts([1, 2, 3], {1: 2, 3: 1, None: 4}) == [3, 1, 1]
