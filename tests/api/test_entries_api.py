"""/api/v1: reading and writing entries, errors as problem+json, caching and lost updates."""

from __future__ import annotations

from hanse_hub.accounts.models import Role
from hanse_hub.accounts.services import deactivate_user

SOLUTION = {
    "kind": "solution",
    "visibility": "public",
    "title": "Parkraummanagement mit Bodensensoren",
    "summary": "Sensoren melden freie Parkplätze.",
    "topics": ["mobilitaet"],
    "maturity": "in_operation",
    "technologies": ["LoRaWAN"],
}


def test_editor_creates_a_solution_in_their_only_tenant(api, editor, rostock):
    response = api(editor).post("/api/v1/entries", json=SOLUTION)
    assert response.status_code == 201, response.json
    body = response.json
    assert body["tenant"] == "rostock" and body["status"] == "published"
    assert body["maturity"] == "in_operation" and body["topics"] == ["mobilitaet"]
    assert "context" not in body  # a lesson's field
    assert response.headers["Location"].endswith(f"/api/v1/entries/{body['id']}")


def test_an_entry_written_through_the_api_is_found_by_search_at_once(api, editor, rostock):
    created = api(editor).post("/api/v1/entries", json=SOLUTION).json
    hits = api().get("/api/v1/search?q=Bodensensoren").json["hits"]
    assert [hit["id"] for hit in hits] == [created["id"]]


def test_unknown_and_mass_assigned_fields_are_rejected(api, editor):
    for extra in ({"author_id": 1}, {"created_at": "2020-01-01T00:00:00Z"}, {"colour": "x"}):
        response = api(editor).post("/api/v1/entries", json={**SOLUTION, **extra})
        assert response.status_code == 422
        assert response.mimetype == "application/problem+json"
        assert set(extra) <= set(response.json["errors"])


def test_fields_of_another_kind_are_rejected(api, editor):
    response = api(editor).post("/api/v1/entries", json={**SOLUTION, "context": "x"})
    assert response.status_code == 422 and "context" in response.json["errors"]


def test_post_without_tenant_needs_exactly_one_membership(api, factory, rostock):
    user = factory.user(rostock, Role.EDITOR)
    from hanse_hub.accounts.services import set_role

    set_role(None, user, factory.tenant("wismar"), Role.EDITOR)
    response = api(user).post("/api/v1/entries", json=SOLUTION)
    assert response.status_code == 422 and "tenant" in response.json["errors"]
    assert (
        api(user).post("/api/v1/entries", json={**SOLUTION, "tenant": "wismar"}).status_code == 201
    )


def test_readers_and_read_only_tokens_cannot_write(api, factory, rostock, editor):
    reader = factory.user(rostock, Role.READER)
    assert api(reader).post("/api/v1/entries", json=SOLUTION).status_code == 403
    read_only = api(editor, read_only=True).post("/api/v1/entries", json=SOLUTION)
    assert read_only.status_code == 403 and "nur lesen" in read_only.json["detail"]
    assert api().post("/api/v1/entries", json=SOLUTION).status_code == 401


def test_invalid_and_deactivated_tokens_are_refused(api, client, session, editor):
    caller = api(editor)
    assert caller.get("/api/v1/entries").status_code == 200
    deactivate_user(None, editor)
    session.commit()
    response = caller.get("/api/v1/entries")
    assert response.status_code == 401 and response.headers["WWW-Authenticate"].startswith("Bearer")
    bogus = client.get("/api/v1/entries", headers={"Authorization": "Bearer hh_nonsense"})
    assert bogus.status_code == 401 and bogus.mimetype == "application/problem+json"


def test_invisible_entries_answer_404_not_403(api, factory, rostock):
    internal = factory.entry(rostock, visibility="internal")
    outsider = factory.user(factory.tenant("wismar"), Role.ADMIN)
    for method in ("get", "patch", "delete"):
        response = getattr(api(outsider), method)(f"/api/v1/entries/{internal.id}", json={})
        assert response.status_code == 404, method


def test_etag_and_if_none_match(api, factory, rostock):
    entry = factory.entry(rostock)
    first = api().get(f"/api/v1/entries/{entry.id}")
    assert first.headers["ETag"] and first.headers["Last-Modified"]
    again = api().get(
        f"/api/v1/entries/{entry.id}", headers={"If-None-Match": first.headers["ETag"]}
    )
    assert again.status_code == 304


