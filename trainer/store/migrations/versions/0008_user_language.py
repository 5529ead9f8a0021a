"""per-user UI language and the quiz in progress, so a reload keeps both (issue #16, defect 10)

Revision ID: 0008_user_language
Revises: 0007_api_tokens_content_versions
"""
from alembic import op
import sqlalchemy as sa


revision = '0008_user_language'
down_revision = '0007_api_tokens_content_versions'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('language', sa.String(length=8), nullable=True))
    op.create_table('quiz_runs',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('user_id')
    )


def downgrade() -> None:
    op.drop_table('quiz_runs')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('language')
