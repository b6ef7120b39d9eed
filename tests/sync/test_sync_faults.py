"""Faults: the shared database stops for a minute and returns; the sync
process is SIGKILLed mid-push.

The outage test takes a real minute (the one long test of the suite): calls
and wrap-ups are saved all along, and everything is in the shared database
within 5 s of its return, nothing twice.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import text

from workstation.store.models import Call, HistoryEvent, Lead
from workstation.store.types import utcnow

pytestmark = [pytest.mark.pg, pytest.mark.slow]


def _lead(ws):
    ws.sync()
    with ws.session() as s, s.begin():
        lead = Lead(company="Fault Co", owner_id=ws.member.id)
        s.add(lead)
    return lead.id


def _log_call(ws, lead_id, n):
    """A call and its wrap-up, the way the workspace saves them (two transactions;
    the wrap-up also updates the lead)."""
    with ws.session() as s, s.begin():
        call = Call(lead_id=lead_id, user_id=ws.member.id, direction="out",
                    remote_e164="+380441234567", started_at=utcnow())
        s.add(call)
    with ws.session() as s, s.begin():
        c = s.get(Call, call.id)
        c.ended_at, c.outcome, c.result, c.notes = utcnow(), "success", "positive", f"wrap-up {n}"
        s.add(HistoryEvent(lead_id=lead_id, call_id=call.id, user_id=ws.member.id,
                           kind="call", text=f"call {n}"))
        lead = s.get(Lead, lead_id)
        lead.attempts, lead.last_attempt_at, lead.last_contact_at = 0, c.started_at, c.ended_at
        lead.notes = f"after call {n}"


def _server_counts(shared_db):
    with shared_db.engine().connect() as c:
        return c.execute(text(
            "SELECT (SELECT count(*) FROM calls), (SELECT count(DISTINCT id) FROM calls),"
            " (SELECT count(*) FROM calls WHERE notes LIKE 'wrap-up %'),"
            " (SELECT count(*) FROM history_events WHERE kind = 'call')")).one()


def test_database_down_a_minute_then_back_everything_arrives_within_5s(
        shared_db, make_workstation, pg_cluster):
    from workstation.sync.runner import SyncWorker

    alice = shared_db.add_user("alice")
    a = make_workstation(alice)
    lead_id = _lead(a)
    statuses = []
    worker = SyncWorker(a.syncer, on_status=statuses.append)  # the app's settings
    worker.start()
    n = 0
    try:
        _log_call(a, lead_id, n)
        pg_cluster.stop("fast")
        try:
            down = time.monotonic()
            while time.monotonic() - down < 60.0:  # saved all along while it is down
                n += 1
                _log_call(a, lead_id, n)
                time.sleep(1.0)
            assert a.syncer.waiting() > 0 and not worker.status.connected
        finally:
            pg_cluster.start()  # returns once the server accepts connections
        back = time.monotonic()
        want = n + 1
        while time.monotonic() - back < 5.0 and tuple(_server_counts(shared_db)) != (
                want, want, want, want):
            time.sleep(0.1)
        assert tuple(_server_counts(shared_db)) == (want, want, want, want)
        with shared_db.engine().connect() as c:  # the last wrap-up's lead fields too
            assert c.scalar(text("SELECT notes FROM leads WHERE id = :i"),
                            {"i": lead_id}) == f"after call {n}"
        assert any(not s.connected for s in statuses)  # the indicator saw it go offline
    finally:
        worker.stop()
    assert a.syncer.waiting() == 0
    assert statuses[-1].connected


def _configure(ws, _unused=None):
    from workstation import secrets
    from workstation.config import Config
    from sqlalchemy.engine import URL, make_url

    u = make_url(ws.member.url)
    cfg = Config()
    cfg.set("db.shared_url", URL.create("postgresql", u.username, None, u.host, u.port,
                                             u.database).render_as_string())
    cfg.set("db.local_path", str(ws.store.engine.url.database))
    cfg.save()
    secrets.set_secret("db.shared_password", ws.member.password)


def _cli(*args, **kw):
    return subprocess.Popen([sys.executable, "-m", "workstation", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def test_sigkill_mid_push_nothing_missing_nothing_twice(shared_db, make_workstation):
    alice = shared_db.add_user("alice")
    a = make_workstation(alice)
    lead_id = _lead(a)
    n = 1000
    with a.session() as s, s.begin():
        for i in range(n):
            call = Call(lead_id=lead_id, user_id=alice.id, direction="out", outcome="success",
                        notes=f"wrap-up {i}", ended_at=utcnow())
            s.add(call)
            s.flush()
            s.add(HistoryEvent(lead_id=lead_id, call_id=call.id, user_id=alice.id, kind="call"))
    _configure(a, None)
    proc = _cli("sync", "--poll", "0.5")
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and _server_counts(shared_db)[0] == 0:
            time.sleep(0.02)
        got = _server_counts(shared_db)[0]
        os.kill(proc.pid, signal.SIGKILL)  # in the middle of pushing
    finally:
        proc.wait(10)
    assert 0 < got < n, "the kill did not land mid-push; make n larger"
    assert a.syncer.waiting() > 0  # the outbox still holds what was not confirmed
    out = _cli("sync", "--once")
    stdout, stderr = out.communicate(timeout=120)
    assert out.returncode == 0, stderr
    assert "pushed:" in stdout and "pulled:" in stdout
    assert tuple(_server_counts(shared_db)) == (n, n, n, n)
    assert a.syncer.waiting() == 0
    status = _cli("sync", "status")
    stdout, _ = status.communicate(timeout=60)
    assert status.returncode == 0 and "connected" in stdout and "changes waiting: 0" in stdout


def test_sync_runs_until_sigterm_and_once_fails_when_unreachable(shared_db, make_workstation):
    from workstation.config import Config

    alice = shared_db.add_user("alice")
    a = make_workstation(alice)
    _configure(a, None)
    proc = _cli("sync", "--poll", "0.5")
    first = proc.stdout.readline()  # blocks until the first status line
    assert "connected" in first
    proc.send_signal(signal.SIGTERM)
    stdout, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 0, stderr
    assert "stopped" in stdout
    cfg = Config()
    cfg.set("db.shared_url", "postgresql://alice@127.0.0.1:1/nowhere")
    cfg.save()
    out = _cli("sync", "--once")
    _, stderr = out.communicate(timeout=60)
    assert out.returncode == 3
    assert "127.0.0.1" in stderr and "offline" in stderr
