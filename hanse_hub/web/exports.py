"""Open-standard files of what a viewer may see (docs/standards.md).

- ``/veranstaltungen.ics``, ``/t/<stadt>/veranstaltungen.ics``: calendar feeds of events;
- ``/t/<stadt>/<eintrag>/kalender.ics``: one event as an iCalendar file.

Every file lists only what the viewer may see – the same ``visible_entries`` as the pages; a
calendar program without the viewer's session sees the public events.
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, url_for
from flask_babel import gettext as _

from hanse_hub.content.models import Entry, EntryKind
from hanse_hub.content.services import EntryNotFound, get_entry_by_slug
from hanse_hub.standards import icalendar as ical
from hanse_hub.tenants.models import Tenant
from hanse_hub.tenants.services import SLUG_PATTERN, get_tenant
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
