"""progress console: users' hire date (cohort), instructors' call comments, indexes for the team console

Revision ID: 0002_progress_console
Revises: 0001
Create Date: 2026-11-27 09:00:00

The indexes were chosen with bench/team_console.py (figures in docs/benchmarks.md):
- quiz_attempts (user_id, answered_at, correct, category, item_id): agents' answers of a period
  (one agent's calendar and retention, everyone's last answer, the team console's aggregates)
  read from the index alone, never the table;
- dialogue_sessions (user_id, finished_at): one agent's calls and everyone's last call.
"""
from alembic import op
import sqlalchemy as sa


revision = '0002_progress_console'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('hire_date', sa.Date(), nullable=True))

    op.create_table('call_comments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dialogue_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], ),
    sa.ForeignKeyConstraint(['dialogue_id'], ['dialogue_sessions.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('call_comments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_call_comments_dialogue_id'), ['dialogue_id'], unique=False)

    with op.batch_alter_table('quiz_attempts', schema=None) as batch_op:
        batch_op.create_index('ix_quiz_attempts_user_time_cover',
                              ['user_id', 'answered_at', 'correct', 'category', 'item_id'], unique=False)
    with op.batch_alter_table('dialogue_sessions', schema=None) as batch_op:
        batch_op.create_index('ix_dialogue_sessions_user_finished', ['user_id', 'finished_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('dialogue_sessions', schema=None) as batch_op:
        batch_op.drop_index('ix_dialogue_sessions_user_finished')
    with op.batch_alter_table('quiz_attempts', schema=None) as batch_op:
        batch_op.drop_index('ix_quiz_attempts_user_time_cover')
    with op.batch_alter_table('call_comments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_call_comments_dialogue_id'))
    op.drop_table('call_comments')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('hire_date')
