"""Editing workflow in the web interface: publish, archive, back to draft, delete, restore,
history, "Meine Entwürfe" and entries due for review."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from hanse_hub.accounts.models import Role
from hanse_hub.content import services as content
from hanse_hub.content.models import Entry, EntryStatus
from hanse_hub.policy import Actor
from tests.factories import csrf_token


def _reload(session, entry_id: int) -> Entry:
    session.expire_all()
    return session.get(Entry, entry_id)


def _press(client, entry: Entry, action: str, *, version: int | None = None):
    """Press a button on the entry page (a POST with the page's CSRF token and version)."""
    token = csrf_token(client, "/")
    data = {"csrf_token": token, "version": str(version if version is not None else entry.version)}
    return client.post(f"/eintraege/{entry.id}/{action}", data=data)


def _page(client, url: str) -> str:
    response = client.get(url, follow_redirects=True)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return response.get_data(as_text=True)


def test_editor_publishes_archives_and_unpublishes_with_buttons_on_the_entry_page(
    client, factory, session, rostock, editor
):
    entry = factory.entry(rostock, author=editor, status="draft", title="Pegel")
    session.commit()
    factory.login(client, editor)
    page = _page(client, f"/t/rostock/{entry.slug}")
    assert f'action="/eintraege/{entry.id}/veroeffentlichen"' in page
    assert f'action="/eintraege/{entry.id}/archivieren"' not in page

    assert _press(client, entry, "veroeffentlichen").status_code == 302
    entry = _reload(session, entry.id)
    assert entry.status == EntryStatus.PUBLISHED
    page = _page(client, f"/t/rostock/{entry.slug}")
    assert "Der Eintrag ist veröffentlicht." in page
    assert f'action="/eintraege/{entry.id}/archivieren"' in page

    _press(client, entry, "archivieren")
    entry = _reload(session, entry.id)
    assert entry.status == EntryStatus.ARCHIVED

    _press(client, entry, "zurueckziehen")
    assert _reload(session, entry.id).status == EntryStatus.DRAFT


def test_readers_see_no_buttons_and_cannot_press_them(
    client, factory, session, rostock, wismar, editor
):
    entry = factory.entry(rostock, author=editor, title="Pegel")
    reader = factory.user(rostock, Role.READER)
    outsider = factory.user(wismar, Role.EDITOR)
    session.commit()
    for person in (reader, outsider):
        factory.login(client, person)
        page = _page(client, f"/t/rostock/{entry.slug}")
        assert "/archivieren" not in page and "/bearbeiten" not in page
        for action in ("archivieren", "zurueckziehen", "veroeffentlichen", "loeschen", "geprueft"):
            assert _press(client, entry, action).status_code == 403, action
        assert _reload(session, entry.id).status == EntryStatus.PUBLISHED
        client.post("/abmelden", data={"csrf_token": csrf_token(client, "/")})


def test_buttons_on_invisible_entries_answer_404(client, factory, session, rostock, wismar, editor):
    draft = factory.entry(rostock, author=editor, status="draft")
    outsider = factory.user(wismar, Role.ADMIN)
    session.commit()
    factory.login(client, outsider)
    for action in ("veroeffentlichen", "loeschen", "wiederherstellen"):
        assert _press(client, draft, action).status_code == 404, action
    assert client.get(f"/eintraege/{draft.id}/loeschen").status_code == 404


def test_pressing_publish_twice_only_explains(client, factory, session, editor, published_solution):
    entry = published_solution
    session.commit()
    factory.login(client, editor)
    response = _press(client, entry, "veroeffentlichen")
    assert response.status_code == 302
    assert "bereits veröffentlicht" in _page(client, response.headers["Location"])


def test_a_stale_button_press_changes_nothing_and_says_why(
    client, factory, session, editor, published_solution
):
    entry = published_solution
    session.commit()
    factory.login(client, editor)
    response = _press(client, entry, "archivieren", version=entry.version - 1)
    assert _reload(session, entry.id).status == EntryStatus.PUBLISHED
    assert "inzwischen von jemand anderem geändert" in _page(client, response.headers["Location"])


def test_publishing_a_contact_without_consent_explains_why_not(
    client, factory, session, rostock, editor
):
    contact = factory.entry(rostock, kind="contact", author=editor, status="draft")
    session.commit()
    factory.login(client, editor)
    page = _page(client, f"/t/rostock/{contact.slug}")
    assert "erst veröffentlicht werden, wenn die Person zugestimmt hat" in page
    response = _press(client, contact, "veroeffentlichen")
    assert _reload(session, contact.id).status == EntryStatus.DRAFT
    page = _page(client, response.headers["Location"])
    assert "Die Person hat der Veröffentlichung zugestimmt" in page and "DSGVO" in page


def test_delete_asks_first_and_only_admins_restore_from_the_trash(
    client, factory, session, rostock, editor, admin
):
    entry = factory.entry(rostock, author=editor, title="Wegwerfen")
    session.commit()
    factory.login(client, editor)
    confirm = _page(client, f"/eintraege/{entry.id}/loeschen")
    assert "löschen?" in confirm and 'name="version"' in confirm
    response = _press(client, entry, "loeschen")
    assert response.status_code == 302 and response.headers["Location"].endswith("/t/rostock")
    assert _reload(session, entry.id).is_deleted
    assert client.get(f"/t/rostock/{entry.slug}").status_code == 404
    # Editors neither see the trash nor restore.
    assert client.get("/papierkorb/rostock").status_code == 403
    assert _press(client, entry, "wiederherstellen").status_code == 404
    client.post("/abmelden", data={"csrf_token": csrf_token(client, "/")})

    factory.login(client, admin)
    trash = _page(client, "/papierkorb/rostock")
    assert "Wegwerfen" in trash and f'action="/eintraege/{entry.id}/wiederherstellen"' in trash
    assert "/papierkorb/rostock" in _page(client, "/meine-entwuerfe")
    response = _press(client, entry, "wiederherstellen")
    assert response.status_code == 302
    assert not _reload(session, entry.id).is_deleted
    assert "Der Papierkorb ist leer." in _page(client, "/papierkorb/rostock")


def test_admins_of_other_cities_cannot_open_the_trash(client, factory, session, rostock, wismar):
    other_admin = factory.user(wismar, Role.ADMIN)
    session.commit()
    factory.login(client, other_admin)
    assert client.get("/papierkorb/rostock").status_code == 403
    assert client.get("/papierkorb/atlantis").status_code == 404
    assert client.get("/papierkorb/wismar").status_code == 200


def test_history_lists_versions_actions_people_and_changed_fields(
    client, factory, session, rostock, editor
):
    entry = factory.entry(rostock, author=editor, title="Parkraum", status="draft")
    actor = Actor.of(editor)
    content.update_entry(actor, entry, {"summary": "Neu", "tags": ["sensorik"]})
    content.publish_entry(actor, entry)
    session.commit()
    page = _page(client, f"/eintraege/{entry.id}/verlauf")  # public: anyone who reads it
    for word in ("angelegt", "geändert", "veröffentlicht", editor.display_name):
        assert word in page
    assert "Kurzbeschreibung, Schlagworte" in page
    assert page.index("veröffentlicht") < page.index("angelegt")  # newest first
    assert f'href="/eintraege/{entry.id}/verlauf"' in _page(client, f"/t/rostock/{entry.slug}")


def test_history_of_entries_the_viewer_cannot_read_answers_404(
    client, factory, session, rostock, editor
):
    internal = factory.entry(rostock, author=editor, visibility="internal")
    draft = factory.entry(rostock, author=editor, status="draft")
    session.commit()
    assert client.get(f"/eintraege/{internal.id}/verlauf").status_code == 404
    assert client.get(f"/eintraege/{draft.id}/verlauf").status_code == 404
    factory.login(client, factory.user(rostock, Role.READER))
    assert client.get(f"/eintraege/{internal.id}/verlauf").status_code == 200
    assert client.get(f"/eintraege/{draft.id}/verlauf").status_code == 404


def test_my_drafts_lists_drafts_of_my_city_and_my_own_but_not_others(
    client, factory, session, rostock, wismar, editor
):
    colleague = factory.user(rostock, Role.EDITOR)
    factory.entry(rostock, author=colleague, status="draft", title="Entwurf der Kollegin")
    factory.entry(rostock, author=editor, status="draft", title="Mein Entwurf")
    factory.entry(rostock, author=editor, title="Schon veröffentlicht")
    factory.entry(wismar, status="draft", title="Wismarer Entwurf")
    session.commit()
    factory.login(client, editor)
    page = _page(client, "/meine-entwuerfe")
    assert "Entwurf der Kollegin" in page and "Mein Entwurf" in page
    assert "Schon veröffentlicht" not in page and "Wismarer Entwurf" not in page


def test_my_drafts_needs_a_login(client):
    response = client.get("/meine-entwuerfe")
    assert response.status_code == 302 and "/anmelden" in response.headers["Location"]


def test_entries_past_their_review_date_are_flagged_to_their_citys_editors(
    client, factory, session, rostock, wismar, editor
):
    today = date.today()
    due = factory.entry(
        rostock, author=editor, title="Überfällig", review_by=today - timedelta(days=3)
    )
    factory.entry(rostock, author=editor, title="Noch Zeit", review_by=today + timedelta(days=30))
    factory.entry(
        rostock, author=editor, title="Archiv", status="archived", review_by=date(2020, 1, 1)
    )
    factory.entry(wismar, title="Wismar überfällig", review_by=date(2020, 1, 1))
    reader = factory.user(rostock, Role.READER)
    session.commit()
    factory.login(client, editor)
    page = _page(client, "/meine-entwuerfe")
    assert "Prüfung fällig" in page and "Überfällig" in page
    assert "Noch Zeit" not in page and "Archiv" not in page and "Wismar überfällig" not in page
    entry_page = _page(client, f"/t/rostock/{due.slug}")
    assert "Prüfung fällig" in entry_page
    # "Still true" moves the review date a year ahead.
    _press(client, due, "geprueft")
    assert _reload(session, due.id).review_by > today + timedelta(days=300)
    assert "Überfällig" not in _page(client, "/meine-entwuerfe").split('id="pruefung"')[1]
    client.post("/abmelden", data={"csrf_token": csrf_token(client, "/")})
    factory.login(client, reader)
    overdue = factory.entry(rostock, author=editor, title="Lesend", review_by=date(2020, 1, 1))
    session.commit()
    assert "Prüfung fällig" not in _page(client, f"/t/rostock/{overdue.slug}")


def test_editing_services_list_drafts_and_due_entries_through_the_policy(factory, rostock, editor):
    mine = factory.entry(rostock, author=editor, status="draft")
    reader = factory.user(rostock, Role.READER)
    old = factory.entry(rostock, author=editor, review_by=date(2020, 1, 1))
    assert content.drafts_for(Actor.of(editor)) == [mine]
    assert content.drafts_for(Actor.of(reader)) == []
    assert content.entries_due_for_review(Actor.of(editor), today=date.today()) == [old]
    assert content.entries_due_for_review(Actor.of(reader), today=date.today()) == []


def test_deleted_entries_are_found_for_restore_only_by_their_admins(
    factory, session, rostock, editor, admin
):
    entry = factory.entry(rostock, author=editor)
    content.delete_entry(Actor.of(editor), entry)
    assert content.get_deleted_entry(Actor.of(admin), entry.id) is entry
    with pytest.raises(content.EntryNotFound):
        content.get_deleted_entry(Actor.of(editor), entry.id)
    live = factory.entry(rostock, author=editor)
    with pytest.raises(content.EntryNotFound):
        content.get_deleted_entry(Actor.of(admin), live.id)
    assert session.scalar(select(Entry).where(Entry.id == entry.id)).is_deleted
