"""quiz_item_totals: each agent's all-time answers per item, so the team console reads a long period
as these totals minus the answers outside it (issue #17: six months, all teams, under 1 s on SQLite)

Revision ID: 0011_quiz_item_totals
Revises: 0010_api_rate_windows

The table is filled from quiz_attempts here; from then on every recorded answer adds to it
(trainer/quiz/item_totals.py).
"""
from alembic import op
import sqlalchemy as sa


revision = '0011_quiz_item_totals'
down_revision = '0010_api_rate_windows'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('quiz_item_totals',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.String(length=160), nullable=False),
    sa.Column('category', sa.String(length=64), nullable=False),
    sa.Column('answers', sa.Integer(), nullable=False),
    sa.Column('right_answers', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('user_id', 'item_id', 'category')
    )
    op.execute(
        "INSERT INTO quiz_item_totals (user_id, item_id, category, answers, right_answers) "
        "SELECT user_id, item_id, COALESCE(category, ''), COUNT(*), SUM(CASE WHEN correct THEN 1 ELSE 0 END) "
        "FROM quiz_attempts GROUP BY user_id, item_id, COALESCE(category, '')")


def downgrade() -> None:
    op.drop_table('quiz_item_totals')
