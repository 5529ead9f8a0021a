"""server-side sessions, per-address sign-in limits, lockout back-off and unlock codes (issue #18, findings 4, 5)

Revision ID: 0004_server_sessions
Revises: 0003_content_write_intent
"""
from alembic import op
import sqlalchemy as sa


revision = '0004_server_sessions'
down_revision = '0003_content_write_intent'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('auth_sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('cookie_hash', sa.String(length=64), nullable=True),
    sa.Column('handoff_hash', sa.String(length=64), nullable=True),
    sa.Column('handoff_expires', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('cookie_hash'),
    sa.UniqueConstraint('handoff_hash')
    )
    with op.batch_alter_table('auth_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_auth_sessions_user_id'), ['user_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_auth_sessions_expires_at'), ['expires_at'], unique=False)
    op.create_table('sign_in_addresses',
    sa.Column('address', sa.String(length=64), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('lockouts', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('address')
    )
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('lockouts', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('unlock_code_hash', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('unlock_code_expires', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('unlock_code_expires')
        batch_op.drop_column('unlock_code_hash')
        batch_op.drop_column('lockouts')
    op.drop_table('sign_in_addresses')
    with op.batch_alter_table('auth_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_auth_sessions_expires_at'))
        batch_op.drop_index(batch_op.f('ix_auth_sessions_user_id'))
    op.drop_table('auth_sessions')
