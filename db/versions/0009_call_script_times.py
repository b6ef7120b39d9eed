"""calls: when each script step was reached (ms from the answer), for the player's markers

Revision ID: 0009
Revises: 0012
Create Date: 2026-12-03 13:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('calls') as b:
        b.add_column(sa.Column('script_times', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('calls') as b:
        b.drop_column('script_times')
