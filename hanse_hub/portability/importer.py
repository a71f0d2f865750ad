"""``hub import``: restore an export into a hub – everything checked before anything is written.

1. **Check** (nothing written yet): the container (names that leave it, links, sizes), the
   manifest (format, version – an older one is upgraded, a newer one refused), the SHA-256 of
   every file it lists (and that it lists every file), every record against its table's JSON
   Schema, duplicate primary keys, record counts, references between records and that every
   attached file is there.
2. **Write**: the files into the content-hashed store (a file no record uses is removed by
   ``hub files gc``), then every record in one database transaction, inserted in batches of
   :data:`BATCH` rows per statement. A final consistency check (counts, references, files) runs
   inside that transaction: if anything fails, nothing of the import stays in the database.
3. The caller rebuilds the search index.

Into an empty hub (only the default topics of the migrations: they are replaced), or with
``merge=True`` into any hub: records whose primary key exists already are kept as they are –
identical ones count as such, different ones are reported as conflicts. Importing the same
archive twice with ``merge=True`` therefore changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from flask import current_app
from jsonschema import Draft202012Validator

from hanse_hub.content.storage import CHUNK, storage_for
from hanse_hub.database import write_transaction
from hanse_hub.extensions import db
from hanse_hub.portability.archive import ArchiveError, ArchiveReader, safe_name
from hanse_hub.portability.catalogue import (
    FILE_COLUMNS,
    SEEDED_TABLES,
    importable_tables,
    primary_key,
)
from hanse_hub.portability.export import FORMAT, FORMAT_VERSION, MANIFEST
from hanse_hub.portability.records import RecordError, decode_record, encode_row, import_schema

BATCH = 500
MANIFEST_MAX_BYTES = 64 * 1024 * 1024
# Upgrades of older format versions: version n → a function turning a record of table t in
# version n into one of version n + 1 (none yet: version 1 is the first).
UPGRADES: dict[int, Callable[[str, dict], dict]] = {}


class ImportRefused(RuntimeError):
    """The archive cannot be imported; nothing was written. The message says why."""


@dataclass
class ImportReport:
    format_version: int = FORMAT_VERSION
    schema_revision: str | None = None
    inserted: dict[str, int] = field(default_factory=dict)
    identical: dict[str, int] = field(default_factory=dict)
    conflicts: list[str] = field(default_factory=list)
    files_written: int = 0

    @property
    def records(self) -> int:
        return sum(self.inserted.values())


# -- reading -------------------------------------------------------------------------------------


def _read_manifest(reader: ArchiveReader) -> dict:
    if MANIFEST not in reader:
        raise ImportRefused(f"{reader.path} holds no {MANIFEST}: not a hub export.")
    if reader.size(MANIFEST) > MANIFEST_MAX_BYTES:
        raise ImportRefused(f"{MANIFEST} is larger than {MANIFEST_MAX_BYTES:,} bytes.")
    with reader.open(MANIFEST) as stream:
        try:
            manifest = json.loads(stream.read(MANIFEST_MAX_BYTES + 1))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise ImportRefused(f"{MANIFEST} is not valid JSON: {error}") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ImportRefused(f"{reader.path} is not a hub export (format is not {FORMAT!r}).")
    version = manifest.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ImportRefused(f"{MANIFEST} names an unknown format version: {version!r}.")
    if version > FORMAT_VERSION:
        raise ImportRefused(
            f"the archive has format version {version}, newer than this hub reads "
            f"({FORMAT_VERSION}): update hanse_hub first, then import it."
        )
    for key, kind in (("tables", dict), ("files", dict)):
        if not isinstance(manifest.get(key), kind):
            raise ImportRefused(f"{MANIFEST} lacks its {key!r} section.")
    return manifest


def _check_listing(reader: ArchiveReader, manifest: dict, max_file_bytes: int) -> int:
    """Every listed file is there with its declared size, and nothing else is. Returns bytes."""
    listed = manifest["files"]
    total = 0
    for name, digest in listed.items():
        try:
            safe_name(name)
        except ArchiveError as error:
            raise ImportRefused(f"{MANIFEST}: {error}") from error
        declared = digest.get("bytes") if isinstance(digest, dict) else None
        if (
            not isinstance(declared, int)
            or declared < 0
            or not isinstance(digest.get("sha256"), str)
        ):
            raise ImportRefused(f"{MANIFEST}: the entry for {name!r} lacks its size or SHA-256.")
        if name.startswith("files/") and declared > max_file_bytes:
            raise ImportRefused(
                f"{name!r} declares {declared:,} bytes, more than a file of this hub may have "
                f"({max_file_bytes:,}; HANSE_MAX_UPLOAD_MB)."
            )
        if name not in reader:
            raise ImportRefused(f"the archive lacks {name!r}, which its manifest lists.")
        if reader.size(name) != declared:
            raise ImportRefused(
                f"{name!r} has {reader.size(name):,} bytes, its manifest says {declared:,}: "
                "the archive is truncated or was changed."
            )
        total += declared
    unlisted = [name for name in reader.names() if name != MANIFEST and name not in listed]
    if unlisted:
        raise ImportRefused(f"the archive holds files its manifest does not list: {unlisted[:5]}")
    return total


def _check_hashes(reader: ArchiveReader, manifest: dict) -> None:
    for name, digest in manifest["files"].items():
        sha = hashlib.sha256()
        with reader.open(name) as stream:
            while chunk := stream.read(CHUNK):
                sha.update(chunk)
        if sha.hexdigest() != digest["sha256"]:
            raise ImportRefused(
                f"{name!r} does not match its SHA-256 in the manifest: the archive is damaged "
                "or was changed."
            )
        if name.startswith("files/") and name.rsplit("/", 1)[-1] != digest["sha256"]:
            raise ImportRefused(f"{name!r} is not named by the SHA-256 of its content.")


def _records(reader: ArchiveReader, name: str, version: int, table: str) -> Iterator[dict]:
    with reader.open(name) as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except (UnicodeDecodeError, json.JSONDecodeError) as error:
                raise ImportRefused(f"{name} line {number}: not valid JSON ({error}).") from error
            if not isinstance(record, dict):
                raise ImportRefused(f"{name} line {number}: not a JSON object.")
            for step in range(version, FORMAT_VERSION):
                record = UPGRADES[step](table, record)
            yield number, record


@dataclass
class _Plan:
    """What the check learnt: the tables to import and each one's file in the archive."""

    version: int
    tables: list[tuple[sa.Table, str, int]]  # table, member name, records


