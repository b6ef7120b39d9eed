"""The funnel over 1,000,000 leads (stage histories in history_events) and script
analytics over their calls, on the local SQLite store.

    .venv/bin/python bench/bench_funnel.py [--leads N] [--runs 3]

The store comes from ``funnel_store.ensure_funnel_store`` (built once, cached under
bench/out/). Each figure is the wall time of the service call the tab makes off
the GUI thread (``services.funnel.report``: per-stage counts, furthest stage per
lead, the median time in stage in SQL, stuck leads, lead types by base and by
manager), for the whole funnel, one team (half the base) and one manager; and
``services.scriptstats.report`` for the sample script. One JSON object per line.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from funnel_store import ensure_funnel_store  # noqa: E402


def emit(name: str, value: float, unit: str, target: float | None, n: int, **extra) -> None:
    print(json.dumps({"bench": name, "value": round(value, 1), "unit": unit, "target": target,
                      "n": n, **extra}), flush=True)


def timed(fn, runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU (this process: SQLite runs in it) milliseconds of each run. On a
    machine shared with other jobs the wall time waits for a core; CPU does not."""
    fn()  # warm the page cache and the statement cache
    wall, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return wall, cpu


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--leads", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    path = ensure_funnel_store(args.leads)

    from workstation.config import Config
    from workstation.services import funnel, scriptstats
    from workstation.services.context import Context, SignedInUser
    from workstation.store.db import Store

    store = Store(path=path)
    ctx = Context(store, SignedInUser(id=uuid.uuid4(), login="root", role="admin"),
                  settings=Config())
    with store.engine.connect() as c:
        events = c.exec_driver_sql("SELECT count(*) FROM history_events").scalar()
        calls = c.exec_driver_sql("SELECT count(*) FROM calls").scalar()
        manager = uuid.UUID(c.exec_driver_sql(
            "SELECT id FROM users WHERE role='manager' ORDER BY login LIMIT 1").scalar())
        team = uuid.UUID(c.exec_driver_sql(
            "SELECT id FROM teams ORDER BY name LIMIT 1").scalar())
    load = round(os.getloadavg()[0], 1)
    size = {"leads": args.leads, "stage_changes": events, "calls": calls, "load": load}

    for name, fn in (
            ("funnel_report_all", lambda: funnel.report(ctx, funnel.FunnelQuery())),
            ("funnel_report_one_team",
             lambda: funnel.report(ctx, funnel.FunnelQuery(team_id=team))),
            ("funnel_report_one_manager",
             lambda: funnel.report(ctx, funnel.FunnelQuery(owner_id=manager))),
            ("script_report", lambda: scriptstats.report(ctx, scriptstats.ScriptQuery()))):
        wall, cpu = timed(fn, args.runs)
        emit(name, statistics.median(wall), "ms", 1000, args.runs,
             runs=[round(x) for x in wall], cpu_ms=round(statistics.median(cpu)),
             load_after=round(os.getloadavg()[0], 1), **size)
    store.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
