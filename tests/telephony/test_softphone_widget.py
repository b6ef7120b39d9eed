"""The softphone strip driving real calls (engine + Kamailio + baresip), offscreen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from sipbed import Collector, kamailio, make_engine, peer  # noqa: F401
from workstation.domain.enums import CallOutcome

pytestmark = [pytest.mark.sip, pytest.mark.slow]


class RecordingRinger:
    def __init__(self) -> None:
        self.calls: list[str] = []

    def start(self) -> None:
        self.calls.append("start")

    def stop(self) -> None:
        self.calls.append("stop")


@pytest.fixture
def phone(qtbot, config):
    from workstation.views.callmodel import Calls
    from workstation.views.softphone import SoftphoneWidget

    def make(engine):
        window = QMainWindow()
        qtbot.addWidget(window)
        widget = SoftphoneWidget(Calls(engine, window), config, window)
        window.statusBar().addPermanentWidget(widget)
        window.show()
        qtbot.waitExposed(window)
        widget.set_ringer(RecordingRinger())
        return window, widget

    return make


def test_outgoing_call_with_mute_hold_and_hangup(make_engine, phone, peer, qtbot):
    engine = make_engine()
    ev = Collector(engine)
    window, w = phone(engine)
    assert w.reg_label.property("state") == "registered"
    assert not w.hangup_button.isEnabled()
    qtbot.keyClicks(w.number, "client")
    qtbot.mouseClick(w.call_button, Qt.MouseButton.LeftButton)
    key = w.current
    assert key is not None and not w.call_button.isEnabled()
    qtbot.waitUntil(lambda: w.mute_button.isEnabled(), timeout=10000)
    qtbot.mouseClick(w.mute_button, Qt.MouseButton.LeftButton)
    assert engine.calls()[key].muted and w.mute_button.isChecked()
    qtbot.mouseClick(w.hold_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not engine.calls()[key].media_active, timeout=5000)
    assert w.hold_button.isChecked()
    with qtbot.waitSignal(engine.sig_media_active, timeout=5000):
        qtbot.mouseClick(w.hold_button, Qt.MouseButton.LeftButton)
    assert not w.hold_button.isChecked()
    qtbot.mouseClick(w.hangup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ev.ended(key) is not None, timeout=10000)
    assert ev.ended(key).outcome is CallOutcome.SUCCESS
    assert w.current is None and w.call_button.isEnabled() and not w.hangup_button.isEnabled()
    # a click after the end does nothing harmful
    qtbot.mouseClick(w.hangup_button, Qt.MouseButton.LeftButton)


def test_incoming_call_rings_auto_answers_and_hangs_up_by_shortcut(make_engine, phone, peer,
                                                                   kamailio, config, qtbot):
    config.set("sip.auto_answer_seconds", 1)
    engine = make_engine(auto_answer_seconds=1)
    ev = Collector(engine)
    window, w = phone(engine)
    peer.command("dial", f"sip:manager@{kamailio.domain}")
    qtbot.waitUntil(lambda: w.incoming is not None, timeout=10000)
    assert w.answer_button.isEnabled() and w.reject_button.isEnabled()
    assert w.number.text() == "client" and w._ringer.calls == ["start"]
    key = w.incoming
    # nobody clicks: the engine answers after 1 s
    qtbot.waitUntil(lambda: w.hold_button.isEnabled(), timeout=10000)
    assert "stop" in w._ringer.calls and not w.answer_button.isEnabled()
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert engine.calls()[key].muted
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: ev.ended(key) is not None, timeout=10000)
    rec = ev.ended(key)
    assert rec.outcome is CallOutcome.SUCCESS and rec.direction.value == "in"


def test_incoming_call_rejected_with_the_button(make_engine, phone, peer, kamailio, qtbot):
    engine = make_engine()
    ev = Collector(engine)
    window, w = phone(engine)
    peer.command("dial", f"sip:manager@{kamailio.domain}")
    qtbot.waitUntil(lambda: w.incoming is not None, timeout=10000)
    key = w.incoming
    qtbot.mouseClick(w.reject_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ev.ended(key) is not None, timeout=10000)
    assert ev.ended(key).sip_status == 486 and ev.ended(key).outcome is CallOutcome.BUSY
    assert "486" in w.status.text()
