"""Sampling figure: "N unreviewed calls of each manager for this period" over
100,000 calls (40 managers, a month) in the local store, the supervisor's
queue written (services.review.sample, one write transaction).

    .venv/bin/python bench/bench_review.py [--calls 100000] [--runs 3]

Prints one JSON object per line: the time to sample and queue 10 calls of
each manager (target < 1000 ms), and the pure stratified pick (domain) alone.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src")]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--calls", type=int, default=100_000)
    ap.add_argument("--managers", type=int, default=40)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="ws-bench-review-"))
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        os.environ[var] = str(tmp / var.lower())
    from sqlalchemy import insert

    from workstation.config import Config
    from workstation.domain import review as rules
    from workstation.services import review
    from workstation.services.context import Context, SignedInUser
    from workstation.store.db import Store
    from workstation.store.models import Call, Team, User
    from workstation.store.types import utcnow

    store = Store(path=tmp / "store.sqlite3")
    store.upgrade()
    team = uuid.uuid4()
    sup = uuid.uuid4()
    managers = [uuid.uuid4() for _ in range(args.managers)]
    with store.session() as s, s.begin():
        s.add(Team(id=team, name="Bench"))
        s.add(User(id=sup, login="sup", role="supervisor", team_id=team))
        s.add_all([User(id=m, login=f"m{i}", role="manager", team_id=team)
                   for i, m in enumerate(managers)])
    rng = random.Random(1)
    start = datetime(2026, 11, 1, tzinfo=timezone.utc)
    now = utcnow()
    rows = []
    for i in range(args.calls):
        at = start + timedelta(seconds=rng.randrange(30 * 86400))
        talk = rng.choice((0, 5, 30, 90, 200, 700))
        rows.append({"id": uuid.uuid4(), "user_id": managers[i % len(managers)],
                     "direction": "out", "started_at": at,
                     "answered_at": at + timedelta(seconds=5) if talk else None,
                     "ended_at": at + timedelta(seconds=5 + talk), "talk_seconds": float(talk),
                     "outcome": rng.choice(("success", "busy", "no_answer")),
                     "created_at": now, "updated_at": now, "revision": 0, "deleted": False,
                     "recording_consent": "", "local_number": "", "remote_number": "",
                     "remote_e164": "", "sip_call_id": "", "sip_reason": "", "codec": "",
                     "media_security": "", "recording_path": "", "refusal_reason": "",
                     "notes": "", "effective": False})
    with store.engine.begin() as c:
        for i in range(0, len(rows), 5000):
            c.execute(insert(Call.__table__), rows[i:i + 5000])
    ctx = Context(store, SignedInUser(id=sup, login="sup", role="supervisor", team_id=team),
                  settings=Config())
    end = start + timedelta(days=30)
    times = []
    for run in range(args.runs):
        t0 = time.perf_counter()
        res = review.sample(ctx, start, end, n=10, seed=run)
        times.append((time.perf_counter() - t0) * 1000)
        assert res.queued == 10 * args.managers, res.queued
    print(json.dumps({"bench": "review_sample_queue_100k_calls", "value": round(min(times), 1),
                      "unit": "ms", "target": 1000, "n": args.runs}))
    cands = [rules.Candidate(r["id"], r["user_id"], r["outcome"], r["talk_seconds"],
                             r["started_at"]) for r in rows if r["talk_seconds"] >= 20]
    t = []
    for run in range(args.runs):
        t0 = time.perf_counter()
        rules.sample(cands, 10, seed=run)
        t.append((time.perf_counter() - t0) * 1000)
    print(json.dumps({"bench": "review_stratified_pick_only", "value": round(min(t), 1),
                      "unit": "ms", "target": 300, "n": args.runs}))
    store.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
