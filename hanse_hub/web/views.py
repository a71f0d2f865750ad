"""Hub-wide reading pages: home, tenants, expert finder, events, topics and the legal pages.

Every list goes through ``visible_entries`` (or ``policy.visible`` for loaded relationships):
the pages never decide themselves what a viewer may see. Filters live in GET parameters;
anything unusable in them is ignored, never an error.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from email.utils import parseaddr
from typing import Any

from flask import Blueprint, Response, abort, current_app, render_template, request, url_for
from sqlalchemy import Select, func, select
from sqlalchemy.orm import selectinload

from hanse_hub.content.adoptions import visible_adoptions
from hanse_hub.content.models import Contact, Entry, EntryKind, EntryStatus, Event, Material, Topic
from hanse_hub.content.models.entry import entry_topics
from hanse_hub.content.services import visible_entries
from hanse_hub.content.topics import get_topic, list_topics
from hanse_hub.content.translation_groups import one_per_translation_group
from hanse_hub.database import utcnow
from hanse_hub.extensions import db
from hanse_hub.labels import interface_language
from hanse_hub.paging import Page, count, page_of
from hanse_hub.policy import Actor, visible
from hanse_hub.tenants.models import Tenant, TenantKind
from hanse_hub.tenants.services import COLOUR_PATTERN as COLOUR
from hanse_hub.tenants.services import SLUG_PATTERN, get_tenant, list_tenants
from hanse_hub.web.context import current_actor
from hanse_hub.web.pages import LEGAL_PAGES, legal_text, render_legal, text_language

blueprint = Blueprint("web", __name__)

PER_PAGE = 20
SECTION_SIZE = 20  # entries per kind on a city or topic page; the rest is one search away
TOPIC_CONTACTS = 12
MAX_PAGE = 10_000
SECURITY_TXT_DAYS = 365
PAGE_NUMBER = re.compile(r"^[0-9]{1,6}$")
# The kinds of a topic page, in reading order; contacts get a section of their own.
TOPIC_KINDS = (EntryKind.SOLUTION, EntryKind.LESSON, EntryKind.EVENT, EntryKind.MATERIAL)


# -- parameters -----------------------------------------------------------------------------------


def _slug_parameter(name: str) -> str | None:
    """A slug from the query string, or None for anything that cannot be one."""
    value = request.args.get(name, "")
    return value if len(value) <= 80 and SLUG_PATTERN.match(value) else None


def _page_parameter() -> int:
    value = request.args.get("seite", "")
    return min(int(value), MAX_PAGE) if PAGE_NUMBER.match(value) and int(value) > 0 else 1


def _tenant_or_404(slug: str) -> Tenant:
    # Checked before the query: PostgreSQL refuses some strings (NUL) outright.
    tenant = get_tenant(slug) if len(slug) <= 80 and SLUG_PATTERN.match(slug) else None
    if tenant is None:
        abort(404)
    return tenant


def _topic_or_404(slug: str) -> Topic:
    topic = get_topic(slug) if len(slug) <= 80 and SLUG_PATTERN.match(slug) else None
    if topic is None:
        abort(404)
    return topic


# -- counting and paging visible entries ----------------------------------------------------------


def _paginate(query: Select, number: int, per_page: int = PER_PAGE) -> Page:
    """One page of ``query``; a page beyond the last answers 404."""
    page = page_of(query, number, per_page)
    if number > 1 and not page.items:
        abort(404)
    return page


def _groups(rows):
    """How many translation groups among ``rows``: an entry and its translations count once,
    as the lists show them once (``one_per_translation_group``) and the search counts them."""
    return func.count(func.distinct(func.coalesce(rows.c.translation_of_id, rows.c.id)))


def _counts_by(query: Select, column: str) -> dict[Any, int]:
    """How many entries (translation groups) of a visible-entries query share each value of
    ``column``."""
    rows = query.order_by(None).subquery()
    return dict(
        db.session.execute(select(rows.c[column], _groups(rows)).group_by(rows.c[column])).all()
    )


def _counts_by_topic(query: Select) -> dict[int, int]:
    rows = query.order_by(None).subquery()
    return dict(
        db.session.execute(
            select(entry_topics.c.topic_id, _groups(rows))
            .select_from(entry_topics.join(rows, rows.c.id == entry_topics.c.entry_id))
            .group_by(entry_topics.c.topic_id)
        ).all()
    )


# -- home and tenants -----------------------------------------------------------------------------


@blueprint.route("/")
def home():
    actor = current_actor()
    # Twice as many as shown: both language versions of an entry are one item.
    latest = one_per_translation_group(
        db.session.scalars(visible_entries(actor, include_archived=False).limit(24)).all(),
        interface_language(),
    )[:12]
    visible_query = visible_entries(actor)
    counts_by_topic = _counts_by_topic(visible_query)
    topics = [(topic, counts_by_topic.get(topic.id, 0)) for topic in list_topics()]
    counts_by_tenant = _counts_by(visible_query, "tenant_id")
    # The cities always; partners and the alliance only with something to read.
    tenants = [
        tenant
        for tenant in list_tenants()
        if tenant.kind == TenantKind.CITY or counts_by_tenant.get(tenant.id, 0)
    ]
    return render_template(
        "web/home.html",
        latest=latest,
        tenants=tenants,
        counts_by_tenant=counts_by_tenant,
        topics=topics,
        adoptions=visible_adoptions(actor, limit=6),
    )


@blueprint.route("/t/<slug>")
def tenant_page(slug: str):
    tenant = _tenant_or_404(slug)
    actor = current_actor()
    sections = {
        kind: db.session.scalars(
            visible_entries(actor, tenant=tenant, kind=kind, include_archived=False).limit(
                SECTION_SIZE
            )
        ).all()
        for kind in EntryKind
    }
    language = interface_language()
    sections = {kind: one_per_translation_group(got, language) for kind, got in sections.items()}
    shown = {kind: len(listed) for kind, listed in sections.items()}
    counts = _counts_by(visible_entries(actor, tenant=tenant, include_archived=False), "kind")
    return render_template(
        "tenants/page.html",
        tenant=tenant,
        sections=sections,
        shown=shown,
        counts={kind: counts.get(kind, 0) for kind in EntryKind},
        is_city=tenant.kind == TenantKind.CITY,
        adoptions=visible_adoptions(actor, tenant=tenant),
    )


@blueprint.route("/farben.css")
def tenant_colours():
    """Each tenant's colour as a CSS custom property (no inline styles: the CSP forbids them)."""
    rules = [
        f'[data-tenant="{tenant.slug}"]{{--tenant-colour:{tenant.colour}}}'
        for tenant in list_tenants()
        if COLOUR.match(tenant.colour)
    ]
    return Response("\n".join(rules) + "\n", mimetype="text/css")


