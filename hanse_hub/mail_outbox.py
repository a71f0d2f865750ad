"""The mail outbox: e-mail leaves the request.

A use case queues a message as a row in its own transaction (``queue_mail``), so a message is
never sent for a change that rolled back and never lost for one that committed. A sender –
a background thread in every app process, or ``flask --app hanse_hub hub mail send`` – claims
due rows, sends them after the commit and marks them sent; a failure is retried with growing
back-off (1, 2, 4 … minutes), and after ``MAX_ATTEMPTS`` the row is marked failed and logged.

Delivery is at-least-once: a process killed between handing a message to the mail server and
marking its row sent sends that one message again once the claim has expired. Queued rows
with a ``dedupe_key`` exist once per key, so a rerun that queues again queues nothing twice.

Some messages can only be composed when they are sent: a password reset must not create its
token (or learn whether the account exists) inside the request, so that the request does the
same work for every address. Such rows carry a ``kind`` whose composer, registered by the
domain that owns it, builds the message (or decides there is none) at delivery time.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage

from flask import Flask, current_app
from flask_babel import force_locale
from sqlalchemy import JSON, Integer, String, Text, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from hanse_hub.database import UTCDateTime, after_commit, utcnow, write_transaction
from hanse_hub.extensions import db
from hanse_hub.mail import MailError, build_message, deliver_message

logger = logging.getLogger("hanse_hub.mail")

PLAIN = "message"
QUEUED_FLAG = "hanse_mail_queued"
MAX_ATTEMPTS = 8
CLAIM_DURATION = timedelta(minutes=10)
BATCH_SIZE = 50
BACKGROUND_INTERVAL_SECONDS = 30.0


class OutgoingMail(db.Model):
    """One message waiting to be sent, sent, or given up on."""

    __tablename__ = "mail_outbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), default=PLAIN)
    recipient: Mapped[str] = mapped_column(String(320), default="")
    subject: Mapped[str] = mapped_column(String(300), default="")
    body_text: Mapped[str] = mapped_column(Text, default="")
    body_html: Mapped[str | None] = mapped_column(Text)
    headers: Mapped[dict | None] = mapped_column(JSON)
    payload: Mapped[dict | None] = mapped_column(JSON)
    dedupe_key: Mapped[str | None] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    failed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(String(500))


Composer = Callable[[OutgoingMail], EmailMessage | None]
_composers: dict[str, Composer] = {}


def register_composer(kind: str, composer: Composer) -> None:
    """Let the domain that owns ``kind`` build its messages at delivery time.

    The composer runs in a write transaction and a request context whose base URL and
    language are the row's ``payload["base_url"]`` and ``payload["language"]``; it returns the
    message, or None when there is nothing to send (for example: no such account).
    """
    _composers[kind] = composer


def queue_mail(
    recipient: str,
    subject: str,
    body_text: str,
    *,
    body_html: str | None = None,
    headers: dict[str, str] | None = None,
    dedupe_key: str | None = None,
) -> OutgoingMail | None:
    """Queue a finished message in the current transaction; None if ``dedupe_key`` exists."""
    return _queue(
        OutgoingMail(
            kind=PLAIN,
            recipient=recipient,
            subject=subject,
            body_text=body_text,
            body_html=body_html,
            headers=headers,
            dedupe_key=dedupe_key,
        )
    )


def queue_composed(
    kind: str, recipient: str, payload: dict, *, dedupe_key: str | None = None
) -> OutgoingMail | None:
    """Queue a message that the composer registered for ``kind`` builds when it is sent;
    None if ``dedupe_key`` was queued before."""
    if kind not in _composers:
        raise ValueError(f"no composer registered for mail kind {kind!r}")
    return _queue(
        OutgoingMail(kind=kind, recipient=recipient, payload=payload, dedupe_key=dedupe_key)
    )


def _queue(row: OutgoingMail) -> OutgoingMail | None:
    if row.dedupe_key is not None:
        exists = db.session.scalar(
            select(OutgoingMail.id).where(OutgoingMail.dedupe_key == row.dedupe_key)
        )
        if exists is not None:
            return None
    # A concurrent use case may queue the same key between the check and the insert: the
    # savepoint keeps the unique violation from ending the caller's transaction.
    try:
        with db.session.begin_nested():
            db.session.add(row)
    except IntegrityError:
        if row.dedupe_key is None:
            raise
        return None
    db.session.info[QUEUED_FLAG] = True
    return row


def failed_or_retrying(*, limit: int) -> list[OutgoingMail]:
    """Rows that failed at least once and are not sent, newest first."""
    return list(
        db.session.scalars(
            select(OutgoingMail)
            .where(OutgoingMail.sent_at.is_(None), OutgoingMail.last_error.is_not(None))
            .order_by(OutgoingMail.id.desc())
            .limit(limit)
        )
    )


@dataclass(frozen=True)
class DeliveryReport:
    sent: int = 0
    skipped: int = 0  # composed to nothing (e.g. a reset for an unknown address)
    retried: int = 0
    failed: int = 0

    def __add__(self, other: DeliveryReport) -> DeliveryReport:
        return DeliveryReport(
            self.sent + other.sent,
            self.skipped + other.skipped,
            self.retried + other.retried,
            self.failed + other.failed,
        )


def pending_count() -> int:
    """Messages neither sent nor given up on."""
    return db.session.scalar(
        select(func.count(OutgoingMail.id)).where(
            OutgoingMail.sent_at.is_(None), OutgoingMail.failed_at.is_(None)
        )
    )


def _claim(limit: int) -> list[int]:
    """Mark up to ``limit`` due rows as this sender's for ``CLAIM_DURATION``; their ids."""
    now = utcnow()
    with write_transaction():
        query = (
            select(OutgoingMail)
            .where(
                OutgoingMail.sent_at.is_(None),
                OutgoingMail.failed_at.is_(None),
                OutgoingMail.next_attempt_at <= now,
                or_(OutgoingMail.claimed_until.is_(None), OutgoingMail.claimed_until < now),
            )
            .order_by(OutgoingMail.id)
            .limit(limit)
        )
        if db.session.get_bind().dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        rows = list(db.session.scalars(query))
        for row in rows:
            row.claimed_until = now + CLAIM_DURATION
            row.attempts += 1
        return [row.id for row in rows]


