"""The sync indicator follows the service's signal (the signal comes from the worker thread)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.pg


def test_indicator_shows_offline_and_waiting_then_synced(qtbot, shared_db, make_workstation):
    from workstation.store.models import Tag
    from workstation.sync.qt import SyncService
    from workstation.views.syncstatus import SyncStatusWidget

    alice = shared_db.add_user("alice")
    a = make_workstation(alice)
    w = SyncStatusWidget()
    qtbot.addWidget(w)
    assert w.connected is None  # not attached: working alone
    svc = SyncService(a.syncer, poll_s=0.5)
    w.attach(svc)
    with qtbot.waitSignal(svc.sig_status, timeout=20000,
                          check_params_cb=lambda c, n, _t: c and n == 0):
        svc.start()
    assert w.connected is True and w.waiting == 0 and w.last_sync is not None
    assert "Synced" in w.text()
    svc.stop()
    w.set_status(False, 3, None)  # as the worker reports when the database is gone
    assert "Offline" in w.text() and "3" in w.text()
    with a.session() as s, s.begin():
        s.add(Tag(name="vip"))
    assert a.syncer.waiting() == 1


def test_indicator_shows_refused_changes_with_the_servers_reason(qtbot, shared_db,
                                                                  make_workstation):
    from workstation.store.models import Lead
    from workstation.sync.qt import SyncService
    from workstation.views.syncstatus import SyncStatusWidget

    alice = shared_db.add_user("alice")
    a = make_workstation(alice)
    a.sync()
    with a.session() as s, s.begin():
        s.add(Lead(company="Nul\x00Co", owner_id=alice.id))  # PostgreSQL refuses NUL bytes
    w = SyncStatusWidget()
    qtbot.addWidget(w)
    svc = SyncService(a.syncer, poll_s=0.5)
    w.attach(svc)
    assert svc.transport == "local"
    with qtbot.waitSignal(svc.sig_rejected, timeout=20000, check_params_cb=lambda n, _d: n == 1):
        svc.start()
    svc.stop()
    assert "1 refused" in w.text()
    assert "0x00" in w.toolTip() and "leads" in w.toolTip()
    w.transport = "insecure"
    w.set_status(True, 0, None)
    assert "not verified" in w.text() and "certificate" in w.toolTip()
