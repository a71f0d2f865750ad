"""Two processes renewing the same stored list of similar entries at once (PostgreSQL).

With inline indexing every serving process applies index jobs after its commits and its
recovery thread applies left-over ones; on several app hosts two of them can renew one
entry's list at the same moment. Neither may fail on the list's (entry, rank) key.
"""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import delete, func, select

from hanse_hub.database import write_transaction
from hanse_hub.extensions import db
from hanse_hub.search import indexing, similar
from hanse_hub.search.backends import get_backend
from hanse_hub.search.models import SimilarEntry
from tests.factories import Factory

# How long the first writer keeps its transaction open after the second one has started:
# time for the second to reach the point where it waits (ordering, not a timing assertion).
HOLD_SECONDS = 1.0


def test_two_writers_renewing_one_list_at_once_both_succeed(committing_app, backend, monkeypatch):
    if backend != "postgresql":
        pytest.skip("SQLite lets one writer at a time in anyway")
    with write_transaction():
        factory = Factory(db.session)
        rostock, wismar = factory.tenant("rostock"), factory.tenant("wismar")
        source = factory.entry(rostock, title="Pegelsensoren an der Warnow", body="Hochwasser")
        factory.entry(wismar, title="Pegelsensoren am Hafen", body="Hochwasser Pegel")
    indexing.apply_all_pending_jobs()
    source_id = source.id
    with write_transaction():  # a list not stored yet: nothing for the writers to lock
        db.session.execute(delete(SimilarEntry).where(SimilarEntry.entry_id == source_id))
    db.session.remove()

    first_has_written, second_has_started = threading.Event(), threading.Event()
    original_refresh = similar.refresh

    def refresh_then_hold(entries, texts_of, backend):
        lists = original_refresh(entries, texts_of, backend)
        if threading.current_thread().name == "first":
            first_has_written.set()
            second_has_started.wait(timeout=30)
            time.sleep(HOLD_SECONDS)  # the second now waits for this transaction
        return lists

    monkeypatch.setattr(similar, "refresh", refresh_then_hold)
    errors: list[BaseException] = []

    def renew():
        if threading.current_thread().name == "second":
            first_has_written.wait(timeout=30)
            second_has_started.set()
        with committing_app.app_context():
            try:
                similar.rebuild_all([source_id], indexing.entry_fields, get_backend())
            except BaseException as error:  # reported by the assertion below
                errors.append(error)
            finally:
                db.session.remove()

    writers = [threading.Thread(target=renew, name=name) for name in ("first", "second")]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=60)

    assert errors == []
    stored = db.session.scalar(
        select(func.count()).select_from(SimilarEntry).where(SimilarEntry.entry_id == source_id)
    )
    assert stored == 1
