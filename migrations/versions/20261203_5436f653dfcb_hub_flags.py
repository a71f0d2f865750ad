"""Switches of the installation (hub_flags): the read-only freeze of issue #14.

Revision ID: 5436f653dfcb
Revises: 01dc26806670
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

import hanse_hub.database

revision = "5436f653dfcb"
down_revision = "01dc26806670"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "hub_flags",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.Column("changed_at", hanse_hub.database.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_hub_flags")),
    )


def downgrade():
    op.drop_table("hub_flags")
