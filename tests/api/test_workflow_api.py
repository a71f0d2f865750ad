"""/api/v1: the editorial workflow and the account page's tokens, as the web interface has them –
history, removing files, trash and restore, "still correct", tokens, autocomplete, preview."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from hanse_hub.accounts.models import PersonalAccessToken, Role
from hanse_hub.accounts.tokens import MAX_TOKENS_PER_USER, create_token
from hanse_hub.clock import berlin_today
from hanse_hub.content import services as content
from hanse_hub.content.attachments import AttachmentMetadata, add_attachment
from hanse_hub.content.storage import storage_for
from hanse_hub.policy import Actor
from hanse_hub.search import indexing

# Every route this module's endpoints add whose OpenAPI path holds an id, with its methods
# ({entry_id} and {attachment_id} written {id}, as tests/api/test_isolation.py normalises them).
ID_ROUTES = {
    "/api/v1/entries/{id}/revisions": ("get",),
    "/api/v1/entries/{id}/review": ("post",),
    "/api/v1/entries/{id}/restore": ("post",),
    "/api/v1/attachments/{id}": ("delete",),
    "/api/v1/tokens/{token_id}": ("delete",),
}
ENTRY_ROUTES = {route: methods for route, methods in ID_ROUTES.items() if "/entries/" in route}
ATTACHMENT_ROUTES = {"/api/v1/attachments/{id}": ("delete",)}
TOKEN_ROUTES = {"/api/v1/tokens/{token_id}": ("delete",)}


def _upload(caller, entry_id: int, text: bytes = b"Tourenplanung nach Fuellstand\n", name="a.txt"):
    response = caller.post(
        f"/api/v1/entries/{entry_id}/attachments",
        data={"file": (io.BytesIO(text), name)},
        content_type="multipart/form-data",
    )
    assert response.status_code == 201, response.json
    return response.json


def _problem(response, status: int) -> dict:
    assert response.status_code == status, (response.status_code, response.get_data(as_text=True))
    assert response.mimetype == "application/problem+json"
    return response.json


# -- history -------------------------------------------------------------------------------------


def test_history_lists_versions_actions_changed_fields_and_people_newest_first(
    api, editor, rostock
):
    caller = api(editor)
    entry = caller.post(
        "/api/v1/entries", json={"kind": "solution", "title": "Pegel", "visibility": "public"}
    ).json
    caller.patch(f"/api/v1/entries/{entry['id']}", json={"summary": "Neu", "tags": ["sensorik"]})
    caller.patch(f"/api/v1/entries/{entry['id']}", json={"status": "archived"})

    response = api().get(f"/api/v1/entries/{entry['id']}/revisions")  # public: anyone who reads

    assert response.status_code == 200, response.json
    rows = response.json
    assert [(r["version"], r["action"]) for r in rows] == [
        (4, "archived"),
        (3, "updated"),
        (2, "published"),
        (1, "created"),
    ]
    assert rows[1]["changed"] == ["summary", "tags"]
    assert rows[3]["changed"] == []
    assert {r["actor"] for r in rows} == {editor.display_name}
    assert all(r["created_at"] for r in rows)


def test_history_names_changed_links_by_their_api_field(api, factory, editor, rostock):
    contact = factory.entry(rostock, kind="contact", author=editor)
    solution = factory.entry(rostock, author=editor)
    factory.session.commit()
    api(editor).patch(f"/api/v1/entries/{solution.id}", json={"contact_ids": [contact.id]})
    newest = api().get(f"/api/v1/entries/{solution.id}/revisions").json[0]
    assert newest["changed"] == ["contact_ids"]


def test_history_of_entries_the_caller_cannot_read_answers_404(api, factory, editor, rostock):
    internal = factory.entry(rostock, author=editor, visibility="internal")
    draft = factory.entry(rostock, author=editor, status="draft")
    reader = factory.user(rostock, Role.READER)
    factory.session.commit()
    _problem(api().get(f"/api/v1/entries/{internal.id}/revisions"), 404)
    assert api(reader).get(f"/api/v1/entries/{internal.id}/revisions").status_code == 200
    _problem(api(reader).get(f"/api/v1/entries/{draft.id}/revisions"), 404)
    assert api(editor).get(f"/api/v1/entries/{draft.id}/revisions").status_code == 200


def test_the_web_history_and_the_api_name_the_same_fields():
    from hanse_hub.content.editing import FIELD_LABELS
    from hanse_hub.content.revisions import HISTORY_FIELDS

    assert tuple(FIELD_LABELS) == HISTORY_FIELDS  # a label for every field the service names


# -- removing files ------------------------------------------------------------------------------


def test_editor_removes_a_file_and_its_words_leave_the_search(api, editor, rostock):
    caller = api(editor)
    entry = caller.post(
        "/api/v1/entries", json={"kind": "solution", "title": "Müll", "visibility": "public"}
    ).json
    attachment = _upload(caller, entry["id"], b"Unterflurbehaelter mit Sensoren\n")
    assert api().get("/api/v1/search?q=Unterflurbehaelter").json["total"] == 1

    response = caller.delete(f"/api/v1/attachments/{attachment['id']}")

    assert response.status_code == 204
    _problem(api().get(f"/api/v1/attachments/{attachment['id']}"), 404)
    assert caller.get(f"/api/v1/entries/{entry['id']}/attachments").json == []
    assert api().get("/api/v1/search?q=Unterflurbehaelter").json["total"] == 0


def test_only_editors_of_the_owning_city_remove_files(api, factory, editor, rostock, wismar):
    entry = factory.entry(rostock, author=editor, visibility="network")
    factory.session.commit()
    attachment = _upload(api(editor), entry.id)
    url = f"/api/v1/attachments/{attachment['id']}"
    _problem(api().delete(url), 401)
    _problem(api(factory.user(rostock, Role.READER)).delete(url), 403)
    _problem(api(factory.user(wismar, Role.EDITOR)).delete(url), 403)  # sees it, may not edit
    _problem(api(editor, read_only=True).delete(url), 403)
    for beyond in (999999, 0, 2**31):  # none, and numbers no id has: 404, not 405 or an error
        _problem(api(editor).delete(f"/api/v1/attachments/{beyond}"), 404)
        assert api(editor).get(f"/api/v1/attachments/{beyond}").status_code == 404
    assert api(editor).get(url).status_code == 200  # still there


# -- trash and restore ---------------------------------------------------------------------------


def test_admin_lists_the_trash_and_restores_an_entry_that_search_finds_again(
    api, editor, admin, rostock
):
    writer = api(editor)
    entry = writer.post(
        "/api/v1/entries",
        json={"kind": "solution", "title": "Klappbrücke mit Fernwartung", "visibility": "public"},
    ).json
    assert writer.delete(f"/api/v1/entries/{entry['id']}").status_code == 204
    assert api().get("/api/v1/search?q=Fernwartung").json["total"] == 0

    trash = api(admin).get("/api/v1/trash")
    assert trash.status_code == 200, trash.json
    assert trash.headers["X-Total-Count"] == "1"
    (item,) = trash.json["items"]
    assert item["id"] == entry["id"] and item["tenant"] == "rostock"
    assert item["status"] == "published" and item["deleted_at"]

    restored = api(admin).post(f"/api/v1/entries/{entry['id']}/restore")

    assert restored.status_code == 200, restored.json
    assert restored.json["status"] == "published" and restored.json["version"] == 4
    assert api().get(f"/api/v1/entries/{entry['id']}").status_code == 200
    hits = api().get("/api/v1/search?q=Fernwartung").json["hits"]
    assert [hit["id"] for hit in hits] == [entry["id"]]
    assert api(admin).get("/api/v1/trash").json["items"] == []
    actions = [r["action"] for r in api().get(f"/api/v1/entries/{entry['id']}/revisions").json]
    assert actions[:2] == ["restored", "deleted"]


def test_only_the_owning_citys_admins_see_the_trash_and_restore(
    api, factory, editor, admin, rostock, wismar
):
    entry = factory.entry(rostock, author=editor)
    content.delete_entry(Actor.of(editor), entry)
    wismar_admin = factory.user(wismar, Role.ADMIN)
    factory.session.commit()
    restore = f"/api/v1/entries/{entry.id}/restore"

    _problem(api().get("/api/v1/trash"), 401)
    assert api(editor).get("/api/v1/trash").json["items"] == []
    assert api(wismar_admin).get("/api/v1/trash").json["items"] == []
    _problem(api(wismar_admin).get("/api/v1/trash?tenant=rostock"), 403)
    assert api(admin).get("/api/v1/trash?tenant=atlantis").json["total"] == 0
    assert [i["id"] for i in api(admin).get("/api/v1/trash?tenant=rostock").json["items"]] == [
        entry.id
    ]
    _problem(api(admin).get("/api/v1/trash?per_page=0"), 422)

    _problem(api().post(restore), 401)
    _problem(api(editor).post(restore), 404)
    _problem(api(wismar_admin).post(restore), 404)
    _problem(api(admin, read_only=True).post(restore), 403)
    assert api(admin).post(restore).status_code == 200


def test_restoring_an_entry_that_is_not_deleted_is_a_conflict(api, factory, admin, rostock):
    entry = factory.entry(rostock, author=admin)
    factory.session.commit()
    _problem(api(admin).post(f"/api/v1/entries/{entry.id}/restore"), 409)


def test_the_trash_is_paginated(api, factory, admin, rostock):
    for _ in range(3):
        content.delete_entry(Actor.of(admin), factory.entry(rostock, author=admin))
    factory.session.commit()
    response = api(admin).get("/api/v1/trash?per_page=2&page=2")
    assert response.json["total"] == 3 and len(response.json["items"]) == 1
    assert 'rel="first"' in response.headers["Link"]


# -- "still correct" -----------------------------------------------------------------------------


def test_editor_marks_an_entry_reviewed_for_another_year(api, factory, editor, rostock):
    entry = factory.entry(rostock, author=editor, review_by=date(2020, 1, 1))
    factory.session.commit()
    version = entry.version

    response = api(editor).post(f"/api/v1/entries/{entry.id}/review")

    assert response.status_code == 200, response.json
    assert response.json["review_by"] == (berlin_today() + timedelta(days=365)).isoformat()
    assert response.json["version"] == version + 1
    assert response.headers["ETag"] == f'"e{entry.id}-v{version + 1}"'
    newest = api().get(f"/api/v1/entries/{entry.id}/revisions").json[0]
    assert newest["action"] == "updated" and newest["changed"] == ["review_by"]


def test_only_editors_of_the_owning_city_mark_reviewed(api, factory, editor, rostock, wismar):
    entry = factory.entry(rostock, author=editor, visibility="network")
    factory.session.commit()
    url = f"/api/v1/entries/{entry.id}/review"
    _problem(api().post(url), 401)
    _problem(api(factory.user(rostock, Role.READER)).post(url), 403)
    _problem(api(factory.user(wismar, Role.EDITOR)).post(url), 403)
    _problem(api(editor, read_only=True).post(url), 403)
    assert api(editor).get(f"/api/v1/entries/{entry.id}").json["review_by"] is None


def test_entries_due_for_review_are_listed_for_their_citys_editors(
    api, factory, editor, rostock, wismar
):
    due = factory.entry(rostock, author=editor, title="Fällig", review_by=date(2020, 1, 1))
    factory.entry(rostock, author=editor, title="Später", review_by=date(2999, 1, 1))
    factory.entry(wismar, title="Wismars", review_by=date(2020, 1, 1))
    factory.session.commit()

    listed = api(editor).get("/api/v1/reviews/due")
    assert listed.status_code == 200
    assert [item["title"] for item in listed.json["items"]] == ["Fällig"]
    assert listed.headers["X-Total-Count"] == "1"
    api(editor).post(f"/api/v1/entries/{due.id}/review")
    assert api(editor).get("/api/v1/reviews/due").json["items"] == []
    assert api(factory.user(rostock, Role.READER)).get("/api/v1/reviews/due").json["total"] == 0
    _problem(api().get("/api/v1/reviews/due"), 401)


def test_marking_reviewed_with_a_stale_etag_is_refused(api, factory, editor, rostock):
    entry = factory.entry(rostock, author=editor)
    factory.session.commit()
    url = f"/api/v1/entries/{entry.id}/review"
    stale = f'"e{entry.id}-v{entry.version - 1}"'
    body = _problem(api(editor).post(url, headers={"If-Match": stale}), 412)
    assert body["current_version"] == entry.version
    current = f'"e{entry.id}-v{entry.version}"'
    assert api(editor).post(url, headers={"If-Match": current}).status_code == 200


# -- publish, archive, back to draft: PATCH with status ------------------------------------------


def test_publish_archive_and_back_to_draft_are_patch_with_status(api, factory, editor, rostock):
    entry = factory.entry(rostock, author=editor, status="draft")
    factory.session.commit()
    url = f"/api/v1/entries/{entry.id}"
    for status in ("published", "archived", "draft"):
        response = api(editor).patch(url, json={"status": status})
        assert response.status_code == 200 and response.json["status"] == status
    actions = [r["action"] for r in api(editor).get(f"{url}/revisions").json]
    assert actions[:3] == ["unpublished", "archived", "published"]


def test_archiving_a_draft_is_refused_as_on_the_web(api, factory, editor, rostock):
    entry = factory.entry(rostock, author=editor, status="draft")
    factory.session.commit()
    url = f"/api/v1/entries/{entry.id}"

    response = api(editor).patch(url, json={"status": "archived"})

    problem = _problem(response, 422)
    assert problem["errors"] == {
        "status": ["Nur veröffentlichte Einträge können archiviert werden."]
    }
    assert api(editor).get(url).json["status"] == "draft"
    assert [r["action"] for r in api(editor).get(f"{url}/revisions").json] == ["created"]


# -- personal access tokens ----------------------------------------------------------------------


def test_a_user_lists_creates_and_revokes_their_tokens(api, editor, factory):
    caller = api(editor)
    created = caller.post("/api/v1/tokens", json={"name": "Intranet-Import", "read_only": True})

    assert created.status_code == 201, created.json
    body = created.json
    assert body["name"] == "Intranet-Import" and body["read_only"] is True and body["active"]
    assert body["secret"].startswith("hh_") and body["secret"].startswith(body["prefix"])
    reading = caller.client.get(
        "/api/v1/tokens", headers={"Authorization": f"Bearer {body['secret']}"}
    )
    assert reading.status_code == 200  # the new token works, and may read
    listed = caller.get("/api/v1/tokens")
    assert listed.status_code == 200
    assert listed.headers["X-Total-Count"] == "2"  # the fixture's token and the new one
    assert "secret" not in listed.json["items"][0]
    assert {t["name"] for t in listed.json["items"]} == {"Test", "Intranet-Import"}

    assert caller.delete(f"/api/v1/tokens/{body['id']}").status_code == 204

    revoked = caller.client.get(
        "/api/v1/tokens", headers={"Authorization": f"Bearer {body['secret']}"}
    )
    _problem(revoked, 401)
    items = {t["id"]: t for t in caller.get("/api/v1/tokens").json["items"]}
    assert items[body["id"]]["active"] is False and items[body["id"]]["revoked_at"]
    assert caller.delete(f"/api/v1/tokens/{body['id']}").status_code == 204  # again: no change


def test_tokens_are_private_to_their_owner(api, factory, editor, rostock):
    other = factory.user(rostock, Role.EDITOR)
    others_token = create_token(other, "Fremd").token
    factory.session.commit()
    names = {t["name"] for t in api(editor).get("/api/v1/tokens").json["items"]}
    assert "Fremd" not in names
    _problem(api(editor).delete(f"/api/v1/tokens/{others_token.id}"), 404)
    assert others_token.revoked_at is None


def test_anonymous_callers_and_read_only_tokens_cannot_manage_tokens(api, factory, editor):
    _problem(api().get("/api/v1/tokens"), 401)
    _problem(api().post("/api/v1/tokens", json={"name": "x"}), 401)
    _problem(api().delete("/api/v1/tokens/1"), 401)
    read_only = api(editor, read_only=True)
    assert read_only.get("/api/v1/tokens").status_code == 200
    _problem(read_only.post("/api/v1/tokens", json={"name": "Mehr Rechte"}), 403)
    own = factory.session.scalar(
        select(PersonalAccessToken).where(PersonalAccessToken.user_id == editor.id)
    )
    _problem(read_only.delete(f"/api/v1/tokens/{own.id}"), 403)
    assert len(read_only.get("/api/v1/tokens").json["items"]) == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "name"),
        ({"name": "   "}, "name"),
        ({"name": "x" * 101}, "name"),
        ({"name": "ok", "read_only": "vielleicht"}, "read_only"),
        ({"name": "ok", "user_id": 1}, "user_id"),
        ({"name": "a\x00b"}, "name"),
    ],
)
def test_token_input_is_validated(api, editor, body, field):
    problem = _problem(api(editor).post("/api/v1/tokens", json=body), 422)
    assert field in problem["errors"]


def test_the_token_limit_of_the_profile_page_holds(api, factory, editor):
    caller = api(editor)
    for number in range(MAX_TOKENS_PER_USER - 1):
        create_token(editor, f"T{number}")
    factory.session.commit()
    problem = _problem(caller.post("/api/v1/tokens", json={"name": "Eins zu viel"}), 422)
    assert problem["errors"]["name"] == [f"Sie haben bereits {MAX_TOKENS_PER_USER} aktive Tokens."]


# -- autocomplete --------------------------------------------------------------------------------


def test_autocomplete_suggests_visible_titles_and_topics(api, factory, editor, rostock):
    public = factory.entry(rostock, author=editor, title="Zisternenkataster für Starkregen")
    factory.entry(rostock, author=editor, title="Zisternenförderung intern", visibility="internal")
    factory.session.flush()
    indexing.apply_all_pending_jobs()
    factory.session.commit()

    response = api().get("/api/v1/search/autocomplete?q=Zistern")

    assert response.status_code == 200, response.json
    assert response.json["query"] == "Zistern"
    (suggestion,) = response.json["suggestions"]
    assert suggestion["type"] == "entry" and suggestion["id"] == public.id
    assert suggestion["label"] == public.title
    assert suggestion["tenant"] == "rostock" and suggestion["topic"] is None
    assert suggestion["url"].endswith(f"/t/rostock/{public.slug}")
    member = api(factory.user(rostock, Role.READER)).get("/api/v1/search/autocomplete?q=Zistern")
    assert len(member.json["suggestions"]) == 2

    topics = api().get("/api/v1/search/autocomplete?q=Mobilit").json["suggestions"]
    topic = next(s for s in topics if s["type"] == "topic")
    assert topic["topic"] == "mobilitaet" and topic["id"] is None
    assert "thema=mobilitaet" in topic["url"]


def test_autocomplete_input_is_validated(api):
    assert api().get("/api/v1/search/autocomplete").json["suggestions"] == []
    _problem(api().get("/api/v1/search/autocomplete?q=" + "x" * 201), 422)


# -- Markdown preview ----------------------------------------------------------------------------


def test_editors_get_sanitised_markdown(api, editor):
    response = api(editor, read_only=True).post(
        "/api/v1/markdown",
        json={"text": "## Ziel\n\n**Bürger*innen** <script>alert(1)</script> [x](javascript:y)"},
    )
    assert response.status_code == 200, response.json
    html = response.json["html"]
    assert "<h3>Ziel</h3>" in html and "<strong>Bürger*innen</strong>" in html
    assert "<script" not in html and "&lt;script&gt;" in html  # shown as text, never run
    assert "href" not in html  # no javascript: link


def test_markdown_preview_is_for_editors_and_validates_its_input(api, factory, editor, rostock):
    _problem(api().post("/api/v1/markdown", json={"text": "x"}), 401)
    _problem(
        api(factory.user(rostock, Role.READER)).post("/api/v1/markdown", json={"text": "x"}), 403
    )
    for body, field in (({}, "text"), ({"text": "x", "html": "y"}, "html"), ({"text": 3}, "text")):
        assert field in _problem(api(editor).post("/api/v1/markdown", json=body), 422)["errors"]


# -- the OpenAPI document, and tenant isolation --------------------------------------------------


def test_the_new_routes_are_documented(client):
    paths = client.get("/api/openapi.json").json["paths"]
    documented = {
        path.replace("{entry_id}", "{id}").replace("{attachment_id}", "{id}"): set(ops)
        for path, ops in paths.items()
    }
    for route, methods in ID_ROUTES.items():
        assert set(methods) <= documented[route], route
    for route, method in (
        ("/api/v1/trash", "get"),
        ("/api/v1/tokens", "get"),
        ("/api/v1/tokens", "post"),
        ("/api/v1/search/autocomplete", "get"),
        ("/api/v1/markdown", "post"),
    ):
        assert method in documented[route], route


@pytest.fixture
def hidden(factory, session, app, rostock, wismar):
    """Rostock's internal entry, draft and deleted entry (each with a file), and a token of
    Rostock's editor."""
    editor = factory.user(rostock, Role.EDITOR)
    internal = factory.entry(rostock, author=editor, visibility="internal", title="Intern")
    draft = factory.entry(rostock, author=editor, status="draft", visibility="public")
    deleted = factory.entry(rostock, author=editor, visibility="public")
    files = [
        add_attachment(
            Actor.of(editor),
            entry,
            io.BytesIO(b"geheim\n"),
            AttachmentMetadata(filename="geheim.txt"),
            storage=storage_for(app),
            max_bytes=1024,
        )
        for entry in (internal, draft)
    ]
    content.delete_entry(Actor.of(editor), deleted)
    token = create_token(editor, "Rostock").token
    session.commit()
    return {
        "entries": [internal.id, draft.id, deleted.id],
        "attachments": [f.id for f in files],
        "tokens": [token.id],
        "wismar": wismar,
    }


