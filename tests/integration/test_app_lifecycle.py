"""The app's life in one object (workstation.app.Workstation): start in order,
show every part in the main window, stop in reverse order."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "telephony"))


def test_without_sip_account_the_window_has_every_part_and_stops(qtbot, config):
    from PySide6.QtWidgets import QApplication, QDockWidget, QTabWidget

    from workstation.app import Workstation

    ws = Workstation(config, QApplication.instance(), headset=False)
    ws.start()
    try:
        w = ws.window
        qtbot.addWidget(w)
        tabs = w.findChild(QTabWidget, "centralTabs")
        assert tabs is not None and tabs.count() == 4  # Leads, Call, Statistics, Calls
        assert tabs.indexOf(w.stats_view) == 2
        assert tabs.widget(3) is ws.calls and ws.calls.source_kind() == "local"
        assert w.findChild(QDockWidget, "myDayDock") is not None
        assert w.indicators.indicator("sync").text()  # "Local only"
        assert "30" in w.indicators.indicator("effective").text()
        assert ws.engine is None and ws.center.softphone is None
        assert ws.sync is None  # no db.shared_url
        assert ws.ctx.user.id is not None and w.ctx is ws.ctx
    finally:
        ws.stop()
    assert ws.store is None
    ws.stop()  # twice is harmless


def test_sip_account_password_asked_when_no_keyring_then_registered_and_stopped(
        qtbot, config, monkeypatch, kamailio):
    from PySide6.QtWidgets import QApplication, QInputDialog

    from sipbed import USERS
    from workstation import secrets
    from workstation.app import Workstation

    config.set("sip.username", "manager")
    config.set("sip.domain", kamailio.domain)
    asked = []

    def fake_get_text(*args, **kwargs):
        asked.append(args)
        return USERS["manager"], True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(fake_get_text))
    monkeypatch.setattr(secrets, "keyring_available", lambda: False)
    ws = Workstation(config, QApplication.instance(), headset=False)
    ws.start()
    try:
        qtbot.addWidget(ws.window)
        assert asked, "the password was not asked for"
        assert secrets.get_secret("sip.password") == USERS["manager"]  # this session only
        engine = ws.engine
        assert engine is not None
        qtbot.waitUntil(lambda: engine.registration_state == "registered", timeout=10_000)
        assert ws.center.softphone.reg_label.property("state") == "registered"
    finally:
        ws.stop()
    assert engine.ep is None and engine.registration_state == "unregistered"


@pytest.fixture(scope="module")
def kamailio(tmp_path_factory):
    from realparts import require_tool

    require_tool("kamailio")
    from sipbed import USERS
    from workstation.telephony.testbed import Kamailio

    k = Kamailio(tmp_path_factory.mktemp("kamailio"), users=USERS)
    k.start()
    yield k
    k.kill()
