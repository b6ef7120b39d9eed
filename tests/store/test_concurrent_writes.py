"""A wrap-up saved while a long import holds SQLite's write lock waits for it
and is saved: nothing the manager typed is lost to "database is locked"."""

import os
import subprocess
import sys
import time

import pytest
from sqlalchemy import func, select

from workstation.importer.synthetic import write_csv
from workstation.store.models import Call, Lead
from workstation.store.wrapup import WrapUp, save_wrapup

pytestmark = pytest.mark.slow  # a 60,000-lead import in a subprocess


def test_wrapup_during_import_waits_and_is_saved(store, tmp_path):
    base = tmp_path / "base.csv"
    write_csv(base, 60_000, seed=7)
    with store.session() as s, s.begin():
        lead = Lead(company="Waiting Wrap-up LLC")
        s.add(lead)
    proc = subprocess.Popen([sys.executable, "-m", "workstation", "import", str(base)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ))
    try:
        # wait until the importer holds the write lock (its rows are not visible yet)
        deadline = time.monotonic() + 60
        locked = False
        while time.monotonic() < deadline and proc.poll() is None and not locked:
            try:
                with store.engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA busy_timeout=0")
                    conn.exec_driver_sql("BEGIN IMMEDIATE")
                    conn.exec_driver_sql("ROLLBACK")
            except Exception:  # noqa: BLE001 - "database is locked": the import is writing
                locked = True
            time.sleep(0.01)
        with store.write_session() as s, s.begin():
            saved = save_wrapup(s, WrapUp(lead_id=lead.id, user_id=None, outcome="success",
                                          result="positive", notes="saved during import"))
        out, err = proc.communicate(timeout=300)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err[-2000:]
    with store.session() as s:
        assert s.get(Call, saved.call_id).notes == "saved during import"
        assert s.scalar(select(func.count(Lead.id))) > 50_000
    assert locked, "the import never held the write lock: the test proved nothing"
