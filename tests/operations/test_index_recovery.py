"""The search index recovers without help and says when it cannot.

A crash between a commit and its index job leaves the job in the outbox: every
serving process applies such jobs at start and periodically. A missing or damaged
Whoosh index is reported with its fix; search answers 503, never 500 or silence.
"""

from __future__ import annotations

import logging
import shutil
import time
from pathlib import Path

import flask_migrate
import pytest
from sqlalchemy import func, select

from hanse_hub.accounts.models import Role
from hanse_hub.database import write_transaction
from hanse_hub.extensions import db
from hanse_hub.search.backends import get_backend
from hanse_hub.search.models import SearchJob
from hanse_hub.search.recovery import apply_left_over_jobs, start_index_recovery
from hanse_hub.startup import report_index_health
from tests.conftest import make_app
from tests.databases import fresh_database, postgres_unavailable_reason
from tests.factories import Factory

POLL_SECONDS = 0.1


@pytest.fixture
def hub(backend, tmp_path):
    """A hub on its own database with real commits: (app, data folder)."""
    if backend == "postgresql" and (reason := postgres_unavailable_reason()):
        pytest.skip(reason)
    with fresh_database(backend, tmp_path / "db") as url:
        app = make_app(url, tmp_path / "data", HANSE_INDEX_RECOVERY_SECONDS="0")
        with app.app_context():
            flask_migrate.upgrade()
            db.session.remove()
        yield app, tmp_path / "data"
        stop = app.extensions.get("hanse_index_recovery_stop")
        if stop is not None:
            stop.set()
        with app.app_context():
            db.engine.dispose()


def _entry_as_if_the_process_died_after_commit(app, title: str) -> int:
    """Committed with its index job, but the job never applied (no inline indexing)."""
    app.config["HANSE_SEARCH_INDEXING"] = "worker"
    try:
        with app.app_context():
            with write_transaction():
                factory = Factory(db.session)
                city = factory.tenant()
                entry = factory.entry(city, author=factory.user(city, Role.EDITOR), title=title)
            return entry.id
    finally:
        app.config["HANSE_SEARCH_INDEXING"] = "inline"


def _found(app, word: str) -> list[str]:
    response = app.test_client().get(f"/api/v1/search?q={word}")
    assert response.status_code == 200, response.json
    return [hit["title"] for hit in response.json["hits"]]


def _pending(app) -> int:
    with app.app_context():
        try:
            return db.session.scalar(select(func.count(SearchJob.id)))
        finally:
            db.session.remove()


def test_an_entry_left_unindexed_by_a_crash_is_found_without_any_further_write(hub):
    app, _ = hub
    _entry_as_if_the_process_died_after_commit(app, "Regenwasser-Zisternen")
    assert _found(app, "Zisternen") == []
    assert _pending(app) > 0

    app.config["HANSE_INDEX_RECOVERY_SECONDS"] = 1  # as a serving process has it
    assert start_index_recovery(app)
    assert not start_index_recovery(app), "one recovery thread per process"
    deadline = time.monotonic() + 60
    while _pending(app) and time.monotonic() < deadline:
        time.sleep(POLL_SECONDS)

    assert _pending(app) == 0
    assert _found(app, "Zisternen") == ["Regenwasser-Zisternen"]


def test_no_recovery_thread_in_worker_mode_where_the_worker_applies_jobs(hub):
    app, _ = hub
    app.config["HANSE_SEARCH_INDEXING"] = "worker"
    app.config["HANSE_INDEX_RECOVERY_SECONDS"] = 1
    try:
        assert not start_index_recovery(app)
    finally:
        app.config["HANSE_SEARCH_INDEXING"] = "inline"


def _indexed_hub(app) -> None:
    with app.app_context(), write_transaction():
        factory = Factory(db.session)
        city = factory.tenant("rostock")
        factory.entry(city, author=factory.user(city, Role.EDITOR), title="Parkraumsensoren")
    assert _found(app, "Parkraumsensoren") == ["Parkraumsensoren"]


