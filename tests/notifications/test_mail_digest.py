"""E-mail: immediate notification mails and the digest – per person's language, with an
unsubscribe link and header, checked against the policy when sent, idempotent and crash-safe."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from sqlalchemy import select

from hanse_hub.accounts import services as accounts
from hanse_hub.accounts.models import Role
from hanse_hub.content import services as content
from hanse_hub.content.models import Topic
from hanse_hub.database import utcnow, write_transaction
from hanse_hub.mail import OUTBOX
from hanse_hub.mail_outbox import deliver_pending
from hanse_hub.notifications import digest
from hanse_hub.notifications import services as notifications
from hanse_hub.notifications.models import EmailChannel
from hanse_hub.notifications.searches import check_followed_searches
from hanse_hub.policy import Actor
from tests.admin.helpers import mails_to

TOMORROW = timedelta(days=1)


def _sent_to(app, address):
    deliver_pending()
    return [m for m in app.extensions.get(OUTBOX, []) if m["To"] == address]


@pytest.fixture
def person(factory, luebeck):
    return factory.user(luebeck, Role.EDITOR)


def _follow_kind(kind, session, factory, rostock, editor, person):
    """Follow one followable kind and make the change that it should report; the entry."""
    actor = Actor.of(person)
    if kind == "entry":
        entry = factory.entry(rostock, author=editor, title="Bürgerportal")
        notifications.follow(actor, person, "entry", entry=entry)
        content.save_entry(Actor.of(editor), rostock, {"summary": "neu"}, entry=entry)
        return entry
    if kind == "contact":
        contact = factory.entry(rostock, kind="contact", author=editor)
        notifications.follow(actor, person, "entry", entry=contact)
        return factory.entry(rostock, author=editor, title="Bürgerportal", contact_ids=[contact.id])
    if kind == "topic":
        topic = session.scalar(select(Topic).where(Topic.slug == "mobilitaet"))
        notifications.follow(actor, person, "topic", topic_id=topic.id)
        return factory.entry(rostock, author=editor, title="Bürgerportal", topics=["mobilitaet"])
    if kind == "tenant":
        notifications.follow(actor, person, "tenant", tenant_id=rostock.id)
        return factory.entry(rostock, author=editor, title="Bürgerportal")
    with write_transaction():
        notifications.follow(actor, person, "search", query="Bürgerportal")
    with write_transaction():
        entry = factory.entry(rostock, author=editor, title="Bürgerportal Rostock")
    assert check_followed_searches() == 1
    return entry


@pytest.mark.parametrize("kind", ["entry", "contact", "topic", "tenant", "search"])
def test_follow_change_notification_digest_for_each_followable_kind(
    app, session, factory, rostock, editor, person, kind
):
    notifications.change_settings(person, email=EmailChannel.DAILY)
    entry = _follow_kind(kind, session, factory, rostock, editor, person)
    assert [row.entry_id for row in notifications.visible_notifications(person)][:1] == [entry.id]
    report = digest.queue_digests("daily", now=utcnow() + TOMORROW)
    assert report.queued == 1
    (message,) = mails_to(app, person.email)
    assert entry.title in message.get_body(("plain",)).get_content()
    assert entry.title in message.get_body(("html",)).get_content()


def test_a_search_follow_matches_the_words_exactly_not_a_corrected_spelling(
    app, session, factory, rostock, editor, person
):
    with write_transaction():
        notifications.follow(Actor.of(person), person, "search", query="Bürgerportl")
    with write_transaction():
        factory.entry(rostock, author=editor, title="Bürgerportal Rostock")
    assert check_followed_searches() == 0
    assert notifications.count_all(person) == 0


def test_an_immediate_mail_is_in_the_persons_language_with_unsubscribe_header(
    app, session, factory, rostock, editor, person
):
    notifications.change_settings(person, email=EmailChannel.IMMEDIATE, language="en")
    notifications.follow(Actor.of(person), person, "tenant", tenant_id=rostock.id)
    with write_transaction():
        factory.entry(rostock, author=editor, title="Hafensensorik")
    (message,) = mails_to(app, person.email)
    assert "Newly published" in message["Subject"] and "Hafensensorik" in message["Subject"]
    assert (
        message["List-Unsubscribe"].startswith("<http")
        and "/abbestellen/" in message["List-Unsubscribe"]
    )
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/abbestellen/" in message.get_body(("plain",)).get_content()


def test_an_immediate_mail_is_not_sent_when_the_entry_became_invisible_before_sending(
    app, session, factory, rostock, editor, person
):
    notifications.change_settings(person, email=EmailChannel.IMMEDIATE)
    notifications.follow(Actor.of(person), person, "tenant", tenant_id=rostock.id)
    with write_transaction():
        entry = factory.entry(rostock, author=editor, visibility="network")
    with write_transaction():
        content.save_entry(
            Actor.of(editor), rostock, {"visibility": "internal"}, entry=entry, minor=True
        )
    assert _sent_to(app, person.email) == []


def test_a_deactivated_person_gets_no_digest(app, session, factory, rostock, editor, person):
    notifications.change_settings(person, email=EmailChannel.WEEKLY)
    notifications.follow(Actor.of(person), person, "tenant", tenant_id=rostock.id)
    factory.entry(rostock, author=editor)
    digest.queue_digests("weekly", now=utcnow() + timedelta(days=7))
    accounts.deactivate_user(None, person)
    assert _sent_to(app, person.email) == []


def test_a_digest_run_killed_halfway_and_rerun_sends_each_person_exactly_one_mail(
    app, session, factory, rostock, editor, monkeypatch
):
    people = [factory.user(rostock, Role.READER) for _ in range(4)]
    for person in people:
        notifications.change_settings(person, email=EmailChannel.DAILY)
        notifications.follow(Actor.of(person), person, "tenant", tenant_id=rostock.id)
    with write_transaction():
        factory.entry(rostock, author=editor)
    now = utcnow() + TOMORROW
    real_queue = digest.queue_composed
    calls = []

    def dies_at_the_third(*args, **kwargs):
        calls.append(args)
        if len(calls) == 3:
            raise KeyboardInterrupt("killed")
        return real_queue(*args, **kwargs)

    monkeypatch.setattr(digest, "queue_composed", dies_at_the_third)
    with pytest.raises(KeyboardInterrupt):
        digest.queue_digests("daily", now=now)
    deliver_pending()  # the sender sends what the dead run had committed
    monkeypatch.setattr(digest, "queue_composed", real_queue)
    rerun = digest.queue_digests("daily", now=now)
    assert (rerun.queued, rerun.already) == (2, 2)
    assert digest.queue_digests("daily", now=now).queued == 0
    for person in people:
        assert len(_sent_to(app, person.email)) == 1


def test_the_digest_window_is_the_last_completed_day_or_week_in_berlin():
    from datetime import UTC, datetime

    now = datetime(2026, 12, 3, 0, 30, tzinfo=UTC)  # 01:30 in Berlin, a Thursday
    daily = digest.window("daily", now)
    assert daily.key == "2026-12-02"
    assert daily.start == datetime(2026, 12, 1, 23, 0, tzinfo=UTC)
    assert daily.end == datetime(2026, 12, 2, 23, 0, tzinfo=UTC)
    weekly = digest.window("weekly", now)
    assert weekly.key == "2026-W48"
    assert weekly.start == datetime(2026, 11, 22, 23, 0, tzinfo=UTC)
    assert weekly.end == datetime(2026, 11, 29, 23, 0, tzinfo=UTC)


def test_the_digest_command_sends_once_per_period(app, session, factory, rostock, editor, person):
    notifications.change_settings(person, email=EmailChannel.DAILY)
    notifications.follow(Actor.of(person), person, "tenant", tenant_id=rostock.id)
    factory.entry(rostock, author=editor)
    session.commit()
    address = person.email
    runner = app.test_cli_runner()
    with time_machine.travel(utcnow() + TOMORROW, tick=False):
        first = runner.invoke(args=["hub", "digest", "send", "--period", "daily"])
        second = runner.invoke(args=["hub", "digest", "send", "--period", "daily"])
        loop = runner.invoke(args=["hub", "notifications", "run", "--once"])
    assert first.exit_code == 0, first.output
    assert "1 queued" in first.output and "1 sent" in first.output
    assert "0 queued, 1 queued before" in second.output
    assert "digest weekly" in loop.output
    assert len(_sent_to(app, address)) == 1
