"""/api/v1: defects the Schemathesis fuzzing found (tests/api/test_fuzzing.py), one test each."""

from __future__ import annotations

import io

import pytest

from hanse_hub.accounts.models import Role
from hanse_hub.content.attachments import ALLOWED_MEDIA_TYPES

BEYOND_ANY_ID = 10**20  # beyond a 64-bit integer: SQLite overflowed (and PostgreSQL beyond 2**31)


@pytest.fixture
def solution(api, editor):
    created = api(editor).post(
        "/api/v1/entries", json={"kind": "solution", "title": "Pegel", "visibility": "public"}
    )
    assert created.status_code == 201, created.json
    return created.json


@pytest.mark.parametrize("number", [2**31, BEYOND_ANY_ID])
def test_ids_beyond_any_row_in_the_path_answer_404_not_a_server_error(api, editor, number):
    anonymous, writer = api(), api(editor)
    calls = [
        (anonymous.get, f"/api/v1/entries/{number}"),
        (anonymous.get, f"/api/v1/entries/{number}/similar"),
        (anonymous.get, f"/api/v1/entries/{number}/attachments"),
        (anonymous.get, f"/api/v1/attachments/{number}"),
        (anonymous.get, f"/api/v1/attachments/{number}/content"),
        (anonymous.get, f"/api/v1/adoptions/{number}"),
        (writer.patch, f"/api/v1/entries/{number}"),
        (writer.delete, f"/api/v1/entries/{number}"),
        (writer.delete, f"/api/v1/adoptions/{number}"),
    ]
    for call, url in calls:
        response = call(url, json={}) if call == writer.patch else call(url)
        assert response.status_code == 404, (url, response.status_code)
        assert response.mimetype == "application/problem+json"


@pytest.mark.parametrize("too_big", [2**31, BEYOND_ANY_ID])
def test_ids_beyond_any_row_in_a_body_or_query_are_refused_with_422(api, editor, solution, too_big):
    caller = api(editor)
    requests = [
        ("post", "/api/v1/adoptions", {"solution_id": too_big}, "solution_id"),
        (
            "post",
            "/api/v1/adoptions",
            {"solution_id": solution["id"], "contact_id": too_big},
            "contact_id",
        ),
        (
            "post",
            "/api/v1/entries",
            {"kind": "solution", "title": "X", "translation_of": too_big},
            "translation_of",
        ),
        (
            "post",
            "/api/v1/entries",
            {"kind": "solution", "title": "X", "contact_ids": [too_big]},
            "contact_ids",
        ),
        (
            "post",
            "/api/v1/entries",
            {"kind": "material", "title": "X", "event_id": too_big},
            "event_id",
        ),
        (
            "patch",
            f"/api/v1/entries/{solution['id']}",
            {"translation_of": too_big},
            "translation_of",
        ),
    ]
    for method, url, body, field in requests:
        response = getattr(caller, method)(url, json=body)
        assert response.status_code == 422, (body, response.status_code)
        assert field in response.json["errors"]
    listed = caller.get(f"/api/v1/adoptions?solution_id={too_big}")
    assert listed.status_code == 422 and "solution_id" in listed.json["errors"]


def test_the_download_documents_every_media_type_it_serves(api, client, editor, solution):
    documented = client.get("/api/openapi.json").json["paths"][
        "/api/v1/attachments/{attachment_id}/content"
    ]["get"]["responses"]["200"]["content"]
    assert set(documented) == set(ALLOWED_MEDIA_TYPES)
    uploaded = api(editor).post(
        f"/api/v1/entries/{solution['id']}/attachments",
        data={"file": (io.BytesIO(b"Pegelstand\n"), "pegel.txt")},
        content_type="multipart/form-data",
    )
    download = api().get(uploaded.json["download_url"])
    assert download.status_code == 200 and download.mimetype in documented


def test_title_is_documented_as_required_for_a_new_entry(api, client, editor):
    spec = client.get("/api/openapi.json").json
    assert {"kind", "title"} <= set(spec["components"]["schemas"]["EntryCreate"]["required"])
    response = api(editor).post("/api/v1/entries", json={"kind": "lesson"})
    assert response.status_code == 422
    assert response.json["errors"]["title"] == ["Bitte geben Sie einen Titel an."]


def test_a_patch_whose_body_is_not_json_is_refused_instead_of_changing_nothing(
    api, factory, editor, solution
):
    caller = api(editor)
    url = f"/api/v1/entries/{solution['id']}"
    as_text = caller.patch(url, data='{"summary": "neu"}', content_type="text/plain")
    assert as_text.status_code == 415 and as_text.mimetype == "application/problem+json"
    assert caller.patch(url).status_code == 415
    empty = caller.patch(url, data="", content_type="application/json")
    assert empty.status_code == 400 and empty.mimetype == "application/problem+json"
    assert caller.get(url).json["summary"] == solution["summary"]
    assert caller.patch(url, json={"summary": "neu"}).json["summary"] == "neu"

    wismar_editor = factory.user(factory.tenant("wismar"), Role.EDITOR)
    adoption = api(wismar_editor).post("/api/v1/adoptions", json={"solution_id": solution["id"]})
    assert adoption.status_code == 201, adoption.json
    refused = api(wismar_editor).patch(
        f"/api/v1/adoptions/{adoption.json['id']}",
        data="status=adopted",
        content_type="application/x-www-form-urlencoded",
    )
    assert refused.status_code == 415


def test_upload_form_fields_are_checked_as_documented_not_cut_or_ignored(api, editor, solution):
    url = f"/api/v1/entries/{solution['id']}/attachments"

    def upload(**form):
        return api(editor).post(
            url,
            data={"file": (io.BytesIO(b"Pegelstand\n"), "pegel.txt"), **form},
            content_type="multipart/form-data",
        )

    for form, field in [
        ({"description": "x" * 2001}, "description"),
        ({"alt_text": "x" * 2001}, "alt_text"),
        ({"language": "fr"}, "language"),
        ({"colour": "blau"}, "colour"),
        ({"description": ["eins", "zwei"]}, "description"),
    ]:
        response = upload(**form)
        assert response.status_code == 422, (form, response.status_code)
        assert field in response.json["errors"]
    accepted = upload(description="Messreihe", language="en")
    assert accepted.status_code == 201
    assert (accepted.json["description"], accepted.json["language"]) == ("Messreihe", "en")


def test_text_no_database_can_store_is_refused_with_422_not_a_server_error(api, editor, solution):
    """NUL fails in PostgreSQL; a lone surrogate (a valid JSON escape) fails to encode as UTF-8."""
    caller = api(editor)
    for text in ('"Pegel\\u0000"', '"\\ud800"'):
        for method, url, body, field in [
            ("post", "/api/v1/entries", f'{{"kind": "solution", "title": {text}}}', "title"),
            ("patch", f"/api/v1/entries/{solution['id']}", f'{{"summary": {text}}}', "summary"),
            ("post", "/api/v1/adoptions", f'{{"solution_id": 1, "changes": {text}}}', "changes"),
        ]:
            response = getattr(caller, method)(url, data=body, content_type="application/json")
            assert response.status_code == 422, (body, response.status_code)
            assert field in response.json["errors"]
    for query in (
        "entries?tenant=%00",
        "entries?topic=a%00",
        "adoptions?tenant=%00",
        "search?q=Pegel%00",
    ):
        response = api().get(f"/api/v1/{query}")
        assert response.status_code == 422, (query, response.status_code)
    assert caller.get(f"/api/v1/entries/{solution['id']}").json["summary"] == solution["summary"]
