"""When each login session was last used (shown on "Mein Konto").

Revision ID: 6e1f22d1beef
Revises: 5d0a11c0ffee
Create Date: 2026-12-03 10:30:00

"""
from alembic import op
import sqlalchemy as sa

import hanse_hub.database


# revision identifiers, used by Alembic.
revision = '6e1f22d1beef'
down_revision = '5d0a11c0ffee'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('login_sessions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('last_seen_at', hanse_hub.database.UTCDateTime(), nullable=True))


def downgrade():
    with op.batch_alter_table('login_sessions', schema=None) as batch_op:
        batch_op.drop_column('last_seen_at')
