"""The whole call flow with a REAL SIP peer calling in: a second process with its
own pjsua2 endpoint (``python -m workstation.demo_client``) calls the app's
engine on 127.0.0.1 (direct IP, no PBX). The app side is the real main window
with the softphone, the workspace, My day and the CallController wired as in
``workstation`` itself (pytest-qt, offscreen)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from callcenter_parts import CallCenterParts, add_lead_with_phone, loopback_engine
from sqlalchemy import select

from workstation.store.models import Call, HistoryEvent, Lead, Phone

pytestmark = [pytest.mark.sip, pytest.mark.slow]

KNOWN = "+380671234567"
UNKNOWN = "+380935550102"


@pytest.fixture
def app_parts(qtbot, config, store, tmp_path):
    """Store with one known lead, the engine listening on loopback, the wired window."""
    from workstation.services.users import sign_in

    ctx = sign_in(store, config)
    user_id = ctx.user.id
    with store.session() as s, s.begin():
        lead_id = add_lead_with_phone(s, user_id, KNOWN)
    engine = loopback_engine(tmp_path)
    parts = CallCenterParts(qtbot, ctx, engine)
    window, center = parts.window, parts.center
    center.workspace.history.open_with_system_player = False
    window.show()
    yield {"engine": engine, "window": window, "center": center, "lead": lead_id,
           "user": user_id, "store": store,
           "target": f"sip:workstation@127.0.0.1:{engine.transport_port('udp')}"}
    parts.close()


def client(target: str, *numbers: str, **opts) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "workstation.demo_client", "--target", target]
    for n in numbers:
        cmd += ["--from", n]
    for k, v in opts.items():
        cmd += [f"--{k.replace('_', '-')}", str(v)]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)


def wait_client(qtbot, proc: subprocess.Popen, timeout_ms: int = 30_000) -> list[dict]:
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=timeout_ms)
    return [json.loads(line) for line in proc.stdout.read().splitlines()
            if line.startswith("{")]


def test_every_number_format_pops_the_right_card(qtbot, app_parts):
    """+380 67 123 45 67, 380671234567, 0671234567, 067-123-45-67, +380671234567 as
    the caller's SIP user part (spaces percent-encoded, as a SIP URI must carry them)."""
    center = app_parts["center"]
    ws = center.workspace
    formats = ["+380 67 123 45 67", "380671234567", "0671234567", "067-123-45-67", KNOWN]
    popped = []
    ws.sig_popped.connect(lambda call_id, ms: popped.append(
        (call_id, ms, ws.card.lead_id(), ws.card.ui.companyEdit.text(), ws.call.number)))
    ended = []
    app_parts["engine"].sig_call_ended.connect(ended.append)
    proc = client(app_parts["target"], *formats, ring_only=1.0, gap=0.3)
    events = wait_client(qtbot, proc)
    assert [e["from"] for e in events if e["event"] == "calling"] == formats
    qtbot.waitUntil(lambda: len(ended) == len(formats) and center.controller.idle(),
                    timeout=10_000)
    assert len(popped) == len(formats)
    for call_id, ms, lead_id, company, number in popped:
        assert lead_id == app_parts["lead"]
        assert company == "Acme Ltd"
        assert number == KNOWN
        assert ms > 0
    with app_parts["store"].session() as s:
        rows = {r.id: r for r in s.scalars(select(Call).where(Call.direction == "in"))}
    assert set(rows) == {p[0] for p in popped}
    for r in rows.values():
        assert r.lead_id == app_parts["lead"]
        assert r.remote_e164 == KNOWN
        assert r.outcome == "no_answer"  # the client cancelled: 487 from signalling
        assert r.sip_status == 487
        assert r.pop_latency_ms is not None and r.pop_latency_ms > 0
        assert r.talk_seconds == 0
    # the wrap-up of the last call opened with the outcome from signalling
    assert ws.wrapup.outcome == "no_answer"


def test_unknown_caller_interest_card_becomes_a_lead_with_the_call(qtbot, app_parts):
    center = app_parts["center"]
    ws = center.workspace
    engine = app_parts["engine"]
    ended = []
    engine.sig_call_ended.connect(ended.append)
    engine.sig_incoming.connect(lambda inc: engine.answer(inc.call_key))  # the manager answers
    with qtbot.waitSignal(ws.sig_popped, timeout=15_000):
        proc = client(app_parts["target"], UNKNOWN, talk=2.0)
    assert ws.call.interest
    assert ws.card.lead_id() is None
    assert UNKNOWN in [p.raw for p in ws.card.lead_data().phones] or \
        any(UNKNOWN.replace("+", "") in p.raw.replace(" ", "").replace("+", "")
            for p in ws.card.lead_data().phones)
    events = wait_client(qtbot, proc)
    assert [e["event"] for e in events][:3] == ["calling", "confirmed", "ended"]
    qtbot.waitUntil(lambda: bool(ended) and center.controller.idle(), timeout=10_000)
    assert ws.wrapup.outcome == "success"  # pre-filled from signalling
    ws.card.ui.companyEdit.setText("New Client Ltd")
    ws.wrapup.resultCombo.setCurrentIndex(ws.wrapup.resultCombo.findData("positive"))
    with qtbot.waitSignal(ws.sig_lead_created, timeout=10_000) as created:
        ws.wrapup.saveButton.click()
    lead_id = created.args[0]
    qtbot.waitUntil(lambda: center.controller.idle(), timeout=5000)
    with app_parts["store"].session() as s:
        lead = s.get(Lead, lead_id)
        assert lead.company == "New Client Ltd"
        assert s.scalar(select(Phone.e164).where(Phone.lead_id == lead_id)) == UNKNOWN
        call = s.scalar(select(Call).where(Call.lead_id == lead_id))
        assert call.direction == "in" and call.outcome == "success" and call.sip_status == 200
        assert call.talk_seconds > 0.5 and call.answered_at is not None
        assert call.codec and call.result == "positive"
        assert call.recording_path and call.pop_latency_ms is not None
        kinds = set(s.scalars(select(HistoryEvent.kind).where(HistoryEvent.lead_id == lead_id)))
        assert "call" in kinds
    # the same number now pops the new lead's card
    with qtbot.waitSignal(ws.sig_popped, timeout=15_000):
        proc = client(app_parts["target"], "0935550102", ring_only=0.5)
    assert ws.card.lead_id() == lead_id
    wait_client(qtbot, proc)


def test_demo_auto_exit_logs_both_calls(tmp_path):
    """``workstation demo --auto-exit`` offscreen: the known and the unknown caller."""
    keep = tmp_path / "demo"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", WORKSTATION_NO_HEADSET="1")
    proc = subprocess.run(
        [sys.executable, "-m", "workstation", "demo", "--auto-exit", "22", "--keep", str(keep),
         "--delay", "1", "--talk", "2", "--gap", "1", "--answer-after", "1"],
        env=env, capture_output=True, text=True, timeout=90)
    assert proc.returncode == 0, proc.stderr[-2000:]
    db = next(Path(keep, "data").rglob("*.sqlite3"))
    con = sqlite3.connect(db)
    rows = con.execute("SELECT remote_e164, lead_id IS NOT NULL, outcome, talk_seconds, "
                       "pop_latency_ms FROM calls WHERE direction='in' ORDER BY started_at"
                       ).fetchall()
    con.close()
    assert [(r[0], r[1], r[2]) for r in rows] == [(KNOWN, 1, "success"),
                                                  (UNKNOWN, 0, "success")], rows
    assert all(r[3] > 1.0 and r[4] is not None for r in rows), rows
