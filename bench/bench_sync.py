"""Sync figures against a throwaway PostgreSQL cluster (fsync on, as in production).

    .venv/bin/python bench/bench_sync.py            # all figures, the issue's sizes
    .venv/bin/python bench/bench_sync.py --quick    # team run 1 minute instead of 5
    .venv/bin/python bench/bench_sync.py --only latency,first,recording,team
    .venv/bin/python bench/bench_sync.py --only teampool   # not in the default run

Figures (one JSON line each):
  sync_wrapup_visible_p50/p95_ms  wrap-up saved on A until it is in B's local store (200)
  sync_team_lost / _duplicated / _push_lag_p95_ms
                                  20 workstation processes, 100 calls a minute each,
                                  each on its own lead (the others cannot see it)
  sync_team_pool_*                the same on shared-pool leads: every member sees
                                  (and pulls) every call of the other 19
  sync_first_sync_100k_leads_s    a new workstation's first sync of 100,000 leads
  recording_bytes_per_minute      stored Ogg Opus bytes per minute of speech
  recording_pesq                  PESQ (wideband) of the stored file vs the original
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def emit(name, value, unit, target, n, **extra):
    print(json.dumps({"bench": name, "value": round(value, 3) if isinstance(value, float)
                      else value, "unit": unit, "target": target, "n": n, **extra}), flush=True)


def pct(values, p):
    values = sorted(values)
    if not values:
        return float("nan")
    k = min(len(values) - 1, max(0, int(round(p / 100 * (len(values) - 1)))))
    return values[k]


# -- setup -----------------------------------------------------------------------------------

def setup_cluster():
    from workstation.sync.pgcluster import PgCluster
    from workstation.sync.shared import shared_engine, upgrade_shared_engine

    cluster = PgCluster(fsync=True).init()
    cluster.start()
    cluster.create_database("team")
    admin = shared_engine(url=cluster.url(dbname="team"))
    upgrade_shared_engine(admin)
    return cluster, admin


def add_user(cluster, admin, login, role="manager", team="sales"):
    from workstation.sync.shared import create_user

    uid = create_user(admin, login, "pw-" + login, role, team=team)
    return uid, cluster.url(login, "pw-" + login, "team")


def workstation(path: Path, url: str):
    from workstation.store.db import Store
    from workstation.sync.shared import shared_engine
    from workstation.sync.worker import Syncer

    store = Store(path=path)
    store.upgrade()
    return store, Syncer(store.url, shared_engine(url=url))


# -- 1. wrap-up on A visible on B ----------------------------------------------------------------

def bench_latency(cluster, admin, tmp: Path, n: int = 200) -> None:
    from sqlalchemy import text

    from workstation.store.models import Call, HistoryEvent
    from workstation.store.types import utcnow
    from workstation.sync.runner import SyncWorker

    ua, url_a = add_user(cluster, admin, "lat_a")
    ub, url_b = add_user(cluster, admin, "lat_b")
    with admin.begin() as c:
        lead = c.scalar(text(
            "INSERT INTO leads (id, company, category, address, source, topic, product, project,"
            " site, channel, team_id, shared_pool, remind, attempts, notes, name_key, created_at,"
            " updated_at, revision, deleted) VALUES (gen_random_uuid(), 'Latency Co', '', '', '',"
            " '', '', '', '', 'call', (SELECT id FROM teams WHERE name = 'sales'), true, false,"
            " 0, '', '', now(), now(), 0, false) RETURNING id"))
    store_a, sync_a = workstation(tmp / "a.sqlite3", url_a)
    store_b, sync_b = workstation(tmp / "b.sqlite3", url_b)
    sync_a.sync_once()
    sync_b.sync_once()
    wa, wb = SyncWorker(sync_a), SyncWorker(sync_b)
    wa.start()
    wb.start()
    time.sleep(1.0)
    probe = sqlite3.connect(str(tmp / "b.sqlite3"))
    lat = []
    try:
        for i in range(n):
            with store_a.session() as s, s.begin():  # the wrap-up save: call + history
                call = Call(lead_id=lead, user_id=ua, direction="out", outcome="success",
                            result="positive", notes=f"wrap-up {i}", ended_at=utcnow())
                s.add(call)
                s.flush()
                s.add(HistoryEvent(lead_id=lead, call_id=call.id, user_id=ua, kind="call"))
            t0 = time.perf_counter()
            key = call.id.hex
            deadline = t0 + 30
            while time.perf_counter() < deadline:
                if probe.execute("SELECT 1 FROM calls WHERE id = ?", (key,)).fetchone():
                    break
                time.sleep(0.002)
            lat.append((time.perf_counter() - t0) * 1000)
            time.sleep(0.05)
    finally:
        wa.stop()
        wb.stop()
        probe.close()
        store_a.dispose()
        store_b.dispose()
    emit("sync_wrapup_visible_p50_ms", statistics.median(lat), "ms", 1000, n)
    emit("sync_wrapup_visible_p95_ms", pct(lat, 95), "ms", 1000, n)


# -- 2. twenty workstations -------------------------------------------------------------------

def team_member(url: str, path: str, seconds: float, per_minute: int, out: str,
                go: str = "", phase: float = 0.0, pool: bool = False) -> None:
    """One simulated workstation (its own process): log calls at a steady rate.

    It starts (imports, local schema, first sync, its lead, the sync worker),
    writes ``<out>.ready`` and waits for the file ``go``: the twenty start-ups
    (about 2 s of CPU each) are not part of the measured minutes. ``phase``
    (a fraction of the gap between calls) spreads the members' calls. ``pool``:
    the lead is in the team's shared pool (every member sees, so pulls, every
    call) instead of the member's own.

    Each call is two local transactions, as in the app: the call row when it
    starts, then the wrap-up (the call updated, its history event, the lead's
    attempt fields). Push lag of a change = the moment the shared database had
    committed the push holding it minus the moment its local transaction
    committed (both wall clock, one machine).
    """
    import bisect
    from datetime import timezone

    from workstation.store.models import Call, HistoryEvent, Lead
    from workstation.store.types import utcnow
    from workstation.sync.runner import SyncWorker

    store, syncer = workstation(Path(path), url)
    commits: dict = {}  # row id -> local commit times (s since epoch), in order
    pushed: list = []  # (row id, outbox entry created_at, pushed_at)

    def on_pushed(entries, pushed_at):
        at = pushed_at.timestamp()
        pushed.extend((rid, created.replace(tzinfo=timezone.utc).timestamp()
                       if created.tzinfo is None else created.timestamp(), at)
                      for _t, rid, created in entries)

    syncer.lag_hook = on_pushed
    syncer.sync_once()
    uid = syncer.user_id(syncer.shared.connect())
    with store.session() as s, s.begin():
        if pool:
            from workstation.store.models import User

            lead = Lead(company=f"Pool lead of {path}", shared_pool=True,
                        team_id=s.get(User, uid).team_id)
        else:
            lead = Lead(company=f"Lead of {path}", owner_id=uid)
        s.add(lead)
    commits[lead.id] = [time.time()]
    worker = SyncWorker(syncer)
    worker.start()
    ids = []
    gap = 60.0 / per_minute
    if go:
        Path(out + ".ready").write_text("ready")
        while not Path(go).exists():
            time.sleep(0.05)
        time.sleep(phase * gap)
    import resource

    ru = resource.getrusage(resource.RUSAGE_SELF)
    cpu0 = ru.ru_utime + ru.ru_stime
    start = time.monotonic()
    k = 0
    while time.monotonic() - start < seconds:
        with store.session() as s, s.begin():  # the call as it starts
            call = Call(lead_id=lead.id, user_id=uid, direction="out", started_at=utcnow())
            s.add(call)
        commits.setdefault(call.id, []).append(time.time())
        with store.session() as s, s.begin():  # its wrap-up
            c = s.get(Call, call.id)
            c.ended_at, c.outcome, c.notes = utcnow(), "success", f"wrap-up {k}"
            h = HistoryEvent(lead_id=lead.id, call_id=call.id, user_id=uid, kind="call")
            s.add(h)
            ld = s.get(Lead, lead.id)
            ld.last_attempt_at, ld.last_contact_at, ld.attempts = c.started_at, c.ended_at, 0
        done = time.time()
        for rid in (call.id, h.id, lead.id):
            commits.setdefault(rid, []).append(done)
        ids.append(str(call.id))
        k += 1
        next_at = start + k * gap
        time.sleep(max(0.0, next_at - time.monotonic()))
    drain = time.monotonic()
    while syncer.waiting() and time.monotonic() - drain < 120:
        time.sleep(0.2)
    left = syncer.waiting()
    worker.stop()
    lags = []
    for rid, created, at in pushed:  # the transaction that wrote this entry committed
        times = commits.get(rid)  # first at or after the entry was written (flush)
        if not times:
            continue
        i = bisect.bisect_left(times, created)
        if i < len(times):
            lags.append(at - times[i])
    ru = resource.getrusage(resource.RUSAGE_SELF)
    timings = dict(syncer.timings)
    timings["process_cpu_s"] = ru.ru_utime + ru.ru_stime - cpu0  # from the go
    Path(out).write_text(json.dumps({"ids": ids, "lags": lags, "left": left,
                                     "timings": timings}))
    store.dispose()


def server_cpu_s(cluster) -> float:
    """CPU seconds of the PostgreSQL server: the postmaster, its reaped backends
    and its live children (Linux /proc; 0 elsewhere)."""
    try:
        pid = int((cluster.data / "postmaster.pid").read_text().split()[0])
        tick = os.sysconf("SC_CLK_TCK")

        def fields(p):
            raw = Path(f"/proc/{p}/stat").read_text()
            return raw[raw.rindex(")") + 2:].split()

        f = fields(pid)
        total = sum(int(x) for x in f[11:15])  # utime stime cutime cstime
        for d in Path("/proc").iterdir():
            if d.name.isdigit() and d.name != str(pid):
                try:
                    c = fields(d.name)
                except OSError:
                    continue
                if int(c[1]) == pid:
                    total += int(c[11]) + int(c[12])
        return total / tick
    except (OSError, ValueError):
        return 0.0


def bench_team(cluster, admin, tmp: Path, seconds: float, members: int = 20,
               per_minute: int = 100, pool: bool = False) -> None:
    name = "sync_team_pool" if pool else "sync_team"
    tag = "pool_" if pool else ""
    from sqlalchemy import text

    procs = []
    go = tmp / f"go{tag}"
    for i in range(members):
        _uid, url = add_user(cluster, admin, f"team_{tag}{i:02d}")
        out = tmp / f"member{tag}{i}.json"
        procs.append((subprocess.Popen(
            [sys.executable, __file__, "--_member", url, str(tmp / f"m{tag}{i}.sqlite3"),
             str(seconds), str(per_minute), str(out), str(go), str(i / members),
             "pool" if pool else "own"]), out))
    deadline = time.monotonic() + 300
    while not all(Path(str(out) + ".ready").exists() for _, out in procs):
        if time.monotonic() > deadline or any(p.poll() is not None for p, _ in procs):
            raise SystemExit("team members did not start")
        time.sleep(0.2)
    time.sleep(2.0)  # their first rounds settle
    server_cpu0 = server_cpu_s(cluster)
    go.write_text("go")
    t_go = time.monotonic()
    for p, _ in procs:
        p.wait(timeout=seconds + 600)
    wall = time.monotonic() - t_go
    ids, lags, left = [], [], 0
    timings: dict[str, float] = {}
    for p, out in procs:
        if p.returncode != 0 or not out.exists():
            raise SystemExit(f"team member failed (exit {p.returncode})")
        data = json.loads(out.read_text())
        ids += data["ids"]
        lags += data["lags"]
        left += data["left"]
        for k, v in data.get("timings", {}).items():
            timings[k] = timings.get(k, 0) + v
    timings["server_cpu_s"] = server_cpu_s(cluster) - server_cpu0
    timings["wall_s"] = wall
    with admin.connect() as c:
        c.execute(text("CREATE TEMP TABLE want (id uuid PRIMARY KEY)"))
        c.execute(text("INSERT INTO want SELECT unnest(CAST(:ids AS uuid[]))"), {"ids": ids})
        lost = c.scalar(text("SELECT count(*) FROM want w WHERE NOT EXISTS (SELECT 1 FROM calls"
                             " c WHERE c.id = w.id AND c.notes LIKE 'wrap-up %')"))
        dup_calls = c.scalar(text("SELECT count(*) - count(DISTINCT id) FROM calls"))
        dup_hist = c.scalar(text("SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM"
                                 " history_events WHERE kind = 'call' GROUP BY call_id) x"))
    emit(f"{name}_lost", int(lost), "calls", 0, len(ids), workstations=members,
         seconds=seconds, per_minute=per_minute, left_in_outbox=left)
    emit(f"{name}_duplicated", int(dup_calls + dup_hist), "rows", 0, len(ids))
    load1, load5, _ = os.getloadavg()
    emit(f"{name}_push_lag_p95_ms", pct(lags, 95) * 1000, "ms", 1000, len(lags),
         p50_ms=round(pct(lags, 50) * 1000, 1), load1=round(load1, 2), load5=round(load5, 2),
         cpus=os.cpu_count())
    # where the workers spent their time (sums over all members): see README's sync notes
    print(json.dumps({"profile": name, **{k: round(v, 2) for k, v in
                                                  sorted(timings.items())}}), file=sys.stderr)


# -- 3. first sync of a new workstation ---------------------------------------------------------

def bench_first_sync(cluster, admin, tmp: Path, n: int = 100_000) -> None:
    from sqlalchemy import text

    _uid, url = add_user(cluster, admin, "newcomer")
    with admin.begin() as c:  # an imported base: leads with one phone each, team pool
        c.execute(text(
            "INSERT INTO leads (id, company, category, address, source, topic, product, project,"
            " site, channel, team_id, shared_pool, remind, attempts, notes, name_key, created_at,"
            " updated_at, revision, deleted) SELECT gen_random_uuid(), 'Company ' || g,"
            " 'Retail', 'Street ' || g, 'import', '', '', '', '', 'call',"
            " (SELECT id FROM teams WHERE name = 'sales'), true, false, 0, '',"
            " 'company ' || g, now(), now(), 0, false FROM generate_series(1, :n) g"), {"n": n})
        c.execute(text(
            "INSERT INTO phones (id, lead_id, raw, e164, kind, position, created_at, updated_at,"
            " revision, deleted) SELECT gen_random_uuid(), id, '+38044' || lpad((row_number()"
            " OVER ())::text, 7, '0'), '+38044' || lpad((row_number() OVER ())::text, 7, '0'),"
            " 'work', 0, now(), now(), 0, false FROM leads"))
    store, syncer = workstation(tmp / "new.sqlite3", url)
    t0 = time.perf_counter()
    report = syncer.sync_once()
    dt = time.perf_counter() - t0
    got = report.pulled["leads"]
    syncer.close()
    store.dispose()
    emit("sync_first_sync_100k_leads_s", dt, "s", 30, 1, leads=got,
         phones=report.pulled["phones"])


# -- 4. recordings ------------------------------------------------------------------------------

SPEECH = ("Good morning. This is Anna from the sales department. I am calling about the "
          "equipment you asked us about last week. We have prepared an offer with delivery "
          "in ten days and a discount for the first order. Could you tell me who decides on "
          "purchases in your company, and when it would be convenient to send the details? "
          "Thank you, I will write to you today and call again on Thursday afternoon.")


def bench_recording(tmp: Path) -> None:
    import numpy as np
    import soundfile as sf
    from pesq import pesq

    from workstation.sync.recordings import _resample, compress

    raw = tmp / "speech_raw.wav"
    subprocess.run(["espeak-ng", "-w", str(raw), SPEECH], check=True)
    x, sr = sf.read(str(raw), dtype="float32")
    x16 = _resample(x, sr, 16000).astype("float32") if sr != 16000 else x
    x16 = np.tile(x16, 3)  # about a minute of speech
    wav = tmp / "call.wav"
    sf.write(str(wav), x16, 16000, subtype="PCM_16")
    ogg = tmp / "call.opus.ogg"
    duration = compress(wav, ogg)
    size = ogg.stat().st_size
    emit("recording_bytes_per_minute", size / duration * 60, "bytes", 1_000_000, 1,
         seconds=round(duration, 1), wav_bytes_per_minute=int(wav.stat().st_size / duration * 60))
    ref, _ = sf.read(str(wav), dtype="float32")
    deg, dsr = sf.read(str(ogg), dtype="float32")
    if dsr != 16000:
        deg = _resample(deg, dsr, 16000).astype("float32")
    m = min(len(ref), len(deg))
    emit("recording_pesq", float(pesq(16000, ref[:m], deg[:m], "wb")), "MOS-LQO", 3.5, 1)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="team run: 1 minute instead of 5")
    ap.add_argument("--only", default="latency,team,first,recording")
    ap.add_argument("--_member", nargs=8, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args._member:
        url, path, seconds, per_minute, out, go, phase, kind = args._member
        team_member(url, path, float(seconds), int(per_minute), out, go, float(phase),
                    kind == "pool")
        return 0
    only = set(args.only.split(","))
    tmp = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    if "recording" in only:
        bench_recording(tmp)
    cluster, admin = setup_cluster()
    try:
        if "latency" in only:
            bench_latency(cluster, admin, tmp)
        if "first" in only:
            bench_first_sync(cluster, admin, tmp)
        if "team" in only:
            bench_team(cluster, admin, tmp, 60.0 if args.quick else 300.0)
        if "teampool" in only:
            bench_team(cluster, admin, tmp, 60.0 if args.quick else 300.0, pool=True)
    finally:
        admin.dispose()
        cluster.destroy()
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
