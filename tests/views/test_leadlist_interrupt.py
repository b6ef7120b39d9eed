"""LeadListModel internals: interrupting a superseded query."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from workstation.services.leads import Interruptible, QueryCancelled


def test_interrupt_stops_a_running_sqlite_query(store):
    query = Interruptible()
    started = threading.Event()
    outcome: list[BaseException] = []

    def long_query():
        try:
            with store.session() as s, query.attached(s):
                started.set()
                # minutes of work unless interrupted
                s.execute(text("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
                               "WHERE x < 5000000000) SELECT count(*) FROM c")).scalar()
        except BaseException as exc:  # noqa: BLE001
            outcome.append(exc)

    worker = threading.Thread(target=long_query)
    worker.start()
    assert started.wait(10)
    while worker.is_alive():
        query.interrupt()
        worker.join(0.05)
    assert outcome and isinstance(outcome[0], OperationalError)
    assert "interrupt" in str(outcome[0]).lower()
    # a query attached after the interrupt does not even start
    with pytest.raises(QueryCancelled), store.session() as s, query.attached(s):
        pass
