"""Team board update: a call ends on a manager's workstation -> the team lead's
board model shows the manager in wrap-up. Two workstations in one process (each
its own local store, sync service and connections) against a throwaway
PostgreSQL cluster (fsync off); poll interval 10 minutes, so every update
travels push -> NOTIFY -> pull -> change bus -> board query.

    .venv/bin/python bench/bench_board.py [--n 60] [--only update|read]

Prints JSON lines: p50/p95 of the update in ms; the CPU of one board read for 50
managers with 30 days of stored intervals (150,000) and today's calls.
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
sys.path.insert(0, str(ROOT / "tests"))  # the engine-signal feeder the board's tests use
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def wait(app, cond, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            return False
        app.processEvents()
        time.sleep(0.0005)
    return True


def measure(n: int) -> tuple[list[float], dict]:
    from PySide6.QtWidgets import QApplication

    from board.board_parts import EngineSignals, make_context
    from workstation.domain import presence as P
    from workstation.store.db import Store
    from workstation.sync.pgcluster import PgCluster
    from workstation.sync.qt import SyncService
    from workstation.sync.shared import create_user, shared_engine, upgrade_shared_engine
    from workstation.sync.worker import Syncer
    from workstation.views import ops
    from workstation.views.board import BoardView, PresenceTracker
    from workstation.views.callmodel import Calls

    app = QApplication.instance() or QApplication([])
    cluster = PgCluster(fsync=False).init()
    cluster.start()
    services = []
    try:
        cluster.create_database("bench")
        admin = shared_engine(url=cluster.url(dbname="bench"))
        upgrade_shared_engine(admin)
        alice = create_user(admin, "alice", "pw-alice-1", "manager", team="t1")
        lena = create_user(admin, "lena", "pw-lena-1", "teamlead", team="t1")
        tmp = Path(tempfile.mkdtemp())

        def station(login, password, uid, role):
            store = Store(path=tmp / f"{login}.sqlite3")
            store.upgrade()
            syncer = Syncer(store.url, shared_engine(url=cluster.url(login, password, "bench")))
            syncer.sync_once()
            service = SyncService(syncer, poll_s=600.0)
            service.sig_report.connect(
                lambda r: (c := ops.pulled_changes(r)) and ops.bus().sig_changed.emit(c))
            service.start()
            services.append(service)
            return make_context(store, uid, login=login, role=role), service

        ctx_a, sync_a = station("alice", "pw-alice-1", alice, "manager")
        ctx_b, sync_b = station("lena", "pw-lena-1", lena, "teamlead")
        engine = EngineSignals()
        tracker = PresenceTracker(ctx_a, Calls(engine))
        board = BoardView(ctx_b, sync=sync_b)

        def state() -> str | None:
            row = board.model.row_of(alice)
            return board.model.state_of(row) if row >= 0 else None

        assert wait(app, lambda: sync_a.last.connected and sync_b.last.connected)
        tracker.start()
        assert wait(app, lambda: state() == P.AVAILABLE), "the board never saw the manager"
        seen: list[float] = []
        board.model.sig_refreshed.connect(
            lambda: state() == P.WRAPUP and seen.append(time.perf_counter()))
        times = []
        for i in range(n):
            key = engine.ring(f"+3806712{i:05d}")
            engine.answer(key)
            assert wait(app, lambda: state() == P.ON_CALL), f"update {i}: never on a call"
            seen.clear()
            t0 = time.perf_counter()
            engine.end(key, f"+3806712{i:05d}", talk=3.0)
            assert wait(app, lambda: bool(seen)), f"update {i}: never in wrap-up"
            times.append((seen[0] - t0) * 1000)
            tracker.wrapup_done()
            assert wait(app, lambda: state() == P.AVAILABLE), f"update {i}: never available"
        t = sync_b.syncer.timings
        return times, {"wake_notify": t["wake_notify"], "wake_poll": t["wake_poll"]}
    finally:
        for s in services:
            s.stop()
        cluster.destroy()


def measure_read(runs: int = 10, managers: int = 50, days: int = 30,
                 per_day: int = 100) -> list[float]:
    """CPU ms of one board read (``services.board.board``) for a team lead of
    ``managers`` with ``days`` of stored intervals and today's calls."""
    import uuid
    from datetime import datetime, timedelta, timezone

    from sqlalchemy import insert

    from board.board_parts import make_context
    from workstation.store.db import Store
    from workstation.store.models import AgentState, Call, Team, User
    from workstation.services import board as board_service

    store = Store(path=Path(tempfile.mkdtemp()) / "read.sqlite3")
    store.upgrade()
    now = datetime.now(timezone.utc)
    with store.session() as s, s.begin():
        team = Team(name="T")
        s.add(team)
        s.flush()
        lead = User(login="lead", role="teamlead", team_id=team.id)
        s.add(lead)
        people = [User(login=f"m{i}", role="manager", team_id=team.id) for i in range(managers)]
        s.add_all(people)
        s.flush()
        ids, lead_id = [u.id for u in people], lead.id
    states, calls = [], []
    for uid in ids:
        for d in range(days):
            base = now - timedelta(days=d, hours=8)
            for k in range(per_day):
                at = base + timedelta(minutes=4 * k)
                states.append(dict(id=uuid.uuid4(), user_id=uid, detail="",
                                   state=("available", "ringing", "on_call", "wrapup")[k % 4],
                                   started_at=at, ended_at=at + timedelta(minutes=4),
                                   heartbeat_at=at, created_at=at, updated_at=at))
        for k in range(per_day):
            calls.append(dict(id=uuid.uuid4(), user_id=uid, direction="out",
                              started_at=now - timedelta(minutes=3 * k), talk_seconds=60.0,
                              outcome="success" if k % 3 == 0 else "no_answer",
                              effective=k % 6 == 0, created_at=now, updated_at=now))
    with store.engine.begin() as c:
        c.execute(insert(AgentState), states)
        c.execute(insert(Call), calls)
    ctx = make_context(store, lead_id, login="lead", role="teamlead")
    board_service.board(ctx)
    out = []
    for _ in range(runs):
        t0 = time.process_time()
        assert len(board_service.board(ctx)) == managers
        out.append((time.process_time() - t0) * 1000)
    store.dispose()
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--only", choices=("update", "read"))
    args = ap.parse_args()
    if args.only != "read":
        times, wakes = measure(args.n)
        q = statistics.quantiles(times, n=100)
        print(json.dumps({"bench": "board_update_p95", "value": round(q[94], 1), "unit": "ms",
                          "target": 1000, "n": len(times),
                          "p50_ms": round(statistics.median(times), 1),
                          "max_ms": round(max(times), 1), "load": round(os.getloadavg()[0], 1),
                          **wakes}))
    if args.only != "update":
        reads = measure_read()
        print(json.dumps({"bench": "board_read_cpu", "value": round(statistics.median(reads), 1),
                          "unit": "ms", "target": None, "n": len(reads),
                          "max_ms": round(max(reads), 1), "managers": 50, "intervals": 150000,
                          "load": round(os.getloadavg()[0], 1)}))


if __name__ == "__main__":
    main()
