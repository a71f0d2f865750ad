"""Crash safety: a worker killed with SIGKILL in the middle of indexing loses nothing.

The outbox keeps every job until its entry is indexed; after restarts the index
converges to the database. Runs against both backends, in real processes.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import flask_migrate
import pytest
from sqlalchemy import func, select

from hanse_hub.accounts.models import Role
from hanse_hub.content.models import Entry
from hanse_hub.database import write_transaction
from hanse_hub.extensions import db
from hanse_hub.policy import VisibilityScope
from hanse_hub.search.backends import get_backend
from hanse_hub.search.backends.base import SearchQuery
from hanse_hub.search.models import SearchJob
from tests.conftest import make_app
from tests.databases import fresh_database, postgres_unavailable_reason
from tests.factories import Factory
from tests.search.conftest import ENGINES

ENTRIES = 600
KILLS = 3


def _pending() -> int:
    db.session.rollback()
    return db.session.scalar(select(func.count(SearchJob.id)))


def _worker(environ: dict, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "flask", "--app", "hanse_hub", "search", "worker", *args],
        env={**os.environ, **environ},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


@pytest.mark.slow
@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_index_converges_after_workers_are_killed_mid_indexing(engine, tmp_path):
    database = ENGINES[engine]
    if database == "postgresql" and (reason := postgres_unavailable_reason()):
        pytest.skip(reason)
    with fresh_database(database, tmp_path) as url:
        environ = {
            "HANSE_ENV": "testing",
            "HANSE_DATABASE_URL": url,
            "HANSE_DATA_DIR": str(tmp_path / "data"),
            "HANSE_SEARCH_BACKEND": engine,
            "HANSE_SEARCH_INDEXING": "worker",
        }
        app = make_app(
            url, tmp_path / "data", HANSE_SEARCH_BACKEND=engine, HANSE_SEARCH_INDEXING="worker"
        )
        with app.app_context():
            flask_migrate.upgrade()
            with write_transaction():
                factory = Factory(db.session)
                city = factory.tenant("rostock")
                editor = factory.user(city, Role.EDITOR)
                for number in range(ENTRIES):
                    factory.entry(
                        city,
                        author=editor,
                        title=f"Sensorik Messpunkt {number}",
                        body="Pegel Parkraum Beleuchtung " * 20,
                    )
            assert _pending() > 0

            kills = 0
            for _ in range(KILLS):
                before = _pending()
                if before == 0:
                    break
                worker = _worker(environ)
                deadline = time.monotonic() + 120
                # Kill as soon as the worker has finished one batch: it is then inside the next.
                while _pending() == before and time.monotonic() < deadline:
                    time.sleep(0.05)
                os.kill(worker.pid, signal.SIGKILL)
                worker.wait()
                kills += 1

            finisher = _worker(environ, "--once")
            _, stderr = finisher.communicate(timeout=300)
            assert finisher.returncode == 0, stderr.decode()[-2000:]

            db.session.rollback()
            live = db.session.scalar(select(func.count(Entry.id)).where(Entry.deleted_at.is_(None)))
            backend = get_backend()
            everything = SearchQuery(
                tree=None,
                condition=VisibilityScope(network=True).search_condition(include_archived=True),
                limit=1,
            )
            print(f"{engine}: {kills} kills, {live} entries, {backend.document_count()} documents")
            assert _pending() == 0
            assert kills >= 1
            assert backend.document_count() == live == ENTRIES
            assert backend.count(everything) == ENTRIES
            db.session.remove()
            db.engine.dispose()
