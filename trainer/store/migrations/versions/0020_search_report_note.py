"""search_feedback.note: the agent's optional short reason with a 👎 or a report of a wrong answer, shown to the
instructor on 搜索反馈 beside the report (qa28 F2: 小吴's customer asked *when*, not *who*, and nothing could say so)

Revision ID: 0020_search_report_note
Revises: 0019_quiz_assignments

A column added, nullable: every verdict given before keeps its row, with no reason.
"""
from alembic import op
import sqlalchemy as sa


revision = '0020_search_report_note'
down_revision = '0019_quiz_assignments'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('search_feedback', sa.Column('note', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('search_feedback') as batch:
        batch.drop_column('note')
