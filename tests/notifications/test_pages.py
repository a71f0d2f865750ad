"""The pages: follow button, "Gefolgt", notifications with the header count, settings,
"Mein Bereich" and unsubscribing without login – all without JavaScript."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from hanse_hub.accounts.models import Role
from hanse_hub.content import adoptions
from hanse_hub.content.models import Topic
from hanse_hub.notifications import services as notifications
from hanse_hub.notifications.models import EmailChannel, Follow
from hanse_hub.policy import Actor
from tests.admin.helpers import post_form


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return response.get_data(as_text=True)


@pytest.fixture
def reader(factory, luebeck):
    return factory.user(luebeck, Role.EDITOR)


def test_the_follow_button_on_a_topic_page_follows_and_returns_to_the_page(
    client, session, factory, reader
):
    topic = session.scalar(select(Topic).where(Topic.slug == "mobilitaet"))
    session.commit()
    factory.login(client, reader)
    page = _page(client, "/themen/mobilitaet")
    assert 'aria-pressed="false"' in page
    response = post_form(
        client,
        "/folgen",
        {"target": "topic", "id": str(topic.id), "next": "/themen/mobilitaet"},
        token_from="/themen/mobilitaet",
    )
    assert response.status_code == 302 and response.headers["Location"] == "/themen/mobilitaet"
    assert [f.topic_id for f in notifications.follows_of(reader)] == [topic.id]
    assert 'aria-pressed="true"' in _page(client, "/themen/mobilitaet")
    assert topic.name_de in _page(client, "/gefolgt")


def test_following_an_entry_one_may_not_see_is_404_and_leaves_no_follow(
    client, session, factory, rostock, reader
):
    internal = factory.entry(rostock, visibility="internal")
    session.commit()
    factory.login(client, reader)
    response = post_form(client, "/folgen", {"target": "entry", "id": str(internal.id)})
    assert response.status_code == 404
    assert session.scalar(select(Follow).where(Follow.user_id == reader.id)) is None


def test_a_follow_with_an_unknown_target_is_404(client, session, factory, reader):
    session.commit()
    factory.login(client, reader)
    assert post_form(client, "/folgen", {"target": "planet", "id": "1"}).status_code == 404
    assert post_form(client, "/folgen", {"target": "topic", "id": "99999"}).status_code == 404


def test_removing_a_follow_from_the_gefolgt_page(client, session, factory, rostock, reader):
    row = notifications.follow(Actor.of(reader), reader, "tenant", tenant_id=rostock.id)
    other = factory.user(rostock, Role.READER)
    foreign = notifications.follow(Actor.of(other), other, "tenant", tenant_id=rostock.id)
    session.commit()
    factory.login(client, reader)
    assert post_form(client, f"/gefolgt/{foreign.id}/entfernen").status_code == 404
    assert post_form(client, f"/gefolgt/{row.id}/entfernen").status_code == 302
    assert notifications.follows_of(reader) == []
    assert notifications.follows_of(other) != []


def test_the_header_counts_unread_notifications_and_the_list_marks_them_read(
    client, session, factory, rostock, editor, reader
):
    notifications.follow(Actor.of(reader), reader, "tenant", tenant_id=rostock.id)
    entry = factory.entry(rostock, author=editor, title="Digitaler Parkleitweg")
    session.commit()
    factory.login(client, reader)
    page = _page(client, "/")
    assert 'class="count-badge">1<' in page
    listing = _page(client, "/benachrichtigungen")
    assert "Digitaler Parkleitweg" in listing and "Sie folgen dieser Organisation." in listing
    (row,) = notifications.visible_notifications(reader)
    opened = client.get(f"/benachrichtigungen/{row.id}")
    assert opened.status_code == 302 and opened.headers["Location"].endswith(entry.slug)
    session.expire_all()
    assert notifications.unread_count(reader) == 0
    assert "count-badge" not in _page(client, "/")


def test_someone_elses_notification_is_404(client, session, factory, rostock, editor, reader):
    other = factory.user(rostock, Role.READER)
    notifications.follow(Actor.of(other), other, "tenant", tenant_id=rostock.id)
    factory.entry(rostock, author=editor)
    (row,) = notifications.visible_notifications(other)
    session.commit()
    factory.login(client, reader)
    assert client.get(f"/benachrichtigungen/{row.id}").status_code == 404


def test_mark_all_read_button(client, session, factory, rostock, editor, reader):
    notifications.follow(Actor.of(reader), reader, "tenant", tenant_id=rostock.id)
    factory.entry(rostock, author=editor)
    factory.entry(rostock, author=editor)
    session.commit()
    factory.login(client, reader)
    response = post_form(client, "/benachrichtigungen/gelesen", token_from="/benachrichtigungen")
    assert response.status_code == 302
    assert notifications.unread_count(reader) == 0


def test_settings_are_chosen_per_channel_and_bad_choices_are_refused(
    client, session, factory, reader
):
    session.commit()
    factory.login(client, reader)
    page = "/benachrichtigungen/einstellungen"
    assert _page(client, page)
    bad = post_form(client, page, {"email": "hourly", "language": "de"}, token_from=page)
    assert bad.status_code == 422
    ok = post_form(client, page, {"email": "weekly", "language": "en"}, token_from=page)
    assert ok.status_code == 302
    settings = notifications.settings_of(reader)
    assert (settings.in_app, settings.email, settings.language) == (False, "weekly", "en")


def test_mein_bereich_shows_drafts_reviews_news_and_adoptions_by_others(
    client, session, factory, rostock, wismar, editor
):
    factory.entry(rostock, author=editor, status="draft", title="Entwurf Ladesäulen")
    factory.entry(
        rostock, author=editor, title="Alte Prüfung", review_by=date.today() - timedelta(days=3)
    )
    solution = factory.entry(rostock, author=editor, title="Sensorik am Hafen")
    adoptions.record_adoption(
        Actor.of(factory.user(wismar, Role.EDITOR)),
        wismar,
        solution.id,
        {"status": "adapted", "changes": "Andere Funkfrequenz", "visibility": "network"},
    )
    session.commit()
    factory.login(client, editor)
    page = _page(client, "/mein-bereich")
    for text in ("Entwurf Ladesäulen", "Alte Prüfung", "Sensorik am Hafen", "Andere Funkfrequenz"):
        assert text in page
    assert 'href="/mein-bereich"' in _page(client, "/")


def test_mein_bereich_needs_a_login(client):
    response = client.get("/mein-bereich")
    assert response.status_code == 302 and "/anmelden" in response.headers["Location"]


def test_the_unsubscribe_link_works_without_login_and_a_forged_one_does_not(
    app, client, session, factory, reader
):
    notifications.change_settings(reader, email=EmailChannel.DAILY)
    with app.test_request_context():
        token = notifications.unsubscribe_token(reader)
    session.commit()
    assert client.get(f"/abbestellen/{token}").status_code == 200
    assert client.post(f"/abbestellen/{token[:-2]}xx").status_code == 404
    assert notifications.settings_of(reader).email == EmailChannel.DAILY
    assert client.post(f"/abbestellen/{token}").status_code == 200
    session.expire_all()
    assert notifications.settings_of(reader).email == EmailChannel.OFF


@pytest.mark.parametrize(("minor", "told"), [("y", 0), (None, 1)])
def test_the_edit_forms_kleine_aenderung_tick_tells_no_follower(
    client, session, factory, rostock, editor, reader, minor, told
):
    entry = factory.entry(rostock, author=editor, title="Pegelmessung", visibility="public")
    notifications.follow(Actor.of(reader), reader, "entry", entry=entry)
    session.commit()
    factory.login(client, editor)
    url = f"/eintraege/{entry.id}/bearbeiten"
    assert "Kleine Änderung" in _page(client, url)
    data = {
        "title": "Pegelmessung",
        "summary": "Tippfehler behoben",
        "visibility": "public",
        "language": "de",
        "licence": "CC-BY-4.0",
        "maturity": "pilot",
        "version": str(entry.version),
        **({"minor": minor} if minor else {}),
    }
    response = post_form(client, url, data, token_from=url)
    assert response.status_code == 302
    assert notifications.count_all(reader) == told
