"""Funnel tests: the known data set on SQLite and on a real PostgreSQL cluster."""

from __future__ import annotations

import pytest

from sync.pgfixtures import (  # noqa: F401 - fixtures
    make_workstation,
    pg_cluster,
    pg_template,
    require_part,
    shared_db,
)


@pytest.fixture
def ops_done(qtbot):
    """Background reads finish before their widgets go."""
    yield
    from workstation.views import ops

    ops.pool().waitForDone(10_000)
    qtbot.wait(10)  # deliver the last results while the widgets still exist


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def backend(request):
    """(store, Known): the data set in a local SQLite store or a shared PostgreSQL db."""
    from sqlalchemy.orm import Session

    import funnel_data
    from workstation.store.db import Store

    if request.param == "sqlite":
        store = request.getfixturevalue("store")
    else:
        db = request.getfixturevalue("shared_db")
        store = Store(url=db.admin_url)
    with Session(store.engine) as s, s.begin():
        s.info["no_outbox"] = request.param == "pg"  # the shared db keeps no outbox
        known = funnel_data.build(s)
    yield store, known
    if request.param == "pg":
        store.dispose()


@pytest.fixture
def ctx_for(config):
    """``ctx_for(store, known, "tl")``: the context of one of the data set's people."""
    from workstation.services.context import Context, SignedInUser

    roles = {"m1": "manager", "m2": "manager", "m3": "manager", "tl": "teamlead",
             "root": "admin"}

    def make(store, known, who: str):
        team = {"m1": "team_a", "m2": "team_a", "tl": "team_a", "m3": "team_b"}.get(who)
        return Context(store, SignedInUser(id=known[who], login=f"fn_{who}", name=who,
                                           role=roles[who],
                                           team_id=known[team] if team else None),
                       settings=config)

    return make
