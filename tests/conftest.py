"""Test fixtures: every test runs on SQLite and, when reachable, on PostgreSQL.

Each run migrates one fresh database per backend (dropped afterwards); each
test runs inside a transaction that is rolled back, so tests see each other's
data never and run fast.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import flask_migrate
import pytest
from flask.testing import FlaskClient
from flask_sqlalchemy.session import _app_ctx_id
from sqlalchemy.orm import scoped_session, sessionmaker

from hanse_hub import create_app
from hanse_hub.accounts.models import Role
from hanse_hub.extensions import db, limiter
from hanse_hub.mail import OUTBOX
from tests.databases import fresh_database, postgres_unavailable_reason
from tests.factories import Factory

SHARED_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def pytest_addoption(parser):
    parser.addoption(
        "--backends",
        default="sqlite,postgresql",
        help="comma-separated database backends to run the database tests on",
    )


def pytest_generate_tests(metafunc):
    if "backend" in metafunc.fixturenames:
        backends = metafunc.config.getoption("--backends").split(",")
        metafunc.parametrize("backend", backends, scope="session")


@pytest.fixture(scope="session")
def backend(request) -> str:
    return request.param


@pytest.hookimpl(tryfirst=True)  # before -m "not slow" deselects by marker
def pytest_collection_modifyitems(config, items):
    """The heaviest crawls and the fuzz run keep their SQLite variant in ``make test`` and run
    on PostgreSQL in ``make test-long`` (``@pytest.mark.slow_on_postgresql``)."""
    for item in items:
        callspec = getattr(item, "callspec", None)
        on_postgresql = callspec is not None and callspec.params.get("backend") == "postgresql"
        if on_postgresql and item.get_closest_marker("slow_on_postgresql"):
            item.add_marker(pytest.mark.slow)


class IsolatedClient(FlaskClient):
    """A test client whose every request runs in its own application context, as in production.

    Without this, a request would reuse the test's pushed app context, and with it ``g``
    (Flask-Login's cached user) and the database session: one client's login would leak
    into the next client's request.
    """

    def open(self, *args, **kwargs):
        return contextvars.Context().run(super().open, *args, **kwargs)


@pytest.fixture(autouse=True)
def _limiter_switch_restored():
    """Flask-Limiter keeps its on/off switch on one global object, set by the last
    ``init_app``: an app built with limits on (the rate-limit tests) would otherwise leave
    them on for the apps of every later test."""
    enabled = limiter.enabled
    yield
    limiter.enabled = enabled


def make_app(database_url: str, data_dir: Path, **extra):
    environ = {
        "HANSE_ENV": "testing",
        "HANSE_DATABASE_URL": database_url,
        "HANSE_DATA_DIR": str(data_dir),
        # Tests of the limits switch them on themselves; elsewhere they would only interfere.
        "HANSE_RATE_LIMITS": "off",
        **extra,
    }
    app = create_app(environ)
    app.test_client_class = IsolatedClient
    return app


@pytest.fixture(scope="session")
def database_url(backend, tmp_path_factory) -> Iterator[str]:
    if backend == "postgresql":
        reason = postgres_unavailable_reason()
        if reason:
            pytest.skip(reason)
    with fresh_database(backend, tmp_path_factory.mktemp("db")) as url:
        yield url


@pytest.fixture(scope="session")
def app(database_url, tmp_path_factory):
    app = make_app(database_url, tmp_path_factory.mktemp("data"))
    with app.app_context():
        flask_migrate.upgrade()
        yield app
        db.session.remove()
        db.engine.dispose()


@contextmanager
def rolled_back_session() -> Iterator:
    """Replace ``db.session`` by one whose commits are savepoints in a transaction rolled back."""
    connection = db.engine.connect()
    transaction = connection.begin()
    # A plain SQLAlchemy session: Flask-SQLAlchemy's own would route queries to the engine
    # (its get_bind ignores ``bind``), outside the transaction that is rolled back.
    factory = sessionmaker(bind=connection, join_transaction_mode="create_savepoint")
    scoped = scoped_session(factory, scopefunc=_app_ctx_id)
    original = db.session
    db.session = scoped
    try:
        yield scoped
    finally:
        scoped.remove()
        db.session = original
        transaction.rollback()
        connection.close()


@pytest.fixture
def session(app):
    """Each test's own view of the database; everything it writes is rolled back. The mails
    the app "sent" (the outbox of the testing configuration) start empty too."""
    app.extensions.get(OUTBOX, []).clear()
    with rolled_back_session() as scoped:
        yield scoped


@pytest.fixture
def factory(session) -> Factory:
    return Factory(session)


# -- cities, roles and entries that many tests share (a module may define its own instead) ------


@pytest.fixture
def rostock(factory):
    return factory.tenant("rostock", short_name="Rostock")


@pytest.fixture
def wismar(factory):
    return factory.tenant("wismar", short_name="Wismar")


@pytest.fixture
def luebeck(factory):
    return factory.tenant("luebeck", short_name="Lübeck")


@pytest.fixture
def editor(factory, rostock):
    """An editor of Rostock."""
    return factory.user(rostock, Role.EDITOR)


@pytest.fixture
def admin(factory, rostock):
    """An admin of Rostock."""
    return factory.user(rostock, Role.ADMIN)


@pytest.fixture
def hub_admin(factory):
    return factory.user(hub_admin=True, email="hub@smarte-hanse.example")


@pytest.fixture
def published_solution(factory, rostock, editor):
    """A public, published solution of Rostock, written by ``editor``."""
    return factory.entry(rostock, author=editor)


@pytest.fixture
def client(app, session):
    return app.test_client()


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared test data not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(scope="module")
def committing_app(backend, tmp_path_factory):
    """An app on its own fresh database whose commits are real (for tests of transactions)."""
    if backend == "postgresql":
        reason = postgres_unavailable_reason()
        if reason:
            pytest.skip(reason)
    with fresh_database(backend, tmp_path_factory.mktemp("committing-db")) as url:
        app = make_app(url, tmp_path_factory.mktemp("committing-data"))
        with app.app_context():
            flask_migrate.upgrade()
            yield app
            db.session.remove()
            db.engine.dispose()
