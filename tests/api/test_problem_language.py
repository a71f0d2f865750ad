"""problem+json answers are in the caller's language: German by default, English when the
request asks for it (``Accept-Language: en``).

The ``*_in_english`` tests marked "needs catalogue" below need the English catalogue to contain
the services' messages (``make translations`` after merging them); the others pass without it.
"""

from __future__ import annotations

ENGLISH = {"Accept-Language": "en"}
SOLUTION = {"kind": "solution", "visibility": "public", "title": "Pegelsensoren"}


def test_an_invalid_token_is_refused_in_german_by_default(api):
    response = api().get("/api/v1/entries", headers={"Authorization": "Bearer hh_falsch"})
    assert response.status_code == 401 and response.mimetype == "application/problem+json"
    assert response.json["title"] == "Anmeldung erforderlich"
    assert response.json["detail"] == (
        "Das Token ist ungültig, widerrufen, oder sein Konto ist deaktiviert."
    )


def test_an_invalid_token_is_refused_in_english(api):  # needs catalogue
    headers = {"Authorization": "Bearer hh_falsch", **ENGLISH}
    response = api().get("/api/v1/entries", headers=headers)
    assert response.status_code == 401
    assert response.json["title"] == "Login required"
    assert response.json["detail"] == (
        "The token is invalid or revoked, or its account has been deactivated."
    )


def test_a_missing_title_is_reported_per_field_in_both_languages(api, editor):
    """The title's message is given lazily when the schema is defined; it reaches JSON as a
    plain string in a list, translated when the request is answered."""
    body = {key: value for key, value in SOLUTION.items() if key != "title"}
    client = api(editor)
    german = client.post("/api/v1/entries", json=body)
    assert german.status_code == 422
    assert german.json["errors"]["title"] == ["Bitte geben Sie einen Titel an."]
    assert german.json["detail"] == "Bitte prüfen Sie die Angaben: title."
    english = client.post("/api/v1/entries", json=body, headers=ENGLISH)
    assert english.status_code == 422
    assert english.json["title"] == "Please check your input"
    assert english.json["errors"]["title"] == ["Please enter a title."]
    assert english.json["detail"] == "Please check these fields: title."


def test_a_field_of_another_kind_is_refused_in_german_by_default(api, editor):
    response = api(editor).post("/api/v1/entries", json={**SOLUTION, "context": "x"})
    assert response.status_code == 422
    assert response.json["errors"]["context"] == [
        "Dieses Feld gibt es nur bei anderen Arten als „solution“."
    ]


def test_a_field_of_another_kind_is_refused_in_english(api, editor):  # needs catalogue
    response = api(editor).post(
        "/api/v1/entries", json={**SOLUTION, "context": "x"}, headers=ENGLISH
    )
    assert response.status_code == 422
    assert response.json["errors"]["context"] == [
        "This field only exists for other kinds than “solution”."
    ]


def test_a_service_refusal_is_german_by_default(api, editor):
    response = api(editor).post("/api/v1/entries", json={**SOLUTION, "topics": ["gibt-es-nicht"]})
    assert response.status_code == 422
    assert response.json["detail"] == "Unbekannte Handlungsfelder: gibt-es-nicht"
    assert response.json["errors"] == {"topics": ["Unbekannte Handlungsfelder: gibt-es-nicht"]}


def test_a_service_refusal_is_english_in_english(api, editor):  # needs catalogue
    response = api(editor).post(
        "/api/v1/entries", json={**SOLUTION, "topics": ["gibt-es-nicht"]}, headers=ENGLISH
    )
    assert response.status_code == 422
    assert response.json["detail"] == "Unknown topics: gibt-es-nicht"
    assert response.json["errors"] == {"topics": ["Unknown topics: gibt-es-nicht"]}


def test_an_invisible_entry_is_not_found_in_english(api):  # needs catalogue
    response = api().get("/api/v1/entries/999999", headers=ENGLISH)
    assert response.status_code == 404
    assert response.json["title"] == "Page not found"
    assert response.json["detail"] == "This entry does not exist, or you cannot see it."


def test_the_openapi_document_is_served_whatever_the_language(client):
    for headers in ({}, ENGLISH):
        response = client.get("/api/openapi.json", headers=headers)
        assert response.status_code == 200
        assert "/api/v1/entries" in response.json["paths"]
