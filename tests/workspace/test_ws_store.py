"""Workspace store services against a real SQLite store: screen-pop lookup,
wrap-up (one transaction), attempts rule and restore, history, My day,
reminders, hand-over, effective calls, script versions, the Interest card."""

import json
import os
import signal
import subprocess
import sys
import textwrap
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from ws_builders import add_lead, add_user, utc

from workstation.domain.phones import PhoneError
from workstation.domain.scripts import Script as ScriptDef
from workstation.store import common, handover, history, interest, kpi, myday, pop, stages, wrapup
from workstation.store import scripts as store_scripts
from workstation.store.models import (
    Call,
    FunnelStage,
    HistoryEvent,
    KpiPlan,
    Lead,
    OutboxEntry,
    Script,
    Task,
    Team,
)
from workstation.store.scripts_seed import ensure_sample_scripts
from workstation.store.wrapup import TaskSpec, WrapUp, save_wrapup


@pytest.fixture
def s(store):
    with store.session() as session:
        yield session


def stage_of(s, lead_id):
    return s.scalar(select(FunnelStage.code).join(Lead, Lead.stage_id == FunnelStage.id)
                    .where(Lead.id == lead_id))


def counts(s):
    return {m.__tablename__: s.scalar(select(func.count()).select_from(m))
            for m in (Call, HistoryEvent, Task, OutboxEntry)}


@pytest.mark.parametrize("text", ["+380 67 123 45 67", "380671234567", "0671234567",
                                  "067-123-45-67", "(067) 123 45 67",
                                  '"Olena" <sip:+380671234567@pbx.local;user=phone>',
                                  "sip:0671234567@10.0.0.1"])
def test_lookup_any_format(s, text):
    lead = add_lead(s, phone_list=("+380671234567", "0442223344"))
    add_lead(s, company="Other", phone_list=("0501112233",))
    s.commit()
    [m] = pop.lookup_by_phone(s, text)
    assert m.lead_id == lead and m.company == "Acme Ltd" and m.contact == "Olena Test"
    assert m.phones == ("+380671234567", "+380442223344")
    assert m.to_json()["id"] == str(lead)


def test_lookup_several_and_none(s):
    a = add_lead(s, company="Beta", phone_list=("0671234567",))
    b = add_lead(s, company="Alpha", contact="", phone_list=("0671234567",))
    s.commit()
    matches = pop.lookup_by_phone(s, "0671234567")
    assert [m.lead_id for m in matches] == [b, a]
    assert matches[0].contact == ""
    assert pop.lookup_by_phone(s, "0999999999") == []
    with pytest.raises(PhoneError):
        pop.lookup_by_phone(s, "hello")


def test_lookup_uses_indexes_only(s):
    stmt = pop._lookup_statement()
    sql = str(stmt.compile(s.get_bind(), compile_kwargs={"literal_binds": False}))
    plan = " | ".join(str(r[-1]) for r in s.connection().exec_driver_sql(
        "EXPLAIN QUERY PLAN " + sql, ("+380671234567",)).all())
    assert "ix_phones_e164" in plan and "ix_phones_lead_id" in plan, plan
    assert "ix_contacts_lead_id" in plan, plan
    assert "SCAN" not in plan.replace("SCAN CONSTANT", ""), plan


