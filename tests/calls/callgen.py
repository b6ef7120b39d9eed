"""Synthetic calls for the browser's tests and bench: teams, managers, leads and
N calls written with Core bulk inserts (no outbox: they stand for synced rows)."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from sqlalchemy import insert

from workstation.store.models import Call, Lead, Team, User

T0 = datetime(2026, 11, 2, 8, 0, tzinfo=timezone.utc)
OUTCOMES = ("success", "no_answer", "busy", "error")
TYPES = (None, "interested", "not_interested", "hypothetically_interested")


@dataclass
class Made:
    teams: dict[str, uuid.UUID] = field(default_factory=dict)
    users: dict[str, uuid.UUID] = field(default_factory=dict)
    calls_of: dict[uuid.UUID, list[uuid.UUID]] = field(default_factory=dict)
    leads: list[uuid.UUID] = field(default_factory=list)
    calls: list[dict] = field(default_factory=list)


def base_rows(now: datetime) -> dict:
    return {"created_at": now, "updated_at": now, "revision": 0, "deleted": False}


def make_people(conn, made: Made, teams=("north", "south"), per_team: int = 3,
                roles: dict[str, str] | None = None, ids: dict[str, uuid.UUID] | None = None):
    now = T0
    for t in teams:
        made.teams[t] = uuid.uuid4()
        conn.execute(insert(Team.__table__), [{"id": made.teams[t], "name": t, **base_rows(now)}])
    rows = []
    for t in teams:
        for i in range(per_team):
            login = f"{t}{i}"
            uid = (ids or {}).get(login) or uuid.uuid4()
            made.users[login] = uid
            rows.append({"id": uid, "login": login, "full_name": f"Manager {t.title()} {i}",
                         "role": (roles or {}).get(login, "manager"), "team_id": made.teams[t],
                         "sip_extension": "", "sip_username": "", "active": True,
                         **base_rows(now)})
    conn.execute(insert(User.__table__), rows)


def make_calls(conn, made: Made, n: int, *, seed: int = 7, leads: int = 500,
               batch: int = 5000) -> None:
    rnd = random.Random(seed)
    users = list(made.users.items())
    lead_rows = []
    for i in range(leads):
        lid = uuid.uuid4()
        made.leads.append(lid)
        company = f"Company {i:05d} {'Alpha' if i % 3 == 0 else 'Beta'}"
        lead_rows.append({"id": lid, "company": company, "category": "", "address": "",
                          "source": "", "topic": "", "product": "", "project": "", "site": "",
                          "channel": "call", "owner_id": users[i % len(users)][1],
                          "team_id": None, "shared_pool": False,
                          "lead_type": TYPES[i % len(TYPES)], "remind": False, "attempts": 0,
                          "notes": "", "name_key": company.casefold(), **base_rows(T0)})
    conn.execute(insert(Lead.__table__), lead_rows)
    rows = []
    for i in range(n):
        login, uid = users[i % len(users)]
        lead = made.leads[rnd.randrange(len(made.leads))]
        started = T0 + timedelta(seconds=37 * i)
        outcome = OUTCOMES[rnd.randrange(4)]
        talk = round(rnd.uniform(5, 900), 1) if outcome == "success" else None
        cid = uuid.uuid4()
        row = {"id": cid, "lead_id": lead, "user_id": uid, "direction": "out" if i % 3 else "in",
               "local_number": "", "remote_number": f"+38044{i % 10_000_000:07d}",
               "remote_e164": f"+38044{i % 10_000_000:07d}", "sip_call_id": "",
               "started_at": started, "answered_at": started + timedelta(seconds=4)
               if talk else None, "ended_at": started + timedelta(seconds=(talk or 0) + 6),
               "sip_status": 200, "sip_reason": "", "outcome": outcome, "ring_seconds": 4.0,
               "talk_seconds": talk, "codec": ("PCMA", "opus", "G722")[i % 3],
               "rtp_jitter_ms": round(rnd.uniform(0, 30), 1), "rtp_loss_pct": round(
                   rnd.uniform(0, 3), 2), "media_security": ("srtp", "rtp")[i % 2],
               "signalling_tls": bool(i % 2 == 0),
               "recording_path": f"/nonexistent/rec-{i}.wav" if talk and i % 2 else "",
               "result": None, "refusal_reason": "", "notes": "", "effective": False,
               **base_rows(started)}
        rows.append(row)
        made.calls.append(row)
        made.calls_of.setdefault(uid, []).append(cid)
        if len(rows) >= batch:
            conn.execute(insert(Call.__table__), rows)
            rows = []
    if rows:
        conn.execute(insert(Call.__table__), rows)