def _damage(data_dir: Path, how: str) -> None:
    index = data_dir / "search-index"
    if how == "missing":
        shutil.rmtree(index)
    else:
        for toc in index.glob("_MAIN_*.toc"):
            toc.write_bytes(b"\x00\x01garbage" * 8)


def _invoke(app, *args: str):
    """A command of ``app`` (its own app context: another test's may be active)."""
    with app.app_context():
        return app.test_cli_runner().invoke(args=list(args))


def _restart(app) -> None:
    """A new process: no backend object (and no cached index) yet."""
    app.extensions.pop("hanse_search_backend", None)


@pytest.mark.parametrize("how", ["missing", "damaged"])
def test_an_unusable_index_is_reported_with_its_fix_and_search_answers_503(
    hub, backend, how, caplog
):
    if backend != "sqlite":
        pytest.skip("the Whoosh index lives in the data folder (SQLite deployments)")
    app, data_dir = hub
    _indexed_hub(app)
    _damage(data_dir, how)
    _restart(app)

    with caplog.at_level(logging.ERROR):
        problem = report_index_health(app)
    assert problem and how in problem.replace("unreadable", "damaged")
    assert "search reindex" in caplog.text

    status = _invoke(app, "search", "status")
    assert status.exit_code == 1
    assert "UNAVAILABLE" in status.output and "search reindex" in status.output
    assert "Entries in database:       1" in status.output

    client = app.test_client()
    page = client.get("/suche?q=Parkraumsensoren")
    assert page.status_code == 503
    assert "Suche vorübergehend nicht verfügbar" in page.get_data(as_text=True)
    assert int(page.headers["Retry-After"]) > 0
    api = client.get("/api/v1/search?q=Parkraumsensoren")
    assert api.status_code == 503
    assert api.mimetype == "application/problem+json"
    assert api.json["title"] == "Suche vorübergehend nicht verfügbar"
    # Pages that only suggest similar entries still work.
    assert client.get("/t/rostock/parkraumsensoren").status_code == 200

    rebuilt = _invoke(app, "search", "reindex")
    assert rebuilt.exit_code == 0, rebuilt.output
    assert _found(app, "Parkraumsensoren") == ["Parkraumsensoren"]
    assert _invoke(app, "search", "status").exit_code == 0


def test_a_fresh_hub_creates_its_index_instead_of_reporting_it_missing(hub, backend):
    app, _ = hub
    with app.app_context():
        assert get_backend().health() is None
    _indexed_hub(app)


def test_apply_left_over_jobs_logs_a_failure_once_and_keeps_the_jobs(hub, backend, caplog):
    if backend != "sqlite":
        pytest.skip("the Whoosh index lives in the data folder (SQLite deployments)")
    app, data_dir = hub
    _indexed_hub(app)
    _damage(data_dir, "damaged")
    _restart(app)
    _entry_as_if_the_process_died_after_commit(app, "Gründächer")
    with caplog.at_level(logging.ERROR):
        assert apply_left_over_jobs(app) == 0
        assert apply_left_over_jobs(app) == 0
    assert _pending(app) > 0, "a job is kept until its entry is indexed"
    assert caplog.text.count("Applying pending index jobs failed") == 1


def test_recovery_also_starts_with_a_processs_first_request(hub):
    """For WSGI servers that fork after loading the app (no wsgi.py per process)."""
    app, _ = hub
    _entry_as_if_the_process_died_after_commit(app, "Mobilitätsstationen")
    app.config["HANSE_INDEX_RECOVERY_SECONDS"] = 1
    app.test_client().get("/api/v1/tenants")
    deadline = time.monotonic() + 60
    while _pending(app) and time.monotonic() < deadline:
        time.sleep(POLL_SECONDS)
    assert _found(app, "Mobilitätsstationen") == ["Mobilitätsstationen"]
