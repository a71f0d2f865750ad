"""Backup and restore: a consistent snapshot of the database with the files it refers to.

``hub backup PATH`` writes a folder while the hub keeps running:

- ``database.sqlite3`` (SQLite's online backup API: a consistent copy, WAL included) or
  ``database.dump`` (PostgreSQL's ``pg_dump`` in custom format, taken from a snapshot that
  is exported from the very transaction that lists the files);
- ``uploads/<xx>/<sha256>``: every file an attachment of that snapshot refers to, each
  checked against its content hash while it is copied;
- ``manifest.json``: what the backup holds (schema revision, files and sizes, checksums).

Files are never deleted while an attachment may still refer to them (``hub files gc``
keeps them for a grace period), so copying them after the snapshot is safe.

``hub restore PATH`` fills an empty database and data folder from such a folder, brings
the schema up to date and rebuilds the search index. A backup is a disaster-recovery copy
for the same hub version; the portable format is ``hub export`` (later).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from flask import current_app

from hanse_hub.content.files import file_digest
from hanse_hub.content.storage import CHUNK, storage_for
from hanse_hub.extensions import db

FORMAT = "hanse-hub-backup/1"
MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite3"
POSTGRES_FILE = "database.dump"


class BackupError(RuntimeError):
    """The backup or restore cannot be done; the message says why and what to do."""


@dataclass
class BackupReport:
    path: Path
    database: str
    files: int = 0
    bytes: int = 0
    problems: list[str] = field(default_factory=list)


def _sha256(path: Path) -> str:
    return file_digest(path)


def _pg_tool(name: str) -> str:
    tool = shutil.which(name)
    if tool is None:
        raise BackupError(
            f"{name} was not found. A PostgreSQL hub is backed up with PostgreSQL's own tools: "
            f"install the client tools of the server's major version (Debian: "
            f"apt-get install postgresql-client) or put {name} on the PATH."
        )
    return tool


def _libpq(url: sa.URL) -> tuple[str, dict]:
    """A connection string for the PostgreSQL tools, the password passed in the environment."""
    environ = dict(os.environ)
    if url.password:
        environ["PGPASSWORD"] = str(url.password)
    plain = url.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), environ


def _prepare_target(path: Path) -> None:
    if path.exists() and any(path.iterdir()):
        raise BackupError(f"{path} is not empty: back up into a new folder.")
    path.mkdir(parents=True, exist_ok=True)


def _schema_revision(connection) -> str | None:
    try:
        return connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    except sa.exc.DBAPIError:
        return None


def _snapshot_sqlite(target: Path) -> tuple[list[str], str | None]:
    source_path = db.engine.url.database
    source = sqlite3.connect(source_path)
    copy = sqlite3.connect(target / SQLITE_FILE)
    try:
        source.backup(copy)  # page by page, consistent, WAL content included
        hashes = [row[0] for row in copy.execute("SELECT DISTINCT content_hash FROM attachments")]
        revision = copy.execute("SELECT version_num FROM alembic_version").fetchone()
        check = copy.execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok":
            raise BackupError(f"the copied SQLite database fails its integrity check: {check}")
    finally:
        copy.close()
        source.close()
    return hashes, revision[0] if revision else None


def _snapshot_postgres(target: Path) -> tuple[list[str], str | None]:
    pg_dump = _pg_tool("pg_dump")
    connection_string, environ = _libpq(db.engine.url)
    with db.engine.connect() as connection:
        connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            snapshot = connection.execute(sa.text("SELECT pg_export_snapshot()")).scalar()
            hashes = list(
                connection.execute(sa.text("SELECT DISTINCT content_hash FROM attachments"))
                .scalars()
                .all()
            )
            revision = _schema_revision(connection)
            finished = subprocess.run(
                [
                    pg_dump,
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--snapshot={snapshot}",
                    f"--file={target / POSTGRES_FILE}",
                    connection_string,
                ],
                env=environ,
                capture_output=True,
                text=True,
            )
    if finished.returncode != 0:
        raise BackupError(f"pg_dump failed: {finished.stderr.strip()}")
    return hashes, revision


def _copy_verified(source: Path, target: Path, content_hash: str) -> int:
    """Copy a stored file, checking on the way that its content matches its name."""
    target.parent.mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    with source.open("rb") as reader, target.open("wb") as writer:
        while chunk := reader.read(CHUNK):
            digest.update(chunk)
            writer.write(chunk)
            size += len(chunk)
        writer.flush()
        os.fsync(writer.fileno())
    if digest.hexdigest() != content_hash:
        target.unlink()
        raise BackupError(f"file {content_hash} is damaged (its content has another hash)")
    return size


def create_backup(path: Path) -> BackupReport:
    """Write a backup of the running hub into the new folder ``path``."""
    path = Path(path)
    _prepare_target(path)
    dialect = db.engine.dialect.name
    started_at = datetime.now(UTC).isoformat()
    if dialect == "sqlite":
        hashes, revision = _snapshot_sqlite(path)
        database_file = SQLITE_FILE
    elif dialect == "postgresql":
        hashes, revision = _snapshot_postgres(path)
        database_file = POSTGRES_FILE
    else:
        raise BackupError(f"no backup method for the database kind {dialect!r}")
    report = BackupReport(path=path, database=dialect)
    storage = storage_for(current_app)
    files = {}
    for content_hash in sorted(hashes):
        try:
            size = _copy_verified(
                storage.path(content_hash),
                path / "uploads" / content_hash[:2] / content_hash,
                content_hash,
            )
        except FileNotFoundError:
            report.problems.append(f"file {content_hash} is missing in the data folder")
            continue
        except BackupError as error:
            report.problems.append(str(error))
            continue
        files[content_hash] = size
        report.files += 1
        report.bytes += size
    manifest = {
        "format": FORMAT,
        "snapshot_started_at": started_at,
        "finished_at": datetime.now(UTC).isoformat(),
        "database": {
            "kind": dialect,
            "file": database_file,
            "sha256": _sha256(path / database_file),
            "schema_revision": revision,
        },
        "files": files,
        "problems": report.problems,
    }
    (path / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return report


def read_manifest(path: Path) -> dict:
    manifest_path = Path(path) / MANIFEST
    if not manifest_path.is_file():
        raise BackupError(f"{path} holds no {MANIFEST}: not a hub backup.")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{path} is a backup in an unknown format ({manifest.get('format')}).")
    return manifest


def verify_backup(path: Path) -> dict:
    """Check a backup's checksums against its manifest; returns the manifest."""
    path = Path(path)
    manifest = read_manifest(path)
    database = path / manifest["database"]["file"]
    if not database.is_file() or _sha256(database) != manifest["database"]["sha256"]:
        raise BackupError(f"{database} is missing or damaged (checksum differs from the manifest).")
    for content_hash in manifest["files"]:
        copy = path / "uploads" / content_hash[:2] / content_hash
        if not copy.is_file() or _sha256(copy) != content_hash:
            raise BackupError(f"{copy} is missing or damaged.")
    return manifest


