"""Import figures: 100,000 synthetic rows into a fresh store, then 10,000 more
(half of them already in the base) into that 100,000-lead store.

    .venv/bin/python bench/bench_import.py [--rows 100000] [--runs 1]

Prints one JSON line per figure (wall time of ``run_import``, median of the
runs): ``import_100k_rows`` (target 5000 ms) and
``import_10k_rows_into_100k_base`` (merge lookups against a big base; target
500 ms, the same rate). CPU time and the load average go to stderr: on a
shared 2-core machine other processes change the wall time a lot.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from workstation.importer import synthetic  # noqa: E402
from workstation.importer.importer import run_import  # noqa: E402
from workstation.store.db import Store  # noqa: E402


def _timed(store, path):
    cpu, wall = time.process_time(), time.perf_counter()
    result = run_import(store, path)
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000, result


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=1)
    args = ap.parse_args()
    big_ms, more_ms = [], []
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        base = synthetic.write_csv(d / "base.csv", args.rows, seed=1)
        # 10 % more: half new rows, half rows of the first file (merged, not inserted)
        extra = d / "more.csv"
        import csv

        first = list(synthetic.rows(args.rows // 20, seed=1))
        with open(extra, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(synthetic.HEADERS_UK)
            w.writerows(synthetic.rows(args.rows // 20, seed=99))
            w.writerows(first)
        for run in range(args.runs):
            store = Store(path=d / f"run{run}.sqlite3")
            store.upgrade()
            wall, cpu, r = _timed(store, base)
            big_ms.append(wall)
            print(f"# run {run}: {args.rows} rows: wall {wall:.0f} ms, cpu {cpu:.0f} ms, "
                  f"{r.summary()}; load average {os.getloadavg()}", file=sys.stderr)
            wall, cpu, r = _timed(store, extra)
            more_ms.append(wall)
            print(f"# run {run}: {args.rows // 10} rows into the base: wall {wall:.0f} ms, "
                  f"cpu {cpu:.0f} ms, {r.summary()}", file=sys.stderr)
            store.dispose()
    label = f"{args.rows // 1000}k" if args.rows % 1000 == 0 else str(args.rows)
    print(json.dumps({"bench": f"import_{label}_rows", "value": round(statistics.median(big_ms)),
                      "unit": "ms", "target": 5000 * args.rows // 100_000, "n": args.runs}))
    print(json.dumps({"bench": f"import_{args.rows // 10_000}k_rows_into_{label}_base",
                      "value": round(statistics.median(more_ms)), "unit": "ms",
                      "target": 500 * args.rows // 100_000, "n": args.runs}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