def _check_records(reader: ArchiveReader, manifest: dict, version: int) -> _Plan:
    known = {table.name: table for table in importable_tables()}
    unknown = sorted(set(manifest["tables"]) - set(known))
    if unknown:
        raise ImportRefused(
            f"the archive holds tables this hub does not know: {', '.join(unknown)} "
            "(made by a newer hanse_hub?)."
        )
    keys: dict[str, set] = {}
    references: dict[tuple[str, str], set] = defaultdict(set)
    hashes: set[str] = set()
    plan = _Plan(version=version, tables=[])
    for table in importable_tables():
        entry = manifest["tables"].get(table.name)
        if entry is None:
            continue  # a table newer than the archive: it has no records
        name, declared = entry.get("path"), entry.get("records")
        if not isinstance(name, str) or name not in manifest["files"]:
            raise ImportRefused(f"{MANIFEST}: table {table.name} names no listed file.")
        validator = Draft202012Validator(import_schema(table, FORMAT_VERSION))
        pk = primary_key(table)
        seen: set = set()
        foreign = [
            (column.name, next(iter(column.foreign_keys)).column)
            for column in table.columns
            if column.foreign_keys
        ]
        file_column = FILE_COLUMNS.get(table.name)
        count = 0
        for number, record in _records(reader, name, version, table.name):
            error = next(iter(validator.iter_errors(record)), None)
            if error is not None:
                where = "/".join(str(part) for part in error.absolute_path) or "record"
                raise ImportRefused(f"{name} line {number}: {where}: {error.message}")
            try:
                decode_record(table, record)
            except RecordError as problem:
                raise ImportRefused(f"{name} line {number}: {problem}") from problem
            key = tuple(record[column] for column in pk)
            if key in seen:
                raise ImportRefused(f"{name} line {number}: the id {key} occurs twice.")
            seen.add(key)
            for column, target in foreign:
                if record.get(column) is not None:
                    references[(target.table.name, target.name)].add(
                        (record[column], table.name, column)
                    )
            if file_column and record.get(file_column):
                hashes.add(record[file_column])
            count += 1
        if count != declared:
            raise ImportRefused(
                f"{name} holds {count} records, its manifest says {declared}: the archive is "
                "truncated or was changed."
            )
        if len(pk) == 1:
            keys[table.name] = {key[0] for key in seen}
        plan.tables.append((table, name, count))
    _check_references(keys, references)
    missing = [h for h in sorted(hashes) if f"files/{h[:2]}/{h}" not in manifest["files"]]
    if missing:
        raise ImportRefused(
            f"the archive lacks {len(missing)} attached file(s), e.g. files/{missing[0][:2]}/"
            f"{missing[0]}."
        )
    return plan