def test_wrapup_updates_the_call_row_and_writes_event_lead_task(s):
    user = add_user(s)
    lead = add_lead(s, owner_id=user)
    call = Call(direction="out", remote_number="0671234567", user_id=user, lead_id=lead,
                started_at=utc(2026, 3, 2, 9), answered_at=utc(2026, 3, 2, 9, 0, 10),
                ended_at=utc(2026, 3, 2, 9, 3), outcome="success", talk_seconds=170,
                recording_path="/rec/a.wav", sip_status=200)
    s.add(call)
    s.commit()
    nxt = utc(2026, 3, 5, 10)
    saved = save_wrapup(s, WrapUp(
        lead_id=lead, user_id=user, call_id=call.id, result="positive", lead_type="interested",
        notes="Wants a presentation", tools=["presentation", "decision_maker"],
        next_contact_at=nxt, remind_before_minutes=15, new_deal=True,
        script_path=[{"step": "greeting", "at": "x"}], wrapup_seconds=12.5,
        tasks=[TaskSpec("Send the offer", utc(2026, 3, 3, 12))]), now=utc(2026, 3, 2, 9, 4))
    s.expire_all()
    assert saved.call_id == call.id and saved.effective
    assert s.scalar(select(func.count()).select_from(Call)) == 1
    c = s.get(Call, call.id)
    assert (c.result, c.tools, c.notes, c.wrapup_seconds, c.sip_status) == \
        ("positive", ["presentation", "decision_maker"], "Wants a presentation", 12.5, 200)
    assert c.script_path == [{"step": "greeting", "at": "x"}] and c.effective
    ld = s.get(Lead, lead)
    assert ld.lead_type == "interested" and ld.next_contact_at == nxt and ld.remind
    assert stage_of(s, lead) == "interest"  # new deal: into the deal funnel
    kinds = [e.kind for e in s.scalars(select(HistoryEvent).where(HistoryEvent.lead_id == lead))]
    assert sorted(kinds) == ["call", "stage_change", "type_change"]
    tasks = {t.title: t for t in s.scalars(select(Task).where(Task.lead_id == lead))}
    assert tasks["Call back"].due_at == nxt
    assert tasks["Call back"].remind_at == nxt - timedelta(minutes=15)
    assert "Send the offer" in tasks
    # the outbox got every changed row in the same transaction
    tables = set(s.scalars(select(OutboxEntry.table_name)))
    assert {"calls", "history_events", "leads", "tasks"} <= tables


def test_wrapup_inserts_call_when_telephony_made_none(s):
    user = add_user(s)
    lead = add_lead(s, owner_id=user)
    s.commit()
    saved = save_wrapup(s, WrapUp(lead_id=lead, user_id=user, outcome="success",
                                  direction="in", remote_number="0671234567",
                                  talk_seconds=20, result="undefined",
                                  reason="call_later"))
    c = s.get(Call, saved.call_id)
    assert c.remote_e164 == "+380671234567" and c.direction == "in" and not c.effective


@pytest.mark.parametrize("kw, field", [
    ({"result": "negative"}, "reason"),
    ({"result": "satisfactory", "reason": "x", "new_deal": True}, "new_deal"),
    ({"result": "great"}, "result"),
    ({"lead_type": "warm"}, "lead_type"),
    ({"tools": ["coffee"]}, "tools"),
])
def test_wrapup_rejects_bad_input(s, kw, field):
    user = add_user(s)
    lead = add_lead(s)
    s.commit()
    before = counts(s)
    with pytest.raises(common.WorkspaceError, match=field):
        save_wrapup(s, WrapUp(lead_id=lead, user_id=user, outcome="success", **kw))
    assert counts(s) == before


@pytest.mark.parametrize("where", ["call", "event", "lead"])
def test_wrapup_error_between_steps_writes_nothing(s, monkeypatch, where):
    user = add_user(s)
    lead = add_lead(s, owner_id=user)
    call = Call(direction="out", user_id=user, lead_id=lead, outcome="success", talk_seconds=90)
    s.add(call)
    s.commit()
    before = counts(s)

    def boom(step):
        if step == where:
            raise RuntimeError("power cut")
    monkeypatch.setattr(wrapup, "_between_steps", boom)
    with pytest.raises(RuntimeError):
        save_wrapup(s, WrapUp(lead_id=lead, user_id=user, call_id=call.id,
                              result="positive", lead_type="interested", new_deal=True,
                              next_contact_at=utc(2026, 3, 5, 10)))
    s.rollback()
    s.expire_all()
    assert counts(s) == before
    assert s.get(Call, call.id).result is None
    assert s.get(Lead, lead).lead_type is None and stage_of(s, lead) == "not_aware"


