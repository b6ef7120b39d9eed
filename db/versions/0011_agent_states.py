"""live team board: agent_states, the intervals of each manager's presence

Revision ID: 0011
Revises: 0007
Create Date: 2026-12-03 13:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'agent_states',
        sa.Column('user_id', sa.Uuid(), nullable=False),
        sa.Column('state', sa.String(16), nullable=False),
        sa.Column('detail', sa.String(300), nullable=False),
        sa.Column('lead_id', sa.Uuid(), nullable=True),
        sa.Column('call_id', sa.Uuid(), nullable=True),
        sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('heartbeat_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('created_by', sa.Uuid(), nullable=True),
        sa.Column('updated_by', sa.Uuid(), nullable=True),
        sa.Column('revision', sa.BigInteger(), server_default='0', nullable=False),
        sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'],
                                name=op.f('fk_agent_states_user_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_agent_states')))
    op.create_index('ix_agent_states_user_id_started_at', 'agent_states',
                    ['user_id', 'started_at'])


def downgrade() -> None:
    op.drop_index('ix_agent_states_user_id_started_at', 'agent_states')
    op.drop_table('agent_states')
