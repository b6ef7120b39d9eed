"""Recording consent is filled by the call log from a REAL call: a second
process with its own pjsua2 endpoint calls the app's engine on loopback; the
app answers and records. Prompt off: 'not_asked' (marked as recorded without
consent); prompt on (it plays): 'given'. The row says the recording was expected."""

from __future__ import annotations

import subprocess
import sys

import pytest
from callcenter_parts import CallCenterParts, add_lead_with_phone, loopback_engine
from sqlalchemy import select

from workstation.store.models import Call

pytestmark = [pytest.mark.sip, pytest.mark.slow]

KNOWN = "+380671234567"


@pytest.mark.parametrize("prompt, expected", [(False, "not_asked"), (True, "given")])
def test_consent_of_a_recorded_call(qtbot, config, store, tmp_path, prompt, expected):
    from workstation.services.users import sign_in

    config.set("sip.consent_prompt", prompt)
    ctx = sign_in(store, config)
    with store.session() as s, s.begin():
        lead_id = add_lead_with_phone(s, ctx.user.id, KNOWN)
    engine = loopback_engine(tmp_path)
    engine.settings.consent_prompt = prompt
    parts = CallCenterParts(qtbot, ctx, engine)
    try:
        center = parts.center
        ended = []
        engine.sig_call_ended.connect(ended.append)
        engine.sig_incoming.connect(lambda inc: engine.answer(inc.call_key))
        target = f"sip:workstation@127.0.0.1:{engine.transport_port('udp')}"
        proc = subprocess.Popen([sys.executable, "-m", "workstation.demo_client", "--target",
                                 target, "--from", KNOWN, "--talk", "1.5"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        qtbot.waitUntil(lambda: proc.poll() is not None, timeout=30_000)
        qtbot.waitUntil(lambda: bool(ended) and center.controller.idle(), timeout=15_000)
        assert ended[0].recording_path is not None
        with store.session() as s:
            call = s.scalar(select(Call).where(Call.lead_id == lead_id))
            assert call.recording_path and call.talk_seconds > 0.5
            assert call.recording_expected is True
            assert call.recording_consent == expected
    finally:
        parts.close()
