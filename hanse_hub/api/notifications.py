"""``/api/v1/follows``, ``/notifications``, ``/notification-settings``, ``/feed-tokens``: what
the caller follows and is told, how, and the secrets of their personal Atom feeds.

Every route needs a token (these are the caller's own things); writing needs a token that may
write. Each calls the same service functions as the web pages; notifications are checked
against the policy when they are read.
"""

from __future__ import annotations

from flask import g, url_for
from flask.views import MethodView
from flask_babel import gettext as _
from marshmallow import Schema, ValidationError, fields, validate, validates_schema
from sqlalchemy import select

from hanse_hub.api.common import (
    ACTION_PROBLEMS,
    ID,
    LIST_HEADERS,
    READ_PROBLEMS,
    WRITE_PROBLEMS,
    blueprint,
    list_of,
    problems,
    require_caller,
    require_json_body,
    require_writer,
)
from hanse_hub.api.errors import problem
from hanse_hub.api.schemas import PageSchema, PaginationArgs, StrictSchema
from hanse_hub.content import services as content
from hanse_hub.content.models import Topic
from hanse_hub.database import write_transaction
from hanse_hub.extensions import db
from hanse_hub.notifications import feed_tokens
from hanse_hub.notifications import services as notifications
from hanse_hub.notifications.models import EmailChannel, Follow, FollowTarget
from hanse_hub.tenants.services import get_tenant

MAX_ID = 2**31 - 1
MAX_LISTED = 500


# -- schemas -------------------------------------------------------------------------------------


class FollowSchema(Schema):
    id = fields.Integer()
    target = fields.String(metadata={"description": "entry, topic, tenant or search"})
    entry_id = fields.Integer(allow_none=True)
    topic = fields.String(allow_none=True, metadata={"description": "topic slug"})
    tenant = fields.String(allow_none=True, metadata={"description": "tenant slug"})
    query = fields.String(allow_none=True, metadata={"description": "the followed words"})
    created_at = fields.DateTime()


class FollowCreateSchema(StrictSchema):
    target = fields.String(required=True, validate=validate.OneOf([str(t) for t in FollowTarget]))
    entry_id = fields.Integer(validate=validate.Range(min=1, max=MAX_ID))
    topic = fields.String(validate=validate.Length(min=1, max=80))
    tenant = fields.String(validate=validate.Length(min=1, max=60))
    query = fields.String(validate=validate.Length(min=1, max=200))

    @validates_schema
    def _one_target(self, data, **_kwargs):
        needed = {"entry": "entry_id", "topic": "topic", "tenant": "tenant", "search": "query"}
        name = needed.get(data.get("target", ""))
        if name and name not in data:
            raise ValidationError({name: [_("Bitte angeben.")]})
        extra = sorted(set(data) - {"target", name})
        if extra:
            raise ValidationError({key: [_("Passt nicht zu diesem Ziel.")] for key in extra})


class FollowListSchema(PageSchema):
    items = fields.List(fields.Nested(FollowSchema))


class NotificationSchema(Schema):
    id = fields.Integer()
    event = fields.String()
    event_label = fields.String()
    reason = fields.String()
    reason_label = fields.String()
    entry_id = fields.Integer(allow_none=True)
    title = fields.String()
    text = fields.String()
    url = fields.String(allow_none=True)
    created_at = fields.DateTime()
    read_at = fields.DateTime(allow_none=True)


class NotificationListSchema(PageSchema):
    items = fields.List(fields.Nested(NotificationSchema))


class NotificationListArgs(PaginationArgs):
    unread = fields.Boolean(load_default=False)


class MarkReadSchema(StrictSchema):
    ids = fields.List(
        fields.Integer(validate=validate.Range(min=1, max=MAX_ID)),
        validate=validate.Length(max=500),
        metadata={"description": "Which to mark read; all when left out"},
    )


class MarkedSchema(Schema):
    marked = fields.Integer()


class UnreadSchema(Schema):
    unread = fields.Integer()


