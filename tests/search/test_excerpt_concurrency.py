"""Two processes storing the same entry's excerpt texts at once (PostgreSQL).

A request's inline indexing and another host's recovery thread can index one entry at the
same moment; neither may fail on the stored texts' (entry, position) key.
"""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import func, select

from hanse_hub.database import write_transaction
from hanse_hub.extensions import db
from hanse_hub.search import excerpts
from hanse_hub.search.models import ExcerptText
from tests.factories import Factory

# How long the first writer keeps its transaction open after the second one has started:
# time for the second to reach the point where it waits (ordering, not a timing assertion).
HOLD_SECONDS = 1.0


def test_two_writers_storing_one_entrys_texts_at_once_both_succeed(committing_app, backend):
    if backend != "postgresql":
        pytest.skip("SQLite lets one writer at a time in anyway")
    with write_transaction():
        factory = Factory(db.session)
        entry = factory.entry(factory.tenant(), title="Pegelsensoren an der Warnow")
    entry_id = entry.id
    with write_transaction():
        excerpts.store({}, [entry_id])  # nothing stored yet: nothing for the writers to lock
    db.session.remove()

    first_has_written, second_has_started = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def write(name: str) -> None:
        with committing_app.app_context():
            try:
                with write_transaction():
                    if name == "second":
                        first_has_written.wait(timeout=30)
                        second_has_started.set()
                    pieces = [excerpts.Piece(excerpts.ENTRY, f"Text von {name}")]
                    excerpts.store({entry_id: pieces})
                    if name == "first":
                        first_has_written.set()
                        second_has_started.wait(timeout=30)
                        time.sleep(HOLD_SECONDS)  # the second now waits for this transaction
            except BaseException as error:  # reported by the assertion below
                errors.append(error)
            finally:
                db.session.remove()

    writers = [threading.Thread(target=write, args=(name,)) for name in ("first", "second")]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=60)

    assert errors == []
    stored = db.session.scalar(
        select(func.count()).select_from(ExcerptText).where(ExcerptText.entry_id == entry_id)
    )
    assert stored == 1
