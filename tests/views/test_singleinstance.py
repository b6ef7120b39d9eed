"""Single instance and tel:/sip: links: a second launch hands its link to the running
app, which raises its window, pops the number's card and dials it (real window,
CallCenter, TelephonyEngine registered with Kamailio, the client a baresip);
start minimised. pytest-qt, offscreen."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_leads_tab_dial import NUMBER, app_parts, pbx  # noqa: F401 - fixtures

from workstation.links import link_target

ROOT = Path(__file__).resolve().parents[2]


def _launch(*args: str) -> subprocess.Popen:
    from workstation.config import Config

    config = Config()
    if not config.path.exists():
        config.save()  # settings exist: no first-run wizard
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), QT_QPA_PLATFORM="offscreen",
               WORKSTATION_NO_HEADSET="1")
    return subprocess.Popen([sys.executable, "-m", "workstation", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize("link, target", [
    ("tel:+380%2067-123-45-67", "+380671234567"),
    ("tel:+380671234567;phone-context=ua", "+380671234567"),
    ("callto:0671234567", "0671234567"),
    ("sip:alice@pbx.example?subject=x", "sip:alice@pbx.example"),
    ("SIPS:bob@pbx.example", "sips:bob@pbx.example"),
    ("tel:", None), ("tel:call-me", None), ("https://example.com", None),
])
def test_link_targets(link, target):
    assert link_target(link) == target


@pytest.mark.sip
@pytest.mark.slow
def test_second_launch_with_a_tel_link_dials_in_the_first(qtbot, app_parts):  # noqa: F811
    from workstation.views.singleinstance import SingleInstance, attach

    window, center, engine = app_parts["window"], app_parts["center"], app_parts["engine"]
    instance = SingleInstance()
    assert instance.listen()
    attach(instance, window, [], engine)
    window.showMinimized()
    confirmed = []
    engine.sig_call_state.connect(
        lambda key, state, code, reason: state == "confirmed" and confirmed.append(key))
    with qtbot.waitSignal(center.workspace.sig_popped, timeout=20_000):
        second = _launch("tel:+380%2067-123-45-67")  # as a browser passes it
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=20_000)
    out, err = second.communicate()
    assert second.returncode == 0, out + err
    # the first raised its window with THIS lead's card, then dialled the client
    assert not window.isMinimized()
    assert center.tabs.currentWidget() is center.workspace_scroll
    assert center.workspace.card.lead_id() == app_parts["lead"]
    assert center.workspace.call.number == NUMBER
    qtbot.waitUntil(lambda: bool(confirmed), timeout=15_000)
    assert NUMBER in engine.calls()[confirmed[0]].remote_uri
    with qtbot.waitSignal(engine.sig_call_ended, timeout=10_000):
        engine.hangup(confirmed[0])
    qtbot.waitUntil(lambda: center.controller.idle(), timeout=10_000)
    instance.close()


def test_links_of_the_first_launch_are_dialled_once_the_window_is_up(qtbot, store, make_ctx):
    from workstation.views.mainwindow import MainWindow
    from workstation.views.singleinstance import SingleInstance, attach

    window = MainWindow(make_ctx(store))
    qtbot.addWidget(window)
    instance = SingleInstance("workstation-test-first-launch")
    with qtbot.waitSignal(window.sig_dial, timeout=5000) as blocker:
        attach(instance, window, ["tel:+380671234567", "not-a-link"], engine=None)
    assert blocker.args == ["+380671234567"]
    window.shutdown()


def test_a_socket_left_by_a_killed_instance_is_taken_over(qtbot, tmp_path):
    from PySide6.QtNetwork import QLocalServer

    from workstation.views.singleinstance import SingleInstance

    name = f"workstation-test-stale-{os.getpid()}"
    probe = QLocalServer()
    assert probe.listen(name)
    path = probe.fullServerName()
    probe.close()
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    dead.bind(path)  # bound, never listening: what a SIGKILLed instance leaves
    try:
        first = SingleInstance(name)
        assert first.hand_over(["tel:+380671234567"], timeout_ms=500) is False
        assert first.listen()
        assert first.server.isListening()
        first.close()
    finally:
        dead.close()


def test_a_malformed_message_is_ignored(qtbot):
    from PySide6.QtNetwork import QLocalSocket

    from workstation.views.singleinstance import SingleInstance

    first = SingleInstance(f"workstation-test-garbage-{os.getpid()}")
    assert first.listen()
    got = []
    first.sig_arguments.connect(got.append)
    sock = QLocalSocket()
    sock.connectToServer(first.name)
    assert sock.waitForConnected(2000)
    sock.write(b"{not json\n")
    sock.flush()
    qtbot.wait(200)
    assert got == []
    first.close()


@pytest.mark.slow
def test_the_app_hands_a_second_launch_over(tmp_path):
    """Two real `workstation` processes: the second (with a link) exits at once; the first
    takes the link (no SIP account here: its call row says the softphone is not running)."""
    from PySide6.QtNetwork import QLocalSocket

    from workstation import paths
    from workstation.store.db import Store
    from workstation.views.singleinstance import instance_name

    first = _launch()
    try:
        probe = QLocalSocket()  # the first instance listens (the same settings folder)
        deadline = time.monotonic() + 60
        while True:
            probe.connectToServer(instance_name())
            if probe.waitForConnected(200):
                probe.disconnectFromServer()
                break
            assert first.poll() is None, first.communicate()[1][-2000:]
            assert time.monotonic() < deadline, "the first instance never listened"
            time.sleep(0.2)
        second = _launch("tel:+380671234567")
        out, err = second.communicate(timeout=30)
        assert second.returncode == 0, out + err
        deadline = time.monotonic() + 30
        while not _has_call(Store, paths):
            assert time.monotonic() < deadline, "the first instance did not take the link"
            time.sleep(0.2)
        assert first.poll() is None  # still running: the second did not replace it
    finally:
        first.kill()
        first.wait(timeout=30)


def _has_call(Store, paths) -> bool:
    from sqlalchemy import select

    from workstation.store.models import Call

    db = paths.default_database_path()
    if not db.exists():
        return False
    store = Store(path=db)
    try:
        with store.session() as s:
            return s.scalar(select(Call.remote_e164).where(
                Call.remote_e164 == "+380671234567")) is not None
    except Exception:  # noqa: BLE001 - the first is still creating its schema
        return False
    finally:
        store.dispose()


def test_start_minimized_without_a_tray_minimises(qtbot, store, make_ctx):
    from workstation.views.mainwindow import MainWindow
    from workstation.views.tray import start_minimized

    window = MainWindow(make_ctx(store))
    qtbot.addWidget(window)
    window.show()
    assert start_minimized(window) is None  # offscreen has no system tray
    qtbot.waitUntil(window.isMinimized, timeout=3000)
    window.shutdown()
