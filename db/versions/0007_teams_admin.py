"""teams and administration: every lead in its owner's team; retired stages and
reasons; lead sources; funnels per product; SIP username per user; shared
settings (the effective-call rule); the history of overwritten configuration

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 09:30:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def _synced(name: str, *cols, unique: tuple[str, ...] = ()) -> None:
    op.create_table(
        name, *cols,
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('created_by', sa.Uuid(), nullable=True),
        sa.Column('updated_by', sa.Uuid(), nullable=True),
        sa.Column('revision', sa.BigInteger(), server_default='0', nullable=False),
        sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f(f'pk_{name}')),
        *[sa.UniqueConstraint(c, name=op.f(f'uq_{name}_{c}')) for c in unique])


def upgrade() -> None:
    with op.batch_alter_table('funnel_stages') as b:
        b.add_column(sa.Column('retired', sa.Boolean(), nullable=False, server_default='0'))
    with op.batch_alter_table('refusal_reasons') as b:
        b.add_column(sa.Column('retired', sa.Boolean(), nullable=False, server_default='0'))
    with op.batch_alter_table('funnels') as b:
        b.add_column(sa.Column('product', sa.String(200), nullable=False, server_default=''))
    with op.batch_alter_table('users') as b:
        b.add_column(sa.Column('sip_username', sa.String(100), nullable=False,
                               server_default=''))
    _synced('lead_sources',
            sa.Column('code', sa.String(64), nullable=False),
            sa.Column('name', sa.String(200), nullable=False),
            sa.Column('position', sa.Integer(), nullable=False),
            sa.Column('retired', sa.Boolean(), nullable=False, server_default='0'),
            unique=('code',))
    _synced('shared_settings',
            sa.Column('key', sa.String(64), nullable=False),
            sa.Column('value', sa.JSON(), nullable=True),
            unique=('key',))
    _synced('config_history',
            sa.Column('table_name', sa.String(64), nullable=False),
            sa.Column('row_id', sa.Uuid(), nullable=False),
            sa.Column('user_id', sa.Uuid(), nullable=True),
            sa.Column('at', sa.DateTime(timezone=True), nullable=False),
            sa.Column('field', sa.String(64), nullable=False),
            sa.Column('old_value', sa.Text(), nullable=True),
            sa.Column('new_value', sa.Text(), nullable=True),
            sa.Column('data', sa.JSON(), nullable=True))
    op.create_index('ix_config_history_row_id', 'config_history', ['row_id'])
    op.create_index('ix_leads_team_id', 'leads', ['team_id'])
    # every lead belongs to a team: its owner's (same statement on SQLite and PostgreSQL;
    # on the shared database the revision trigger makes workstations pull the change)
    op.execute("UPDATE leads SET team_id = (SELECT u.team_id FROM users u "
               "WHERE u.id = leads.owner_id) WHERE team_id IS NULL AND owner_id IS NOT NULL "
               "AND EXISTS (SELECT 1 FROM users u WHERE u.id = leads.owner_id "
               "AND u.team_id IS NOT NULL)")


def downgrade() -> None:
    op.drop_index('ix_leads_team_id', 'leads')
    op.drop_index('ix_config_history_row_id', 'config_history')
    for t in ('config_history', 'shared_settings', 'lead_sources'):
        op.drop_table(t)
    with op.batch_alter_table('users') as b:
        b.drop_column('sip_username')
    with op.batch_alter_table('funnels') as b:
        b.drop_column('product')
    with op.batch_alter_table('refusal_reasons') as b:
        b.drop_column('retired')
    with op.batch_alter_table('funnel_stages') as b:
        b.drop_column('retired')
