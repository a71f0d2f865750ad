"""Adoption: a city records that it reuses another city's solution."""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hanse_hub.accounts.models import User
from hanse_hub.content.models.entry import Visibility
from hanse_hub.content.models.kinds import Contact, Solution
from hanse_hub.database import StrEnumType, UTCDateTime, utcnow
from hanse_hub.extensions import db
from hanse_hub.tenants.models import Tenant


class AdoptionStatus(enum.StrEnum):
    EVALUATING = "evaluating"
    ADOPTED = "adopted"
    ADAPTED = "adapted"
    DROPPED = "dropped"


class Adoption(db.Model):
    """Belongs to the adopting tenant, which decides its visibility like an entry's."""

    __tablename__ = "adoptions"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=lambda: str(uuid.uuid4()))
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id"), index=True)
    solution_id: Mapped[int] = mapped_column(
        ForeignKey("solutions.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[AdoptionStatus] = mapped_column(StrEnumType(AdoptionStatus))
    changes: Mapped[str] = mapped_column(Text, default="")
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"))
    started_on: Mapped[date | None] = mapped_column(Date)
    decided_on: Mapped[date | None] = mapped_column(Date)
    visibility: Mapped[Visibility] = mapped_column(StrEnumType(Visibility))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    tenant: Mapped[Tenant] = relationship()
    solution: Mapped[Solution] = relationship(foreign_keys=[solution_id])
    contact: Mapped[Contact | None] = relationship(foreign_keys=[contact_id])
    created_by: Mapped[User | None] = relationship()
