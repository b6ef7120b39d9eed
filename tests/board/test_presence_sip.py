"""Presence from a REAL call: a second process with its own pjsua2 endpoint
(``workstation.demo_client``) calls the app's engine on 127.0.0.1; the real
main window, call center and workspace as the app wires them, with the board's
tracker observing. Ringing -> on a call (with the caller's lead) -> wrap-up ->
the manager saves the wrap-up -> available."""

from __future__ import annotations

import subprocess
import sys

import pytest
from callcenter_parts import CallCenterParts, add_lead_with_phone, loopback_engine
from sqlalchemy import select

from workstation.domain import presence as P
from workstation.store.models import AgentState
from workstation.views import board

pytestmark = [pytest.mark.sip, pytest.mark.slow]

KNOWN = "+380671234567"


def test_a_real_call_drives_the_states_and_the_wrapup_save_ends_them(qtbot, config, store,
                                                                      tmp_path):
    from workstation.services.users import sign_in

    ctx = sign_in(store, config)
    with store.session() as s, s.begin():
        lead_id = add_lead_with_phone(s, ctx.user.id, KNOWN)
    engine = loopback_engine(tmp_path)
    parts = CallCenterParts(qtbot, ctx, engine)
    center = parts.center
    center.workspace.history.open_with_system_player = False
    installed = board.install(parts.window, ctx, calls=center.calls, workspace=center.workspace)
    seen = []
    installed.tracker.sig_state.connect(lambda st, _d: seen.append(st))
    parts.window.show()
    try:
        ended = []
        engine.sig_call_ended.connect(ended.append)
        engine.sig_incoming.connect(lambda inc: engine.answer(inc.call_key))
        target = f"sip:workstation@127.0.0.1:{engine.transport_port('udp')}"
        proc = subprocess.Popen([sys.executable, "-m", "workstation.demo_client", "--target",
                                 target, "--from", KNOWN, "--talk", "2.0"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        qtbot.waitUntil(lambda: installed.tracker.state == P.ON_CALL, timeout=30_000)
        control = parts.window.indicators.indicator("presence")
        assert "On a call" in control.text()
        qtbot.waitUntil(lambda: bool(ended) and center.controller.idle(), timeout=30_000)
        qtbot.waitUntil(lambda: proc.poll() is not None, timeout=30_000)
        assert installed.tracker.state == P.WRAPUP  # the call is over, its wrap-up open
        ws = center.workspace
        ws.wrapup.resultCombo.setCurrentIndex(ws.wrapup.resultCombo.findData("positive"))
        with qtbot.waitSignal(ws.sig_wrapup_saved, timeout=10_000):
            ws.wrapup.saveButton.click()
        assert installed.tracker.state == P.AVAILABLE
        qtbot.waitUntil(installed.tracker.idle, timeout=10_000)
        with store.session() as s:
            rows = s.scalars(select(AgentState).where(AgentState.user_id == ctx.user.id)
                             .order_by(AgentState.started_at)).all()
        assert [r.state for r in rows] == [P.AVAILABLE, P.RINGING, P.ON_CALL, P.WRAPUP,
                                           P.AVAILABLE]
        on_call = rows[2]
        assert on_call.lead_id == lead_id and KNOWN in on_call.detail
        assert (on_call.ended_at - on_call.started_at).total_seconds() > 1.0  # the talk
        assert seen[-1] == P.AVAILABLE and P.WRAPUP in seen  # (connected after the start)
    finally:
        installed.shutdown()
        parts.close()
