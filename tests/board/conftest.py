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
