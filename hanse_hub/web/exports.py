"""Open-standard files of what a viewer may see (docs/standards.md).

- ``/veranstaltungen.ics``, ``/t/<stadt>/veranstaltungen.ics``: calendar feeds of events;
- ``/t/<stadt>/<eintrag>/kalender.ics``: one event as an iCalendar file;
- ``/t/<stadt>/<lösung>/publiccode.yml``: a solution as publiccode.yml, and
  ``POST /t/<stadt>/neu/publiccode``: a publiccode.yml upload as a new draft solution;
- ``/katalog`` (content negotiation), ``/katalog.ttl``/``.jsonld``/``.rdf``: the RDF catalogue
  (DCAT-AP, ADMS-AP, DCAT-AP.de) of public entries, ``/t/<stadt>/<eintrag>/katalog.ttl`` …: one
  entry's part of it;
- ``/suche.csv``/``.json`` (same parameters as ``/suche``), ``/t/<stadt>/eintraege.csv``/``.json``
  (``?art=``), ``/wissenstransfer/uebernahmen.csv``/``.json`` (``?von=&nach=&status=``): lists.

Every file lists only what the viewer may see – the same ``visible_entries`` as the pages; a
calendar program without the viewer's session sees the public events.
"""

from __future__ import annotations

from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import login_required

from hanse_hub.content.editing import KIND_DESCRIPTIONS
from hanse_hub.content.models import AdoptionStatus, Entry, EntryKind, Visibility
from hanse_hub.content.services import ContentError, EntryNotFound, get_entry_by_slug
from hanse_hub.database import write_transaction
from hanse_hub.extensions import configured_limit, limiter
from hanse_hub.mail import external_url
from hanse_hub.policy import PermissionDenied, can_create_in
from hanse_hub.search.query_args import search_request_from_args
from hanse_hub.standards import csv_export, publiccode_mapping, rdf_catalogue
from hanse_hub.standards import icalendar as ical
from hanse_hub.tenants.models import Tenant
from hanse_hub.tenants.services import SLUG_PATTERN, get_tenant, list_tenants
from hanse_hub.web.context import current_actor

blueprint = Blueprint("exports", __name__)


def absolute_entry_url(entry: Entry) -> str:
    return url_for(
        "content.entry_page", tenant_slug=entry.tenant.slug, slug=entry.slug, _external=True
    )


def download(body: bytes | str, media_type: str, filename: str, *, inline: bool = False):
    """A file answer with its name; ``inline`` for feeds that programs subscribe to."""
    response = Response(body, mimetype=media_type)
    disposition = "inline" if inline else "attachment"
    response.headers.set("Content-Disposition", disposition, filename=filename)
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def tenant_or_404(slug: str) -> Tenant:
    tenant = get_tenant(slug) if len(slug) <= 80 and SLUG_PATTERN.match(slug) else None
    if tenant is None:
        abort(404)
    return tenant


def visible_entry_or_404(tenant_slug: str, slug: str) -> Entry:
    tenant = tenant_or_404(tenant_slug)
    if "\x00" in slug or len(slug) > 200:
        abort(404)
    try:
        return get_entry_by_slug(current_actor(), tenant, slug).entry
    except EntryNotFound:
        abort(404)


# -- iCalendar ------------------------------------------------------------------------------------


def _calendar_response(events, name: str, filename: str):
    body = ical.calendar_of(events, name=name, link=absolute_entry_url)
    return download(body, ical.MEDIA_TYPE, filename, inline=True)


@blueprint.route("/veranstaltungen.ics")
def events_feed():
    events = ical.feed_events(current_actor())
    return _calendar_response(events, _("Veranstaltungen der Smarten Hanse"), "veranstaltungen.ics")


@blueprint.route("/t/<slug>/veranstaltungen.ics")
def tenant_events_feed(slug: str):
    tenant = tenant_or_404(slug)
    events = ical.feed_events(current_actor(), tenant=tenant)
    return _calendar_response(
        events,
        _("Veranstaltungen: %(tenant)s", tenant=tenant.short_name),
        f"veranstaltungen-{tenant.slug}.ics",
    )


@blueprint.route("/t/<tenant_slug>/<slug>/kalender.ics")
def event_file(tenant_slug: str, slug: str):
    entry = visible_entry_or_404(tenant_slug, slug)
    if entry.kind != EntryKind.EVENT:
        abort(404)
    body = ical.calendar_of([entry], name=entry.title, link=absolute_entry_url)
    return download(body, ical.MEDIA_TYPE, f"{entry.slug}.ics")


