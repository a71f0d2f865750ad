"""The small things of everyday use (issue #17): dates said once and in the European form, file
types named for people, the audit log naming deleted entries, no empty partners on the home
page, and the adoption message worded per status."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from hanse_hub.accounts.models import AuditEvent, Role
from hanse_hub.content import services as content
from hanse_hub.content.models import EntryKind
from hanse_hub.labels import file_type_label
from hanse_hub.policy import Actor
from hanse_hub.tenants.models import TenantKind
from tests.admin.helpers import text
from tests.factories import csrf_token

ENGLISH = {"Accept-Language": "en"}


def _event(factory, tenant, starts: datetime, ends: datetime):
    return factory.entry(
        tenant, kind=EntryKind.EVENT, title="Werkstatt", starts_at=starts, ends_at=ends
    )


def test_a_same_day_event_names_its_date_once(client, factory, rostock):
    # 09:00–15:30 UTC is 10:00–16:30 in Berlin in December.
    event = _event(
        factory,
        rostock,
        datetime(2026, 12, 10, 9, 0, tzinfo=UTC),
        datetime(2026, 12, 10, 15, 30, tzinfo=UTC),
    )
    page = text(client.get(f"/t/rostock/{event.slug}"))
    assert "10.12.2026, 10:00 bis 16:30 Uhr" in page
    assert "10.12.2026, 16:30" not in page
    english = text(client.get(f"/t/rostock/{event.slug}", headers=ENGLISH))
    assert "10 Dec 2026, 10:00 to 16:30" in english


def test_an_event_over_several_days_names_both_dates(client, factory, rostock):
    event = _event(
        factory,
        rostock,
        datetime(2026, 12, 10, 9, 0, tzinfo=UTC),
        datetime(2026, 12, 11, 15, 30, tzinfo=UTC),
    )
    listing = text(client.get("/veranstaltungen"))
    assert "10.12.2026, 10:00 Uhr bis 11.12.2026, 16:30 Uhr" in listing
    assert event.title in listing


def test_english_dates_are_written_the_european_way(client, factory, rostock):
    event = _event(
        factory,
        rostock,
        datetime(2026, 9, 24, 8, 0, tzinfo=UTC),
        datetime(2026, 9, 25, 14, 0, tzinfo=UTC),
    )
    english = text(client.get(f"/t/rostock/{event.slug}", headers=ENGLISH))
    assert "24 Sep 2026, 10:00 to 25 Sep 2026, 16:00" in english
    assert "Sep 24, 2026" not in english and " AM" not in english and " PM" not in english


def test_file_types_are_named_as_people_call_them(app):
    with app.test_request_context():
        assert file_type_label("text/plain") == "Text"
        assert file_type_label("application/pdf") == "PDF"
        presentation = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        assert file_type_label(presentation) == "Präsentation"
        assert file_type_label("application/zip") == "ZIP"


def test_a_text_file_shows_as_text_not_plain(client, factory, session, editor, published_solution):
    session.commit()
    factory.login(client, editor)
    edit = f"/eintraege/{published_solution.id}/bearbeiten"
    form = {
        "csrf_token": csrf_token(client, edit),
        "file": (io.BytesIO(b"Protokoll der Sitzung\n"), "protokoll.txt"),
        "description": "",
        "alt_text": "",
        "language": "de",
    }
    response = client.post(
        f"/eintraege/{published_solution.id}/dateien", data=form, content_type="multipart/form-data"
    )
    assert response.status_code == 302
    page = text(client.get(f"/t/rostock/{published_solution.slug}"))
    assert "protokoll.txt" in page and "(Text, 1 KB)" in page and "PLAIN" not in page


def _admin_client(app, factory, user):
    client = app.test_client()
    factory.login(client, user)
    return client


def test_audit_log_names_a_deleted_entry_by_the_title_stored_in_its_event(
    app, factory, session, rostock, editor, admin
):
    entry = factory.entry(rostock, author=editor, title="Parksensoren am Stadthafen")
    content.delete_entry(Actor.of(editor), entry)
    page = text(_admin_client(app, factory, admin).get("/verwaltung/protokoll"))
    assert "„Parksensoren am Stadthafen“ (gelöscht)" in page
    assert f"Lösung Nr. {entry.id}" not in page


def test_audit_log_keeps_a_purged_entrys_title_but_not_a_purged_contacts(
    app, factory, session, rostock, admin
):
    solution = factory.entry(rostock, title="Digitale Bauakte")
    contact = factory.entry(rostock, kind=EntryKind.CONTACT, title="Erika Mustermann")
    contact_uuid = contact.uuid
    content.purge_entry(solution)
    content.purge_entry(contact)
    page = text(_admin_client(app, factory, admin).get("/verwaltung/protokoll"))
    assert "„Digitale Bauakte“ (gelöscht)" in page
    assert "Erika Mustermann" not in page and "Kontakt Nr." in page
    events = session.scalars(select(AuditEvent).where(AuditEvent.target == f"entry:{contact_uuid}"))
    assert all("title" not in event.detail for event in events)


def test_audit_log_shows_stored_titles_of_hidden_entries_to_nobody_else(
    app, factory, session, rostock, luebeck
):
    internal = factory.entry(luebeck, visibility="internal", title="Interne Ausschreibung")
    content.delete_entry(Actor.of(factory.user(luebeck, Role.ADMIN)), internal)
    hub_admin = factory.user(hub_admin=True)
    page = text(_admin_client(app, factory, hub_admin).get("/verwaltung/protokoll"))
    assert "Interne Ausschreibung" not in page and f"Lösung Nr. {internal.id}" in page


def test_home_page_lists_no_partner_without_entries(client, factory, rostock):
    factory.tenant("leer", short_name="Leerer Partner", kind=TenantKind.PARTNER)
    busy = factory.tenant("aktiv", short_name="Aktiver Partner", kind=TenantKind.PARTNER)
    factory.entry(busy, title="Gemeinsame Datenplattform")
    factory.tenant("stralsund", short_name="Stralsund")  # a city without entries stays
    page = text(client.get("/"))
    assert "Aktiver Partner" in page and "Stralsund" in page
    assert "Leerer Partner" not in page and "0 Einträge" in page  # Stralsund's


@pytest.mark.parametrize(
    ("status", "wording", "variant"),
    [
        ("evaluating", "Danke! Dass Wismar die Lösung prüft,", "info"),
        ("adopted", "Danke! Dass Wismar die Lösung übernommen hat,", "success"),
        ("adapted", "Danke! Dass Wismar die Lösung angepasst übernommen hat,", "success"),
        ("dropped", "Danke! Dass Wismar die Lösung verworfen hat,", "info"),
    ],
)
def test_adoption_message_is_worded_per_status_and_green_only_for_use(
    client, factory, session, rostock, wismar, status, wording, variant
):
    solution = factory.entry(rostock, title="Pegelsensoren")
    factory_editor = factory.user(wismar, Role.EDITOR)
    session.commit()
    factory.login(client, factory_editor)
    url = f"/eintraege/{solution.id}/uebernahme"
    data = {
        "tenant": "wismar",
        "status": status,
        "changes": "",
        "started_on": "2025-01-15",
        "decided_on": "" if status == "evaluating" else "2025-03-01",
        "visibility": "public",
        "contact_id": "",
        "csrf_token": csrf_token(client, url),
    }
    response = client.post(url, data=data, follow_redirects=True)
    page = text(response)
    match = re.search(
        r'kern-alert--(\w+)">\s*<div class="kern-alert__header">.*?<p class="kern-title">([^<]*)',
        page,
        re.S,
    )
    assert match, page
    assert match.group(2).startswith(wording) and match.group(1) == variant
    if status == "evaluating":
        assert "Wismar prüft die Lösung (seit 2025)" in page
