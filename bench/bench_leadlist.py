"""Lead list and phone lookup over 1,000,000 leads (offscreen Qt).

Figures:
- leadlist_open_1m: MainWindow created → first page of the lead list painted
  (mean of ``--runs`` fresh windows), target 1000 ms;
- phone_lookup_1m: indexed lookup of an E.164 number (the screen-pop query),
  mean over 1000 numbers present in the store, after 1000 other lookups
  (a running app), target 1 ms; phone_lookup_1m_first: those first 1000;
- phone_lookup_1m_any_format: the same from a national-format text
  (normalise + lookup);
- leadlist_next_page_1m: one more page (keyset) deep in the list;
- leadlist_search_phone_1m / leadlist_search_name_1m: first page of a search.

    .venv/bin/python bench/bench_leadlist.py [--leads N] [--runs R]
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

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from make_big_store import ensure_big_store, sample_phones  # noqa: E402


def emit(name: str, value: float, unit: str, target: float, n: int, **extra) -> None:
    print(json.dumps({"bench": name, "value": round(value, 4), "unit": unit, "target": target,
                      "n": n, **extra}), flush=True)


def bench_open(store, runs: int) -> list[float]:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from workstation.config import Config
    from workstation.views.mainwindow import MainWindow

    app = QApplication.instance() or QApplication([])
    config = Config()
    times = []

    class PaintWatch(QObject):
        def __init__(self, model):
            super().__init__()
            self.model, self.at = model, None

        def eventFilter(self, obj, event):
            if (event.type() == QEvent.Type.Paint and self.at is None
                    and self.model.rowCount() > 0):
                self.at = time.perf_counter()
            return False

    from workstation.services.users import sign_in

    ctx = sign_in(store, config)
    for _ in range(runs):
        t0 = time.perf_counter()
        w = MainWindow(ctx)
        watch = PaintWatch(w.lead_list.model)
        w.lead_list.table.viewport().installEventFilter(watch)
        w.show()
        deadline = t0 + 30
        while watch.at is None and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.001)
        if watch.at is None:
            raise SystemExit("the lead list did not paint within 30 s")
        times.append((watch.at - t0) * 1000)
        w.shutdown()
        w.close()
        w.deleteLater()
        app.processEvents()
    return times


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--leads", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as home:
        for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            os.environ[var] = os.path.join(home, var.lower())
        return run(args)


def run(args) -> int:
    from workstation.domain import phones as ph
    from workstation.store import leads as L
    from workstation.store.db import Store

    path = ensure_big_store(args.leads)
    suffix = "1m" if args.leads == 1_000_000 else f"{args.leads}"
    store = Store(path=path)
    store.upgrade()  # at head already: what the app does on start

    times = bench_open(store, args.runs)
    emit(f"leadlist_open_{suffix}", statistics.mean(times), "ms", 1000, len(times),
         max=round(max(times), 1), first=round(times[0], 1))

    sample = sample_phones(path, 2000)
    warmup, numbers = sample[:1000], sample[1000:]
    with store.session() as s:
        def lookups(batch):
            t0 = time.perf_counter()
            found = sum(1 for n in batch if L.lookup_phone(s, n))
            if found != len(batch):
                raise SystemExit(f"lookup missed {len(batch) - found} numbers")
            return (time.perf_counter() - t0) * 1000 / len(batch)

        # first lookups after start: index pages come from disk (or the OS cache)
        emit(f"phone_lookup_{suffix}_first", lookups(warmup), "ms", 1, len(warmup))
        # steady state of a running app: other numbers, index interior pages cached
        emit(f"phone_lookup_{suffix}", lookups(numbers), "ms", 1, len(numbers))

        national = ["0" + n[4:] for n in numbers]  # +380671234567 → 0671234567
        t0 = time.perf_counter()
        for text in national:
            L.lookup_phone(s, ph.normalize(text, "UA"))
        per = (time.perf_counter() - t0) * 1000 / len(national)
        emit(f"phone_lookup_{suffix}_any_format", per, "ms", 1, len(national))

        def timed(fn, runs=5):
            out = []
            for _ in range(runs):
                t = time.perf_counter()
                fn()
                out.append((time.perf_counter() - t) * 1000)
            return statistics.mean(out), runs

        first = L.page(s, L.LeadFilter())
        deep = L.page(s, L.LeadFilter(), after=("ТОВ «Оптима", first[0].id))
        value, n = timed(lambda: L.page(s, L.LeadFilter(), after=deep[-1].key))
        emit(f"leadlist_next_page_{suffix}", value, "ms", 100, n)
        value, n = timed(lambda: L.page(s, L.LeadFilter(search="0" + numbers[7][4:])))
        emit(f"leadlist_search_phone_{suffix}", value, "ms", 100, n)
        value, n = timed(lambda: L.page(s, L.LeadFilter(search="олена ковал")), runs=3)
        emit(f"leadlist_search_name_{suffix}", value, "ms", 1000, n)
    store.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
