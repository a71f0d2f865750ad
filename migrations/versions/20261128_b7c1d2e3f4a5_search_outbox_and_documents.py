"""Search: the index outbox (search_jobs), the vocabulary (search_words), index state, and on
PostgreSQL the search_documents table of the postgres search backend.

Revision ID: b7c1d2e3f4a5
Revises: 01024a26c662
Create Date: 2026-11-28 01:45:00

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

import hanse_hub.database

# revision identifiers, used by Alembic.
revision = 'b7c1d2e3f4a5'
down_revision = '01024a26c662'
branch_labels = None
depends_on = None

# Objects that exist on PostgreSQL only; tests/test_migrations.py knows about them.
POSTGRESQL_ONLY_TABLES = ("search_documents",)


def upgrade():
    op.create_table('search_jobs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entry_id', sa.Integer(), nullable=False),
    sa.Column('created_at', hanse_hub.database.UTCDateTime(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_search_jobs'))
    )
    with op.batch_alter_table('search_jobs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_search_jobs_entry_id'), ['entry_id'], unique=False)

    op.create_table('search_words',
    sa.Column('word', sa.String(length=80), nullable=False),
    sa.PrimaryKeyConstraint('word', name=op.f('pk_search_words'))
    )
    op.create_table('search_state',
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('updated_at', hanse_hub.database.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_search_state'))
    )

    if op.get_bind().dialect.name == 'postgresql':
        op.create_table('search_documents',
        sa.Column('entry_id', sa.Integer(), primary_key=True),
        sa.Column('tenant_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(20), nullable=False),
        sa.Column('status', sa.String(20), nullable=False),
        sa.Column('visibility', sa.String(20), nullable=False),
        sa.Column('author_id', sa.Integer()),
        sa.Column('participant_ids', postgresql.ARRAY(sa.Integer()), nullable=False),
        sa.Column('topics', postgresql.ARRAY(sa.String()), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('sort_date', sa.DateTime(timezone=True), nullable=False),
        sa.Column('title_words', postgresql.ARRAY(sa.String()), nullable=False),
        sa.Column('document', postgresql.TSVECTOR(), nullable=False),
        )
        op.create_index('ix_search_documents_document', 'search_documents', ['document'],
                        postgresql_using='gin')
        op.create_index('ix_search_documents_tenant_status', 'search_documents',
                        ['tenant_id', 'status', 'visibility'])
        op.create_index('ix_search_documents_sort_date', 'search_documents', ['sort_date'])


def downgrade():
    if op.get_bind().dialect.name == 'postgresql':
        op.drop_table('search_documents')
    op.drop_table('search_state')
    op.drop_table('search_words')
    with op.batch_alter_table('search_jobs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_search_jobs_entry_id'))
    op.drop_table('search_jobs')
