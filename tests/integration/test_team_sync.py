"""Two workstations of one team through a REAL PostgreSQL (throwaway cluster).

App side: each workstation has its own local store, the real call workspace
and CallController (pytest-qt, offscreen; no SIP engine: a dial ends at once
with outcome "error" and the wrap-up opens, which is all the lease path needs),
and a Syncer signed in as its own manager. A wrap-up saved on A through the
workspace (services.calls.save_wrapup) arrives on B; a shared-pool lead
leased by A cannot be dialled by B until A's wrap-up is saved.

The headless commands run as the user would run them: ``workstation sync
--once`` and ``workstation sync status`` in a subprocess, with db.shared_url
from ``workstation config`` and the password in the keyring.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from sqlalchemy import select, text

from sync.pgfixtures import pg_cluster, pg_template, require_part, shared_db  # noqa: F401
from workstation.store.models import Call, HistoryEvent, Lead

pytestmark = pytest.mark.pg

NUMBER = "+380671234567"


class Side:
    """One workstation: local store, syncer, workspace, controller with leases."""

    def __init__(self, qtbot, tmp_path, shared_db, member, name: str, config) -> None:
        from workstation.services.context import Context, SignedInUser
        from workstation.store.db import Store
        from workstation.sync.leasing import DialLeases
        from workstation.sync.worker import Syncer
        from workstation.views.callcenter.controller import CallController
        from workstation.views.callmodel import Calls
        from workstation.views.workspace import CallWorkspace

        self.member = member
        self.store = Store(path=tmp_path / f"{name}.sqlite3")
        self.store.upgrade()
        self.shared = shared_db.engine(member.url)
        self.syncer = Syncer(self.store.url, self.shared)
        self.syncer.sync_once()  # the team's users and the shared pool
        self.ctx = Context(self.store, SignedInUser(id=member.id, login=member.login, name=name),
                           settings=config)
        self.workspace = CallWorkspace(self.ctx)
        qtbot.addWidget(self.workspace)
        self.controller = CallController(self.workspace, self.ctx, Calls(None))
        self.leases = DialLeases(self.store, self.shared)
        self.controller.leases = self.leases
        self.status: list[str] = []
        self.controller.sig_status.connect(self.status.append)

    def close(self) -> None:
        self.syncer.close()
        self.store.dispose()


@pytest.fixture
def team(qtbot, tmp_path, shared_db, config):
    alice, bob = shared_db.add_user("alice"), shared_db.add_user("bob")
    lead = shared_db.add_pool_lead(alice)
    a = Side(qtbot, tmp_path, shared_db, alice, "a", config)
    b = Side(qtbot, tmp_path, shared_db, bob, "b", config)
    yield a, b, lead
    for side in (a, b):
        qtbot.waitUntil(side.controller.idle, timeout=10_000)
        side.close()


def _dial(qtbot, side: Side, lead) -> str:
    with qtbot.waitSignal(side.controller.sig_lease, timeout=10_000) as got:
        assert side.controller.call_lead(lead, NUMBER) is None  # leasing first
    assert got.args[0] == lead
    return got.args[1]


def test_wrapup_on_a_reaches_b_and_a_leased_lead_is_busy_for_b(qtbot, team):
    from workstation.sync import leases

    a, b, lead = team
    with a.store.session() as s:
        assert s.get(Lead, lead).shared_pool  # pulled from the shared pool

    # A dials: leased in the shared database, then the card and the (failing) dial
    assert _dial(qtbot, a, lead) == ""
    held = leases.current(b.shared, lead)
    assert held is not None and held.holder == a.member.login
    qtbot.waitUntil(lambda: a.workspace.call is not None and a.workspace.call.ended,
                    timeout=10_000)
    call_id = a.workspace.call.call_id

    # B tries the same lead: busy, says who, does not dial
    b_calls = set(b.controller.calls)
    assert _dial(qtbot, b, lead) == a.member.login  # no full name set: the login
    assert f"busy: {a.member.login} is calling this lead" in b.status
    assert set(b.controller.calls) == b_calls and b.workspace.call is None

    # A saves the wrap-up through the workspace (services.calls.save_wrapup)
    form = a.workspace.wrapup
    form.resultCombo.setCurrentIndex(form.resultCombo.findData("undefined"))
    form.notesEdit.setPlainText("Team sync wrap-up")
    with qtbot.waitSignal(a.workspace.sig_wrapup_saved, timeout=10_000) as saved:
        a.workspace.save_wrapup()
    assert saved.args[0].call_id == call_id
    qtbot.waitUntil(lambda: leases.current(b.shared, lead) is None, timeout=10_000)
    qtbot.waitUntil(a.controller.idle, timeout=10_000)

    # through PostgreSQL: A pushes, B pulls
    pushed = a.syncer.sync_once()
    assert pushed.pushed["calls"] >= 1 and pushed.pushed["history_events"] >= 1
    pulled = b.syncer.sync_once()
    assert pulled.pulled["calls"] >= 1
    with b.store.session() as s:
        call = s.get(Call, call_id)
        assert call is not None and call.notes == "Team sync wrap-up"
        assert call.user_id == a.member.id and call.lead_id == lead
        events = s.scalars(select(HistoryEvent).where(HistoryEvent.call_id == call_id)).all()
        assert [e.kind for e in events] == ["call"]

    # released: now B may dial it
    assert _dial(qtbot, b, lead) == ""
    assert leases.current(a.shared, lead).holder == b.member.login


def _cli(*args, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "workstation", *args], capture_output=True,
                          text=True, timeout=120, env=env or dict(os.environ))


def test_sync_once_and_status_with_the_apps_config_and_keyring(shared_db, config, store):
    from sqlalchemy.engine import URL, make_url

    from workstation import secrets

    carol = shared_db.add_user("carol")
    u = make_url(carol.url)
    no_password = URL.create("postgresql", u.username, None, u.host, u.port,
                             u.database).render_as_string() + "?sslmode=disable"
    assert carol.password not in no_password
    assert _cli("config", "set", "db.shared_url", no_password).returncode == 0
    assert _cli("config", "set", "user.login", carol.login).returncode == 0
    secrets.set_secret("db.shared_password", carol.password)
    first = _cli("sync", "--once")  # pulls the team's users: carol's row
    assert first.returncode == 0, first.stderr
    assert "pulled:" in first.stdout
    with store.session() as s, s.begin():
        s.add(Lead(company="Carol's own lead", owner_id=carol.id))

    once = _cli("sync", "--once")
    assert once.returncode == 0, once.stderr
    assert "pushed:" in once.stdout and "leads 1" in once.stdout
    assert carol.password not in once.stdout + once.stderr
    with shared_db.engine().connect() as c:
        assert c.scalar(text("SELECT count(*) FROM leads WHERE company = 'Carol''s own lead'")) == 1

    status = _cli("sync", "status")
    assert status.returncode == 0, status.stderr
    out = status.stdout.lower()
    assert "connected" in out and "offline" not in out
    assert "changes waiting: 0" in out and "last sync: never" not in out

    # unreachable (nothing listens on that port): non-zero, says so
    dead = URL.create("postgresql", u.username, None, u.host, 1, u.database).render_as_string()
    assert _cli("config", "set", "db.shared_url", dead).returncode == 0
    failed = _cli("sync", "--once")
    assert failed.returncode == 3
    assert "shared database" in failed.stderr
    offline = _cli("sync", "status")
    assert "offline" in offline.stdout.lower()


def test_app_window_comes_up_while_shared_db_is_down_and_users_arrive_later(
        qtbot, config, shared_db, pg_cluster):
    """The app never talks to the shared database on the GUI thread: started while
    it is down, the window is up at once with the login's row created locally;
    once the database is back, the worker pulls the team's users, merges the
    login's row with the shared one and the window's parts take its id."""
    import threading

    from PySide6.QtWidgets import QApplication
    from sqlalchemy import event
    from sqlalchemy.engine import URL, Engine, make_url

    from workstation import secrets
    from workstation.app import Workstation
    from workstation.store.models import User

    dave, erin = shared_db.add_user("dave"), shared_db.add_user("erin")
    u = make_url(dave.url)
    config.set("db.shared_url", URL.create("postgresql", u.username, None, u.host, u.port,
                                           u.database).render_as_string())
    config.set("user.login", dave.login)
    config.save()
    secrets.set_secret("db.shared_password", dave.password)
    gui = threading.current_thread()
    connecting = []  # the threads that opened (or tried to open) shared connections

    def on_connect(dialect, _rec, _args, _params):
        if dialect.name == "postgresql":
            connecting.append(threading.current_thread())

    event.listen(Engine, "do_connect", on_connect)
    ws = Workstation(config, QApplication.instance(), headset=False)
    try:
        pg_cluster.stop("fast")
        try:
            ws.start()
            qtbot.addWidget(ws.window)
            assert ws.window.isVisible() and ws.sync is not None
            local_id = ws.ctx.user.id
            assert local_id is not None and local_id != dave.id  # created offline
            qtbot.waitUntil(lambda: bool(ws.sync.last.error), timeout=10_000)
            assert not ws.sync.last.connected
        finally:
            pg_cluster.start()
        qtbot.waitUntil(lambda: ws.ctx.user.id == dave.id, timeout=20_000)
        assert ws.sync.last.connected
        # one object: the window, the controller and the workspace act for ctx.user
        assert ws.window.ctx is ws.ctx and ws.center.controller.ctx is ws.ctx
        assert ws.center.workspace.ctx.user is ws.ctx.user
        with ws.store.session() as s:
            logins = dict(s.execute(select(User.login, User.id)).all())
        assert logins[dave.login] == dave.id and logins[erin.login] == erin.id
        assert local_id not in logins.values()  # merged, not doubled
        assert connecting and gui not in connecting
    finally:
        ws.stop()
        event.remove(Engine, "do_connect", on_connect)