def _check_references(keys: dict[str, set], references: dict[tuple[str, str], set]) -> None:
    for (target_table, _target_column), uses in references.items():
        present = keys.get(target_table, set())
        existing = _existing_keys(target_table, {value for value, _, _ in uses} - present)
        for value, table, column in uses:
            if value not in present and value not in existing:
                raise ImportRefused(
                    f"{table}.{column} refers to {target_table} {value!r}, which neither the "
                    "archive nor this hub holds."
                )


def _existing_keys(table_name: str, values: set) -> set:
    if not values:
        return set()
    table = db.metadata.tables[table_name]
    (column,) = table.primary_key.columns
    found = set()
    ordered = sorted(values, key=repr)
    for start in range(0, len(ordered), BATCH):
        found.update(
            db.session.scalars(sa.select(column).where(column.in_(ordered[start : start + BATCH])))
        )
    return found


# -- writing -------------------------------------------------------------------------------------


def hub_is_empty() -> bool:
    for table in importable_tables():
        if table.name in SEEDED_TABLES:
            continue
        if db.session.execute(sa.select(sa.literal(1)).select_from(table).limit(1)).first():
            return False
    return True


def _write_files(reader: ArchiveReader, manifest: dict, report: ImportReport) -> None:
    storage = storage_for(current_app)
    for name, digest in manifest["files"].items():
        if not name.startswith("files/"):
            continue
        if storage.exists(digest["sha256"]):
            continue
        with reader.open(name) as stream:
            content_hash, _ = storage.put(stream, max_bytes=digest["bytes"])
        if content_hash != digest["sha256"]:  # changed between the check and now
            raise ImportRefused(f"{name!r} changed while it was imported.")
        report.files_written += 1


def _self_references(table: sa.Table) -> list[str]:
    return [
        column.name
        for column in table.columns
        for foreign_key in column.foreign_keys
        if foreign_key.column.table is table
    ]


def _insert(table: sa.Table, rows: list[dict], merge: bool, report: ImportReport,
            originals: list[dict]) -> None:  # fmt: skip
    """Insert ``rows`` (self-references left out); ``originals`` are the rows as archived."""
    if not rows:
        return
    if not merge:
        db.session.execute(table.insert(), rows)
        report.inserted[table.name] = report.inserted.get(table.name, 0) + len(rows)
        return
    pk = primary_key(table)
    columns = [table.c[name] for name in pk]
    keys = [tuple(row[name] for name in pk) for row in rows]
    condition = (
        columns[0].in_([key[0] for key in keys])
        if len(columns) == 1
        else sa.tuple_(*columns).in_(keys)
    )
    existing = {
        tuple(row[name] for name in pk): row
        for row in db.session.execute(sa.select(table).where(condition)).mappings()
    }
    for key, row, original in zip(keys, rows, originals, strict=True):
        if key in existing:
            same = encode_row(table, existing[key], with_credentials=True) == encode_row(
                table, original, with_credentials=True
            )
            if same:
                report.identical[table.name] = report.identical.get(table.name, 0) + 1
            else:
                report.conflicts.append(f"{table.name} {key}: exists with other content, kept")
            continue
        try:
            with db.session.begin_nested():
                db.session.execute(table.insert(), [row])
        except sa.exc.IntegrityError as error:
            reason = str(error.orig).splitlines()[0] if error.orig else str(error)
            report.conflicts.append(f"{table.name} {key}: not imported ({reason})")
            continue
        report.inserted[table.name] = report.inserted.get(table.name, 0) + 1


