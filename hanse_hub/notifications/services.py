"""Notification use cases: follow and unfollow, notify, list and mark read, settings.

The rules, in words:

* a person follows an entry (a contact is an entry), a topic, a tenant or a search; they are
  told about new and changed entries there – not about a change the editor ticked as
  "kleine Änderung", and never about their own doing;
* the owning tenant's editors and admins are always told when another tenant records or
  changes an adoption of their solution, with its reason;
* an entry's author (or, without one, the owning tenant's editors) is told when its review
  is due;
* deactivated accounts receive nothing;
* nobody learns of an entry they may not see: a notification names only ids, and every
  list, mail, digest and feed asks the visibility policy again when it is read or sent.

``notify`` is the one function every use case calls; event types are registered in
``EVENTS`` (``register_event``) so that other domains (questions, …) add theirs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from flask import current_app, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from itsdangerous import BadData, URLSafeSerializer
from sqlalchemy import Select, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.util import identity_key

from hanse_hub.accounts.models import Membership, User
from hanse_hub.content import kinds
from hanse_hub.content.models import Adoption, Entry, EntryKind, EntryStatus, Topic
from hanse_hub.database import utcnow
from hanse_hub.extensions import db
from hanse_hub.labels import ADOPTION_LABELS
from hanse_hub.notifications.models import (
    EmailChannel,
    Follow,
    FollowTarget,
    Notification,
    NotificationSettings,
)
from hanse_hub.policy import Actor, scope_for
from hanse_hub.tenants.models import Tenant

# -- event types and reasons ---------------------------------------------------------------------

Visible = Callable[[Actor, Notification], bool]
Preload = Callable[[list[Notification]], list]


@dataclass(frozen=True)
class EventType:
    """A kind of thing that happened. ``label`` names it in lists, mails and feeds;
    ``visible`` (optional) adds a check beyond "the entry is visible" (e.g. an adoption's own
    visibility); it runs in Python on loaded notifications. ``preload`` (optional) reads what
    ``visible`` needs for all of a list's notifications at once, so that a list costs no query
    per notification."""

    name: str
    label: Any  # a lazy string
    visible: Visible | None = None
    preload: Preload | None = None


EVENTS: dict[str, EventType] = {}
# Why a person is told, by reason key: a lazy label ("Sie folgen diesem Eintrag").
REASONS: dict[str, Any] = {}


def register_event(
    name: str, label: Any, *, visible: Visible | None = None, preload: Preload | None = None
) -> EventType:
    """Make ``name`` an event type that ``notify`` accepts (call once, at import time)."""
    event = EventType(name, label, visible, preload)
    EVENTS[name] = event
    return event


def register_reason(name: str, label: Any) -> None:
    REASONS[name] = label


ENTRY_PUBLISHED = "entry_published"
ENTRY_UPDATED = "entry_updated"
ADOPTION_RECORDED = "adoption_recorded"
REVIEW_DUE = "review_due"


def _adoption_ids(notifications: Iterable[Notification]) -> set[int]:
    return {
        int(adoption_id)
        for row in notifications
        if (adoption_id := (row.detail or {}).get("adoption_id"))
    }


def _preload_adoptions(notifications: list[Notification]) -> list[Adoption]:
    """The adoptions (with their solutions) into the session, for ``_adoption_visible``."""
    held, missing = [], []
    for adoption_id in sorted(_adoption_ids(notifications)):
        # Those the page has loaded already (e.g. the solution page's adoptions) cost nothing.
        loaded = db.session.identity_map.get(identity_key(Adoption, adoption_id))
        if loaded is None:
            missing.append(adoption_id)
        else:
            held.append(loaded)
    if missing:
        query = select(Adoption).where(Adoption.id.in_(missing))
        held += db.session.scalars(query.options(selectinload(Adoption.solution)))
    return held


def _adoption_visible(actor: Actor, notification: Notification) -> bool:
    adoption_id = (notification.detail or {}).get("adoption_id")
    adoption = db.session.get(Adoption, adoption_id) if adoption_id else None
    return adoption is not None and scope_for(actor).allows_adoption(adoption)


register_event(ENTRY_PUBLISHED, _l("Neu veröffentlicht"))
register_event(ENTRY_UPDATED, _l("Geändert"))
register_event(
    ADOPTION_RECORDED, _l("Übernahme"), visible=_adoption_visible, preload=_preload_adoptions
)
register_event(REVIEW_DUE, _l("Überprüfung fällig"))

register_reason("follow_entry", _l("Sie folgen diesem Eintrag."))
register_reason("follow_contact", _l("Sie folgen einer verknüpften Kontaktperson."))
register_reason("follow_topic", _l("Sie folgen diesem Handlungsfeld."))
register_reason("follow_tenant", _l("Sie folgen dieser Organisation."))
register_reason("follow_search", _l("Der Eintrag passt zu einer Suche, der Sie folgen."))
register_reason("own_solution", _l("Die Lösung gehört Ihrer Organisation."))
register_reason("own_entry", _l("Sie sind für diesen Eintrag zuständig."))


class FollowError(ValueError):
    """A follow that cannot be made, with a message for people."""


# -- settings ------------------------------------------------------------------------------------


def settings_of(user: User) -> NotificationSettings:
    """The person's settings (the defaults, unsaved, when they never chose)."""
    settings = db.session.get(NotificationSettings, user.id)
    if settings is None:
        settings = NotificationSettings(
            user_id=user.id, in_app=True, email=EmailChannel.OFF, language="de"
        )
    return settings


