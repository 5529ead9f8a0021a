"""judge_corrections.review_note: the instructor's word to the trainee on an objection ("判断有误"), shown with
the outcome on the trainee's call report and progress page (polish19: the trainee never learnt what came of it)

Revision ID: 0016_correction_review_note
Revises: 0015_search_dismissals
"""
from alembic import op
import sqlalchemy as sa


revision = '0016_correction_review_note'
down_revision = '0015_search_dismissals'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('judge_corrections', sa.Column('review_note', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('judge_corrections') as batch:
        batch.drop_column('review_note')
