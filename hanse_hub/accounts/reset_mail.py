"""The password-reset e-mail: asked for in the request, composed and sent by the mail outbox.

The request only queues the address that was typed (``queue_reset_request``), whether or not
an account has it, so that answering takes the same work for every address; looking up the
account, creating and hashing the token and talking to the mail server happen when the
outbox sends the row, outside any request.
"""

from __future__ import annotations

from email.message import EmailMessage

from flask import render_template
from flask_babel import gettext as _

from hanse_hub.accounts import resets
from hanse_hub.mail import build_message, external_url
from hanse_hub.mail_outbox import OutgoingMail, queue_composed, register_composer

RESET_MAIL = "password_reset"


def queue_reset_request(
    email: str, *, remote_addr: str | None, language: str, base_url: str | None
) -> None:
    """Queue a reset for ``email`` in the current transaction (the same for every address)."""
    queue_composed(
        RESET_MAIL,
        email,
        {"remote_addr": remote_addr, "language": language, "base_url": base_url},
    )


def compose_reset_mail(row: OutgoingMail) -> EmailMessage | None:
    """Create the reset and its message, or None where no reset is due (no active account,
    or too many requests in the last hour)."""
    requested = resets.request_reset(
        row.recipient, remote_addr=(row.payload or {}).get("remote_addr")
    )
    if requested is None:
        return None
    body = render_template(
        "accounts/mail/password_reset.txt",
        user=requested.user,
        link=external_url("accounts.reset_password", token=requested.token),
        minutes=int(resets.RESET_LIFETIME.total_seconds() // 60),
    )
    return build_message(requested.user.email, _("Ihr Passwort für die Smarte Hanse"), body)


register_composer(RESET_MAIL, compose_reset_mail)
