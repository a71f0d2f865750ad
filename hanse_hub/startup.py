"""What a serving process checks when it starts: one clear line instead of a traceback.

``prepare_to_serve`` runs in gunicorn (``wsgi.py``), ``flask run`` and the search
worker: the database must answer (else the process exits naming the setting to fix),
a missing or damaged search index is logged with its fix, and in inline indexing
mode index jobs left behind by a crash are applied at once and then periodically.
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from flask import Flask

from hanse_hub.extensions import db

logger = logging.getLogger("hanse_hub")


def _first_line(error: BaseException) -> str:
    error = getattr(error, "orig", None) or error
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def connection_problem(engine: sa.Engine, *, require_tables: bool = False) -> str | None:
    """One line saying why the database cannot be used, or None when it can."""
    url = engine.url.render_as_string(hide_password=True)
    try:
        with engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
            migrated = sa.inspect(connection).has_table("alembic_version")
    except Exception as error:
        setting = "HANSE_DATABASE_URL"
        if engine.dialect.name == "sqlite":
            setting = "HANSE_DATABASE_URL (or HANSE_DATA_DIR for the built-in SQLite file)"
        return f"cannot open the database {url} ({_first_line(error)}): check {setting}"
    if require_tables and not migrated:
        return (
            f"the database {url} has no tables yet: run `flask --app hanse_hub db upgrade` "
            "(or check HANSE_DATABASE_URL)"
        )
    return None


def database_problem(app: Flask) -> str | None:
    """Why the app's database cannot serve requests (unreachable, or not migrated)."""
    with app.app_context():
        try:
            return connection_problem(db.engine, require_tables=True)
        finally:
            db.engine.dispose()


def exit_unless_database_usable(app: Flask) -> None:
    problem = database_problem(app)
    if problem:
        raise SystemExit(f"hanse_hub cannot start: {problem}")


def sso_problem(app: Flask) -> str | None:
    """One line naming the client-secret settings missing for configured providers."""
    from hanse_hub.accounts.sso import missing_secrets

    with app.app_context():
        try:
            missing = missing_secrets(app.config.get("HANSE_OIDC_SECRETS", {}))
        finally:
            db.session.remove()
    if not missing:
        return None
    return (
        f"single sign-on is configured but {', '.join(missing)} "
        f"{'is' if len(missing) == 1 else 'are'} not set: set the client secret(s) the "
        "providers issued, or switch the provider off under Verwaltung"
    )


def report_index_health(app: Flask) -> str | None:
    """Log a missing or damaged search index with its fix; returns the problem, if any."""
    from hanse_hub.search.backends import get_backend

    with app.app_context():
        try:
            problem = get_backend().health()
        finally:
            db.session.remove()
    if problem:
        logger.error(
            "Search is unavailable: %s. Fix: flask --app hanse_hub search reindex", problem
        )
    return problem


def prepare_to_serve(app: Flask) -> None:
    """The start-up checks of a process that serves requests (or applies index jobs)."""
    exit_unless_database_usable(app)
    problem = sso_problem(app)
    if problem:
        raise SystemExit(f"hanse_hub cannot start: {problem}")
    report_index_health(app)
    from hanse_hub.search.recovery import start_index_recovery

    start_index_recovery(app)
