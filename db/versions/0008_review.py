"""review: scorecards (versioned criteria), call reviews and their comments, the
recording access audit, missing-recording flags; consent and "recording
expected" on calls

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 12:45:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

TABLES = ('recording_flags', 'recording_access', 'review_comments', 'call_reviews',
          'scorecard_criteria', 'scorecards')


def _synced(name: str, *cols) -> None:
    op.create_table(
        name, *cols,
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('created_by', sa.Uuid(), nullable=True),
        sa.Column('updated_by', sa.Uuid(), nullable=True),
        sa.Column('revision', sa.BigInteger(), server_default='0', nullable=False),
        sa.Column('deleted', sa.Boolean(), server_default='0', nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f(f'pk_{name}')))


def _fk(col: str, table: str, ref: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([col], [f'{ref}.id'], name=op.f(f'fk_{table}_{col}_{ref}'))


def upgrade() -> None:
    with op.batch_alter_table('calls') as b:
        b.add_column(sa.Column('recording_consent', sa.String(16), nullable=False,
                               server_default=''))
        b.add_column(sa.Column('recording_expected', sa.Boolean(), nullable=True))
    _synced('scorecards',
            sa.Column('code', sa.String(64), nullable=False),
            sa.Column('version', sa.Integer(), nullable=False),
            sa.Column('name', sa.String(200), nullable=False),
            sa.Column('active', sa.Boolean(), nullable=False),
            sa.UniqueConstraint('code', 'version', name=op.f('uq_scorecards_code_version')))
    _synced('scorecard_criteria',
            sa.Column('scorecard_id', sa.Uuid(), nullable=False),
            sa.Column('position', sa.Integer(), nullable=False),
            sa.Column('name', sa.String(300), nullable=False),
            sa.Column('weight', sa.Float(), nullable=False),
            sa.Column('kind', sa.String(16), nullable=False),
            sa.Column('max_value', sa.Integer(), nullable=False),
            sa.Column('critical', sa.Boolean(), nullable=False),
            sa.Column('active', sa.Boolean(), nullable=False),
            _fk('scorecard_id', 'scorecard_criteria', 'scorecards'))
    op.create_index('ix_scorecard_criteria_scorecard_id', 'scorecard_criteria', ['scorecard_id'])
    _synced('call_reviews',
            sa.Column('call_id', sa.Uuid(), nullable=False),
            sa.Column('reviewer_id', sa.Uuid(), nullable=False),
            sa.Column('manager_id', sa.Uuid(), nullable=True),
            sa.Column('scorecard_id', sa.Uuid(), nullable=True),
            sa.Column('status', sa.String(16), nullable=False),
            sa.Column('score', sa.Float(), nullable=True),
            sa.Column('failed_critical', sa.Boolean(), nullable=False),
            sa.Column('manager_fault', sa.Boolean(), nullable=False),
            sa.Column('answers', sa.JSON(), nullable=True),
            sa.Column('summary', sa.Text(), nullable=False),
            sa.Column('scored_at', sa.DateTime(timezone=True), nullable=True),
            _fk('call_id', 'call_reviews', 'calls'),
            _fk('reviewer_id', 'call_reviews', 'users'),
            _fk('scorecard_id', 'call_reviews', 'scorecards'))
    op.create_index('ix_call_reviews_call_id', 'call_reviews', ['call_id'])
    op.create_index('ix_call_reviews_reviewer_id_status', 'call_reviews',
                    ['reviewer_id', 'status'])
    op.create_index('ix_call_reviews_manager_id', 'call_reviews', ['manager_id'])
    _synced('review_comments',
            sa.Column('review_id', sa.Uuid(), nullable=False),
            sa.Column('call_id', sa.Uuid(), nullable=False),
            sa.Column('author_id', sa.Uuid(), nullable=False),
            sa.Column('at_ms', sa.Integer(), nullable=True),
            sa.Column('text', sa.Text(), nullable=False),
            sa.Column('kind', sa.String(16), nullable=False),
            _fk('review_id', 'review_comments', 'call_reviews'),
            _fk('call_id', 'review_comments', 'calls'),
            _fk('author_id', 'review_comments', 'users'))
    op.create_index('ix_review_comments_review_id', 'review_comments', ['review_id'])
    _synced('recording_access',
            sa.Column('user_id', sa.Uuid(), nullable=True),
            sa.Column('login', sa.String(100), nullable=False),
            sa.Column('recording_id', sa.Uuid(), nullable=True),
            sa.Column('call_id', sa.Uuid(), nullable=True),
            sa.Column('action', sa.String(16), nullable=False),
            sa.Column('at', sa.DateTime(timezone=True), nullable=False),
            sa.Column('played_seconds', sa.Float(), nullable=True))
    op.create_index('ix_recording_access_at', 'recording_access', ['at'])
    _synced('recording_flags',
            sa.Column('call_id', sa.Uuid(), nullable=True),
            sa.Column('recording_id', sa.Uuid(), nullable=True),
            sa.Column('reason', sa.String(20), nullable=False),
            sa.Column('workstation', sa.String(200), nullable=False),
            sa.Column('detail', sa.Text(), nullable=False),
            sa.Column('detected_at', sa.DateTime(timezone=True), nullable=False),
            sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
            _fk('call_id', 'recording_flags', 'calls'))
    op.create_index('ix_recording_flags_call_id', 'recording_flags', ['call_id'])


def downgrade() -> None:
    op.drop_index('ix_recording_flags_call_id', 'recording_flags')
    op.drop_index('ix_recording_access_at', 'recording_access')
    op.drop_index('ix_review_comments_review_id', 'review_comments')
    op.drop_index('ix_call_reviews_manager_id', 'call_reviews')
    op.drop_index('ix_call_reviews_reviewer_id_status', 'call_reviews')
    op.drop_index('ix_call_reviews_call_id', 'call_reviews')
    op.drop_index('ix_scorecard_criteria_scorecard_id', 'scorecard_criteria')
    for t in TABLES:
        op.drop_table(t)
    with op.batch_alter_table('calls') as b:
        b.drop_column('recording_expected')
        b.drop_column('recording_consent')