@blueprint.route("/.well-known/security.txt")
def security_txt():
    """RFC 9116: whom to tell about a vulnerability. Expires a year ahead of each answer, so
    the file never goes stale while the hub runs; without a configured contact the mail
    sender's address is named."""
    config = current_app.config
    contact = config.get("HANSE_SECURITY_CONTACT")
    if not contact:
        _name, address = parseaddr(config["HANSE_MAIL_SENDER"])
        contact = f"mailto:{address}"
    expires = (utcnow() + timedelta(days=SECURITY_TXT_DAYS)).replace(microsecond=0)
    lines = [
        f"Contact: {contact}",
        f"Expires: {expires.isoformat().replace('+00:00', 'Z')}",
        "Preferred-Languages: de, en",
    ]
    base_url = config.get("HANSE_BASE_URL")
    if base_url:
        lines.append(f"Canonical: {base_url}/.well-known/security.txt")
    return Response("\n".join(lines) + "\n", mimetype="text/plain")


# -- expert finder --------------------------------------------------------------------------------


@dataclass(frozen=True)
class FacetOption:
    slug: str
    label: str
    count: int
    selected: bool


def _published_contacts(actor: Actor, *, tenant: Tenant | None, topic: Topic | None) -> Select:
    # Drafts are for the editors' eyes on the entry itself, not for a directory of people.
    return visible_entries(
        actor, kind=EntryKind.CONTACT, status=EntryStatus.PUBLISHED, tenant=tenant, topic=topic
    )


@blueprint.route("/expertinnen")
def experts():
    """Ansprechpersonen, filtered by topic and organisation; each facet counts the other's hits."""
    actor = current_actor()
    tenants = list_tenants()
    topics = list_topics()
    tenant_slug, topic_slug = _slug_parameter("stadt"), _slug_parameter("thema")
    tenant = next((t for t in tenants if t.slug == tenant_slug), None)
    topic = next((t for t in topics if t.slug == topic_slug), None)

    contacts = _published_contacts(actor, tenant=tenant, topic=topic).order_by(None)
    page = _paginate(
        contacts.order_by(func.lower(Contact.person_name), Contact.id), _page_parameter()
    )
    by_tenant = _counts_by(_published_contacts(actor, tenant=None, topic=topic), "tenant_id")
    by_topic = _counts_by_topic(_published_contacts(actor, tenant=tenant, topic=None))
    tenant_options = [
        FacetOption(t.slug, t.short_name, by_tenant.get(t.id, 0), t is tenant)
        for t in tenants
        if by_tenant.get(t.id) or t is tenant
    ]
    topic_options = [
        FacetOption(t.slug, t.name(interface_language()), by_topic.get(t.id, 0), t is topic)
        for t in topics
        if by_topic.get(t.id) or t is topic
    ]
    # Tells "nobody is listed yet" apart from "nobody matches this filter".
    any_contacts = page.total > 0 or (
        (tenant or topic) is not None
        and count(_published_contacts(actor, tenant=None, topic=None)) > 0
    )
    return render_template(
        "web/experts.html",
        page=page,
        tenant=tenant,
        topic=topic,
        tenant_options=tenant_options,
        topic_options=topic_options,
        any_contacts=any_contacts,
        filter_url=lambda **changes: _filter_url("web.experts", changes),
        page_url=lambda number: _filter_url("web.experts", {"seite": str(number)}),
    )


