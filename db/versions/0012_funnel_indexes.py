"""funnel analytics: a partial index over the stage changes in history_events (the
funnel's stays, medians and stuck leads read only those, in lead and time order)
and leads by funnel and stage (leads per stage)

Revision ID: 0012
Revises: 0007
Create Date: 2026-12-03 13:10:00
"""
from __future__ import annotations

from alembic import op

from workstation.store.models import STAGE_EVENTS_WHERE_PG, STAGE_EVENTS_WHERE_SQLITE

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_history_events_stage_changes', 'history_events',
                    ['lead_id', 'at', 'id', 'old_value', 'new_value'],
                    sqlite_where=STAGE_EVENTS_WHERE_SQLITE,
                    postgresql_where=STAGE_EVENTS_WHERE_PG)
    op.create_index('ix_leads_funnel_id_stage_id', 'leads', ['funnel_id', 'stage_id'])


def downgrade() -> None:
    op.drop_index('ix_leads_funnel_id_stage_id', table_name='leads')
    op.drop_index('ix_history_events_stage_changes', table_name='history_events')
