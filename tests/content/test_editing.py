"""Editing in the web interface: create and edit forms of every kind, validation, preview."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from hanse_hub.accounts.models import Role
from hanse_hub.content import services as content
from hanse_hub.content.models import Contact, Entry, EntryStatus, Event
from hanse_hub.policy import Actor
from tests.factories import csrf_token


@pytest.fixture
def rostock(factory):
    return factory.tenant("rostock", short_name="Rostock", official_name="Hansestadt Rostock")


@pytest.fixture
def wismar(factory):
    return factory.tenant("wismar", short_name="Wismar", official_name="Hansestadt Wismar")


def _post(client, url: str, data: dict, *, form_url: str | None = None, **kwargs):
    """Send a form as a browser would: with the CSRF token of the page it is on."""
    return client.post(
        url, data={"csrf_token": csrf_token(client, form_url or url), **data}, **kwargs
    )


def _entry(session, title: str) -> Entry | None:
    session.expire_all()
    return session.scalar(select(Entry).where(Entry.title == title))


COMMON = {"visibility": "public", "language": "de", "licence": "CC-BY-4.0"}

KIND_INPUT = {
    "loesung": {
        "title": "Smarte Mülleimer am Stadthafen",
        "summary": "Füllstandssensoren melden, wann geleert werden muss.",
        "body": "## Ablauf\n\n**Sensoren** funken über LoRaWAN.",
        "maturity": "pilot",
        "technologies": "LoRaWAN, FIWARE",
        "repository_url": "https://gitlab.opencode.de/rostock/muell",
        "topics": ["daten-infrastruktur", "klimaschutz-stadtgruen"],
        "tags": "Sensorik, Abfall, sensorik",
    },
    "erfahrung": {
        "title": "Ausschreibung von Bodensensoren",
        "what_worked": "Losweise Vergabe.",
        "what_did_not_work": "Zu kurze Fristen.",
    },
    "kontakt": {
        "title": "Jana Kruse – Parkraum",
        "person_name": "Jana Kruse",
        "email": "j.kruse@rostock.example",
        "phone": "+49 381 381-0",
        "expertise": "Parkraummanagement, Vergabe",
    },
    "veranstaltung": {
        "title": "Smarte-Hanse-Konferenz 2026",
        "starts_at": "2026-05-12T09:00",
        "ends_at": "2026-05-12T17:30",
        "place": "Stralsund",
    },
    "material": {"title": "Folien zum Parkraum-Vortrag"},
}


@pytest.mark.parametrize("kind_slug", list(KIND_INPUT))
def test_editor_creates_each_kind_as_draft_through_the_form(
    client, factory, session, rostock, editor, kind_slug
):
    data = {**COMMON, **KIND_INPUT[kind_slug]}
    if kind_slug == "material":
        event = factory.entry(rostock, kind="event", title="Fachtag Parken")
        data["event_id"] = str(event.id)
    session.commit()
    factory.login(client, editor)
    url = f"/t/rostock/neu/{kind_slug}"
    assert client.get(url).status_code == 200
    response = _post(client, url, data)
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    entry = _entry(session, data["title"])
    assert entry is not None and entry.status == EntryStatus.DRAFT
    assert entry.tenant_id == rostock.id and entry.author_id == editor.id
    assert response.headers["Location"].endswith(f"/t/rostock/{entry.slug}")


def test_solution_form_stores_lists_topics_and_maturity(client, factory, session, rostock, editor):
    session.commit()
    factory.login(client, editor)
    _post(client, "/t/rostock/neu/loesung", {**COMMON, **KIND_INPUT["loesung"]})
    entry = _entry(session, KIND_INPUT["loesung"]["title"])
    assert entry.maturity == "pilot"
    assert entry.technologies == ["LoRaWAN", "FIWARE"]
    assert entry.tags == ["abfall", "sensorik"]
    assert [t.slug for t in entry.topics] == ["klimaschutz-stadtgruen", "daten-infrastruktur"]


def test_event_times_typed_in_berlin_are_stored_in_utc(client, factory, session, rostock, editor):
    session.commit()
    factory.login(client, editor)
    _post(client, "/t/rostock/neu/veranstaltung", {**COMMON, **KIND_INPUT["veranstaltung"]})
    event = _entry(session, "Smarte-Hanse-Konferenz 2026")
    assert isinstance(event, Event)
    assert event.starts_at == datetime(2026, 5, 12, 7, 0, tzinfo=UTC)  # CEST = UTC+2
    assert event.ends_at == datetime(2026, 5, 12, 15, 30, tzinfo=UTC)
    page = client.get(f"/eintraege/{event.id}/bearbeiten").get_data(as_text=True)
    assert 'value="2026-05-12T09:00"' in page  # shown again in local time


def test_contact_consent_checkbox_records_and_withdraws_consent(
    client, factory, session, rostock, editor
):
    session.commit()
    factory.login(client, editor)
    data = {**COMMON, **KIND_INPUT["kontakt"], "consent": "y"}
    _post(client, "/t/rostock/neu/kontakt", data)
    contact = _entry(session, data["title"])
    assert isinstance(contact, Contact) and contact.has_consent
    assert contact.consent_recorded_by_id == editor.id
    content.publish_entry(Actor.of(editor), contact)
    session.commit()
    url = f"/eintraege/{contact.id}/bearbeiten"
    without = {k: v for k, v in data.items() if k != "consent"}
    response = _post(client, url, {**without, "version": str(contact.version)})
    assert response.status_code == 302
    contact = _entry(session, data["title"])
    assert not contact.has_consent and contact.status == EntryStatus.DRAFT


def test_validation_errors_stand_beside_their_fields_and_keep_the_input(
    client, factory, session, rostock, editor
):
    session.commit()
    factory.login(client, editor)
    data = {
        **COMMON,
        "title": "",
        "summary": "Mein sorgfältig formulierter Text",
        "starts_at": "2026-05-12T18:00",
        "ends_at": "kein Datum",
        "place": "Stralsund <Hafen>",
    }
    response = _post(client, "/t/rostock/neu/veranstaltung", data)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'id="title-error"' in page and "Bitte geben Sie einen Titel an." in page
    title_input = re.search(r'<input[^>]*id="title"[^>]*>', page).group(0)
    assert 'aria-describedby="title-error"' in title_input and 'aria-invalid="true"' in title_input
    assert 'id="ends_at-error"' in page
    summary = re.search(r'<div [^>]*role="alert"[^>]*id="fehler".*?</ul>', page, re.S).group(0)
    assert 'href="#title"' in summary and 'href="#ends_at"' in summary
    assert "Mein sorgfältig formulierter Text" in page
    assert 'value="Stralsund &lt;Hafen&gt;"' in page
    assert 'value="2026-05-12T18:00"' in page
    assert _entry(session, "") is None


def test_a_service_error_lands_on_its_field(client, factory, session, rostock, editor):
    session.commit()
    factory.login(client, editor)
    data = {
        **COMMON,
        "title": "Rückwärts",
        "starts_at": "2026-05-12T18:00",
        "ends_at": "2026-05-12T09:00",
    }
    response = _post(client, "/t/rostock/neu/veranstaltung", data)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert re.search(r'id="ends_at-error">.*Das Ende liegt vor dem Beginn', page)
    assert _entry(session, "Rückwärts") is None


def test_material_without_event_or_solution_is_explained_at_the_event_field(
    client, factory, session, rostock, editor
):
    session.commit()
    factory.login(client, editor)
    response = _post(client, "/t/rostock/neu/material", {**COMMON, "title": "Lose Folien"})
    assert response.status_code == 422
    assert re.search(r'id="event_id-error">.*Veranstaltung oder einer Lösung', response.text)


ABSURD = [
    {"title": "x" * 100_000},
    {"title": "Nul\x00Byte", "summary": "\x00\x00", "body": "a\x00b"},
    {"title": "T", "visibility": "everyone"},
    {"title": "T", "language": "xx"},
    {"title": "T", "licence": "proprietär"},
    {"title": "T", "topics": ["gibt-es-nicht", "'; DROP TABLE entries; --"]},
    {"title": "T", "participants": ["atlantis"]},
    {"title": "T", "review_by": "31.02.2026"},
    {"title": "T", "review_by": "0001-01-01"},
    {"title": "T", "review_by": "9999-12-31"},
    {"title": "T", "starts_at": "0001-01-01T00:00", "ends_at": "9999-12-31T23:59"},
    {"title": "T", "starts_at": "2026-03-29T02:30", "ends_at": "2026-10-25T02:30"},
    {"title": "T", "contact_ids": ["99999999999999999999999"]},
    {"title": "T", "contact_ids": ["-1", "abc"]},
    {"title": "T", "event_id": "99999999999999999999"},
    {"title": "T", "solution_ids": ["1.5"]},
    {"title": "T", "tags": ", ".join(["s"] * 500)},
    {"title": "T", "tags": "x" * 61},
    {"title": "T", "technologies": "x" * 5000},
    {"title": "T", "repository_url": "javascript:alert(1)"},
    {"title": "T", "email": "kein@"},
    {"title": "T", "phone": "<script>"},
    {"title": "T", "person_name": "\x00"},
    {"title": "T", "maturity": "unsterblich"},
    {"title": "T", "version": "drei"},
    {"title": "T", "consent": "vielleicht"},
]


@pytest.mark.parametrize("kind_slug", list(KIND_INPUT))
def test_absurd_input_never_causes_a_server_error(
    client, factory, session, rostock, editor, kind_slug
):
    session.commit()
    factory.login(client, editor)
    url = f"/t/rostock/neu/{kind_slug}"
    token = csrf_token(client, url)
    for absurd in ABSURD:
        data = {**COMMON, **KIND_INPUT[kind_slug], **absurd, "csrf_token": token}
        response = client.post(url, data=data)
        assert response.status_code < 500, (absurd, response.get_data(as_text=True)[:2000])
        assert "<script>alert" not in response.get_data(as_text=True)


def test_absurd_input_on_the_edit_form_never_causes_a_server_error(
    client, factory, session, rostock, editor
):
    entry = factory.entry(rostock, author=editor, title="Bestehend")
    session.commit()
    factory.login(client, editor)
    url = f"/eintraege/{entry.id}/bearbeiten"
    token = csrf_token(client, url)
    for absurd in ABSURD:
        data = {**COMMON, **KIND_INPUT["loesung"], "version": "1", **absurd, "csrf_token": token}
        response = client.post(url, data=data)
        assert response.status_code < 500, (absurd, response.get_data(as_text=True)[:2000])


def test_nul_bytes_are_removed_not_stored(client, factory, session, rostock, editor):
    session.commit()
    factory.login(client, editor)
    _post(
        client, "/t/rostock/neu/erfahrung", {**COMMON, "title": "Null\x00stelle", "body": "a\x00b"}
    )
    entry = _entry(session, "Nullstelle")
    assert entry is not None and entry.body == "ab"


def test_editor_changes_an_entry_and_the_version_advances(
    client, factory, session, rostock, editor
):
    entry = factory.entry(rostock, author=editor, title="Alter Titel", maturity="idea")
    session.commit()
    factory.login(client, editor)
    url, version = f"/eintraege/{entry.id}/bearbeiten", entry.version
    page = client.get(url).get_data(as_text=True)
    assert 'value="Alter Titel"' in page
    assert f'name="version" type="hidden" value="{version}"' in page
    data = {**COMMON, "title": "Neuer Titel", "maturity": "in_operation", "version": str(version)}
    response = _post(client, url, data)
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/t/rostock/neuer-titel")
    changed = _entry(session, "Neuer Titel")
    assert changed.maturity == "in_operation" and changed.version == version + 1


def test_a_stale_edit_explains_the_conflict_and_keeps_the_input(
    client, factory, session, rostock, editor
):
    entry = factory.entry(rostock, author=editor, title="Parkraum")
    session.commit()
    factory.login(client, editor)
    url = f"/eintraege/{entry.id}/bearbeiten"
    token = csrf_token(client, url)
    read_version = entry.version
    colleague = factory.user(rostock, Role.EDITOR)
    content.update_entry(Actor.of(colleague), entry, {"summary": "Von der Kollegin"})
    content.update_entry(Actor.of(colleague), entry, {"tags": ["sensoren", "parken"]})
    session.commit()
    data = {**COMMON, "title": "Parkraum", "summary": "Meine Fassung", "maturity": "idea"}
    data["version"] = str(read_version)
    response = client.post(url, data={**data, "csrf_token": token})
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "inzwischen von jemand anderem geändert" in page
    assert "Meine Fassung" in page
    # What the colleague changed, field by field: then and now.
    conflict = page[page.index("Was inzwischen geändert wurde") :].split("</table>")[0]
    rows = re.findall(r'<th scope="row">([^<]+)</th><td>([^<]*)</td><td>([^<]*)</td>', conflict)
    assert ("Kurzbeschreibung", "–", "Von der Kollegin") in rows
    assert ("Schlagworte", "–", "parken, sensoren") in rows
    assert len(rows) == 2
    assert _entry(session, "Parkraum").summary == "Von der Kollegin"
    # Saving again, having seen the warning, replaces the other change.
    new_version = re.search(r'name="version" type="hidden" value="(\d+)"', page).group(1)
    response = client.post(url, data={**data, "version": new_version, "csrf_token": token})
    assert response.status_code == 302
    assert _entry(session, "Parkraum").summary == "Meine Fassung"


def test_readers_and_other_cities_cannot_reach_edit_forms(
    client, factory, session, rostock, wismar, editor
):
    public = factory.entry(rostock, author=editor, title="Öffentlich")
    internal = factory.entry(rostock, author=editor, title="Intern", visibility="internal")
    draft = factory.entry(rostock, author=editor, title="Entwurf", status="draft")
    reader = factory.user(rostock, Role.READER)
    other_editor = factory.user(wismar, Role.EDITOR)
    session.commit()
    factory.login(client, reader)
    assert client.get(f"/eintraege/{public.id}/bearbeiten").status_code == 403
    assert client.get(f"/eintraege/{internal.id}/bearbeiten").status_code == 403
    assert client.get(f"/eintraege/{draft.id}/bearbeiten").status_code == 404
    assert client.get("/t/rostock/neu/loesung").status_code == 403
    assert client.get("/neu").status_code == 403
    client.post("/abmelden", data={"csrf_token": csrf_token(client, "/")})
    factory.login(client, other_editor)
    assert client.get(f"/eintraege/{public.id}/bearbeiten").status_code == 403
    assert client.get(f"/eintraege/{internal.id}/bearbeiten").status_code == 404
    assert client.get(f"/eintraege/{draft.id}/bearbeiten").status_code == 404
    assert client.get("/t/rostock/neu/loesung").status_code == 403
    token = csrf_token(client, "/t/wismar/neu/loesung")
    response = client.post(
        f"/eintraege/{public.id}/bearbeiten",
        data={**COMMON, "title": "Gekapert", "version": "1", "csrf_token": token},
    )
    assert response.status_code == 403
    assert _entry(session, "Gekapert") is None


def test_anonymous_visitors_are_sent_to_the_login(client, factory, session, rostock, editor):
    entry = factory.entry(rostock, author=editor)
    session.commit()
    for url in (f"/eintraege/{entry.id}/bearbeiten", "/t/rostock/neu/loesung", "/neu"):
        response = client.get(url)
        assert response.status_code == 302 and "/anmelden" in response.headers["Location"]


def test_unknown_kinds_cities_and_ids_answer_404(client, factory, session, rostock, editor):
    session.commit()
    factory.login(client, editor)
    assert client.get("/t/rostock/neu/raumschiff").status_code == 404
    assert client.get("/t/atlantis/neu/loesung").status_code == 404
    assert client.get("/eintraege/99999999999999999999/bearbeiten").status_code == 404
    assert client.get("/eintraege/424242/bearbeiten").status_code == 404


def test_missing_csrf_token_is_refused_with_400(client, factory, session, rostock, editor):
    entry = factory.entry(rostock, author=editor, status="draft")
    session.commit()
    factory.login(client, editor)
    data = {**COMMON, "title": "Ohne Token", "version": "1"}
    assert client.post("/t/rostock/neu/loesung", data=data).status_code == 400
    assert client.post(f"/eintraege/{entry.id}/bearbeiten", data=data).status_code == 400
    assert client.post(f"/eintraege/{entry.id}/veroeffentlichen", data={}).status_code == 400
    assert client.post("/vorschau", json={"text": "hallo"}).status_code == 400
    assert _entry(session, "Ohne Token") is None


def test_preview_without_javascript_shows_sanitised_markdown_and_keeps_the_input(
    client, factory, session, rostock, editor
):
    session.commit()
    factory.login(client, editor)
    body = "## Ablauf\n\n**Sensoren** <script>alert(1)</script> [x](javascript:alert(1))"
    data = {**COMMON, "title": "Vorschau-Test", "body": body, "preview": "Vorschau"}
    response = _post(client, "/t/rostock/neu/erfahrung", data)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'id="vorschau"' in page and "<strong>Sensoren</strong>" in page
    assert "<script>alert" not in page and 'href="javascript:' not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # the input, kept in the textarea
    assert _entry(session, "Vorschau-Test") is None  # a preview saves nothing


def test_preview_endpoint_answers_sanitised_html_to_the_script(
    client, factory, session, rostock, editor
):
    session.commit()
    factory.login(client, editor)
    token = csrf_token(client, "/t/rostock/neu/loesung")
    response = client.post(
        "/vorschau",
        json={"text": "**fett** <script>alert(1)</script> <img src=x onerror=alert(1)>"},
        headers={"X-CSRFToken": token},
    )
    assert response.status_code == 200
    html = response.get_json()["html"]
    assert "<strong>fett</strong>" in html
    assert "<script" not in html and "<img" not in html


def test_preview_endpoint_refuses_readers_and_nonsense(client, factory, session, rostock, editor):
    reader = factory.user(rostock, Role.READER)
    session.commit()
    factory.login(client, editor)
    token = csrf_token(client, "/t/rostock/neu/loesung")
    headers = {"X-CSRFToken": token}
    assert client.post("/vorschau", json=["liste"], headers=headers).status_code == 422
    assert client.post("/vorschau", json={"text": 42}, headers=headers).status_code == 422
    assert (
        client.post("/vorschau", json={"text": "x" * 200_001}, headers=headers).status_code == 413
    )
    client.post("/abmelden", data={"csrf_token": token})
    factory.login(client, reader)
    token = csrf_token(client, "/")
    assert (
        client.post("/vorschau", json={"text": "x"}, headers={"X-CSRFToken": token}).status_code
        == 403
    )


def test_edit_form_is_accessible_and_loads_no_inline_script(
    client, factory, session, rostock, editor
):
    session.commit()
    factory.login(client, editor)
    page = client.get("/t/rostock/neu/kontakt").get_data(as_text=True)
    assert re.search(r'<script src="/static/editing.js\?v=[0-9a-f]{12}" defer></script>', page)
    assert "<script>" not in page and "style=" not in page
    assert re.search(r"<legend[^>]*>Wer soll den Eintrag sehen\?", page)
    assert "Alle, auch ohne Anmeldung" in page
    assert "Alle angemeldeten Mitarbeiter*innen" in page
    assert "Nur Ihre Organisation Rostock und die Partner gemeinsamer Projekte." in page
    assert "Die Person hat der Veröffentlichung zugestimmt" in page
    labels = re.findall(r'<label\b[^>]*\bfor="([^"]+)"', page)
    assert labels, "the form has no labels"
    for label_for in labels:
        assert f'id="{label_for}"' in page, label_for
    for tag in re.findall(r"<(?:input|textarea|select)\b[^>]*>", page):
        if 'type="hidden"' in tag or 'type="submit"' in tag:
            continue
        field_id = re.search(r'\bid="([^"]+)"', tag).group(1)
        assert f'for="{field_id}"' in page, f"no label for {field_id}"


def test_header_offers_new_entry_only_to_editors(client, factory, session, rostock, editor):
    reader = factory.user(rostock, Role.READER)
    session.commit()
    assert "Neuer Eintrag" not in client.get("/").get_data(as_text=True)
    factory.login(client, reader)
    assert "Neuer Eintrag" not in client.get("/").get_data(as_text=True)
    client.post("/abmelden", data={"csrf_token": csrf_token(client, "/")})
    factory.login(client, editor)
    assert 'href="/neu">Neuer Eintrag' in client.get("/").get_data(as_text=True)
    page = client.get("/neu").get_data(as_text=True)
    assert 'href="/t/rostock/neu/loesung"' in page and 'href="/t/rostock/neu/kontakt"' in page


def test_review_date_and_joint_project_partners_are_stored(
    client, factory, session, rostock, wismar, editor
):
    session.commit()
    factory.login(client, editor)
    data = {
        **COMMON,
        "title": "Gemeinsam",
        "review_by": "2027-01-31",
        "participants": ["wismar"],
    }
    _post(client, "/t/rostock/neu/erfahrung", data)
    entry = _entry(session, "Gemeinsam")
    assert entry.review_by == date(2027, 1, 31)
    assert [tenant.slug for tenant in entry.participants] == ["wismar"]


def test_an_edit_without_the_version_it_was_based_on_is_treated_as_stale(
    client, factory, session, rostock, editor
):
    entry = factory.entry(rostock, author=editor, title="Ohne Version")
    session.commit()
    factory.login(client, editor)
    url = f"/eintraege/{entry.id}/bearbeiten"
    data = {**COMMON, "title": "Ohne Version", "summary": "Geändert", "maturity": "idea"}
    response = _post(client, url, data)
    assert response.status_code == 409
    assert _entry(session, "Ohne Version").summary == ""


def test_publish_in_the_editor_saves_and_publishes_a_new_entry_in_one_step(
    client, factory, session, rostock, editor
):
    session.commit()
    factory.login(client, editor)
    form = client.get("/t/rostock/neu/loesung").get_data(as_text=True)
    assert 'name="publish"' in form and 'value="Entwurf speichern"' in form
    data = {**COMMON, **KIND_INPUT["loesung"], "publish": "Veröffentlichen"}
    response = _post(client, "/t/rostock/neu/loesung", data, follow_redirects=True)
    assert response.status_code == 200
    assert "ist veröffentlicht" in response.get_data(as_text=True)
    entry = _entry(session, KIND_INPUT["loesung"]["title"])
    assert entry.status == EntryStatus.PUBLISHED and entry.published_at is not None


def test_publish_in_the_editor_saves_the_changes_of_a_draft_and_publishes_it(
    client, factory, session, rostock, editor
):
    draft = factory.entry(rostock, author=editor, status="draft", title="Pegel")
    session.commit()
    factory.login(client, editor)
    url = f"/eintraege/{draft.id}/bearbeiten"
    assert 'name="publish"' in client.get(url).get_data(as_text=True)
    data = {**COMMON, "title": "Pegelmessung", "version": str(draft.version)}
    response = _post(client, url, {**data, "maturity": "pilot", "publish": "Veröffentlichen"})
    assert response.status_code == 302
    entry = _entry(session, "Pegelmessung")
    assert entry is not None and entry.status == EntryStatus.PUBLISHED
    # Published: the edit form saves, and offers no "Veröffentlichen" any more.
    assert 'name="publish"' not in client.get(url).get_data(as_text=True)


def test_publish_in_the_editor_refused_for_a_contact_without_consent_saves_nothing(
    client, factory, session, rostock, editor
):
    session.commit()
    factory.login(client, editor)
    data = {**COMMON, **KIND_INPUT["kontakt"], "publish": "Veröffentlichen"}
    response = _post(client, "/t/rostock/neu/kontakt", data)
    assert response.status_code == 422
    assert "Einwilligung" in response.get_data(as_text=True)
    assert _entry(session, KIND_INPUT["kontakt"]["title"]) is None  # nothing half written


def test_publish_in_the_editor_is_refused_to_who_may_only_read(
    client, factory, session, rostock, wismar, editor
):
    draft = factory.entry(rostock, author=editor, status="draft", title="Pegel")
    outsider = factory.user(wismar, Role.EDITOR)
    session.commit()
    factory.login(client, outsider)
    data = {**COMMON, "title": "Übernommen", "version": str(draft.version), "publish": "1"}
    response = client.post(
        f"/eintraege/{draft.id}/bearbeiten", data={"csrf_token": csrf_token(client, "/"), **data}
    )
    assert response.status_code == 404
    assert _entry(session, "Pegel").status == EntryStatus.DRAFT


def test_an_address_without_https_is_refused_with_one_message_not_two(
    client, factory, session, rostock, editor
):
    session.commit()
    factory.login(client, editor)
    url = "/t/rostock/neu/loesung"
    data = {
        **COMMON,
        **KIND_INPUT["loesung"],
        "repository_url": "ftp://example.org/quelle",
        "csrf_token": csrf_token(client, url),
    }
    response = client.post(url, data=data)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    message = "Bitte geben Sie eine Adresse mit https:// an."
    # Once in the summary at the top and once at the field – not twice in each.
    assert page.count(f"Adresse des Quellcodes: {message}") == 1
    assert page.count(message) == 2
