"""``/api/v1/entries/{id}/steckbrief.pdf`` and ``/api/v1/compare``: the web's "Steckbrief als
PDF" and ``/vergleich`` for scripts, with the same visibility and problem+json errors."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from hanse_hub.accounts.models import Role
from hanse_hub.content.adoptions import record_adoption
from hanse_hub.content.models import EntryKind
from hanse_hub.policy import Actor


def _problem(response, status: int) -> dict:
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"
    return response.json


def test_profile_pdf_through_the_api_has_title_facts_and_permalink(api, factory, rostock):
    contact = factory.entry(
        rostock, kind=EntryKind.CONTACT, title="Parkraum-Team", person_name="Jana Kruse"
    )
    solution = factory.entry(
        rostock,
        title="Parkraumsensoren",
        costs="194.000 € Investition",
        maturity="in_operation",
        contact_ids=[contact.id],
    )
    response = api().get(f"/api/v1/entries/{solution.id}/steckbrief.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert "steckbrief-parkraumsensoren.pdf" in response.headers["Content-Disposition"]
    reader = PdfReader(io.BytesIO(response.data))
    assert len(reader.pages) == 1
    content = " ".join(reader.pages[0].extract_text().split())
    for expected in ("Parkraumsensoren", "Im Betrieb", "194.000 EUR", "Jana Kruse"):
        assert expected in content, expected
    assert f"/t/rostock/{solution.slug}" in content


def test_profile_pdf_through_the_api_answers_404_for_hidden_entries_and_other_kinds(
    api, factory, rostock, wismar
):
    editor = factory.user(rostock, Role.EDITOR)
    internal = factory.entry(rostock, title="Intern", visibility="internal")
    draft = factory.entry(rostock, title="Entwurf", status="draft")
    event = factory.entry(rostock, kind=EntryKind.EVENT, title="Werkstatt")
    outsider = api(factory.user(wismar, Role.EDITOR))
    hidden = [
        _problem(caller.get(f"/api/v1/entries/{entry.id}/steckbrief.pdf"), 404)["detail"]
        for caller in (api(), outsider)
        for entry in (internal, draft)
    ]
    missing = _problem(api().get("/api/v1/entries/99999999/steckbrief.pdf"), 404)["detail"]
    assert set(hidden) == {missing}  # a hidden entry reads as one that does not exist
    assert (
        "Steckbrief"
        in _problem(api().get(f"/api/v1/entries/{event.id}/steckbrief.pdf"), 404)["detail"]
    )
    own = api(editor).get(f"/api/v1/entries/{draft.id}/steckbrief.pdf")
    assert own.status_code == 200 and own.data.startswith(b"%PDF")


def test_compare_through_the_api_lists_facts_and_adoptions_in_the_order_asked(
    api, factory, rostock, wismar
):
    first = factory.entry(rostock, title="Parkraumsensoren", costs="194.000 €", maturity="pilot")
    second = factory.entry(wismar, title="Parken per App", software_licence="MIT")
    record_adoption(
        Actor.of(factory.user(wismar, Role.EDITOR)),
        wismar,
        first.id,
        {"status": "adopted", "decided_on": date(2025, 3, 1), "visibility": "public"},
    )
    response = api().get(f"/api/v1/compare?ids={second.id}&ids={first.id}")
    assert response.status_code == 200, response.json
    items = response.json["items"]
    assert [item["entry"]["title"] for item in items] == ["Parken per App", "Parkraumsensoren"]
    assert items[0]["entry"]["software_licence"] == "MIT"
    assert items[1]["entry"]["costs"] == "194.000 €"
    assert items[1]["entry"]["maturity"] == "pilot"
    assert [(a["tenant"], a["status"]) for a in items[1]["adoptions"]] == [("wismar", "adopted")]


def test_compare_through_the_api_refuses_hidden_ids_other_kinds_and_wrong_counts(
    api, factory, rostock, wismar
):
    ids = [factory.entry(rostock, title=f"Lösung {n}").id for n in range(5)]
    internal = factory.entry(wismar, title="Interne Lösung", visibility="internal")
    lesson = factory.entry(rostock, kind=EntryKind.LESSON, title="Eine Erfahrung")
    caller = api()

    hidden = _problem(caller.get(f"/api/v1/compare?ids={ids[0]}&ids={internal.id}"), 404)
    missing = _problem(caller.get(f"/api/v1/compare?ids={ids[0]}&ids=99999999"), 404)
    assert hidden["detail"] == missing["detail"]
    assert "Interne Lösung" not in str(hidden)

    wrong_kind = _problem(caller.get(f"/api/v1/compare?ids={ids[0]}&ids={lesson.id}"), 422)
    assert "ids" in wrong_kind["errors"]
    for query in (
        "",  # none
        f"?ids={ids[0]}",  # one
        f"?ids={ids[0]}&ids={ids[0]}",  # the same one twice
        "?" + "&".join(f"ids={i}" for i in ids),  # five
        f"?ids={ids[0]}&ids=x",
        f"?ids={ids[0]}&ids=0",
        f"?ids={ids[0]}&ids=99999999999999999999",
    ):
        problem = _problem(caller.get("/api/v1/compare" + query), 422)
        assert "ids" in problem["errors"], query
    four = caller.get("/api/v1/compare?" + "&".join(f"ids={i}" for i in ids[:4]))
    assert four.status_code == 200 and len(four.json["items"]) == 4


def test_compare_and_profile_are_documented_in_the_openapi_document(client):
    paths = client.get("/api/openapi.json").json["paths"]
    profile = paths["/api/v1/entries/{entry_id}/steckbrief.pdf"]["get"]
    assert "application/pdf" in profile["responses"]["200"]["content"]
    assert "404" in profile["responses"]
    compare = paths["/api/v1/compare"]["get"]
    assert {"404", "422"} <= set(compare["responses"])
    assert any(parameter["name"] == "ids" for parameter in compare["parameters"])