def _import_table(reader, table: sa.Table, name: str, version: int, merge: bool,
                  report: ImportReport) -> None:  # fmt: skip
    later = _self_references(table)
    pk = primary_key(table)
    deferred: list[tuple[tuple, dict]] = []
    batch: list[dict] = []
    originals: list[dict] = []
    for _number, record in _records(reader, name, version, table.name):
        row = original = decode_record(table, record)
        if later and any(row[column] is not None for column in later):
            deferred.append((tuple(row[c] for c in pk), {c: row[c] for c in later}))
            row = {**row, **dict.fromkeys(later)}
        batch.append(row)
        originals.append(original)
        if len(batch) >= BATCH:
            _insert(table, batch, merge, report, originals)
            batch, originals = [], []
    _insert(table, batch, merge, report, originals)
    for key, values in deferred:
        condition = sa.and_(*[table.c[c] == v for c, v in zip(pk, key, strict=True)])
        if merge:  # only the rows this import inserted still lack their reference
            condition = sa.and_(condition, *[table.c[c].is_(None) for c in values])
        db.session.execute(table.update().where(condition).values(**values))


def _reset_sequences() -> None:
    if db.engine.dialect.name != "postgresql":
        return
    for table in importable_tables():
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not isinstance(pk[0].type, sa.Integer):
            continue
        column = pk[0].name
        db.session.execute(
            sa.text(
                f"SELECT setval(seq, COALESCE((SELECT MAX({column}) FROM {table.name}), 1), "
                f"(SELECT MAX({column}) FROM {table.name}) IS NOT NULL) "
                f"FROM pg_get_serial_sequence('{table.name}', '{column}') AS seq "
                "WHERE seq IS NOT NULL"
            )
        )


def _consistency_check(plan: _Plan, merge: bool) -> None:
    for table, name, count in plan.tables:
        stored = db.session.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
        if (stored < count) if merge else (stored != count):
            raise ImportRefused(f"after the import {table.name} holds {stored} records, {name} "
                                f"{count}: nothing was imported.")  # fmt: skip
    if db.engine.dialect.name == "sqlite":
        broken = db.session.execute(sa.text("PRAGMA foreign_key_check")).first()
        if broken is not None:
            raise ImportRefused(f"a reference is broken after the import ({tuple(broken)}): "
                                "nothing was imported.")  # fmt: skip
    storage = storage_for(current_app)
    for table_name, column in FILE_COLUMNS.items():
        table = db.metadata.tables[table_name]
        for content_hash in db.session.scalars(sa.select(table.c[column]).distinct()):
            if content_hash and not storage.exists(content_hash):
                raise ImportRefused(f"file {content_hash} is missing after the import: nothing "
                                    "was imported.")  # fmt: skip


def import_archive(
    path: Path, *, merge: bool = False, progress: Callable[[str], None] | None = None
) -> ImportReport:
    """Check the archive at ``path`` completely, then import it (see the module's text)."""
    path = Path(path)
    if not path.exists():
        raise ImportRefused(f"{path} does not exist.")
    max_file_bytes = current_app.config["HANSE_MAX_UPLOAD_BYTES"]
    max_total = current_app.config.get("HANSE_IMPORT_MAX_BYTES", 50 * 1024**3)
    say = progress or (lambda _message: None)
    try:
        with ArchiveReader(path, max_member_bytes=max_total) as reader:
            manifest = _read_manifest(reader)
            total = _check_listing(reader, manifest, max_file_bytes)
            storage_root = Path(current_app.config["HANSE_DATA_DIR"])
            storage_root.mkdir(parents=True, exist_ok=True)
            if total > max_total or total > shutil.disk_usage(storage_root).free:
                raise ImportRefused(
                    f"the archive declares {total:,} bytes, more than the import accepts or "
                    "the data folder has free."
                )
            say("checking checksums")
            _check_hashes(reader, manifest)
            say("checking records")
            plan = _check_records(reader, manifest, manifest["format_version"])
            if not merge and not hub_is_empty():
                raise ImportRefused(
                    "this hub is not empty: import into a new, empty database (then "
                    "`flask --app hanse_hub db upgrade`), or add --merge to keep what is "
                    "there and add what is missing."
                )
            db.session.rollback()  # end the read transaction before writing
            report = ImportReport(
                format_version=manifest["format_version"],
                schema_revision=manifest.get("schema_revision"),
            )
            say("writing files")
            _write_files(reader, manifest, report)
            say("writing records")
            with write_transaction():
                if not merge:
                    for table, _name, _count in plan.tables:
                        if table.name in SEEDED_TABLES:
                            db.session.execute(table.delete())
                for table, name, _count in plan.tables:
                    _import_table(reader, table, name, plan.version, merge, report)
                    db.session.flush()
                _reset_sequences()
                _consistency_check(plan, merge)
    except ArchiveError as error:
        raise ImportRefused(str(error)) from error
    return report
