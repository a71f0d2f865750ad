"""Outgoing e-mail: SMTP when ``HANSE_MAIL_SERVER`` is set, otherwise the log.

In development the message (with its links) is written to the log, so that a
developer can follow a reset link without a mail server; in testing it is also
collected in ``app.extensions["hanse_outbox_mail"]``. A production hub without
a mail server logs only that a message could not be sent – never its links.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import make_msgid

from flask import current_app, request, url_for

logger = logging.getLogger("hanse_hub.mail")

OUTBOX = "hanse_outbox_mail"
SMTP_TIMEOUT_SECONDS = 15
SMTPS_PORT = 465


class MailError(RuntimeError):
    """A message could not be handed to the mail server."""


def outbox() -> list[EmailMessage]:
    """The messages sent so far by this app in testing (empty elsewhere)."""
    return current_app.extensions.setdefault(OUTBOX, [])


def external_url(endpoint: str, **values) -> str:
    """An absolute link for an e-mail: ``HANSE_BASE_URL`` plus the path, if configured."""
    base_url = current_app.config.get("HANSE_BASE_URL")
    if base_url:
        return base_url + url_for(endpoint, **values)
    return request.host_url.rstrip("/") + url_for(endpoint, **values)


def build_message(to: str, subject: str, body: str) -> EmailMessage:
    config = current_app.config
    message = EmailMessage()
    message["From"] = config["HANSE_MAIL_SENDER"]
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain="smarte-hanse.hub")
    message.set_content(body)
    return message


def send_mail(to: str, subject: str, body: str) -> None:
    """Send a plain-text message now, or log it where no mail server is configured.

    Raises ``MailError`` when the mail server refuses or cannot be reached. Only for mail whose
    result the person waits for (invitations); everything else goes through the mail outbox.
    """
    deliver_message(build_message(to, subject, body))


def deliver_message(message: EmailMessage) -> None:
    """Hand a built message to the mail server, or the log (and, in testing, the outbox list).

    Raises ``MailError`` when the mail server refuses or cannot be reached.
    """
    config = current_app.config
    to, subject = message["To"], message["Subject"]
    if config.get("HANSE_MAIL_SERVER"):
        _send_smtp(message)
        logger.info("Sent %r to %s", subject, to)
        return
    if config["HANSE_ENV"] == "production":
        logger.warning("HANSE_MAIL_SERVER is not set: %r to %s was not sent.", subject, to)
        return
    logger.info("E-mail (not sent, no HANSE_MAIL_SERVER):\n%s", message.as_string())
    if config["TESTING"]:
        outbox().append(message)


def _send_smtp(message: EmailMessage) -> None:
    config = current_app.config
    host, port = config["HANSE_MAIL_SERVER"], config["HANSE_MAIL_PORT"]
    context = ssl.create_default_context()
    try:
        if port == SMTPS_PORT:
            smtp = smtplib.SMTP_SSL(host, port, timeout=SMTP_TIMEOUT_SECONDS, context=context)
        else:
            smtp = smtplib.SMTP(host, port, timeout=SMTP_TIMEOUT_SECONDS)
        with smtp:
            if port != SMTPS_PORT and config["HANSE_MAIL_USE_TLS"]:
                smtp.starttls(context=context)
            if config.get("HANSE_MAIL_USERNAME"):
                smtp.login(config["HANSE_MAIL_USERNAME"], config.get("HANSE_MAIL_PASSWORD") or "")
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as error:
        logger.exception("Sending %r to %s failed", message["Subject"], message["To"])
        raise MailError(str(error)) from error
