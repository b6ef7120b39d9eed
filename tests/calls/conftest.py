"""Fixtures of the calls browser's tests: a local store full of calls, contexts per role."""

from __future__ import annotations

import pytest

from sync.pgfixtures import (  # noqa: F401 - fixtures
    make_workstation,
    pg_cluster,
    pg_template,
    require_part,
    shared_db,
)

import callgen


@pytest.fixture
def filled(store):
    """(store, Made): 2 teams x 3 managers, 3,000 calls."""
    made = callgen.Made()
    with store.engine.begin() as c:
        callgen.make_people(c, made)
        callgen.make_calls(c, made, 3000, leads=120)
    return store, made


@pytest.fixture
def ctx_as(config):
    from workstation.services.context import Context, SignedInUser

    def make(store, made, login: str, role: str):
        team = made.teams[login.rstrip("0123456789")]
        return Context(store, SignedInUser(id=made.users[login], login=login, role=role,
                                           team_id=team), settings=config)

    return make
