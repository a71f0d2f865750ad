"""CSV and JSON of lists: search results, a tenant's entries, adoptions – and the one CSV writer
of the hub (``/wissenstransfer.csv`` uses it too).

CSV is written for spreadsheet programs: UTF-8 with a byte-order mark (Excel then reads the
Umlaute right), CRLF line ends, and every text cell that a spreadsheet would take for a formula
(beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is prefixed with ``'``
(OWASP's advice against CSV injection). JSON holds the same records with lists as lists.

The columns are the API's field names, derived from the kind registry (``content.kinds``):
the fields every kind has, and for a list of one kind that kind's own fields. Links to other
entries are given as the ids of those the caller may see.
"""

from __future__ import annotations

import csv
import enum
import io
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from hanse_hub.clock import BERLIN
from hanse_hub.content import kinds
from hanse_hub.content.adoptions import visible_adoptions
from hanse_hub.content.models import Adoption, Entry, EntryKind
from hanse_hub.content.services import visible_entries
from hanse_hub.extensions import db
from hanse_hub.policy import Actor, visible
from hanse_hub.search.services import MAX_PER_PAGE, SearchRequest, search
from hanse_hub.tenants.models import Tenant

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# The most rows one export holds; the file says so in its name when cut (see ``limited``).
EXPORT_LIMIT = 5000
CSV_MEDIA_TYPE = "text/csv"
JSON_MEDIA_TYPE = "application/json"
LIST_SEPARATOR = "; "

# Columns every entry has, around the registry's common fields (the body is left out: lists
# are for overviews, the entry's page and the API have the full text).
LEADING_COLUMNS = ("id", "kind", "tenant", "url", "status")
TRAILING_COLUMNS = ("published_at", "updated_at")
ADOPTION_COLUMNS = (
    "id",
    "solution_id",
    "solution_title",
    "solution_tenant",
    "solution_url",
    "tenant",
    "status",
    "changes",
    "contact_id",
    "started_on",
    "decided_on",
    "visibility",
    "updated_at",
)


def safe_cell(value: Any) -> Any:
    """A value a spreadsheet shows as text, never runs: formulas get a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _flat(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(str(item) for item in value)
    return value


def csv_document(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """The CSV text (with BOM) of ``rows`` under ``header``, formula-safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # excel dialect: CRLF, quotes where needed
    writer.writerow([safe_cell(name) for name in header])
    for row in rows:
        writer.writerow([safe_cell(_flat(value)) for value in row])
    return BOM + buffer.getvalue()


def records_csv(columns: Sequence[str], records: Iterable[dict]) -> str:
    return csv_document(columns, ([record.get(c) for c in columns] for record in records))


def records_json(columns: Sequence[str], records: list[dict], **meta: Any) -> str:
    return json.dumps(
        {**meta, "columns": list(columns), "items": records}, ensure_ascii=False, indent=1
    )


# -- values ---------------------------------------------------------------------------------------


def plain_value(value: Any) -> Any:
    """A JSON-able value: enums as their value, moments in Berlin time (ISO 8601)."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime):
        return value.astimezone(BERLIN).isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [plain_value(item) for item in value]
    return value


def entry_columns(kind: EntryKind | None, registry: kinds.Registry = kinds.REGISTRY) -> list[str]:
    common = [f.input_name for f in registry.common if f.name != "body"]
    own = [f.input_name for f in registry.of(kind).fields] if kind else []
    return [*LEADING_COLUMNS, *common, *own, *TRAILING_COLUMNS]


def entry_record(
    actor: Actor,
    entry: Entry,
    link: Callable[[Entry], str],
    registry: kinds.Registry = kinds.REGISTRY,
) -> dict:
    """Every column an entry of its kind has (``entry_columns``), as plain values."""
    record: dict[str, Any] = {
        "id": entry.id,
        "kind": entry.kind.value,
        "tenant": entry.tenant.slug,
        "url": link(entry),
        "status": entry.status.value,
        "published_at": plain_value(entry.published_at),
        "updated_at": plain_value(entry.updated_at),
    }
    for spec_field in (*registry.common, *registry.of(entry.kind).fields):
        name = spec_field.input_name
        if spec_field.name == "body":
            continue
        value = getattr(entry, spec_field.name)
        if spec_field.type == kinds.FieldType.LINKS:
            value = [linked.id for linked in visible(actor, value)]
        elif spec_field.type == kinds.FieldType.LINK:
            target = getattr(entry, spec_field.name.removesuffix("_id"))
            value = target.id if target is not None and visible(actor, [target]) else None
        elif spec_field.name in ("topics", "participants"):
            value = [item.slug for item in value]
        elif spec_field.name == "tags":
            value = list(value)
        record[name] = plain_value(value)
    return record


def adoption_record(actor: Actor, adoption: Adoption, link: Callable[[Entry], str]) -> dict:
    """An adoption (readable with its solution); its contact only if ``actor`` may see them."""
    solution = adoption.solution
    contact = adoption.contact
    return {
        "id": adoption.id,
        "solution_id": solution.id,
        "solution_title": solution.title,
        "solution_tenant": solution.tenant.slug,
        "solution_url": link(solution),
        "tenant": adoption.tenant.slug,
        "status": adoption.status.value,
        "changes": adoption.changes,
        "contact_id": contact.id if contact is not None and visible(actor, [contact]) else None,
        "started_on": plain_value(adoption.started_on),
        "decided_on": plain_value(adoption.decided_on),
        "visibility": adoption.visibility.value,
        "updated_at": plain_value(adoption.updated_at),
    }


# -- the lists ------------------------------------------------------------------------------------


def tenant_entries(actor: Actor, tenant: Tenant, *, kind: EntryKind | None = None) -> list[Entry]:
    """A tenant's entries that ``actor`` may see, newest first (at most ``EXPORT_LIMIT``)."""
    query = visible_entries(actor, tenant=tenant, kind=kind).limit(EXPORT_LIMIT)
    return list(db.session.scalars(query))


def search_entries(actor: Actor, request: SearchRequest) -> list[Entry]:
    """All hits of a search (at most ``EXPORT_LIMIT``), in the order of the search page."""
    found: list[Entry] = []
    number = 1
    while len(found) < EXPORT_LIMIT:
        page = search(
            actor,
            replace(request, page=number, per_page=MAX_PER_PAGE, one_per_translation_group=False),
        )
        found += [hit.entry for hit in page.hits]
        if number >= page.pages or not page.hits:
            break
        number += 1
    return found[:EXPORT_LIMIT]


def adoptions(
    actor: Actor,
    *,
    tenant: Tenant | None = None,
    source: str | None = None,
    target: str | None = None,
    status: str | None = None,
) -> list[Adoption]:
    """Adoptions ``actor`` may see: of ``tenant``, or from a source to a target tenant (slugs)."""
    return [
        adoption
        for adoption in visible_adoptions(actor, tenant=tenant)
        if (source is None or adoption.solution.tenant.slug == source)
        and (target is None or adoption.tenant.slug == target)
        and (status is None or adoption.status.value == status)
    ][:EXPORT_LIMIT]