def _compose(row: OutgoingMail) -> EmailMessage | None:
    if row.kind == PLAIN:
        message = build_message(row.recipient, row.subject, row.body_text)
        if row.body_html:
            message.add_alternative(row.body_html, subtype="html")
        for name, value in (row.headers or {}).items():
            message[name] = value
        return message
    composer = _composers.get(row.kind)
    if composer is None:
        raise MailError(f"no composer registered for mail kind {row.kind!r}")
    payload = row.payload or {}
    base_url = payload.get("base_url") or current_app.config.get("HANSE_BASE_URL")
    with (
        current_app.test_request_context("/", base_url=base_url or "http://localhost/"),
        force_locale(payload.get("language") or "de"),
    ):
        return composer(row)


def _deliver_one(row_id: int) -> DeliveryReport:
    with write_transaction():
        row = db.session.get(OutgoingMail, row_id)
        if row is None or row.sent_at is not None or row.failed_at is not None:
            return DeliveryReport()
        try:
            message = _compose(row)
            if message is not None:
                deliver_message(message)
        except MailError as error:
            return _schedule_retry(row, str(error))
        row.sent_at = utcnow()
        row.claimed_until = None
        if row.kind != PLAIN:
            # Composed rows may hold an address someone typed for an account that does not
            # exist: once handled, nothing of it is kept.
            row.recipient = ""
            row.payload = None
        return DeliveryReport(sent=1) if message is not None else DeliveryReport(skipped=1)


def _schedule_retry(row: OutgoingMail, error: str) -> DeliveryReport:
    row.last_error = error[:500]
    row.claimed_until = None
    if row.attempts >= MAX_ATTEMPTS:
        row.failed_at = utcnow()
        logger.error("Gave up sending mail %s after %s attempts: %s", row.id, row.attempts, error)
        return DeliveryReport(failed=1)
    row.next_attempt_at = utcnow() + timedelta(minutes=2 ** (row.attempts - 1))
    return DeliveryReport(retried=1)


def deliver_pending(*, limit: int = BATCH_SIZE) -> DeliveryReport:
    """Send every due message (in batches of ``limit``); what happened, counted.

    A frozen hub sends nothing: the messages wait until the freeze ends."""
    from hanse_hub.freeze.services import freeze_state

    report = DeliveryReport()
    if freeze_state().frozen:
        return report
    while ids := _claim(limit):
        for row_id in ids:
            report = report + _deliver_one(row_id)
        if len(ids) < limit:
            break
    return report


# -- the background sender of an app process ------------------------------------------------------

_wake = threading.Event()
_sender_lock = threading.Lock()
_sender: tuple[int, threading.Thread, threading.Event] | None = None


@after_commit
def _wake_sender_after_commit() -> None:
    """A committed use case that queued mail wakes the sender (not before: it would find
    nothing yet and sleep for the interval)."""
    if db.session.info.pop(QUEUED_FLAG, False):
        _wake.set()


def start_background_sender(app: Flask) -> None:
    """Start this process's sender thread once (after a fork, anew in the child)."""
    global _sender
    with _sender_lock:
        if _sender is not None and _sender[0] == os.getpid() and _sender[1].is_alive():
            return
        stop = threading.Event()
        thread = threading.Thread(
            target=_run_sender, args=(app, stop), name="hanse-mail-sender", daemon=True
        )
        _sender = (os.getpid(), thread, stop)
        thread.start()


def stop_background_sender() -> None:
    """Stop this process's sender thread after its current round (for tests and shutdown)."""
    global _sender
    with _sender_lock:
        if _sender is None:
            return
        _pid, thread, stop = _sender
        _sender = None
    stop.set()
    _wake.set()
    thread.join(timeout=30)


def _run_sender(app: Flask, stop: threading.Event) -> None:
    while not stop.is_set():
        _wake.wait(BACKGROUND_INTERVAL_SECONDS)
        _wake.clear()
        if stop.is_set():
            return
        try:
            with app.app_context():
                deliver_pending()
                db.session.remove()
        except Exception:  # keep the thread alive; the rows stay queued for the next round
            logger.exception("Sending queued mail failed")
