"""assignments.quiz_category, assignments.quiz_items: an instructor assigns a quiz — a category of the knowledge
base and a number of items — as well as a scenario (qa24 I3: 作业布置 could give only a scenario, while a new agent's
daily training is quizzes)

Revision ID: 0019_quiz_assignments
Revises: 0018_call_open_points

Every assignment made before this revision is a scenario's: its quiz category is "" and its number of items 0 (not
NULL: the index of work in force compares them, and NULLs never compare equal, so two scenario submits racing each
other would both insert). The index is made again over the new columns, so one quiz in force per category, number
of items, team and due date; the work in force is unchanged, so no row is folded or lost.
"""
from alembic import op
import sqlalchemy as sa


revision = '0019_quiz_assignments'
down_revision = '0018_call_open_points'
branch_labels = None
depends_on = None

IN_FORCE = sa.text("cancelled_at IS NULL")
OLD_KEY = ['scenario_id', 'team', 'mode', 'due_date']
NEW_KEY = ['scenario_id', 'quiz_category', 'quiz_items', 'team', 'mode', 'due_date']


def upgrade() -> None:
    op.drop_index('uq_assignments_in_force', table_name='assignments')
    with op.batch_alter_table('assignments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('quiz_category', sa.String(length=64), server_default='', nullable=False))
        batch_op.add_column(sa.Column('quiz_items', sa.Integer(), server_default='0', nullable=False))
    op.create_index('uq_assignments_in_force', 'assignments', NEW_KEY, unique=True,
                    sqlite_where=IN_FORCE, postgresql_where=IN_FORCE)


def downgrade() -> None:
    """Quiz assignments cannot be told from scenario ones without the columns: they are withdrawn first (their
    completions stay), so the old index holds over what remains."""
    op.execute("UPDATE assignments SET cancelled_at = CURRENT_TIMESTAMP WHERE quiz_category <> '' AND cancelled_at IS NULL")
    op.drop_index('uq_assignments_in_force', table_name='assignments')
    with op.batch_alter_table('assignments', schema=None) as batch_op:
        batch_op.drop_column('quiz_items')
        batch_op.drop_column('quiz_category')
    op.create_index('uq_assignments_in_force', 'assignments', OLD_KEY, unique=True,
                    sqlite_where=IN_FORCE, postgresql_where=IN_FORCE)
