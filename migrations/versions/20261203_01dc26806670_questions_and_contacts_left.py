"""Questions and answers on entries, their revisions; contacts' left_at.

Revision ID: 01dc26806670
Revises: a41c93e07d5b
Create Date: 2026-12-03 13:45:00

"""
from alembic import op
import sqlalchemy as sa

import hanse_hub.database


# revision identifiers, used by Alembic.
revision = '01dc26806670'
down_revision = 'a41c93e07d5b'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('left_at', sa.Date(), nullable=True))

    op.create_table(
        'questions',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('uuid', sa.String(length=36), nullable=False),
        sa.Column('entry_id', sa.Integer(), nullable=False),
        sa.Column('author_id', sa.Integer(), nullable=True),
        sa.Column('audience', sa.Enum('entry', 'owner', name='questionaudience', native_enum=False, length=13), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('created_at', hanse_hub.database.UTCDateTime(), nullable=False),
        sa.Column('updated_at', hanse_hub.database.UTCDateTime(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('asker_seen_at', hanse_hub.database.UTCDateTime(), nullable=True),
        sa.Column('last_answer_at', hanse_hub.database.UTCDateTime(), nullable=True),
        sa.Column('hidden_at', hanse_hub.database.UTCDateTime(), nullable=True),
        sa.Column('hidden_by_id', sa.Integer(), nullable=True),
        sa.Column('hidden_reason', sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(['entry_id'], ['entries.id'], name=op.f('fk_questions_entry_id_entries'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_questions_author_id_users'), ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['hidden_by_id'], ['users.id'], name=op.f('fk_questions_hidden_by_id_users'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_questions')),
        sa.UniqueConstraint('uuid', name=op.f('uq_questions_uuid')),
    )
    op.create_index('ix_questions_entry_created', 'questions', ['entry_id', 'created_at'])
    op.create_index(op.f('ix_questions_author_id'), 'questions', ['author_id'])

    op.create_table(
        'answers',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('uuid', sa.String(length=36), nullable=False),
        sa.Column('question_id', sa.Integer(), nullable=False),
        sa.Column('entry_id', sa.Integer(), nullable=False),
        sa.Column('author_id', sa.Integer(), nullable=True),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('created_at', hanse_hub.database.UTCDateTime(), nullable=False),
        sa.Column('updated_at', hanse_hub.database.UTCDateTime(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('helpful_at', hanse_hub.database.UTCDateTime(), nullable=True),
        sa.Column('hidden_at', hanse_hub.database.UTCDateTime(), nullable=True),
        sa.Column('hidden_by_id', sa.Integer(), nullable=True),
        sa.Column('hidden_reason', sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(['question_id'], ['questions.id'], name=op.f('fk_answers_question_id_questions'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['entry_id'], ['entries.id'], name=op.f('fk_answers_entry_id_entries'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_answers_author_id_users'), ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['hidden_by_id'], ['users.id'], name=op.f('fk_answers_hidden_by_id_users'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_answers')),
        sa.UniqueConstraint('uuid', name=op.f('uq_answers_uuid')),
    )
    op.create_index(op.f('ix_answers_question_id'), 'answers', ['question_id'])
    op.create_index(op.f('ix_answers_entry_id'), 'answers', ['entry_id'])
    op.create_index(op.f('ix_answers_author_id'), 'answers', ['author_id'])

    op.create_table(
        'question_revisions',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('question_id', sa.Integer(), nullable=False),
        sa.Column('answer_id', sa.Integer(), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('action', sa.String(length=30), nullable=False),
        sa.Column('actor_id', sa.Integer(), nullable=True),
        sa.Column('created_at', hanse_hub.database.UTCDateTime(), nullable=False),
        sa.Column('previous_state', sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(['question_id'], ['questions.id'], name=op.f('fk_question_revisions_question_id_questions'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['answer_id'], ['answers.id'], name=op.f('fk_question_revisions_answer_id_answers'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_question_revisions_actor_id_users'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_question_revisions')),
    )
    op.create_index(op.f('ix_question_revisions_question_id'), 'question_revisions', ['question_id'])
    op.create_index(op.f('ix_question_revisions_answer_id'), 'question_revisions', ['answer_id'])


def downgrade():
    op.drop_table('question_revisions')
    op.drop_table('answers')
    op.drop_table('questions')
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.drop_column('left_at')
