"""The tenant aggregate: one organisation of the network."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hanse_hub.database import StrEnumType, UTCDateTime, utcnow
from hanse_hub.extensions import db


class TenantKind(enum.StrEnum):
    CITY = "city"
    ALLIANCE = "alliance"  # the Smarte Hanse office, which runs the joint conference
    PARTNER = "partner"  # e.g. a university or an IT service provider


class Tenant(db.Model):
    __tablename__ = "tenants"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(60), unique=True)
    kind: Mapped[TenantKind] = mapped_column(StrEnumType(TenantKind))
    official_name: Mapped[str] = mapped_column(String(200))
    short_name: Mapped[str] = mapped_column(String(80))
    colour: Mapped[str] = mapped_column(String(7), default="#1d4e89")
    website: Mapped[str | None] = mapped_column(String(300))
    contact_address: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"<Tenant {self.slug}>"
