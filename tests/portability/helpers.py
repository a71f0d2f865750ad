"""Reading an export the way a stranger would: manifest, records by table and id, files."""

from __future__ import annotations

import json
from pathlib import Path

import flask_migrate

from hanse_hub.extensions import db
from hanse_hub.portability.archive import ArchiveReader
from hanse_hub.portability.catalogue import importable_tables, primary_key
from tests.conftest import make_app

TABLES = {table.name: table for table in importable_tables()}


def read_export(path: Path) -> tuple[dict, dict[str, dict[tuple, dict]], dict[str, str]]:
    """(manifest, {table: {primary key: record}}, {file name: sha256})."""
    with ArchiveReader(Path(path), max_member_bytes=10**10) as reader:
        with reader.open("manifest.json") as stream:
            manifest = json.loads(stream.read())
        records = {}
        for name, entry in manifest["tables"].items():
            pk = primary_key(TABLES[name])
            with reader.open(entry["path"]) as stream:
                rows = [json.loads(line) for line in stream if line.strip()]
            records[name] = {tuple(row[c] for c in pk): row for row in rows}
        files = {
            name: digest["sha256"]
            for name, digest in manifest["files"].items()
            if name.startswith("files/")
        }
    return manifest, records, files


def differences(first: Path, second: Path) -> list[str]:
    """Every difference between two exports except the moment each was made."""
    manifest_a, records_a, files_a = read_export(first)
    manifest_b, records_b, files_b = read_export(second)
    found = []
    for key in sorted(set(manifest_a) | set(manifest_b)):
        if key in ("created_at", "files", "source_database"):
            continue
        if manifest_a.get(key) != manifest_b.get(key):
            found.append(f"manifest {key}: {manifest_a.get(key)!r} != {manifest_b.get(key)!r}")
    for table in sorted(set(records_a) | set(records_b)):
        rows_a, rows_b = records_a.get(table, {}), records_b.get(table, {})
        for key in sorted(set(rows_a) | set(rows_b), key=repr):
            if rows_a.get(key) != rows_b.get(key):
                found.append(f"{table} {key}: {rows_a.get(key)} != {rows_b.get(key)}")
    if files_a != files_b:
        found.append(f"files differ: {sorted(set(files_a) ^ set(files_b))}")
    return found


def migrated_app(url: str, data_dir: Path, **extra):
    app = make_app(url, data_dir, **extra)
    with app.app_context():
        flask_migrate.upgrade()
        db.session.remove()
    return app


def invoke(app, *args: str):
    with app.app_context():
        try:
            return app.test_cli_runner().invoke(args=list(args))
        finally:
            db.session.remove()
