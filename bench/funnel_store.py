"""A local store with N synthetic leads walked through the default funnel (stage
changes in ``history_events``) and calls walking the sample script, for the funnel
bench and the funnel screenshots.

    from funnel_store import ensure_funnel_store
    path = ensure_funnel_store(1_000_000)      # bench/out/funnel_1000000_v1.sqlite3

Rows go in with raw ``sqlite3.executemany`` (secondary indexes and the funnel's
triggers dropped, rebuilt after; ``funnelmarks.backfill`` fills what the triggers
would have kept, as migration 0015 does), deterministic (``random.Random(n)``), not in the outbox (never synced).
Each lead starts at "Not aware" some day in the last 240 days and moves on stage by
stage (a few days in each) until it stops, is paused or refused; one in five has
a call that walked the sample script "financial_consulting" and ended somewhere.
Lead types lean on the seeds' cold-base shares, with one base ("exhibition") and
one manager off the band so the outliers show.
"""

from __future__ import annotations

import os
import random
import sqlite3
import sys
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
VERSION = 6
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from make_big_store import OUT, _ts  # noqa: E402

MANAGERS = [("anna", "Anna Kovalenko", 0), ("bohdan", "Bohdan Shevchuk", 0),
            ("iryna", "Iryna Melnyk", 0), ("oleh", "Oleh Bondar", 0),
            ("maria", "Maria Lysenko", 1), ("petro", "Petro Rudenko", 1),
            ("sofia", "Sofia Tkachenko", 1), ("yurii", "Yurii Moroz", 1)]
SOURCES = ["youcontrol", "web form", "exhibition", "price request"]
TYPES = [("interested", 4), ("potential", 5), ("hypothetical", 38), ("client", 0.05),
         ("hostile", 0.05), ("not_interested", 42), ("false_positioning", 11)]
SKEWED = {"exhibition": [9, 5, 30, 0.05, 0.05, 45, 11]}
"""A base off the band (more interested, fewer hypothetical)."""
SKEWED_MANAGER = [2, 3, 28, 0.05, 0.05, 60, 7]
"""The last manager files too many leads as not interested."""
ADVANCE = {"not_aware": 0.8, "aware": 0.55, "interest": 0.6, "presale": 0.55,
           "offer": 0.7, "stimulation": 0.6, "negotiation": 0.55, "signed": 0.8,
           "paid": 0.15}
DWELL_DAYS = {"not_aware": 3, "aware": 6, "interest": 5, "presale": 8, "offer": 6,
              "stimulation": 10, "negotiation": 7, "signed": 12, "paid": 30}
WALK = ["greeting", "secretary", "dm_intro", "needs_current", "needs_pain", "presentation",
        "commitment"]
STOP = {"greeting": 0.08, "secretary": 0.22, "dm_intro": 0.07, "needs_current": 0.06,
        "needs_pain": 0.3, "presentation": 0.12, "commitment": 0.1}
"""Chance a walk ends at each step (needs_pain: the weak step)."""
CLOSES = ["close_meeting", "close_offer", "close_email", "close_callback", "close_refusal"]


def path_for(n: int) -> Path:
    return OUT / f"funnel_{n}_v{VERSION}.sqlite3"


