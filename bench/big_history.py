"""The 1,000,000-lead bench store plus 10,000,000 history events (and their calls).

    from big_history import ensure_big_history
    path = ensure_big_history()      # bench/out/big_1000000_h10000000_v1.sqlite3

Built from ``make_big_store``'s cached store (copied, never modified), then
history rows go in with raw ``sqlite3.executemany``: every lead gets 0-20 events
(10 on average), one in five is a call with its ``calls`` row (direction,
outcome, talk time, notes), the rest are notes, stage and type changes spread
over the last two years. Primary keys are generated in ascending order so the
primary-key B-trees are appended to, and the secondary indexes are dropped and
rebuilt after the load. Deterministic (``random.Random(10)``). Not in the
outbox: a bench base, never synced. Run alone to build and print the path:
``.venv/bin/python bench/big_history.py``.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import sys
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_big_store import OUT, _ts, ensure_big_store  # noqa: E402

VERSION = 1
N_LEADS = 1_000_000
N_EVENTS = 10_000_000
NOTES = ["Asked to call back after the holidays", "Sent the offer by e-mail",
         "Secretary: the director is out", "Interested in the audit, wants prices",
         "Перезвонить в четверг", "Відправили презентацію", "Decision maker: CFO",
         "No budget this quarter", "Будуть думати до кінця місяця", ""]
OUTCOMES = [("success", 55), ("no_answer", 30), ("busy", 10), ("error", 5)]
RESULTS = ["positive", "negative", "satisfactory", "undefined", None]


def path_for(n_leads: int = N_LEADS, n_events: int = N_EVENTS) -> Path:
    return OUT / f"big_{n_leads}_h{n_events}_v{VERSION}.sqlite3"


def build(path: Path, n_leads: int, n_events: int) -> None:
    src = ensure_big_store(n_leads)
    tmp = path.with_suffix(".tmp")
    for p in (tmp, Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm")):
        p.unlink(missing_ok=True)
    shutil.copyfile(src, tmp)
    rnd = random.Random(10)
    now = datetime.now(timezone.utc)
    con = sqlite3.connect(tmp)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA cache_size=-1000000")
    indexes = [(name, sql) for name, sql in con.execute(
        "SELECT name, sql FROM sqlite_master WHERE type='index' AND sql IS NOT NULL "
        "AND tbl_name IN ('history_events','calls')")]
    for name, _sql in indexes:
        con.execute(f"DROP INDEX {name}")
    users = [r[0] for r in con.execute("SELECT id FROM users")]
    lead_ids = [r[0] for r in con.execute("SELECT id FROM leads")]
    per_lead = n_events / max(1, len(lead_ids))
    ev_sql = ("INSERT INTO history_events (lead_id, call_id, user_id, kind, at, text, field, "
              "old_value, new_value, data, id, created_at, updated_at, created_by, updated_by, "
              "revision, deleted) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,NULL,NULL,0,0)")
    call_sql = ("INSERT INTO calls (lead_id, contact_id, user_id, direction, local_number, "
                "remote_number, remote_e164, sip_call_id, started_at, answered_at, ended_at, "
                "sip_status, sip_reason, outcome, ring_seconds, talk_seconds, codec, "
                "rtp_jitter_ms, rtp_loss_pct, recording_path, recording_id, pop_latency_ms, "
                "script_id, script_path, result, refusal_reason, tools, notes, wrapup_seconds, "
                "effective, id, created_at, updated_at, created_by, updated_by, revision, "
                "deleted) VALUES (?,NULL,?,?,'','','','',?,?,?,?,'',?,?,?,'PCMU',NULL,NULL,'',"
                "NULL,NULL,NULL,NULL,?,'',NULL,?,NULL,?,?,?,?,NULL,NULL,0,0)")
    out_codes = [o for o, _w in OUTCOMES]
    out_w = [w for _o, w in OUTCOMES]
    ev_base, call_base = 0x1 << 120, 0x2 << 120
    n_ev = n_call = 0
    t0 = time.monotonic()
    events, calls = [], []
    for lead in lead_ids:
        k = min(int(rnd.expovariate(1 / per_lead)), 60)
        for _ in range(k):
            if n_ev >= n_events:
                break
            at = now - timedelta(seconds=rnd.uniform(3600, 2 * 365 * 86400))
            at_s = _ts(at)
            user = rnd.choice(users)
            ev_id = uuid.UUID(int=ev_base + n_ev).hex
            n_ev += 1
            r = rnd.random()
            if r < 0.2:
                call_id = uuid.UUID(int=call_base + n_call).hex
                n_call += 1
                outcome = rnd.choices(out_codes, out_w)[0]
                talk = rnd.uniform(20, 600) if outcome == "success" else 0.0
                answered = _ts(at + timedelta(seconds=8)) if outcome == "success" else None
                note = rnd.choice(NOTES)
                result = rnd.choice(RESULTS) if outcome == "success" else None
                calls.append((lead, user, rnd.choice(("in", "out", "out", "out")), at_s,
                              answered, _ts(at + timedelta(seconds=8 + talk)),
                              200 if outcome == "success" else 486, outcome, 8.0, talk,
                              result, note, 1 if talk >= 60 else 0, call_id, at_s, at_s))
                events.append((lead, call_id, user, "call", at_s, note, "", None, None, None,
                               ev_id, at_s, at_s))
            elif r < 0.8:
                events.append((lead, None, user, "note", at_s, rnd.choice(NOTES), "", None,
                               None, None, ev_id, at_s, at_s))
            else:
                events.append((lead, None, user, "stage_change", at_s, "", "stage",
                               "not_aware", "aware", None, ev_id, at_s, at_s))
        if len(events) >= 100_000:
            con.executemany(call_sql, calls)
            con.executemany(ev_sql, events)
            events, calls = [], []
    # top up to exactly n_events on random leads
    while n_ev < n_events:
        lead = rnd.choice(lead_ids)
        at_s = _ts(now - timedelta(seconds=rnd.uniform(3600, 2 * 365 * 86400)))
        events.append((lead, None, rnd.choice(users), "note", at_s, rnd.choice(NOTES), "",
                       None, None, None, uuid.UUID(int=ev_base + n_ev).hex, at_s, at_s))
        n_ev += 1
        if len(events) >= 100_000:
            con.executemany(ev_sql, events)
            events = []
    con.executemany(call_sql, calls)
    con.executemany(ev_sql, events)
    con.commit()
    t1 = time.monotonic()
    for _name, sql in indexes:
        con.execute(sql)
    con.execute("ANALYZE")
    con.commit()
    con.execute("PRAGMA journal_mode=WAL")
    con.close()
    print(f"# {n_ev} history events and {n_call} calls in {t1 - t0:.1f} s, "
          f"indexes in {time.monotonic() - t1:.1f} s", file=sys.stderr)
    os.replace(tmp, path)


def ensure_big_history(n_leads: int = N_LEADS, n_events: int = N_EVENTS) -> Path:
    """Path of the cached store with ``n_leads`` leads and ``n_events`` history events."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = path_for(n_leads, n_events)
    if not path.exists():
        build(path, n_leads, n_events)
    return path


if __name__ == "__main__":
    print(ensure_big_history())
