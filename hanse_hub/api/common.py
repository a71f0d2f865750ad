"""What every part of ``/api/v1`` shares: the blueprint, the documented problems, caller
checks, looking up what the caller may see, ETags and ``If-Match``, list pages, payloads.

One copy of each: ``entries``, ``files``, ``search``, ``adoptions``, ``workflow`` and
``administration`` add their routes to this blueprint and use these helpers. Every view
validates its input with a marshmallow schema, calls the same service function as the web
interface and commits once (``write_transaction``). Entries the caller may not see answer 404,
never 403, so that their existence does not leak.
"""

from __future__ import annotations

from contextlib import contextmanager

from flask import g, request, url_for
from flask_babel import gettext as _
from flask_smorest import Blueprint

from hanse_hub.api import schemas
from hanse_hub.api.auth import authenticate_request
from hanse_hub.api.errors import problem
from hanse_hub.content import adoptions as adoption_services
from hanse_hub.content import services as content
from hanse_hub.content.attachments import get_attachment
from hanse_hub.content.models import Adoption, Contact, Entry
from hanse_hub.extensions import configured_limit, db, limiter
from hanse_hub.paging import Page, page_of_list
from hanse_hub.policy import Actor, PermissionDenied
from hanse_hub.tenants.models import Tenant
from hanse_hub.tenants.services import get_tenant

blueprint = Blueprint(
    "api", __name__, url_prefix="/api/v1", description="The Smarte Hanse hub's REST API"
)
blueprint.before_request(authenticate_request)
limiter.limit(configured_limit("write"), methods=["POST", "PATCH", "DELETE"])(blueprint)

READ_PROBLEMS = (400, 401, 429)
WRITE_PROBLEMS = (400, 401, 403, 404, 409, 413, 415, 422, 429)
ACTION_PROBLEMS = (400, 401, 403, 404, 429)
# Ids in paths: a number beyond any id answers 404 here, not an overflow in the database.
ID = f"int(min=1, max={schemas.MAX_ID})"
LIST_HEADERS = {
    "Link": {"description": "first/prev/next/last pages", "schema": {"type": "string"}},
    "X-Total-Count": {"description": "number of items", "schema": {"type": "integer"}},
}


def problems(*statuses: int):
    """Document the problem+json answers an operation can give."""

    def decorate(view):
        for status in statuses:
            view = blueprint.alt_response(status, response=f"Problem{status}")(view)
        return view

    return decorate


# -- who calls -----------------------------------------------------------------------------------


def require_caller() -> Actor:
    """The caller, if they sent a token (reading one's own things needs one; writing is
    ``require_writer``)."""
    if g.api_token is None:
        raise problem(
            401,
            _("Dafür ist ein persönliches Zugangstoken nötig."),
            headers={"WWW-Authenticate": 'Bearer realm="hanse_hub"'},
        )
    return g.actor


def require_writer() -> Actor:
    """The caller, if they may change things: authenticated, with a token that may write."""
    if g.api_token is None:
        raise problem(
            401,
            _("Für Änderungen ist ein persönliches Zugangstoken nötig."),
            headers={"WWW-Authenticate": 'Bearer realm="hanse_hub"'},
        )
    if g.api_token.read_only:
        raise problem(403, _("Dieses Token darf nur lesen."))
    return g.actor


def callers_tenant(slug: str | None, which_tenant: str) -> Tenant:
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


def require_json_body() -> None:
    """Refuse a body that is not JSON, or none: webargs reads either as no fields at all, and a
    PATCH would answer 200 having silently changed nothing."""
    if not request.is_json:
        raise problem(415, _("Bitte senden Sie die Angaben als JSON (application/json)."))
    if not request.get_data(cache=True):
        raise problem(400, _("Die Anfrage enthält keine Angaben."))


# -- what the caller may see ----------------------------------------------------------------------


def visible_entry(entry_id: int) -> Entry:
    try:
        return content.get_entry(g.actor, entry_id)
    except content.EntryNotFound:
        raise problem(
            404, _("Diesen Eintrag gibt es nicht, oder er ist für Sie nicht sichtbar.")
        ) from None


def visible_attachment(attachment_id: int):
    attachment = get_attachment(g.actor, attachment_id)
    if attachment is None:
        raise problem(404, _("Diese Datei gibt es nicht, oder sie ist für Sie nicht sichtbar."))
    return attachment


def visible_adoption(adoption_id: int) -> Adoption:
    try:
        return adoption_services.get_adoption(g.actor, adoption_id)
    except content.EntryNotFound:
        raise problem(
            404, _("Diese Übernahme gibt es nicht, oder sie ist für Sie nicht sichtbar.")
        ) from None


# -- versions: ETag and If-Match -------------------------------------------------------------------


def etag_value(entry: Entry) -> str:
    return f"e{entry.id}-v{entry.version}"


def etag(entry: Entry) -> str:
    return f'"{etag_value(entry)}"'


def with_cache_headers(response_data, entry: Entry):
    return (
        response_data,
        200,
        {
            "ETag": etag(entry),
            "Last-Modified": entry.updated_at.strftime("%a, %d %b %Y %H:%M:%S GMT"),
            "Cache-Control": "private, no-cache",
        },
    )


def expected_version(entry: Entry) -> int | None:
    """The version the caller read (``If-Match``), or None; 412 if it is no longer current."""
    if not request.if_match or request.if_match.star_tag:
        return None
    if not request.if_match.contains(etag_value(entry)):
        raise problem(
            412,
            _(
                "Der Eintrag wurde inzwischen geändert. Bitte laden Sie ihn "
                "neu und wiederholen Sie Ihre Änderung."
            ),
            current_version=entry.version,
        )
    return entry.version


# -- writes: the services' refusals as problems ----------------------------------------------------


def content_error(error: content.ContentError):
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
        raise content_error(error) from None


# -- lists ---------------------------------------------------------------------------------------


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


def list_response(page: Page, serialise) -> tuple:
    """A page of a list as the API answers it: body, status and the list headers."""
    body = {
        "total": page.total,
        "page": page.number,
        "per_page": page.per_page,
        "items": [serialise(item) for item in page.items],
    }
    return body, 200, paginate(page.total, page.number, page.per_page)


def list_of(items: list, args: dict, serialise) -> tuple:
    """The page of ``items`` (already loaded) that ``args`` (``page``, ``per_page``) ask for."""
    return list_response(page_of_list(items, args["page"], args["per_page"]), serialise)


def empty_list(args: dict) -> dict:
    """The answer for a filter that names nothing (an unknown tenant or topic)."""
    return {"total": 0, "page": args["page"], "per_page": args["per_page"], "items": []}


# -- payloads ------------------------------------------------------------------------------------


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
