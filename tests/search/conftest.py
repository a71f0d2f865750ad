"""Search test fixtures: the same tests run against every search backend.

``engine`` is ``whoosh`` (on an SQLite database) or ``postgres`` (on a fresh
PostgreSQL database, skipped with the reason when none is reachable). Each test
runs in a rolled-back transaction on a freshly reset index.
"""

from __future__ import annotations

import flask_migrate
import pytest

from hanse_hub.extensions import db
from hanse_hub.search.backends import get_backend
from tests.conftest import make_app, rolled_back_session
from tests.databases import fresh_database, postgres_unavailable_reason
from tests.factories import Factory

ENGINES = {"whoosh": "sqlite", "postgres": "postgresql"}


@pytest.fixture(scope="session", params=sorted(ENGINES))
def engine(request) -> str:
    return request.param


@pytest.fixture(scope="session")
def search_app(engine, tmp_path_factory):
    database = ENGINES[engine]
    if database == "postgresql" and (reason := postgres_unavailable_reason()):
        pytest.skip(reason)
    with fresh_database(database, tmp_path_factory.mktemp(f"search-db-{engine}")) as url:
        app = make_app(
            url, tmp_path_factory.mktemp(f"search-data-{engine}"), HANSE_SEARCH_BACKEND=engine
        )
        with app.app_context():
            flask_migrate.upgrade()
            db.session.remove()
        yield app
        with app.app_context():
            db.engine.dispose()


@pytest.fixture
def search_session(search_app):
    with search_app.app_context(), rolled_back_session() as session:
        get_backend().reset()
        session.commit()
        yield session


@pytest.fixture
def search_factory(search_session) -> Factory:
    return Factory(search_session)


@pytest.fixture
def search_client(search_app, search_session):
    return search_app.test_client()
