"""The topic taxonomy (Handlungsfelder), managed by hub admins."""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import func, select

from hanse_hub.content.models import Topic
from hanse_hub.content.services import ContentError
from hanse_hub.extensions import db
from hanse_hub.policy import Actor, PermissionDenied, can_manage_hub
from hanse_hub.tenants.services import SLUG_PATTERN


def list_topics() -> list[Topic]:
    return list(db.session.scalars(select(Topic).order_by(Topic.position, Topic.id)))


def get_topic(slug: str) -> Topic | None:
    return db.session.scalar(select(Topic).where(Topic.slug == slug))


def _require_hub_admin(actor: Actor | None) -> None:
    if actor is not None and not can_manage_hub(actor):
        raise PermissionDenied("manage topics")


def add_topic(actor: Actor | None, slug: str, name_de: str, name_en: str | None = None) -> Topic:
    _require_hub_admin(actor)
    if not SLUG_PATTERN.match(slug):
        raise ContentError(_("„%(slug)s“ ist kein gültiges Kürzel.", slug=slug), "slug")
    if not name_de.strip():
        raise ContentError(_("Bitte geben Sie einen deutschen Namen an."), "name_de")
    if get_topic(slug) is not None:
        raise ContentError(_("Das Handlungsfeld „%(slug)s“ gibt es bereits.", slug=slug), "slug")
    position = (db.session.scalar(select(func.max(Topic.position))) or 0) + 1
    topic = Topic(
        slug=slug, name_de=name_de.strip(), name_en=(name_en or name_de).strip(), position=position
    )
    db.session.add(topic)
    db.session.flush()
    return topic


def rename_topic(
    actor: Actor | None, topic: Topic, *, name_de: str | None = None, name_en: str | None = None
) -> Topic:
    """Rename a topic. Its slug stays, so links and filters keep working."""
    _require_hub_admin(actor)
    if name_de is not None:
        if not name_de.strip():
            raise ContentError(_("Bitte geben Sie einen deutschen Namen an."), "name_de")
        topic.name_de = name_de.strip()
    if name_en is not None and name_en.strip():
        topic.name_en = name_en.strip()
    db.session.flush()
    return topic


def remove_topic(actor: Actor | None, topic: Topic) -> None:
    """Remove a topic; entries keep their other topics."""
    _require_hub_admin(actor)
    db.session.delete(topic)
    db.session.flush()
