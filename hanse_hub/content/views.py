"""Entry pages and attachment downloads."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, redirect, render_template, send_file, url_for

from hanse_hub.content.attachments import get_attachment
from hanse_hub.content.services import EntryNotFound, get_entry_by_slug, related_entries
from hanse_hub.content.storage import storage_for
from hanse_hub.database import write_transaction
from hanse_hub.questions.forms import question_section
from hanse_hub.questions.services import mark_seen_by_asker
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
    return render_entry(actor, entry)


def render_entry(actor, entry, status: int = 200, **section_forms):
    """The entry page; ``section_forms``: a question or answer form to show again with what
    was typed and its errors (see ``questions.forms.question_section``)."""
    related = related_entries(actor, entry)  # links show only what this viewer may see
    related["similar"] = similar(actor, entry)
    section = question_section(actor, entry, **section_forms)
    own = [q for q in section.questions if q.author_id == actor.user_id]
    if own and status == 200:
        with write_transaction():  # the asker has now seen the answers ("Mein Bereich")
            mark_seen_by_asker(actor, own)
    page = render_template(
        f"content/{entry.kind.value}.html", entry=entry, related=related, questions=section
    )
    return page, status


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
