"""Throwaway test databases: an SQLite file, or a fresh PostgreSQL database dropped afterwards."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa

DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def postgres_admin_url() -> str:
    url = os.environ.get("HANSE_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL)
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def postgres_unavailable_reason() -> str | None:
    """Why PostgreSQL tests cannot run here, or None when they can."""
    url = postgres_admin_url()
    try:
        engine = sa.create_engine(url, connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
        engine.dispose()
    except Exception as error:  # any failure to connect means: skip, and say why
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
        return f"PostgreSQL not reachable at {url} (set HANSE_TEST_POSTGRES_URL): {first_line}"
    return None


@contextmanager
def fresh_postgres_database() -> Iterator[str]:
    """Create a uniquely named database and drop it afterwards; yields its URL."""
    admin_url = sa.engine.make_url(postgres_admin_url())
    name = f"hanse_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def fresh_sqlite_database(folder: Path) -> Iterator[str]:
    folder.mkdir(parents=True, exist_ok=True)
    yield f"sqlite:///{folder / f'hanse_test_{uuid.uuid4().hex[:8]}.sqlite3'}"


@contextmanager
def fresh_database(backend: str, folder: Path) -> Iterator[str]:
    if backend == "postgresql":
        with fresh_postgres_database() as url:
            yield url
    else:
        with fresh_sqlite_database(folder) as url:
            yield url