def change_settings(
    user: User,
    *,
    in_app: bool | None = None,
    email: EmailChannel | str | None = None,
    language: str | None = None,
) -> NotificationSettings:
    """Choose per channel: in-app on or off; e-mail off, immediately, daily or weekly digest."""
    settings = db.session.get(NotificationSettings, user.id)
    if settings is None:
        settings = NotificationSettings(
            user_id=user.id, in_app=True, email=EmailChannel.OFF, language="de"
        )
        db.session.add(settings)
    if in_app is not None:
        settings.in_app = in_app
    if email is not None:
        settings.email = EmailChannel(email)
    if language is not None:
        if language not in ("de", "en"):
            raise ValueError(f"unknown language {language!r}")
        settings.language = language
    settings.updated_at = utcnow()
    db.session.flush()
    return settings


# -- follows -------------------------------------------------------------------------------------


def normalise_query(text: str) -> str:
    """A followed search as stored and looked up: control characters (NUL included, which
    PostgreSQL cannot store) dropped, runs of white space as one space, at most 200 characters."""
    printable = "".join(ch if ch.isprintable() else " " for ch in text)
    return " ".join(printable.split())[:200]


def follow_key(
    target: FollowTarget,
    *,
    entry_id: int | None = None,
    topic_id: int | None = None,
    tenant_id: int | None = None,
    query: str = "",
) -> str:
    match target:
        case FollowTarget.ENTRY:
            return f"entry:{entry_id}"
        case FollowTarget.TOPIC:
            return f"topic:{topic_id}"
        case FollowTarget.TENANT:
            return f"tenant:{tenant_id}"
        case _:
            return f"search:{normalise_query(query).casefold()}"


def follow(
    actor: Actor,
    user: User,
    target: FollowTarget | str,
    *,
    entry: Entry | None = None,
    topic_id: int | None = None,
    tenant_id: int | None = None,
    query: str = "",
) -> Follow:
    """``user`` follows a thing; following it again returns the existing follow.

    The caller finds an entry through the policy (``content.services.get_entry``) first; it
    is checked here again, so that nobody follows what they may not see.
    """
    if actor.is_anonymous or actor.user_id != user.id:
        raise FollowError(_("Nur angemeldete Personen folgen, und nur für sich selbst."))
    target = FollowTarget(target)
    values: dict[str, Any] = {}
    if target == FollowTarget.ENTRY:
        if entry is None or not scope_for(actor).allows_entry(entry):
            raise FollowError(_("Diesen Eintrag gibt es nicht."))
        values["entry_id"] = entry.id
    elif target == FollowTarget.TOPIC:
        if topic_id is None or db.session.get(Topic, topic_id) is None:
            raise FollowError(_("Dieses Handlungsfeld gibt es nicht."))
        values["topic_id"] = topic_id
    elif target == FollowTarget.TENANT:
        if tenant_id is None or db.session.get(Tenant, tenant_id) is None:
            raise FollowError(_("Diese Organisation gibt es nicht."))
        values["tenant_id"] = tenant_id
    else:
        query = normalise_query(query)
        if not query:
            raise FollowError(_("Bitte geben Sie Suchwörter an."))
        values["query"] = query
    key = follow_key(target, **values)
    existing = _existing_follow(user, key)
    if existing is not None:
        return existing
    row = Follow(user_id=user.id, target=target, key=key, **values)
    if target == FollowTarget.SEARCH:
        row.checked_until = utcnow()  # new entries from now on, not every old one
    try:
        # Two requests at once (a double click) may both pass the look-up above; the second
        # insert then meets the unique key and answers with the first one's follow.
        with db.session.begin_nested():
            db.session.add(row)
            db.session.flush()
    except IntegrityError:
        existing = _existing_follow(user, key)
        if existing is None:
            raise
        return existing
    return row


