"""search-API rate-limit windows shared by every app server on PostgreSQL (issue #19)

Revision ID: 0010_api_rate_windows
Revises: 0009_assignments
"""
from alembic import op
import sqlalchemy as sa


revision = '0010_api_rate_windows'
down_revision = '0009_assignments'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('api_rate_windows',
    sa.Column('token_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('window_index', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('token_id', 'window_index')
    )


def downgrade() -> None:
    op.drop_table('api_rate_windows')
