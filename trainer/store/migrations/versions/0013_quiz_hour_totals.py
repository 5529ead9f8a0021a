"""quiz_hour_totals: each agent's answers per UTC hour, so the team console sums a week of answers
from a few thousand tallies instead of reading every answer (issue #17: six months, all teams)

Revision ID: 0013_quiz_hour_totals
Revises: 0012_call_resume

The table is filled from quiz_attempts here; from then on every recorded answer adds to it
(trainer/quiz/item_totals.py). Hours are stored as UTC instants, the way the ORM stores times
on each database (on SQLite the text 'YYYY-MM-DD HH:00:00.000000').
"""
from alembic import op
import sqlalchemy as sa


revision = '0013_quiz_hour_totals'
down_revision = '0012_call_resume'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('quiz_hour_totals',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('hour_start', sa.DateTime(timezone=True), nullable=False),
    sa.Column('answers', sa.Integer(), nullable=False),
    sa.Column('right_answers', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('user_id', 'hour_start')
    )
    if op.get_bind().dialect.name == "postgresql":
        hour = "date_trunc('hour', answered_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'"
    else:
        hour = "strftime('%Y-%m-%d %H:00:00.000000', answered_at)"
    op.execute(
        f"INSERT INTO quiz_hour_totals (user_id, hour_start, answers, right_answers) "
        f"SELECT user_id, {hour}, COUNT(*), SUM(CASE WHEN correct THEN 1 ELSE 0 END) "
        f"FROM quiz_attempts GROUP BY user_id, {hour}")


def downgrade() -> None:
    op.drop_table('quiz_hour_totals')
