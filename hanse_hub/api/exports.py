"""``/api/v1/export/…``, ``…/ical``, ``…/publiccode`` and ``…/catalogue``: the hub's lists as CSV
or JSON files, events as iCalendar, solutions as publiccode.yml (and a publiccode.yml imported as
a solution), the RDF catalogue – the same documents as the web's links (docs/standards.md), with
only what the caller may see (the catalogue: only what anyone may see)."""

from __future__ import annotations

from flask import Response, g, request
from flask_babel import gettext as _
from marshmallow import Schema, fields, validate

from hanse_hub.api import schemas
from hanse_hub.api.common import (
    ID,
    READ_PROBLEMS,
    WRITE_PROBLEMS,
    blueprint,
    callers_tenant,
    content_error,
    entry_payload,
    entry_url,
    problems,
    require_writer,
    visible_entry,
)
from hanse_hub.api.errors import problem
from hanse_hub.content.models import AdoptionStatus, EntryKind, Visibility
from hanse_hub.content.services import ContentError
from hanse_hub.database import write_transaction
from hanse_hub.extensions import configured_limit, limiter
from hanse_hub.mail import external_url
from hanse_hub.policy import PermissionDenied
from hanse_hub.search.services import SearchRequest
from hanse_hub.standards import csv_export, publiccode_mapping, rdf_catalogue
from hanse_hub.standards import icalendar as ical
from hanse_hub.tenants.services import get_tenant

FORMATS = {"csv": csv_export.CSV_MEDIA_TYPE, "json": csv_export.JSON_MEDIA_TYPE}


def _format_field():
    return fields.String(
        load_default="csv",
        validate=validate.OneOf(sorted(FORMATS)),
        metadata={"description": "csv (UTF-8 with BOM, formula-safe) or json"},
    )


class EntryExportArgs(schemas.QuerySchema):
    tenant = fields.String(required=True, validate=validate.Length(min=1, max=60))
    kind = fields.String(
        validate=validate.OneOf([k.value for k in EntryKind]),
        metadata={"description": "One kind: its own fields become columns too"},
    )
    format = _format_field()


class SearchExportArgs(schemas.SearchArgs):
    format = _format_field()

    class Meta:
        exclude = ("page", "per_page")


class AdoptionExportArgs(schemas.QuerySchema):
    tenant = fields.String(validate=validate.Length(max=60), metadata={"description": "Adopter"})
    source = fields.String(
        validate=validate.Length(max=60), metadata={"description": "Tenant of the solution"}
    )
    status = fields.String(validate=validate.OneOf([s.value for s in AdoptionStatus]))
    format = _format_field()


class CalendarArgs(schemas.QuerySchema):
    tenant = fields.String(validate=validate.Length(max=60))


BINARY = {"type": "string", "format": "binary"}
LIST_JSON = {
    "type": "object",
    "properties": {
        "total": {"type": "integer"},
        "columns": {"type": "array", "items": {"type": "string"}},
        "items": {"type": "array", "items": {"type": "object"}},
    },
}


def _file_doc(description: str, **content: dict) -> dict:
    return {"responses": {"200": {"description": description, "content": content}}}


LIST_DOC = _file_doc(
    "The list as a file: CSV with a header row, or JSON {total, columns, items}",
    **{
        csv_export.CSV_MEDIA_TYPE: {"schema": BINARY},
        csv_export.JSON_MEDIA_TYPE: {"schema": LIST_JSON},
    },
)
CALENDAR_DOC = _file_doc("An iCalendar file (RFC 5545)", **{ical.MEDIA_TYPE: {"schema": BINARY}})


def _answer(body: str | bytes, media_type: str, filename: str) -> Response:
    response = Response(body, mimetype=media_type)
    response.headers.set("Content-Disposition", "attachment", filename=filename)
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def _list_answer(columns: list[str], records: list[dict], name: str, extension: str):
    if extension == "csv":
        body = csv_export.records_csv(columns, records)
    else:
        body = csv_export.records_json(columns, records, total=len(records))
    return _answer(body, FORMATS[extension], f"{name}.{extension}")


def _tenant_or_404(slug: str):
    tenant = get_tenant(slug)
    if tenant is None:
        raise problem(404, _("Diese Organisation gibt es nicht."))
    return tenant


@blueprint.route("/export/entries")
@blueprint.arguments(EntryExportArgs, location="query")
@blueprint.doc(**LIST_DOC)
@problems(*READ_PROBLEMS, 404, 422)
def export_entries(args):
    """A tenant's entries the caller may see, as CSV or JSON (at most 5000, newest first)."""
    tenant = _tenant_or_404(args["tenant"])
    kind = EntryKind(args["kind"]) if "kind" in args else None
    entries = csv_export.tenant_entries(g.actor, tenant, kind=kind)
    records = [csv_export.entry_record(g.actor, e, entry_url) for e in entries]
    name = f"eintraege-{tenant.slug}" + (f"-{kind.value}" if kind else "")
    return _list_answer(csv_export.entry_columns(kind), records, name, args["format"])


