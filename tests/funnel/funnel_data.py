"""A known set of leads with stage histories, and calls with script walks, written
the same way into a local SQLite store or a shared PostgreSQL database; the tests
compare every cell of the reports with the values worked out by hand below.

Funnel "consulting" (product "financial consulting"):
  1 new · 2 contact · 3 presale · 4 offer · 5 signed (won) · 6 paused · 7 refused (lost)

day(d) = NOW - d days. Leads (owner, base, type, created, stage changes -> stage now):
  L1 m1 youcontrol interested      d40  new>contact d30, >presale d20, >offer d10   -> offer
  L2 m1 youcontrol hypothetical    d40  new>contact d35                             -> contact
  L3 m2 youcontrol not_interested  d30  new>contact d28, >refused d25               -> refused
  L4 m2 web form   hypothetical    d20  new>contact d19, >presale d15, >offer d12, >signed d5
  L5 m3 web form   not_interested  d5   (no change)                                 -> new
  L6 m3 web form   false_pos.      d50  (no change)                                 -> new
  L7 m1 youcontrol (no type)       d60  new>contact d50, >paused d45                -> paused
  L8 m2 exhibition interested      d10  new>contact d9, >presale d8, >contact d7    -> contact
  L9 m1 (deleted)                  d4   new>presale d3                              -> presale
  L10 m1 youcontrol (no type), in funnel "cold" (not consulting)
Teams: A = m1, m2 (team lead tl); B = m3.
Funnel "cold": 100 pool leads of team B from base "typical" (shares inside every
band) and 100 from base "odd" (12 % interested, 30 % hypothetical: outliers).

Script "consulting" v1 (steps greeting, needs, offer, objection, close) and v2:
  C1, C2  m1 d3  greeting needs offer close                  positive
  C3      m1 d3  greeting needs                              negative
  C4      m1 d3  greeting needs                              undefined
  C5      m2 d1  greeting needs offer                        negative
  C6      m2 d1  greeting needs offer objection offer close  satisfactory
  C7      m2 d1  greeting                                    (no result)
  C8      m2 d1  greeting needs objection needs              negative
  C9      m1 d1  greeting, no answer (not counted)
  C10     m1 d1  deleted (not counted)
  C11     m3 d1  v2: greeting close                          positive
  C12     m1 d1  v1, empty walk (counted as a call of v1, no step)
  C13     m1 d1  no script
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

from sqlalchemy.orm import Session

from workstation.store.models import (
    Call,
    Funnel,
    FunnelStage,
    HistoryEvent,
    Lead,
    Script,
    Team,
    User,
)

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)
DAY = 86400.0


def day(d: float) -> datetime:
    return NOW - timedelta(days=d)


STAGES = [("new", False, False, False), ("contact", False, False, False),
          ("presale", False, False, False), ("offer", False, False, False),
          ("signed", True, False, False), ("paused", False, False, True),
          ("refused", False, True, False)]

LEADS = {
    # name: (owner, source, type, created day, [(day, old, new)], stage now, deleted)
    "L1": ("m1", "youcontrol", "interested", 40,
           [(30, "new", "contact"), (20, "contact", "presale"), (10, "presale", "offer")],
           "offer", False),
    "L2": ("m1", "youcontrol", "hypothetical", 40, [(35, "new", "contact")], "contact", False),
    "L3": ("m2", "youcontrol", "not_interested", 30,
           [(28, "new", "contact"), (25, "contact", "refused")], "refused", False),
    "L4": ("m2", "web form", "hypothetical", 20,
           [(19, "new", "contact"), (15, "contact", "presale"), (12, "presale", "offer"),
            (5, "offer", "signed")], "signed", False),
    "L5": ("m3", "web form", "not_interested", 5, [], "new", False),
    "L6": ("m3", "web form", "false_positioning", 50, [], "new", False),
    "L7": ("m1", "youcontrol", None, 60, [(50, "new", "contact"), (45, "contact", "paused")],
           "paused", False),
    "L8": ("m2", "exhibition", "interested", 10,
           [(9, "new", "contact"), (8, "contact", "presale"), (7, "presale", "contact")],
           "contact", False),
    "L9": ("m1", "youcontrol", "interested", 4, [(3, "new", "presale")], "presale", True),
}

TYPICAL = {"interested": 4, "potential": 5, "hypothetical": 38, "not_interested": 42,
           "false_positioning": 11}
ODD = {"interested": 12, "potential": 5, "hypothetical": 30, "not_interested": 42,
       "false_positioning": 11}

V1_STEPS = [("greeting", "say"), ("needs", "question"), ("offer", "say"),
            ("objection", "objection"), ("close", "close")]

CALLS = {
    # name: (manager, day, version, walk, result, outcome, deleted)
    "C1": ("m1", 3, 1, ["greeting", "needs", "offer", "close"], "positive", "success", False),
    "C2": ("m1", 3, 1, ["greeting", "needs", "offer", "close"], "positive", "success", False),
    "C3": ("m1", 3, 1, ["greeting", "needs"], "negative", "success", False),
    "C4": ("m1", 3, 1, ["greeting", "needs"], "undefined", "success", False),
    "C5": ("m2", 1, 1, ["greeting", "needs", "offer"], "negative", "success", False),
    "C6": ("m2", 1, 1, ["greeting", "needs", "offer", "objection", "offer", "close"],
           "satisfactory", "success", False),
    "C7": ("m2", 1, 1, ["greeting"], None, "success", False),
    "C8": ("m2", 1, 1, ["greeting", "needs", "objection", "needs"], "negative", "success",
           False),
    "C9": ("m1", 1, 1, ["greeting"], None, "no_answer", False),
    "C10": ("m1", 1, 1, ["greeting"], "negative", "success", True),
    "C11": ("m3", 1, 2, ["greeting", "close"], "positive", "success", False),
    "C12": ("m1", 1, 1, [], None, "success", False),
    "C13": ("m1", 1, None, None, "negative", "success", False),
}


class Known:
    """The ids of what :func:`build` wrote, by the names above."""

    def __init__(self) -> None:
        self.ids: dict[str, uuid.UUID] = {}
        self.stage: dict[str, uuid.UUID] = {}
        self.funnel = self.cold = self.v1 = self.v2 = None

    def __getitem__(self, name: str) -> uuid.UUID:
        return self.ids[name]

    def lead_ids(self, *names: str) -> list[uuid.UUID]:
        return sorted(self.ids[n] for n in names)


def _script_body(version: int) -> dict:
    steps = V1_STEPS if version == 1 else [("greeting", "say"), ("close", "close")]
    return {"code": "consulting", "name": "Consulting", "start": "greeting",
            "steps": [{"id": sid, "kind": kind, "title": sid.title(), "text": "…",
                       "answers": []} for sid, kind in steps]}


def build(session: Session) -> Known:
    """Write the set into ``session`` (committed by the caller)."""
    k = Known()
    s = session
    team_a, team_b = Team(id=uuid.uuid4(), name="Team A"), Team(id=uuid.uuid4(), name="Team B")
    s.add_all([team_a, team_b])
    s.flush()
    k.ids["team_a"], k.ids["team_b"] = team_a.id, team_b.id
    for login, name, role, team in (("m1", "Anna Manager", "manager", team_a),
                                    ("m2", "Boris Manager", "manager", team_a),
                                    ("m3", "Carl Manager", "manager", team_b),
                                    ("tl", "Tina Lead", "teamlead", team_a),
                                    ("root", "Root Admin", "admin", None)):
        u = User(id=uuid.uuid4(), login=f"fn_{login}", full_name=name, role=role,
                 team_id=team.id if team else None)
        s.add(u)
        k.ids[login] = u.id
    s.flush()
    funnel = Funnel(id=uuid.uuid4(), code="consulting", name="Consulting",
                    product="financial consulting", topic="consulting")
    cold = Funnel(id=uuid.uuid4(), code="cold", name="Cold calls", product="cold")
    s.add_all([funnel, cold])
    s.flush()
    k.funnel, k.cold = funnel.id, cold.id
    for pos, (code, won, lost, paused) in enumerate(STAGES, 1):
        st = FunnelStage(id=uuid.uuid4(), funnel_id=funnel.id, position=pos, code=code,
                         name=code.title(), is_won=won, is_lost=lost, is_paused=paused)
        s.add(st)
        k.stage[code] = st.id
    cold_new = FunnelStage(id=uuid.uuid4(), funnel_id=cold.id, position=1, code="new",
                           name="New")
    s.add(cold_new)
    s.flush()
    team_of = {"m1": team_a.id, "m2": team_a.id, "m3": team_b.id}
    for name, (owner, source, ltype, created, changes, now_at, deleted) in LEADS.items():
        lead = Lead(id=uuid.uuid4(), company=f"Company {name}", source=source,
                    owner_id=k.ids[owner], team_id=team_of[owner], lead_type=ltype,
                    funnel_id=funnel.id, stage_id=k.stage[now_at], created_at=day(created),
                    updated_at=day(0), deleted=deleted)
        s.add(lead)
        k.ids[name] = lead.id
        s.flush()
        for d, old, new in changes:
            s.add(HistoryEvent(id=uuid.uuid4(), lead_id=lead.id, kind="stage_change",
                               user_id=k.ids[owner], at=day(d), field="stage", old_value=old,
                               new_value=new))
        # other history (not stage changes) is ignored by the funnel
        s.add(HistoryEvent(id=uuid.uuid4(), lead_id=lead.id, kind="note", at=day(1),
                           text="a note", old_value="new", new_value="offer"))
    l10 = Lead(id=uuid.uuid4(), company="Company L10", source="youcontrol",
               owner_id=k.ids["m1"], team_id=team_a.id, funnel_id=cold.id,
               stage_id=cold_new.id, created_at=day(3))
    s.add(l10)
    k.ids["L10"] = l10.id
    n = 0
    for base, mix in (("typical", TYPICAL), ("odd", ODD)):
        for ltype, count in mix.items():
            for _ in range(count):
                n += 1
                s.add(Lead(id=uuid.uuid4(), company=f"Cold {n}", source=base, owner_id=None,
                           team_id=team_b.id, shared_pool=True, lead_type=ltype,
                           funnel_id=cold.id, stage_id=cold_new.id, created_at=day(2)))
    s.flush()
    v1 = Script(id=uuid.uuid4(), code="consulting", version=1, name="Consulting",
                topic="consulting", body=_script_body(1))
    v2 = Script(id=uuid.uuid4(), code="consulting", version=2, name="Consulting",
                topic="consulting", body=_script_body(2))
    s.add_all([v1, v2])
    s.flush()
    k.v1, k.v2 = v1.id, v2.id
    for name, (who, d, version, walk, result, outcome, deleted) in CALLS.items():
        script_id = {1: v1.id, 2: v2.id, None: None}[version]
        path = None if walk is None else [
            {"step": sid, "at": (day(d) + timedelta(seconds=10 * i)).isoformat()}
            for i, sid in enumerate(walk)]
        c = Call(id=uuid.uuid4(), lead_id=k.ids["L1"], user_id=k.ids[who], direction="out",
                 started_at=day(d), answered_at=day(d) if outcome == "success" else None,
                 ended_at=day(d) + timedelta(minutes=3), outcome=outcome, script_id=script_id,
                 script_path=path, result=result, talk_seconds=170.0, deleted=deleted)
        s.add(c)
        k.ids[name] = c.id
    s.flush()
    return k
