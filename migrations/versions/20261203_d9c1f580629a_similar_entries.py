"""Stored lists of similar entries (derived; rebuilt by `flask search reindex`).

Revision ID: d9c1f580629a
Revises: 52e7f0d2fe95
Create Date: 2026-12-03 13:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd9c1f580629a'
down_revision = '52e7f0d2fe95'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'similar_entries',
        sa.Column('entry_id', sa.Integer(), nullable=False),
        sa.Column('rank', sa.Integer(), nullable=False),
        sa.Column('similar_id', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('entry_id', 'rank', name=op.f('pk_similar_entries')),
    )
    with op.batch_alter_table('similar_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_similar_entries_similar_id'), ['similar_id'], unique=False)


def downgrade():
    with op.batch_alter_table('similar_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_similar_entries_similar_id'))
    op.drop_table('similar_entries')
