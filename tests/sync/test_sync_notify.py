"""Waking: a local commit wakes a push at once; NOTIFY payloads name who may see
the rows, so workstations that cannot see them do not pull; a wrap-up that
updates the manager's own lead is pushed as one statement."""

from __future__ import annotations

import time

import psycopg
import pytest
from sqlalchemy import text

from workstation.store.models import Call, HistoryEvent, Lead
from workstation.store.types import utcnow

pytestmark = pytest.mark.pg


def _team_id(shared_db, member):
    with shared_db.engine().connect() as c:
        return c.scalar(text("SELECT team_id FROM users WHERE login = :l"), {"l": member.login})


def _lead(ws, **kw):
    ws.sync()
    with ws.session() as s, s.begin():
        lead = Lead(company="Notify Co", **kw)
        s.add(lead)
    ws.sync()
    return lead.id


def _wrapup(ws, lead_id, n=0):
    with ws.session() as s, s.begin():
        call = Call(lead_id=lead_id, user_id=ws.member.id, direction="out", outcome="success",
                    started_at=utcnow(), ended_at=utcnow(), notes=f"wrap-up {n}")
        s.add(call)
        s.flush()
        s.add(HistoryEvent(lead_id=lead_id, call_id=call.id, user_id=ws.member.id, kind="call"))
        s.get(Lead, lead_id).notes = f"after call {n}"
    return call.id


def _listen(member):
    from workstation.sync.shared import libpq_conninfo, shared_engine
    from workstation.sync.runner import _Audience

    engine = shared_engine(url=member.url)
    conn = psycopg.connect(**libpq_conninfo(engine), autocommit=True)
    engine.dispose()
    conn.execute("LISTEN ws_sync")
    return conn, _Audience.of(conn)


def _payloads(conn) -> dict[str, str]:
    got = {}
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not {"calls", "history_events", "leads"} <= set(got):
        for n in conn.notifies(timeout=0.5):
            table, _, tokens = n.payload.partition(" ")
            got[table] = tokens
    return got


def test_payload_names_who_may_see_the_rows(shared_db, make_workstation):
    alice, bob = shared_db.add_user("alice"), shared_db.add_user("bob")
    carol = shared_db.add_user("carol", role="supervisor")
    a = make_workstation(alice)
    team = _team_id(shared_db, alice)
    own = _lead(a, owner_id=alice.id, team_id=team)  # the team's supervisor sees it
    pool = _lead(a, team_id=team, shared_pool=True)
    (bob_conn, bob_sees), (carol_conn, carol_sees) = _listen(bob), _listen(carol)
    try:
        assert bob_sees is not None and carol_sees is not None
        _wrapup(a, own)
        a.sync()
        mine = _payloads(bob_conn)
        assert set(mine) >= {"calls", "history_events", "leads"}
        assert not any(bob_sees.sees(t) for t in mine.values())  # alice's own lead
        assert all(carol_sees.sees(t) for t in _payloads(carol_conn).values())  # her team
        _wrapup(a, pool, 1)
        a.sync()
        shared = _payloads(bob_conn)
        assert all(bob_sees.sees(shared[t]) for t in ("calls", "history_events", "leads"))
    finally:
        bob_conn.close()
        carol_conn.close()


def test_own_lead_wrapup_is_one_statement_a_conflict_takes_the_locked_path(
        shared_db, make_workstation):
    alice, bob = shared_db.add_user("alice"), shared_db.add_user("bob")
    a, b = make_workstation(alice), make_workstation(bob)
    lead_id = _lead(a, team_id=_team_id(shared_db, alice), shared_pool=True)
    b.sync()
    t = a.syncer.timings
    one, locked = t["push_one_statement"], t["push_lww_locked"]
    _wrapup(a, lead_id)
    report = a.sync()
    assert report.pushed["leads"] == 1 and report.conflicts == 0
    assert (t["push_one_statement"], t["push_lww_locked"]) == (one + 1, locked)
    with b.session() as s, s.begin():  # b wrote the lead before pulling a's change
        s.get(Lead, lead_id).notes = "from b"
    report = b.sync()
    assert report.conflicts == 1 and b.syncer.timings["push_lww_locked"] == 1
    with shared_db.engine().connect() as c:
        assert c.scalar(text("SELECT notes FROM leads WHERE id = :i"), {"i": lead_id}) == "from b"


def test_worker_pushes_on_commit_and_pulls_only_what_it_may_see(shared_db, make_workstation):
    from workstation.sync.runner import SyncWorker

    alice, bob = shared_db.add_user("alice"), shared_db.add_user("bob")
    a, b = make_workstation(alice), make_workstation(bob)
    own = _lead(a, owner_id=alice.id)
    pool = _lead(a, team_id=_team_id(shared_db, alice), shared_pool=True)
    wa = SyncWorker(a.syncer, poll_s=600)  # no poll: only wake-ups move anything
    wb = SyncWorker(b.syncer, poll_s=600)
    wa.start()
    wb.start()
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not (wa.status.connected and wb.status.connected):
            time.sleep(0.05)
        pulls = b.syncer.timings["pulls"]
        call_id = _wrapup(a, own)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and b.syncer.timings["notify_unseen"] == 0:
            time.sleep(0.05)
        assert a.syncer.timings["wake_local"] >= 1  # the commit woke the push
        with shared_db.engine().connect() as c:
            assert c.scalar(text("SELECT count(*) FROM calls WHERE id = :i"), {"i": call_id}) == 1
        assert b.syncer.timings["notify_unseen"] >= 1
        assert b.syncer.timings["pulls"] == pulls  # alice's own lead: nothing for bob
        call_id = _wrapup(a, pool, 1)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:  # (the counter moves just after the commit)
            with b.session() as s:
                if s.get(Call, call_id) is not None and b.syncer.timings["pulls"] > pulls:
                    break
            time.sleep(0.05)
        with b.session() as s:
            assert s.get(Call, call_id) is not None  # the team's pool: pulled
        assert b.syncer.timings["pulls"] > pulls
    finally:
        wa.stop()
        wb.stop()
