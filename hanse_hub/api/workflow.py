"""``/api/v1``: the editorial workflow, as in the web interface.

An entry's history, "still correct" (review again in a year), the reviews due, the trash and
restoring, and the editor's Markdown preview. Publishing, archiving and going back to draft are
``PATCH /entries/{id}`` with ``status`` (``entries.py``).
"""

from __future__ import annotations

from flask import g
from flask_babel import gettext as _

from hanse_hub.api import workflow_schemas as schemas
from hanse_hub.api.common import (
    ACTION_PROBLEMS,
    ID,
    LIST_HEADERS,
    READ_PROBLEMS,
    blueprint,
    entry_payload,
    entry_write_problems,
    expected_version,
    list_of,
    problems,
    require_caller,
    require_writer,
    visible_entry,
    with_cache_headers,
)
from hanse_hub.api.errors import problem
from hanse_hub.api.schemas import EntryListSchema, EntrySchema, PaginationArgs
from hanse_hub.clock import berlin_today
from hanse_hub.content import services as content
from hanse_hub.content.models import Entry
from hanse_hub.database import write_transaction
from hanse_hub.policy import PermissionDenied
from hanse_hub.tenants.services import get_tenant
from hanse_hub.web.markdown import render_markdown

# -- history -------------------------------------------------------------------------------------


@blueprint.route(f"/entries/<{ID}:entry_id>/revisions")
@blueprint.response(200, schemas.RevisionSchema(many=True))
@problems(*READ_PROBLEMS, 404)
def revisions(entry_id: int):
    """The entry's history, newest first: version, what happened, which fields, who, when."""
    entry = visible_entry(entry_id)
    return [
        {
            "version": row.revision.version,
            "action": row.revision.action,
            "changed": [schemas.API_FIELD_NAMES.get(name, name) for name in row.changed],
            "actor": row.revision.actor.display_name if row.revision.actor else None,
            "created_at": row.revision.created_at,
        }
        for row in content.history_of(g.actor, entry)
    ]


# -- "still correct" -----------------------------------------------------------------------------


@blueprint.route(f"/entries/<{ID}:entry_id>/review", methods=["POST"])
@blueprint.response(200, EntrySchema)
@problems(*ACTION_PROBLEMS, 409, 412, 422)
def review(entry_id: int):
    """The entry is still correct: its next review is due in a year (`review_by`).

    Send `If-Match` with the ETag you read to be sure you confirm what you read."""
    actor = require_writer()
    entry = visible_entry(entry_id)
    expected = expected_version(entry)
    with entry_write_problems(), write_transaction():
        content.mark_reviewed(actor, entry, today=berlin_today(), expected_version=expected)
    return with_cache_headers(entry_payload(actor, entry), entry)


# -- trash ---------------------------------------------------------------------------------------


def _deleted_entry_payload(entry: Entry) -> dict:
    return {
        "id": entry.id,
        "uuid": entry.uuid,
        "kind": str(entry.kind),
        "tenant": entry.tenant.slug,
        "title": entry.title,
        "summary": entry.summary,
        "status": str(entry.status),
        "visibility": str(entry.visibility),
        "version": entry.version,
        "deleted_at": entry.deleted_at,
    }


@blueprint.route("/trash")
@blueprint.arguments(schemas.TrashArgs, location="query")
@blueprint.response(200, schemas.TrashSchema, headers=LIST_HEADERS)
@problems(*READ_PROBLEMS, 403, 422)
def trash(args):
    """Deleted entries the caller may restore (those of the tenants they administer), most
    recently deleted first."""
    actor = require_caller()
    tenant = None
    if "tenant" in args and (tenant := get_tenant(args["tenant"])) is None:
        return list_of([], args, _deleted_entry_payload)
    try:
        found = content.deleted_entries(actor, tenant)
    except PermissionDenied:
        raise problem(
            403,
            _(
                "Den Papierkorb von %(tenant)s sieht nur dessen Administration.",
                tenant=tenant.short_name,
            ),
        ) from None
    return list_of(found, args, _deleted_entry_payload)


@blueprint.route("/reviews/due")
@blueprint.arguments(PaginationArgs, location="query")
@blueprint.response(200, EntryListSchema, headers=LIST_HEADERS)
@problems(*READ_PROBLEMS, 422)
def reviews_due(args):
    """Entries of the tenants where the caller edits whose review date has come (as on
    "Meine Entwürfe"), longest waiting first. `POST /entries/{id}/review` confirms one."""
    actor = require_caller()
    found = content.entries_due_for_review(actor, today=berlin_today())
    return list_of(found, args, lambda entry: entry_payload(actor, entry))


@blueprint.route(f"/entries/<{ID}:entry_id>/restore", methods=["POST"])
@blueprint.response(200, EntrySchema)
@problems(*ACTION_PROBLEMS, 409)
def restore(entry_id: int):
    """Restore a deleted entry, in the state it had (admins of its tenant)."""
    actor = require_writer()
    try:
        entry = content.get_deleted_entry(actor, entry_id)
    except content.EntryNotFound:
        visible_entry(entry_id)  # 404 unless the caller sees it: then it is not deleted
        raise problem(409, _("Dieser Eintrag ist nicht gelöscht.")) from None
    with write_transaction():
        content.restore_entry(actor, entry)
    return with_cache_headers(entry_payload(actor, entry), entry)


# -- editor --------------------------------------------------------------------------------------


@blueprint.route("/markdown", methods=["POST"])
@blueprint.arguments(schemas.MarkdownSchema)
@blueprint.response(200, schemas.RenderedSchema)
@problems(400, 401, 403, 422, 429)
def markdown(data):
    """Markdown as an entry page shows it (sanitised HTML): the editor's preview, for editors.

    Changes nothing, so a read-only token may ask too."""
    actor = require_caller()
    if not actor.editable_tenant_ids:
        raise problem(403, _("Die Vorschau ist für Redaktionen gedacht."))
    return {"html": str(render_markdown(data["text"]))}
