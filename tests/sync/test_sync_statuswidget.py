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
