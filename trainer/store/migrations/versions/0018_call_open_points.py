"""dialogue_sessions.missed_json: a saved call keeps what was still open when it ended (a question not answered or
answered wrongly, a checkpoint not done), so its saved report lists them as the live one did (polish27 left)

Revision ID: 0018_call_open_points
Revises: 0017_assignment_agents

Calls saved before have none: their saved report lists nothing still open, as before.
"""
from alembic import op
import sqlalchemy as sa


revision = '0018_call_open_points'
down_revision = '0017_assignment_agents'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('dialogue_sessions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('missed_json', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('dialogue_sessions', schema=None) as batch_op:
        batch_op.drop_column('missed_json')
