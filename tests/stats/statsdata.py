"""A known set of calls for the statistics, on SQLite (the local store) and on
a real PostgreSQL cluster (the shared database, tests/sync/pgfixtures.py).

Team North counts days in Europe/Kyiv; 2026-03-29 is its DST change (clocks
forward at 03:00: the local day is 23 hours, 2026-03-28 22:00Z to
2026-03-29 21:00Z). Team South counts in America/New_York (UTC-4 that day).
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone


from workstation.domain.enums import HistoryKind

Z = timezone.utc
DAY = "2026-03-29"
NORTH_ZONE, SOUTH_ZONE = "Europe/Kyiv", "America/New_York"
EXPECTED_NAMES = ["Anna A", "Boris B", "Lena L", "Team"]


def at(s: str) -> datetime:
    return datetime.fromisoformat(s).replace(tzinfo=Z)


class Ids:
    def __init__(self) -> None:
        self.north, self.south = uuid.uuid4(), uuid.uuid4()
        self.anna, self.boris, self.lena, self.carl, self.root = (uuid.uuid4() for _ in range(5))
        self.lead1, self.lead2 = uuid.uuid4(), uuid.uuid4()
        self.calls: dict[str, uuid.UUID] = {}


def _call(ids: Ids, name: str, user, start: str, *, outcome=None, ring=None, talk=None,
          sip=None, ended=True, answered=False, result=None, tools=None, amount=None,
          deleted=False, lead=None) -> dict:
    cid = uuid.uuid4()
    ids.calls[name] = cid
    st = at(start)
    dur = (ring or 0) + (talk or 0)
    return dict(id=cid, user_id=user, lead_id=lead, direction="out", started_at=st,
                answered_at=st + timedelta(seconds=ring or 0) if answered else None,
                ended_at=st + timedelta(seconds=dur) if ended else None, outcome=outcome,
                ring_seconds=ring, talk_seconds=talk, sip_status=sip, result=result,
                tools=tools, invoice_amount=amount, deleted=deleted)


def build(session, ids: Ids) -> None:
    """Teams, people, calls, tasks, history of the known set (Core inserts,
    as the sync's pull writes them); then the later writes: a wrap-up edited
    through store.wrapup.save_wrapup and a call synced a second time."""
    from sqlalchemy import insert

    from workstation.store import stats as st
    from workstation.store.seed import ensure_defaults
    from workstation.store.models import Call, HistoryEvent, Lead, Task, Team, User
    from workstation.store.wrapup import WrapUp, save_wrapup

    with session.begin():
        ensure_defaults(session)  # the default funnel (won stages) and plans, as on a new store
    with session.begin():
        session.execute(insert(Team.__table__), [dict(id=ids.north, name="North"),
                                                 dict(id=ids.south, name="South")])
        session.execute(insert(User.__table__), [
            dict(id=ids.anna, login="anna", full_name="Anna A", role="manager",
                 team_id=ids.north),
            dict(id=ids.boris, login="boris", full_name="Boris B", role="manager",
                 team_id=ids.north),
            dict(id=ids.lena, login="lena", full_name="Lena L", role="teamlead",
                 team_id=ids.north),
            dict(id=ids.carl, login="carl", full_name="Carl C", role="manager",
                 team_id=ids.south),
            dict(id=ids.root, login="root", full_name="Root", role="admin", team_id=None)])
        session.execute(insert(Lead.__table__), [dict(id=ids.lead1, company="Lead One"),
                                                 dict(id=ids.lead2, company="Lead Two")])
        a, b = ids.anna, ids.boris
        calls = [
            # the evening before, across midnight: the 28th (it started then)
            _call(ids, "a_before", a, "2026-03-28T21:59:00", outcome="success", ring=10,
                  talk=300, answered=True),
            _call(ids, "a_midnight", a, "2026-03-28T22:00:00", outcome="success", ring=5,
                  talk=120, answered=True, result="positive"),
            # 23:59:59 EEST, rings into the next day: counted on the 29th
            _call(ids, "a_late", a, "2026-03-29T20:59:59", outcome="no_answer", ring=30, talk=0),
            _call(ids, "a_next_day", a, "2026-03-29T21:00:00", outcome="success", ring=1,
                  talk=500, answered=True),
            _call(ids, "a_busy", a, "2026-03-29T05:00:00", outcome="busy", ring=3, sip=486),
            # failed, outcome never written: classified from SIP 503 -> Error
            _call(ids, "a_failed", a, "2026-03-29T06:00:00", ring=2, sip=503),
            # no answer time at all
            _call(ids, "a_no_time", a, "2026-03-29T07:00:00", outcome="no_answer", sip=480),
            # still ringing: not counted
            _call(ids, "a_open", a, "2026-03-29T08:00:00", ended=False),
            _call(ids, "a_deleted", a, "2026-03-29T08:30:00", outcome="success", ring=1,
                  talk=999, answered=True, deleted=True),
            _call(ids, "a_edited", a, "2026-03-29T09:00:00", outcome="success", ring=4, talk=40,
                  answered=True, result="undefined", lead=None),
            _call(ids, "a_twice", a, "2026-03-29T10:00:00", outcome="success", ring=6, talk=30,
                  answered=True),
            _call(ids, "b_long", b, "2026-03-29T07:10:00", outcome="success", ring=2, talk=61,
                  answered=True),
            _call(ids, "b_short", b, "2026-03-29T07:20:00", outcome="success", ring=2, talk=59,
                  answered=True, result="undefined"),
            _call(ids, "b_dm", b, "2026-03-29T07:30:00", outcome="success", ring=3, talk=10,
                  answered=True, tools=["decision_maker"], lead=ids.lead1),
            _call(ids, "b_demo", b, "2026-03-29T07:40:00", outcome="success", ring=1, talk=200,
                  answered=True, tools=["demo_access", "presentation"], lead=ids.lead2),
            _call(ids, "b_noans", b, "2026-03-29T07:50:00", outcome="no_answer", ring=45,
                  sip=487),
            _call(ids, "lena_own", ids.lena, "2026-03-29T11:00:00", outcome="success", ring=5,
                  talk=70, answered=True),
            # South (New York, UTC-4): 23:30 on the 28th, then 23:30 on the 29th
            _call(ids, "c_prev", ids.carl, "2026-03-29T03:30:00", outcome="success", ring=1,
                  talk=100, answered=True),
            _call(ids, "c_in", ids.carl, "2026-03-30T03:30:00", outcome="busy", ring=2, sip=600),
        ]
        cols = set(Call.__table__.c.keys())
        session.execute(insert(Call.__table__), [{k: v for k, v in c.items() if k in cols}
                                                 for c in calls])
        task = lambda kind, owner, due, status="open": dict(  # noqa: E731
            id=uuid.uuid4(), owner_id=owner, lead_id=ids.lead1, kind=kind, title=kind,
            due_at=at(due), status=status)
        session.execute(insert(Task.__table__), [
            task("presentation", b, "2026-03-29T12:00:00"),
            task("presentation", b, "2026-03-29T13:00:00"),
            task("presentation", b, "2026-03-29T14:00:00", status="cancelled"),
            task("decision_maker", b, "2026-03-29T15:00:00", status="done"),
            task("invoice", a, "2026-03-30T12:00:00"),  # the next day: not counted
        ])
        ev = lambda kind, user, lead, new, when, call: dict(  # noqa: E731
            id=uuid.uuid4(), lead_id=lead, user_id=user, kind=kind, new_value=new,
            at=at(when), call_id=ids.calls[call])
        session.execute(insert(HistoryEvent.__table__), [
            ev(HistoryKind.TYPE_CHANGE, b, ids.lead1, "interested", "2026-03-29T07:31:00", "b_dm"),
            ev(HistoryKind.TYPE_CHANGE, b, ids.lead1, "potential", "2026-03-29T07:32:00", "b_dm"),
            ev(HistoryKind.TYPE_CHANGE, b, ids.lead2, "hypothetical", "2026-03-29T07:41:00",
               "b_demo"),
            ev(HistoryKind.STAGE_CHANGE, b, ids.lead2, "signed", "2026-03-29T07:42:00", "b_demo"),
        ])
        st.set_time_zone(session, NORTH_ZONE, ids.north)
        st.set_time_zone(session, SOUTH_ZONE, ids.south)
    # the wrap-up edited later: first Undefined without tools (not effective),
    # then Negative with a presentation and an invoice of 1500.50
    with session.begin():
        save_wrapup(session, WrapUp(lead_id=None, user_id=ids.anna, call_id=ids.calls["a_edited"],
                                    result="undefined", reason="call_later"))
    with session.begin():
        save_wrapup(session, WrapUp(lead_id=None, user_id=ids.anna, call_id=ids.calls["a_edited"],
                                    result="negative", reason="no_need",
                                    tools=["presentation", "invoice"], invoice_amount=1500.5))
    # the call synced twice: the same row arrives again with its wrap-up (upsert by id)
    upsert_call(session, ids.calls["a_twice"], dict(result="positive", revision=7))
    upsert_call(session, ids.calls["a_twice"], dict(result="positive", revision=7))


def upsert_call(session, call_id, changes: dict) -> None:
    """What the sync's pull does with a row it receives: insert, or update by id."""
    from sqlalchemy import select

    from workstation.store.models import Call

    C = Call.__table__
    with session.begin():
        row = dict(session.execute(select(C).where(C.c.id == call_id)).mappings().one())
        row.update(changes)
        dialect = session.get_bind().dialect.name
        if dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as dialect_insert
        else:
            from sqlalchemy.dialects.sqlite import insert as dialect_insert
        stmt = dialect_insert(C).values(**row)
        session.execute(stmt.on_conflict_do_update(
            index_elements=[C.c.id], set_={k: stmt.excluded[k] for k in row if k != "id"}))


def context(store, config, ids: Ids, who: str = "root", role: str = "admin", team=None):
    from workstation.services.context import Context, SignedInUser

    return Context(store, SignedInUser(id=getattr(ids, who), login=who, name=who, role=role,
                                       team_id=team), settings=config)
