"""views/monitor: the menu entries a supervisor gets on a live call, and the
manager's indicator in the main window's status bar (real widgets, offscreen).
The SIP side (who hears whom) is tests/telephony/test_monitor.py."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu

from workstation.services.context import Context, SignedInUser
from workstation.store.models import Team, User
from workstation.views import monitor

# screenshots go to docs/screenshots only when asked (WS_SCREENSHOTS=1): a test run
# must not change tracked files
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def people(store):
    with store.session() as s, s.begin():
        team, other = Team(name="North"), Team(name="South")
        s.add_all([team, other])
        s.flush()
        sup = User(login="sup", full_name="Svetlana Sup", role="supervisor", team_id=team.id)
        mgr = User(login="mgr", full_name="Mark Manager", role="manager", team_id=team.id,
                   sip_username="mark")
        s.add_all([sup, mgr])
        s.flush()
        return {"team": team.id, "sup": sup.id, "mgr": mgr.id}


def ctx_of(store, config, people, who: str, role: str) -> Context:
    return Context(store, SignedInUser(id=people[who], login=who, role=role,
                                       team_id=people["team"]), settings=config)


def test_supervisor_gets_listen_whisper_barge_others_get_nothing(qtbot, store, config, people):
    sup = ctx_of(store, config, people, "sup", "supervisor")
    menu = QMenu()
    qtbot.addWidget(menu)
    # no monitor feature installed for this context: shown, but cannot start
    acts = monitor.offer_actions(menu, sup, people["mgr"])
    assert [a.text() for a in acts] == ["Listen", "Whisper", "Barge"]
    assert not any(a.isEnabled() for a in acts) and "not running" in acts[0].toolTip()
    assert monitor.offer_actions(QMenu(), sup, people["sup"]) == []  # not oneself
    assert monitor.offer_actions(QMenu(), sup, None) == []
    mgr = ctx_of(store, config, people, "mgr", "manager")
    bare = QMenu()
    qtbot.addWidget(bare)
    assert monitor.offer_actions(bare, mgr, people["sup"]) == [] and not bare.actions()
    lead = ctx_of(store, config, people, "sup", "teamlead")
    assert len(monitor.offer_actions(QMenu(), lead, people["mgr"])) == 3


def test_services_say_who_may_be_monitored_and_how_to_reach_them(store, config, people):
    from workstation.services import monitor as svc

    sup = ctx_of(store, config, people, "sup", "supervisor")
    assert svc.may_monitor(sup, people["mgr"])
    assert not svc.may_monitor(ctx_of(store, config, people, "mgr", "manager"), people["sup"])
    assert svc.target(sup, people["mgr"]).sip == "mark"
    with pytest.raises(svc.MonitorRefused, match="no SIP account"):
        svc.target(sup, people["sup"])
    with pytest.raises(svc.MonitorRefused, match="no shared database"):
        svc.request_token(sup, people["mgr"])  # alone: nobody can vouch for a supervisor


def _shot(window, name: str) -> None:
    image = window.grab()
    assert not image.isNull()
    if os.environ.get("WS_SCREENSHOTS"):
        SHOTS.mkdir(parents=True, exist_ok=True)
        image.save(str(SHOTS / name))


def test_manager_sees_who_monitors_and_how_in_the_status_bar(qtbot, store, config, people,
                                                             qapp):
    from workstation.i18n import install_translators
    from workstation.views.mainwindow import MainWindow

    ctx = ctx_of(store, config, people, "mgr", "manager")
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    from workstation.views import callcenter

    center = callcenter.install(w, ctx)  # a status bar as crowded as the app's
    feature = monitor.install(w, ctx, engine=None)
    ind = w.indicators.indicator("monitor")
    assert ind is feature.indicator and not ind.isVisible()  # nothing to say
    feature.on_session("k1", "monitored", "active", "listen", "Svetlana Sup")
    qtbot.waitUntil(ind.isVisible)
    assert "Svetlana Sup is listening to this call" in ind.label.text()
    assert not ind.button.isVisible()
    feature.on_session("k1", "monitored", "active", "whisper", "Svetlana Sup")
    assert "whispering to you" in ind.label.text()
    feature.on_session("k1", "monitored", "active", "barge", "Svetlana Sup")
    assert "has joined the call" in ind.label.text()
    qtbot.wait(50)
    _shot(w, "monitor-1366x768.png")
    # Russian: the same, translated, and the label is not cut
    translators = install_translators(qapp, "ru")
    try:
        ind.retranslate()
        qtbot.wait(50)
        assert "теперь в разговоре" in ind.label.text()
        assert ind.label.width() >= ind.label.sizeHint().width()
        _shot(w, "monitor-ru-1366x768.png")
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        install_translators(qapp, "en")
    ind.retranslate()
    feature.on_session("k1", "monitored", "ended", "barge", "Svetlana Sup")
    assert not ind.isVisible()
    center.shutdown()
    w.shutdown()


def test_supervisor_indicator_offers_mode_switch_and_stop(qtbot):
    ind = monitor.MonitorIndicator()
    qtbot.addWidget(ind)
    ind.show()
    ind.show_session("supervising", "listen", "Mark Manager")
    assert ind.isVisible() and ind.button.isVisible()
    assert "Listening to Mark Manager" in ind.label.text()
    assert ind.mode_actions["listen"].isChecked()
    with qtbot.waitSignal(ind.sig_mode) as got:
        ind.mode_actions["barge"].trigger()
    assert got.args == ["barge"]
    with qtbot.waitSignal(ind.sig_stop):
        ind.stop_action.trigger()
    ind.show_session("supervising", "whisper", "<b>x</b>")
    assert "&lt;b&gt;" in ind.label.text()  # names are text, never markup
