"""calls: what protected each call (SRTP media, TLS signalling)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 10:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('calls') as b:
        b.add_column(sa.Column('media_security', sa.String(length=8), nullable=False,
                               server_default=''))
        b.add_column(sa.Column('signalling_tls', sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('calls') as b:
        b.drop_column('signalling_tls')
        b.drop_column('media_security')
