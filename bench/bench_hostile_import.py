"""Hostile lead base files: peak memory and time of importing each one.

    .venv/bin/python bench/bench_hostile_import.py [--runs 1]

Every file is made by ``workstation.importer.hostile`` (the shared strings zip
bomb expands to 1 GiB, as the one of issue 14; ``shared_strings_64mib`` is no
bomb but 64 MiB of distinct strings, refused at the reader's memory budget after
parsing ~1M of them: the slowest refusal). Each import runs in a child
process of its own (a fresh interpreter with a fresh store) that reports its
peak RSS (``ru_maxrss``: the interpreter, SQLAlchemy and openpyxl included,
~45 MB before the file is touched) and the wall time of ``run_import`` until it
refused the file (or, for the files that are imported, finished). Two JSON
lines per file: ``hostile_<name>_rss`` (MB, target 200) and
``hostile_<name>_ms`` (target 5000).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

RSS_TARGET_MB = 200
TIME_TARGET_MS = 5000


def _late_nul_csv(path: Path) -> Path:
    """20 MB of clean CSV, a NUL byte on the last line."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("Company,Phone\n")
        line = "Synthetic Mills of a long name,+380671234567\n"
        for _ in range(20_000_000 // len(line)):
            f.write(line)
        f.write("Bad\0Ltd,+380671234568\n")
    return path


def make_files(d: Path) -> dict[str, Path]:
    from workstation.importer import hostile

    fifo = d / "pipe.csv"
    os.mkfifo(fifo)
    return {
        "zip_bomb_1gib": hostile.shared_strings_bomb(d / "bomb.xlsx", expanded=1 << 30),
        "zip_lying_sizes": hostile.lying_sizes_bomb(d / "liar.xlsx", expanded=256 << 20),
        # no bomb: text compressing like text, past the shared strings' memory budget
        "shared_strings_64mib": hostile.shared_strings_at_budget(d / "many.xlsx", 64 << 20),
        "styles_16mib": hostile.styles_bomb(d / "styles.xlsx", 16 << 20),
        "billion_laughs": hostile.billion_laughs(d / "lol.xlsx", "sst"),
        "external_entity": hostile.external_entity(d / "xxe.xlsx"),
        "dimension_xfd1048576": hostile.huge_dimension(d / "dim.xlsx", rows=20_000),
        "far_cells_and_gaps": hostile.far_cells(d / "far.xlsx", rows=2000),
        "zip_named_csv": hostile.zip_named_csv(d / "zip.csv"),
        "truncated_xlsx": hostile.truncated_xlsx(d / "cut.xlsx"),
        "fifo": fifo,
        "dev_zero": Path("/dev/zero"),
        "nul_at_20mb_csv": _late_nul_csv(d / "late-nul.csv"),
    }


def child(path: str, db: str) -> int:
    """Import ``path`` into a fresh store; print {ms, rss_mb, outcome}."""
    from workstation.importer.importer import run_import
    from workstation.importer.reader import ImportFileError
    from workstation.store.db import Store

    store = Store(path=db)
    store.upgrade()
    t0 = time.perf_counter()
    try:
        result = run_import(store, path)
        outcome = f"imported: {result.summary()}"
    except ImportFileError as exc:
        outcome = f"refused: {exc}"
    ms = (time.perf_counter() - t0) * 1000
    store.dispose()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(json.dumps({"ms": ms, "rss_mb": rss_mb, "outcome": outcome[:300]}))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--child", nargs=2, metavar=("FILE", "DB"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return child(*args.child)
    failed = 0
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        t0 = time.perf_counter()
        files = make_files(d)
        print(f"# files made in {time.perf_counter() - t0:.1f} s: "
              + ", ".join(f"{k} {p.stat().st_size if p.is_file() else 0:,} B"
                          for k, p in files.items()), file=sys.stderr)
        for name, path in files.items():
            ms, rss = [], []
            for run in range(args.runs):
                db = d / f"{name}-{run}.sqlite3"
                try:
                    proc = subprocess.run(
                        [sys.executable, __file__, "--child", str(path), str(db)],
                        capture_output=True, text=True, timeout=300)
                except subprocess.TimeoutExpired:
                    print(f"# {name}: no answer within 300 s", file=sys.stderr)
                    failed += 1
                    break
                if proc.returncode != 0:
                    print(f"# {name}: exit {proc.returncode}: {proc.stderr[-800:]}",
                          file=sys.stderr)
                    failed += 1
                    break
                row = json.loads(proc.stdout.strip().splitlines()[-1])
                ms.append(row["ms"])
                rss.append(row["rss_mb"])
                print(f"# {name} run {run}: {row['ms']:.0f} ms, {row['rss_mb']:.0f} MB: "
                      f"{row['outcome']}", file=sys.stderr)
            if not ms:
                continue
            print(json.dumps({"bench": f"hostile_{name}_rss", "value": round(max(rss), 1),
                              "unit": "MB", "target": RSS_TARGET_MB, "n": len(rss)}))
            print(json.dumps({"bench": f"hostile_{name}_ms",
                              "value": round(statistics.median(ms), 1), "unit": "ms",
                              "target": TIME_TARGET_MS, "n": len(ms)}))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
