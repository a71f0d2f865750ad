"""Mail leaves the request: queued in the use case's transaction, sent afterwards, retried."""

from __future__ import annotations

from datetime import timedelta
from itertools import pairwise

import pytest
from sqlalchemy import func, select

from hanse_hub import mail as mail_module
from hanse_hub import mail_outbox
from hanse_hub.accounts import resets
from hanse_hub.accounts.models import AuditEvent
from hanse_hub.accounts.resets import PasswordReset
from hanse_hub.database import utcnow, write_transaction
from hanse_hub.mail import OUTBOX, MailError
from hanse_hub.mail_outbox import MAX_ATTEMPTS, OutgoingMail, deliver_pending, queue_mail
from tests.admin.helpers import mails_to, post_form


def _sent(app) -> list:
    return app.extensions.setdefault(OUTBOX, [])


def _count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def test_queued_mail_is_sent_only_by_the_sender_and_only_once(app, session):
    with write_transaction():
        queue_mail("a@example.org", "Betreff", "Text")
    assert _sent(app) == []
    assert deliver_pending().sent == 1
    assert [m["To"] for m in _sent(app)] == ["a@example.org"]
    assert deliver_pending().sent == 0
    assert len(_sent(app)) == 1


def test_mail_queued_by_a_rolled_back_use_case_is_never_sent(app, session):
    with pytest.raises(RuntimeError), write_transaction():
        queue_mail("b@example.org", "Betreff", "Text")
        raise RuntimeError("the use case fails after queuing")
    assert deliver_pending().sent == 0
    assert _sent(app) == []


def test_a_dedupe_key_queues_a_message_once(app, session):
    with write_transaction():
        assert queue_mail("c@example.org", "Digest", "1", dedupe_key="digest:c:2026-12-03")
    with write_transaction():
        assert queue_mail("c@example.org", "Digest", "2", dedupe_key="digest:c:2026-12-03") is None
    deliver_pending()
    assert [m.get_content().strip() for m in _sent(app)] == ["1"]


def test_html_part_and_extra_headers_are_sent(app, session):
    with write_transaction():
        queue_mail(
            "d@example.org",
            "Neu",
            "Text",
            body_html="<p>Text</p>",
            headers={"List-Unsubscribe": "<https://hub.example/abbestellen/x>"},
        )
    deliver_pending()
    message = _sent(app)[-1]
    assert message["List-Unsubscribe"] == "<https://hub.example/abbestellen/x>"
    assert message.get_body(("html",)).get_content().strip() == "<p>Text</p>"


def test_a_refused_message_is_retried_with_growing_back_off_then_given_up(
    app, session, monkeypatch
):
    def refuse(_message):
        raise MailError("421 try again later")

    monkeypatch.setattr(mail_outbox, "deliver_message", refuse)
    with write_transaction():
        row = queue_mail("e@example.org", "Betreff", "Text")
    waits = []
    for attempt in range(1, MAX_ATTEMPTS + 1):
        report = deliver_pending()
        session.refresh(row)
        assert row.attempts == attempt and row.last_error == "421 try again later"
        if attempt < MAX_ATTEMPTS:
            assert report.retried == 1
            waits.append(row.next_attempt_at - utcnow())
            assert deliver_pending().retried == 0, "retried before its back-off ended"
            row.next_attempt_at = utcnow() - timedelta(seconds=1)
            session.flush()
        else:
            assert report.failed == 1 and row.failed_at is not None
    assert all(later > earlier for earlier, later in pairwise(waits))
    assert row.sent_at is None


def test_a_message_claimed_by_a_sender_that_died_is_sent_after_the_claim_expires(app, session):
    """At-least-once: a sender killed after claiming leaves the row to the next sender."""
    with write_transaction():
        row = queue_mail("f@example.org", "Betreff", "Text")
    assert mail_outbox._claim(10) == [row.id]  # the dying sender's claim
    assert deliver_pending().sent == 0
    row.claimed_until = utcnow() - timedelta(seconds=1)
    session.flush()
    assert deliver_pending().sent == 1


def test_forgot_password_does_the_same_work_for_known_and_unknown_addresses(
    app, client, factory, session, monkeypatch
):
    """No account lookup result, no token, no hashing and no SMTP inside the request: the
    request queues the typed address, whatever it is (the timing side channel)."""
    user = factory.user()
    inside_request = []

    def forbidden(name):
        def record(*args, **kwargs):
            inside_request.append(name)
            raise AssertionError(f"{name} ran inside the request")

        return record

    for module, name in [
        (resets, "request_reset"),
        (resets, "_hash"),
        (resets.secrets, "token_urlsafe"),
        (mail_module, "_send_smtp"),
        (mail_module, "deliver_message"),
        (mail_outbox, "deliver_message"),
    ]:
        monkeypatch.setattr(module, name, forbidden(name))
    before = {m: _count(session, m) for m in (OutgoingMail, PasswordReset, AuditEvent)}
    for address in (user.email, "niemand-hier@example.org"):
        response = post_form(
            client, "/passwort-vergessen", {"email": address}, token_from="/passwort-vergessen"
        )
        assert response.status_code == 302
    assert inside_request == []
    after = {m: _count(session, m) for m in (OutgoingMail, PasswordReset, AuditEvent)}
    assert after[OutgoingMail] == before[OutgoingMail] + 2
    assert after[PasswordReset] == before[PasswordReset]
    assert after[AuditEvent] == before[AuditEvent]


def test_a_handled_reset_request_keeps_no_typed_address(app, client, factory, session):
    """Addresses typed by strangers are not kept once the request was handled (DSGVO)."""
    post_form(
        client,
        "/passwort-vergessen",
        {"email": "fremde-adresse@example.org"},
        token_from="/passwort-vergessen",
    )
    assert mails_to(app, "fremde-adresse@example.org") == []
    rows = session.scalars(select(OutgoingMail).where(OutgoingMail.kind == "password_reset"))
    assert all(row.recipient == "" and row.payload is None for row in rows)


def test_mail_cli_sends_the_queue_and_reports_status(app, session):
    with write_transaction():
        queue_mail("g@example.org", "Betreff", "Text")
    runner = app.test_cli_runner()
    status = runner.invoke(args=["hub", "mail", "status"])
    assert "waiting: 1" in status.output
    result = runner.invoke(args=["hub", "mail", "send"])
    assert result.exit_code == 0 and "sent 1" in result.output
    assert "waiting: 0" in runner.invoke(args=["hub", "mail", "status"]).output
