"""calls: invoice sum for the statistics; indexes the statistics read by

Revision ID: 0010
Revises: 0007
Create Date: 2026-12-03 13:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('calls') as b:
        b.add_column(sa.Column('invoice_amount', sa.Float(), nullable=True))
    op.create_index('ix_history_events_user_id_at', 'history_events', ['user_id', 'at'])


def downgrade() -> None:
    op.drop_index('ix_history_events_user_id_at', 'history_events')
    with op.batch_alter_table('calls') as b:
        b.drop_column('invoice_amount')
