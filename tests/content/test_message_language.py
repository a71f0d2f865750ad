"""Messages of the content services and the editing pages follow the interface language:
German unless English is chosen (``?lang=en`` sets the language cookie).

The ``*_in_english`` tests need the English catalogue to contain these messages
(``make translations`` after merging them); the German ones pass without it.
"""

from __future__ import annotations

import io

from hanse_hub.content import services as content
from hanse_hub.policy import Actor
from tests.factories import csrf_token

EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00" + bytes(200)


def _english(client) -> None:
    client.get("/?lang=en")


def _refused_upload(client, factory, session, rostock, editor) -> str:
    entry = factory.entry(rostock, author=editor)
    session.commit()
    factory.login(client, editor)
    response = client.post(
        f"/eintraege/{entry.id}/dateien",
        data={
            "csrf_token": csrf_token(client, f"/eintraege/{entry.id}/bearbeiten"),
            "file": (io.BytesIO(EXECUTABLE), "programm.pdf"),
            "description": "",
            "alt_text": "",
            "language": "de",
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 415
    return response.get_data(as_text=True)


def test_a_refused_file_type_is_explained_in_german_by_default(
    client, factory, session, rostock, editor
):
    page = _refused_upload(client, factory, session, rostock, editor)
    assert "Dieser Dateityp wird nicht angenommen. Erlaubt sind PDF" in page


def test_a_refused_file_type_is_explained_in_english(client, factory, session, rostock, editor):
    _english(client)
    page = _refused_upload(client, factory, session, rostock, editor)
    assert "This file type is not accepted. Allowed are PDF" in page
    assert "Dieser Dateityp" not in page


def _history(client, factory, session, rostock, editor) -> str:
    entry = factory.entry(rostock, author=editor, title="Parkraum", status="draft")
    content.publish_entry(Actor.of(editor), entry)
    session.commit()
    response = client.get(f"/eintraege/{entry.id}/verlauf")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_the_history_names_actions_in_german_by_default(client, factory, session, rostock, editor):
    page = _history(client, factory, session, rostock, editor)
    assert "angelegt" in page and "veröffentlicht" in page


def test_the_history_names_actions_in_english(client, factory, session, rostock, editor):
    _english(client)
    page = _history(client, factory, session, rostock, editor)
    assert "created" in page and "published" in page
    assert "angelegt" not in page
