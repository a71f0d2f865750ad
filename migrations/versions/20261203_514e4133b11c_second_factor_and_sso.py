"""Second factor (TOTP, recovery codes, MFA on login sessions and tokens) and per-tenant
single sign-on (OpenID Connect providers).

Revision ID: 514e4133b11c
Revises: 5436f653dfcb
Create Date: 2026-12-03 13:16:33.612242

"""
from alembic import op
import sqlalchemy as sa

import hanse_hub.database


# revision identifiers, used by Alembic.
revision = '514e4133b11c'
down_revision = '5436f653dfcb'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('recovery_codes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', hanse_hub.database.UTCDateTime(), nullable=False),
    sa.Column('used_at', hanse_hub.database.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_recovery_codes_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recovery_codes')),
    sa.UniqueConstraint('code_hash', name=op.f('uq_recovery_codes_code_hash'))
    )
    with op.batch_alter_table('recovery_codes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recovery_codes_user_id'), ['user_id'], unique=False)

    op.create_table('sso_providers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('issuer', sa.String(length=300), nullable=False),
    sa.Column('client_id', sa.String(length=200), nullable=False),
    sa.Column('allowed_domains', sa.Text(), nullable=False),
    sa.Column('default_role', sa.Enum('reader', 'editor', 'admin', name='role', native_enum=False, length=14), nullable=False),
    sa.Column('role_claim', sa.String(length=100), nullable=True),
    sa.Column('role_mapping', sa.JSON(), nullable=False),
    sa.Column('local_passwords', sa.Boolean(), server_default=sa.true(), nullable=False),
    sa.Column('enabled', sa.Boolean(), server_default=sa.true(), nullable=False),
    sa.Column('created_at', hanse_hub.database.UTCDateTime(), nullable=False),
    sa.Column('updated_at', hanse_hub.database.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_sso_providers_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sso_providers'))
    )
    with op.batch_alter_table('sso_providers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sso_providers_tenant_id'), ['tenant_id'], unique=True)

    op.create_table('totp_credentials',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('secret', sa.String(length=64), nullable=False),
    sa.Column('created_at', hanse_hub.database.UTCDateTime(), nullable=False),
    sa.Column('confirmed_at', hanse_hub.database.UTCDateTime(), nullable=True),
    sa.Column('last_step', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_totp_credentials_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_totp_credentials'))
    )
    with op.batch_alter_table('totp_credentials', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_totp_credentials_user_id'), ['user_id'], unique=True)

    with op.batch_alter_table('login_sessions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('mfa_at', hanse_hub.database.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('mfa_method', sa.String(length=20), nullable=True))

    with op.batch_alter_table('personal_access_tokens', schema=None) as batch_op:
        batch_op.add_column(sa.Column('mfa_session', sa.Boolean(), server_default=sa.false(), nullable=False))



def downgrade():
    with op.batch_alter_table('personal_access_tokens', schema=None) as batch_op:
        batch_op.drop_column('mfa_session')

    with op.batch_alter_table('login_sessions', schema=None) as batch_op:
        batch_op.drop_column('mfa_method')
        batch_op.drop_column('mfa_at')

    with op.batch_alter_table('totp_credentials', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_totp_credentials_user_id'))

    op.drop_table('totp_credentials')
    with op.batch_alter_table('sso_providers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sso_providers_tenant_id'))

    op.drop_table('sso_providers')
    with op.batch_alter_table('recovery_codes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recovery_codes_user_id'))

    op.drop_table('recovery_codes')
