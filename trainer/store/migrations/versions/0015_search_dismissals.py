"""search_log.dismissed_at / dismissed_by: an instructor marks a group of missed searches as needing no
fix (a question the hotline rightly does not answer, such as the weather), so 搜索反馈 stops listing it

Revision ID: 0015_search_dismissals
Revises: 0014_assignments_in_force_once

The searches stay in the log (until the retention period ends) and count in every other figure;
only the feedback queue leaves them out. The same wording searched again later is listed again.
"""
from alembic import op
import sqlalchemy as sa


revision = '0015_search_dismissals'
down_revision = '0014_assignments_in_force_once'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('search_log', sa.Column('dismissed_at', sa.DateTime(timezone=True), nullable=True))
    op.add_column('search_log', sa.Column('dismissed_by', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('search_log') as batch:
        batch.drop_column('dismissed_by')
        batch.drop_column('dismissed_at')