def _existing_follow(user: User, key: str) -> Follow | None:
    return db.session.scalar(select(Follow).where(Follow.user_id == user.id, Follow.key == key))


def unfollow(actor: Actor, follow_row: Follow) -> None:
    if actor.user_id != follow_row.user_id:
        raise FollowError(_("Diesen Eintrag gibt es nicht."))
    db.session.delete(follow_row)
    db.session.flush()


def follows_of(user: User) -> list[Follow]:
    """What ``user`` follows, newest first. Entries they may no longer see are left out."""
    actor = Actor.of(user)
    scope = scope_for(actor)
    rows = db.session.scalars(
        select(Follow).where(Follow.user_id == user.id).order_by(Follow.id.desc())
    )
    return [row for row in rows if row.entry is None or scope.allows_entry(row.entry)]


def get_follow(user: User, follow_id: int) -> Follow | None:
    row = db.session.get(Follow, follow_id)
    return row if row is not None and row.user_id == user.id else None


def find_follow(user: User | None, key: str) -> Follow | None:
    """The follow of ``user`` with ``key`` (``follow_key``), for a page's button."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return db.session.scalar(select(Follow).where(Follow.user_id == user.id, Follow.key == key))


# -- notify --------------------------------------------------------------------------------------


def _linked_contact_ids(entry: Entry) -> set[int]:
    ids: set[int] = set()
    for relationship, target in kinds.link_fields(entry.kind).values():
        if target == EntryKind.CONTACT:
            ids.update(linked.id for linked in getattr(entry, relationship, []) or [])
    for column, target in kinds.reference_fields(entry.kind).values():
        if target == EntryKind.CONTACT and getattr(entry, column, None):
            ids.add(getattr(entry, column))
    return ids


def followers_of(entry: Entry) -> dict[int, str]:
    """user id → reason, for everyone who follows the entry, a linked contact, one of its
    topics or its tenant (the most specific reason wins). Searches are matched separately."""
    contact_ids = _linked_contact_ids(entry)
    topic_ids = [topic.id for topic in entry.topics]
    clauses = [Follow.entry_id == entry.id, Follow.tenant_id == entry.tenant_id]
    if contact_ids:
        clauses.append(Follow.entry_id.in_(contact_ids))
    if topic_ids:
        clauses.append(Follow.topic_id.in_(topic_ids))
    rank = {"follow_entry": 0, "follow_contact": 1, "follow_topic": 2, "follow_tenant": 3}
    found: dict[int, str] = {}
    for row in db.session.scalars(select(Follow).where(or_(*clauses))):
        if row.entry_id == entry.id:
            reason = "follow_entry"
        elif row.entry_id is not None:
            reason = "follow_contact"
        elif row.topic_id is not None:
            reason = "follow_topic"
        else:
            reason = "follow_tenant"
        if row.user_id not in found or rank[reason] < rank[found[row.user_id]]:
            found[row.user_id] = reason
    return found


def editors_of(tenant_id: int) -> list[int]:
    """Ids of the active editors and admins of a tenant."""
    return list(
        db.session.scalars(
            select(Membership.user_id)
            .join(User, User.id == Membership.user_id)
            .where(
                Membership.tenant_id == tenant_id,
                Membership.role.in_(["editor", "admin"]),
                User.is_active_account.is_(True),
            )
        )
    )


# Composers of immediate mails register here (``notifications.mail``), so that this module
# needs no templates: called with the new rows of people who chose "immediately".
_immediate_mail_hooks: list[Callable[[list[Notification]], None]] = []


def on_immediate_mail(hook: Callable[[list[Notification]], None]) -> None:
    _immediate_mail_hooks.append(hook)


def notify(
    actor: Actor,
    event: str,
    *,
    entry: Entry | None,
    recipients: Mapping[int, str] | None = None,
    detail: Mapping[str, Any] | None = None,
    dedupe_key: str | None = None,
) -> list[Notification]:
    """Tell people that ``event`` happened to ``entry``; the new notifications.

    ``recipients`` maps user ids to the reason each is told (``REASONS``); None means the
    entry's followers (``followers_of``). The acting person, deactivated accounts, people who
    switched every channel off and people who may not see the entry now are left out; the
    policy is asked again whenever a notification is listed or sent. ``dedupe_key`` (with
    ``:<user id>`` appended) makes a notification exist once per person (e.g. review due).
    Call it inside the use case's transaction; e-mails are queued in the same transaction.
    """
    if event not in EVENTS:
        raise ValueError(f"unknown notification event {event!r}: register_event it first")
    wanted = dict(followers_of(entry) if recipients is None and entry is not None else {})
    if recipients is not None:
        wanted = dict(recipients)
    wanted.pop(actor.user_id, None)
    if not wanted:
        return []
    users = db.session.scalars(
        select(User).where(User.id.in_(wanted), User.is_active_account.is_(True))
    )
    created = []
    for user in users:
        settings = settings_of(user)
        if not settings.in_app and settings.email == EmailChannel.OFF:
            continue
        if entry is not None and not scope_for(Actor.of(user)).allows_entry(entry):
            continue
        key = f"{dedupe_key}:{user.id}" if dedupe_key else None
        if key and db.session.scalar(select(Notification.id).where(Notification.dedupe_key == key)):
            continue
        row = Notification(
            user_id=user.id,
            event=event,
            reason=wanted[user.id],
            entry_id=entry.id if entry is not None else None,
            actor_id=actor.user_id,
            detail=dict(detail or {}),
            dedupe_key=key,
        )
        db.session.add(row)
        created.append((row, settings))
    db.session.flush()
    immediate = [row for row, settings in created if settings.email == EmailChannel.IMMEDIATE]
    if immediate:
        for hook in _immediate_mail_hooks:
            hook(immediate)
    return [row for row, _settings in created]


def notify_entry_change(actor: Actor, entry: Entry, *, new: bool, minor: bool = False) -> None:
    """An entry was published (``new``) or a published entry changed; a minor change and
    changes of drafts tell nobody."""
    if minor or entry.status != EntryStatus.PUBLISHED or entry.is_deleted:
        return
    notify(actor, ENTRY_PUBLISHED if new else ENTRY_UPDATED, entry=entry)


def notify_adoption(actor: Actor, adoption: Adoption, *, changed_status: bool = True) -> None:
    """Another tenant recorded (or decided on) an adoption of a solution: the owning tenant's
    editors are always told, the solution's followers too."""
    if not changed_status:
        return
    solution = adoption.solution
    recipients = followers_of(solution)
    for user_id in editors_of(solution.tenant_id):
        recipients[user_id] = "own_solution"
    notify(
        actor,
        ADOPTION_RECORDED,
        entry=solution,
        recipients=recipients,
        detail={
            "adoption_id": adoption.id,
            "tenant_id": adoption.tenant_id,
            "status": str(adoption.status),
        },
    )


