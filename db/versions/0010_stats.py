"""calls: invoice sum for the statistics; indexes the statistics read by

Revision ID: 0010
Revises: 0007
Create Date: 2026-12-03 13:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0008'
branch_labels = None
depends_on = None

STATS_COLUMNS = ('user_id', 'started_at', 'deleted', 'outcome', 'ring_seconds', 'talk_seconds',
                 'answered_at', 'ended_at', 'sip_status', 'result', 'invoice_amount', 'tools')


def upgrade() -> None:
    with op.batch_alter_table('calls') as b:
        b.add_column(sa.Column('invoice_amount', sa.Float(), nullable=True))
    op.create_index('ix_history_events_user_id_at', 'history_events', ['user_id', 'at'])
    if op.get_bind().dialect.name == 'sqlite':
        # a covering index for the statistics (PostgreSQL: db/shared/068_stats.sql)
        op.create_index('ix_calls_stats', 'calls', list(STATS_COLUMNS))


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        op.drop_index('ix_calls_stats', 'calls')
    op.drop_index('ix_history_events_user_id_at', 'history_events')
    with op.batch_alter_table('calls') as b:
        b.drop_column('invoice_amount')
