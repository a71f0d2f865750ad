"""Follow → change → notification: who is told, why, and who is never told."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from hanse_hub.accounts import services as accounts
from hanse_hub.accounts.models import Role
from hanse_hub.content import adoptions
from hanse_hub.content import services as content
from hanse_hub.content.models import Topic
from hanse_hub.notifications import services as notifications
from hanse_hub.notifications.models import EmailChannel, FollowTarget
from hanse_hub.policy import Actor


def mobility(session) -> Topic:
    return session.scalar(select(Topic).where(Topic.slug == "mobilitaet"))


def events_of(user) -> list[tuple[str, str, int | None]]:
    return [
        (row.event, row.reason, row.entry_id) for row in notifications.visible_notifications(user)
    ]


@pytest.fixture
def follower(factory, luebeck):
    return factory.user(luebeck, Role.EDITOR)


def test_following_a_topic_tells_about_a_new_entry_in_it(
    session, factory, rostock, editor, follower
):
    topic = mobility(session)
    notifications.follow(Actor.of(follower), follower, "topic", topic_id=topic.id)
    entry = factory.entry(rostock, author=editor, topics=["mobilitaet"])
    assert events_of(follower) == [("entry_published", "follow_topic", entry.id)]
    assert notifications.unread_count(follower) == 1


def test_following_a_tenant_tells_about_its_new_entries_but_not_about_drafts(
    factory, rostock, editor, follower
):
    notifications.follow(Actor.of(follower), follower, FollowTarget.TENANT, tenant_id=rostock.id)
    factory.entry(rostock, author=editor, status="draft")
    assert events_of(follower) == []
    entry = factory.entry(rostock, author=editor)
    assert events_of(follower) == [("entry_published", "follow_tenant", entry.id)]


def test_a_change_tells_followers_unless_ticked_as_minor(
    factory, rostock, editor, follower, published_solution
):
    actor = Actor.of(editor)
    notifications.follow(Actor.of(follower), follower, "entry", entry=published_solution)
    content.save_entry(
        actor, rostock, {"summary": "Tippfehler"}, entry=published_solution, minor=True
    )
    assert events_of(follower) == []
    content.save_entry(actor, rostock, {"summary": "Neue Zahlen"}, entry=published_solution)
    assert events_of(follower) == [("entry_updated", "follow_entry", published_solution.id)]


def test_following_a_contact_tells_about_entries_that_name_it(factory, rostock, editor, follower):
    contact = factory.entry(rostock, kind="contact", author=editor)
    notifications.follow(Actor.of(follower), follower, "entry", entry=contact)
    solution = factory.entry(rostock, author=editor, contact_ids=[contact.id])
    assert ("entry_published", "follow_contact", solution.id) in events_of(follower)


def test_nobody_is_told_about_their_own_change(factory, rostock, editor, published_solution):
    notifications.follow(Actor.of(editor), editor, "entry", entry=published_solution)
    content.save_entry(Actor.of(editor), rostock, {"summary": "x"}, entry=published_solution)
    assert events_of(editor) == []


def test_deactivated_accounts_receive_nothing(factory, rostock, editor, follower):
    notifications.follow(Actor.of(follower), follower, "tenant", tenant_id=rostock.id)
    accounts.deactivate_user(None, follower)
    factory.entry(rostock, author=editor)
    assert notifications.count_all(follower) == 0


def test_people_who_switched_every_channel_off_get_no_rows(factory, rostock, editor, follower):
    notifications.follow(Actor.of(follower), follower, "tenant", tenant_id=rostock.id)
    notifications.change_settings(follower, in_app=False, email=EmailChannel.OFF)
    factory.entry(rostock, author=editor)
    assert notifications.count_all(follower) == 0


def test_an_internal_entry_is_not_told_to_followers_of_other_cities(
    factory, rostock, editor, follower
):
    colleague = factory.user(rostock, Role.READER)
    for person in (follower, colleague):
        notifications.follow(Actor.of(person), person, "tenant", tenant_id=rostock.id)
    entry = factory.entry(rostock, author=editor, visibility="internal")
    assert notifications.count_all(follower) == 0
    assert events_of(colleague) == [("entry_published", "follow_tenant", entry.id)]


def test_a_notification_disappears_when_its_entry_becomes_invisible(
    factory, rostock, editor, follower
):
    notifications.follow(Actor.of(follower), follower, "tenant", tenant_id=rostock.id)
    entry = factory.entry(rostock, author=editor, visibility="network")
    (row,) = notifications.visible_notifications(follower)
    content.save_entry(
        Actor.of(editor), rostock, {"visibility": "internal"}, entry=entry, minor=True
    )
    assert notifications.visible_notifications(follower) == []
    assert notifications.get_notification(follower, row.id) is None
    assert notifications.unread_count(follower) == 0


def test_the_owning_citys_editors_are_told_of_an_adoption_with_its_reason(
    factory, rostock, wismar, editor, published_solution
):
    rostock_admin = factory.user(rostock, Role.ADMIN)
    rostock_reader = factory.user(rostock, Role.READER)
    wismar_editor = factory.user(wismar, Role.EDITOR)
    adoption = adoptions.record_adoption(
        Actor.of(wismar_editor),
        wismar,
        published_solution.id,
        {"status": "dropped", "changes": "Zu teuer im Betrieb", "visibility": "network"},
    )
    for person in (editor, rostock_admin):
        (row,) = notifications.visible_notifications(person)
        assert (row.event, row.reason) == ("adoption_recorded", "own_solution")
        assert row.detail["adoption_id"] == adoption.id and row.detail["status"] == "dropped"
    assert notifications.count_all(rostock_reader) == 0


def test_an_adoption_notification_hides_when_the_adoption_becomes_internal(
    factory, rostock, wismar, editor, published_solution
):
    wismar_editor = factory.user(wismar, Role.EDITOR)
    adoption = adoptions.record_adoption(
        Actor.of(wismar_editor), wismar, published_solution.id, {"visibility": "network"}
    )
    assert len(notifications.visible_notifications(editor)) == 1
    adoptions.update_adoption(Actor.of(wismar_editor), adoption, {"visibility": "internal"})
    assert notifications.visible_notifications(editor) == []


def test_a_due_review_is_told_to_the_author_once(factory, rostock, editor):
    entry = factory.entry(rostock, author=editor, review_by=date.today() - timedelta(days=1))
    assert notifications.notify_reviews_due(date.today()) == 1
    assert notifications.notify_reviews_due(date.today()) == 0
    assert events_of(editor) == [("review_due", "own_entry", entry.id)]


def test_marking_read_empties_the_count(factory, rostock, editor, follower):
    notifications.follow(Actor.of(follower), follower, "tenant", tenant_id=rostock.id)
    factory.entry(rostock, author=editor)
    factory.entry(rostock, author=editor)
    assert notifications.unread_count(follower) == 2
    first = notifications.visible_notifications(follower)[0]
    assert notifications.mark_read(follower, [first.id]) == 1
    assert notifications.unread_count(follower) == 1
    assert notifications.mark_read(follower) == 1
    assert notifications.unread_count(follower) == 0


def test_following_twice_keeps_one_follow_and_an_invisible_entry_cannot_be_followed(
    factory, rostock, wismar, editor, follower
):
    topic_follow = notifications.follow(Actor.of(follower), follower, "search", query=" Parken  ")
    again = notifications.follow(Actor.of(follower), follower, "search", query="parken")
    assert again.id == topic_follow.id
    internal = factory.entry(rostock, author=editor, visibility="internal")
    with pytest.raises(notifications.FollowError):
        notifications.follow(Actor.of(follower), follower, "entry", entry=internal)


def test_following_a_topic_or_tenant_that_does_not_exist_is_refused(factory, follower):
    for target, values in (("topic", {"topic_id": 987654}), ("tenant", {"tenant_id": 987654})):
        with pytest.raises(notifications.FollowError):
            notifications.follow(Actor.of(follower), follower, target, **values)
    assert notifications.follows_of(follower) == []


def test_a_follow_racing_another_request_answers_with_the_follow_already_made(
    follower, monkeypatch
):
    first = notifications.follow(Actor.of(follower), follower, "search", query="Parken")
    # The second request looked before the first one's row was there (two requests at once).
    answers = iter([None, first])
    monkeypatch.setattr(notifications, "_existing_follow", lambda user, key: next(answers))
    again = notifications.follow(Actor.of(follower), follower, "search", query="parken")
    assert again.id == first.id
