"""Run every bench/bench_*.py and print their JSON lines (``make bench``).

Each bench is its own process (a fresh interpreter, no shared caches) and
prints one JSON object per figure:
``{"bench": NAME, "value": N, "unit": "ms", "target": N, "n": RUNS}``.
All lines are also written to bench/out/latest.jsonl, which README's
performance section is made from. ``--only NAME`` runs the benches whose
file name contains NAME; extra arguments after ``--`` go to every bench.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default="")
    ap.add_argument("--timeout", type=float, default=1800)
    ap.add_argument("rest", nargs="*")
    args = ap.parse_args()
    out_dir = HERE / "out"
    out_dir.mkdir(exist_ok=True)
    results: list[dict] = []
    failed = []
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    for script in sorted(HERE.glob("bench_*.py")):
        if args.only and args.only not in script.name:
            continue
        t0 = time.monotonic()
        print(f"# {script.name}", file=sys.stderr, flush=True)
        try:
            proc = subprocess.run([sys.executable, str(script), *args.rest], env=env,
                                  capture_output=True, text=True, timeout=args.timeout)
        except subprocess.TimeoutExpired:
            failed.append(f"{script.name}: timed out after {args.timeout:.0f} s")
            continue
        for line in proc.stdout.splitlines():
            line = line.strip()
            if not line.startswith("{"):
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                continue
            if "bench" in row:
                results.append(row)
                print(json.dumps(row, ensure_ascii=False), flush=True)
        if proc.returncode != 0:
            failed.append(f"{script.name}: exit {proc.returncode}: {proc.stderr.strip()[-500:]}")
        print(f"# {script.name}: {time.monotonic() - t0:.1f} s", file=sys.stderr, flush=True)
    with open(out_dir / "latest.jsonl", "w", encoding="utf-8") as fh:
        for row in results:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    for f in failed:
        print(f"# FAILED {f}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
