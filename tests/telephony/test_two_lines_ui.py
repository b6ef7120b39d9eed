"""Two lines in the real main window (softphone, workspace, controller) with real
Kamailio + baresip callers whose numbers are leads: the waiting call's preview,
answer from the lines panel, the screen pop following the active line, swap by
shortcut, and each wrap-up landing on its own call."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from callcenter_parts import CallCenterParts, add_lead_with_phone
from lines_bed import (A_NUMBER, B_NUMBER, USERS, lines_kamailio, phone_a, phone_b,  # noqa: F401
                       wait_log)
from workstation.store.models import Call

pytestmark = [pytest.mark.sip, pytest.mark.slow]

from shots import screenshot_path  # noqa: E402

SCREENSHOT = screenshot_path("softphone-two-lines-1366x768.png")


class Ringer:
    def __init__(self) -> None:
        self.calls: list[str] = []

    def start(self) -> None:
        self.calls.append("ring")

    def start_waiting(self) -> None:
        self.calls.append("waiting")

    def stop(self) -> None:
        self.calls.append("stop")


@pytest.fixture
def app(qtbot, config, store, tmp_path, lines_kamailio):
    from sipbed import sip_settings, start_engine
    from workstation.services.users import sign_in

    ctx = sign_in(store, config)
    with store.session() as s, s.begin():
        lead_a = add_lead_with_phone(s, ctx.user.id, "+" + A_NUMBER, company="Acme Ltd",
                                     contact="Olena Acme")
        lead_b = add_lead_with_phone(s, ctx.user.id, "+" + B_NUMBER, company="Beta Group",
                                     contact="Petro Beta", raw="093 555 01 02")
    engine = start_engine(qtbot, sip_settings(lines_kamailio, tmp_path,
                                              password=USERS["manager"], record_calls=False))
    parts = CallCenterParts(qtbot, ctx, engine)
    parts.center.workspace.history.open_with_system_player = False
    parts.window.resize(1366, 768)
    parts.window.show()
    qtbot.waitExposed(parts.window)
    ringer = Ringer()
    parts.center.softphone.set_ringer(ringer)
    yield {"parts": parts, "center": parts.center, "ringer": ringer, "store": store,
           "lead_a": lead_a, "lead_b": lead_b}
    parts.close()


def _ring(qtbot, calls, phone):
    n = len(calls.live())
    phone.command("dial", f"sip:manager@{phone.registrar}")
    qtbot.waitUntil(lambda: len(calls.live()) > n, timeout=10000)
    return max(calls.live(), key=lambda c: c.received_at)


def _save_wrapup(qtbot, center, call_id):
    ws = center.workspace
    assert ws.call.call_id == call_id and ws.wrapup.outcome == "success"
    ws.wrapup.resultCombo.setCurrentIndex(ws.wrapup.resultCombo.findData("positive"))
    with qtbot.waitSignal(ws.sig_wrapup_saved, timeout=10000) as saved:
        ws.wrapup.saveButton.click()
    assert saved.args[0].call_id == call_id


def test_two_lines_in_the_window(qtbot, app, phone_a, phone_b):
    center, ringer = app["center"], app["ringer"]
    calls, ws, phone = center.calls, center.workspace, center.softphone
    panel = phone.lines
    a = _ring(qtbot, calls, phone_a)
    qtbot.waitUntil(lambda: ws.card.lead_id() == app["lead_a"], timeout=5000)
    assert ringer.calls[-1] == "ring" and not panel.isVisible()
    qtbot.waitUntil(lambda: a.preview == "Acme Ltd · Olena Acme", timeout=3000)
    phone.answer()
    qtbot.waitUntil(lambda: a.answered_clock is not None, timeout=10000)

    b = _ring(qtbot, calls, phone_b)
    # the soft waiting tone, both lines shown, who is calling on line 2; A's card stays
    assert ringer.calls[-1] == "waiting"
    qtbot.waitUntil(panel.isVisible, timeout=3000)
    row2 = panel.rows[1]
    assert row2.model is b and "Beta Group" in row2.who.text()
    assert row2.answer_button.isVisible() and row2.busy_button.isVisible()
    assert not row2.voicemail_button.isEnabled()  # no voicemail set up: it says so
    assert "No voicemail" in row2.voicemail_button.toolTip()
    assert ws.card.lead_id() == app["lead_a"]

    qtbot.mouseClick(row2.answer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: b.answered_clock is not None and a.held, timeout=10000)
    assert calls.active is b and ringer.calls[-1] == "stop"
    # the screen pop follows the active line
    qtbot.waitUntil(lambda: ws.card.lead_id() == app["lead_b"], timeout=5000)
    assert ws.card.ui.companyEdit.text() == "Beta Group" and phone.call is b
    assert "on hold" in panel.rows[0].state.text()

    panel.shortcuts["swap"].activated.emit()  # Ctrl+Shift+S
    qtbot.waitUntil(lambda: b.held and not a.held, timeout=10000)
    qtbot.waitUntil(lambda: ws.card.lead_id() == app["lead_a"], timeout=5000)
    assert calls.active is a and phone.call is a
    qtbot.wait(1200)  # the timers tick
    assert app["parts"].window.grab().save(str(SCREENSHOT))

    # B hangs up while held: its wrap-up waits; A's card stays while A talks
    phone_b.command("hangup")
    qtbot.waitUntil(lambda: b.ended, timeout=10000)
    assert ws.card.lead_id() == app["lead_a"] and ws.call.call_id == a.call_id
    qtbot.waitUntil(lambda: not panel.isVisible(), timeout=3000)
    assert phone.call is a
    phone.hangup()
    qtbot.waitUntil(lambda: a.ended and ws.call.ended, timeout=10000)
    _save_wrapup(qtbot, center, a.call_id)
    # then B's own wrap-up: its card, its outcome
    qtbot.waitUntil(lambda: ws.call is not None and ws.call.call_id == b.call_id, timeout=5000)
    assert ws.card.lead_id() == app["lead_b"] and ws.call.ended
    # a new call comes before B's wrap-up is saved: it pops; B's wrap-up waits again
    c = _ring(qtbot, calls, phone_a)
    qtbot.waitUntil(lambda: ws.card.lead_id() == app["lead_a"] and ws.call.call_id == c.call_id,
                    timeout=5000)
    phone.reject()
    qtbot.waitUntil(lambda: c.ended and ws.call.ended, timeout=10000)
    ws.wrapup.resultCombo.setCurrentIndex(ws.wrapup.resultCombo.findData("positive"))
    with qtbot.waitSignal(ws.sig_wrapup_saved, timeout=10000):
        ws.wrapup.saveButton.click()
    qtbot.waitUntil(lambda: ws.call.call_id == b.call_id, timeout=5000)
    _save_wrapup(qtbot, center, b.call_id)
    qtbot.waitUntil(center.controller.idle, timeout=10000)
    with app["store"].session() as s:
        rows = {r.id: r for r in s.scalars(select(Call).where(Call.id.in_([a.call_id,
                                                                            b.call_id])))}
    assert rows[a.call_id].lead_id == app["lead_a"] and rows[a.call_id].result == "positive"
    assert rows[b.call_id].lead_id == app["lead_b"] and rows[b.call_id].result == "positive"
    assert rows[a.call_id].talk_seconds > rows[b.call_id].talk_seconds > 0


def test_consult_complete_and_conference_from_the_panel(qtbot, app, phone_a, phone_b):
    center = app["center"]
    calls, phone = center.calls, center.softphone
    panel = phone.lines
    mark = len(phone_a.log_text())
    a = _ring(qtbot, calls, phone_a)
    phone.answer()
    qtbot.waitUntil(lambda: a.answered_clock is not None, timeout=10000)
    qtbot.waitUntil(phone.consult_button.isEnabled, timeout=5000)
    panel.consult_to(B_NUMBER)  # what Consult… does with the number typed
    b = calls.active
    assert b is not a and b.consult_of == a.call_id
    qtbot.waitUntil(lambda: b.answered_clock is not None and a.held, timeout=10000)
    qtbot.waitUntil(lambda: panel.complete_button.isEnabled(), timeout=5000)
    assert panel.isVisible() and panel.return_button.isVisible()
    assert "consultation" in panel.rows[1].state.text()
    # the two lines joined instead: both parties and the manager hear each other
    qtbot.mouseClick(panel.conference_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: a.conference and b.conference and not a.held, timeout=10000)
    assert "conference" in panel.rows[0].state.text()
    assert not panel.conference_button.isEnabled() and not panel.swap_button.isEnabled()
    # one party leaves: the other line goes on, alone with the manager
    phone_b.command("hangup")
    qtbot.waitUntil(lambda: b.ended and not a.conference, timeout=10000)
    assert a.live and not panel.isVisible()
    wait_log(qtbot, phone_a, r"Call established", start=mark)
    phone.hangup()
    qtbot.waitUntil(lambda: a.ended, timeout=10000)
