"""Workspace hot paths on the 1,000,000-lead store (bench/out, built on first use):

* ``lookup_by_phone`` (screen-pop lookup, any number format) over 1000 numbers;
* ``history_for_lead`` (newest 100 events) for 200 leads with 30 events each;
* ``save_wrapup`` (call + history event + lead + task, one committed transaction,
  SQLite WAL synchronous=FULL) for 200 calls, on a throwaway copy of the store;
* ``my_day_queue`` (callbacks due, overdue, new leads) for every manager, 5 rounds.

Prints one JSON object per line: {"bench", "value", "unit", "target", "n"}.
"""

from __future__ import annotations

import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from make_big_store import ensure_big_store, sample_phones  # noqa: E402

N_LEADS = 1_000_000


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def emit(name: str, values: list[float], target: float) -> None:
    for label, p in (("p50", 50), ("p99", 99)):
        print(json.dumps({"bench": f"{name}_{label}", "value": round(pct(values, p), 3),
                          "unit": "ms", "target": target, "n": len(values)}), flush=True)


def main() -> None:
    from sqlalchemy import select

    from workstation.domain.phones import display
    from workstation.store import history, myday, pop, wrapup
    from workstation.store.db import Store
    from workstation.store.models import HistoryEvent, Lead, Phone, User

    src = ensure_big_store(N_LEADS)
    numbers = sample_phones(src, 1000)
    with tempfile.TemporaryDirectory(dir=HERE / "out") as tmp:
        path = Path(tmp) / "copy.sqlite3"
        shutil.copyfile(src, path)
        store = Store(path=path)
        store.upgrade()  # the cached store may predate the newest indexes
        rnd = random.Random(7)
        formats = [lambda e: e, lambda e: e[1:], lambda e: "0" + e[4:], display,
                   lambda e: f"<sip:{e}@127.0.0.1>"]
        with store.session() as s:
            pop.lookup_by_phone(s, numbers[0])  # warm the connection
            times = []
            for e164 in numbers:
                text = rnd.choice(formats)(e164)
                t0 = time.perf_counter()
                found = pop.lookup_by_phone(s, text)
                times.append((time.perf_counter() - t0) * 1000)
                assert found, text
        emit("workspace_lookup_by_phone", times, 1.0)

        with store.session() as s:
            lead_ids = [s.scalar(select(Phone.lead_id).where(Phone.e164 == e)) for e in numbers[:200]]
            user = None
            now = datetime.now(timezone.utc)
            for lid in lead_ids:  # 30 events each
                for k in range(30):
                    s.add(HistoryEvent(lead_id=lid, kind="note", at=now - timedelta(days=k),
                                       text=f"event {k}"))
            s.commit()
        with store.session() as s:
            times = []
            for lid in lead_ids:
                t0 = time.perf_counter()
                rows = history.history_for_lead(s, lid, limit=100)
                times.append((time.perf_counter() - t0) * 1000)
                assert len(rows) >= 30
        emit("workspace_history_for_lead", times, 5.0)

        times = []
        for n, lid in enumerate(lead_ids):
            with store.session() as s:
                t0 = time.perf_counter()
                wrapup.save_wrapup(s, wrapup.WrapUp(
                    lead_id=lid, user_id=user, outcome="success", talk_seconds=90,
                    result="satisfactory", reason="call_later", lead_type="potential",
                    notes=f"bench {n}", tools=["offer_sent"],
                    next_contact_at=now + timedelta(days=2), script_path=[{"step": "x"}]))
                times.append((time.perf_counter() - t0) * 1000)
        with store.session() as s:
            assert s.get(Lead, lead_ids[0]).lead_type == "potential"
        emit("workspace_save_wrapup", times, 20.0)

        with store.session() as s:  # My day, refreshed after every wrap-up
            users = list(s.scalars(select(User.id).where(User.login.like("manager%"))))
            myday.my_day_queue(s, users[0])
            times = []
            for _round in range(5):
                for uid in users:
                    t0 = time.perf_counter()
                    items = myday.my_day_queue(s, uid)
                    times.append((time.perf_counter() - t0) * 1000)
                    assert items
        emit("workspace_my_day_queue", times, 100.0)
        store.dispose()


if __name__ == "__main__":
    main()
