"""workstation.lifecycle in this process: a signal or the session manager asks the app
to close; the quit runs on the GUI thread, once. (The real app process, a real PBX
and a call: test_app_signals.py.)"""

from __future__ import annotations

import os
import signal

import pytest

from sync.pgfixtures import pg_cluster, pg_template, shared_db  # noqa: F401


@pytest.fixture
def quitter(qapp):
    from workstation.lifecycle import QuitOnSignals

    asked: list[str] = []
    q = QuitOnSignals(qapp, quit=lambda: asked.append(q.reason))
    q.asked = asked
    yield q
    q.uninstall()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP],
                         ids=["SIGTERM", "SIGINT", "SIGHUP"])
def test_a_signal_quits_once_from_the_loop(qtbot, quitter, sig):
    os.kill(os.getpid(), sig)  # the process lives on: the handler only asks to quit
    qtbot.waitUntil(lambda: bool(quitter.asked), timeout=2000)
    assert quitter.asked == [signal.Signals(sig).name]
    os.kill(os.getpid(), sig)  # a second one while closing: ignored
    qtbot.wait(100)
    assert quitter.asked == [signal.Signals(sig).name]


def test_the_session_manager_ending_the_session_quits(qapp, quitter):
    from PySide6.QtCore import SIGNAL

    assert qapp.receivers(SIGNAL("commitDataRequest(QSessionManager&)")) >= 1
    quitter._session_ending(None)
    quitter._session_ending(None)
    assert quitter.asked == ["session manager"]


def test_uninstall_gives_the_handlers_back(qapp):
    from workstation.lifecycle import QuitOnSignals

    before = signal.getsignal(signal.SIGTERM)
    q = QuitOnSignals(qapp, quit=lambda: None)
    assert signal.getsignal(signal.SIGTERM) == q._on_signal
    q.uninstall()
    q.uninstall()
    assert signal.getsignal(signal.SIGTERM) == before


def test_a_signal_during_an_ordinary_quit_does_not_cut_it_short(qapp, quitter):
    from PySide6.QtCore import SIGNAL

    assert qapp.receivers(SIGNAL("aboutToQuit()")) >= 1
    quitter._closing()  # what aboutToQuit calls: File → Quit, Workstation.stop() runs next
    quitter.request_quit("SIGTERM")
    assert quitter.asked == []


def test_stop_pushes_a_change_saved_just_before_it(qtbot, config, shared_db):  # noqa: F811
    """Quit right after a save: the outbox is pushed once more before sync stops."""
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import text
    from sqlalchemy.engine import URL, make_url

    from workstation import secrets
    from workstation.app import Workstation
    from workstation.store.models import Lead

    fay = shared_db.add_user("fay")
    u = make_url(fay.url)
    config.set("db.shared_url", URL.create("postgresql", u.username, None, u.host, u.port,
                                           u.database).render_as_string() + "?sslmode=disable")
    config.set("user.login", fay.login)
    config.save()
    secrets.set_secret("db.shared_password", fay.password)
    ws = Workstation(config, QApplication.instance(), headset=False)
    try:
        ws.start()
        qtbot.addWidget(ws.window)
        qtbot.waitUntil(lambda: ws.ctx.user.id == fay.id and ws.sync.last.connected,
                        timeout=20_000)
        for i in range(20):
            with ws.store.session() as s, s.begin():
                s.add(Lead(company=f"Saved at quit {i}", owner_id=fay.id))
    finally:
        ws.stop()
    with shared_db.engine().connect() as c:
        assert c.scalar(text("SELECT count(*) FROM leads WHERE company LIKE 'Saved at quit%'")) == 20
