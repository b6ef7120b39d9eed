"""outbox entries the shared database refused are kept, with the reason

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 09:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from workstation.store.types import UTCDateTime

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('outbox') as b:
        b.add_column(sa.Column('rejected_at', UTCDateTime(), nullable=True))
        b.add_column(sa.Column('rejected_reason', sa.Text(), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('outbox') as b:
        b.drop_column('rejected_reason')
        b.drop_column('rejected_at')
