"""search log: every knowledge search (query, user, time, top ids and scores, no-answer) and agents' feedback

Revision ID: 0004_search_log
Revises: 0003_judge_corrections
Create Date: 2026-12-03 09:30:00

Feeds the instructors' 搜索反馈 page: no-answer and thumbs-down searches of the last days.
search_log.at is indexed for that period filter; search_feedback.search_id for the join.
"""
from alembic import op
import sqlalchemy as sa


revision = '0004_search_log'
down_revision = '0003_judge_corrections'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('search_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('search_key', sa.String(length=32), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('query', sa.String(length=200), nullable=False),
    sa.Column('category', sa.String(length=64), nullable=False),
    sa.Column('results_json', sa.Text(), nullable=False),
    sa.Column('no_answer', sa.Boolean(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('search_key')
    )
    with op.batch_alter_table('search_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_search_log_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_search_log_user_id'), ['user_id'], unique=False)

    op.create_table('search_feedback',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('search_id', sa.Integer(), nullable=False),
    sa.Column('entry_id', sa.String(length=128), nullable=False),
    sa.Column('verdict', sa.String(length=8), nullable=False),
    sa.Column('right_entry_id', sa.String(length=128), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['search_id'], ['search_log.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('search_id', 'entry_id')
    )
    with op.batch_alter_table('search_feedback', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_search_feedback_search_id'), ['search_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('search_feedback', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_search_feedback_search_id'))

    op.drop_table('search_feedback')
    with op.batch_alter_table('search_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_search_log_user_id'))
        batch_op.drop_index(batch_op.f('ix_search_log_at'))

    op.drop_table('search_log')
