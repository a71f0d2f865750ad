"""Which tables a hub export holds, and why the others are left out.

Tables are discovered from the SQLAlchemy metadata: every table a model declares is exported
unless it is named in :data:`EXCLUDED` with the reason. A new table is therefore exported
without further work; ``tests/portability/test_catalogue.py`` fails when a table of the
migrated database is neither exported nor excluded.
"""

from __future__ import annotations

import sqlalchemy as sa

from hanse_hub import models  # noqa: F401  (registers every table in the metadata)
from hanse_hub.extensions import db

# Tables that are not part of the hub's knowledge: derived data (rebuilt after an import),
# queues and short-lived secrets. The reason is written into the manifest.
EXCLUDED: dict[str, str] = {
    "alembic_version": "the schema revision is recorded in manifest.json",
    "search_documents": "derived: the search index is rebuilt after an import",
    "search_jobs": "derived: the search outbox (index jobs)",
    "search_state": "derived: state of the search index",
    "search_words": "derived: the search index's vocabulary",
    "similar_entries": "derived: lists of similar entries, rebuilt with the search index",
    "mail_outbox": "a queue of mails to send; may hold one-time links",
    "login_sessions": "web logins end with the move to another operator",
    "password_resets": "one-time secrets that expire within hours",
    "content_generation": "derived: a counter of writes for the page cache of visitors",
    "hub_flags": "switches of this installation (the read-only freeze), not knowledge",
}

# Tables of credentials: exported only with ``--with-credentials``.
CREDENTIAL_TABLES: frozenset[str] = frozenset(
    {
        "personal_access_tokens",
        "invitations",
        "feed_tokens",  # issue #12: secret feed addresses (hashes)
        "totp_credentials",  # issue #16: second-factor secrets
        "recovery_codes",  # issue #16: second-factor recovery codes (hashes)
    }
)

# Columns holding credentials: exported as null unless ``--with-credentials``.
CREDENTIAL_COLUMNS: dict[str, frozenset[str]] = {"users": frozenset({"password_hash"})}

# Columns naming a stored file by its SHA-256: the file goes into the archive.
FILE_COLUMNS: dict[str, str] = {"attachments": "content_hash"}

# What a table holds, for the JSON Schemas of tables whose model has no docstring of its own.
DESCRIPTIONS: dict[str, str] = {
    "tenants": "An organisation of the hub: a city, the alliance office or a partner.",
    "users": "An account of a person (staff of a city, an organiser, an administrator).",
    "memberships": "An account's role (reader, editor, admin) in a tenant.",
    "topics": "A topic of the taxonomy (Handlungsfeld) with its German and English name.",
    "entries": (
        "An entry of any kind (solution, lesson learned, contact, event, material): the fields "
        "every kind shares. The kind's own fields are in the table of the same id named by "
        "kind (solutions, lessons, contacts, events, materials)."
    ),
    "entry_participants": "A further tenant taking part in an entry (e.g. a joint solution).",
    "entry_tags": "A free tag of an entry.",
    "entry_topics": "A topic an entry belongs to.",
    "solutions": "The fields of an entry of kind solution (same id as in entries).",
    "lessons": "The fields of an entry of kind lesson learned (same id as in entries).",
    "events": "The fields of an entry of kind event (same id as in entries).",
    "lesson_solutions": "A solution a lesson learned is about.",
    "solution_contacts": "A contact to ask about a solution.",
    "material_speakers": "A contact who spoke or wrote a conference material.",
    "attachments": (
        "A file attached to an entry; the content is files/<xx>/<content_hash> in the archive."
    ),
}

# Tables the migrations fill with defaults: an otherwise empty hub may hold them, and an import
# into an empty hub replaces them.
SEEDED_TABLES: frozenset[str] = frozenset({"topics"})


def exported_tables(*, with_credentials: bool = False) -> list[sa.Table]:
    """The exported tables, parents before children (the order of an import)."""
    return [
        table
        for table in db.metadata.sorted_tables
        if table.name not in EXCLUDED and (with_credentials or table.name not in CREDENTIAL_TABLES)
    ]


def importable_tables() -> list[sa.Table]:
    """Every table an archive may hold (credentials included), in import order."""
    return exported_tables(with_credentials=True)


def primary_key(table: sa.Table) -> list[str]:
    return [column.name for column in table.primary_key.columns]
