"""``/api/v1``: tenants, topics, entries, attachments, search, similar entries, adoptions.

Every view validates its input with a marshmallow schema, calls the same service
function as the web interface, and commits once (``write_transaction``). Entries the
caller may not see answer 404, never 403, so that their existence does not leak.
"""

from __future__ import annotations

from contextlib import contextmanager

from flask import current_app, g, request, send_file, url_for
from flask.views import MethodView
from flask_babel import gettext as _
from flask_smorest import Blueprint
from marshmallow import ValidationError
from sqlalchemy import func, select

from hanse_hub.api import schemas
from hanse_hub.api.auth import authenticate_request, require_writer
from hanse_hub.api.errors import problem
from hanse_hub.content import adoptions as adoption_services
from hanse_hub.content import services as content
from hanse_hub.content.attachments import (
    ALLOWED_MEDIA_TYPES,
    AttachmentMetadata,
    AttachmentRejected,
    add_attachment,
    get_attachment,
)
from hanse_hub.content.models import (
    Adoption,
    Contact,
    Entry,
    EntryKind,
    EntryStatus,
)
from hanse_hub.content.storage import storage_for
from hanse_hub.content.topics import get_topic, list_topics
from hanse_hub.database import write_transaction
from hanse_hub.extensions import configured_limit, db, limiter
from hanse_hub.policy import Actor, PermissionDenied
from hanse_hub.search import services as search_services
from hanse_hub.tenants.models import Tenant
from hanse_hub.tenants.services import get_tenant, list_tenants

blueprint = Blueprint(
    "api", __name__, url_prefix="/api/v1", description="The Smarte Hanse hub's REST API"
)
blueprint.before_request(authenticate_request)
limiter.limit(configured_limit("write"), methods=["POST", "PATCH", "DELETE"])(blueprint)

READ_PROBLEMS = (400, 401, 429)
WRITE_PROBLEMS = (400, 401, 403, 404, 409, 413, 415, 422, 429)
# Ids in paths: a number beyond any id answers 404 here, not an overflow in the database.
ID = f"int(min=1, max={schemas.MAX_ID})"


def problems(*statuses: int):
    """Document the problem+json answers an operation can give."""

    def decorate(view):
        for status in statuses:
            view = blueprint.alt_response(status, response=f"Problem{status}")(view)
        return view

    return decorate


# -- serialising ---------------------------------------------------------------------------------


def entry_url(entry: Entry) -> str:
    return url_for(
        "content.entry_page", tenant_slug=entry.tenant.slug, slug=entry.slug, _external=True
    )


def entry_payload(actor: Actor, entry: Entry) -> dict:
    """An entry as the API shows it to ``actor``: links only to what ``actor`` may see."""
    kind = str(entry.kind)
    links = content.related_entries(actor, entry, reverse=False)
    data = {
        "id": entry.id,
        "uuid": entry.uuid,
        "kind": kind,
        "tenant": entry.tenant.slug,
        "title": entry.title,
        "slug": entry.slug,
        "summary": entry.summary,
        "body": entry.body,
        "topics": [t.slug for t in entry.topics],
        "tags": list(entry.tags),
        "language": entry.language,
        "licence": entry.licence,
        "translation_of": links["translation_of"][0].id if links["translation_of"] else None,
        "visibility": str(entry.visibility),
        "status": str(entry.status),
        "participants": [t.slug for t in entry.participants],
        "version": entry.version,
        "review_by": entry.review_by,
        "url": entry_url(entry),
        "created_at": entry.created_at,
        "updated_at": entry.updated_at,
        "published_at": entry.published_at,
    }
    for name in schemas.FIELDS_OF_KIND[kind] - {"consent", "has_consent"}:
        if name in content.KIND_FIELDS[entry.kind]:
            value = getattr(entry, name)
            data[name] = str(value) if name == "maturity" else value
    for name, (relationship, _target) in content.KIND_LINKS.get(entry.kind, {}).items():
        data[name] = [linked.id for linked in links[relationship]]
    for name in content.KIND_REFERENCES.get(entry.kind, {}):
        linked = links[name.removesuffix("_id")]
        data[name] = linked[0].id if linked else None
    if isinstance(entry, Contact):
        data["has_consent"] = entry.has_consent
    return data


