"""partial index for My day's "new leads" (one manager's untouched leads, oldest first)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 12:40:00
"""
from __future__ import annotations

from alembic import op

from workstation.store.models import NEW_LEADS_WHERE_PG, NEW_LEADS_WHERE_SQLITE

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_leads_new_queue', 'leads', ['owner_id', 'created_at'],
                    sqlite_where=NEW_LEADS_WHERE_SQLITE, postgresql_where=NEW_LEADS_WHERE_PG)


def downgrade() -> None:
    op.drop_index('ix_leads_new_queue', table_name='leads')
