"""Comparing solutions side by side, and the one-page "Steckbrief" PDF (issue #17)."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from hanse_hub.accounts.models import Role
from hanse_hub.content.adoptions import record_adoption
from hanse_hub.content.models import EntryKind, Solution
from hanse_hub.demo.seed import seed_demo
from hanse_hub.extensions import db
from hanse_hub.policy import Actor
from tests.admin.helpers import text


def _solution(factory, tenant, title, **values):
    return factory.entry(tenant, title=title, **values)


def test_compare_shows_two_solutions_side_by_side_at_a_stable_address(
    client, factory, rostock, wismar
):
    first = _solution(factory, rostock, "Parkraumsensoren", costs="194.000 €", maturity="pilot")
    second = _solution(
        factory, wismar, "Parken per App", software_licence="MIT", maturity="in_operation"
    )
    record_adoption(
        Actor.of(factory.user(wismar, Role.EDITOR)),
        wismar,
        first.id,
        {"status": "adopted", "decided_on": date(2025, 3, 1), "visibility": "public"},
    )
    response = client.get(f"/vergleich?l={first.id}&l={second.id}")
    assert response.status_code == 200
    page = text(response)
    assert "2 Lösungen im Vergleich" in page
    assert page.index("Parkraumsensoren") < page.index("Parken per App")  # order of the URL
    for fact in (
        "194.000 €",
        "Pilotphase",
        "Im Betrieb",
        "MIT",
        "Wismar nutzt die Lösung (seit 2025)",
    ):
        assert fact in page, fact
    assert f'href="/vergleich?l={second.id}"' in page  # remove the first: still a stable URL


def test_compare_leaves_out_what_the_viewer_may_not_see_and_odd_parameters(
    client, factory, rostock, wismar
):
    public = _solution(factory, rostock, "Offene Lösung")
    internal = _solution(factory, wismar, "Interne Lösung", visibility="internal")
    lesson = factory.entry(rostock, kind=EntryKind.LESSON, title="Eine Erfahrung")
    page = text(client.get(f"/vergleich?l={public.id}&l={internal.id}&l={lesson.id}&l=x&l=-1"))
    assert "Offene Lösung" in page
    assert "Interne Lösung" not in page and "Eine Erfahrung" not in page
    assert "Wählen Sie zwei bis vier Lösungen" in page
    for odd in ("", "?l=99999999999999999999", "?l=%00", "?l=" + "&l=".join(["1"] * 50)):
        assert client.get("/vergleich" + odd).status_code == 200, odd


def test_compare_takes_at_most_four_solutions(client, factory, rostock):
    ids = [_solution(factory, rostock, f"Lösung {number}").id for number in range(5)]
    page = text(client.get("/vergleich?" + "&".join(f"l={i}" for i in ids)))
    assert "4 Lösungen im Vergleich" in page and "Lösung 4" not in page


def test_solution_page_links_its_profile_and_the_comparison(client, factory, rostock):
    solution = _solution(factory, rostock, "Parkraumsensoren")
    page = text(client.get(f"/t/rostock/{solution.slug}"))
    assert f'href="/vergleich?l={solution.id}"' in page
    assert f'href="/t/rostock/{solution.slug}/steckbrief.pdf"' in page
    assert f"Dauerhafte Adresse: http://localhost/t/rostock/{solution.slug}" in page  # print


def _pdf_of(client, entry) -> PdfReader:
    response = client.get(f"/t/{entry.tenant.slug}/{entry.slug}/steckbrief.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    return PdfReader(io.BytesIO(response.data))


def test_profile_pdf_of_a_solution_has_title_facts_contact_and_permalink(client, factory, rostock):
    contact = factory.entry(
        rostock, kind=EntryKind.CONTACT, title="Parkraum-Team", person_name="Jana Kruse"
    )
    solution = _solution(
        factory,
        rostock,
        "Parkraumsensoren",
        costs="194.000 € Investition",
        software_licence="EUPL-1.2",
        maturity="in_operation",
        problem="Viel Parksuchverkehr. " * 200,  # far too long for one page: shortened
        contact_ids=[contact.id],
    )
    reader = _pdf_of(client, solution)
    assert len(reader.pages) == 1
    content = " ".join(reader.pages[0].extract_text().split())
    for expected in (
        "Smarte Hanse",
        "Parkraumsensoren",
        "Im Betrieb",
        "194.000 EUR Investition",
        "EUPL-1.2",
        "Jana Kruse",
        f"/t/rostock/{solution.slug}",
        rostock.official_name,
    ):
        assert expected in content, expected
    assert reader.metadata.title == "Parkraumsensoren"


def test_profile_pdf_exists_for_lessons_not_for_other_kinds_nor_hidden_entries(
    client, factory, rostock
):
    lesson = factory.entry(rostock, kind=EntryKind.LESSON, title="Was wir lernten")
    assert "Was wir lernten" in _pdf_of(client, lesson).pages[0].extract_text()
    event = factory.entry(rostock, kind=EntryKind.EVENT, title="Werkstatt")
    assert client.get(f"/t/rostock/{event.slug}/steckbrief.pdf").status_code == 404
    internal = factory.entry(rostock, title="Intern", visibility="internal")
    assert client.get(f"/t/rostock/{internal.slug}/steckbrief.pdf").status_code == 404


@pytest.mark.slow
def test_profile_pdf_of_every_demo_solution_is_one_page(client, session):
    """The demo's solutions are written at length; each profile still fits one page."""
    seed_demo(fixed_password="Demo-Passwort-fuer-Tests-2026")
    solutions = db.session.scalars(
        db.select(Solution).where(Solution.visibility == "public", Solution.status == "published")
    )
    for solution in solutions:
        reader = _pdf_of(client, solution)
        assert len(reader.pages) == 1, solution.title
        assert solution.title.split()[0] in reader.pages[0].extract_text()
