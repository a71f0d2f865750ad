"""Files on the edit page, and "Wir nutzen das auch": adoptions recorded in the web interface."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from sqlalchemy import select

from hanse_hub.accounts.models import Role
from hanse_hub.content.adoptions import record_adoption
from hanse_hub.content.models import Adoption, Attachment
from hanse_hub.demo.seed import render_pdf
from hanse_hub.policy import Actor
from tests.factories import csrf_token

PDF = render_pdf("Parkraum", "Bodensensoren melden die Belegung.")


def _upload(client, entry, data: bytes, name: str = "folien.pdf", **fields):
    token = csrf_token(client, f"/eintraege/{entry.id}/bearbeiten")
    form = {
        "csrf_token": token,
        "file": (io.BytesIO(data), name),
        "description": "Folien des Vortrags",
        "alt_text": "",
        "language": "de",
        **fields,
    }
    return client.post(
        f"/eintraege/{entry.id}/dateien", data=form, content_type="multipart/form-data"
    )


def _attachments(session, entry) -> list[Attachment]:
    session.expire_all()
    return list(session.scalars(select(Attachment).where(Attachment.entry_id == entry.id)))


# -- files ---------------------------------------------------------------------------------------


def test_editor_uploads_a_file_on_the_edit_page(
    client, factory, session, editor, published_solution
):
    entry = published_solution
    session.commit()
    factory.login(client, editor)
    page = client.get(f"/eintraege/{entry.id}/bearbeiten").text
    assert 'enctype="multipart/form-data"' in page and 'for="upload-file"' in page
    response = _upload(client, entry, PDF, name="vortrag.pdf", language="en")
    assert response.status_code == 302 and response.headers["Location"].endswith("#dateien")
    [attachment] = _attachments(session, entry)
    assert attachment.media_type == "application/pdf" and attachment.language == "en"
    assert attachment.description == "Folien des Vortrags"
    page = client.get(response.headers["Location"]).text
    assert "vortrag.pdf" in page and "ist hochgeladen" in page


@pytest.mark.parametrize(
    ("data", "status", "message"),
    [
        (b"MZ\x90\x00\x03\x00\x00\x00" + bytes(200), 415, "Dieser Dateityp wird nicht angenommen"),
        (b"", 422, "Die Datei ist leer"),
    ],
    ids=["executable", "empty"],
)
def test_a_refused_file_is_explained_at_the_file_field(
    client, factory, session, rostock, editor, data, status, message
):
    entry = factory.entry(rostock, author=editor)
    session.commit()
    factory.login(client, editor)
    response = _upload(client, entry, data, name="folien.pdf")
    page = response.text
    assert response.status_code == status
    assert re.search(rf'id="upload-file-error">.*{message}', page)
    assert re.search(r'<input[^>]*aria-invalid="true"[^>]*id="upload-file"', page)
    assert 'href="#upload-file"' in page  # in the error summary
    assert _attachments(session, entry) == []


def test_a_file_over_the_limit_is_explained_at_the_file_field(
    app, client, factory, session, rostock, editor, monkeypatch
):
    monkeypatch.setitem(app.config, "HANSE_MAX_UPLOAD_BYTES", 1024 * 1024)
    monkeypatch.setitem(app.config, "MAX_CONTENT_LENGTH", 1024 * 1024 + 64 * 1024)
    entry = factory.entry(rostock, author=editor)
    session.commit()
    factory.login(client, editor)
    slightly_too_big = b"a" * (1024 * 1024 + 10)  # refused by the service
    response = _upload(client, entry, slightly_too_big, name="notizen.txt")
    assert response.status_code == 413
    assert re.search(r'id="upload-file-error">.*größer als 1 MB', response.text)
    far_too_big = b"a" * (3 * 1024 * 1024)  # refused before the view runs
    response = _upload(client, entry, far_too_big, name="notizen.txt")
    assert response.status_code == 413
    assert re.search(r'id="upload-file-error">.*größer als 1 MB', response.text)
    assert _attachments(session, entry) == []


def test_upload_without_a_file_or_with_absurd_fields_is_refused_politely(
    client, factory, session, rostock, editor
):
    entry = factory.entry(rostock, author=editor)
    session.commit()
    factory.login(client, editor)
    token = csrf_token(client, f"/eintraege/{entry.id}/bearbeiten")
    response = client.post(
        f"/eintraege/{entry.id}/dateien",
        data={"csrf_token": token, "description": "ohne Datei", "language": "de"},
    )
    assert response.status_code == 422 and "Bitte wählen Sie eine Datei aus." in response.text
    for fields in (
        {"language": "klingonisch"},
        {"description": "x" * 5000},
        {"alt_text": "\x00" * 10},
        {"file": (io.BytesIO(PDF), "../../" + "x" * 1000 + "\x00.pdf")},
    ):
        response = _upload(client, entry, PDF, **fields)
        assert response.status_code < 500, fields


def test_others_cannot_upload_or_remove_files(client, factory, session, rostock, wismar, editor):
    entry = factory.entry(rostock, author=editor)
    draft = factory.entry(rostock, author=editor, status="draft")
    session.commit()
    factory.login(client, editor)
    _upload(client, entry, PDF)
    [attachment] = _attachments(session, entry)
    client.post("/abmelden", data={"csrf_token": csrf_token(client, "/")})
    for person in (factory.user(rostock, Role.READER), factory.user(wismar, Role.EDITOR)):
        session.commit()
        factory.login(client, person)
        token = csrf_token(client, "/")
        upload = {"csrf_token": token, "file": (io.BytesIO(PDF), "a.pdf"), "language": "de"}
        assert client.post(f"/eintraege/{entry.id}/dateien", data=upload).status_code == 403
        upload["file"] = (io.BytesIO(PDF), "a.pdf")
        assert client.post(f"/eintraege/{draft.id}/dateien", data=upload).status_code == 404
        removal = client.post(f"/dateien/{attachment.id}/entfernen", data={"csrf_token": token})
        assert removal.status_code == 403
        client.post("/abmelden", data={"csrf_token": token})
    assert len(_attachments(session, entry)) == 1


def test_editor_removes_a_file(client, factory, session, rostock, editor):
    entry = factory.entry(rostock, author=editor)
    session.commit()
    factory.login(client, editor)
    _upload(client, entry, PDF, name="alt.pdf")
    [attachment] = _attachments(session, entry)
    url = f"/dateien/{attachment.id}/entfernen"
    page = client.get(f"/eintraege/{entry.id}/bearbeiten").text
    assert f'action="{url}"' in page
    assert client.post(url).status_code == 400  # no CSRF token
    token = csrf_token(client, f"/eintraege/{entry.id}/bearbeiten")
    response = client.post(url, data={"csrf_token": token})
    assert response.status_code == 302
    assert _attachments(session, entry) == []
    assert client.post(url, data={"csrf_token": token}).status_code == 404


# -- adoptions -----------------------------------------------------------------------------------


def _adoptions(session, solution) -> list[Adoption]:
    session.expire_all()
    return list(session.scalars(select(Adoption).where(Adoption.solution_id == solution.id)))


ADOPTION = {
    "tenant": "wismar",
    "status": "adapted",
    "changes": "Eigene Schwellenwerte",
    "started_on": "2025-01-15",
    "decided_on": "2025-03-01",
    "visibility": "public",
    "contact_id": "",
}


def test_editors_of_another_city_record_that_they_use_a_solution(
    client, factory, session, rostock, wismar, editor
):
    solution = factory.entry(rostock, author=editor, title="Pegelsensoren")
    wismar_editor = factory.user(wismar, Role.EDITOR)
    session.commit()
    factory.login(client, editor)
    assert "Wir nutzen das auch" not in client.get(f"/t/rostock/{solution.slug}").text
    assert client.get(f"/eintraege/{solution.id}/uebernahme").status_code == 403
    client.post("/abmelden", data={"csrf_token": csrf_token(client, "/")})

    factory.login(client, wismar_editor)
    page = client.get(f"/t/rostock/{solution.slug}").text
    assert f'href="/eintraege/{solution.id}/uebernahme">Wir nutzen das auch' in page
    url = f"/eintraege/{solution.id}/uebernahme"
    form = client.get(url).text
    assert "Nur Ihre Organisation Wismar." in form and re.search(r"<legend[^>]*>Stand", form)
    response = client.post(url, data={**ADOPTION, "csrf_token": csrf_token(client, url)})
    assert response.status_code == 302
    [adoption] = _adoptions(session, solution)
    assert adoption.tenant_id == wismar.id and adoption.status == "adapted"
    assert adoption.decided_on == date(2025, 3, 1) and adoption.created_by_id == wismar_editor.id
    page = client.get(f"/t/rostock/{solution.slug}").text
    assert "Wismar nutzt die Lösung angepasst (seit 2025)" in page
    assert f'href="/uebernahmen/{adoption.id}/bearbeiten"' in page
    assert "Wir nutzen das auch" not in page  # recorded already: now "Angaben bearbeiten"


def test_adoption_errors_stand_beside_their_fields(client, factory, session, rostock, wismar):
    solution = factory.entry(rostock)
    wismar_editor = factory.user(wismar, Role.EDITOR)
    session.commit()
    factory.login(client, wismar_editor)
    url = f"/eintraege/{solution.id}/uebernahme"
    data = {**ADOPTION, "started_on": "2025-05-01", "decided_on": "2025-01-01"}
    response = client.post(url, data={**data, "csrf_token": csrf_token(client, url)})
    assert response.status_code == 422
    assert re.search(
        r'id="decided_on-error">.*Die Entscheidung liegt vor dem Beginn', response.text
    )
    assert 'value="2025-05-01"' in response.text and "Eigene Schwellenwerte" in response.text
    assert _adoptions(session, solution) == []


def test_absurd_adoption_input_never_causes_a_server_error(
    client, factory, session, rostock, wismar
):
    solution = factory.entry(rostock)
    wismar_editor = factory.user(wismar, Role.EDITOR)
    session.commit()
    factory.login(client, wismar_editor)
    url = f"/eintraege/{solution.id}/uebernahme"
    token = csrf_token(client, url)
    for absurd in (
        {"tenant": "rostock"},
        {"tenant": "atlantis"},
        {"status": "vielleicht"},
        {"visibility": "alle"},
        {"started_on": "0000-00-00"},
        {"decided_on": "0001-01-01"},
        {"contact_id": "99999999999999999999"},
        {"changes": "\x00" * 100 + "x" * 30_000},
    ):
        response = client.post(url, data={**ADOPTION, **absurd, "csrf_token": token})
        assert response.status_code == 422, absurd
    assert _adoptions(session, solution) == []


def test_a_city_edits_and_deletes_only_its_own_adoption(
    client, factory, session, rostock, wismar, editor
):
    solution = factory.entry(rostock, author=editor)
    wismar_editor = factory.user(wismar, Role.EDITOR)
    adoption = record_adoption(
        Actor.of(wismar_editor),
        wismar,
        solution.id,
        {"status": "evaluating", "visibility": "internal"},
    )
    session.commit()
    factory.login(client, editor)  # Rostock cannot even see Wismar's internal adoption
    assert client.get(f"/uebernahmen/{adoption.id}/bearbeiten").status_code == 404
    client.post("/abmelden", data={"csrf_token": csrf_token(client, "/")})
    wismar_reader = factory.user(wismar, Role.READER)
    session.commit()
    factory.login(client, wismar_reader)
    assert client.get(f"/uebernahmen/{adoption.id}/bearbeiten").status_code == 403
    client.post("/abmelden", data={"csrf_token": csrf_token(client, "/")})

    factory.login(client, wismar_editor)
    url = f"/uebernahmen/{adoption.id}/bearbeiten"
    form = client.get(url).text
    assert re.search(r'<input[^>]*checked[^>]*value="internal"', form)  # as stored
    data = {
        **ADOPTION,
        "status": "adopted",
        "visibility": "network",
        "csrf_token": csrf_token(client, url),
    }
    assert client.post(url, data=data).status_code == 302
    [changed] = _adoptions(session, solution)
    assert changed.status == "adopted" and changed.visibility == "network"
    token = csrf_token(client, url)
    response = client.post(f"/uebernahmen/{adoption.id}/loeschen", data={"csrf_token": token})
    assert response.status_code == 302
    [deleted] = _adoptions(session, solution)
    assert deleted.deleted_at is not None
    assert client.get(url).status_code == 404
