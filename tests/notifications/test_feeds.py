"""Atom feeds: they parse as Atom, public feeds hold public entries only, a personal feed
holds what its owner may read and closes the moment its token is revoked."""

from __future__ import annotations

import feedparser
import pytest

from hanse_hub.accounts import services as accounts
from hanse_hub.accounts.models import Role
from hanse_hub.content import services as content
from hanse_hub.database import write_transaction
from hanse_hub.notifications import feed_tokens
from hanse_hub.notifications import services as notifications
from hanse_hub.policy import Actor
from tests.admin.helpers import post_form


def _atom(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    assert response.mimetype == "application/atom+xml"
    parsed = feedparser.parse(response.get_data())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    # Atom's required elements: the feed's id, title and updated; each entry's id, title,
    # updated and a link.
    assert parsed.feed.id and parsed.feed.title and parsed.feed.updated
    for item in parsed.entries:
        assert item.id and item.title and item.updated and item.link
    return parsed


@pytest.fixture
def entries(factory, rostock, editor):
    return {
        visibility: factory.entry(
            rostock,
            author=editor,
            visibility=visibility,
            title=f"Ampelschaltung {visibility}",
            topics=["mobilitaet"],
        )
        for visibility in ("public", "network", "internal")
    } | {
        "draft": factory.entry(rostock, author=editor, status="draft", title="Ampelschaltung draft")
    }


@pytest.mark.parametrize(
    "url",
    [
        "/feeds/neu.atom",
        "/feeds/t/rostock.atom",
        "/feeds/themen/mobilitaet.atom",
        "/feeds/arten/loesungen.atom",
    ],
)
def test_public_feeds_parse_and_hold_public_entries_only_even_for_a_member(
    client, session, factory, editor, entries, url
):
    session.commit()
    factory.login(client, editor)  # a feed is read as an anonymous visitor, whoever asks
    titles = [item.title for item in _atom(client, url).entries]
    assert titles == ["Ampelschaltung public"]


def test_the_search_feed_holds_public_matches(client, factory, rostock, editor):
    for visibility in ("public", "network"):
        with write_transaction():
            factory.entry(
                rostock, author=editor, visibility=visibility, title=f"Parkhaus {visibility}"
            )
    titles = [item.title for item in _atom(client, "/feeds/suche.atom?q=Parkhaus").entries]
    assert titles == ["Parkhaus public"]
    assert client.get("/feeds/suche.atom").status_code == 400


def test_unknown_feeds_are_404(client):
    for url in ("/feeds/t/atlantis.atom", "/feeds/themen/nix.atom", "/feeds/arten/x.atom"):
        assert client.get(url).status_code == 404


def test_a_personal_feed_holds_the_owners_notifications_and_revokes_at_once(
    app, client, session, factory, rostock, editor
):
    member = factory.user(rostock, Role.READER)
    notifications.follow(Actor.of(member), member, "tenant", tenant_id=rostock.id)
    factory.entry(rostock, author=editor, visibility="internal", title="Intern: Haushalt")
    created = feed_tokens.create_feed_token(member, "Reader")
    session.commit()
    url = f"/feeds/persoenlich/{created.secret}.atom"
    parsed = _atom(client, url)
    assert [item.title for item in parsed.entries] == ["Neu veröffentlicht: Intern: Haushalt"]
    assert client.get(url).headers["Cache-Control"] == "private, no-store"
    # The feed token opens the feed, and nothing else: no session comes with it.
    assert client.get("/mein-bereich").status_code == 302
    factory.login(client, member)
    post_form(
        client,
        f"/benachrichtigungen/feed-tokens/{created.token.id}/widerrufen",
        token_from="/benachrichtigungen/einstellungen",
    )
    assert client.get(url).status_code == 404


def test_a_personal_feed_drops_entries_that_became_invisible_and_closes_for_deactivated(
    client, session, factory, rostock, luebeck, editor
):
    other = factory.user(luebeck, Role.EDITOR)
    notifications.follow(Actor.of(other), other, "tenant", tenant_id=rostock.id)
    entry = factory.entry(rostock, author=editor, visibility="network", title="Netzwerk")
    secret = feed_tokens.create_feed_token(other, "Reader").secret
    session.commit()
    url = f"/feeds/persoenlich/{secret}.atom"
    assert len(_atom(client, url).entries) == 1
    content.save_entry(Actor.of(editor), rostock, {"visibility": "internal"}, entry=entry)
    session.commit()
    assert _atom(client, url).entries == []
    accounts.deactivate_user(None, other)
    session.commit()
    assert client.get(url).status_code == 404


def test_feed_tokens_are_created_on_the_settings_page_and_shown_once(
    client, session, factory, rostock
):
    member = factory.user(rostock, Role.READER)
    session.commit()
    factory.login(client, member)
    response = post_form(
        client,
        "/benachrichtigungen/feed-tokens",
        {"name": "Thunderbird"},
        token_from="/benachrichtigungen/einstellungen",
    )
    assert response.status_code == 302
    page = client.get("/benachrichtigungen/einstellungen").get_data(as_text=True)
    assert "/feeds/persoenlich/hf_" in page and "Thunderbird" in page
    assert "/feeds/persoenlich/hf_" not in client.get("/benachrichtigungen/einstellungen").get_data(
        as_text=True
    )
