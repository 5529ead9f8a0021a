"""recent_searches: an agent's last searches of the day (最近搜索), kept server-side so a reload or a dropped
connection mid-shift no longer empties the list (ui54b); masked as the search log, ten a user, deleted at sign-out

Revision ID: 0021_recent_searches
Revises: 0020_search_report_note

A new table: nothing before it changes.
"""
from alembic import op
import sqlalchemy as sa


revision = '0021_recent_searches'
down_revision = '0020_search_report_note'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('recent_searches',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('query', sa.String(length=200), nullable=False),
    sa.Column('category', sa.String(length=64), nullable=False),
    sa.Column('regulations_only', sa.Boolean(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('recent_searches', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recent_searches_user_id'), ['user_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('recent_searches', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recent_searches_user_id'))
    op.drop_table('recent_searches')
