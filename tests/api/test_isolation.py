"""The tenant-isolation sweep: every API route that takes an id answers 404 for another city's
internal entries and drafts – for every method, as anonymous and as another city's editor."""

from __future__ import annotations

import pytest

from hanse_hub.accounts.models import Role
from hanse_hub.content.adoptions import record_adoption
from hanse_hub.policy import Actor
from tests.api.test_account_api import ID_ROUTES as ACCOUNT_ROUTES
from tests.api.test_administration_api import ID_ROUTES as ADMINISTRATION_ROUTES
from tests.api.test_notifications_api import ID_ROUTES as NOTIFICATION_ROUTES
from tests.api.test_questions_api import ID_ROUTES as QUESTION_ROUTES
from tests.api.test_workflow_api import ID_ROUTES as WORKFLOW_ROUTES

# Every route of the API that takes an id, with the methods it answers (see openapi.json).
ENTRY_ROUTES = {
    "/api/v1/entries/{id}": ("get", "patch", "delete"),
    "/api/v1/entries/{id}/similar": ("get",),
    "/api/v1/entries/{id}/attachments": ("get", "post"),
    "/api/v1/entries/{id}/ical": ("get",),
    "/api/v1/entries/{id}/publiccode": ("get",),
    "/api/v1/entries/{id}/steckbrief.pdf": ("get",),
}
ATTACHMENT_ROUTES = {
    "/api/v1/attachments/{id}": ("get",),
    "/api/v1/attachments/{id}/content": ("get",),
}
ADOPTION_ROUTES = {"/api/v1/adoptions/{id}": ("get", "patch", "delete")}


@pytest.fixture
def hidden(factory, session, app):
    """Rostock's internal entry and draft (each with a file) and Rostock's internal adoption."""
    import io

    from hanse_hub.content.attachments import AttachmentMetadata, add_attachment
    from hanse_hub.content.storage import storage_for

    rostock, wismar = factory.tenant("rostock"), factory.tenant("wismar")
    editor = factory.user(rostock, Role.EDITOR)
    internal = factory.entry(rostock, author=editor, visibility="internal", title="Intern")
    draft = factory.entry(rostock, author=editor, status="draft", visibility="public")
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
    public_wismar_solution = factory.entry(wismar, visibility="public")
    adoption = record_adoption(
        Actor.of(editor), rostock, public_wismar_solution.id, {"visibility": "internal"}
    )
    session.commit()
    return {
        "entries": [internal.id, draft.id],
        "attachments": [f.id for f in files],
        "adoptions": [adoption.id],
        "wismar": wismar,
    }


def test_other_cities_cannot_reach_internal_or_draft_ids(api, factory, hidden):
    outsider = factory.user(hidden["wismar"], Role.EDITOR)
    callers = {"anonymous": api(), "other city's editor": api(outsider)}
    sweep = [
        (route, method, entity_id)
        for routes, ids in (
            (ENTRY_ROUTES, hidden["entries"]),
            (ATTACHMENT_ROUTES, hidden["attachments"]),
            (ADOPTION_ROUTES, hidden["adoptions"]),
        )
        for route, methods in routes.items()
        for method in methods
        for entity_id in ids
    ]
    failures = []
    for who, caller in callers.items():
        for route, method, entity_id in sweep:
            url = route.format(id=entity_id)
            kwargs = {"json": {}} if method == "patch" else {}
            if method == "post":
                kwargs = {"data": {"file": (__import__("io").BytesIO(b"x\n"), "x.txt")}}
            response = getattr(caller, method)(url, **kwargs)
            expected = 404 if who != "anonymous" or method == "get" else (401, 404)
            if response.status_code not in ((expected,) if isinstance(expected, int) else expected):
                failures.append(f"{who} {method.upper()} {url}: {response.status_code}")
    print(f"isolation sweep: {len(sweep) * len(callers)} calls, {len(failures)} failures")
    assert failures == []


def test_the_sweep_covers_every_route_with_an_id(client):
    spec = client.get("/api/openapi.json").json
    with_ids = {
        path.replace("{entry_id}", "{id}")
        .replace("{attachment_id}", "{id}")
        .replace("{adoption_id}", "{id}"): set(ops) & {"get", "post", "put", "patch", "delete"}
        for path, ops in spec["paths"].items()
        if "{" in path
    }
    # This module's sweep, and the sweeps of the administration, workflow, account and
    # question endpoints.
    covered: dict[str, set[str]] = {}
    for routes in (
        ENTRY_ROUTES,
        ATTACHMENT_ROUTES,
        ADOPTION_ROUTES,
        ADMINISTRATION_ROUTES,
        WORKFLOW_ROUTES,
        ACCOUNT_ROUTES,
        QUESTION_ROUTES,
        NOTIFICATION_ROUTES,
    ):
        for route, methods in routes.items():
            covered.setdefault(route, set()).update(methods)
    assert with_ids == covered
