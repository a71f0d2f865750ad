"""``hub export``: the whole hub as open files that restore – and that a person can read.

The archive (a folder, ``.zip`` or ``.tar``) holds

- ``tables/<table>.jsonl`` – one JSON object per row of every exported table (see
  :mod:`hanse_hub.portability.catalogue` for which tables and why the others are left out),
  rows in primary-key order, values as described in :mod:`hanse_hub.portability.records`;
- ``files/<xx>/<sha256>`` – every file an attachment refers to, named by its SHA-256 and
  checked against it while it is copied;
- ``schemas/<table>.schema.json`` – a JSON Schema (2020-12) per record type;
- ``manifest.json`` – format and version, the schema (Alembic) revision, the number of records
  per table, and the size and SHA-256 of every other file of the archive;
- ``README.txt`` – these lines for a reader without this software.

All tables are read in one snapshot (a repeatable-read transaction) and streamed row by row,
so memory stays flat whatever the size of the hub.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from flask import current_app

from hanse_hub.content.storage import CHUNK, storage_for
from hanse_hub.extensions import db
from hanse_hub.portability import archive as containers
from hanse_hub.portability.catalogue import EXCLUDED, FILE_COLUMNS, exported_tables, primary_key
from hanse_hub.portability.records import dumps, encode_row, table_schema

FORMAT = "hanse-hub-export"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
STREAM_ROWS = 1000

README = """\
Smarte Hanse – export of a hanse_hub knowledge hub ({format} version {version}).

manifest.json         what this archive holds: records per table, size and SHA-256 of every file
tables/<name>.jsonl   one JSON object per line and record (UTF-8), one file per table
schemas/<name>.schema.json   a JSON Schema (draft 2020-12) describing the records of each table
files/<xx>/<sha256>   attached files, named by the SHA-256 of their content
                      (tables/attachments.jsonl gives each its name, type and entry)