@blueprint.route("/export/search")
@limiter.limit(configured_limit("search"))
@blueprint.arguments(SearchExportArgs, location="query")
@blueprint.doc(**LIST_DOC)
@problems(*READ_PROBLEMS, 422)
def export_search(args):
    """Every hit of a search (the parameters of `GET /search`, without paging), as CSV or
    JSON (at most 5000)."""
    search_request = SearchRequest(
        q=args["q"],
        tenants=tuple(args["tenant"]),
        kinds=tuple(args["kind"]),
        topics=tuple(args["topic"]),
        years=tuple(args["year"]),
        sort=args["sort"],
        include_archived=args["archived"],
        kind_words=False,
        exact=args["exact"],
    )
    entries = csv_export.search_entries(g.actor, search_request)
    kind = EntryKind(args["kind"][0]) if len(args["kind"]) == 1 else None
    records = [csv_export.entry_record(g.actor, e, entry_url) for e in entries]
    return _list_answer(csv_export.entry_columns(kind), records, "suche", args["format"])


@blueprint.route("/export/adoptions")
@blueprint.arguments(AdoptionExportArgs, location="query")
@blueprint.doc(**LIST_DOC)
@problems(*READ_PROBLEMS, 404, 422)
def export_adoptions(args):
    """Adoptions the caller may see (of an adopting `tenant`, from a `source` tenant, with a
    `status`), as CSV or JSON."""
    tenant = _tenant_or_404(args["tenant"]) if "tenant" in args else None
    source = _tenant_or_404(args["source"]).slug if "source" in args else None
    found = csv_export.adoptions(g.actor, tenant=tenant, source=source, status=args.get("status"))
    records = [csv_export.adoption_record(g.actor, a, entry_url) for a in found]
    return _list_answer(list(csv_export.ADOPTION_COLUMNS), records, "uebernahmen", args["format"])


@blueprint.route("/events/ical")
@blueprint.arguments(CalendarArgs, location="query")
@blueprint.doc(**CALENDAR_DOC)
@problems(*READ_PROBLEMS, 404, 422)
def events_calendar(args):
    """The events the caller may see (of one `tenant`), from a year ago on, as a calendar
    feed; drafts never."""
    tenant = _tenant_or_404(args["tenant"]) if "tenant" in args else None
    events = ical.feed_events(g.actor, tenant=tenant)
    name = tenant.short_name if tenant else "Smarte Hanse"
    body = ical.calendar_of(events, name=name, link=entry_url)
    return _answer(body, ical.MEDIA_TYPE, "veranstaltungen.ics")


@blueprint.route(f"/entries/<{ID}:entry_id>/ical")
@blueprint.doc(**CALENDAR_DOC)
@problems(*READ_PROBLEMS, 404)
def entry_calendar(entry_id: int):
    """An event as an iCalendar file (404 for other kinds)."""
    entry = visible_entry(entry_id)
    if entry.kind != EntryKind.EVENT:
        raise problem(404, _("Nur Veranstaltungen gibt es als Kalenderdatei."))
    body = ical.calendar_of([entry], name=entry.title, link=entry_url)
    return _answer(body, ical.MEDIA_TYPE, f"{entry.slug}.ics")


# -- publiccode.yml -------------------------------------------------------------------------------


class PubliccodeUploadSchema(schemas.QuerySchema):
    file = fields.Raw(required=True, metadata={"type": "string", "format": "binary"})
    tenant = fields.String(
        validate=validate.Length(max=60), metadata={"description": "Without: the caller's only"}
    )
    visibility = fields.String(validate=validate.OneOf([v.value for v in Visibility]))


class IssueSchema(Schema):
    severity = fields.String(metadata={"example": "warning"})
    key = fields.String(metadata={"example": "legal.repoOwner"})
    message = fields.String()
    line = fields.Integer()


class PubliccodeImportSchema(Schema):
    entry = fields.Nested(schemas.EntrySchema)
    issues = fields.List(
        fields.Nested(IssueSchema),
        metadata={"description": "What the validator found (the import keeps everything)"},
    )


PUBLICCODE_DOC = _file_doc(
    "The solution as publiccode.yml", **{publiccode_mapping.MEDIA_TYPE: {"schema": BINARY}}
)


