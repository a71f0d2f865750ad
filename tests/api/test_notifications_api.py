"""The API of follows, notifications, notification settings and feed tokens."""

from __future__ import annotations

import feedparser
import pytest

from hanse_hub.accounts.models import Role
from hanse_hub.content import services as content
from hanse_hub.notifications import feed_tokens
from hanse_hub.notifications import services as notifications
from hanse_hub.policy import Actor

# The routes of this module that take an id (the isolation sweep checks it covers them all).
ID_ROUTES = {
    "/api/v1/follows/{follow_id}": ("delete",),
    "/api/v1/feed-tokens/{token_id}": ("delete",),
}


@pytest.fixture
def person(factory, luebeck):
    return factory.user(luebeck, Role.EDITOR)


def test_follow_a_topic_then_a_new_entry_is_a_notification_to_read_and_mark(
    api, session, factory, rostock, editor, person
):
    caller = api(person)
    created = caller.post("/api/v1/follows", json={"target": "topic", "topic": "mobilitaet"})
    assert created.status_code == 201 and created.json["topic"] == "mobilitaet"
    again = caller.post("/api/v1/follows", json={"target": "topic", "topic": "mobilitaet"})
    assert again.json["id"] == created.json["id"]
    assert caller.get("/api/v1/follows").json["total"] == 1
    entry = factory.entry(rostock, author=editor, title="Radverkehrszählung", topics=["mobilitaet"])
    session.commit()
    listed = caller.get("/api/v1/notifications?unread=true").json
    assert [(n["event"], n["entry_id"], n["reason"]) for n in listed["items"]] == [
        ("entry_published", entry.id, "follow_topic")
    ]
    assert listed["items"][0]["title"] == "Radverkehrszählung"
    assert caller.get("/api/v1/notifications/unread-count").json == {"unread": 1}
    assert caller.post("/api/v1/notifications/read", json={}).json == {"marked": 1}
    assert caller.get("/api/v1/notifications/unread-count").json == {"unread": 0}
    deleted = caller.delete(f"/api/v1/follows/{created.json['id']}")
    assert deleted.status_code == 204
    assert caller.get("/api/v1/follows").json["total"] == 0


def test_following_an_invisible_entry_or_unknown_things_is_404_and_bad_bodies_422(
    api, session, factory, rostock, editor, person
):
    internal = factory.entry(rostock, author=editor, visibility="internal")
    caller = api(person)
    for body in (
        {"target": "entry", "entry_id": internal.id},
        {"target": "tenant", "tenant": "atlantis"},
        {"target": "topic", "topic": "nix"},
    ):
        response = caller.post("/api/v1/follows", json=body)
        assert response.status_code == 404, body
        assert response.mimetype == "application/problem+json"
    for body in (
        {"target": "entry"},
        {"target": "planet", "entry_id": 1},
        {"target": "search", "query": "x", "entry_id": 3},
    ):
        assert caller.post("/api/v1/follows", json=body).status_code == 422, body


def test_the_api_needs_a_token_and_a_writing_token_to_change(api, person):
    assert api().get("/api/v1/follows").status_code == 401
    assert api().get("/api/v1/notifications").status_code == 401
    reader = api(person, read_only=True)
    assert reader.get("/api/v1/notification-settings").status_code == 200
    refused = reader.patch("/api/v1/notification-settings", json={"email": "daily"})
    assert refused.status_code == 403


def test_settings_change_per_channel(api, person):
    caller = api(person)
    assert caller.get("/api/v1/notification-settings").json == {
        "in_app": True,
        "email": "off",
        "language": "de",
    }
    changed = caller.patch("/api/v1/notification-settings", json={"email": "weekly"})
    assert changed.json["email"] == "weekly" and changed.json["in_app"] is True
    bad = caller.patch("/api/v1/notification-settings", json={"email": "hourly"})
    assert bad.status_code == 422


def test_a_minor_change_through_the_api_tells_no_follower(
    api, session, factory, rostock, editor, person, published_solution
):
    notifications.follow(Actor.of(person), person, "entry", entry=published_solution)
    session.commit()
    caller = api(editor)
    url = f"/api/v1/entries/{published_solution.id}"
    assert caller.patch(url, json={"summary": "Tippfehler", "minor": True}).status_code == 200
    assert notifications.count_all(person) == 0
    assert caller.patch(url, json={"summary": "Neue Zahlen"}).status_code == 200
    assert notifications.count_all(person) == 1


def test_feed_tokens_through_the_api_show_the_secret_once_and_revoke(
    api, client, session, factory, rostock, editor, person
):
    notifications.follow(Actor.of(person), person, "tenant", tenant_id=rostock.id)
    factory.entry(rostock, author=editor, title="Hafenkante")
    session.commit()
    caller = api(person)
    created = caller.post("/api/v1/feed-tokens", json={"name": "Reader"})
    assert created.status_code == 201 and created.json["secret"].startswith("hf_")
    assert "secret" not in caller.get("/api/v1/feed-tokens").json[0]
    feed_path = created.json["feed_url"].split("localhost", 1)[1]
    parsed = feedparser.parse(client.get(feed_path).get_data())
    assert [item.title for item in parsed.entries] == ["Neu veröffentlicht: Hafenkante"]
    assert caller.delete(f"/api/v1/feed-tokens/{created.json['id']}").status_code == 204
    assert client.get(feed_path).status_code == 404


def test_another_persons_follows_and_feed_tokens_are_404(api, session, factory, rostock, person):
    other = factory.user(rostock, Role.EDITOR)
    follow = notifications.follow(Actor.of(other), other, "tenant", tenant_id=rostock.id)
    token = feed_tokens.create_feed_token(other, "x").token
    session.commit()
    caller = api(person)
    ids = {"follow_id": follow.id, "token_id": token.id}
    for route, methods in ID_ROUTES.items():
        for method in methods:
            response = getattr(caller, method)(route.format(**ids))
            assert response.status_code == 404, route
    assert notifications.follows_of(other) and feed_tokens.tokens_of(other)


def test_notifications_of_entries_that_became_invisible_leave_the_api_list(
    api, session, factory, rostock, editor, person
):
    notifications.follow(Actor.of(person), person, "tenant", tenant_id=rostock.id)
    entry = factory.entry(rostock, author=editor, visibility="network")
    session.commit()
    caller = api(person)
    assert caller.get("/api/v1/notifications").json["total"] == 1
    content.save_entry(
        Actor.of(editor), rostock, {"visibility": "internal"}, entry=entry, minor=True
    )
    session.commit()
    assert caller.get("/api/v1/notifications").json["total"] == 0
    assert caller.get("/api/v1/notifications/unread-count").json == {"unread": 0}