def attachment_payload(attachment) -> dict:
    return {
        "id": attachment.id,
        "uuid": attachment.uuid,
        "entry_id": attachment.entry_id,
        "original_filename": attachment.original_filename,
        "media_type": attachment.media_type,
        "size": attachment.size,
        "description": attachment.description,
        "alt_text": attachment.alt_text,
        "language": attachment.language,
        "created_at": attachment.created_at,
        "download_url": url_for(
            "api.attachment_content", attachment_id=attachment.id, _external=True
        ),
    }


def adoption_payload(adoption: Adoption) -> dict:
    return {
        "id": adoption.id,
        "uuid": adoption.uuid,
        "tenant": adoption.tenant.slug,
        "solution_id": adoption.solution_id,
        "solution_tenant": adoption.solution.tenant.slug,
        "status": str(adoption.status),
        "changes": adoption.changes,
        "contact_id": adoption.contact_id,
        "started_on": adoption.started_on,
        "decided_on": adoption.decided_on,
        "visibility": str(adoption.visibility),
        "created_at": adoption.created_at,
        "updated_at": adoption.updated_at,
    }


def paginate(total: int, page: int, per_page: int) -> dict:
    """Link and X-Total-Count headers for a page of a list."""
    last = max(1, -(-total // per_page))
    links = []
    args = request.args.to_dict(flat=False)
    for rel, number in (("first", 1), ("prev", page - 1), ("next", page + 1), ("last", last)):
        if 1 <= number <= last and (rel not in ("prev", "next") or number != page):
            target = url_for(
                request.endpoint,
                **{**request.view_args, **args, "page": number, "per_page": per_page},
                _external=True,
            )
            links.append(f'<{target}>; rel="{rel}"')
    headers = {"X-Total-Count": str(total)}
    if links:
        headers["Link"] = ", ".join(links)
    return headers


# -- helpers -------------------------------------------------------------------------------------


def _visible_entry(entry_id: int) -> Entry:
    try:
        return content.get_entry(g.actor, entry_id)
    except content.EntryNotFound:
        raise problem(
            404, _("Diesen Eintrag gibt es nicht, oder er ist für Sie nicht sichtbar.")
        ) from None


def _callers_tenant(slug: str | None, which_tenant: str) -> Tenant:
    """The tenant named by ``slug``, else the caller's only one; else 422 with ``which_tenant``
    (the question which tenant is meant, as a whole sentence)."""
    actor: Actor = g.actor
    if slug:
        tenant = get_tenant(slug)
        if tenant is None:
            raise problem(
                422,
                _("Unbekannte Organisation „%(slug)s“.", slug=slug),
                errors={"tenant": [_("Unbekannte Organisation.")]},
            )
        return tenant
    tenant_ids = list(actor.roles)
    if len(tenant_ids) != 1:
        raise problem(422, which_tenant, errors={"tenant": [_("Angabe erforderlich.")]})
    return db.session.get(Tenant, tenant_ids[0])


def _service_input(data: dict) -> dict:
    """API field names → service field names."""
    data = dict(data)
    data.pop("consent", None)
    data.pop("status", None)
    if "translation_of" in data:
        data["translation_of_id"] = data.pop("translation_of")
    return data


def _require_json_body() -> None:
    """Refuse a body that is not JSON, or none: webargs reads either as no fields at all, and a
    PATCH would answer 200 having silently changed nothing."""
    if not request.is_json:
        raise problem(415, _("Bitte senden Sie die Angaben als JSON (application/json)."))
    if not request.get_data(cache=True):
        raise problem(400, _("Die Anfrage enthält keine Angaben."))


def _upload_form() -> dict:
    """The form fields of an upload, checked as documented (webargs reads only the file)."""
    repeated = sorted(
        name
        for name in {*request.form, *request.files}
        if len(request.form.getlist(name)) + len(request.files.getlist(name)) > 1
    )
    try:
        if repeated:
            message = _("Bitte nur einen Wert senden.")
            raise ValidationError({name: [message] for name in repeated})
        return schemas.AttachmentFormSchema().load(request.form.to_dict())
    except ValidationError as error:
        names = ", ".join(sorted(map(str, error.messages)))
        raise problem(
            422, _("Bitte prüfen Sie die Angaben: %(fields)s.", fields=names), errors=error.messages
        ) from None


def _content_error(error: content.ContentError):
    field = error.field or "_schema"
    return problem(422, str(error), errors={field: [str(error)]})


@contextmanager
def entry_write_problems():
    """A write to an entry: the services' refusals as problem responses (403, 409, 422)."""
    try:
        yield
    except PermissionDenied:
        raise problem(403, _("Sie dürfen diesen Eintrag nicht ändern.")) from None
    except content.StaleEntry as error:
        raise problem(
            409,
            _("Der Eintrag wurde gleichzeitig geändert."),
            current_version=error.current_version,
        ) from None
    except content.ContentError as error:
        raise _content_error(error) from None


def _etag_value(entry: Entry) -> str:
    return f"e{entry.id}-v{entry.version}"


def _etag(entry: Entry) -> str:
    return f'"{_etag_value(entry)}"'


def _with_cache_headers(response_data, entry: Entry):
    return (
        response_data,
        200,
        {
            "ETag": _etag(entry),
            "Last-Modified": entry.updated_at.strftime("%a, %d %b %Y %H:%M:%S GMT"),
            "Cache-Control": "private, no-cache",
        },
    )


# -- tenants and topics --------------------------------------------------------------------------


@blueprint.route("/tenants")
@blueprint.response(200, schemas.TenantSchema(many=True))
@problems(*READ_PROBLEMS)
def tenants():
    """The organisations of the network."""
    return [
        {
            **{
                c: getattr(t, c)
                for c in (
                    "slug",
                    "official_name",
                    "short_name",
                    "colour",
                    "website",
                    "contact_address",
                )
            },
            "kind": str(t.kind),
        }
        for t in list_tenants()
    ]


@blueprint.route("/topics")
@blueprint.response(200, schemas.TopicSchema(many=True))
@problems(*READ_PROBLEMS)
def topics():
    """The topic taxonomy (Handlungsfelder)."""
    return list_topics()


# -- entries -------------------------------------------------------------------------------------


@blueprint.route("/entries")
class Entries(MethodView):
    @blueprint.arguments(schemas.EntryListArgs, location="query")
    @blueprint.response(
        200,
        schemas.EntryListSchema,
        headers={
            "Link": {"description": "first/prev/next/last pages", "schema": {"type": "string"}},
            "X-Total-Count": {"description": "number of entries", "schema": {"type": "integer"}},
        },
    )
    @problems(*READ_PROBLEMS, 422)
    def get(self, args):
        """Entries the caller may see, newest first, filtered."""
        actor: Actor = g.actor
        tenant = topic = None
        if "tenant" in args and (tenant := get_tenant(args["tenant"])) is None:
            return {"total": 0, "page": args["page"], "per_page": args["per_page"], "items": []}
        if "topic" in args and (topic := get_topic(args["topic"])) is None:
            return {"total": 0, "page": args["page"], "per_page": args["per_page"], "items": []}
        query = content.visible_entries(
            actor,
            tenant=tenant,
            topic=topic,
            kind=EntryKind(args["kind"]) if "kind" in args else None,
            status=EntryStatus(args["status"]) if "status" in args else None,
        )
        if "visibility" in args:
            query = query.where(Entry.visibility == args["visibility"])
        total = db.session.scalar(select(func.count()).select_from(query.subquery()))
        page, per_page = args["page"], args["per_page"]
        items = db.session.scalars(query.offset((page - 1) * per_page).limit(per_page)).all()
        body = {
            "total": total,
            "page": page,
            "per_page": per_page,
            "items": [entry_payload(actor, e) for e in items],
        }
        return body, 200, paginate(total, page, per_page)

    @blueprint.arguments(schemas.EntryCreateSchema)
    @blueprint.response(201, schemas.EntrySchema)
    @problems(*WRITE_PROBLEMS)
    def post(self, data):
        """Create an entry. Without `tenant`, the caller's only tenant owns it."""
        actor = require_writer()
        tenant = _callers_tenant(
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
                    actor, tenant, _service_input(data), kind=kind, status=status, consent=consent
                )
        except PermissionDenied:
            raise problem(
                403,
                _("Sie dürfen für %(tenant)s keine Einträge anlegen.", tenant=tenant.short_name),
            ) from None
        except content.ContentError as error:
            raise _content_error(error) from None
        return (
            entry_payload(actor, entry),
            201,
            {
                "Location": url_for("api.EntryResource", entry_id=entry.id, _external=True),
                "ETag": _etag(entry),
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
        entry = _visible_entry(entry_id)
        if request.if_none_match.contains(_etag_value(entry)):
            return "", 304, {"ETag": _etag(entry)}
        return _with_cache_headers(entry_payload(g.actor, entry), entry)

    @blueprint.arguments(schemas.EntryUpdateSchema)
    @blueprint.response(200, schemas.EntrySchema)
    @problems(*WRITE_PROBLEMS, 412)
    def patch(self, data, entry_id: int):
        """Change an entry. Send `If-Match` with the ETag you read to avoid lost updates."""
        actor = require_writer()
        _require_json_body()
        entry = _visible_entry(entry_id)
        expected = None
        if request.if_match and not request.if_match.star_tag:
            if not request.if_match.contains(_etag_value(entry)):
                raise problem(
                    412,
                    _(
                        "Der Eintrag wurde inzwischen geändert. Bitte laden Sie ihn "
                        "neu und wiederholen Sie Ihre Änderung."
                    ),
                    current_version=entry.version,
                )
            expected = entry.version
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
                _service_input(data),
                entry=entry,
                status=data.get("status"),
                consent=data.get("consent"),
                expected_version=expected,
            )
        return _with_cache_headers(entry_payload(actor, entry), entry)

    @blueprint.response(204)
    @problems(400, 401, 403, 404, 412, 429)
    def delete(self, entry_id: int):
        """Delete an entry (its city's admins can restore it)."""
        actor = require_writer()
        entry = _visible_entry(entry_id)
        if (
            request.if_match
            and not request.if_match.star_tag
            and not request.if_match.contains(_etag_value(entry))
        ):
            raise problem(412, _("Der Eintrag wurde inzwischen geändert."))
        try:
            with write_transaction():
                content.delete_entry(actor, entry)
        except PermissionDenied:
            raise problem(403, _("Sie dürfen diesen Eintrag nicht löschen.")) from None
        return "", 204


@blueprint.route(f"/entries/<{ID}:entry_id>/similar")
@blueprint.response(200, schemas.SimilarSchema)
@problems(*READ_PROBLEMS, 404)
def similar(entry_id: int):
    """Similar entries from other cities."""
    entry = _visible_entry(entry_id)
    return {"items": [entry_payload(g.actor, e) for e in search_services.similar(g.actor, entry)]}


# -- attachments ---------------------------------------------------------------------------------


@blueprint.route(f"/entries/<{ID}:entry_id>/attachments")
class Attachments(MethodView):
    @blueprint.response(200, schemas.AttachmentSchema(many=True))
    @problems(*READ_PROBLEMS, 404)
    def get(self, entry_id: int):
        """The files of an entry."""
        return [attachment_payload(a) for a in _visible_entry(entry_id).attachments]

    @blueprint.arguments(
        schemas.AttachmentUploadSchema, location="files", content_type="multipart/form-data"
    )
    @blueprint.response(201, schemas.AttachmentSchema)
    @problems(*WRITE_PROBLEMS)
    def post(self, files, entry_id: int):
        """Upload a file (multipart field `file`; optional form fields `description`,
        `alt_text`, `language`). The type is decided by the content."""
        actor = require_writer()
        entry = _visible_entry(entry_id)
        upload = files["file"]
        form = _upload_form()
        try:
            with write_transaction():
                attachment = add_attachment(
                    actor,
                    entry,
                    upload.stream,
                    AttachmentMetadata(
                        filename=upload.filename or "datei",
                        description=form["description"],
                        alt_text=form["alt_text"],
                        language=form["language"],
                    ),
                    storage=storage_for(current_app),
                    max_bytes=current_app.config["HANSE_MAX_UPLOAD_BYTES"],
                )
        except PermissionDenied:
            raise problem(403, _("Sie dürfen diesem Eintrag keine Dateien hinzufügen.")) from None
        except AttachmentRejected as error:
            raise problem(error.status, str(error)) from None
        return attachment_payload(attachment), 201


def _visible_attachment(attachment_id: int):
    attachment = get_attachment(g.actor, attachment_id)
    if attachment is None:
        raise problem(404, _("Diese Datei gibt es nicht, oder sie ist für Sie nicht sichtbar."))
    return attachment


@blueprint.route(f"/attachments/<{ID}:attachment_id>")
@blueprint.response(200, schemas.AttachmentSchema)
@problems(*READ_PROBLEMS, 404)
def attachment(attachment_id: int):
    """A file's metadata."""
    return attachment_payload(_visible_attachment(attachment_id))


@blueprint.route(f"/attachments/<{ID}:attachment_id>/content")
@blueprint.doc(
    responses={
        "200": {
            "description": "The file, with Content-Disposition, as one of the accepted types",
            "content": {
                media_type: {"schema": {"type": "string", "format": "binary"}}
                for media_type in sorted(ALLOWED_MEDIA_TYPES)
            },
        }
    }
)
@problems(*READ_PROBLEMS, 404)
def attachment_content(attachment_id: int):
    """Download a file."""
    found = _visible_attachment(attachment_id)
    storage = storage_for(current_app)
    if not storage.exists(found.content_hash):
        raise problem(404, _("Die Datei fehlt im Speicher."))
    response = send_file(
        storage.open(found.content_hash),
        mimetype=found.media_type,
        as_attachment=True,
        download_name=found.original_filename,
        max_age=0,
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


# -- search --------------------------------------------------------------------------------------


@blueprint.route("/search")
@limiter.limit(configured_limit("search"))
@blueprint.arguments(schemas.SearchArgs, location="query")
@blueprint.response(200, schemas.SearchResultSchema)
@problems(*READ_PROBLEMS, 422)
def search(args):
    """Search across cities: hits, facets and a spelling suggestion.

    Every word must match (ranked), "phrases", `-word` to exclude, `OR`. As on the search page,
    question and filler words are left out, an unknown word is replaced by a close known one
    (`corrected_query`), and when no entry holds all words the hits hold most of them
    (`relaxed`, `missing_words`); `exact=true` switches all of that off. Unlike the web search
    page, a word naming a kind ("Ansprechpartner") does not choose the kind here – use the
    `kind` parameter.
    """
    page = search_services.search(
        g.actor,
        search_services.SearchRequest(
            q=args["q"],
            tenants=tuple(args["tenant"]),
            kinds=tuple(args["kind"]),
            topics=tuple(args["topic"]),
            years=tuple(args["year"]),
            sort=args["sort"],
            page=args["page"],
            per_page=args["per_page"],
            include_archived=args["archived"],
            kind_words=False,  # scripts get what they typed; people get the kind chosen
            exact=args["exact"],
        ),
    )
    return {
        "total": page.total,
        "page": args["page"],
        "per_page": args["per_page"],
        "hits": [
            {
                "id": h.entry.id,
                "kind": str(h.entry.kind),
                "tenant": h.entry.tenant.slug,
                "title": h.entry.title,
                "summary": h.entry.summary,
                "snippet": str(h.snippet),
                "file": h.file_name,
                "url": entry_url(h.entry),
                "score": h.score,
            }
            for h in page.hits
        ],
        "facets": {
            name: {v.value: v.count for v in values} for name, values in page.facets.items()
        },
        "suggestion": page.suggestion,
        "corrected_query": page.corrected_query,
        "relaxed": page.relaxed,
        "missing_words": list(page.missing_words),
    }


# -- adoptions -----------------------------------------------------------------------------------


def _visible_adoption(adoption_id: int) -> Adoption:
    try:
        return adoption_services.get_adoption(g.actor, adoption_id)
    except content.EntryNotFound:
        raise problem(
            404, _("Diese Übernahme gibt es nicht, oder sie ist für Sie nicht sichtbar.")
        ) from None


@blueprint.route("/adoptions")
class Adoptions(MethodView):
    @blueprint.arguments(schemas.AdoptionListArgs, location="query")
    @blueprint.response(200, schemas.AdoptionListSchema)
    @problems(*READ_PROBLEMS, 422)
    def get(self, args):
        """Adoptions the caller may see."""
        tenant = get_tenant(args["tenant"]) if "tenant" in args else None
        found = (
            []
            if "tenant" in args and tenant is None
            else (adoption_services.visible_adoptions(g.actor, tenant=tenant))
        )
        if "solution_id" in args:
            found = [a for a in found if a.solution_id == args["solution_id"]]
        page, per_page = args["page"], args["per_page"]
        items = found[(page - 1) * per_page : page * per_page]
        body = {
            "total": len(found),
            "page": page,
            "per_page": per_page,
            "items": [adoption_payload(a) for a in items],
        }
        return body, 200, paginate(len(found), page, per_page)

    @blueprint.arguments(schemas.AdoptionCreateSchema)
    @blueprint.response(201, schemas.AdoptionSchema)
    @problems(*WRITE_PROBLEMS)
    def post(self, data):
        """Record that a city evaluates, adopted, adapted or dropped a solution."""
        actor = require_writer()
        tenant = _callers_tenant(
            data.pop("tenant", None),
            _("Bitte geben Sie an, für welche Organisation die Übernahme gilt."),
        )
        solution_id = data.pop("solution_id")
        try:
            with write_transaction():
                adoption = adoption_services.record_adoption(actor, tenant, solution_id, data)
        except PermissionDenied:
            raise problem(
                403,
                _("Sie dürfen für %(tenant)s keine Übernahmen erfassen.", tenant=tenant.short_name),
            ) from None
        except content.ContentError as error:
            raise _content_error(error) from None
        return adoption_payload(adoption), 201


@blueprint.route(f"/adoptions/<{ID}:adoption_id>")
class AdoptionResource(MethodView):
    @blueprint.response(200, schemas.AdoptionSchema)
    @problems(*READ_PROBLEMS, 404)
    def get(self, adoption_id: int):
        """One adoption."""
        return adoption_payload(_visible_adoption(adoption_id))

    @blueprint.arguments(schemas.AdoptionUpdateSchema)
    @blueprint.response(200, schemas.AdoptionSchema)
    @problems(*WRITE_PROBLEMS)
    def patch(self, data, adoption_id: int):
        """Change an adoption."""
        actor = require_writer()
        _require_json_body()
        adoption = _visible_adoption(adoption_id)
        try:
            with write_transaction():
                adoption_services.update_adoption(actor, adoption, data)
        except PermissionDenied:
            raise problem(403, _("Sie dürfen diese Übernahme nicht ändern.")) from None
        except content.ContentError as error:
            raise _content_error(error) from None
        return adoption_payload(adoption)

    @blueprint.response(204)
    @problems(400, 401, 403, 404, 429)
    def delete(self, adoption_id: int):
        """Delete an adoption."""
        actor = require_writer()
        adoption = _visible_adoption(adoption_id)
        try:
            with write_transaction():
                adoption_services.delete_adoption(actor, adoption)
        except PermissionDenied:
            raise problem(403, _("Sie dürfen diese Übernahme nicht löschen.")) from None
        return "", 204
