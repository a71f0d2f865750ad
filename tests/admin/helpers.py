"""Helpers for tests of the account flows and the administration pages."""

from __future__ import annotations

import re
from email.message import EmailMessage

from sqlalchemy import select

from hanse_hub.accounts.models import AuditEvent
from hanse_hub.extensions import db
from hanse_hub.mail import OUTBOX
from hanse_hub.mail_outbox import deliver_pending
from tests.factories import csrf_token


def post_form(client, path: str, data: dict | None = None, *, token_from: str = "/konto"):
    """POST ``data`` to ``path`` with a valid CSRF token taken from the page ``token_from``.

    The request writes through its own session; the test's objects are expired afterwards, so
    that assertions read what the request left in the database, not a stale copy.
    """
    response = client.post(
        path, data={"csrf_token": csrf_token(client, token_from), **(data or {})}
    )
    db.session.expire_all()
    return response


def mails_to(app, address: str) -> list[EmailMessage]:
    """The messages sent to ``address`` once the mail outbox has sent what was queued (the
    testing configuration runs no background sender: this is the sender's turn)."""
    deliver_pending()
    return [m for m in app.extensions.get(OUTBOX, []) if m["To"] == address]


def link_in(message: EmailMessage, path_prefix: str) -> str:
    """The path of the first link in ``message`` that starts with ``path_prefix``."""
    match = re.search(
        r"https?://[^/\s]+(" + re.escape(path_prefix) + r"\S+)", message.get_content()
    )
    assert match, f"no link to {path_prefix} in: {message.get_content()}"
    return match.group(1)


def audit_actions(**filters) -> list[str]:
    query = select(AuditEvent.action).order_by(AuditEvent.id)
    for name, value in filters.items():
        query = query.where(getattr(AuditEvent, name) == value)
    return list(db.session.scalars(query))


def text(response) -> str:
    return response.get_data(as_text=True)
