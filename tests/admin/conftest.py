"""Administration tests: background reads finish before their widgets go."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _ops_done(qtbot):
    yield
    from workstation.views import ops

    ops.pool().waitForDone(10_000)
    qtbot.wait(10)  # deliver the last results while the widgets still exist


@pytest.fixture
def ctx(store, config):
    """The context of an admin signed in on a fresh local store."""
    import uuid

    from workstation.services.context import Context, SignedInUser
    from workstation.store.models import User

    uid = uuid.uuid4()
    with store.session() as s, s.begin():
        s.add(User(id=uid, login="root", full_name="Root", role="admin"))
    return Context(store, SignedInUser(id=uid, login="root", name="Root", role="admin"),
                   settings=config)