# -- CSV and JSON of lists ------------------------------------------------------------------------

LIST_FORMATS = {"csv": csv_export.CSV_MEDIA_TYPE, "json": csv_export.JSON_MEDIA_TYPE}


def list_download(columns: list[str], records: list[dict], name: str, extension: str):
    """The records as CSV (BOM, formula-safe) or JSON, as a download named ``name``."""
    if extension == "csv":
        body = csv_export.records_csv(columns, records)
    else:
        body = csv_export.records_json(columns, records, total=len(records))
    return download(body, LIST_FORMATS[extension], f"{name}.{extension}")


def _kind_parameter(value: str | None) -> EntryKind | None:
    return EntryKind(value) if value in set(EntryKind) else None


@blueprint.route("/suche.<any(csv, json):extension>")
@limiter.limit(configured_limit("search"))
def search_list(extension: str):
    """Every hit of a search (the parameters of ``/suche``), not just one page."""
    actor = current_actor()
    search_request = search_request_from_args(request.args)
    entries = csv_export.search_entries(actor, search_request)
    kind = _kind_parameter(search_request.kinds[0]) if len(search_request.kinds) == 1 else None
    columns = csv_export.entry_columns(kind)
    records = [csv_export.entry_record(actor, e, absolute_entry_url) for e in entries]
    return list_download(columns, records, "suche", extension)


@blueprint.route("/t/<slug>/eintraege.<any(csv, json):extension>")
def tenant_list(slug: str, extension: str):
    """A tenant's entries the viewer may see (``?art=`` one kind, with its own fields)."""
    tenant = tenant_or_404(slug)
    actor = current_actor()
    kind = _kind_parameter(request.args.get("art"))
    entries = csv_export.tenant_entries(actor, tenant, kind=kind)
    columns = csv_export.entry_columns(kind)
    records = [csv_export.entry_record(actor, e, absolute_entry_url) for e in entries]
    name = f"eintraege-{tenant.slug}" + (f"-{kind.value}" if kind else "")
    return list_download(columns, records, name, extension)


@blueprint.route("/wissenstransfer/uebernahmen.<any(csv, json):extension>")
def adoption_list(extension: str):
    """The adoptions of ``/wissenstransfer/uebernahmen`` with the same filters."""
    actor = current_actor()

    def slug_parameter(name: str) -> str | None:
        value = request.args.get(name) or None
        return value if value is not None and get_tenant(value[:80]) is not None else None

    status = request.args.get("status")
    found = csv_export.adoptions(
        actor,
        source=slug_parameter("von"),
        target=slug_parameter("nach"),
        status=status if status in set(AdoptionStatus) else None,
    )
    records = [csv_export.adoption_record(actor, a, absolute_entry_url) for a in found]
    return list_download(list(csv_export.ADOPTION_COLUMNS), records, "uebernahmen", extension)


# -- publiccode.yml -------------------------------------------------------------------------------


@blueprint.app_template_global("publiccode_problems")
def publiccode_problems(entry: Entry) -> list[str]:
    """What a solution lacks for a valid publiccode.yml (empty: the export is offered)."""
    return publiccode_mapping.export_problems(current_actor(), entry)


@blueprint.route("/t/<tenant_slug>/<slug>/publiccode.yml")
def solution_publiccode(tenant_slug: str, slug: str):
    entry = visible_entry_or_404(tenant_slug, slug)
    if entry.kind != EntryKind.SOLUTION or publiccode_problems(entry):
        abort(404)
    body = publiccode_mapping.export_text(current_actor(), entry)
    return download(body, publiccode_mapping.MEDIA_TYPE, "publiccode.yml", inline=True)


