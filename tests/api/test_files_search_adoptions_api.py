"""/api/v1: attachments, search, similar entries and adoptions."""

from __future__ import annotations

import io

import pytest

from hanse_hub.accounts.models import Role
from hanse_hub.demo.seed import render_pdf


@pytest.fixture
def setup(factory):
    rostock = factory.tenant("rostock", short_name="Rostock")
    wismar = factory.tenant("wismar", short_name="Wismar")
    return rostock, wismar, factory.user(rostock, Role.EDITOR), factory.user(wismar, Role.EDITOR)


def test_upload_list_and_download_an_attachment(api, setup):
    _, _, editor, _ = setup
    caller = api(editor)
    entry = caller.post(
        "/api/v1/entries", json={"kind": "solution", "title": "Pegel", "visibility": "public"}
    ).json
    pdf = render_pdf("Folien", "Pegelsensoren an der Trave")
    response = caller.post(
        f"/api/v1/entries/{entry['id']}/attachments",
        data={
            "file": (io.BytesIO(pdf), "folien.txt"),
            "description": "Vortrag",
            "alt_text": "Folien",
            "language": "de",
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 201, response.json
    assert response.json["media_type"] == "application/pdf"
    listed = api().get(f"/api/v1/entries/{entry['id']}/attachments").json
    assert [a["filename"] for a in listed] == ["folien.txt"]
    download = api().get(f"/api/v1/attachments/{listed[0]['id']}/content")
    assert download.data == pdf and download.headers["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in download.headers["Content-Disposition"]
    hits = api().get("/api/v1/search?q=Pegelsensoren").json["hits"]
    assert hits[0]["file"] == "folien.txt"


def test_uploads_are_checked_by_content_and_size(api, app, setup):
    _, _, editor, _ = setup
    caller = api(editor)
    entry = caller.post("/api/v1/entries", json={"kind": "solution", "title": "X"}).json
    url = f"/api/v1/entries/{entry['id']}/attachments"
    bad = caller.post(
        url,
        data={"file": (io.BytesIO(b"MZ\x90\x00" + bytes(100)), "a.pdf")},
        content_type="multipart/form-data",
    )
    assert bad.status_code == 415 and bad.mimetype == "application/problem+json"
    limit = app.config["HANSE_MAX_UPLOAD_BYTES"]
    app.config["HANSE_MAX_UPLOAD_BYTES"] = 10
    try:
        big = caller.post(
            url,
            data={"file": (io.BytesIO(b"a" * 100), "a.txt")},
            content_type="multipart/form-data",
        )
    finally:
        app.config["HANSE_MAX_UPLOAD_BYTES"] = limit
    assert big.status_code == 413
    missing = caller.post(url, data={}, content_type="multipart/form-data")
    assert missing.status_code == 422 and "file" in missing.json["errors"]


def test_search_answers_the_documented_shape(api, factory, setup):
    rostock, wismar, _, _ = setup
    factory.entry(rostock, title="Parkraummanagement mit Bodensensoren", topics=["mobilitaet"])
    factory.entry(wismar, title="Bodensensoren im Test")
    from hanse_hub.search import indexing

    factory.session.flush()
    indexing.apply_all_pending_jobs()
    body = api().get("/api/v1/search?q=Bodensensoren&tenant=rostock").json
    assert set(body) == {
        "total",
        "page",
        "per_page",
        "hits",
        "facets",
        "suggestion",
        "corrected_query",
        "relaxed",
        "missing_words",
    }
    assert body["total"] == 1 and body["hits"][0]["tenant"] == "rostock"
    assert body["corrected_query"] is None and body["relaxed"] is False
    assert body["missing_words"] == []
    assert set(body["hits"][0]) >= {
        "id",
        "kind",
        "tenant",
        "title",
        "summary",
        "snippet",
        "url",
        "score",
    }
    assert body["facets"]["tenant"] == {"rostock": 1}
    assert set(body["facets"]) == {"tenant", "kind", "topic", "year"}
    similar = api().get(f"/api/v1/entries/{body['hits'][0]['id']}/similar").json["items"]
    assert [e["tenant"] for e in similar] == ["wismar"]


def test_search_api_corrects_and_relaxes_like_the_page_unless_exact(api, factory, setup):
    rostock, wismar, _, _ = setup
    factory.entry(rostock, title="Parkraummanagement mit Bodensensoren")
    factory.entry(wismar, title="Bodensensoren im Test")
    from hanse_hub.search import indexing

    factory.session.flush()
    indexing.apply_all_pending_jobs()
    corrected = api().get("/api/v1/search?q=Bodensensorn").json
    assert corrected["corrected_query"] == "bodensensoren"
    assert {"Parkraummanagement mit Bodensensoren", "Bodensensoren im Test"} <= {
        hit["title"] for hit in corrected["hits"]
    }
    exact = api().get("/api/v1/search?q=Bodensensorn&exact=true").json
    assert exact["total"] == 0 and exact["corrected_query"] is None
    assert exact["suggestion"] == "bodensensoren"
    relaxed = api().get("/api/v1/search?q=Bodensensoren+Quantencomputer").json
    assert relaxed["relaxed"] is True and relaxed["missing_words"] == ["Quantencomputer"]
    assert {"Parkraummanagement mit Bodensensoren", "Bodensensoren im Test"} <= {
        hit["title"] for hit in relaxed["hits"]
    }
    # The page shows the same hits.
    page = api().get("/suche?q=Bodensensoren+Quantencomputer").get_data(as_text=True)
    assert all(hit["title"] in page for hit in relaxed["hits"])


def test_adoptions_are_recorded_changed_and_deleted(api, factory, setup):
    rostock, _, _, wismar_editor = setup
    solution = factory.entry(rostock, title="Parkraum")
    caller = api(wismar_editor)
    created = caller.post(
        "/api/v1/adoptions",
        json={"solution_id": solution.id, "status": "evaluating", "visibility": "public"},
    )
    assert created.status_code == 201 and created.json["tenant"] == "wismar"
    adoption_id = created.json["id"]
    changed = caller.patch(
        f"/api/v1/adoptions/{adoption_id}", json={"status": "adopted", "decided_on": "2025-03-01"}
    )
    assert changed.json["status"] == "adopted"
    assert [a["id"] for a in api().get("/api/v1/adoptions?tenant=wismar").json["items"]] == [
        adoption_id
    ]
    other = factory.user(factory.tenant("luebeck"), Role.EDITOR)
    assert api(other).patch(f"/api/v1/adoptions/{adoption_id}", json={}).status_code == 403
    assert caller.delete(f"/api/v1/adoptions/{adoption_id}").status_code == 204
    assert api().get(f"/api/v1/adoptions/{adoption_id}").status_code == 404
    own = caller.post("/api/v1/adoptions", json={"solution_id": solution.id, "tenant": "rostock"})
    assert own.status_code == 403
