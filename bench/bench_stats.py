"""Call statistics (issue 12): the day view and the month view of a team of 50
managers over 1,250,000 calls (a year: 100 calls a manager a working day),
on SQLite (the local store) and on PostgreSQL (a throwaway cluster).

The data is generated once into bench/out/stats.sqlite3 (Core inserts) and
copied into PostgreSQL with COPY from bench/out/stats_calls.csv (both cached).
Each view is ``services.stats.report`` for the team (every figure: calls by
outcome, talk and call time, effective calls, tools, tasks assigned, warm
clients, sales, plans and pace), timed 15 times after one warm-up; its charts (calls per hour, answer rate
by hour, effective calls of the last 8 weeks) 5 times, for information.

    PYTHONPATH=src python bench/bench_stats.py [--only sqlite|pg]

Prints one JSON object per line: {"bench", "value", "unit", "target", "n"}.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import statistics
import sys
import time
import uuid
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE.parent / "src"))

N_MANAGERS = 50
CALLS_PER_DAY = 100
FIRST_DAY = date(2026, 1, 5)
WORKING_DAYS = 250
ZONE = "Europe/Kyiv"
DAY = date(2026, 6, 10)
MONTH = date(2026, 6, 1)
TARGET_MS = 300
RUNS = 15
SQLITE = OUT / "stats.sqlite3"
CSV = OUT / "stats_calls.csv"
NULL = "\\N"
TABLES = ("teams", "users", "leads", "calls", "tasks", "history_events")


def _days() -> list[date]:
    out, d = [], FIRST_DAY
    while len(out) < WORKING_DAYS:
        if d.weekday() < 5:
            out.append(d)
        d += timedelta(days=1)
    return out


def generate(path: Path) -> None:
    """The SQLite store with 1,250,000 calls (Core inserts in chunks)."""
    from zoneinfo import ZoneInfo

    from sqlalchemy import insert

    from workstation.store import stats as st
    from workstation.store.db import Store
    from workstation.store.models import Call, HistoryEvent, Lead, Task, Team, User

    tmp = path.with_suffix(".part")
    tmp.unlink(missing_ok=True)
    store = Store(path=tmp)
    store.upgrade()
    rnd = random.Random(12)
    tz = ZoneInfo(ZONE)
    team = uuid.uuid4()
    users = [uuid.uuid4() for _ in range(N_MANAGERS)]
    leads = [uuid.uuid4() for _ in range(20_000)]
    now = datetime(2026, 1, 1, tzinfo=timezone.utc)
    base = dict(created_at=now, updated_at=now, created_by=None, updated_by=None, revision=1,
                deleted=False)
    with store.session() as s, s.begin():
        s.execute(insert(Team.__table__), [dict(base, id=team, name="Bench")])
        s.execute(insert(User.__table__), [
            dict(base, id=u, login=f"m{i:02d}", full_name=f"Manager {i:02d}", role="manager",
                 team_id=team, sip_extension="", sip_username="", active=True)
            for i, u in enumerate(users)])
        s.execute(insert(Lead.__table__), [dict(base, id=lead, company=f"Company {i}")
                                           for i, lead in enumerate(leads)])
        st.set_time_zone(s, ZONE, team)
    outcomes = ["success"] * 45 + ["no_answer"] * 35 + ["busy"] * 12 + ["error"] * 8
    sip = {"success": 200, "no_answer": 480, "busy": 486, "error": 503}
    tools_pool = [["presentation"], ["invoice"], ["decision_maker"], ["demo_access"],
                  ["presentation", "invoice"]]
    calls, tasks, events = [], [], []

    def flush(force: bool = False) -> None:
        with store.session() as s, s.begin():
            if calls:
                s.execute(insert(Call.__table__), calls)
            if tasks:
                s.execute(insert(Task.__table__), tasks)
            if events:
                s.execute(insert(HistoryEvent.__table__), events)
        calls.clear()
        tasks.clear()
        events.clear()

    for day in _days():
        t0 = datetime.combine(day, datetime.min.time(), tzinfo=tz).replace(hour=9)
        for u in users:
            for _ in range(CALLS_PER_DAY):
                start = (t0 + timedelta(seconds=rnd.randrange(9 * 3600))).astimezone(timezone.utc)
                o = rnd.choice(outcomes)
                ring = rnd.uniform(2, 40)
                talk = rnd.expovariate(1 / 90) if o == "success" else 0.0
                tools = rnd.choice(tools_pool) if o == "success" and rnd.random() < 0.1 else None
                result = (rnd.choice(["positive", "negative", "satisfactory", "undefined"])
                          if o == "success" and rnd.random() < 0.7 else None)
                lead = rnd.choice(leads)
                calls.append(dict(
                    base, id=uuid.uuid4(), lead_id=lead, contact_id=None, user_id=u,
                    direction="out", local_number="", remote_number="+380441234567",
                    remote_e164="+380441234567", sip_call_id="", started_at=start,
                    answered_at=start + timedelta(seconds=ring) if o == "success" else None,
                    ended_at=start + timedelta(seconds=ring + talk), sip_status=sip[o],
                    sip_reason="", outcome=o, ring_seconds=ring, talk_seconds=talk, codec="",
                    media_security="", recording_path="", result=result,
                    refusal_reason="", tools=tools, notes="",
                    invoice_amount=rnd.randrange(1000, 90_000) if tools and "invoice" in tools
                    else None, effective=o == "success" and talk >= 60))
                if tools:
                    tasks.append(dict(base, id=uuid.uuid4(), lead_id=lead, owner_id=u,
                                      kind=tools[0], title=tools[0], due_at=start, remind=False,
                                      status="done"))
                if result == "positive":
                    events.append(dict(base, id=uuid.uuid4(), lead_id=lead, user_id=u,
                                       call_id=calls[-1]["id"], kind="type_change", at=start,
                                       text="", field="lead_type", new_value="interested"))
        flush()
    store.dispose()
    tmp.rename(path)


def to_csv(sqlite_path: Path, csv_path: Path) -> None:
    """Every bench table, one CSV section each (for PostgreSQL's COPY)."""
    import sqlite3

    conn = sqlite3.connect(sqlite_path)
    tmp = csv_path.with_suffix(".part")
    with open(tmp, "w", newline="") as f:
        w = csv.writer(f)
        for table in TABLES:
            cur = conn.execute(f"SELECT * FROM {table}")  # noqa: S608 - fixed names
            cols = [c[0] for c in cur.description]
            w.writerow(["#table", table, *cols])
            for row in cur:
                w.writerow([NULL if v is None else v for v in row])
    conn.close()
    tmp.rename(csv_path)


def load_pg(url: str, csv_path: Path) -> None:
    """The shared schema (Alembic + db/shared) and the bench data by COPY."""
    import psycopg

    from workstation.sync.shared import shared_engine, upgrade_shared_engine

    engine = shared_engine(url=url)
    upgrade_shared_engine(engine)
    engine.dispose()
    conninfo = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(conninfo) as conn, open(csv_path, newline="") as f:
        conn.execute("SET session_replication_role = replica")  # no triggers while loading
        conn.execute("SET TimeZone = 'UTC'")  # SQLite keeps naive UTC times
        rows = csv.reader(f)
        head = next(rows)
        while head:
            table, cols, head = head[1], head[2:], None
            with conn.cursor().copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as copy:
                for row in rows:
                    if row and row[0] == "#table":
                        head = row
                        break
                    copy.write_row([None if v == NULL else v for v in row])
        conn.execute("SET session_replication_role = DEFAULT")
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")


def time_views(store, label: str) -> None:
    from workstation.services import stats
    from workstation.services.context import Context, SignedInUser

    class Settings:
        def get(self, key):
            return {"plan.effective_min_talk_seconds": 60,
                    "plan.effective_calls_per_day": 30}.get(key)

    from sqlalchemy import select

    from workstation.store.models import Team

    with store.session() as s:
        team = s.scalar(select(Team.id).where(Team.name == "Bench"))
    ctx = Context(store, SignedInUser(id=None, login="bench", role="admin"), settings=Settings())
    for view, kind, day in (("day", "day", DAY), ("month", "month", MONTH)):
        period = stats.period_of(ctx, kind, day, team_id=team)
        rep = stats.report(ctx, period, team_id=team)  # warm-up
        assert len(rep.rows) == N_MANAGERS, len(rep.rows)
        times = []
        for _ in range(RUNS):
            t = time.perf_counter()
            rep = stats.report(ctx, period, team_id=team)
            times.append((time.perf_counter() - t) * 1000)
        total = int(rep.team.value("n_total"))
        chart_times = []
        for _ in range(5):  # the charts are read after the table, off the GUI thread
            t = time.perf_counter()
            stats.charts(ctx, rep)
            chart_times.append((time.perf_counter() - t) * 1000)
        print(json.dumps({"bench": f"stats_{view}_charts_{label}_p50",
                          "value": round(statistics.median(chart_times), 1), "unit": "ms",
                          "target": None, "n": len(chart_times),
                          "load": round(os.getloadavg()[0], 1)}), flush=True)
        for name, value in (("p50", statistics.median(times)), ("max", max(times))):
            print(json.dumps({"bench": f"stats_{view}_view_{label}_{name}",
                              "value": round(value, 1), "unit": "ms", "target": TARGET_MS,
                              "n": RUNS, "calls_in_view": total,
                              "load": round(os.getloadavg()[0], 1)}), flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", choices=("sqlite", "pg"))
    args = ap.parse_args()
    OUT.mkdir(exist_ok=True)
    if not SQLITE.exists():
        t = time.perf_counter()
        generate(SQLITE)
        print(f"# generated {SQLITE} in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    from workstation.store.db import Store

    if args.only != "pg":
        store = Store(path=SQLITE)
        store.upgrade()
        time_views(store, "sqlite")
        store.dispose()
    if args.only != "sqlite":
        if not CSV.exists():
            to_csv(SQLITE, CSV)
        from workstation.sync.pgcluster import PgCluster

        cluster = PgCluster(fsync=False).init()
        cluster.start()
        try:
            cluster.create_database("bench")
            url = cluster.url(dbname="bench")
            t = time.perf_counter()
            load_pg(url, CSV)
            print(f"# loaded PostgreSQL in {time.perf_counter() - t:.0f} s", file=sys.stderr)
            store = Store(url=url)
            time_views(store, "pg")
            store.dispose()
        finally:
            cluster.destroy()


if __name__ == "__main__":
    main()
