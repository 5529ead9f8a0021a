"""judge corrections: trainees mark findings judged wrong, instructors relabel

Revision ID: 0003_judge_corrections
Revises: 0002_progress_console
"""
from alembic import op
import sqlalchemy as sa


revision = '0003_judge_corrections'
down_revision = '0002_progress_console'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('judge_corrections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('dialogue_id', sa.Integer(), nullable=True),
    sa.Column('scenario_id', sa.String(length=128), nullable=False),
    sa.Column('turn_index', sa.Integer(), nullable=False),
    sa.Column('behaviour', sa.String(length=32), nullable=False),
    sa.Column('verdict_ok', sa.Boolean(), nullable=False),
    sa.Column('quote', sa.Text(), nullable=False),
    sa.Column('utterance', sa.Text(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('labels_json', sa.Text(), nullable=False),
    sa.Column('reviewer', sa.String(length=64), nullable=True),
    sa.Column('change_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ),
    sa.ForeignKeyConstraint(['dialogue_id'], ['dialogue_sessions.id'], ),
    sa.ForeignKeyConstraint(['change_id'], ['content_changes.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('judge_corrections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_judge_corrections_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_judge_corrections_user_id'), ['user_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('judge_corrections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_judge_corrections_user_id'))
        batch_op.drop_index(batch_op.f('ix_judge_corrections_status'))
    op.drop_table('judge_corrections')