class SettingsSchema(Schema):
    in_app = fields.Boolean()
    email = fields.String(metadata={"description": "off, immediate, daily or weekly"})
    language = fields.String(metadata={"description": "de or en: the language of e-mails"})


class SettingsUpdateSchema(StrictSchema):
    in_app = fields.Boolean()
    email = fields.String(validate=validate.OneOf([str(c) for c in EmailChannel]))
    language = fields.String(validate=validate.OneOf(["de", "en"]))


class FeedTokenSchema(Schema):
    id = fields.Integer()
    name = fields.String()
    prefix = fields.String()
    created_at = fields.DateTime()


class CreatedFeedTokenSchema(FeedTokenSchema):
    secret = fields.String(metadata={"description": "Shown once, never again"})
    feed_url = fields.String()


class FeedTokenCreateSchema(StrictSchema):
    name = fields.String(load_default="", validate=validate.Length(max=100))


# -- payloads ------------------------------------------------------------------------------------


def _follow_payload(row: Follow) -> dict:
    return {
        "id": row.id,
        "target": str(row.target),
        "entry_id": row.entry_id,
        "topic": row.topic.slug if row.topic else None,
        "tenant": row.tenant.slug if row.tenant else None,
        "query": row.query or None,
        "created_at": row.created_at,
    }


def _notification_payload(row) -> dict:
    described = notifications.describe(row)
    return {
        "id": row.id,
        "event": row.event,
        "event_label": described.label,
        "reason": row.reason,
        "reason_label": described.reason,
        "entry_id": row.entry_id,
        "title": described.title,
        "text": described.text,
        "url": url_for("notifications.open", notification_id=row.id, _external=True),
        "created_at": row.created_at,
        "read_at": row.read_at,
    }


def _settings_payload(settings) -> dict:
    return {"in_app": settings.in_app, "email": str(settings.email), "language": settings.language}


def _token_payload(token) -> dict:
    return {
        "id": token.id,
        "name": token.name,
        "prefix": token.prefix,
        "created_at": token.created_at,
    }


# -- follows -------------------------------------------------------------------------------------


def _follow_values(data: dict) -> dict:
    """The service's arguments for what ``data`` names; 404 for what the caller cannot see."""
    target = data["target"]
    not_found = problem(404, _("Das gibt es nicht, oder Sie dürfen es nicht sehen."))
    if target == "entry":
        try:
            return {"entry": content.get_entry(g.actor, data["entry_id"])}
        except content.EntryNotFound:
            raise not_found from None
    if target == "topic":
        topic = db.session.scalar(select(Topic).where(Topic.slug == data["topic"]))
        if topic is None:
            raise not_found
        return {"topic_id": topic.id}
    if target == "tenant":
        tenant = get_tenant(data["tenant"])
        if tenant is None:
            raise not_found
        return {"tenant_id": tenant.id}
    return {"query": data["query"]}


@blueprint.route("/follows")
class Follows(MethodView):
    @blueprint.arguments(PaginationArgs, location="query")
    @blueprint.response(200, FollowListSchema, headers=LIST_HEADERS)
    @problems(*READ_PROBLEMS, 422)
    def get(self, args):
        """What the caller follows, newest first."""
        require_caller()
        return list_of(notifications.follows_of(g.api_token.user), args, _follow_payload)

    @blueprint.arguments(FollowCreateSchema)
    @blueprint.response(201, FollowSchema)
    @problems(*WRITE_PROBLEMS)
    def post(self, data):
        """Follow an entry (also a contact), a topic, a tenant or a search (its exact words).
        Following the same thing again answers the existing follow."""
        actor = require_writer()
        require_json_body()
        values = _follow_values(data)
        try:
            with write_transaction():
                row = notifications.follow(actor, g.api_token.user, data["target"], **values)
        except notifications.FollowError as error:
            raise problem(422, str(error)) from None
        return _follow_payload(row), 201


