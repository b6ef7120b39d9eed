"""WAL checkpoints run off the commit path (store.db.Checkpointer)."""

import time
import uuid

from sqlalchemy import text

from workstation.store import db as store_db
from workstation.store.db import Store
from workstation.store.models import Tag


def wait_until(pred, timeout=10.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if pred():
            return True
        time.sleep(0.05)
    return pred()


def test_commits_do_not_checkpoint_and_the_quiet_store_is_checkpointed(tmp_path):
    path = tmp_path / "s.sqlite3"
    store = Store(path=path)
    store.upgrade()
    cp = store_db.checkpointer_for(store.url)
    cp.quiet = 2.0
    before = cp.runs
    for i in range(40):
        with store.write_session() as s, s.begin():
            s.add(Tag(id=uuid.uuid4(), name=f"t{i}"))
    wal = path.with_name(path.name + "-wal")
    assert cp.runs == before, "a checkpoint ran while commits kept coming"
    assert wal.stat().st_size > 40 * 4096  # the commits are in the WAL, not copied yet
    assert wait_until(lambda: cp.runs > before), "the quiet store was never checkpointed"
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM tags")).scalar() >= 40
        busy, log, copied = conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)").one()
    assert (busy, log) == (0, copied)  # every frame was already in the database file
    store.dispose()


def test_many_commits_in_a_row_force_a_checkpoint(tmp_path):
    store = Store(path=tmp_path / "s.sqlite3")
    store.upgrade()
    cp = store_db.checkpointer_for(store.url)
    cp.quiet, cp.force_after = 3600.0, 10
    before = cp.runs
    for i in range(25):
        with store.write_session() as s, s.begin():
            s.add(Tag(id=uuid.uuid4(), name=f"t{i}"))
    assert wait_until(lambda: cp.runs > before)
    store.dispose()


def test_dispose_stops_the_thread_and_never_recreates_a_deleted_store(tmp_path):
    path = tmp_path / "s.sqlite3"
    store = Store(path=path)
    store.upgrade()
    cp = store_db.checkpointer_for(store.url)
    with store.write_session() as s, s.begin():
        s.add(Tag(id=uuid.uuid4(), name="x"))
    store.dispose()
    assert not cp.alive
    for p in tmp_path.iterdir():
        p.unlink()
    cp.checkpoint()  # logged, not raised; and no empty database appears
    assert not path.exists()
