"""funnel marks: narrow local tables the funnel reads instead of the leads and the
whole stage-change history (funnel_leads: each lead's scope columns, when it entered
its stage, its furthest main-line position; funnel_stays: the stay each change
ended, in seconds, with its lead's scope columns), kept by triggers, backfilled
here. SQLite only: the shared PostgreSQL database walks the history (store.funnel).

Revision ID: 0015
Revises: 0012
Create Date: 2026-12-03 14:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from workstation.store import funnelmarks
from workstation.store.models import FUNNEL_LEADS_COVER, FUNNEL_STAYS_ORDER

revision = '0015'
down_revision = '0009'
branch_labels = None
depends_on = None


def _scope() -> list[sa.Column]:
    return [sa.Column('funnel_id', sa.Uuid(), nullable=True),
            sa.Column('deleted', sa.Boolean(), nullable=False),
            sa.Column('owner_id', sa.Uuid(), nullable=True),
            sa.Column('team_id', sa.Uuid(), nullable=True),
            sa.Column('source', sa.String(length=200), nullable=True),
            sa.Column('created_at', sa.DateTime(timezone=True), nullable=False)]


def upgrade() -> None:
    if op.get_bind().dialect.name != 'sqlite':
        return
    op.create_table(
        'funnel_leads',
        sa.Column('lead_id', sa.Uuid(), nullable=False),
        sa.Column('stage_id', sa.Uuid(), nullable=True),
        sa.Column('lead_type', sa.String(length=32), nullable=True),
        sa.Column('entered_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('furthest', sa.Integer(), nullable=False),
        *_scope(),
        sa.PrimaryKeyConstraint('lead_id'))
    op.create_table(
        'funnel_stays',
        sa.Column('event_id', sa.Uuid(), nullable=False),
        sa.Column('lead_id', sa.Uuid(), nullable=False),
        sa.Column('code', sa.Text(), nullable=False),
        sa.Column('d', sa.Float(), nullable=False),
        *_scope(),
        sa.PrimaryKeyConstraint('event_id'))
    conn = op.get_bind()
    funnelmarks.backfill(conn)
    for col in ('owner_id', 'team_id'):
        op.create_index(f'ix_funnel_leads_{col}', 'funnel_leads', [col, *FUNNEL_LEADS_COVER])
    for col in ('funnel_id', 'owner_id', 'team_id'):
        op.create_index(f'ix_funnel_stays_{col}', 'funnel_stays',
                        list(dict.fromkeys((col, *FUNNEL_STAYS_ORDER))))
    op.create_index('ix_funnel_stays_lead_id', 'funnel_stays', ['lead_id'])
    funnelmarks.create_triggers(conn)


def downgrade() -> None:
    if op.get_bind().dialect.name != 'sqlite':
        return
    funnelmarks.drop_triggers(op.get_bind())
    op.drop_table('funnel_stays')
    op.drop_table('funnel_leads')
