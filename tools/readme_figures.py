"""Write the latest `make bench` figures into README's performance section.

Reads bench/out/latest.jsonl (written by bench/run_all.py) and replaces the
text between ``<!-- figures:start -->`` and ``<!-- figures:end -->`` with a
table: bench, value, target, runs, and whether the target is met (lower is
better unless the bench says ``"higher_is_better": true``).
"""

from __future__ import annotations

import json
import platform
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def fmt(v) -> str:
    if isinstance(v, float):
        return f"{v:,.3f}".rstrip("0").rstrip(".") if abs(v) < 10 else f"{v:,.1f}"
    return f"{v:,}" if isinstance(v, int) else str(v)


def verdict(row: dict) -> str:
    target, value = row.get("target"), row.get("value")
    if target is None or value is None or not isinstance(value, (int, float)):
        return ""
    higher = row.get("higher_is_better", False)
    ok = value >= target if higher else value <= target
    return "met" if ok else "**missed**"


def main() -> int:
    src = ROOT / "bench" / "out" / "latest.jsonl"
    rows = [json.loads(line) for line in src.read_text(encoding="utf-8").splitlines() if line.strip()]
    lines = [f"Last run: {date.today().isoformat()}, Python {platform.python_version()}, "
             f"{len(rows)} figures, `make bench`.", "",
             "| bench | value | unit | target | runs | |", "|---|---:|---|---:|---:|---|"]
    for r in rows:
        lines.append(f"| `{r['bench']}` | {fmt(r.get('value'))} | {r.get('unit', '')} | "
                     f"{fmt(r.get('target')) if r.get('target') is not None else ''} | "
                     f"{r.get('n', '')} | {verdict(r)} |")
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    start, end = "<!-- figures:start -->", "<!-- figures:end -->"
    if start not in text or end not in text:
        print("README.md has no figures markers", file=sys.stderr)
        return 1
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    readme.write_text(head + start + "\n" + "\n".join(lines) + "\n" + end + tail, encoding="utf-8")
    print(f"{len(rows)} figures written to README.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
