"""What the funnel marks' triggers (store.funnelmarks) cost the wrap-up: ``save_wrapup``
moving the lead to its next stage (the trigger recomputes the lead's stays and mark),
200 calls with the triggers and 200 without them, on a throwaway copy of the funnel
bench store (bench/funnel_store.py), WAL synchronous=FULL, one committed transaction
per wrap-up as in bench/bench_workspace.py.

    .venv/bin/python bench/bench_funnel_wrapup.py [--leads 100000] [--calls 200]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from bench_workspace import pct  # noqa: E402
from funnel_store import ensure_funnel_store  # noqa: E402

NEXT = {"not_aware": "aware", "aware": "interest", "interest": "presale",
        "presale": "offer", "offer": "stimulation", "stimulation": "negotiation"}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--leads", type=int, default=100_000)
    ap.add_argument("--calls", type=int, default=200)
    args = ap.parse_args()
    src = ensure_funnel_store(args.leads)

    from sqlalchemy import text

    from workstation.store import funnelmarks, wrapup
    from workstation.store.db import Store

    with tempfile.TemporaryDirectory(dir=HERE / "out") as tmp:
        path = Path(tmp) / "copy.sqlite3"
        shutil.copyfile(src, path)
        store = Store(path=path)
        with store.engine.connect() as c:
            rows = c.execute(text(
                "SELECT l.id, s.code FROM leads l JOIN funnel_stages s ON s.id = l.stage_id "
                "WHERE s.code IN ('not_aware','aware','interest','presale','offer',"
                "'stimulation') ORDER BY l.id LIMIT :n"), {"n": 2 * args.calls}).all()
        import uuid

        leads = [(uuid.UUID(r[0]), NEXT[r[1]]) for r in rows]
        out = {}
        for label, part in (("with_triggers", leads[:args.calls]),
                            ("without_triggers", leads[args.calls:])):
            if label == "without_triggers":
                with store.engine.begin() as c:
                    funnelmarks.drop_triggers(c)
            times = []
            for n, (lid, stage) in enumerate(part):
                with store.session() as s:
                    t0 = time.perf_counter()
                    wrapup.save_wrapup(s, wrapup.WrapUp(
                        lead_id=lid, user_id=None, outcome="success", talk_seconds=90,
                        result="positive", stage=stage, notes=f"bench {n}"))
                    times.append((time.perf_counter() - t0) * 1000)
            out[label] = times
        store.dispose()
    for label, times in out.items():
        for p in (50, 99):
            print(json.dumps({"bench": f"funnel_save_wrapup_stage_{label}_p{p}",
                              "value": round(pct(times, p), 3), "unit": "ms", "target": 20.0,
                              "n": len(times), "leads": args.leads}), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
