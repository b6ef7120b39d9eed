"""PostgreSQL fixtures for tests/sync (they live in pgfixtures.py so that
tests/integration/test_team_sync.py can use them too)."""

from sync.pgfixtures import (  # noqa: F401 - fixtures
    make_workstation,
    pg_cluster,
    pg_template,
    require_part,
    shared_db,
)
