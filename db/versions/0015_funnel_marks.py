"""funnel marks: local tables the funnel reads instead of walking every stage change
(funnel_stays: the stay each change ended; funnel_marks: when each lead entered its
stage, its furthest main-line position), kept by triggers, backfilled here. SQLite
only: the shared PostgreSQL database walks the history (store.funnel).

Revision ID: 0015
Revises: 0012
Create Date: 2026-12-03 14:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from workstation.store import funnelmarks

revision = '0015'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != 'sqlite':
        return
    op.create_table(
        'funnel_stays',
        sa.Column('event_id', sa.Uuid(), nullable=False),
        sa.Column('lead_id', sa.Uuid(), nullable=False),
        sa.Column('code', sa.Text(), nullable=False),
        sa.Column('at_s', sa.Float(), nullable=False),
        sa.Column('since_s', sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint('event_id'))
    op.create_index('ix_funnel_stays_lead', 'funnel_stays',
                    ['lead_id', 'code', 'at_s', 'since_s'])
    op.create_table(
        'funnel_marks',
        sa.Column('lead_id', sa.Uuid(), nullable=False),
        sa.Column('entered_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('furthest', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('lead_id'))
    conn = op.get_bind()
    funnelmarks.backfill(conn)
    funnelmarks.create_triggers(conn)


def downgrade() -> None:
    if op.get_bind().dialect.name != 'sqlite':
        return
    funnelmarks.drop_triggers(op.get_bind())
    op.drop_table('funnel_marks')
    op.drop_index('ix_funnel_stays_lead', table_name='funnel_stays')
    op.drop_table('funnel_stays')
