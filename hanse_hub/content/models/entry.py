"""The entry: what every kind of shared knowledge has in common, and its revisions."""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    JSON,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.ext.associationproxy import AssociationProxy, association_proxy
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hanse_hub.accounts.models import User
from hanse_hub.content.models.topic import Topic
from hanse_hub.database import StrEnumType, UTCDateTime, utcnow
from hanse_hub.extensions import db
from hanse_hub.tenants.models import Tenant

if TYPE_CHECKING:
    from hanse_hub.content.models.attachment import Attachment

# The longest text one field takes (a Markdown body, a preview), in forms and API alike.
MAX_TEXT = 200_000


class EntryKind(enum.StrEnum):
    SOLUTION = "solution"
    LESSON = "lesson"
    CONTACT = "contact"
    EVENT = "event"
    MATERIAL = "material"


class Visibility(enum.StrEnum):
    PUBLIC = "public"  # everyone, also anonymous visitors
    NETWORK = "network"  # members of any tenant of the network
    INTERNAL = "internal"  # members of the owning tenant


class EntryStatus(enum.StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    ARCHIVED = "archived"


LANGUAGES = ("de", "en")

entry_topics = Table(
    "entry_topics",
    db.metadata,
    Column("entry_id", ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True),
    Column("topic_id", ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True),
)

entry_participants = Table(
    "entry_participants",
    db.metadata,
    Column("entry_id", ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True),
    Column("tenant_id", ForeignKey("tenants.id", ondelete="CASCADE"), primary_key=True),
)


class EntryTag(db.Model):
    __tablename__ = "entry_tags"

    entry_id: Mapped[int] = mapped_column(
        ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True
    )
    name: Mapped[str] = mapped_column(String(60), primary_key=True)


class Entry(db.Model):
    __tablename__ = "entries"
    __table_args__ = (
        # Slugs are permalinks within a tenant; a soft-deleted entry frees its slug.
        Index(
            "uq_entries_live_slug",
            "tenant_id",
            "slug",
            unique=True,
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=lambda: str(uuid.uuid4()))
    kind: Mapped[EntryKind] = mapped_column(StrEnumType(EntryKind), index=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    slug: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(2), default="de")
    translation_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("entries.id", ondelete="SET NULL")
    )
    licence: Mapped[str] = mapped_column(String(40), default="CC-BY-4.0")
    visibility: Mapped[Visibility] = mapped_column(StrEnumType(Visibility), index=True)
    status: Mapped[EntryStatus] = mapped_column(StrEnumType(EntryStatus), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    review_by: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)

    tenant: Mapped[Tenant] = relationship()
    author: Mapped[User | None] = relationship()
    topics: Mapped[list[Topic]] = relationship(secondary=entry_topics, order_by=Topic.position)
    participants: Mapped[list[Tenant]] = relationship(secondary=entry_participants)
    tag_links: Mapped[list[EntryTag]] = relationship(
        cascade="all, delete-orphan", order_by=EntryTag.name
    )
    tags: AssociationProxy[list[str]] = association_proxy(
        "tag_links", "name", creator=lambda name: EntryTag(name=name)
    )
    translation_of: Mapped[Entry | None] = relationship(
        remote_side="Entry.id", foreign_keys=[translation_of_id], back_populates="translations"
    )
    translations: Mapped[list[Entry]] = relationship(
        foreign_keys=[translation_of_id], back_populates="translation_of"
    )
    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="entry", cascade="all, delete-orphan", order_by="Attachment.id"
    )

    __mapper_args__ = {"polymorphic_on": "kind"}

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.id} {self.slug!r}>"


class SlugRedirect(db.Model):
    """An old slug of a renamed entry, so that its old permalink keeps working."""

    __tablename__ = "slug_redirects"
    __table_args__ = (UniqueConstraint("tenant_id", "old_slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    old_slug: Mapped[str] = mapped_column(String(200))
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"))


class Revision(db.Model):
    """One change of an entry: who, when, what kind of change, and the full state before it."""

    __tablename__ = "revisions"
    __table_args__ = (UniqueConstraint("entry_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)  # the version this change produced
    action: Mapped[str] = mapped_column(String(30))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    previous_state: Mapped[dict | None] = mapped_column(JSON)  # None for the creation

    actor: Mapped[User | None] = relationship()
