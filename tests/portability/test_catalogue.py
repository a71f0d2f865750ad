"""Every table is exported or excluded on purpose, and the published JSON Schemas are current."""

from __future__ import annotations

import json
from pathlib import Path

import sqlalchemy as sa
from jsonschema import Draft202012Validator

from hanse_hub.extensions import db
from hanse_hub.portability.catalogue import (
    CREDENTIAL_COLUMNS,
    CREDENTIAL_TABLES,
    EXCLUDED,
    FILE_COLUMNS,
    exported_tables,
    importable_tables,
)
from hanse_hub.portability.export import FORMAT_VERSION
from hanse_hub.portability.records import table_schema

DOCS = Path(__file__).resolve().parents[2] / "docs" / "export"
REGENERATE = "run `flask --app hanse_hub hub export-schemas docs/export` and commit the result"


def test_every_table_of_the_migrated_database_is_exported_or_excluded(app):
    with db.engine.connect() as connection:
        present = set(sa.inspect(connection).get_table_names())
    exported = {table.name for table in importable_tables()}
    neither = present - exported - set(EXCLUDED)
    assert not neither, (
        f"tables neither exported nor excluded: {sorted(neither)} – a model's table is exported "
        "by itself; a table without a model must be named in portability/catalogue.py EXCLUDED"
    )
    assert exported <= present


def test_every_model_table_is_exported_unless_excluded_with_a_reason():
    for table in db.metadata.sorted_tables:
        if table.name in EXCLUDED:
            assert EXCLUDED[table.name].strip()
        else:
            assert table in importable_tables()
    assert {table.name for table in importable_tables()} >= CREDENTIAL_TABLES
    assert not CREDENTIAL_TABLES & {table.name for table in exported_tables()}
    for table, columns in {
        **CREDENTIAL_COLUMNS,
        **{t: {c} for t, c in FILE_COLUMNS.items()},
    }.items():
        assert columns <= set(db.metadata.tables[table].columns.keys())


def test_no_exported_table_refers_to_an_excluded_one():
    for table in importable_tables():
        for foreign_key in table.foreign_keys:
            assert foreign_key.column.table.name not in EXCLUDED, (table.name, foreign_key)


def test_published_json_schemas_match_the_export(app):
    published = {path.name for path in DOCS.glob("*.schema.json")}
    expected = {f"{table.name}.schema.json" for table in importable_tables()}
    assert published == expected, REGENERATE
    for table in importable_tables():
        schema = json.loads((DOCS / f"{table.name}.schema.json").read_text(encoding="utf-8"))
        assert schema == table_schema(table, FORMAT_VERSION), f"{table.name}: {REGENERATE}"
        Draft202012Validator.check_schema(schema)


def test_schemas_name_references_and_credentials():
    entries = table_schema(db.metadata.tables["entries"], FORMAT_VERSION)
    assert "refers to tenants.id" in entries["properties"]["tenant_id"]["description"]
    assert entries["properties"]["visibility"]["enum"] == ["public", "network", "internal"]
    users = table_schema(db.metadata.tables["users"], FORMAT_VERSION)
    assert "credential" in users["properties"]["password_hash"]["description"]
    assert users["additionalProperties"] is False
