"""Records of an export: one JSON object per table row, and the JSON Schema that describes it.

Values are written as JSON can hold them and read back to the exact stored value:

- timestamps as ISO 8601 with offset (``2026-12-03T13:10:53.123456+00:00``, always UTC),
  dates as ``YYYY-MM-DD``;
- enumerations as their stored string, JSON columns as JSON, binary data as base64;
- integers, booleans and strings as they are.

The JSON Schema of each table (draft 2020-12) is generated from the SQLAlchemy metadata, so it
always matches what the export writes; ``hub export-schemas DIR`` writes them (``docs/export/``).
"""

from __future__ import annotations

import base64
import json
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator

from hanse_hub.extensions import db
from hanse_hub.portability.catalogue import (
    CREDENTIAL_COLUMNS,
    CREDENTIAL_TABLES,
    DESCRIPTIONS,
    EXCLUDED,
)

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


class RecordError(ValueError):
    """A record cannot be read back into its table."""


def _base_type(type_: sa.types.TypeEngine) -> sa.types.TypeEngine:
    while isinstance(type_, TypeDecorator):
        type_ = type_.impl_instance
    return type_


def _kind(column: sa.Column) -> str:
    type_ = _base_type(column.type)
    if isinstance(type_, sa.Enum):
        return "enum"
    if isinstance(type_, sa.Boolean):
        return "boolean"
    if isinstance(type_, sa.Integer):
        return "integer"
    if isinstance(type_, (sa.Float, sa.Numeric)):
        return "number"
    if isinstance(type_, sa.DateTime):
        return "datetime"
    if isinstance(type_, sa.Date):
        return "date"
    if isinstance(type_, sa.JSON):
        return "json"
    if isinstance(type_, sa.LargeBinary):
        return "binary"
    if isinstance(type_, sa.String):  # also Text
        return "string"
    raise TypeError(
        f"{column.table.name}.{column.name}: the export has no encoding for {column.type!r}; "
        "add one in hanse_hub/portability/records.py"
    )


# -- values --------------------------------------------------------------------------------------


def encode_value(column: sa.Column, value: Any) -> Any:
    if value is None:
        return None
    kind = _kind(column)
    if kind == "datetime":
        if value.tzinfo is not None:
            value = value.astimezone(UTC)
        return value.isoformat()
    if kind == "date":
        return value.isoformat()
    if kind == "enum":
        return value.value if hasattr(value, "value") else str(value)
    if kind == "binary":
        return base64.b64encode(value).decode("ascii")
    return value


def decode_value(column: sa.Column, value: Any) -> Any:
    if value is None:
        return None
    kind = _kind(column)
    try:
        if kind == "datetime":
            moment = datetime.fromisoformat(value)
            if moment.tzinfo is None and isinstance(column.type, TypeDecorator):
                moment = moment.replace(tzinfo=UTC)
            return moment
        if kind == "date":
            return date.fromisoformat(value)
        if kind == "binary":
            return base64.b64decode(value, validate=True)
    except (TypeError, ValueError) as error:
        raise RecordError(f"{column.name}: {value!r} is not a valid {kind}") from error
    return value


def encode_row(table: sa.Table, row, *, with_credentials: bool) -> dict[str, Any]:
    hidden = set() if with_credentials else CREDENTIAL_COLUMNS.get(table.name, set())
    return {
        column.name: None if column.name in hidden else encode_value(column, row[column.name])
        for column in table.columns
    }


def decode_record(table: sa.Table, record: dict[str, Any]) -> dict[str, Any]:
    return {column.name: decode_value(column, record.get(column.name)) for column in table.columns}


def dumps(record: dict[str, Any]) -> str:
    """One line of a JSON Lines file: keys sorted, UTF-8 as is."""
    return json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


# -- JSON Schema ---------------------------------------------------------------------------------


def _model_doc(table: sa.Table) -> str:
    if table.name in DESCRIPTIONS:
        return DESCRIPTIONS[table.name]
    for mapper in sorted(db.Model.registry.mappers, key=lambda m: m.class_.__name__):
        if mapper.local_table is table and mapper.class_.__doc__:
            return " ".join(mapper.class_.__doc__.split())
    return ""


def _column_schema(column: sa.Column) -> dict[str, Any]:
    kind = _kind(column)
    type_ = _base_type(column.type)
    schema: dict[str, Any]
    if kind == "enum":
        schema = {"type": "string", "enum": list(type_.enums)}
    elif kind in ("boolean", "integer", "number"):
        schema = {"type": kind}
    elif kind == "datetime":
        schema = {"type": "string", "format": "date-time"}
    elif kind == "date":
        schema = {"type": "string", "format": "date"}
    elif kind == "binary":
        schema = {"type": "string", "contentEncoding": "base64"}
    elif kind == "json":
        schema = {}
    else:
        schema = {"type": "string"}
        if getattr(type_, "length", None):
            schema["maxLength"] = type_.length
    if column.nullable and "type" in schema:
        schema["type"] = [schema["type"], "null"]
        if "enum" in schema:
            schema["enum"] = [*schema["enum"], None]
    notes = []
    if column.primary_key:
        notes.append("primary key")
    for foreign_key in column.foreign_keys:
        notes.append(f"refers to {foreign_key.target_fullname}")
    if column.name in CREDENTIAL_COLUMNS.get(column.table.name, ()):
        notes.append("a credential: null unless exported with --with-credentials")
    if column.doc:
        notes.append(column.doc)
    if notes:
        schema["description"] = "; ".join(notes)
    return schema


def table_schema(table: sa.Table, format_version: int) -> dict[str, Any]:
    description = _model_doc(table)
    if table.name in CREDENTIAL_TABLES:
        description += " (Credentials: exported only with --with-credentials.)"
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": f"urn:hanse-hub:export:{format_version}:{table.name}",
        "title": table.name,
        "description": description.strip(),
        "type": "object",
        "properties": {column.name: _column_schema(column) for column in table.columns},
        "required": [column.name for column in table.columns],
        "additionalProperties": False,
        "x-primary-key": [column.name for column in table.primary_key.columns],
    }


def import_schema(table: sa.Table, format_version: int) -> dict[str, Any]:
    """The schema an imported record is checked against: nullable columns may be left out."""
    schema = table_schema(table, format_version)
    schema["required"] = [column.name for column in table.columns if not column.nullable]
    return schema


def excluded_note() -> dict[str, str]:
    return dict(sorted(EXCLUDED.items()))