@blueprint.route(f"/follows/<{ID}:follow_id>", methods=["DELETE"])
@blueprint.response(204)
@problems(*ACTION_PROBLEMS)
def delete_follow(follow_id: int):
    """Stop following."""
    actor = require_writer()
    row = notifications.get_follow(g.api_token.user, follow_id)
    if row is None:
        raise problem(404, _("Das gibt es nicht, oder Sie dürfen es nicht sehen."))
    with write_transaction():
        notifications.unfollow(actor, row)
    return "", 204


# -- notifications -------------------------------------------------------------------------------


@blueprint.route("/notifications")
@blueprint.arguments(NotificationListArgs, location="query")
@blueprint.response(200, NotificationListSchema, headers=LIST_HEADERS)
@problems(*READ_PROBLEMS, 422)
def list_notifications(args):
    """The caller's notifications they may read now, newest first (`unread=true`: unread only)."""
    require_caller()
    rows = notifications.visible_notifications(
        g.api_token.user, unread_only=args["unread"], limit=MAX_LISTED
    )
    return list_of(rows, args, _notification_payload)


@blueprint.route("/notifications/unread-count")
@blueprint.response(200, UnreadSchema)
@problems(*READ_PROBLEMS)
def unread_count():
    """The number the web interface shows in its header."""
    require_caller()
    return {"unread": notifications.unread_count(g.api_token.user)}


@blueprint.route("/notifications/read", methods=["POST"])
@blueprint.arguments(MarkReadSchema)
@blueprint.response(200, MarkedSchema)
@problems(*WRITE_PROBLEMS)
def mark_read(data):
    """Mark notifications read: those in `ids`, or all."""
    require_writer()
    require_json_body()
    with write_transaction():
        marked = notifications.mark_read(g.api_token.user, data.get("ids"))
    return {"marked": marked}


# -- settings ------------------------------------------------------------------------------------


@blueprint.route("/notification-settings")
class NotificationSettingsResource(MethodView):
    @blueprint.response(200, SettingsSchema)
    @problems(*READ_PROBLEMS)
    def get(self):
        """How the caller is told: in-app on or off; e-mail off, immediate, daily or weekly."""
        require_caller()
        return _settings_payload(notifications.settings_of(g.api_token.user))

    @blueprint.arguments(SettingsUpdateSchema)
    @blueprint.response(200, SettingsSchema)
    @problems(*WRITE_PROBLEMS)
    def patch(self, data):
        """Change one or more channels."""
        require_writer()
        require_json_body()
        with write_transaction():
            settings = notifications.change_settings(g.api_token.user, **data)
        return _settings_payload(settings)


# -- feed tokens ---------------------------------------------------------------------------------


@blueprint.route("/feed-tokens")
class FeedTokens(MethodView):
    @blueprint.response(200, FeedTokenSchema(many=True))
    @problems(*READ_PROBLEMS)
    def get(self):
        """The caller's live feed tokens (never their secrets)."""
        require_caller()
        return [_token_payload(t) for t in feed_tokens.tokens_of(g.api_token.user)]

    @blueprint.arguments(FeedTokenCreateSchema)
    @blueprint.response(201, CreatedFeedTokenSchema)
    @problems(*WRITE_PROBLEMS)
    def post(self, data):
        """A new personal Atom feed address; its secret is in the answer only this once."""
        require_writer()
        require_json_body()
        try:
            with write_transaction():
                created = feed_tokens.create_feed_token(g.api_token.user, data["name"])
        except feed_tokens.FeedTokenError as error:
            raise problem(422, str(error)) from None
        return {
            **_token_payload(created.token),
            "secret": created.secret,
            "feed_url": url_for("feeds.personal", token=created.secret, _external=True),
        }, 201


@blueprint.route(f"/feed-tokens/<{ID}:token_id>", methods=["DELETE"])
@blueprint.response(204)
@problems(*ACTION_PROBLEMS)
def revoke_feed_token(token_id: int):
    """Revoke a feed token: its feed answers 404 at once."""
    require_writer()
    with write_transaction():
        revoked = feed_tokens.revoke_feed_token(g.api_token.user, token_id)
    if not revoked:
        raise problem(404, _("Das gibt es nicht, oder Sie dürfen es nicht sehen."))
    return "", 204
