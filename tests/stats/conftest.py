"""Fixtures of the statistics tests: the known set (statsdata.py) on SQLite and
on a real PostgreSQL cluster."""

from __future__ import annotations

import pytest
from stats.statsdata import Ids, build
from sync.pgfixtures import (  # noqa: F401 - fixtures
    make_workstation,
    pg_cluster,
    pg_template,
    shared_db,
)


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def backend(request, tmp_path, config):
    """(store, ids): the known set in a local SQLite store or in a fresh shared
    PostgreSQL database of a real cluster."""
    from workstation.store.db import Store

    ids = Ids()
    if request.param == "sqlite":
        store = Store(path=tmp_path / "stats.sqlite3")
        store.upgrade()
    else:
        db = request.getfixturevalue("shared_db")
        store = Store(url=db.admin_url)
    with store.session() as s:
        build(s, ids)
    yield store, ids
    store.dispose()
