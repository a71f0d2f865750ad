"""The content generation: one number every write use case increments (page cache).

Revision ID: e7a3c0b1d2f4
Revises: d9c1f580629a
Create Date: 2026-12-03 20:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e7a3c0b1d2f4'
down_revision = 'd9c1f580629a'
branch_labels = None
depends_on = None


def upgrade():
    table = op.create_table(
        'content_generation',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('value', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_content_generation')),
    )
    op.bulk_insert(table, [{'id': 1, 'value': 0}])


def downgrade():
    op.drop_table('content_generation')
