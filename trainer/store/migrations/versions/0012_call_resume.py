"""dialogue_sessions.resume_json: a call in progress keeps its "practise again" focus, the exam's
reply clock and its slow replies across a page reload (issue #13)

Revision ID: 0012_call_resume
Revises: 0011_quiz_item_totals

Calls saved before have none: they resume without a focus, with the clock restarted.
"""
from alembic import op
import sqlalchemy as sa


revision = '0012_call_resume'
down_revision = '0011_quiz_item_totals'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('dialogue_sessions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('resume_json', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('dialogue_sessions', schema=None) as batch_op:
        batch_op.drop_column('resume_json')