def _database_is_empty() -> bool:
    with db.engine.connect() as connection:
        return not sa.inspect(connection).get_table_names()


def restore_backup(path: Path) -> dict:
    """Fill the configured (empty) database and data folder from the backup at ``path``.

    Returns the manifest. The caller brings the schema up to date and rebuilds the index.
    """
    path = Path(path)
    manifest = verify_backup(path)
    kind = manifest["database"]["kind"]
    dialect = db.engine.dialect.name
    if kind != dialect:
        raise BackupError(
            f"the backup holds a {kind} database, but HANSE_DATABASE_URL names a {dialect} one."
        )
    if not _database_is_empty():
        raise BackupError(
            "the database named by HANSE_DATABASE_URL is not empty: restore into a new, "
            "empty database (PostgreSQL: createdb; SQLite: a path where no file exists yet)."
        )
    storage = storage_for(current_app)
    if any(True for _ in storage.stored()):
        raise BackupError(
            f"the uploads folder {storage.root} is not empty: restore into an empty HANSE_DATA_DIR."
        )
    source = path / manifest["database"]["file"]
    if kind == "sqlite":
        db.engine.dispose()
        target = Path(db.engine.url.database)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)  # the empty file we just opened
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    else:
        pg_restore = _pg_tool("pg_restore")
        connection_string, environ = _libpq(db.engine.url)
        db.engine.dispose()
        finished = subprocess.run(
            [pg_restore, "--no-owner", "--no-privileges", "--exit-on-error",
             f"--dbname={connection_string}", str(source)],
            env=environ,
            capture_output=True,
            text=True,
        )  # fmt: skip
        if finished.returncode != 0:
            raise BackupError(f"pg_restore failed: {finished.stderr.strip()}")
    for content_hash in manifest["files"]:
        target = storage.path(content_hash)
        _copy_verified(path / "uploads" / content_hash[:2] / content_hash, target, content_hash)
    return manifest