def test_other_cities_cannot_reach_internal_draft_or_deleted_ids(api, factory, hidden):
    outsider = factory.user(hidden["wismar"], Role.EDITOR)
    outsiders_admin = factory.user(hidden["wismar"], Role.ADMIN)
    callers = {
        "anonymous": api(),
        "other city's editor": api(outsider),
        "other city's admin": api(outsiders_admin),
    }
    sweep = [
        (route, method, entity_id)
        for routes, ids in (
            (ENTRY_ROUTES, hidden["entries"]),
            (ATTACHMENT_ROUTES, hidden["attachments"]),
            (TOKEN_ROUTES, hidden["tokens"]),
        )
        for route, methods in routes.items()
        for method in methods
        for entity_id in ids
    ]
    assert {route for route, _, _ in sweep} == set(ID_ROUTES)
    failures = []
    for who, caller in callers.items():
        for route, method, entity_id in sweep:
            url = route.format(id=entity_id, token_id=entity_id)
            response = getattr(caller, method)(url)
            expected = 404 if who != "anonymous" or method == "get" else 401
            if response.status_code != expected:
                failures.append(f"{who} {method.upper()} {url}: {response.status_code}")
    print(f"isolation sweep: {len(sweep) * len(callers)} calls, {len(failures)} failures")
    assert failures == []
