"""The funnel marks the local store keeps by triggers (store.funnelmarks) follow every
way a stage changes: the wrap-up, the card, ``stages.set_stage``, an import, a change
pulled from the shared database, an event out of order or deleted, a stage moved in
its funnel. After each, every figure read from the marks equals the history walk
(``from_history=True``, the queries the shared database runs) and the kept rows
equal a fresh backfill (what migration 0015 writes)."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

import funnel_data
from workstation.store import funnel as q
from workstation.store import funnelmarks, leads, stages, wrapup
from workstation.store.models import FunnelLead, FunnelStage, FunnelStay, HistoryEvent, Lead
from workstation.store.types import utcnow


@pytest.fixture
def known(store):
    with Session(store.engine) as s, s.begin():
        k = funnel_data.build(s)
    return k


def kept(store) -> tuple[set, set]:
    with store.engine.connect() as c:
        stays = set(c.execute(text("SELECT * FROM funnel_stays")).all())
        marks = set(c.execute(text("SELECT * FROM funnel_leads")).all())
    return stays, marks


def assert_kept_equals_backfill(store) -> None:
    before = kept(store)
    with store.engine.begin() as c:
        funnelmarks.backfill(c)
    assert kept(store) == before
    assert before[0] and before[1]


def filters(k) -> list[q.LeadFilter]:
    return [q.LeadFilter(k.funnel), q.LeadFilter(k.funnel, team_id=k["team_a"]),
            q.LeadFilter(k.funnel, owner_id=k["m1"]),
            q.LeadFilter(k.funnel, source="youcontrol"),
            q.LeadFilter(k.funnel, created_from=funnel_data.day(35)),
            q.LeadFilter(k.cold)]


def assert_same_as_history(store, k) -> None:
    later = utcnow() + timedelta(days=1)
    with store.session() as s:
        assert q.marked(s) and not q.marked(s, from_history=True)
        codes = [st.code for st in q.stages(s, k.funnel)]
        for f in filters(k):
            for fn in (q.furthest_positions, q.median_stay_seconds):
                assert fn(s, f) == fn(s, f, from_history=True), (fn.__name__, f)
            assert q.stuck_leads(s, f, later) == q.stuck_leads(s, f, later, from_history=True)
            for both in (q.stages_and_furthest, q.type_counts_both):
                assert both(s, f) == both(s, f, from_history=True), (both.__name__, f)
            assert q.stages_and_furthest(s, f) == (q.leads_per_stage(s, f, from_history=True),
                                                   q.furthest_positions(s, f))
            assert q.type_counts_both(s, f) == (q.type_counts(s, f, "source"),
                                                q.type_counts(s, f, "owner", from_history=True))
            for pos in range(1, 6):
                assert q.lead_ids_reached(s, f, pos, 100) == \
                    q.lead_ids_reached(s, f, pos, 100, from_history=True)
            for code in codes:
                assert q.lead_ids_with_stay(s, f, code, 100) == \
                    q.lead_ids_with_stay(s, f, code, 100, from_history=True)


def mark(store, lead_id):
    with store.session() as s:
        return s.get(FunnelLead, lead_id)


def stays_of(store, lead_id) -> list[str]:
    """The codes of the lead's finished stays, in the order of its changes."""
    with store.session() as s:
        return [r.code for r in s.scalars(
            select(FunnelStay).join(HistoryEvent, HistoryEvent.id == FunnelStay.event_id)
            .where(FunnelStay.lead_id == lead_id).order_by(HistoryEvent.at))]


def test_the_known_set_reads_the_same_from_the_marks(store, known):
    # L1: new>contact d30, >presale d20, >offer d10: three finished stays, at offer (4)
    assert stays_of(store, known["L1"]) == ["new", "contact", "presale"]
    with store.session() as s:  # the first began when the lead was created (d40)
        first = s.scalars(select(FunnelStay.d).where(FunnelStay.lead_id == known["L1"],
                                                     FunnelStay.code == "new")).one()
    assert first == pytest.approx(10 * 86400)
    m = mark(store, known["L1"])
    assert m.furthest == 4 and m.entered_at == funnel_data.day(10)
    assert mark(store, known["L8"]).furthest == 3  # presale, then back to contact
    m5 = mark(store, known["L5"])  # no change: since created, at its stage now
    assert (m5.entered_at, m5.furthest) == (funnel_data.day(5), 1)
    assert_same_as_history(store, known)
    assert_kept_equals_backfill(store)


def test_a_wrapup_that_moves_the_stage_updates_the_marks(store, known):
    now = utcnow()
    with store.session() as s:
        wrapup.save_wrapup(s, wrapup.WrapUp(
            lead_id=known["L2"], user_id=known["m1"], outcome="success", talk_seconds=60,
            result="positive", stage="offer"), now=now)
    m = mark(store, known["L2"])
    assert m.furthest == 4 and m.entered_at == now
    assert stays_of(store, known["L2"]) == ["new", "contact"]
    with store.session() as s:
        assert q.median_stay_seconds(s, q.LeadFilter(known.funnel, owner_id=known["m1"])
                                     )["contact"][1] == 3  # L1, L7 and now L2
    assert_same_as_history(store, known)
    assert_kept_equals_backfill(store)


