"""assignment_agents: an assignment given to chosen agents of its team, not the whole team (polish21:
instructors could assign practice only to a whole team). An assignment with no rows here is for its team,
as every assignment made before this revision.

Revision ID: 0017_assignment_agents
Revises: 0016_correction_review_note
"""
from alembic import op
import sqlalchemy as sa


revision = '0017_assignment_agents'
down_revision = '0016_correction_review_note'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('assignment_agents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assignment_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['assignment_id'], ['assignments.id'], ),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('assignment_id', 'user_id')
    )
    with op.batch_alter_table('assignment_agents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assignment_agents_assignment_id'), ['assignment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assignment_agents_user_id'), ['user_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('assignment_agents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assignment_agents_user_id'))
        batch_op.drop_index(batch_op.f('ix_assignment_agents_assignment_id'))
    op.drop_table('assignment_agents')
