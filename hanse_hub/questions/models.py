"""Questions asked on an entry, their answers, and the history of both."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hanse_hub.accounts.models import User
from hanse_hub.content.models import Entry
from hanse_hub.database import StrEnumType, UTCDateTime, utcnow
from hanse_hub.extensions import db

# The longest question or answer (a few paragraphs; longer material belongs in an entry).
MAX_QUESTION_TEXT = 5000
MAX_HIDE_REASON = 500


class QuestionAudience(enum.StrEnum):
    """Who may read a question (and its answers), chosen by the asker."""

    ENTRY = "entry"  # whoever may see the entry
    OWNER = "owner"  # only members of the entry's owning tenant (and the asker)


class Question(db.Model):
    __tablename__ = "questions"
    __table_args__ = (Index("ix_questions_entry_created", "entry_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=lambda: str(uuid.uuid4()))
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    audience: Mapped[QuestionAudience] = mapped_column(StrEnumType(QuestionAudience))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # When the asker last saw the answers ("Mein Bereich": my questions with new answers).
    asker_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_answer_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    hidden_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    hidden_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    hidden_reason: Mapped[str | None] = mapped_column(String(MAX_HIDE_REASON))

    entry: Mapped[Entry] = relationship()
    author: Mapped[User | None] = relationship(foreign_keys=[author_id])
    hidden_by: Mapped[User | None] = relationship(foreign_keys=[hidden_by_id])
    answers: Mapped[list[Answer]] = relationship(
        back_populates="question", order_by="Answer.id", cascade="all, delete-orphan"
    )

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None


class Answer(db.Model):
    __tablename__ = "answers"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=lambda: str(uuid.uuid4()))
    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), index=True
    )
    # The question's entry, kept here too: a changed answer re-indexes its entry.
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    helpful_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    hidden_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    hidden_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    hidden_reason: Mapped[str | None] = mapped_column(String(MAX_HIDE_REASON))

    question: Mapped[Question] = relationship(back_populates="answers")
    author: Mapped[User | None] = relationship(foreign_keys=[author_id])
    hidden_by: Mapped[User | None] = relationship(foreign_keys=[hidden_by_id])

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None


class QuestionRevision(db.Model):
    """One change of a question or an answer: who, when, what, and the full state before it."""

    __tablename__ = "question_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), index=True
    )
    answer_id: Mapped[int | None] = mapped_column(
        ForeignKey("answers.id", ondelete="CASCADE"), index=True
    )
    version: Mapped[int] = mapped_column(Integer)  # the version of the question or answer
    action: Mapped[str] = mapped_column(String(30))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    previous_state: Mapped[dict | None] = mapped_column(JSON)  # None for the creation
