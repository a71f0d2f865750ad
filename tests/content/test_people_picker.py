"""The people picker of the editing form: it searches people (own city first) instead of
listing every person of every city – with and without JavaScript (issue #17)."""

from __future__ import annotations

import re

from hanse_hub.accounts.models import Role
from hanse_hub.content.models import Contact, EntryKind, EntryStatus, Visibility
from hanse_hub.database import utcnow
from hanse_hub.extensions import db
from tests.factories import csrf_token

NEW_SOLUTION = "/t/rostock/neu/loesung"


def _generate_people(tenant, count: int, prefix: str) -> None:
    """``count`` published, public contacts of ``tenant``, written straight to the database
    (the services would take minutes for thousands; the picker only reads them)."""
    now = utcnow()
    db.session.add_all(
        Contact(
            tenant=tenant,
            title=f"{prefix} {number}",
            slug=f"{prefix.lower()}-{number}",
            person_name=f"{prefix} Person {number:04d}",
            visibility=Visibility.PUBLIC,
            status=EntryStatus.PUBLISHED,
            published_at=now,
            consent_given_at=now,
        )
        for number in range(count)
    )
    db.session.flush()


def _checkboxes(page: str) -> list[str]:
    return re.findall(r'name="contact_ids" id="[^"]+" value="(\d+)"', page)


def _form(client, **fields) -> dict:
    return {
        "csrf_token": csrf_token(client, NEW_SOLUTION),
        "title": "Parkraumsensoren",
        "summary": "",
        "body": "",
        "maturity": "pilot",
        "visibility": "public",
        "language": "de",
        "licence": "CC-BY-4.0",
        **fields,
    }


def test_the_form_lists_no_one_until_searched_even_with_two_thousand_people(
    client, factory, session, rostock, wismar, editor
):
    _generate_people(rostock, 1000, "Rostock")
    _generate_people(wismar, 1000, "Wismar")
    session.commit()
    factory.login(client, editor)
    page = client.get(NEW_SOLUTION).text
    assert _checkboxes(page) == [] and "Noch niemand ausgewählt" in page
    assert 'name="people_query"' in page and "Wismar Person" not in page

    # Without JavaScript: "Personen suchen" sends the form back with the people found.
    response = client.post(
        NEW_SOLUTION, data=_form(client, people_query="Person 00", find_people="1")
    )
    assert response.status_code == 200
    found = _checkboxes(response.text)
    assert 0 < len(found) <= 20  # 200 match; the picker shows a page of them, own city first
    labels = re.findall(
        r'<label class="kern-label" for="contact_ids-\d+">([^<]+)</label>', response.text
    )
    assert labels[0].startswith("Rostock Person") and all("(Rostock)" in label for label in labels)
    assert 'value="Parkraumsensoren"' in response.text  # nothing typed is lost
    assert "20 Personen gefunden" in response.text


def test_a_person_found_is_chosen_and_saved_and_stays_chosen(
    client, factory, session, rostock, wismar, editor
):
    person = factory.entry(wismar, kind=EntryKind.CONTACT, title="Parken", person_name="Jana Kruse")
    session.commit()
    factory.login(client, editor)
    found = client.post(NEW_SOLUTION, data=_form(client, people_query="kruse", find_people="1"))
    assert _checkboxes(found.text) == [str(person.id)]
    saved = client.post(NEW_SOLUTION, data=_form(client, contact_ids=[str(person.id)], save="1"))
    assert saved.status_code == 302
    edit = client.get(saved.headers["Location"].split("#")[0]).text
    assert "Jana Kruse" in edit


def test_a_person_the_editor_may_not_see_cannot_be_chosen(
    client, factory, session, rostock, wismar, editor
):
    hidden = factory.entry(
        wismar, kind=EntryKind.CONTACT, title="Intern", person_name="Geheim", visibility="internal"
    )
    session.commit()
    factory.login(client, editor)
    response = client.post(NEW_SOLUTION, data=_form(client, contact_ids=[str(hidden.id)], save="1"))
    assert response.status_code == 422 and "Geheim" not in response.text
    searched = client.post(NEW_SOLUTION, data=_form(client, people_query="Geheim", find_people="1"))
    assert _checkboxes(searched.text) == []
    for odd in (["x"], ["-1"], ["99999999999999999999"]):
        assert (
            client.post(NEW_SOLUTION, data=_form(client, contact_ids=odd, save="1")).status_code
            == 422
        )


def test_suggestions_for_the_combobox_put_the_own_city_first(
    client, factory, session, rostock, wismar, editor
):
    factory.entry(wismar, kind=EntryKind.CONTACT, title="Parken Wismar", person_name="Anna Kruse")
    factory.entry(rostock, kind=EntryKind.CONTACT, title="Parken Rostock", person_name="Zoe Kruse")
    reader = factory.user(rostock, Role.READER)
    session.commit()
    assert client.get("/personen/vorschlaege?q=Kruse").status_code == 302  # log in first
    factory.login(client, reader)
    assert client.get("/personen/vorschlaege?q=Kruse").status_code == 403
    client.post("/abmelden", data={"csrf_token": csrf_token(client, "/")})
    factory.login(client, editor)
    answer = client.get("/personen/vorschlaege?q=Kruse&stadt=rostock").get_json()
    assert [s["label"] for s in answer["suggestions"]] == [
        "Zoe Kruse – Parken Rostock (Rostock)",
        "Anna Kruse – Parken Wismar (Wismar)",
    ]
    assert client.get("/personen/vorschlaege?q=K").get_json() == {"suggestions": []}
    assert client.get("/personen/vorschlaege?q=%25&stadt=%00").status_code == 200


def test_the_adoption_form_offers_only_the_adopting_citys_people(
    client, factory, session, rostock, wismar
):
    solution = factory.entry(rostock, title="Pegelsensoren")
    factory.entry(rostock, kind=EntryKind.CONTACT, title="Rostocker Kontakt", person_name="R")
    factory.entry(wismar, kind=EntryKind.CONTACT, title="Wismarer Kontakt", person_name="W")
    wismar_editor = factory.user(wismar, Role.EDITOR)
    session.commit()
    factory.login(client, wismar_editor)
    page = client.get(f"/eintraege/{solution.id}/uebernahme").text
    assert "Wismarer Kontakt" in page and "Rostocker Kontakt" not in page
