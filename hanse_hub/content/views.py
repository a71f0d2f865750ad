"""Entry pages and attachment downloads."""

from __future__ import annotations

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    make_response,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)

from hanse_hub.content import steckbrief as profiles
from hanse_hub.content.attachments import get_attachment
from hanse_hub.content.services import (
    MAX_COMPARED,
    EntryNotFound,
    get_entry_by_slug,
    related_entries,
    solutions_to_compare,
)
from hanse_hub.content.steckbrief import PROFILE_KINDS, permalink
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


@blueprint.app_template_global("permalink")
def _permalink(entry) -> str:
    return permalink(entry)


def _lookup(tenant_slug: str, slug: str):
    tenant = get_tenant(tenant_slug)
    if tenant is None or "\x00" in slug:  # PostgreSQL refuses NUL; no slug contains one
        abort(404)
    try:
        return get_entry_by_slug(current_actor(), tenant, slug)
    except EntryNotFound:
        abort(404)


@blueprint.route("/t/<tenant_slug>/<slug>/steckbrief.pdf")
def entry_profile(tenant_slug: str, slug: str):
    """The entry's one-page PDF profile ("Steckbrief"), as the viewer may see it."""
    lookup = _lookup(tenant_slug, slug)
    entry = lookup.entry
    if entry.kind not in PROFILE_KINDS:
        abort(404)
    if lookup.redirected:
        return redirect(
            url_for("content.entry_profile", tenant_slug=entry.tenant.slug, slug=entry.slug),
            code=301,
        )
    pdf = profiles.entry_profile(current_actor(), entry)
    response = Response(pdf, mimetype="application/pdf")
    name = profiles.profile_filename(entry)
    response.headers.set("Content-Disposition", "inline", filename=name)
    response.headers["Cache-Control"] = "private, no-store"  # drafts and internal entries too
    return response


@blueprint.route("/t/<tenant_slug>/<slug>")
def entry_page(tenant_slug: str, slug: str):
    actor = current_actor()
    lookup = _lookup(tenant_slug, slug)
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
    response = make_response(
        render_template(
            f"content/{entry.kind.value}.html",
            entry=entry,
            related=related,
            questions=section,
            has_profile=entry.kind in PROFILE_KINDS,
        ),
        status,
    )
    if actor.is_anonymous and status == 200:
        # A visitor's browser may keep the page and ask whether it changed: the ETag is the
        # hash of exactly what was rendered, so any change (also of a linked entry) is seen.
        # Signed-in people's pages are never stored (web/security.py: no-store).
        response.add_etag()
        response.cache_control.no_cache = True
        response.vary.update(("Cookie", "Accept-Language"))
        response.make_conditional(request)
    return response


MAX_ID = 2**31 - 1


def _compared_ids() -> list[int]:
    """The solution ids of ``?l=…`` (repeated); anything that is not an id is ignored."""
    ids = []
    for value in request.args.getlist("l"):
        if value.isascii() and value.isdigit() and 0 < int(value) <= MAX_ID:
            ids.append(int(value))
    return ids


@blueprint.route("/vergleich")
def compare():
    """Two to four solutions side by side; the URL (``?l=12&l=34``) names them, so it can be
    bookmarked, sent and printed."""
    ids = _compared_ids()
    compared = solutions_to_compare(current_actor(), ids)
    return render_template(
        "content/compare.html",
        compared=compared,
        asked=len(dict.fromkeys(ids)),
        max_compared=MAX_COMPARED,
        without=lambda solution_id: url_for(
            "content.compare", l=[c.solution.id for c in compared if c.solution.id != solution_id]
        ),
    )


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
