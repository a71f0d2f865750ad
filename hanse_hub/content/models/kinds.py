"""The kinds of entry and their own fields (joined-table inheritance on ``entries``)."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import JSON, Column, Date, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hanse_hub.accounts.models import User
from hanse_hub.content.models.entry import Entry, EntryKind
from hanse_hub.database import StrEnumType, UTCDateTime


class Maturity(enum.StrEnum):
    IDEA = "idea"
    PILOT = "pilot"
    IN_OPERATION = "in_operation"
    DISCONTINUED = "discontinued"


solution_contacts = Table(
    "solution_contacts",
    Entry.metadata,
    Column("solution_id", ForeignKey("solutions.id", ondelete="CASCADE"), primary_key=True),
    Column("contact_id", ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True),
)

lesson_solutions = Table(
    "lesson_solutions",
    Entry.metadata,
    Column("lesson_id", ForeignKey("lessons.id", ondelete="CASCADE"), primary_key=True),
    Column("solution_id", ForeignKey("solutions.id", ondelete="CASCADE"), primary_key=True),
)

material_speakers = Table(
    "material_speakers",
    Entry.metadata,
    Column("material_id", ForeignKey("materials.id", ondelete="CASCADE"), primary_key=True),
    Column("contact_id", ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True),
)


class Contact(Entry):
    """A person who knows something, published with their consent (DSGVO)."""

    __tablename__ = "contacts"
    __mapper_args__ = {"polymorphic_identity": EntryKind.CONTACT}

    id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True)
    person_name: Mapped[str] = mapped_column(String(200))
    position: Mapped[str] = mapped_column(String(200), default="")
    org_unit: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(320), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    expertise: Mapped[list[str]] = mapped_column(JSON, default=list)
    consent_given_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    consent_recorded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    consent_withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # The day the person left (set by editors, or when the linked account is deactivated):
    # from then on questions go to the owning tenant's editors instead.
    left_at: Mapped[date | None] = mapped_column(Date)

    consent_recorded_by: Mapped[User | None] = relationship(foreign_keys=[consent_recorded_by_id])
    user: Mapped[User | None] = relationship(foreign_keys=[user_id])

    @property
    def has_consent(self) -> bool:
        return self.consent_given_at is not None and self.consent_withdrawn_at is None

    def has_left(self, today: date) -> bool:
        return self.left_at is not None and self.left_at <= today


class Solution(Entry):
    __tablename__ = "solutions"
    __mapper_args__ = {"polymorphic_identity": EntryKind.SOLUTION}

    id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True)
    problem: Mapped[str] = mapped_column(Text, default="")
    approach: Mapped[str] = mapped_column(Text, default="")
    maturity: Mapped[Maturity] = mapped_column(StrEnumType(Maturity), default=Maturity.IDEA)
    transferability: Mapped[str] = mapped_column(Text, default="")
    costs: Mapped[str] = mapped_column(Text, default="")
    partners: Mapped[str] = mapped_column(Text, default="")
    software_licence: Mapped[str | None] = mapped_column(String(80))  # an SPDX identifier
    repository_url: Mapped[str | None] = mapped_column(String(500))
    technologies: Mapped[list[str]] = mapped_column(JSON, default=list)

    contacts: Mapped[list[Contact]] = relationship(secondary=solution_contacts)


class LessonLearned(Entry):
    __tablename__ = "lessons"
    __mapper_args__ = {"polymorphic_identity": EntryKind.LESSON}

    id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True)
    context: Mapped[str] = mapped_column(Text, default="")
    what_worked: Mapped[str] = mapped_column(Text, default="")
    what_did_not_work: Mapped[str] = mapped_column(Text, default="")
    recommendations: Mapped[str] = mapped_column(Text, default="")

    solutions: Mapped[list[Solution]] = relationship(secondary=lesson_solutions)


class Event(Entry):
    __tablename__ = "events"
    __mapper_args__ = {"polymorphic_identity": EntryKind.EVENT}

    id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    place: Mapped[str] = mapped_column(String(300), default="")
    organiser: Mapped[str] = mapped_column(String(300), default="")
    programme: Mapped[str] = mapped_column(Text, default="")

    materials: Mapped[list[Material]] = relationship(
        back_populates="event", foreign_keys="Material.event_id"
    )


class Material(Entry):
    """Conference material (slides, papers), belonging to an event and/or a solution."""

    __tablename__ = "materials"
    __mapper_args__ = {"polymorphic_identity": EntryKind.MATERIAL}

    id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True)
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="SET NULL"), index=True
    )
    solution_id: Mapped[int | None] = mapped_column(
        ForeignKey("solutions.id", ondelete="SET NULL"), index=True
    )

    event: Mapped[Event | None] = relationship(back_populates="materials", foreign_keys=[event_id])
    solution: Mapped[Solution | None] = relationship(foreign_keys=[solution_id])
    speakers: Mapped[list[Contact]] = relationship(secondary=material_speakers)


KIND_CLASSES: dict[EntryKind, type[Entry]] = {
    EntryKind.SOLUTION: Solution,
    EntryKind.LESSON: LessonLearned,
    EntryKind.CONTACT: Contact,
    EntryKind.EVENT: Event,
    EntryKind.MATERIAL: Material,
}
