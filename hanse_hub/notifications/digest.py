"""The e-mail digest: one mail per person and period with what happened in what they follow.

``send_digests(period)`` covers the last *completed* period in Berlin time – yesterday for
``daily``, last week (Monday to Monday) for ``weekly`` – so a run at any time of the day (or a
rerun) means the same period. Each person's digest is queued in a transaction of its own with
the dedupe key ``digest:<period>:<period key>:<user id>``: a rerun queues nothing twice, and a
run that dies halfway leaves the others to the next run. The mail outbox composes each digest
when it sends it, asking the policy then, and sends it once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from email.message import EmailMessage

from flask import render_template
from flask_babel import gettext as _
from sqlalchemy import select

from hanse_hub.accounts.models import User
from hanse_hub.clock import BERLIN
from hanse_hub.database import utcnow, write_transaction
from hanse_hub.extensions import db
from hanse_hub.labels import interface_language
from hanse_hub.mail import build_message, external_url
from hanse_hub.mail_outbox import OutgoingMail, queue_composed, register_composer
from hanse_hub.notifications.mail import add_html, unsubscribe_headers
from hanse_hub.notifications.models import EmailChannel, NotificationSettings
from hanse_hub.notifications.services import describe, unsubscribe_token, visible_notifications

DIGEST_MAIL = "digest"
PERIODS = ("daily", "weekly")
MAX_ITEMS = 100


@dataclass(frozen=True)
class Window:
    period: str
    key: str  # "2026-12-02" or "2026-W48"
    start: datetime  # UTC, inclusive
    end: datetime  # UTC, exclusive


def window(period: str, now: datetime | None = None) -> Window:
    """The last completed period before ``now`` (UTC), in Berlin's days and weeks."""
    if period not in PERIODS:
        raise ValueError(f"unknown digest period {period!r}")
    today = (now or utcnow()).astimezone(BERLIN).date()
    if period == "daily":
        first, last = today - timedelta(days=1), today
        key = first.isoformat()
    else:
        monday = today - timedelta(days=today.weekday())
        first, last = monday - timedelta(days=7), monday
        year, week, _day = first.isocalendar()
        key = f"{year}-W{week:02d}"

    def utc(day):
        return datetime.combine(day, time(), tzinfo=BERLIN).astimezone(utcnow().tzinfo)

    return Window(period, key, utc(first), utc(last))


@dataclass(frozen=True)
class DigestReport:
    queued: int = 0
    already: int = 0  # queued by an earlier run of the same period
    empty: int = 0  # nothing to tell


def _subscribers(period: str) -> list[int]:
    return list(
        db.session.scalars(
            select(User.id)
            .join(NotificationSettings, NotificationSettings.user_id == User.id)
            .where(
                NotificationSettings.email == EmailChannel(period),
                User.is_active_account.is_(True),
            )
            .order_by(User.id)
        )
    )


def dedupe_key(win: Window, user_id: int) -> str:
    return f"digest:{win.period}:{win.key}:{user_id}"


def queue_digests(
    period: str, *, now: datetime | None = None, base_url: str | None = None
) -> DigestReport:
    """Queue the digest of ``period`` for everyone who chose it, one transaction per person."""
    win = window(period, now)
    queued = already = empty = 0
    for user_id in _subscribers(period):
        with write_transaction():
            user = db.session.get(User, user_id)
            if not visible_notifications(user, since=win.start, until=win.end, limit=1):
                empty += 1
                continue
            settings = db.session.get(NotificationSettings, user_id)
            row = queue_composed(
                DIGEST_MAIL,
                user.email,
                {
                    "user_id": user_id,
                    "period": period,
                    "key": win.key,
                    "start": win.start.isoformat(),
                    "end": win.end.isoformat(),
                    "language": settings.language,
                    "base_url": base_url,
                },
                dedupe_key=dedupe_key(win, user_id),
            )
            if row is None:
                already += 1
            else:
                queued += 1
    return DigestReport(queued, already, empty)


def compose_digest(row: OutgoingMail) -> EmailMessage | None:
    """The digest as the person may read it when it is sent; None if nothing is left."""
    payload = row.payload or {}
    user = db.session.get(User, payload.get("user_id"))
    if user is None or not user.is_active:
        return None
    settings = db.session.get(NotificationSettings, user.id)
    if settings is None or settings.email != payload.get("period"):
        return None  # unsubscribed or changed since it was queued
    rows = visible_notifications(
        user,
        since=datetime.fromisoformat(payload["start"]),
        until=datetime.fromisoformat(payload["end"]),
        limit=MAX_ITEMS,
    )
    if not rows:
        return None
    items = [describe(notification) for notification in rows]
    daily = payload.get("period") == "daily"
    context = {
        "user": user,
        "language": interface_language(),
        "items": items,
        "daily": daily,
        "key": payload.get("key"),
        "link": lambda item: external_url(
            "notifications.open", notification_id=item.notification.id
        ),
        "home_link": external_url("notifications.home"),
        "settings_link": external_url("notifications.settings"),
        "unsubscribe_link": external_url(
            "notifications.unsubscribe", token=unsubscribe_token(user)
        ),
    }
    subject = (
        _("Smarte Hanse: Ihre Zusammenfassung des Tages (%(count)s Neuigkeiten)", count=len(items))
        if daily
        else _(
            "Smarte Hanse: Ihre Zusammenfassung der Woche (%(count)s Neuigkeiten)", count=len(items)
        )
    )
    message = build_message(
        user.email, subject, render_template("notifications/mail/digest.txt", **context)
    )
    add_html(message, render_template("notifications/mail/digest.html", **context))
    for name, value in unsubscribe_headers(user).items():
        message[name] = value
    return message


register_composer(DIGEST_MAIL, compose_digest)
