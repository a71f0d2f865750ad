"""``/api/v1/entries``: list, create, read, change (fields, consent, status) and delete entries.

Creating and changing go through ``content.services.save_entry``, as the web's edit form does:
one rule for consent and status (archiving a draft is refused).
"""

from __future__ import annotations

from flask import g, request, url_for
from flask.views import MethodView
from flask_babel import gettext as _

from hanse_hub.api import schemas
from hanse_hub.api.common import (
    ID,
    LIST_HEADERS,
    READ_PROBLEMS,
    WRITE_PROBLEMS,
    blueprint,
    callers_tenant,
    content_error,
    empty_list,
    entry_payload,
    entry_write_problems,
    etag,
    etag_value,
    expected_version,
    list_response,
    problems,
    require_json_body,
    require_writer,
    visible_entry,
    with_cache_headers,
)
from hanse_hub.api.errors import problem
from hanse_hub.content import services as content
from hanse_hub.content.models import Entry, EntryKind, EntryStatus
from hanse_hub.content.topics import get_topic
from hanse_hub.database import write_transaction
from hanse_hub.paging import page_of
from hanse_hub.policy import Actor, PermissionDenied
from hanse_hub.tenants.services import get_tenant


def service_input(data: dict) -> dict:
    """API field names → service field names."""
    data = dict(data)
    data.pop("consent", None)
    data.pop("status", None)
    data.pop("minor", None)
    if "translation_of" in data:
        data["translation_of_id"] = data.pop("translation_of")
    return data


@blueprint.route("/entries")
class Entries(MethodView):
    @blueprint.arguments(schemas.EntryListArgs, location="query")
    @blueprint.response(
        200,
        schemas.EntryListSchema,
        headers=LIST_HEADERS,
    )
    @problems(*READ_PROBLEMS, 422)
    def get(self, args):
        """Entries the caller may see, newest first, filtered."""
        actor: Actor = g.actor
        tenant = topic = None
        if "tenant" in args and (tenant := get_tenant(args["tenant"])) is None:
            return empty_list(args)
        if "topic" in args and (topic := get_topic(args["topic"])) is None:
            return empty_list(args)
        query = content.visible_entries(
            actor,
            tenant=tenant,
            topic=topic,
            kind=EntryKind(args["kind"]) if "kind" in args else None,
            status=EntryStatus(args["status"]) if "status" in args else None,
        )
        if "visibility" in args:
            query = query.where(Entry.visibility == args["visibility"])
        page = page_of(query, args["page"], args["per_page"])
        return list_response(page, lambda entry: entry_payload(actor, entry))

    @blueprint.arguments(schemas.EntryCreateSchema)
    @blueprint.response(201, schemas.EntrySchema)
    @problems(*WRITE_PROBLEMS)
    def post(self, data):
        """Create an entry. Without `tenant`, the caller's only tenant owns it."""
        actor = require_writer()
        tenant = callers_tenant(
            data.pop("tenant", None),
            _("Bitte geben Sie an, für welche Organisation der Eintrag ist."),
        )
        kind = EntryKind(data.pop("kind"))
        status = data.get("status") or (
            EntryStatus.PUBLISHED if actor.may_edit_in(tenant.id) else EntryStatus.DRAFT
        )
        consent = data.get("consent")
        try:
            with write_transaction():
                entry = content.save_entry(
                    actor, tenant, service_input(data), kind=kind, status=status, consent=consent
                )
        except PermissionDenied:
            raise problem(
                403,
                _("Sie dürfen für %(tenant)s keine Einträge anlegen.", tenant=tenant.short_name),
            ) from None
        except content.ContentError as error:
            raise content_error(error) from None
        return (
            entry_payload(actor, entry),
            201,
            {
                "Location": url_for("api.EntryResource", entry_id=entry.id, _external=True),
                "ETag": etag(entry),
            },
        )


@blueprint.route(f"/entries/<{ID}:entry_id>")
class EntryResource(MethodView):
    @blueprint.response(
        200,
        schemas.EntrySchema,
        headers={
            "ETag": {
                "description": "version tag, for If-None-Match and If-Match",
                "schema": {"type": "string"},
            },
        },
    )
    @blueprint.alt_response(304, description="Not modified (If-None-Match matched)")
    @problems(*READ_PROBLEMS, 404)
    def get(self, entry_id: int):
        """One entry. Answers 304 when `If-None-Match` carries its current ETag."""
        entry = visible_entry(entry_id)
        if request.if_none_match.contains(etag_value(entry)):
            return "", 304, {"ETag": etag(entry)}
        return with_cache_headers(entry_payload(g.actor, entry), entry)

    @blueprint.arguments(schemas.EntryUpdateSchema)
    @blueprint.response(200, schemas.EntrySchema)
    @problems(*WRITE_PROBLEMS, 412)
    def patch(self, data, entry_id: int):
        """Change an entry. Send `If-Match` with the ETag you read to avoid lost updates."""
        actor = require_writer()
        require_json_body()
        entry = visible_entry(entry_id)
        expected = expected_version(entry)
        foreign = sorted(
            set(data) & (schemas.ALL_KIND_FIELDS - schemas.FIELDS_OF_KIND[str(entry.kind)])
        )
        if foreign:
            message = _("Nicht für diese Art.")
            raise problem(
                422,
                _("Diese Felder gehören nicht zur Art des Eintrags."),
                errors={name: [message] for name in foreign},
            )
        with entry_write_problems(), write_transaction():
            content.save_entry(
                actor,
                entry.tenant,
                service_input(data),
                entry=entry,
                status=data.get("status"),
                consent=data.get("consent"),
                expected_version=expected,
                minor=bool(data.get("minor")),
            )
        return with_cache_headers(entry_payload(actor, entry), entry)

    @blueprint.response(204)
    @problems(400, 401, 403, 404, 412, 429)
    def delete(self, entry_id: int):
        """Delete an entry (its city's admins can restore it)."""
        actor = require_writer()
        entry = visible_entry(entry_id)
        expected = expected_version(entry)
        try:
            with write_transaction():
                content.delete_entry(actor, entry, expected_version=expected)
        except PermissionDenied:
            raise problem(403, _("Sie dürfen diesen Eintrag nicht löschen.")) from None
        except content.StaleEntry as error:  # the race was lost inside the transaction
            raise problem(
                412,
                _(
                    "Der Eintrag wurde inzwischen geändert. Bitte laden Sie ihn "
                    "neu und wiederholen Sie Ihre Änderung."
                ),
                current_version=error.current_version,
            ) from None
        return "", 204
