"""The browser's model and queries over many calls in the local store (SQLite):
pages fetched on demand, every filter, sorting across pages, who sees what."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import insert

import callgen
from workstation.services import browse as B
from workstation.store.models import CallReview


def all_pages(ctx, flt, size=250, source=None):
    out, after = [], None
    while True:
        rows = B.page(ctx, flt, after=after, limit=size, source=source)
        out.extend(rows)
        if len(rows) < size:
            return out
        after = rows[-1].key


def test_model_fetches_pages_on_demand_and_reaches_every_call(qtbot, filled, ctx_as):
    from workstation.views.calls.model import CallsModel

    store, made = filled
    ctx = ctx_as(store, made, "north0", "admin")
    model = CallsModel(ctx, page_size=100)
    counts = []
    model.sig_count.connect(counts.append)
    with qtbot.waitSignal(model.sig_page_loaded, timeout=20000):
        model.set_filter(B.CallFilter())
    assert model.rowCount() == 100 and model.canFetchMore()
    qtbot.waitUntil(lambda: counts == [3000], timeout=20000)
    with qtbot.waitSignal(model.sig_page_loaded, timeout=20000):
        model.fetchMore()
    assert model.rowCount() == 200
    while model.canFetchMore():
        with qtbot.waitSignal(model.sig_page_loaded, timeout=20000):
            model.fetchMore()
    ids = [model.call_row(i).id for i in range(model.rowCount())]
    assert len(ids) == 3000 == len(set(ids))
    started = [model.call_row(i).started_at for i in range(model.rowCount())]
    assert started == sorted(started, reverse=True)


def test_a_newer_filter_drops_the_older_pages(qtbot, filled, ctx_as):
    from workstation.views.calls.model import CallsModel

    store, made = filled
    ctx = ctx_as(store, made, "north0", "admin")
    model = CallsModel(ctx, page_size=50)
    model.set_filter(B.CallFilter())
    with qtbot.waitSignal(model.sig_page_loaded, timeout=20000):
        model.set_filter(B.CallFilter(direction="in"))
    qtbot.wait(200)
    assert model.rowCount() == 50
    assert {model.call_row(i).direction for i in range(50)} == {"in"}


def _expect(made, pred):
    return {c["id"] for c in made.calls if pred(c)}


def test_every_filter_matches_the_rows_it_names(filled, ctx_as):
    store, made = filled
    ctx = ctx_as(store, made, "north0", "admin")
    lead_type = {}
    with store.engine.connect() as c:
        from sqlalchemy import select

        from workstation.store.models import Lead

        lead_type = dict(c.execute(select(Lead.id, Lead.lead_type)).all())
    north = {made.users[f"north{i}"] for i in range(3)}
    t_from = callgen.T0 + timedelta(hours=3)
    t_to = callgen.T0 + timedelta(hours=9)
    lead = made.leads[5]
    cases = [
        (B.CallFilter(user_ids=(made.users["south1"],)),
         lambda c: c["user_id"] == made.users["south1"]),
        (B.CallFilter(team_id=made.teams["north"]), lambda c: c["user_id"] in north),
        (B.CallFilter(date_from=t_from, date_to=t_to),
         lambda c: t_from <= c["started_at"] < t_to),
        (B.CallFilter(lead_id=lead), lambda c: c["lead_id"] == lead),
        (B.CallFilter(direction="in"), lambda c: c["direction"] == "in"),
        (B.CallFilter(outcome="busy"), lambda c: c["outcome"] == "busy"),
        (B.CallFilter(lead_type="interested"),
         lambda c: lead_type[c["lead_id"]] == "interested"),
        (B.CallFilter(lead_type=""), lambda c: lead_type[c["lead_id"]] is None),
        (B.CallFilter(min_seconds=120, max_seconds=300),
         lambda c: 120 <= (c["talk_seconds"] or 0) <= 300),
        (B.CallFilter(has_recording=True), lambda c: c["recording_path"] != ""),
        (B.CallFilter(has_recording=False), lambda c: c["recording_path"] == ""),
        (B.CallFilter(search="0440000123"), lambda c: "0440000123" in c["remote_number"]),
        (B.CallFilter(search="company 00007"),
         lambda c: c["lead_id"] == made.leads[7]),
        (B.CallFilter(call_ids=tuple(c["id"] for c in made.calls[:7])),
         lambda c: c in made.calls[:7]),
        (B.CallFilter(direction="out", outcome="success", team_id=made.teams["south"]),
         lambda c: c["direction"] == "out" and c["outcome"] == "success"
         and c["user_id"] not in north),
    ]
    for flt, pred in cases:
        want = _expect(made, pred)
        got = {r.id for r in all_pages(ctx, flt)}
        assert got == want, flt
        assert B.count(ctx, flt) == len(want), flt
        assert want, f"the case selects nothing, so it proves nothing: {flt}"


@pytest.mark.parametrize("sort,key", [
    ("duration", lambda c: (c["talk_seconds"] if c["talk_seconds"] is not None else -1.0)),
    ("jitter", lambda c: c["rtp_jitter_ms"]),
    ("number", lambda c: c["remote_number"]),
    ("codec", lambda c: c["codec"]),
])
@pytest.mark.parametrize("descending", [False, True])
def test_sorting_holds_across_pages(filled, ctx_as, sort, key, descending):
    store, made = filled
    ctx = ctx_as(store, made, "north0", "admin")
    rows = all_pages(ctx, B.CallFilter(sort=sort, descending=descending), size=137)
    assert len(rows) == 3000 == len({r.id for r in rows})
    by_id = {c["id"]: c for c in made.calls}
    values = [key(by_id[r.id]) for r in rows]
    assert values == sorted(values, reverse=descending)


def test_a_bad_sort_or_bound_names_the_field():
    with pytest.raises(B.BrowseError, match="sort"):
        B.CallFilter(sort="nonsense")
    with pytest.raises(B.BrowseError, match="min_seconds"):
        B.CallFilter(min_seconds=-1)


def test_a_manager_sees_only_own_calls_and_a_supervisor_the_team(filled, ctx_as):
    store, made = filled
    manager = ctx_as(store, made, "north1", "manager")
    rows = all_pages(manager, B.CallFilter())
    assert rows and {r.user_id for r in rows} == {made.users["north1"]}
    # asking for a teammate's calls gives nothing, not the teammate's
    assert B.page(manager, B.CallFilter(user_ids=(made.users["north2"],))) == []
    other = made.calls_of[made.users["north2"]][0]
    assert B.context(manager, other) is None
    assert B.context(manager, made.calls_of[made.users["north1"]][0]) is not None
    sup = ctx_as(store, made, "south0", "supervisor")
    south = {made.users[f"south{i}"] for i in range(3)}
    assert {r.user_id for r in all_pages(sup, B.CallFilter())} == south
    assert B.page(sup, B.CallFilter(team_id=made.teams["north"])) == []
    admin = ctx_as(store, made, "north0", "admin")
    assert B.count(admin, B.CallFilter()) == 3000


def test_score_and_not_yet_reviewed(filled, ctx_as):
    store, made = filled
    ctx = ctx_as(store, made, "south0", "supervisor")
    sup = made.users["south0"]
    south_calls = [c for c in made.calls if c["user_id"] in
                   {made.users[f"south{i}"] for i in range(3)}]
    scored, queued = south_calls[:4], south_calls[4:6]
    now = callgen.T0
    with store.engine.begin() as c:
        rows = [{"id": uuid.uuid4(), "call_id": x["id"], "reviewer_id": sup, "status": "scored",
                 "score": 40.0 + 15 * i, "failed_critical": False, "manager_fault": False,
                 "summary": "", **callgen.base_rows(now)} for i, x in enumerate(scored)]
        rows += [{"id": uuid.uuid4(), "call_id": x["id"], "reviewer_id": sup,
                  "status": "in_review", "score": None, "failed_critical": False,
                  "manager_fault": False, "summary": "", **callgen.base_rows(now)}
                 for x in queued]
        c.execute(insert(CallReview.__table__), rows)
    got = {r.id: r.score for r in all_pages(ctx, B.CallFilter(min_score=60))}
    assert got == {scored[2]["id"]: 70.0, scored[3]["id"]: 85.0}
    unreviewed = {r.id for r in all_pages(ctx, B.CallFilter(unreviewed=True))}
    assert len(unreviewed) == len(south_calls) - 4
    assert not unreviewed & {x["id"] for x in scored}
    assert {x["id"] for x in queued} <= unreviewed  # in review is not reviewed yet
    top = B.page(ctx, B.CallFilter(sort="score", descending=True), limit=4)
    assert [r.score for r in top] == [85.0, 70.0, 55.0, 40.0]


def test_context_has_wrapup_lead_history_and_step_markers(store, make_ctx, config):
    from datetime import datetime, timezone

    from workstation.services import calls as S
    from workstation.services.context import Context, SignedInUser
    from workstation.store.models import User

    with store.session() as s, s.begin():
        u = User(login="anna", full_name="Anna", role="manager")
        s.add(u)
    ctx = Context(store, SignedInUser(id=u.id, login="anna", role="manager"), settings=config)
    from workstation.store.leads import ContactData, LeadData, PhoneData

    from workstation.services import leads as SL

    lead = SL.save(ctx, LeadData(company="Acme Ltd", phones=[PhoneData(raw="+380441112233")],
                                 contacts=[ContactData(full_name="Olga Petrenko")]))
    answered = datetime(2026, 12, 1, 10, 0, 5, tzinfo=timezone.utc)
    path = [{"step": "greet", "at": "2026-12-01T10:00:06.000+00:00", "answer": "ok"},
            {"step": "offer", "at": "2026-12-01T10:00:41.500+00:00"}]
    w = S.WrapUp(lead_id=lead.id, user_id=u.id, call_id=uuid.uuid4(), direction="out",
                 remote_number="+380441112233", outcome="success",
                 started_at=answered - timedelta(seconds=5), answered_at=answered,
                 ended_at=answered + timedelta(seconds=60), talk_seconds=60.0,
                 result="positive", reason="", notes="asked for an offer", script_path=path)
    S.save_wrapup(ctx, w)
    c = B.context(ctx, w.call_id)
    assert c.info.script_times == [1000, 36500]
    assert c.markers == [(1000, "greet"), (36500, "offer")]
    assert c.info.notes == "asked for an offer" and c.info.result == "positive"
    assert c.lead.company == "Acme Ltd"
    assert any(h.call_id == w.call_id for h in c.history)
    assert B.recording(ctx, w.call_id) is None  # no file: no recording


def test_step_times_of_a_path():
    from datetime import datetime, timezone

    from workstation.domain.scripts import step_times

    t = datetime(2026, 1, 1, 12, 0, tzinfo=timezone.utc)
    assert step_times([{"step": "a", "at": "2026-01-01T12:00:02.250+00:00"},
                       {"step": "b", "at": "garbage"},
                       {"step": "c", "at": "2026-01-01T11:59:59+00:00"}], t) == [2250, None, -1000]
    assert step_times([], t) is None and step_times([{"step": "a", "at": ""}], None) is None
