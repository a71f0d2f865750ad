"""Solutions: the fields publiccode.yml requires (software type, platforms, features,
maintenance type) and what an imported publiccode.yml holds beyond the hub's fields.

Revision ID: 52e7f0d2fe95
Revises: 514e4133b11c
Create Date: 2026-12-03 14:10:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '52e7f0d2fe95'
down_revision = '514e4133b11c'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('solutions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('software_type', sa.Enum('unspecified', 'standalone/web', 'standalone/mobile', 'standalone/desktop', 'standalone/backend', 'standalone/iot', 'standalone/other', 'addon', 'library', 'configurationFiles', name='softwaretype', native_enum=False, length=26), nullable=False, server_default='unspecified'))
        batch_op.add_column(sa.Column('platforms', sa.JSON(), nullable=False, server_default='[]'))
        batch_op.add_column(sa.Column('features', sa.JSON(), nullable=False, server_default='[]'))
        batch_op.add_column(sa.Column('maintenance_type', sa.Enum('unspecified', 'internal', 'contract', 'community', 'none', name='maintenancetype', native_enum=False, length=19), nullable=False, server_default='unspecified'))
        batch_op.add_column(sa.Column('publiccode_extra', sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table('solutions', schema=None) as batch_op:
        batch_op.drop_column('publiccode_extra')
        batch_op.drop_column('maintenance_type')
        batch_op.drop_column('features')
        batch_op.drop_column('platforms')
        batch_op.drop_column('software_type')
