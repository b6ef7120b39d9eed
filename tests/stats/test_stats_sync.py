"""Statistics through the real sync: a manager's calls and an edited wrap-up
pushed to a real PostgreSQL cluster, pulled twice by the team lead's
workstation; the figures are the same on the manager's store, the team lead's
store and the shared database, and nothing counts twice."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import text

from workstation.services import stats
from workstation.services.context import Context, SignedInUser
from workstation.store.db import Store
from workstation.store.models import Lead
from workstation.store.wrapup import WrapUp, log_call, save_wrapup

from stats.statsdata import at

pytestmark = pytest.mark.pg

DAY = date(2026, 3, 29)


def _figures(store, config, user_id, role, team_id):
    ctx = Context(store, SignedInUser(id=user_id, login="x", role=role, team_id=team_id),
                  settings=config)
    period = stats.period_of(ctx, "day", DAY, team_id=team_id, zone_name="UTC")
    rep = stats.report(ctx, period, team_id=team_id, now=at("2026-04-01T00:00:00"))
    return stats.table_rows(rep)


def test_figures_agree_after_sync_and_count_once(shared_db, make_workstation, config):
    alice = shared_db.add_user("alice")
    lead_member = shared_db.add_user("tl", role="teamlead")
    a, tl = make_workstation(alice), make_workstation(lead_member)
    with shared_db.engine().connect() as c:
        team = c.scalar(text("SELECT team_id FROM users WHERE login = :l"), {"l": alice.login})
    a.sync()
    calls = {name: uuid.uuid4() for name in ("talked", "no_answer", "edited")}
    with a.session() as s, s.begin():
        lead = Lead(company="Synced Co", team_id=team, shared_pool=True)
        s.add(lead)
        s.flush()
        lead_id = lead.id
    facts = {
        "talked": dict(outcome="success", answered_at=at("2026-03-29T09:00:05"),
                       started_at=at("2026-03-29T09:00:00"), ended_at=at("2026-03-29T09:01:35"),
                       ring_seconds=5.0, talk_seconds=90.0, sip_status=200),
        "no_answer": dict(outcome="no_answer", started_at=at("2026-03-29T10:00:00"),
                          ended_at=at("2026-03-29T10:00:30"), ring_seconds=30.0,
                          talk_seconds=0.0, sip_status=480),
        "edited": dict(outcome="success", answered_at=at("2026-03-29T11:00:04"),
                       started_at=at("2026-03-29T11:00:00"), ended_at=at("2026-03-29T11:00:24"),
                       ring_seconds=4.0, talk_seconds=20.0, sip_status=200),
    }
    for name, values in facts.items():
        with a.session() as s, s.begin():
            log_call(s, calls[name], dict(values, user_id=alice.id, lead_id=lead_id,
                                          direction="out"), alice.id)
    with a.session() as s, s.begin():
        save_wrapup(s, WrapUp(lead_id=lead_id, user_id=alice.id, call_id=calls["talked"],
                              result="positive"))
    with a.session() as s, s.begin():
        save_wrapup(s, WrapUp(lead_id=lead_id, user_id=alice.id, call_id=calls["edited"],
                              result="undefined", reason="call_later"))
    assert not a.sync().rejected
    tl.sync()
    # the wrap-up edited later: Negative, a presentation and an invoice of 999.50
    with a.session() as s, s.begin():
        save_wrapup(s, WrapUp(lead_id=lead_id, user_id=alice.id, call_id=calls["edited"],
                              result="negative", reason="no_need",
                              tools=["presentation", "invoice"], invoice_amount=999.5))
    assert not a.sync().rejected
    assert a.sync().pushed.get("calls", 0) == 0  # nothing left to push: a second sync
    tl.sync()
    tl.syncer.reset_cursors()  # every row pulled a second time
    tl.sync()

    header, mine = _figures(a.store, config, alice.id, "manager", team)
    _h, theirs = _figures(tl.store, config, lead_member.id, "teamlead", team)
    shared = Store(url=shared_db.admin_url)
    try:
        _h, central = _figures(shared, config, None, "admin", team)
    finally:
        shared.dispose()
    row = dict(zip(header, mine[0]))
    assert (row["n_success"], row["n_no_answer"], row["n_total"]) == (2, 1, 3)
    assert row["effective"] == 2  # 90 s talked; 20 s but a real result after the edit
    assert (row["presentations"], row["invoices"], row["invoice_sum"]) == (1, 1, 999.5)
    assert (row["talk_success"], row["dur_total"]) == ("0:01:50", "0:02:29")
    alice_row = [r for r in theirs if r[0] != "Team"]
    assert alice_row == [mine[0]]  # the team lead made no calls: no row of theirs
    assert [r for r in central if r[0] != "Team"] == [mine[0]]
    assert theirs[-1] == central[-1] and theirs[-1][1:] == mine[-1][1:]