def _filter_url(endpoint: str, changes: Mapping[str, str | None]) -> str:
    """The current filter URL with some parameters changed; a changed filter starts at page 1."""
    params = {
        name: value for name in ("stadt", "thema") if (value := _slug_parameter(name)) is not None
    }
    for name, value in changes.items():
        if value is None:
            params.pop(name, None)
        else:
            params[name] = value
    return url_for(endpoint, **params)


# -- events ---------------------------------------------------------------------------------------


def _is_regional_conference(event: Event) -> bool:
    """The alliance office runs the regional conference; its events are the conference."""
    return event.tenant.kind == TenantKind.ALLIANCE


@dataclass(frozen=True)
class EventListing:
    event: Event
    materials: list[Material]
    translations: list[Entry]
    is_conference: bool


def _event_listings(actor: Actor, events: list[Event]) -> list[EventListing]:
    """Events with what the viewer may see of their materials and translations.

    A translation whose original is in the same list is shown with it, not on its own.
    """
    shown = {event.id for event in events}
    listings = []
    for event in events:
        if event.translation_of_id in shown:
            continue
        materials = sorted(visible(actor, event.materials), key=lambda m: m.title.lower())
        listings.append(
            EventListing(
                event=event,
                materials=materials,
                translations=visible(actor, event.translations),
                is_conference=_is_regional_conference(event),
            )
        )
    return listings


def _events_query(actor: Actor) -> Select:
    return visible_entries(actor, kind=EntryKind.EVENT, include_archived=True).options(
        selectinload(Event.materials).selectinload(Material.attachments),
        selectinload(Event.materials).selectinload(Material.participants),
        selectinload(Event.participants),
        selectinload(Event.translations),
        selectinload(Event.tenant),
    )


@blueprint.route("/veranstaltungen")
def events():
    """Upcoming events (soonest first), then past ones (latest first, paged)."""
    actor = current_actor()
    now = utcnow()
    query = _events_query(actor).order_by(None)
    upcoming = db.session.scalars(
        query.where(Event.ends_at >= now).order_by(Event.starts_at, Event.id)
    ).all()
    past = _paginate(
        query.where(Event.ends_at < now).order_by(Event.starts_at.desc(), Event.id.desc()),
        _page_parameter(),
    )
    upcoming_listings = _event_listings(actor, list(upcoming))
    return render_template(
        "web/events.html",
        upcoming=upcoming_listings,
        past=past,
        past_listings=_event_listings(actor, past.items),
        next_conference=next((item for item in upcoming_listings if item.is_conference), None),
        calendar_tenants=list_tenants(),
        page_url=lambda number: url_for("web.events", seite=number),
    )


# -- topics ---------------------------------------------------------------------------------------


@blueprint.route("/themen")
def topics():
    actor = current_actor()
    query = visible_entries(actor, include_archived=False)
    counts = _counts_by_topic(query)
    return render_template(
        "web/topics.html",
        topics=[(topic, counts.get(topic.id, 0)) for topic in list_topics()],
    )


@blueprint.route("/themen/<slug>")
def topic_page(slug: str):
    topic = _topic_or_404(slug)
    actor = current_actor()
    sections = {}
    for kind in TOPIC_KINDS:
        query = visible_entries(actor, kind=kind, topic=topic, include_archived=False)
        if kind == EntryKind.EVENT:
            query = query.order_by(None).order_by(Event.starts_at.desc(), Event.id.desc())
        sections[kind] = db.session.scalars(query.limit(SECTION_SIZE)).all()
    language = interface_language()
    sections = {kind: one_per_translation_group(got, language) for kind, got in sections.items()}
    shown = {kind: len(listed) for kind, listed in sections.items()}
    counts = _counts_by(visible_entries(actor, topic=topic, include_archived=False), "kind")
    contacts_query = _published_contacts(actor, tenant=None, topic=topic)
    contacts = db.session.scalars(
        contacts_query.order_by(None)
        .order_by(func.lower(Contact.person_name), Contact.id)
        .limit(TOPIC_CONTACTS)
    ).all()
    return render_template(
        "web/topic.html",
        topic=topic,
        sections=sections,
        shown=shown,
        counts={kind: counts.get(kind, 0) for kind in EntryKind},
        contacts=contacts,
        contact_count=count(contacts_query),
    )


# -- legal pages ----------------------------------------------------------------------------------


def _legal_page(name: str):
    page = LEGAL_PAGES[name]
    language = text_language(page, interface_language())
    text, _configured = legal_text(name, language)
    return render_template(
        "web/legal.html", page=page, content=render_legal(text), content_language=language
    )


for _name, _page in LEGAL_PAGES.items():
    blueprint.add_url_rule(
        f"/{_name}", _page.endpoint, _legal_page, defaults={"name": _name}, methods=["GET"]
    )
