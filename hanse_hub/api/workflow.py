"""``/api/v1``: the editorial workflow and the account page's tokens, as in the web interface.

An entry's history, removing a file, the trash and restoring, "still correct" (review again
in a year), personal access tokens, the search box's autocomplete and the Markdown preview.
Publishing, archiving and going back to draft are ``PATCH /entries/{id}`` with ``status``.

Like ``views.py``: input is validated by marshmallow, every view calls the same service
function as the web interface and commits once (``write_transaction``); entries the caller
may not see answer 404, never 403.
"""

from __future__ import annotations

from flask import g, request, url_for
from flask.views import MethodView
from flask_babel import gettext as _

from hanse_hub.accounts import tokens as token_services
from hanse_hub.api import workflow_schemas as schemas
from hanse_hub.api.auth import require_writer
from hanse_hub.api.errors import problem
from hanse_hub.api.schemas import MAX_ID, EntryListSchema, EntrySchema, PaginationArgs
from hanse_hub.api.views import (
    ID,
    READ_PROBLEMS,
    _etag_value,
    _visible_attachment,
    _visible_entry,
    _with_cache_headers,
    blueprint,
    entry_payload,
    entry_url,
    entry_write_problems,
    paginate,
    problems,
)
from hanse_hub.content import services as content
from hanse_hub.content.attachments import remove_attachment
from hanse_hub.content.editing import berlin_today
from hanse_hub.content.models import Entry
from hanse_hub.database import write_transaction
from hanse_hub.extensions import configured_limit, limiter
from hanse_hub.policy import Actor, PermissionDenied
from hanse_hub.search import services as search_services
from hanse_hub.tenants.services import get_tenant
from hanse_hub.web.markdown import render_markdown

ACTION_PROBLEMS = (400, 401, 403, 404, 429)


def _require_caller() -> Actor:
    """The caller, if they sent a token (reading their own things needs one; writing is
    ``require_writer``)."""
    if g.api_token is None:
        raise problem(
            401,
            _("Dafür ist ein persönliches Zugangstoken nötig."),
            headers={"WWW-Authenticate": 'Bearer realm="hanse_hub"'},
        )
    return g.actor


def _page(items: list, args: dict, serialise) -> tuple:
    page, per_page = args["page"], args["per_page"]
    body = {
        "total": len(items),
        "page": page,
        "per_page": per_page,
        "items": [serialise(item) for item in items[(page - 1) * per_page : page * per_page]],
    }
    return body, 200, paginate(len(items), page, per_page)


def _stale_if_match(entry: Entry) -> int | None:
    """The version the caller read (``If-Match``), or None; 412 if it is no longer current."""
    if not request.if_match or request.if_match.star_tag:
        return None
    if not request.if_match.contains(_etag_value(entry)):
        raise problem(
            412,
            _(
                "Der Eintrag wurde inzwischen geändert. Bitte laden Sie ihn "
                "neu und wiederholen Sie Ihre Änderung."
            ),
            current_version=entry.version,
        )
    return entry.version


LIST_HEADERS = {
    "Link": {"description": "first/prev/next/last pages", "schema": {"type": "string"}},
    "X-Total-Count": {"description": "number of items", "schema": {"type": "integer"}},
}


# -- history -------------------------------------------------------------------------------------


@blueprint.route(f"/entries/<{ID}:entry_id>/revisions")
@blueprint.response(200, schemas.RevisionSchema(many=True))
@problems(*READ_PROBLEMS, 404)
def revisions(entry_id: int):
    """The entry's history, newest first: version, what happened, which fields, who, when."""
    entry = _visible_entry(entry_id)
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
    entry = _visible_entry(entry_id)
    expected = _stale_if_match(entry)
    with entry_write_problems(), write_transaction():
        content.mark_reviewed(actor, entry, today=berlin_today(), expected_version=expected)
    return _with_cache_headers(entry_payload(actor, entry), entry)


# -- files ---------------------------------------------------------------------------------------


# The path of ``GET /attachments/{id}`` (views.py), a second rule for another method. Its id
# converter has no limits: with them, werkzeug would answer a DELETE of an id out of range with
# 405 (the GET rule's method matched the path) instead of 404. The view checks the range; the
# document states it as for every id.
@blueprint.route(
    "/attachments/<int:attachment_id>",
    methods=["DELETE"],
    parameters=[
        {
            "in": "path",
            "name": "attachment_id",
            "required": True,
            "schema": {"type": "integer", "minimum": 1, "maximum": MAX_ID},
        }
    ],
)
@blueprint.response(204)
@problems(*ACTION_PROBLEMS)
def delete_attachment(attachment_id: int):
    """Remove a file from its entry (`hub files gc` removes its bytes once nothing uses them)."""
    actor = require_writer()
    if not 1 <= attachment_id <= MAX_ID:  # no id of ours; the database must not see it
        raise problem(404, _("Diese Datei gibt es nicht, oder sie ist für Sie nicht sichtbar."))
    attachment = _visible_attachment(attachment_id)
    try:
        with write_transaction():
            remove_attachment(actor, attachment)
    except PermissionDenied:
        raise problem(403, _("Sie dürfen die Dateien dieses Eintrags nicht entfernen.")) from None
    return "", 204


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
    actor = _require_caller()
    tenant = None
    if "tenant" in args and (tenant := get_tenant(args["tenant"])) is None:
        return _page([], args, _deleted_entry_payload)
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
    return _page(found, args, _deleted_entry_payload)


