"""Cost of one push: one manager, N wrap-ups (call + history event + lead update),
each pushed alone to a throwaway PostgreSQL cluster (fsync off: the server's work,
not the disk). Compares trees when given several source roots:

    .venv/bin/python bench/bench_push_cost.py [--n 200] [SRC_ROOT ...]

Prints one JSON line per tree: push p50 and p90 in ms.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def measure(n: int) -> list[float]:
    from workstation.store.db import Store
    from workstation.store.models import Call, HistoryEvent, Lead
    from workstation.store.types import utcnow
    from workstation.sync.pgcluster import PgCluster
    from workstation.sync.shared import create_user, shared_engine, upgrade_shared_engine
    from workstation.sync.worker import Syncer

    cluster = PgCluster(fsync=False).init()
    cluster.start()
    try:
        cluster.create_database("bench")
        admin = shared_engine(url=cluster.url(dbname="bench"))
        upgrade_shared_engine(admin)
        uid = create_user(admin, "alice", "pw-alice-1", "manager", team="t1")
        store = Store(path=Path(tempfile.mkdtemp()) / "a.sqlite3")
        store.upgrade()
        syncer = Syncer(store.url, shared_engine(url=cluster.url("alice", "pw-alice-1", "bench")))
        syncer.sync_once()
        with store.session() as s, s.begin():
            lead = Lead(company="Bench Co", owner_id=uid)
            s.add(lead)
        syncer.sync_once()
        times = []
        for i in range(n):
            with store.session() as s, s.begin():
                call = Call(lead_id=lead.id, user_id=uid, direction="out", outcome="success",
                            started_at=utcnow(), ended_at=utcnow(), talk_seconds=61.0)
                s.add(call)
                s.flush()
                s.add(HistoryEvent(lead_id=lead.id, call_id=call.id, user_id=uid, kind="call"))
                s.get(Lead, lead.id).notes = f"after call {i}"
            t0 = time.perf_counter()
            syncer.push()
            times.append((time.perf_counter() - t0) * 1000)
        return times
    finally:
        cluster.destroy()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--_child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("roots", nargs="*")
    args = ap.parse_args()
    if args._child:
        print(json.dumps(measure(args.n)))
        return
    for root in args.roots or [str(ROOT)]:
        out = subprocess.run([sys.executable, __file__, "--_child", "--n", str(args.n)],
                             env={**os.environ, "PYTHONPATH": str(Path(root) / "src")},
                             capture_output=True, text=True)
        if out.returncode != 0:
            raise SystemExit(f"{root}: {out.stderr.strip().splitlines()[-1]}")
        times = sorted(json.loads(out.stdout.strip().splitlines()[-1]))
        print(json.dumps({"bench": "sync_push_one_wrapup_p50_ms", "value":
                          round(statistics.median(times), 2), "unit": "ms", "target": None,
                          "n": len(times), "p90_ms": round(times[int(len(times) * 0.9)], 2),
                          "tree": root}), flush=True)


if __name__ == "__main__":
    main()