def build(path: Path, n: int, now: datetime | None = None) -> None:
    from workstation.store import funnelmarks
    from workstation.store.db import Store
    from workstation.store.scripts_seed import ensure_sample_scripts

    tmp = path.with_suffix(".tmp")
    for p in (tmp, Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm")):
        p.unlink(missing_ok=True)
    store = Store(path=tmp)
    store.upgrade()
    with store.session() as s, s.begin():
        s.info["no_outbox"] = True
        ensure_sample_scripts(s, language="en")
    with store.engine.begin() as c:
        funnelmarks.drop_triggers(c)
    store.dispose()

    rnd = random.Random(n)
    now = now or datetime.now(timezone.utc)
    now_s = _ts(now)
    con = sqlite3.connect(tmp)
    for pragma in ("journal_mode=OFF", "synchronous=OFF", "cache_size=-400000"):
        con.execute(f"PRAGMA {pragma}")
    indexes = [(name, sql) for name, sql in con.execute(
        "SELECT name, sql FROM sqlite_master WHERE type='index' AND sql IS NOT NULL "
        "AND tbl_name IN ('leads','history_events','calls','funnel_stays','funnel_leads')")]
    for name, _sql in indexes:
        con.execute(f"DROP INDEX {name}")
    new_hex = lambda: uuid.UUID(int=rnd.getrandbits(128)).hex  # noqa: E731
    teams = [new_hex(), new_hex()]
    con.executemany("INSERT INTO teams (name, id, created_at, updated_at, revision, deleted) "
                    "VALUES (?,?,?,?,0,0)",
                    [(f"Team {'AB'[i]}", t, now_s, now_s) for i, t in enumerate(teams)])
    users = [(new_hex(), login, name, teams[t]) for login, name, t in MANAGERS]
    lead_uid = new_hex()
    con.executemany(
        "INSERT INTO users (login, full_name, role, team_id, sip_extension, sip_username, "
        "active, id, created_at, updated_at, revision, deleted) "
        "VALUES (?,?,?,?,'','',1,?,?,?,0,0)",
        [(login, name, "manager", team, uid, now_s, now_s) for uid, login, name, team in users]
        + [("lead", "Tina Lead", "teamlead", teams[0], lead_uid, now_s, now_s)])
    funnel_id, = con.execute("SELECT id FROM funnels WHERE code='default'").fetchone()
    stages = {code: (sid, pos) for sid, code, pos in con.execute(
        "SELECT id, code, position FROM funnel_stages WHERE funnel_id=?", (funnel_id,))}
    main = [c for c, _ in sorted(((c, p) for c, (_s, p) in stages.items()), key=lambda x: x[1])
            if c not in ("paused", "refused", "repeat")]
    script_id, = con.execute("SELECT id FROM scripts WHERE code='financial_consulting' "
                             "ORDER BY version DESC LIMIT 1").fetchone()
    type_codes = [t for t, _w in TYPES]
    lead_sql = (
        "INSERT INTO leads (company, category, address, source, topic, product, project, site, "
        "channel, owner_id, team_id, shared_pool, lead_type, funnel_id, stage_id, remind, "
        "attempts, notes, name_key, id, created_at, updated_at, revision, deleted) "
        "VALUES (?,'','',?,'','','','','call',?,?,0,?,?,?,0,0,'',?,?,?,?,0,0)")
    event_sql = (
        "INSERT INTO history_events (lead_id, user_id, kind, at, text, field, old_value, "
        "new_value, id, created_at, updated_at, revision, deleted) "
        "VALUES (?,?,'stage_change',?,'','stage',?,?,?,?,?,0,0)")
    call_sql = (
        "INSERT INTO calls (lead_id, user_id, direction, local_number, remote_number, "
        "remote_e164, sip_call_id, started_at, answered_at, ended_at, sip_reason, outcome, "
        "talk_seconds, codec, media_security, recording_path, script_id, script_path, result, "
        "refusal_reason, notes, effective, id, created_at, updated_at, revision, deleted) "
        "VALUES (?,?,'out','','','','',?,?,?,'','success',?,'','','',?,?,?,'','',0,?,?,?,0,0)")
    import json

    t0 = time.monotonic()
    batch = 50_000
    for start in range(0, n, batch):
        leads, events, calls = [], [], []
        for i in range(start, min(n, start + batch)):
            lead_id = new_hex()
            m = rnd.randrange(len(users))
            owner, _login, _name, team = users[m]
            source = rnd.choice(SOURCES)
            weights = SKEWED.get(source) or (SKEWED_MANAGER if m == len(users) - 1 else
                                             [w for _t, w in TYPES])
            ltype = rnd.choices(type_codes, weights)[0] if rnd.random() < 0.85 else None
            created = now - timedelta(days=rnd.uniform(0, 150))
            at, code = created, "not_aware"
            while True:
                at = at + timedelta(days=rnd.expovariate(1 / DWELL_DAYS.get(code, 5)))
                if at >= now:
                    break
                r, go = rnd.random(), ADVANCE.get(code, 0.0)
                if r < go and main.index(code) + 1 < len(main):
                    new = main[main.index(code) + 1]
                elif code in ("signed", "paid"):
                    break
                elif r < go + (1 - go) * 0.4:
                    new = "refused"
                elif r < go + (1 - go) * 0.5:
                    new = "paused"
                else:
                    break  # the lead stays where it is (stuck, some of them)
                events.append((lead_id, owner, _ts(at), code, new, new_hex(), now_s, now_s))
                code = new
                if new in ("refused", "paused"):
                    break
            leads.append((f"Company {i}", source, owner, team, ltype, funnel_id,
                          stages[code][0], f"company {i}", lead_id, _ts(created), now_s))
            if rnd.random() < 0.2:
                started = created + timedelta(hours=rnd.uniform(1, 200))
                if started >= now:
                    started = now - timedelta(minutes=5)
                walk, result = [], "positive"
                for step in WALK:
                    walk.append(step)
                    if rnd.random() < STOP[step]:
                        result = rnd.choice(["negative", "negative", "undefined", None])
                        break
                else:
                    close = rnd.choice(CLOSES)
                    walk.append(close)
                    result = "negative" if close == "close_refusal" else \
                        rnd.choice(["positive", "positive", "satisfactory"])
                walk_json = json.dumps([{"step": s, "at": _ts(started)} for s in walk])
                talk = 20.0 * len(walk)
                calls.append((lead_id, owner, _ts(started), _ts(started),
                              _ts(started + timedelta(seconds=talk)), talk, script_id, walk_json,
                              result, new_hex(), now_s, now_s))
        con.executemany(lead_sql, leads)
        con.executemany(event_sql, events)
        con.executemany(call_sql, calls)
    con.commit()
    t1 = time.monotonic()
    marks = (funnelmarks.LEADS, funnelmarks.STAYS)
    for _name, sql in indexes:
        if f" ON {marks[0]} " not in sql and f" ON {marks[1]} " not in sql:
            con.execute(sql)
    con.commit()
    con.close()
    t2 = time.monotonic()
    store = Store(path=tmp)
    with store.engine.begin() as c:  # as migration 0015: fill, then index
        funnelmarks.backfill(c)
        for _name, sql in indexes:
            if f" ON {marks[0]} " in sql or f" ON {marks[1]} " in sql:
                c.exec_driver_sql(sql)
        funnelmarks.create_triggers(c)
        c.exec_driver_sql("ANALYZE")
    store.dispose()
    con = sqlite3.connect(tmp)
    con.execute("PRAGMA journal_mode=WAL")
    con.close()
    print(f"# built {n} leads in {t1 - t0:.1f} s, indexes in {t2 - t1:.1f} s, "
          f"funnel marks backfilled in {time.monotonic() - t2:.1f} s", file=sys.stderr)
    os.replace(tmp, path)


def ensure_funnel_store(n: int) -> Path:
    """Path of a cached store with ``n`` leads, built on first use."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = path_for(n)
    if not path.exists():
        build(path, n)
    return path


if __name__ == "__main__":
    print(ensure_funnel_store(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000))