@blueprint.route("/reviews/due")
@blueprint.arguments(PaginationArgs, location="query")
@blueprint.response(200, EntryListSchema, headers=LIST_HEADERS)
@problems(*READ_PROBLEMS, 422)
def reviews_due(args):
    """Entries of the tenants where the caller edits whose review date has come (as on
    "Meine Entwürfe"), longest waiting first. `POST /entries/{id}/review` confirms one."""
    actor = _require_caller()
    found = content.entries_due_for_review(actor, today=berlin_today())
    return _page(found, args, lambda entry: entry_payload(actor, entry))


@blueprint.route(f"/entries/<{ID}:entry_id>/restore", methods=["POST"])
@blueprint.response(200, EntrySchema)
@problems(*ACTION_PROBLEMS, 409)
def restore(entry_id: int):
    """Restore a deleted entry, in the state it had (admins of its tenant)."""
    actor = require_writer()
    try:
        entry = content.get_deleted_entry(actor, entry_id)
    except content.EntryNotFound:
        _visible_entry(entry_id)  # 404 unless the caller sees it: then it is not deleted
        raise problem(409, _("Dieser Eintrag ist nicht gelöscht.")) from None
    with write_transaction():
        content.restore_entry(actor, entry)
    return _with_cache_headers(entry_payload(actor, entry), entry)


# -- personal access tokens ----------------------------------------------------------------------


def _token_payload(token) -> dict:
    return {
        "id": token.id,
        "name": token.name,
        "prefix": token.prefix,
        "read_only": token.read_only,
        "active": token.revoked_at is None,
        "created_at": token.created_at,
        "last_used_at": token.last_used_at,
        "revoked_at": token.revoked_at,
    }


@blueprint.route("/tokens")
class Tokens(MethodView):
    @blueprint.arguments(schemas.TokenListArgs, location="query")
    @blueprint.response(200, schemas.TokenListSchema, headers=LIST_HEADERS)
    @problems(*READ_PROBLEMS, 422)
    def get(self, args):
        """The caller's personal access tokens, newest first, revoked ones included."""
        _require_caller()
        return _page(token_services.tokens_of(g.api_token.user), args, _token_payload)

    @blueprint.arguments(schemas.TokenCreateSchema)
    @blueprint.response(201, schemas.TokenCreatedSchema)
    @problems(400, 401, 403, 422, 429)
    def post(self, data):
        """Create a personal access token for the caller. Its `secret` is answered only now.

        A read-only token cannot create tokens."""
        require_writer()
        try:
            with write_transaction():
                created = token_services.create_token(
                    g.api_token.user, data["name"], read_only=data["read_only"]
                )
        except token_services.TokenError as error:
            raise problem(422, str(error), errors={"name": [str(error)]}) from None
        return {**_token_payload(created.token), "secret": created.secret}, 201


@blueprint.route(f"/tokens/<{ID}:token_id>", methods=["DELETE"])
@blueprint.response(204)
@problems(*ACTION_PROBLEMS)
def revoke_token(token_id: int):
    """Revoke one of the caller's tokens (at once; revoking a revoked one changes nothing)."""
    require_writer()
    try:
        with write_transaction():
            token_services.revoke_token(g.api_token.user, token_id)
    except token_services.TokenError as error:
        raise problem(404, str(error)) from None
    return "", 204


# -- search box and editor -----------------------------------------------------------------------


@blueprint.route("/search/autocomplete")
@limiter.limit(configured_limit("search"))
@blueprint.arguments(schemas.AutocompleteArgs, location="query")
@blueprint.response(200, schemas.AutocompleteSchema)
@problems(*READ_PROBLEMS, 422)
def autocomplete(args):
    """Suggestions for a search box: titles the caller may see and topics starting with the
    last word typed."""
    items = []
    for suggestion in search_services.autocomplete(g.actor, args["q"]):
        entry, topic = suggestion.get("entry"), suggestion.get("topic")
        items.append(
            {
                "type": suggestion["type"],
                "label": suggestion["label"],
                "url": (
                    entry_url(entry)
                    if entry is not None
                    else url_for("search.search_page", thema=topic.slug, _external=True)
                ),
                "id": entry.id if entry is not None else None,
                "tenant": entry.tenant.slug if entry is not None else None,
                "topic": topic.slug if topic is not None else None,
            }
        )
    return {"query": args["q"], "suggestions": items}


@blueprint.route("/markdown", methods=["POST"])
@blueprint.arguments(schemas.MarkdownSchema)
@blueprint.response(200, schemas.RenderedSchema)
@problems(400, 401, 403, 422, 429)
def markdown(data):
    """Markdown as an entry page shows it (sanitised HTML): the editor's preview, for editors.

    Changes nothing, so a read-only token may ask too."""
    actor = _require_caller()
    if not actor.editable_tenant_ids:
        raise problem(403, _("Die Vorschau ist für Redaktionen gedacht."))
    return {"html": str(render_markdown(data["text"]))}