def notify_reviews_due(today: date) -> int:
    """Tell each published entry's author (or its tenant's editors) that its review is due;
    once per entry and review date. The number of notifications created."""
    query = select(Entry).where(
        Entry.review_by.is_not(None),
        Entry.review_by <= today,
        Entry.status == EntryStatus.PUBLISHED,
        Entry.deleted_at.is_(None),
    )
    count = 0
    for entry in db.session.scalars(query):
        author = entry.author
        editors = set(editors_of(entry.tenant_id))
        if author is not None and author.is_active and author.id in editors:
            recipients = {author.id: "own_entry"}
        else:
            recipients = dict.fromkeys(editors, "own_entry")
        count += len(
            notify(
                Actor(),
                REVIEW_DUE,
                entry=entry,
                recipients=recipients,
                detail={"review_by": entry.review_by.isoformat()},
                dedupe_key=f"review_due:{entry.id}:{entry.review_by.isoformat()}",
            )
        )
    return count


# -- reading -------------------------------------------------------------------------------------


def _visible_query(user: User) -> Select:
    """The notifications of ``user`` whose entry (if any) the user may see now."""
    scope = scope_for(Actor.of(user))
    return (
        select(Notification)
        .outerjoin(Entry, Entry.id == Notification.entry_id)
        .where(
            Notification.user_id == user.id,
            or_(Notification.entry_id.is_(None), scope.entry_filter(Entry)),
        )
    )


def _passes_event_checks(actor: Actor, rows: Iterable[Notification]) -> list[Notification]:
    rows = list(rows)
    # Held until the checks are done: the session keeps loaded objects only while referenced.
    preloaded = [
        event.preload([row for row in rows if row.event == event.name])
        for event in {EVENTS[row.event] for row in rows if row.event in EVENTS}
        if event.preload is not None
    ]
    kept = []
    for row in rows:
        event = EVENTS.get(row.event)
        if event is None:
            continue
        if event.visible is not None and not event.visible(actor, row):
            continue
        kept.append(row)
    del preloaded
    return kept


