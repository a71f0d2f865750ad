"""SQLite under several workers: concurrent read-then-write use cases never fail as "locked".

Four processes each run 100 updates of the same entry through the real service
(read the entry, change it, write a revision) at the same time. Write use cases
take SQLite's write lock up front (BEGIN IMMEDIATE), so none fails and none is lost.
"""

from __future__ import annotations

import multiprocessing
import traceback

import flask_migrate
import pytest
from sqlalchemy import select

from hanse_hub.accounts.models import Role, User
from hanse_hub.content import services as content
from hanse_hub.content.models import Entry, Revision
from hanse_hub.database import write_transaction
from hanse_hub.extensions import db
from hanse_hub.policy import Actor
from tests.conftest import make_app
from tests.factories import Factory

PROCESSES = 4
WRITES_PER_PROCESS = 100


def _worker(database_url: str, data_dir: str, entry_id: int, start, results) -> None:
    app = make_app(database_url, data_dir)
    failures: list[str] = []
    with app.app_context():
        start.wait()
        for number in range(WRITES_PER_PROCESS):
            try:
                with write_transaction():
                    entry = db.session.get(Entry, entry_id)
                    editor = db.session.scalar(select(User).where(User.id == entry.author_id))
                    content.update_entry(Actor.of(editor), entry, {"summary": f"{number}"})
            except Exception:
                failures.append(traceback.format_exc(limit=1))
            finally:
                db.session.remove()
    results.put(failures)


@pytest.mark.slow
def test_four_processes_writing_concurrently_lose_nothing(tmp_path):
    database_url = f"sqlite:///{tmp_path / 'concurrency.sqlite3'}"
    app = make_app(database_url, tmp_path)
    with app.app_context():
        flask_migrate.upgrade()
        with write_transaction():
            factory = Factory(db.session)
            city = factory.tenant("rostock")
            entry = factory.entry(city, author=factory.user(city, Role.EDITOR))
        entry_id, start_version = entry.id, entry.version
        db.engine.dispose()

    context = multiprocessing.get_context("spawn")
    start, results = context.Event(), context.Queue()
    workers = [
        context.Process(
            target=_worker, args=(database_url, str(tmp_path), entry_id, start, results)
        )
        for _ in range(PROCESSES)
    ]
    for worker in workers:
        worker.start()
    start.set()
    failures = [failure for _ in workers for failure in results.get(timeout=300)]
    for worker in workers:
        worker.join(timeout=60)

    locked = [failure for failure in failures if "database is locked" in failure]
    print(
        f"concurrent writes: {PROCESSES} processes x {WRITES_PER_PROCESS} writes, "
        f"{len(failures)} failures, {len(locked)} 'database is locked'"
    )
    assert failures == [], failures[:3]
    with app.app_context():
        final = db.session.get(Entry, entry_id)
        revisions = db.session.query(Revision).filter_by(entry_id=entry_id).count()
        assert final.version == start_version + PROCESSES * WRITES_PER_PROCESS
        assert revisions == final.version
