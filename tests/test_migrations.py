"""The schema comes from migrations only, and the migrations match the models."""

from __future__ import annotations

import flask_migrate
import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from hanse_hub.extensions import db
from tests.conftest import make_app
from tests.databases import fresh_database, postgres_unavailable_reason


@pytest.fixture
def empty_app(backend, tmp_path):
    if backend == "postgresql" and (reason := postgres_unavailable_reason()):
        pytest.skip(reason)
    with fresh_database(backend, tmp_path) as url:
        app = make_app(url, tmp_path / "data")
        with app.app_context():
            yield app
            db.session.remove()
            db.engine.dispose()


# Tables that dialect-conditional migrations create on PostgreSQL only (outside the models).
POSTGRESQL_ONLY_TABLES = {"search_documents"}


def _tables() -> set[str]:
    return set(sa.inspect(db.engine).get_table_names()) - {"alembic_version"}


def _model_tables() -> set[str]:
    extra = POSTGRESQL_ONLY_TABLES if db.engine.dialect.name == "postgresql" else set()
    return set(db.metadata.tables) | extra


def test_upgrade_downgrade_upgrade_round_trip(empty_app):
    flask_migrate.upgrade()
    assert {"entries", "solutions", "revisions", "adoptions", "login_sessions"} <= _tables()
    flask_migrate.downgrade(revision="base")
    assert _tables() == set()
    flask_migrate.upgrade()
    assert _tables() == _model_tables()


def test_models_and_migrations_do_not_drift_apart(empty_app):
    flask_migrate.upgrade()
    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "compare_type": True,
                # PostgreSQL-only search tables are not models; they are known, not drift.
                "include_name": lambda name, type_, parent: (
                    not (type_ == "table" and name in POSTGRESQL_ONLY_TABLES)
                ),
            },
        )
        differences = compare_metadata(context, db.metadata)
    assert differences == [], f"models differ from migrations: {differences}"


def test_the_first_migration_seeds_the_default_topics(empty_app):
    flask_migrate.upgrade()
    with db.engine.connect() as connection:
        slugs = set(connection.scalars(sa.text("SELECT slug FROM topics")))
    assert {"mobilitaet", "beteiligung", "digitale-verwaltung", "wasser-hochwasser"} <= slugs
