"""Entry pages and attachment downloads."""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    current_app,
    make_response,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)

from hanse_hub.content.attachments import get_attachment
from hanse_hub.content.services import EntryNotFound, get_entry_by_slug, related_entries
from hanse_hub.content.storage import storage_for
from hanse_hub.search.services import similar
from hanse_hub.tenants.services import get_tenant
from hanse_hub.web.context import current_actor

blueprint = Blueprint("content", __name__)


def entry_url(entry) -> str:
    return url_for("content.entry_page", tenant_slug=entry.tenant.slug, slug=entry.slug)


@blueprint.app_template_global("entry_url")
def _entry_url(entry) -> str:
    return entry_url(entry)


@blueprint.route("/t/<tenant_slug>/<slug>")
def entry_page(tenant_slug: str, slug: str):
    tenant = get_tenant(tenant_slug)
    if tenant is None or "\x00" in slug:  # PostgreSQL refuses NUL; no slug contains one
        abort(404)
    actor = current_actor()
    try:
        lookup = get_entry_by_slug(actor, tenant, slug)
    except EntryNotFound:
        abort(404)
    entry = lookup.entry
    if lookup.redirected:
        return redirect(entry_url(entry), code=301)
    related = related_entries(actor, entry)  # links show only what this viewer may see
    related["similar"] = similar(actor, entry)
    response = make_response(
        render_template(f"content/{entry.kind.value}.html", entry=entry, related=related)
    )
    if actor.is_anonymous:
        # A visitor's browser may keep the page and ask whether it changed: the ETag is the
        # hash of exactly what was rendered, so any change (also of a linked entry) is seen.
        # Signed-in people's pages are never stored (web/security.py: no-store).
        response.add_etag()
        response.cache_control.no_cache = True
        response.vary.update(("Cookie", "Accept-Language"))
        response.make_conditional(request)
    return response


@blueprint.route("/dateien/<db_id:attachment_id>")
def download(attachment_id: int):
    attachment = get_attachment(current_actor(), attachment_id)
    if attachment is None:
        abort(404)
    storage = storage_for(current_app)
    if not storage.exists(attachment.content_hash):
        current_app.logger.error("attachment %s: file missing in storage", attachment.id)
        abort(404)
    inline = attachment.media_type in ("application/pdf", "image/png", "image/jpeg", "image/webp")
    response = send_file(
        storage.open(attachment.content_hash),
        mimetype=attachment.media_type,
        as_attachment=not inline,
        download_name=attachment.original_filename,
        max_age=0,
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    if inline:
        # send_file sets "inline" without a name; keep the original name for saving.
        response.headers.set("Content-Disposition", "inline", filename=attachment.original_filename)
    # A file never runs scripts in our origin, even if a browser were to sniff it as HTML.
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
