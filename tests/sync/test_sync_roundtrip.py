"""Two workstations and one shared database: push, pull, replay, conflicts."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import func, select, text

from workstation.store.models import Call, Funnel, HistoryEvent, Lead, OutboxEntry, Phone
from workstation.store.outbox import record_bulk

pytestmark = pytest.mark.pg


def _team_id(shared_db, member):
    with shared_db.engine().connect() as c:
        return c.scalar(text("SELECT team_id FROM users WHERE login = :l"), {"l": member.login})


def _new_lead(ws, team_id, company="Acme"):
    ws.sync()  # the team and users arrive with the first sync
    with ws.session() as s, s.begin():
        lead = Lead(company=company, team_id=team_id, shared_pool=True)
        s.add(lead)
        s.flush()
        s.add(Phone(lead_id=lead.id, raw="+380 44 123 4567", e164="+380441234567"))
        call = Call(lead_id=lead.id, user_id=ws.member.id, direction="out",
                    remote_e164="+380441234567", outcome="success")
        s.add(call)
        s.flush()
        s.add(HistoryEvent(lead_id=lead.id, call_id=call.id, user_id=ws.member.id,
                           kind="call", text="first call"))
        return lead.id, call.id


def test_change_on_a_arrives_on_b(shared_db, make_workstation):
    alice, bob = shared_db.add_user("alice"), shared_db.add_user("bob")
    a, b = make_workstation(alice), make_workstation(bob)
    team = _team_id(shared_db, alice)
    lead_id, call_id = _new_lead(a, team)
    report = a.sync()
    assert report.pushed["leads"] == 1 and report.pushed["calls"] == 1
    assert not report.rejected
    assert a.syncer.waiting() == 0
    report = b.sync()
    assert report.pulled["leads"] == 1 and report.pulled["calls"] == 1
    assert not report.rejected
    with b.session() as s:
        assert s.get(Lead, lead_id).company == "Acme"
        assert s.get(Call, call_id).outcome == "success"
        assert s.scalar(select(func.count()).select_from(Phone)) == 1
        # each workstation seeded its own default funnel: merged onto one id
        assert s.scalar(select(func.count()).select_from(Funnel)) == 1
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 0  # no echo
    with a.session() as s:
        lead_a = s.get(Lead, lead_id)
        assert lead_a.revision > 0  # revision written back
    with b.session() as s:  # pulled values read back exactly (types, time zone, JSON)
        lead_b = s.get(Lead, lead_id)
        assert (lead_b.updated_at, lead_b.created_at, lead_b.revision, lead_b.shared_pool,
                lead_b.extra) == (lead_a.updated_at, lead_a.created_at, lead_a.revision, True,
                                  None)
        ev = s.scalar(select(HistoryEvent))
        assert ev.data is None and ev.call_id == call_id
    b.syncer.reset_cursors()  # a full pull again: same rows, nothing new, nothing doubled
    again = b.sync()
    assert again.pulled["leads"] == 1 and again.pulled["calls"] == 1
    with b.session() as s:
        assert s.scalar(select(func.count()).select_from(Call)) == 1


def test_replaying_a_batch_changes_nothing(shared_db, make_workstation):
    alice = shared_db.add_user("alice")
    a = make_workstation(alice)
    lead_id, call_id = _new_lead(a, _team_id(shared_db, alice))
    a.sync()
    admin = shared_db.engine()
    snap = "SELECT string_agg(id::text || ':' || revision, ',' ORDER BY id) FROM {}"
    with admin.connect() as c:
        before = {t: c.scalar(text(snap.format(t))) for t in ("leads", "calls", "history_events")}
    with a.store.engine.begin() as c:  # the same changes queued again (a crash before delete)
        record_bulk(c, "leads", [lead_id])
        record_bulk(c, "calls", [call_id])
        rows = c.execute(select(HistoryEvent.id)).scalars().all()
        record_bulk(c, "history_events", rows)
    a.sync()
    with admin.connect() as c:
        after = {t: c.scalar(text(snap.format(t))) for t in ("leads", "calls", "history_events")}
    assert after == before


@pytest.mark.parametrize("offline_is_later", [False, True])
def test_offline_edit_conflict_keeps_both_values(shared_db, make_workstation, offline_is_later):
    alice, bob = shared_db.add_user("alice"), shared_db.add_user("bob")
    a, b = make_workstation(alice), make_workstation(bob)
    lead_id, _ = _new_lead(a, _team_id(shared_db, alice))
    a.sync()
    b.sync()

    def edit(ws, notes):
        with ws.session() as s, s.begin():
            s.get(Lead, lead_id).notes = notes
        time.sleep(0.01)

    # b is offline (does not sync) while both edit the same field
    if offline_is_later:
        edit(a, "from A online")
        a.sync()
        edit(b, "from B offline")
    else:
        edit(b, "from B offline")
        edit(a, "from A online")
        a.sync()
    report = b.sync()  # b comes back
    assert report.conflicts == 1
    a.sync()
    later = "from B offline" if offline_is_later else "from A online"
    earlier = "from A online" if offline_is_later else "from B offline"
    for ws in (a, b):
        with ws.session() as s:
            assert s.get(Lead, lead_id).notes == later
            ev = s.scalars(select(HistoryEvent).where(HistoryEvent.kind == "field_change",
                                                      HistoryEvent.lead_id == lead_id)).all()
            assert [(e.field, e.old_value, e.new_value) for e in ev] == [
                ("notes", earlier, later)]
    with shared_db.engine().connect() as c:
        assert c.scalar(text("SELECT notes FROM leads WHERE id = :i"), {"i": lead_id}) == later


def test_one_statement_push_keeps_json_times_and_is_idempotent(shared_db, make_workstation):
    """Calls, history and tasks go as one statement (jsonb rows): JSON lists and
    objects, aware times, booleans and numbers arrive unchanged; a replay changes
    nothing."""
    from datetime import datetime, timezone

    from workstation.store.models import Task

    alice, bob = shared_db.add_user("alice"), shared_db.add_user("bob")
    a, b = make_workstation(alice), make_workstation(bob)
    lead_id, _ = _new_lead(a, _team_id(shared_db, alice))
    a.sync()
    b.sync()
    due = datetime(2026, 3, 4, 5, 6, 7, 891011, tzinfo=timezone.utc)
    with a.session() as s, s.begin():
        call = Call(lead_id=lead_id, user_id=alice.id, direction="out", outcome="success",
                    tools=["presentation", "offer"], script_path=[{"step": "a"}, "b"],
                    talk_seconds=12.5, effective=True, ended_at=due, notes="quote ' \" \\ ü")
        s.add(call)
        s.flush()
        s.add(HistoryEvent(lead_id=lead_id, call_id=call.id, user_id=alice.id, kind="call",
                           data={"result": "positive", "n": 3, "nested": {"x": None}}))
        s.add(Task(lead_id=lead_id, owner_id=alice.id, title="call back", due_at=due))
        call_id = call.id
    before = a.syncer.timings["push_one_statement"]
    assert a.sync().pushed["calls"] == 1
    assert a.syncer.timings["push_one_statement"] == before + 1
    b.sync()
    with b.session() as s:
        c = s.get(Call, call_id)
        assert (c.tools, c.script_path, c.talk_seconds, c.effective, c.notes) == (
            ["presentation", "offer"], [{"step": "a"}, "b"], 12.5, True, "quote ' \" \\ ü")
        assert c.ended_at == due and c.revision > 0
        ev = s.scalars(select(HistoryEvent).where(HistoryEvent.call_id == call_id)).one()
        assert ev.data == {"result": "positive", "n": 3, "nested": {"x": None}}
    with shared_db.engine().connect() as sc:
        rev = sc.scalar(text("SELECT revision FROM calls WHERE id = :i"), {"i": call_id})
        assert sc.scalar(text("SELECT due_at FROM tasks WHERE title = 'call back'")) == due
    with a.session() as s, s.begin():  # replay the same rows: nothing changes
        record_bulk(s, "calls", [call_id])
        record_bulk(s, "history_events", [ev.id])
    a.sync()
    with shared_db.engine().connect() as sc:
        assert sc.scalar(text("SELECT revision FROM calls WHERE id = :i"), {"i": call_id}) == rev
        assert sc.scalar(text("SELECT count(*) FROM history_events WHERE call_id = :i"),
                         {"i": call_id}) == 1
