"""Follows, notifications, notification settings and personal feed tokens.

A *follow* says what a person wants to hear about: an entry (a contact is an entry too), a
topic, a tenant or a search (its words, matched exactly). A *notification* is one thing that
happened, for one person, with the reason they are told. It records only ids: what the
person may read is decided when it is listed, mailed or put in a feed (``services``), not
when it was created – the entry's visibility may have changed in between.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hanse_hub.accounts.models import User
from hanse_hub.content.models import Entry, Topic
from hanse_hub.database import StrEnumType, UTCDateTime, utcnow
from hanse_hub.extensions import db
from hanse_hub.tenants.models import Tenant


class FollowTarget(enum.StrEnum):
    ENTRY = "entry"  # also a contact: the contact entry
    TOPIC = "topic"
    TENANT = "tenant"
    SEARCH = "search"


class EmailChannel(enum.StrEnum):
    OFF = "off"
    IMMEDIATE = "immediate"
    DAILY = "daily"
    WEEKLY = "weekly"


class Follow(db.Model):
    __tablename__ = "follows"
    __table_args__ = (UniqueConstraint("user_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    target: Mapped[FollowTarget] = mapped_column(StrEnumType(FollowTarget))
    # "entry:12", "topic:3", "tenant:2", "search:<words>": one follow per person and thing.
    key: Mapped[str] = mapped_column(String(220))
    # Exactly one of these is set, as ``target`` says.
    entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("entries.id", ondelete="CASCADE"), index=True
    )
    topic_id: Mapped[int | None] = mapped_column(
        ForeignKey("topics.id", ondelete="CASCADE"), index=True
    )
    tenant_id: Mapped[int | None] = mapped_column(
        ForeignKey("tenants.id", ondelete="CASCADE"), index=True
    )
    query: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # For searches: entries published up to this moment have been checked against the words.
    checked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship()
    entry: Mapped[Entry | None] = relationship()
    topic: Mapped[Topic | None] = relationship()
    tenant: Mapped[Tenant | None] = relationship()


class Notification(db.Model):
    """Something happened that one person is told about (in-app, by mail, in a digest)."""

    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_user_created", "user_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    event: Mapped[str] = mapped_column(String(40))
    # Why this person is told: "follow_entry", "follow_topic", "follow_tenant",
    # "follow_search", "own_solution", "own_entry", … (``services.REASONS``).
    reason: Mapped[str] = mapped_column(String(40))
    entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("entries.id", ondelete="CASCADE"), index=True
    )
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # Event-specific facts (an adoption's id, status and reason; a follow's id; …).
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
    # One notification per key (e.g. "review_due:<entry>:<date>:<user>"); None: no dedupe.
    dedupe_key: Mapped[str | None] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    entry: Mapped[Entry | None] = relationship()
    actor: Mapped[User | None] = relationship(foreign_keys=[actor_id])


class NotificationSettings(db.Model):
    """How one person wants to be told; no row means the defaults below."""

    __tablename__ = "notification_settings"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    in_app: Mapped[bool] = mapped_column(Boolean, default=True)
    email: Mapped[EmailChannel] = mapped_column(StrEnumType(EmailChannel), default=EmailChannel.OFF)
    language: Mapped[str] = mapped_column(String(2), default="de")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class FeedToken(db.Model):
    """A revocable, read-only token in the address of a personal Atom feed (hash stored)."""

    __tablename__ = "feed_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(12))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
