"""scenario assignments to a team with a due date and mode, and who completed them (issue #13, item 4)

Revision ID: 0009_assignments
Revises: 0008_user_language
"""
from alembic import op
import sqlalchemy as sa


revision = '0009_assignments'
down_revision = '0008_user_language'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('assignments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('scenario_id', sa.String(length=128), nullable=False),
    sa.Column('team', sa.String(length=64), nullable=False),
    sa.Column('mode', sa.String(length=16), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('cancelled_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('assignments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assignments_team'), ['team'], unique=False)
    op.create_table('assignment_completions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assignment_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('dialogue_id', sa.Integer(), nullable=True),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('completed_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['assignment_id'], ['assignments.id'], ),
    sa.ForeignKeyConstraint(['dialogue_id'], ['dialogue_sessions.id'], ),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('assignment_id', 'user_id')
    )
    with op.batch_alter_table('assignment_completions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assignment_completions_assignment_id'), ['assignment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assignment_completions_user_id'), ['user_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('assignment_completions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assignment_completions_user_id'))
        batch_op.drop_index(batch_op.f('ix_assignment_completions_assignment_id'))
    op.drop_table('assignment_completions')
    with op.batch_alter_table('assignments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assignments_team'))
    op.drop_table('assignments')
