"""Counting the SQL a piece of code sends: the queries, not the transaction bookkeeping."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event

from hanse_hub.extensions import db

BOOKKEEPING = ("BEGIN", "SAVEPOINT", "RELEASE SAVEPOINT")


@contextmanager
def counted_statements() -> Iterator[list[str]]:
    """The statements sent to the app's database inside the block (BEGIN and savepoints –
    SQLite's and the rolled-back test transaction's own – left out)."""
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args):
        if not statement.strip().upper().startswith(BOOKKEEPING):
            statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