KILL_CHILD = textwrap.dedent("""
    import os, signal, sys, uuid
    from datetime import datetime, timezone
    from workstation.store.db import Store
    from workstation.store import wrapup
    from workstation.store.wrapup import WrapUp, save_wrapup
    store = Store(path=sys.argv[1])
    def kill(step):
        if step == sys.argv[4]:
            os.kill(os.getpid(), signal.SIGKILL)
    wrapup._between_steps = kill
    with store.session() as s:
        save_wrapup(s, WrapUp(lead_id=uuid.UUID(sys.argv[2]), user_id=uuid.UUID(sys.argv[3]),
                              outcome="success", talk_seconds=80, result="positive",
                              lead_type="interested", new_deal=True, notes="killed",
                              next_contact_at=datetime(2026, 3, 5, 10, tzinfo=timezone.utc)))
    print("saved")
""")


@pytest.mark.slow
@pytest.mark.parametrize("where", ["event", "lead", "never"])
def test_wrapup_sigkill_between_steps_leaves_nothing_half_written(store, where):
    with store.session() as s:
        user = add_user(s)
        lead = add_lead(s, owner_id=user)
        s.commit()
        before = counts(s)
    db_path = store.engine.url.database
    store.dispose()
    proc = subprocess.run([sys.executable, "-c", KILL_CHILD, db_path, str(lead), str(user),
                           where], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    with store.session() as s:
        after = counts(s)
        if where == "never":
            assert proc.returncode == 0, proc.stderr
            assert after["calls"] == before["calls"] + 1 and after["history_events"] >= 3
            assert s.get(Lead, lead).lead_type == "interested"
        else:
            assert proc.returncode == -signal.SIGKILL, proc.stderr
            assert after == before
            assert s.get(Lead, lead).lead_type is None and stage_of(s, lead) == "not_aware"


def failed_call(s, user, lead, when, now=None):
    return save_wrapup(s, WrapUp(lead_id=lead, user_id=user, direction="out",
                                 outcome="no_answer", started_at=when, ended_at=when),
                    now=now or when, tz=TZ)


TZ = __import__("datetime").timezone(timedelta(hours=2))


def test_attempts_rule_refuses_then_incoming_call_restores(s):
    user = add_user(s)
    lead = add_lead(s, owner_id=user, stage="offer")
    s.commit()
    days = [(2, 7), (3, 11), (4, 14), (5, 8), (6, 13)]  # UTC hours: local 9,13,16,10,15
    results = [failed_call(s, user, lead, utc(2026, 3, d, h)) for d, h in days[:4]]
    assert not any(r.refused_by_attempts for r in results)
    assert results[-1].next_attempt_at is not None
    assert stage_of(s, lead) == "offer" and s.get(Lead, lead).attempts == 4
    # a same-day redial does not count
    assert not failed_call(s, user, lead, utc(2026, 3, 5, 12)).refused_by_attempts
    last = failed_call(s, user, lead, utc(2026, 3, *days[4]))
    assert last.refused_by_attempts and stage_of(s, lead) == "refused"
    ev = s.scalars(select(HistoryEvent).where(HistoryEvent.lead_id == lead,
                                              HistoryEvent.new_value == "refused")).one()
    assert ev.old_value == "offer" and ev.data["reason"] == "no_contact"
    assert s.get(Lead, lead).next_contact_at is None
    # the client calls in: restored to where it was
    saved = save_wrapup(s, WrapUp(lead_id=lead, user_id=user, direction="in",
                                  outcome="success", talk_seconds=100, notes="called back"),
                     now=utc(2026, 3, 20, 9))
    assert saved.restored_stage == "offer" and stage_of(s, lead) == "offer"
    assert s.get(Lead, lead).attempts == 0


def test_restore_if_refused_service(s):
    user = add_user(s)
    lead = add_lead(s, owner_id=user, stage="refused")
    other = add_lead(s, company="B", phone_list=("0501112233",), stage="aware")
    s.commit()
    assert stages.restore_if_refused(s, lead, user) == "aware"
    assert stage_of(s, lead) == "aware"
    assert stages.restore_if_refused(s, other, user) is None


def test_answered_call_resets_attempts(s):
    user = add_user(s)
    lead = add_lead(s, owner_id=user)
    s.commit()
    for d in (2, 3, 4, 5):
        failed_call(s, user, lead, utc(2026, 3, d, 8 + d))
    save_wrapup(s, WrapUp(lead_id=lead, user_id=user, outcome="success", talk_seconds=5,
                          started_at=utc(2026, 3, 6, 9), result="undefined",
                          reason="call_later"), now=utc(2026, 3, 6, 9, 1))
    assert s.get(Lead, lead).attempts == 0
    r = failed_call(s, user, lead, utc(2026, 3, 9, 9))
    assert not r.refused_by_attempts and s.get(Lead, lead).attempts == 1


def test_history_newest_first_with_manager_names(s):
    anna = add_user(s)
    ivan = add_user(s, login="ivan", full_name="Ivan Seller")
    lead = add_lead(s, owner_id=anna)
    c1 = Call(direction="out", user_id=anna, lead_id=lead, outcome="success", talk_seconds=61,
              recording_path="/rec/1.wav", started_at=utc(2026, 3, 2, 9))
    s.add(c1)
    s.commit()
    save_wrapup(s, WrapUp(lead_id=lead, user_id=anna, call_id=c1.id, result="undefined",
                          reason="call_later", notes="first"), now=utc(2026, 3, 2, 9, 5))
    save_wrapup(s, WrapUp(lead_id=lead, user_id=ivan, direction="in", outcome="success",
                          talk_seconds=30, started_at=utc(2026, 3, 3, 9),
                          ended_at=utc(2026, 3, 3, 9, 1), notes="second"))
    rows = history.history_for_lead(s, lead, limit=10)
    calls = [r for r in rows if r.kind == "call"]
    assert [r.notes for r in calls] == ["second", "first"]
    assert calls[0].manager == "Ivan Seller" and calls[0].direction == "in"
    assert calls[1].recording_path == "/rec/1.wav" and calls[1].talk_seconds == 61
    assert [r.at for r in rows] == sorted((r.at for r in rows), reverse=True)
    assert len(history.history_for_lead(s, lead, limit=1)) == 1


def test_my_day_queue_buckets_and_priority(s):
    user = add_user(s)
    now = utc(2026, 3, 2, 10)
    due_hot = add_lead(s, company="Due hot", phone_list=("0670000001",), owner_id=user,
                       lead_type="interested")
    due_cold = add_lead(s, company="Due hypo", phone_list=("0670000002",), owner_id=user,
                        lead_type="hypothetical")
    overdue = add_lead(s, company="Overdue", phone_list=("0670000003",), owner_id=user,
                       lead_type="potential")
    new = add_lead(s, company="New", phone_list=("0670000004",), owner_id=user)
    add_lead(s, company="Never", phone_list=("0670000005",), owner_id=user,
             lead_type="not_interested", next_contact_at=now)
    add_lead(s, company="Refused", phone_list=("0670000006",), owner_id=user, stage="refused")
    someone = add_user(s, login="x")
    add_lead(s, company="Not mine", phone_list=("0670000007",), owner_id=someone)
    for lead, due in ((due_cold, now - timedelta(minutes=5)), (due_hot, now + timedelta(minutes=5)),
                      (overdue, now - timedelta(hours=3))):
        s.add(Task(lead_id=lead, owner_id=user, kind="callback", title="Call back", due_at=due))
    s.commit()
    q = myday.my_day_queue(s, user, now)
    assert [(i.bucket, i.company) for i in q] == [
        ("due_now", "Due hot"), ("due_now", "Due hypo"), ("overdue", "Overdue"), ("new", "New")]
    assert q[0].phone == "+380670000001" and q[0].contact == "Olena Test" and q[0].task_id
    assert new == q[-1].lead_id


def test_reminders_due_snooze_dismiss(s):
    user = add_user(s)
    lead = add_lead(s, owner_id=user)
    s.commit()
    now = utc(2026, 3, 2, 10)
    saved = save_wrapup(s, WrapUp(lead_id=lead, user_id=user, outcome="success",
                                  talk_seconds=70, result="satisfactory",
                                  reason="call_later", next_contact_at=now +
                                  timedelta(minutes=30), remind_before_minutes=10),
                     now=now)
    assert myday.due_reminders(s, user, now) == []
    [r] = myday.due_reminders(s, user, now + timedelta(minutes=20))
    assert r.task_id in saved.task_ids and r.company == "Acme Ltd"
    myday.snooze(s, r.task_id, 5, now=now + timedelta(minutes=20))
    assert myday.due_reminders(s, user, now + timedelta(minutes=24)) == []
    assert len(myday.due_reminders(s, user, now + timedelta(minutes=25))) == 1
    myday.dismiss_reminder(s, r.task_id)
    assert myday.due_reminders(s, user, now + timedelta(hours=5)) == []
    with pytest.raises(common.WorkspaceError, match="minutes"):
        myday.snooze(s, r.task_id, 0)


def test_hand_over_to_manager_and_team(s):
    anna = add_user(s)
    team = Team(name="Field sales")
    s.add(team)
    s.flush()
    boris = add_user(s, login="boris", full_name="Boris", team_id=team.id)
    lead = add_lead(s, owner_id=anna)
    s.add(Task(lead_id=lead, owner_id=anna, title="Call back", due_at=utc(2026, 3, 3, 9)))
    s.commit()
    handover.hand_over(s, lead, to_user_id=boris, note="Large revenue: field sales",
                 by_user_id=anna)
    s.expire_all()
    ld = s.get(Lead, lead)
    assert ld.owner_id == boris and ld.team_id == team.id
    assert s.scalar(select(Task.owner_id).where(Task.lead_id == lead)) == boris
    ev = s.scalars(select(HistoryEvent).where(HistoryEvent.kind == "handover")).one()
    assert ev.text == "Large revenue: field sales" and ev.data["to_user"] == str(boris)
    handover.hand_over(s, lead, to_team_id=team.id, note="to the team pool", by_user_id=boris)
    s.expire_all()
    assert s.get(Lead, lead).owner_id is None and s.get(Lead, lead).shared_pool
    with pytest.raises(common.WorkspaceError, match="note"):
        handover.hand_over(s, lead, to_user_id=anna, note=" ")
    with pytest.raises(common.WorkspaceError, match="exactly one"):
        handover.hand_over(s, lead, note="x")


def test_effective_calls_today_and_plan(s):
    user = add_user(s)
    lead = add_lead(s, owner_id=user)
    s.commit()
    now = utc(2026, 3, 2, 12)
    for minutes, talk, result, reason in ((0, 90, None, ""), (10, 10, "negative", "no_need"),
                                          (20, 10, "undefined", "call_later")):
        t = now - timedelta(minutes=minutes)
        save_wrapup(s, WrapUp(lead_id=lead, user_id=user, outcome="success",
                              talk_seconds=talk, result=result, reason=reason,
                              started_at=t, ended_at=t), now=t)
    failed_call(s, user, lead, now - timedelta(minutes=30))
    yesterday = now - timedelta(days=1)
    save_wrapup(s, WrapUp(lead_id=lead, user_id=user, outcome="success", talk_seconds=300,
                          started_at=yesterday, ended_at=yesterday), now=yesterday)
    assert kpi.effective_calls_today(s, user, now, tz=TZ) == 2
    p = kpi.effective_progress(s, user, now, tz=TZ)
    assert (p.done, p.target) == (2, 30)
    s.add(KpiPlan(user_id=user, metric="effective_calls", period="day", target=25))
    s.commit()
    assert kpi.daily_plan(s, user) == 25


def test_script_versions_and_call_keeps_its_version(s):
    ensure_sample_scripts(s)
    s.commit()
    assert ensure_sample_scripts(s) == []  # idempotent
    sid, script = store_scripts.active_script(s, topic="Financial consulting")
    assert script.version == 1
    data = script.to_dict()
    data["steps"][0]["text"] = "Hello {contact}! New greeting."
    row = store_scripts.save_script_version(s, ScriptDef.from_dict(data))
    assert row.version == 2
    sid2, script2 = store_scripts.active_script(s, code=script.code)
    assert sid2 == row.id and script2.steps[script.start].text.startswith("Hello")
    assert s.get(Script, sid).is_active is False
    assert store_scripts.script_by_id(s, sid).version == 1  # the old version stays readable
    user = add_user(s)
    lead = add_lead(s, owner_id=user)
    s.commit()
    saved = save_wrapup(s, WrapUp(lead_id=lead, user_id=user, outcome="success",
                                  talk_seconds=70, script_id=sid))
    assert s.get(Call, saved.call_id).script_id == sid
    bad = script.to_dict()
    bad["steps"][0]["answers"][0]["next"] = "nowhere"
    with pytest.raises(Exception, match="leads to missing step 'nowhere'"):
        store_scripts.save_script_version(s, ScriptDef.from_dict(bad, validate=False))


def test_interest_card_becomes_a_lead(s):
    user = add_user(s)
    call = Call(direction="in", remote_number="+380 93 555 44 33", user_id=user,
                outcome="success")
    s.add(call)
    s.commit()
    assert pop.lookup_by_phone(s, "0935554433") == []
    lead_id = interest.create_lead_from_interest(s, phone="+380 93 555 44 33", user_id=user,
                                           company="Newco", contact_name="Petro Sample",
                                           call_id=call.id, at=utc(2026, 3, 2, 9))
    [m] = pop.lookup_by_phone(s, "093 555 44 33")
    assert m.lead_id == lead_id and m.contact == "Petro Sample" and m.stage == "interest"
    assert s.get(Call, call.id).lead_id == lead_id
    ld = s.get(Lead, lead_id)
    assert ld.owner_id == user and ld.source == "incoming call"
    [ev] = history.history_for_lead(s, lead_id)
    assert ev.call_id == call.id
    with pytest.raises(common.WorkspaceError, match="already belongs"):
        interest.create_lead_from_interest(s, phone="0935554433", user_id=user, company="Dup")
    with pytest.raises(common.WorkspaceError, match="phone"):
        interest.create_lead_from_interest(s, phone="12", user_id=user, company="Bad")


def test_cli_leads_find(store, isolated_home):
    with store.session() as s:
        lead = add_lead(s, phone_list=("0671234567",))
        s.commit()
    env = {**os.environ}
    cfg_dir = isolated_home / "config" / "workstation"
    cfg_dir.mkdir(parents=True, exist_ok=True)
    (cfg_dir / "config.json").write_text(json.dumps(
        {"schema": 1, "values": {"db.local_path": store.engine.url.database}}))
    out = subprocess.run([sys.executable, "-m", "workstation", "leads", "find",
                          "+380 (67) 123-45-67"], capture_output=True, text=True, env=env,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data == [{"id": str(lead), "company": "Acme Ltd", "contact": "Olena Test",
                     "phones": ["+380671234567"]}]
    bad = subprocess.run([sys.executable, "-m", "workstation", "leads", "find", "abc"],
                         capture_output=True, text=True, env=env, timeout=120)
    assert bad.returncode == 2 and "PHONE" in bad.stderr
    assert uuid.UUID(data[0]["id"])