def test_a_card_edit_and_set_stage_update_the_marks(store, known):
    now = utcnow()
    with store.session() as s, s.begin():
        data = leads.load(s, known["L5"])
        data.stage_id = known.stage["presale"]
        leads.save(s, data, user_id=known["m3"], now=now)
    m = mark(store, known["L5"])
    assert m.furthest == 3 and m.entered_at == now
    assert stays_of(store, known["L5"]) == ["new"]
    later = now + timedelta(hours=2)
    with store.session() as s, s.begin():
        stages.set_stage(s, s.get(Lead, known["L5"]), "refused", known["m3"], later)
    m = mark(store, known["L5"])
    assert m.furthest == 3 and m.entered_at == later  # refused is not on the main line
    assert stays_of(store, known["L5"])[-1] == "presale"
    assert_same_as_history(store, known)
    assert_kept_equals_backfill(store)


def test_an_event_out_of_order_or_deleted_and_a_moved_stage(store, known):
    lead_id = known["L4"]  # new>contact d19, >presale d15, >offer d12, >signed d5
    with store.session() as s, s.begin():  # arrives late (offline elsewhere): d17, between
        s.add(HistoryEvent(id=uuid.uuid4(), lead_id=lead_id, kind="stage_change",
                           at=funnel_data.day(17), field="stage", old_value="contact",
                           new_value="contact"))
    assert stays_of(store, lead_id) == ["new", "contact", "contact", "presale", "offer"]
    assert_same_as_history(store, known)
    assert_kept_equals_backfill(store)
    with store.session() as s, s.begin():  # the last change is withdrawn
        ev = s.scalar(select(HistoryEvent).where(HistoryEvent.lead_id == lead_id,
                                                 HistoryEvent.new_value == "signed"))
        ev.deleted = True
    m = mark(store, lead_id)
    assert m.furthest == 5 and m.entered_at == funnel_data.day(12)  # still at signed
    assert_same_as_history(store, known)
    with store.session() as s, s.begin():  # "presale" moves behind "signed"
        s.scalar(select(FunnelStage).where(FunnelStage.id == known.stage["presale"])
                 ).position = 9
    assert mark(store, known["L1"]).furthest == 9
    assert_same_as_history(store, known)
    assert_kept_equals_backfill(store)


def test_an_import_then_a_move(store, known, tmp_path):
    from workstation.importer.importer import ImportOptions, run_import

    base = tmp_path / "base.csv"
    base.write_text("company,phone\n" + "".join(
        f"Imported {i},+38044{1000000 + i}\n" for i in range(40)), encoding="utf-8")
    result = run_import(store, base, ImportOptions(owner_id=known["m1"]))
    assert result.inserted == 40
    with store.session() as s:
        new = list(s.scalars(select(Lead.id).where(Lead.company.like("Imported %"))))
        fid = s.get(Lead, new[0]).funnel_id
    assert {(mark(store, i).furthest, mark(store, i).owner_id) for i in new} \
        == {(1, known["m1"])}  # a first stage is no change
    with store.session() as s, s.begin():
        first = q.stages(s, fid)[1].code
        stages.set_stage(s, s.get(Lead, new[0]), first, known["m1"], utcnow())
    assert mark(store, new[0]).furthest == 2
    later = utcnow() + timedelta(days=1)
    with store.session() as s:
        for f in (q.LeadFilter(fid), q.LeadFilter(fid, owner_id=known["m1"])):
            assert q.furthest_positions(s, f) == q.furthest_positions(s, f, from_history=True)
            assert q.median_stay_seconds(s, f) == \
                q.median_stay_seconds(s, f, from_history=True)
            assert q.stuck_leads(s, f, later) == q.stuck_leads(s, f, later, from_history=True)
    assert_kept_equals_backfill(store)


@pytest.mark.pg
def test_a_stage_change_pulled_from_the_shared_db_updates_the_marks(shared_db,
                                                                    make_workstation):
    alice, bob = shared_db.add_user("alice"), shared_db.add_user("bob")
    a, b = make_workstation(alice), make_workstation(bob)
    a.sync()
    b.sync()
    with shared_db.engine().connect() as c:
        team = c.scalar(text("SELECT team_id FROM users WHERE login = :l"), {"l": alice.login})
    assert team is not None
    with a.session() as s, s.begin():
        lead = Lead(company="Moving Co", team_id=team, shared_pool=True,
                    created_at=utcnow() - timedelta(days=5))
        s.add(lead)
        s.flush()
        fid = stages.default_funnel_id(s)
        codes = [st.code for st in q.stages(s, fid)]
        lead.funnel_id, lead.stage_id = fid, stages.stage_by_code(s, fid, codes[0]).id
        lead_id = lead.id
        stages.set_stage(s, lead, codes[1], alice.id, utcnow() - timedelta(days=3))
    a.sync()
    b.sync()
    with b.session() as s:
        assert s.get(Lead, lead_id) is not None
    assert stays_of(b.store, lead_id) == [codes[0]]
    assert mark(b.store, lead_id).furthest == 2
    moved = utcnow()
    with a.session() as s, s.begin():
        stages.set_stage(s, s.get(Lead, lead_id), codes[2], alice.id, moved)
    a.sync()
    report = b.sync()
    assert report.pulled["history_events"] >= 1
    assert stays_of(b.store, lead_id) == [codes[0], codes[1]]
    m = mark(b.store, lead_id)
    assert m.furthest == 3 and m.entered_at == moved
    later = utcnow() + timedelta(days=1)
    with b.session() as s:
        f = q.LeadFilter(fid)
        assert q.furthest_positions(s, f) == q.furthest_positions(s, f, from_history=True)
        assert q.median_stay_seconds(s, f) == q.median_stay_seconds(s, f, from_history=True)
        assert q.stuck_leads(s, f, later) == q.stuck_leads(s, f, later, from_history=True)
    b.syncer.reset_cursors()  # a full pull again rewrites the events: the marks stay
    before = kept(b.store)
    b.sync()
    assert kept(b.store) == before
    assert_kept_equals_backfill(b.store)
