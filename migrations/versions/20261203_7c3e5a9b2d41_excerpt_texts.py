"""Stored plain text for the excerpts of search results (derived; rebuilt by `flask search reindex`).

Revision ID: 7c3e5a9b2d41
Revises: e7a3c0b1d2f4
Create Date: 2026-12-03 19:45:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7c3e5a9b2d41'
down_revision = 'e7a3c0b1d2f4'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'excerpt_texts',
        sa.Column('entry_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('source', sa.String(length=10), nullable=False),
        sa.Column('file_name', sa.String(length=255), nullable=True),
        sa.Column('text', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('entry_id', 'position', name=op.f('pk_excerpt_texts')),
    )


def downgrade():
    op.drop_table('excerpt_texts')