def visible_notifications(
    user: User,
    *,
    unread_only: bool = False,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[Notification]:
    """The notifications ``user`` may read now, newest first; nothing for a deactivated user."""
    actor = Actor.of(user)
    if actor.is_anonymous:
        return []
    query = _visible_query(user)
    if unread_only:
        query = query.where(Notification.read_at.is_(None))
    if since is not None:
        query = query.where(Notification.created_at >= since)
    if until is not None:
        query = query.where(Notification.created_at < until)
    query = query.order_by(Notification.created_at.desc(), Notification.id.desc())
    rows = db.session.scalars(query.offset(offset).limit(limit))
    return _passes_event_checks(actor, rows)


def get_notification(user: User, notification_id: int) -> Notification | None:
    """One notification of ``user`` that they may read now, or None."""
    actor = Actor.of(user)
    if actor.is_anonymous:
        return None
    row = db.session.scalar(_visible_query(user).where(Notification.id == notification_id))
    if row is None or not _passes_event_checks(actor, [row]):
        return None
    return row


def unread_count(user: User) -> int:
    """The number in the header: unread notifications the user may read (in-app switched on)."""
    if not Actor.of(user).is_anonymous and settings_of(user).in_app:
        query = _visible_query(user).where(Notification.read_at.is_(None))
        rows = db.session.scalars(query.limit(100))
        return len(_passes_event_checks(Actor.of(user), rows))
    return 0


def mark_read(user: User, notification_ids: Iterable[int] | None = None) -> int:
    """Mark the given notifications (or all) of ``user`` read; how many changed."""
    statement = (
        update(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )
    if notification_ids is not None:
        statement = statement.where(Notification.id.in_(list(notification_ids)))
    result = db.session.execute(statement.execution_options(synchronize_session=False))
    return result.rowcount or 0


def count_all(user: User) -> int:
    return db.session.scalar(
        select(func.count(Notification.id)).where(Notification.user_id == user.id)
    )


# -- describing a notification (lists, mails, digests, feeds) ------------------------------------


@dataclass(frozen=True)
class Described:
    """What a person reads about one notification, in the current interface language."""

    notification: Notification
    label: str  # the event ("Neu veröffentlicht")
    reason: str  # why they are told
    title: str  # the entry's title, or the event's own text
    path: str | None  # a same-origin path to look at it
    text: str = ""  # one more line (an adoption's city, decision and reason)
    tenant: str = ""


def describe(notification: Notification) -> Described:
    """A notification in words; the caller has checked that its reader may see it."""
    event = EVENTS.get(notification.event)
    detail = notification.detail or {}
    entry = notification.entry
    text = str(detail.get("text") or "")
    if notification.event == ADOPTION_RECORDED:
        adoption = db.session.get(Adoption, detail.get("adoption_id"))
        if adoption is not None:
            status = ADOPTION_LABELS.get(str(adoption.status), adoption.status)
            text = f"{adoption.tenant.short_name}: {status}"
            if adoption.changes:
                text += f" – {adoption.changes}"
    path = detail.get("url")
    if entry is not None and not path:
        path = url_for("content.entry_page", tenant_slug=entry.tenant.slug, slug=entry.slug)
    return Described(
        notification=notification,
        label=str(event.label) if event else notification.event,
        reason=str(REASONS.get(notification.reason, "")),
        title=entry.title if entry is not None else str(detail.get("title") or ""),
        path=path if isinstance(path, str) and path.startswith("/") else None,
        text=text,
        tenant=entry.tenant.short_name if entry is not None else "",
    )


# -- unsubscribing without logging in ------------------------------------------------------------

UNSUBSCRIBE_SALT = "hanse-unsubscribe"


def _unsubscribe_serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=UNSUBSCRIBE_SALT)


def unsubscribe_token(user: User) -> str:
    """A signed token that switches the person's e-mails off (no login, no expiry)."""
    return _unsubscribe_serializer().dumps({"user": user.id})


def user_for_unsubscribe_token(token: str) -> User | None:
    try:
        data = _unsubscribe_serializer().loads(token)
    except BadData:
        return None
    user = db.session.get(User, data.get("user")) if isinstance(data, dict) else None
    return user


def unsubscribe(user: User) -> NotificationSettings:
    """No more e-mails (immediate or digest); in-app notifications stay as they were."""
    return change_settings(user, email=EmailChannel.OFF)
