"""content_changes.applied: the intent record of a multi-file save (issue #18, finding 3)

A save commits its history rows with applied = false, renames its staged files into place,
then sets applied = true. Rows still false at start-up are saves interrupted after their
commit; recovery writes their after_text and marks them applied.

Revision ID: 0003_content_write_intent
Revises: 0004_search_log
"""
from alembic import op
import sqlalchemy as sa


revision = '0003_content_write_intent'
down_revision = '0004_search_log'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('content_changes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('applied', sa.Boolean(), nullable=False, server_default=sa.true()))
        batch_op.create_index(batch_op.f('ix_content_changes_applied'), ['applied'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('content_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_content_changes_applied'))
        batch_op.drop_column('applied')
