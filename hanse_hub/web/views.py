"""Hub-wide pages: the home page and the page of each tenant."""

from __future__ import annotations

from flask import Blueprint, Response, abort, render_template
from sqlalchemy import func, select

from hanse_hub.content.adoptions import visible_adoptions
from hanse_hub.content.models import Entry, EntryKind, Topic
from hanse_hub.content.models.entry import entry_topics
from hanse_hub.content.services import visible_entries
from hanse_hub.extensions import db
from hanse_hub.policy import scope_for
from hanse_hub.tenants.services import COLOUR_PATTERN as COLOUR
from hanse_hub.tenants.services import get_tenant, list_tenants
from hanse_hub.web.context import current_actor

blueprint = Blueprint("web", __name__)


@blueprint.route("/")
def home():
    actor = current_actor()
    latest = db.session.scalars(visible_entries(actor, include_archived=False).limit(12)).all()
    visible = scope_for(actor).entry_filter()
    counts_by_tenant = dict(
        db.session.execute(
            select(Entry.tenant_id, func.count(Entry.id)).where(visible).group_by(Entry.tenant_id)
        ).all()
    )
    counts_by_topic = dict(
        db.session.execute(
            select(entry_topics.c.topic_id, func.count(Entry.id))
            .join(Entry, Entry.id == entry_topics.c.entry_id)
            .where(visible)
            .group_by(entry_topics.c.topic_id)
        ).all()
    )
    topics = [
        (topic, counts_by_topic.get(topic.id, 0))
        for topic in db.session.scalars(select(Topic).order_by(Topic.position))
    ]
    return render_template(
        "web/home.html",
        latest=latest,
        tenants=list_tenants(),
        counts_by_tenant=counts_by_tenant,
        topics=topics,
        adoptions=visible_adoptions(actor)[:6],
    )


@blueprint.route("/t/<slug>")
def tenant_page(slug: str):
    tenant = get_tenant(slug)
    if tenant is None:
        abort(404)
    actor = current_actor()
    sections = {
        kind: db.session.scalars(
            visible_entries(actor, tenant=tenant, kind=kind, include_archived=False).limit(20)
        ).all()
        for kind in EntryKind
    }
    return render_template(
        "tenants/page.html",
        tenant=tenant,
        sections=sections,
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
