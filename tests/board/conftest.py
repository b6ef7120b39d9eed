"""Fixtures for the team board (the PostgreSQL ones are tests/sync's)."""

from __future__ import annotations

import pytest

from board.board_parts import EngineSignals
from sync.pgfixtures import (  # noqa: F401 - fixtures
    make_workstation,
    pg_cluster,
    pg_template,
    require_part,
    shared_db,
)


@pytest.fixture
def engine_signals():
    """What the telephony engine emits, fed to a real Calls."""
    return EngineSignals()


@pytest.fixture(autouse=True)
def background_work_finished(qtbot):
    """After each test, before its widgets go: the background reads and writes are
    done and their results delivered (an op outliving its widget has nobody to tell)."""
    yield
    from workstation.views import ops

    qtbot.waitUntil(lambda: ops.pool().activeThreadCount() == 0, timeout=20000)
    qtbot.wait(50)
