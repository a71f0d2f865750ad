"""The search outbox and the search vocabulary.

A change to an entry writes a ``SearchJob`` in the same transaction (see
``outbox.py``); jobs are applied to the index after the commit, by the same
process (inline) or by ``flask search worker``. A crash between commit and
indexing loses nothing: the job is still in the table.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hanse_hub.database import UTCDateTime, utcnow
from hanse_hub.extensions import db


class SearchJob(db.Model):
    """An entry whose index document must be rebuilt (or removed)."""

    __tablename__ = "search_jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    # No foreign key: a purged entry still needs its removal from the index.
    entry_id: Mapped[int] = mapped_column(Integer, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)


class SearchWord(db.Model):
    """A word seen in indexed text: parts for decompounding and spellings for "Meinten Sie …?".

    Words of entries a searcher may not see are in here too; they are offered as a
    correction only when the corrected query finds something the searcher may see.
    """

    __tablename__ = "search_words"

    word: Mapped[str] = mapped_column(String(80), primary_key=True)


class SearchState(db.Model):
    """Small facts about the index for ``flask search status`` (e.g. the last error)."""

    __tablename__ = "search_state"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SimilarEntry(db.Model):
    """One place in an entry's stored list of similar entries of other cities (derived data).

    Written by the indexing pass (``similar.refresh_after_change``) when an entry or one of its
    neighbours changes, rebuilt by ``flask search reindex``; the entry page reads it through the
    visibility policy. The list holds entries of every visibility and status: who may see which
    is decided when it is read, never here.
    """

    __tablename__ = "similar_entries"

    # No foreign keys: like the search jobs, these rows follow the entries through the outbox,
    # and a purged entry's rows are removed by the job that removes its document.
    entry_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rank: Mapped[int] = mapped_column(Integer, primary_key=True)
    similar_id: Mapped[int] = mapped_column(Integer, index=True)


class ExcerptText(db.Model):
    """A piece of an entry's readable plain text, stored for the excerpts of search results
    (derived data): the entry's own prose (summary, body, the kind's text fields), the text of
    each of its files, and its answered questions.

    Written by the indexing pass after each change, rebuilt by ``flask search reindex``; the
    search page reads the pieces of all its hits in one statement. Only ever shown for hits
    the searcher may see (the hits are loaded through the visibility policy first); answered
    questions are those everyone who sees the entry may read (``questions.searchable``).
    """

    __tablename__ = "excerpt_texts"

    # No foreign keys: like the search jobs, these rows follow the entries through the outbox.
    entry_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(10))  # "entry", "file" or "answers"
    file_name: Mapped[str | None] = mapped_column(String(255))
    text: Mapped[str] = mapped_column(Text)