@blueprint.route("/entries/import/publiccode", methods=["POST"])
@blueprint.arguments(PubliccodeUploadSchema, location="files", content_type="multipart/form-data")
@blueprint.response(201, PubliccodeImportSchema)
@problems(*WRITE_PROBLEMS)
def import_publiccode(files):
    """Import a publiccode.yml (multipart field `file`; form fields `tenant`, `visibility`) as
    a new draft solution. Findings of the validator come back as `issues`; what the hub has
    no field for is kept with the entry and written again on export."""
    actor = require_writer()
    tenant = callers_tenant(
        request.form.get("tenant") or None,
        _("Bitte geben Sie an, für welche Organisation der Eintrag ist."),
    )
    visibility = request.form.get("visibility") or Visibility.PUBLIC.value
    if visibility not in {v.value for v in Visibility}:
        raise problem(422, _("Diese Sichtbarkeit gibt es nicht."))
    try:
        with write_transaction():
            solution, issues = publiccode_mapping.import_solution(
                actor, tenant, files["file"].read(), visibility=Visibility(visibility)
            )
    except PermissionDenied:
        raise problem(
            403, _("Sie dürfen für %(tenant)s keine Einträge anlegen.", tenant=tenant.short_name)
        ) from None
    except ContentError as error:
        raise content_error(error) from None
    return {
        "entry": entry_payload(actor, solution),
        "issues": [
            {"severity": i.severity, "key": i.key, "message": i.message, "line": i.line}
            for i in issues
        ],
    }, 201


@blueprint.route(f"/entries/<{ID}:entry_id>/publiccode")
@blueprint.doc(**PUBLICCODE_DOC)
@problems(*READ_PROBLEMS, 404, 409)
def export_publiccode(entry_id: int):
    """A solution as publiccode.yml; 409 names what it still lacks (docs/standards.md)."""
    entry = visible_entry(entry_id)
    if entry.kind != EntryKind.SOLUTION:
        raise problem(404, _("Nur Lösungen gibt es als publiccode.yml."))
    missing = publiccode_mapping.export_problems(g.actor, entry)
    if missing:
        raise problem(
            409,
            _(
                "Für eine gültige publiccode.yml fehlt noch: %(missing)s",
                missing="; ".join(missing),
            ),
        )
    body = publiccode_mapping.export_text(g.actor, entry)
    return _answer(body, publiccode_mapping.MEDIA_TYPE, "publiccode.yml")


# -- RDF catalogue --------------------------------------------------------------------------------


class CatalogueArgs(schemas.QuerySchema):
    format = fields.String(
        load_default="ttl",
        validate=validate.OneOf(sorted(rdf_catalogue.FORMATS)),
        metadata={"description": "ttl (Turtle), jsonld (JSON-LD) or rdf (RDF/XML)"},
    )


JSON_LD = {
    "type": "object",
    "properties": {"@context": {"type": "object"}, "@graph": {"type": "array"}},
}
CATALOGUE_DOC = _file_doc(
    "RDF: DCAT-AP catalogue, ADMS-AP assets, DCAT-AP.de datasets (docs/standards.md)",
    **{
        media: {"schema": JSON_LD if media == "application/ld+json" else BINARY}
        for _fmt, media in rdf_catalogue.FORMATS.values()
    },
)


def _catalogue_links() -> rdf_catalogue.Links:
    """The same IRIs as the web's catalogue (``/katalog``)."""
    return rdf_catalogue.hub_links(external_url)


def _rdf_answer(graph, extension: str, name: str) -> Response:
    _fmt, media_type = rdf_catalogue.FORMATS[extension]
    body = rdf_catalogue.serialise(graph, extension)
    return _answer(body, media_type, f"{name}.{extension}")


@blueprint.route("/catalogue")
@limiter.limit(configured_limit("search"))
@blueprint.arguments(CatalogueArgs, location="query")
@blueprint.doc(**CATALOGUE_DOC)
@problems(*READ_PROBLEMS, 422)
def catalogue(args):
    """The hub as an RDF catalogue: public, published solutions as ADMS-AP assets and the open
    data public entries link to as DCAT-AP.de datasets – what anyone may see, whoever asks."""
    graph = rdf_catalogue.catalogue_graph(_catalogue_links())
    return _rdf_answer(graph, args["format"], "katalog")


@blueprint.route(f"/entries/<{ID}:entry_id>/catalogue")
@blueprint.arguments(CatalogueArgs, location="query")
@blueprint.doc(**CATALOGUE_DOC)
@problems(*READ_PROBLEMS, 404, 422)
def entry_catalogue(args, entry_id: int):
    """One entry's part of the RDF catalogue (its asset, the open data it links to); 404 when
    the entry is not public and published, or has no part in the catalogue."""
    entry = visible_entry(entry_id)
    graph = rdf_catalogue.entry_graph(entry, _catalogue_links())
    if graph is None:
        raise problem(
            404,
            _(
                "Dieser Eintrag steht nicht im Katalog: Dort stehen nur öffentliche, "
                "veröffentlichte Lösungen und Einträge, die auf offene Daten verweisen."
            ),
        )
    return _rdf_answer(graph, args["format"], entry.slug)
