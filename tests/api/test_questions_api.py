"""The questions API: list, ask, answer, mark helpful, hide – with the same rules as the page."""

from __future__ import annotations

import pytest

from hanse_hub.accounts.models import Role
from hanse_hub.content.models import EntryKind

TEXT = "Wie habt ihr die Sensoren ausgeschrieben?"


@pytest.fixture
def solution(factory, rostock, editor):
    contact = factory.entry(rostock, kind=EntryKind.CONTACT, author=editor, person_name="Ida")
    return factory.entry(rostock, author=editor, contact_ids=[contact.id])


@pytest.fixture
def asker(factory, luebeck):
    return factory.user(luebeck, Role.EDITOR)


def test_ask_answer_mark_helpful_and_list(api, solution, asker, editor):
    as_asker, as_editor = api(asker), api(editor)
    asked = as_asker.post(f"/api/v1/entries/{solution.id}/questions", json={"text": TEXT})
    assert asked.status_code == 201, asked.json
    question = asked.json
    assert question["audience"] == "entry" and question["answers"] == []
    answered = as_editor.post(
        f"/api/v1/questions/{question['id']}/answers", json={"text": "Offenes Verfahren."}
    )
    assert answered.status_code == 201
    answer_id = answered.json["id"]
    assert as_editor.post(f"/api/v1/answers/{answer_id}/helpful").status_code == 403
    marked = as_asker.post(f"/api/v1/answers/{answer_id}/helpful")
    assert marked.status_code == 200 and marked.json["helpful"] is True
    listed = api().get(f"/api/v1/entries/{solution.id}/questions")
    assert listed.status_code == 200 and listed.headers["X-Total-Count"] == "1"
    item = listed.json["items"][0]
    assert item["answers"][0]["helpful"] is True and item["author"] is None  # anonymous caller
    waiting = as_editor.get("/api/v1/questions/waiting")
    assert waiting.status_code == 200 and waiting.json["total"] == 0  # answered
    mine = as_asker.get("/api/v1/questions/mine/answered")
    assert [q["id"] for q in mine.json["items"]] == [question["id"]]


def test_waiting_questions_need_a_token_and_list_open_ones(api, solution, asker, editor):
    assert api().get("/api/v1/questions/waiting").status_code == 401
    api(asker).post(f"/api/v1/entries/{solution.id}/questions", json={"text": TEXT})
    waiting = api(editor).get("/api/v1/questions/waiting")
    assert [q["text"] for q in waiting.json["items"]] == [TEXT]


def test_invalid_input_and_strangers_get_problems(api, solution, asker, factory, wismar):
    url = f"/api/v1/entries/{solution.id}/questions"
    assert api().post(url, json={"text": TEXT}).status_code == 401
    assert api(asker, read_only=True).post(url, json={"text": TEXT}).status_code == 403
    short = api(asker).post(url, json={"text": "Kosten?"})
    assert short.status_code == 422 and "text" in short.json["errors"]
    assert short.headers["Content-Type"].startswith("application/problem+json")
    odd = api(asker).post(url, json={"text": TEXT, "audience": "everyone"})
    assert odd.status_code == 422
    question = api(asker).post(url, json={"text": TEXT, "audience": "owner"}).json
    outsider = api(factory.user(wismar, Role.EDITOR))
    assert outsider.get(f"/api/v1/questions/{question['id']}").status_code == 404
    assert (
        outsider.post(f"/api/v1/questions/{question['id']}/hide", json={"reason": "x"}).status_code
        == 404
    )


def test_hiding_needs_the_owning_editors_and_a_reason(api, solution, asker, editor):
    question = api(asker).post(f"/api/v1/entries/{solution.id}/questions", json={"text": TEXT}).json
    hide = f"/api/v1/questions/{question['id']}/hide"
    assert api(asker).post(hide, json={"reason": "Spam"}).status_code == 403
    assert api(editor).post(hide, json={}).status_code == 422
    hidden = api(editor).post(hide, json={"reason": "Doppelt"})
    assert hidden.status_code == 200 and hidden.json["hidden_reason"] == "Doppelt"
    assert api(editor).post(hide, json={"reason": "Doppelt"}).status_code == 409
    assert api().get(f"/api/v1/questions/{question['id']}").status_code == 404


def test_asking_too_often_answers_429_with_retry_after(api, solution, asker, monkeypatch):
    from hanse_hub.questions import services

    monkeypatch.setattr(services, "ASK_LIMIT", 1)
    url = f"/api/v1/entries/{solution.id}/questions"
    assert api(asker).post(url, json={"text": TEXT}).status_code == 201
    limited = api(asker).post(url, json={"text": TEXT})
    assert limited.status_code == 429 and int(limited.headers["Retry-After"]) > 0


# Every route of the questions API that takes an id (see openapi.json); swept below and
# counted by ``tests/api/test_isolation.py``.
ID_ROUTES = {
    "/api/v1/entries/{id}/questions": ("get", "post"),
    "/api/v1/questions/{question_id}": ("get",),
    "/api/v1/questions/{question_id}/answers": ("post",),
    "/api/v1/questions/{question_id}/hide": ("post",),
    "/api/v1/answers/{answer_id}/helpful": ("post",),
    "/api/v1/answers/{answer_id}/hide": ("post",),
}


def test_other_cities_reach_no_owner_only_question_and_nothing_on_internal_entries(
    api, factory, rostock, wismar, editor, asker, session
):
    from hanse_hub.policy import Actor
    from hanse_hub.questions import services

    public = factory.entry(rostock, author=editor)
    internal = factory.entry(rostock, author=editor, visibility="internal")
    reader = Actor.of(factory.user(rostock, Role.READER))
    owner_only = services.ask_question(Actor.of(asker), public, TEXT, "owner")
    on_internal = services.ask_question(reader, internal, TEXT)
    answers = [
        services.answer_question(Actor.of(editor), question, "Eine Antwort, lang genug.")
        for question in (owner_only, on_internal)
    ]
    session.commit()
    ids = {
        "id": [internal.id],
        "question_id": [owner_only.id, on_internal.id],
        "answer_id": [answer.id for answer in answers],
    }
    outsider = factory.user(wismar, Role.EDITOR)
    failures = []
    for who, caller in {"anonymous": api(), "other city's editor": api(outsider)}.items():
        for route, methods in ID_ROUTES.items():
            name = route.split("{")[1].split("}")[0]
            for entity_id in ids[name]:
                url = route.replace("{" + name + "}", str(entity_id))
                for method in methods:
                    if method == "get" or url.endswith("/helpful"):
                        body = None
                    elif url.endswith("/hide"):
                        body = {"reason": "Test"}
                    else:
                        body = {"text": TEXT}
                    kwargs = {"json": body} if body is not None else {}
                    response = getattr(caller, method)(url, **kwargs)
                    allowed = (404,) if who != "anonymous" or method == "get" else (401, 404)
                    if response.status_code not in allowed:
                        failures.append(f"{who} {method.upper()} {url}: {response.status_code}")
    assert failures == []


def test_editors_set_a_contacts_left_at_through_the_api(api, factory, rostock, editor):
    contact = factory.entry(rostock, kind=EntryKind.CONTACT, author=editor, person_name="Ida")
    url = f"/api/v1/entries/{contact.id}"
    changed = api(editor).patch(url, json={"left_at": "2026-11-30"})
    assert changed.status_code == 200, changed.json
    assert api().get(url).json["left_at"] == "2026-11-30"
    assert api(editor).patch(url, json={"left_at": "gestern"}).status_code == 422