Timestamps are ISO 8601 in UTC. "refers to <table>.<column>" in a schema names a reference.
`flask --app hanse_hub hub import <this archive>` restores it into a hub.
"""


class ExportError(RuntimeError):
    """The export cannot be written; the message says why and what to do."""


@dataclass
class ExportReport:
    path: Path
    records: dict[str, int] = field(default_factory=dict)
    files: int = 0
    bytes: int = 0


Progress = Callable[[int], None]


def _world_readable(path: Path) -> bool:
    return bool(path.stat().st_mode & 0o004)


def _check_target(path: Path, with_credentials: bool) -> None:
    if path.exists():
        if path.is_dir() and containers.archive_kind(path) == "dir":
            if any(path.iterdir()):
                raise ExportError(f"{path} is not empty: export into a new or empty folder.")
        else:
            raise ExportError(f"{path} exists already: choose a new name.")
        if with_credentials and _world_readable(path):
            raise ExportError(
                f"{path} is readable by every user of this machine; an export with "
                f"credentials needs a target only you can read (chmod 700 {path})."
            )
    elif not path.parent.is_dir():
        raise ExportError(f"the folder {path.parent} does not exist.")


class _HashingWriter:
    def __init__(self, path: Path, mode: int):
        self.path = path
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
        self._file = open(os.open(path, flags, mode), "wb")  # noqa: SIM115 (closed in close())
        self._digest = hashlib.sha256()
        self.bytes = 0

    def write(self, data: bytes) -> None:
        self._digest.update(data)
        self._file.write(data)
        self.bytes += len(data)

    def close(self) -> dict:
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        return {"sha256": self._digest.hexdigest(), "bytes": self.bytes}


def _schema_revision(connection) -> str | None:
    try:
        return connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    except sa.exc.DBAPIError:
        return None


def count_records(*, with_credentials: bool = False) -> int:
    """How many records an export would write (for a progress bar)."""
    with db.engine.connect() as connection:
        return sum(
            connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
            for table in exported_tables(with_credentials=with_credentials)
        )


def write_schemas(folder: Path, *, file_mode: int = 0o644) -> dict[str, dict]:
    """Write one JSON Schema per exported record type into ``folder``; returns name → digest."""
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for table in exported_tables(with_credentials=True):
        name = f"{table.name}.schema.json"
        text = json.dumps(table_schema(table, FORMAT_VERSION), indent=2, ensure_ascii=False)
        target = folder / name
        target.unlink(missing_ok=True)
        writer = _HashingWriter(target, file_mode)
        writer.write((text + "\n").encode("utf-8"))
        written[name] = writer.close()
    return written


def _export_table(connection, table: sa.Table, folder: Path, *, mode: int, with_credentials,
                  hashes: set[str], progress: Progress | None) -> tuple[dict, int]:  # fmt: skip
    writer = _HashingWriter(folder / f"{table.name}.jsonl", mode)
    file_column = FILE_COLUMNS.get(table.name)
    count = 0
    query = sa.select(table).order_by(*[table.c[name] for name in primary_key(table)])
    result = connection.execution_options(stream_results=True, yield_per=STREAM_ROWS).execute(query)
    for row in result.mappings():
        record = encode_row(table, row, with_credentials=with_credentials)
        writer.write((dumps(record) + "\n").encode("utf-8"))
        if file_column and record[file_column]:
            hashes.add(record[file_column])
        count += 1
        if progress and count % STREAM_ROWS == 0:
            progress(STREAM_ROWS)
    if progress:
        progress(count % STREAM_ROWS)
    return writer.close(), count


def _copy_file(storage, content_hash: str, target: Path, mode: int) -> dict:
    target.parent.mkdir(parents=True, exist_ok=True)
    writer = _HashingWriter(target, mode)
    try:
        with storage.open(content_hash) as source:
            while chunk := source.read(CHUNK):
                writer.write(chunk)
    except FileNotFoundError as error:
        writer.close()
        raise ExportError(
            f"file {content_hash} is missing in the data folder: restore it from a backup "
            "(`hub files verify` lists every missing file)."
        ) from error
    digest = writer.close()
    if digest["sha256"] != content_hash:
        raise ExportError(
            f"file {content_hash} is damaged (its content has another hash): restore it from a "
            "backup (`hub files verify`)."
        )
    return digest


def _write_tree(folder: Path, *, with_credentials: bool, progress: Progress | None,
                report: ExportReport) -> None:  # fmt: skip
    file_mode = 0o600 if with_credentials else 0o644
    contents: dict[str, dict] = {}
    tables: dict[str, dict] = {}
    hashes: set[str] = set()
    (folder / "tables").mkdir()
    dialect = db.engine.dialect.name
    with db.engine.connect() as connection:
        if dialect == "postgresql":
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():  # one snapshot for every table (SQLite: one read transaction)
            revision = _schema_revision(connection)
            for table in exported_tables(with_credentials=with_credentials):
                digest, count = _export_table(
                    connection, table, folder / "tables", mode=file_mode,
                    with_credentials=with_credentials, hashes=hashes, progress=progress,
                )  # fmt: skip
                name = f"tables/{table.name}.jsonl"
                contents[name] = digest
                tables[table.name] = {
                    "path": name,
                    "records": count,
                    "schema": f"schemas/{table.name}.schema.json",
                }
                report.records[table.name] = count
    storage = storage_for(current_app)
    for content_hash in sorted(hashes):
        name = f"files/{content_hash[:2]}/{content_hash}"
        contents[name] = _copy_file(storage, content_hash, folder / name, file_mode)
        report.files += 1
        report.bytes += contents[name]["bytes"]
    for schema_name, digest in write_schemas(folder / "schemas", file_mode=file_mode).items():
        contents[f"schemas/{schema_name}"] = digest
    readme = README.format(format=FORMAT, version=FORMAT_VERSION).encode("utf-8")
    writer = _HashingWriter(folder / "README.txt", file_mode)
    writer.write(readme)
    contents["README.txt"] = writer.close()
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created_at": datetime.now(UTC).isoformat(),
        "generator": "hanse_hub",
        "schema_revision": revision,
        "source_database": dialect,
        "with_credentials": with_credentials,
        "tables": tables,
        "excluded_tables": dict(sorted(EXCLUDED.items())),
        "files": dict(sorted(contents.items())),
    }
    writer = _HashingWriter(folder / MANIFEST, file_mode)
    writer.write((json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    writer.close()


def create_export(
    path: Path, *, with_credentials: bool = False, progress: Progress | None = None
) -> ExportReport:
    """Export the whole hub into ``path`` (a new folder, or a ``.zip``/``.tar`` file)."""
    path = Path(path)
    _check_target(path, with_credentials)
    report = ExportReport(path=path)
    kind = containers.archive_kind(path)
    if kind == "dir":
        path.mkdir(mode=0o700 if with_credentials else 0o755, exist_ok=True)
        if with_credentials:
            os.chmod(path, 0o700)
        try:
            _write_tree(path, with_credentials=with_credentials, progress=progress, report=report)
        except BaseException:
            containers.remove_tree(path)
            raise
        return report
    staging = Path(tempfile.mkdtemp(prefix=".hub-export-", dir=path.parent))  # mode 0700
    try:
        _write_tree(staging, with_credentials=with_credentials, progress=progress, report=report)
        containers.pack(staging, path, mode=0o600 if with_credentials else None)
    finally:
        containers.remove_tree(staging)
    return report
