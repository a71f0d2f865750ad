"""Atom feeds (``feedgen``): public ones for what anybody may read, a personal one per token.

Public feeds are read as an anonymous visitor, whoever asks (feed readers carry no login):
new public entries overall, of a tenant, of a topic, of a kind, and of a search (its words
exactly). The personal feed lists the token owner's notifications, each checked against the
policy when the feed is read; a revoked token or a deactivated account gets 404.
"""

from __future__ import annotations

from datetime import datetime

from feedgen.feed import FeedGenerator
from flask import Blueprint, Response, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from hanse_hub.content.models import Entry, EntryKind, Topic
from hanse_hub.content.services import visible_entries
from hanse_hub.database import utcnow
from hanse_hub.extensions import configured_limit, db, limiter
from hanse_hub.labels import KIND_LABELS, interface_language
from hanse_hub.notifications import services as notifications
from hanse_hub.notifications.feed_tokens import user_for_feed_token
from hanse_hub.policy import ANONYMOUS
from hanse_hub.search.services import SearchRequest, search
from hanse_hub.tenants.models import Tenant
from hanse_hub.web.errors import error_response

blueprint = Blueprint("feeds", __name__, url_prefix="/feeds")

FEED_SIZE = 30
ATOM = "application/atom+xml; charset=utf-8"
KIND_SLUGS = {
    "loesungen": EntryKind.SOLUTION,
    "erfahrungen": EntryKind.LESSON,
    "kontakte": EntryKind.CONTACT,
    "veranstaltungen": EntryKind.EVENT,
    "materialien": EntryKind.MATERIAL,
}


def _absolute(path: str) -> str:
    return request.host_url.rstrip("/") + path


def _feed(title: str, page_path: str) -> FeedGenerator:
    feed = FeedGenerator()
    feed.id(_absolute(request.full_path.rstrip("?")))
    feed.title(f"{title} – Smarte Hanse")
    feed.author({"name": "Smarte Hanse"})
    feed.link(href=_absolute(request.full_path.rstrip("?")), rel="self")
    feed.link(href=_absolute(page_path), rel="alternate")
    feed.language(interface_language())
    feed.updated(utcnow())
    return feed


def _add_entry(feed: FeedGenerator, entry: Entry, *, updated: datetime | None = None) -> None:
    item = feed.add_entry(order="append")
    item.id(f"urn:uuid:{entry.uuid}")
    item.title(entry.title)
    item.link(
        href=_absolute(
            url_for("content.entry_page", tenant_slug=entry.tenant.slug, slug=entry.slug)
        )
    )
    item.author({"name": entry.tenant.short_name})
    item.updated(updated or entry.updated_at)
    if entry.published_at:
        item.published(entry.published_at)
    if entry.summary:
        item.summary(entry.summary)
    item.category(term=entry.kind.value, label=str(KIND_LABELS[entry.kind][0]))


def _response(feed: FeedGenerator) -> Response:
    return Response(feed.atom_str(pretty=True), content_type=ATOM)


def _public(title: str, page_path: str, **filters) -> Response:
    query = visible_entries(ANONYMOUS, include_archived=False, **filters).limit(FEED_SIZE)
    feed = _feed(title, page_path)
    for entry in db.session.scalars(query):
        _add_entry(feed, entry)
    return _response(feed)


@blueprint.route("/neu.atom")
@limiter.limit(configured_limit("search"))
def latest():
    return _public(_("Neue Einträge"), url_for("web.home"))


@blueprint.route("/t/<slug>.atom")
@limiter.limit(configured_limit("search"))
def tenant(slug: str):
    found = db.session.scalar(select(Tenant).where(Tenant.slug == slug[:60]))
    if found is None:
        return error_response(404)
    return _public(found.short_name, url_for("web.tenant_page", slug=found.slug), tenant=found)


@blueprint.route("/themen/<slug>.atom")
@limiter.limit(configured_limit("search"))
def topic(slug: str):
    found = db.session.scalar(select(Topic).where(Topic.slug == slug[:80]))
    if found is None:
        return error_response(404)
    page = url_for("web.topic_page", slug=found.slug)
    return _public(found.name(interface_language()), page, topic=found)


@blueprint.route("/arten/<kind_slug>.atom")
@limiter.limit(configured_limit("search"))
def kind(kind_slug: str):
    found = KIND_SLUGS.get(kind_slug)
    if found is None:
        return error_response(404)
    page = url_for("search.search_page", art=found.value)
    return _public(str(KIND_LABELS[found][1]), page, kind=found)


@blueprint.route("/suche.atom")
@limiter.limit(configured_limit("search"))
def search_feed():
    words = " ".join(request.args.get("q", "").split())[:200]
    if not words:
        return error_response(400, _("Bitte geben Sie Suchwörter an (q=…)."))
    page = search(
        ANONYMOUS,
        SearchRequest(
            q=words,
            exact=True,
            sort="date",
            per_page=FEED_SIZE,
            one_per_translation_group=False,
        ),
    )
    feed = _feed(_("Suche: %(words)s", words=words), url_for("search.search_page", q=words))
    for hit in page.hits:
        _add_entry(feed, hit.entry)
    return _response(feed)


@blueprint.route("/persoenlich/<token>.atom")
@limiter.limit(configured_limit("search"))
def personal(token: str):
    user = user_for_feed_token(token)
    if user is None:
        return error_response(404)
    feed = _feed(_("Meine Benachrichtigungen"), url_for("notifications.index"))
    for row in notifications.visible_notifications(user, limit=FEED_SIZE):
        described = notifications.describe(row)
        item = feed.add_entry(order="append")
        item.id(f"urn:hanse-hub:notification:{row.id}")
        item.title(f"{described.label}: {described.title}")
        if described.path:
            item.link(href=_absolute(described.path))
        item.author({"name": described.tenant or "Smarte Hanse"})
        item.updated(row.created_at)
        item.summary(" ".join(part for part in (described.text, described.reason) if part))
    response = _response(feed)
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