def test_stale_if_match_is_refused_with_412_and_changes_nothing(api, editor, rostock):
    caller = api(editor)
    created = caller.post("/api/v1/entries", json=SOLUTION)
    etag, entry_id = created.headers["ETag"], created.json["id"]
    assert (
        caller.patch(
            f"/api/v1/entries/{entry_id}", json={"summary": "neu"}, headers={"If-Match": etag}
        ).status_code
        == 200
    )
    stale = caller.patch(
        f"/api/v1/entries/{entry_id}", json={"summary": "alt"}, headers={"If-Match": etag}
    )
    assert stale.status_code == 412
    assert caller.get(f"/api/v1/entries/{entry_id}").json["summary"] == "neu"


def test_status_changes_and_soft_delete(api, editor):
    caller = api(editor)
    entry_id = caller.post("/api/v1/entries", json={**SOLUTION, "status": "draft"}).json["id"]
    assert api().get(f"/api/v1/entries/{entry_id}").status_code == 404
    assert (
        caller.patch(f"/api/v1/entries/{entry_id}", json={"status": "published"}).json["status"]
        == "published"
    )
    assert api().get(f"/api/v1/entries/{entry_id}").status_code == 200
    assert caller.delete(f"/api/v1/entries/{entry_id}").status_code == 204
    assert caller.get(f"/api/v1/entries/{entry_id}").status_code == 404


def test_contacts_need_consent_to_be_published(api, editor):
    contact = {"kind": "contact", "title": "Jana Kruse", "person_name": "Jana Kruse"}
    refused = api(editor).post("/api/v1/entries", json=contact)
    assert refused.status_code == 422 and "Einwilligung" in refused.json["detail"]
    created = api(editor).post("/api/v1/entries", json={**contact, "consent": True})
    assert created.status_code == 201 and created.json["has_consent"] is True


def test_list_is_paginated_with_link_headers_and_totals(api, factory, rostock):
    for n in range(5):
        factory.entry(rostock, title=f"Eintrag {n}")
    response = api().get("/api/v1/entries?per_page=2&page=2")
    assert response.json["total"] == 5 and len(response.json["items"]) == 2
    assert response.headers["X-Total-Count"] == "5"
    links = response.headers["Link"]
    assert 'rel="next"' in links and 'rel="prev"' in links and "page=3" in links


def test_list_filters(api, factory, rostock):
    factory.entry(rostock, kind="lesson", title="Erfahrung")
    factory.entry(factory.tenant("wismar"), title="Lösung Wismar", topics=["energie"])
    assert [e["title"] for e in api().get("/api/v1/entries?kind=lesson").json["items"]] == [
        "Erfahrung"
    ]
    assert [e["title"] for e in api().get("/api/v1/entries?tenant=wismar").json["items"]] == [
        "Lösung Wismar"
    ]
    assert [e["title"] for e in api().get("/api/v1/entries?topic=energie").json["items"]] == [
        "Lösung Wismar"
    ]
    assert api().get("/api/v1/entries?kind=unsinn").status_code == 422


def test_malformed_json_is_a_400_problem(api, editor):
    response = api(editor).post(
        "/api/v1/entries", data="{nicht json", headers={"Content-Type": "application/json"}
    )
    assert response.status_code in (400, 422)
    assert response.mimetype == "application/problem+json"


def test_tenants_and_topics_are_public(api, rostock):
    assert [t["slug"] for t in api().get("/api/v1/tenants").json] == ["rostock"]
    assert "mobilitaet" in [t["slug"] for t in api().get("/api/v1/topics").json]


def test_openapi_document_and_docs_are_served_locally(client):
    spec = client.get("/api/openapi.json").json
    assert spec["openapi"].startswith("3.")
    responses = spec["paths"]["/api/v1/entries/{entry_id}"]["patch"]["responses"]
    assert {"200", "401", "403", "404", "412", "422", "429"} <= set(responses)
    page = client.get("/api/docs").get_data(as_text=True)
    assert (
        "/api/docs/assets/swagger-ui-bundle.js" in page
        and "http" not in page.split("<body>")[1].split("swagger-ui")[0]
    )
    assert client.get("/api/docs/assets/swagger-ui-bundle.js").status_code == 200
