"""What a static archive holds (issue #14): exactly what one reader may see.

The archive is read as one of two readers of the policy – an anonymous visitor
(``public``) or the network reader (``network``: public and network entries of every tenant,
never internal ones or drafts) – and the pages of :mod:`hanse_hub.archive.build` are rendered
as that reader, so what the archive shows is decided by the visibility policy alone.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import select

from hanse_hub.content.models import Entry
from hanse_hub.content.topics import list_topics
from hanse_hub.extensions import db
from hanse_hub.policy import ANONYMOUS, NETWORK_READER, Actor, scope_for
from hanse_hub.tenants.models import Tenant
from hanse_hub.tenants.services import list_tenants


class ArchiveVisibility(enum.StrEnum):
    """For whom an archive is built: the public, or the staff of the network (intranet)."""

    PUBLIC = "public"
    NETWORK = "network"


def archive_reader(visibility: ArchiveVisibility) -> Actor:
    """The reader whose view an archive shows; neither sees internal entries or drafts."""
    return NETWORK_READER if visibility == ArchiveVisibility.NETWORK else ANONYMOUS


@dataclass(frozen=True)
class ArchivedEntry:
    """An entry page of the archive: where it lives in the hub."""

    id: int
    tenant_slug: str
    slug: str


def readable_entries(actor: Actor) -> Iterator[ArchivedEntry]:
    """Every entry ``actor`` may read (published and archived, never drafts or deleted), oldest
    first; streamed, so a large hub needs no more memory than a small one."""
    scope = scope_for(actor)
    if scope.draft_tenant_ids or scope.member_tenant_ids or scope.author_id is not None:
        # A member's view would put internal entries or drafts into files anyone can copy.
        raise ValueError("an archive is read as the anonymous visitor or the network reader")
    query = (
        select(Entry.id, Tenant.slug, Entry.slug)
        .join(Tenant, Tenant.id == Entry.tenant_id)
        .where(scope.entry_filter())
        .order_by(Entry.id)
        .execution_options(yield_per=500)
    )
    for entry_id, tenant_slug, slug in db.session.execute(query):
        yield ArchivedEntry(entry_id, tenant_slug, slug)


def archived_tenant_slugs() -> list[str]:
    """The tenants (cities, the alliance office, partners) whose pages the archive holds."""
    return [tenant.slug for tenant in list_tenants()]


def archived_topic_slugs() -> list[str]:
    return [topic.slug for topic in list_topics()]