@blueprint.route("/t/<tenant_slug>/neu/publiccode", methods=["POST"])
@login_required
def import_publiccode(tenant_slug: str):
    """The upload form of "Neuer Eintrag": a publiccode.yml becomes a draft solution."""
    tenant = tenant_or_404(tenant_slug)
    actor = current_actor()
    if not can_create_in(actor, tenant.id):
        abort(403)
    upload = request.files.get("datei")
    error = None
    if upload is None or not upload.filename:
        error = _("Bitte wählen Sie eine publiccode.yml aus.")
    else:
        try:
            with write_transaction():
                solution, issues = publiccode_mapping.import_solution(
                    actor,
                    tenant,
                    upload.read(publiccode_mapping.MAX_BYTES + 1),
                    visibility=Visibility.PUBLIC,
                )
        except (ContentError, PermissionDenied) as problem:
            error = str(problem) or _("Sie dürfen hier keine Einträge anlegen.")
        else:
            flash(
                _(
                    "„%(title)s“ ist aus der publiccode.yml als Entwurf angelegt; alle Angaben "
                    "der Datei sind erhalten. Hinweise der Prüfung: %(count)d.",
                    title=solution.title,
                    count=len(issues),
                ),
                "success",
            )
            for issue in issues[:20]:
                flash(str(issue), "warning" if issue.severity == "warning" else "error")
            return redirect(
                url_for("content.entry_page", tenant_slug=tenant.slug, slug=solution.slug)
            )
    tenants = [t for t in list_tenants() if actor.may_edit_in(t.id)]
    return (
        render_template(
            "content/new.html",
            tenants=tenants,
            kinds=list(EntryKind),
            descriptions=KIND_DESCRIPTIONS,
            import_error=error,
            import_tenant=tenant.slug,
        ),
        422,
    )


# -- RDF catalogue --------------------------------------------------------------------------------

RDF_MEDIA_TYPES = {media: ext for ext, (_fmt, media) in rdf_catalogue.FORMATS.items()}
# What ``/katalog`` answers, in the order it prefers them (a browser gets the page).
NEGOTIATED = ("text/html", *RDF_MEDIA_TYPES, "application/xhtml+xml")


def catalogue_links() -> rdf_catalogue.Links:
    return rdf_catalogue.hub_links(external_url)


def rdf_download(graph, extension: str, filename: str):
    _fmt, media_type = rdf_catalogue.FORMATS[extension]
    body = rdf_catalogue.serialise(graph, extension)
    response = download(body, media_type, filename, inline=True)
    response.headers["Access-Control-Allow-Origin"] = "*"  # public data, for harvesters
    return response


@blueprint.route("/katalog")
@limiter.limit(configured_limit("search"))
def catalogue():
    """Content negotiation: the RDF catalogue for RDF clients, a page for people; 406 else."""
    accept = request.accept_mimetypes
    best = accept.best_match(NEGOTIATED) if accept else "text/html"  # no Accept: the page
    if best in RDF_MEDIA_TYPES:
        response = _catalogue_answer(RDF_MEDIA_TYPES[best])
    elif best is not None:
        response = make_response(render_template("web/catalogue.html"))
    else:
        offered = ", ".join(NEGOTIATED[:-1])
        response = Response(
            _(
                "Der Katalog ist in diesen Formaten zu haben: %(offered)s. Ihre Anfrage "
                "(Accept: %(accept)s) nennt keines davon.",
                offered=offered,
                accept=request.headers.get("Accept", "")[:200],
            )
            + "\n",
            status=406,
            mimetype="text/plain",
        )
    response.vary.add("Accept")
    return response


def _catalogue_answer(extension: str):
    graph = rdf_catalogue.catalogue_graph(catalogue_links())
    return rdf_download(graph, extension, f"katalog.{extension}")


@blueprint.route("/katalog.<any(ttl, jsonld, rdf):extension>")
@limiter.limit(configured_limit("search"))  # the whole hub in one answer: limited like search
def catalogue_file(extension: str):
    """The whole catalogue: public solutions (ADMS-AP) and linked open data (DCAT-AP.de)."""
    return _catalogue_answer(extension)


@blueprint.route("/t/<tenant_slug>/<slug>/katalog.<any(ttl, jsonld, rdf):extension>")
def entry_catalogue_file(tenant_slug: str, slug: str, extension: str):
    """One entry's part of the catalogue (404 unless it is public and in the catalogue)."""
    entry = visible_entry_or_404(tenant_slug, slug)
    graph = rdf_catalogue.entry_graph(entry, catalogue_links())
    if graph is None:
        abort(404)
    return rdf_download(graph, extension, f"{entry.slug}.{extension}")


@blueprint.app_template_global("in_rdf_catalogue")
def in_rdf_catalogue(entry: Entry) -> bool:
    """Whether the entry has a part of the RDF catalogue (its page links it)."""
    return rdf_catalogue.has_part(entry)
