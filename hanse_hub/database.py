"""Transactions: one use case, one commit.

SQLite serialises writers. A transaction that reads first and writes later
would have to upgrade its lock and can fail with "database is locked" even
with a busy timeout, so write use cases take the write lock up front with
``BEGIN IMMEDIATE``. Reads keep the plain deferred ``BEGIN``.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime

from flask import current_app, has_app_context
from sqlalchemy import BigInteger, DateTime, Enum, event, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from hanse_hub.extensions import db

SQLITE_BUSY_TIMEOUT_MS = 30_000

logger = logging.getLogger(__name__)

_write_intent: ContextVar[bool] = ContextVar("write_intent", default=False)
_after_commit_hooks: list[Callable[[], None]] = []


def after_commit(hook: Callable[[], None]) -> Callable[[], None]:
    """Register work to run after every committed write use case (e.g. applying index jobs).

    A failing hook is logged and never undoes or fails the use case: it already committed.
    """
    _after_commit_hooks.append(hook)
    return hook


def utcnow() -> datetime:
    """The current time as a timezone-aware UTC datetime."""
    return datetime.now(UTC)


def configure_sqlite(engine: Engine) -> None:
    """WAL, a busy timeout, foreign keys, and our own BEGIN statements for SQLite."""
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Let SQLAlchemy (not the sqlite3 module) decide when a transaction begins.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        connection.exec_driver_sql("BEGIN IMMEDIATE" if _write_intent.get() else "BEGIN")


@contextmanager
def write_transaction() -> Iterator[None]:
    """Run one write use case in one transaction and commit it, or roll all of it back.

    Nested use joins the outer transaction. A read transaction that is still
    open (for example from loading the logged-in user) is ended first, so that
    the write transaction starts fresh with the write lock.
    """
    if _write_intent.get():
        yield
        return
    session = db.session()  # the current request's (or command's) session
    if session.in_transaction() and not (session.new or session.dirty or session.deleted):
        session.commit()  # nothing to write: this only ends the read snapshot
    token = _write_intent.set(True)
    try:
        yield
        _count_change()
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        _write_intent.reset(token)
    for hook in _after_commit_hooks:
        try:
            hook()
        except Exception:
            logger.exception("after-commit hook %s failed", getattr(hook, "__name__", hook))


class ContentGeneration(db.Model):
    """One number that grows with every committed write use case, in the same transaction.

    Pages cached for visitors (``web/page_cache.py``) belong to the number they were rendered
    at; a write in any process of any host changes it, so no process serves a page from
    before the write. Derived: its value means nothing else and may start anywhere.
    """

    __tablename__ = "content_generation"

    id: Mapped[int] = mapped_column(primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


GENERATION_ROW = 1


def page_cache_enabled() -> bool:
    return has_app_context() and bool(current_app.config.get("HANSE_PAGE_CACHE_SECONDS"))


def _count_change() -> None:
    """The write's last statement, just before its commit: the row lock (PostgreSQL) is held
    only for the commit, and every writer takes it last, so writers cannot deadlock on it."""
    if page_cache_enabled():
        db.session.execute(
            update(ContentGeneration)
            .where(ContentGeneration.id == GENERATION_ROW)
            .values(value=ContentGeneration.value + 1)
        )


def content_generation() -> int | None:
    """The current generation, or None when the database has no such row (not migrated).

    Read on a connection of its own, as plain SQL: this runs before every page a visitor
    asks for, and costs a third of the same query through the session and the ORM.
    """
    with db.engine.connect() as connection:
        return connection.exec_driver_sql(
            f"SELECT value FROM content_generation WHERE id = {GENERATION_ROW:d}"
        ).scalar()


class UTCDateTime(TypeDecorator):
    """A timestamp stored as naive UTC and returned timezone-aware (UTC) on every database."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are ambiguous; pass an aware datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect):
        return None if value is None else value.replace(tzinfo=UTC)


def StrEnumType(enum_class: type[enum.StrEnum]) -> Enum:
    """A portable enum column that stores the members' values as plain strings."""
    return Enum(
        enum_class,
        native_enum=False,
        length=max(len(member.value) for member in enum_class) + 8,
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )
