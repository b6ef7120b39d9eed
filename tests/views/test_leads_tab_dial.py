"""Dialling from the Leads tab: a phone's call button in a lead-card dialog opened
from the lead list of the real main window (real CallCenter, real TelephonyEngine
registered with Kamailio on loopback) pops this lead's card in the Call tab and
places a real SIP call to the client's phone, a baresip registered under the
lead's number, which answers. pytest-qt, offscreen."""

from __future__ import annotations

import uuid

import pytest
from callcenter_parts import CallCenterParts, add_lead_with_phone
from PySide6.QtCore import Qt
from telephony.sipbed import USERS, sip_settings, start_engine
from sqlalchemy import select

from realparts import require_tool
from workstation.store.models import Call, Lead

pytestmark = [pytest.mark.sip, pytest.mark.slow]

NUMBER = "+380671234567"
CLIENT_USERS = {**USERS, NUMBER: "n-secret"}


@pytest.fixture(scope="module")
def pbx(tmp_path_factory):
    require_tool("kamailio", "baresip")
    from workstation.telephony.testbed import Baresip, Kamailio

    k = Kamailio(tmp_path_factory.mktemp("kamailio"), users=CLIENT_USERS)
    k.start()
    client = Baresip(tmp_path_factory.mktemp("client"), user=NUMBER,
                     password=CLIENT_USERS[NUMBER], registrar=k.domain)
    client.start()
    yield k, client
    client.stop()
    k.kill()


@pytest.fixture
def app_parts(qtbot, config, store, tmp_path, pbx):
    from workstation.services.users import sign_in

    kamailio, _client = pbx
    ctx = sign_in(store, config)
    user_id = ctx.user.id
    with store.session() as s, s.begin():
        lead_id = add_lead_with_phone(s, user_id, NUMBER)
        s.add(Lead(id=uuid.uuid4(), company="Beta Foods", owner_id=user_id))
    engine = start_engine(qtbot, sip_settings(kamailio, tmp_path))
    parts = CallCenterParts(qtbot, ctx, engine)
    parts.window.resize(1366, 768)
    parts.window.show()
    yield {"window": parts.window, "center": parts.center, "engine": engine,
           "lead": lead_id, "store": store}
    parts.close()


def test_call_button_in_a_leads_tab_card_dials_and_pops_the_card(qtbot, app_parts):
    window, center, engine = app_parts["window"], app_parts["center"], app_parts["engine"]
    lead_id = app_parts["lead"]
    lead_list = window.lead_list
    assert center.tabs.currentWidget() is lead_list  # the Leads tab is in front
    qtbot.waitUntil(lambda: lead_list.model.row_of(lead_id) >= 0
                    and not lead_list.model.is_loading(), timeout=10_000)
    # the manager double-clicks the lead's row: its card opens in a dialog
    row = lead_list.model.row_of(lead_id)
    lead_list.table.selectRow(row)
    window.actions["open_lead"].trigger()
    [dialog] = [d for d in window._cards]
    qtbot.waitUntil(lambda: dialog.card.lead_id() == lead_id
                    and bool(dialog.card.phones.rows), timeout=10_000)
    assert dialog.isVisible()
    phone_row = dialog.card.phones.rows[0].call_button
    assert phone_row is not None and phone_row.isEnabled()

    confirmed = []
    engine.sig_call_state.connect(
        lambda key, state, code, reason: state == "confirmed" and confirmed.append(key))
    with qtbot.waitSignal(center.workspace.sig_popped, timeout=10_000):
        qtbot.mouseClick(phone_row, Qt.MouseButton.LeftButton)
    # the Call tab is in front with THIS lead's card, before the first ring
    assert center.tabs.currentWidget() is center.workspace_scroll
    ws = center.workspace
    assert ws.card.lead_id() == lead_id
    assert ws.card.ui.companyEdit.text() == "Acme Ltd"
    assert ws.call is not None and ws.call.direction == "out" and ws.call.number == NUMBER
    # a real SIP call to the client's phone, answered by it
    qtbot.waitUntil(lambda: bool(confirmed), timeout=15_000)
    key = confirmed[0]
    ctx = engine.calls()[key]
    assert NUMBER in ctx.remote_uri
    call_id = ws.call.call_id
    qtbot.waitUntil(lambda: center.controller.calls.get(call_id) is not None
                    and center.controller.calls[call_id].key == key, timeout=5000)
    # the call log has it, with this lead and its SIP Call-ID
    with app_parts["store"].session() as s:
        qtbot.waitUntil(lambda: s.get(Call, call_id) is not None, timeout=5000)
    with app_parts["store"].session() as s:
        row = s.get(Call, call_id)
        assert row.direction == "out" and row.lead_id == lead_id
        assert row.remote_e164 == NUMBER and row.sip_call_id == ctx.sip_call_id
    with qtbot.waitSignal(engine.sig_call_ended, timeout=10_000):
        engine.hangup(key)
    qtbot.waitUntil(lambda: center.controller.idle(), timeout=10_000)
    assert ws.wrapup.outcome == "success"  # the wrap-up opened with the signalling outcome
    with app_parts["store"].session() as s:
        assert s.scalar(select(Call.outcome).where(Call.id == call_id)) == "success"
