"""Notification e-mails: one message per notification for people who chose "immediately".

The use case queues a composed row in its own transaction; the mail outbox composes it when it
sends it – so the policy is asked at delivery time: a notification whose entry the person may
no longer see, or a deactivated account, gets no mail.
"""

from __future__ import annotations

from email.message import EmailMessage

from flask import has_request_context, render_template, request
from flask_babel import gettext as _

from hanse_hub.accounts.models import User
from hanse_hub.extensions import db
from hanse_hub.labels import interface_language
from hanse_hub.mail import build_message, external_url
from hanse_hub.mail_outbox import OutgoingMail, queue_composed, register_composer
from hanse_hub.notifications.models import Notification
from hanse_hub.notifications.services import (
    describe,
    get_notification,
    on_immediate_mail,
    settings_of,
    unsubscribe_token,
)

NOTIFICATION_MAIL = "notification"


def base_url() -> str | None:
    """The address of this hub as the request that queues a mail reached it (if any)."""
    return request.host_url if has_request_context() else None


def unsubscribe_headers(user: User) -> dict[str, str]:
    """``List-Unsubscribe`` with one-click (RFC 8058): a POST to the link switches mail off."""
    link = external_url("notifications.unsubscribe", token=unsubscribe_token(user))
    return {"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def add_html(message: EmailMessage, html: str) -> None:
    message.add_alternative(html, subtype="html")


def _queue_immediate(rows: list[Notification]) -> None:
    for row in rows:
        user = db.session.get(User, row.user_id)
        queue_composed(
            NOTIFICATION_MAIL,
            user.email,
            {
                "notification_id": row.id,
                "language": settings_of(user).language,
                "base_url": base_url(),
            },
        )


def compose_notification_mail(row: OutgoingMail) -> EmailMessage | None:
    notification = db.session.get(Notification, (row.payload or {}).get("notification_id"))
    if notification is None:
        return None
    user = db.session.get(User, notification.user_id)
    visible = get_notification(user, notification.id) if user is not None else None
    if visible is None:
        return None  # deactivated, or the entry is no longer visible to them
    item = describe(visible)
    context = {
        "user": user,
        "language": interface_language(),
        "item": item,
        "link": external_url("notifications.open", notification_id=visible.id),
        "settings_link": external_url("notifications.settings"),
        "unsubscribe_link": external_url(
            "notifications.unsubscribe", token=unsubscribe_token(user)
        ),
    }
    message = build_message(
        user.email,
        _("Smarte Hanse: %(label)s – %(title)s", label=item.label, title=item.title),
        render_template("notifications/mail/notification.txt", **context),
    )
    add_html(message, render_template("notifications/mail/notification.html", **context))
    for name, value in unsubscribe_headers(user).items():
        message[name] = value
    return message


register_composer(NOTIFICATION_MAIL, compose_notification_mail)
on_immediate_mail(_queue_immediate)
