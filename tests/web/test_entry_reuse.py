"""The entry page answers "can we reuse this?" at a glance, and lists name an entry once
whatever its language versions (issue #17)."""

from __future__ import annotations

from datetime import date

from hanse_hub.accounts.models import Role
from hanse_hub.content.adoptions import record_adoption
from hanse_hub.content.models import EntryKind
from hanse_hub.content.translation_groups import one_per_translation_group
from hanse_hub.policy import Actor
from tests.admin.helpers import text

ENGLISH = {"Accept-Language": "en"}


def _main(page: str) -> str:
    return page.split('id="inhalt"', 1)[1].split("</main>", 1)[0]


def test_solution_page_starts_with_a_facts_box_then_problem_solution_results(
    client, factory, rostock, wismar
):
    contact = factory.entry(
        rostock, kind=EntryKind.CONTACT, title="Parkraum-Team", person_name="Jana Kruse"
    )
    solution = factory.entry(
        rostock,
        title="Parkraumsensoren",
        problem="Viel Parksuchverkehr.",
        approach="Sensoren unter jedem Stellplatz.",
        body="## Ergebnisse\n\nWeniger Suchverkehr.",
        transferability="Gut übertragbar.",
        maturity="in_operation",
        costs="194.000 €",
        software_licence="EUPL-1.2",
        repository_url="https://code.example/parkraum",
        contact_ids=[contact.id],
    )
    record_adoption(
        Actor.of(factory.user(wismar, Role.EDITOR)),
        wismar,
        solution.id,
        {"status": "evaluating", "started_on": date(2025, 1, 1), "visibility": "public"},
    )
    page = _main(text(client.get(f"/t/rostock/{solution.slug}")))
    box = page.split('class="facts-box"', 1)[1].split("</section>", 1)[0]
    for fact in ("Im Betrieb", "194.000 €", "EUPL-1.2", "https://code.example/parkraum"):
        assert fact in box, fact
    assert "Parkraum-Team" in box and "Jana Kruse" in box
    assert "Wismar prüft die Lösung (seit 2025)" in box
    order = [
        page.index("Auf einen Blick"),
        page.index(">Problem</h2>"),
        page.index(">Lösungsansatz</h2>"),
        page.index(">Ergebnisse</h"),
        page.index(">Übertragbarkeit</h2>"),
    ]
    assert order == sorted(order)


def test_english_interface_names_the_english_version_of_a_german_entry(client, factory, rostock):
    original = factory.entry(rostock, title="Parkraumsensoren", language="de")
    english = factory.entry(
        rostock, title="Parking sensors", language="en", translation_of_id=original.id
    )
    page = text(client.get(f"/t/rostock/{original.slug}", headers=ENGLISH))
    assert "This entry is also available in English:" in page
    assert f'href="/t/rostock/{english.slug}">Parking sensors</a>' in page
    german = text(client.get(f"/t/rostock/{original.slug}"))
    assert "gibt es auch auf" not in german
    # The other way round: an English entry in the German interface.
    assert "Diesen Eintrag gibt es auch auf Deutsch:" in text(
        client.get(f"/t/rostock/{english.slug}")
    )


def test_lists_show_one_entry_per_translation_group_in_the_interface_language(
    client, factory, rostock
):
    original = factory.entry(rostock, title="Parkraumsensoren", language="de")
    factory.entry(rostock, title="Parking sensors", language="en", translation_of_id=original.id)
    for path in ("/", "/t/rostock"):
        german = _main(text(client.get(path)))
        assert german.count(">Parkraumsensoren</a>") == 1, path
        assert ">Parking sensors</a>" not in german and 'lang="en">English</a>' in german
        english = _main(text(client.get(path, headers=ENGLISH)))
        assert english.count(">Parking sensors</a>") == 1, path
        assert ">Parkraumsensoren</a>" not in english and 'lang="de">Deutsch</a>' in english


def test_grouping_keeps_the_order_and_prefers_the_language(factory, rostock):
    first = factory.entry(rostock, title="A", language="de")
    alone = factory.entry(rostock, title="B", language="en")
    translation = factory.entry(rostock, title="A (en)", language="en", translation_of_id=first.id)
    listed = one_per_translation_group([first, alone, translation], "en")
    assert [item.item for item in listed] == [translation, alone]
    assert listed[0].other_versions == [first] and listed[1].other_versions == []
    german = one_per_translation_group([translation, alone, first], "de")
    assert [item.item for item in german] == [first, alone]


def test_city_topic_and_home_pages_count_an_entry_and_its_translation_once(
    client, factory, rostock
):
    original = factory.entry(rostock, title="Parkraumsensoren", topics=["mobilitaet"])
    factory.entry(
        rostock,
        title="Parking sensors",
        language="en",
        topics=["mobilitaet"],
        translation_of_id=original.id,
    )
    factory.entry(rostock, title="Ladesäulen", topics=["mobilitaet"])
    city = _main(text(client.get("/t/rostock")))
    assert 'href="#art-solution">2 Lösungen</a>' in city
    topic = _main(text(client.get("/themen/mobilitaet")))
    assert 'href="#art-solution">2 Lösungen</a>' in topic
    assert "Alle 2 Lösungen" not in topic  # both are on the page: no link to the rest
    home = _main(text(client.get("/")))
    assert "2 Einträge" in home and "3 Einträge" not in home


def test_topic_page_links_its_solutions_to_the_comparison(client, factory, rostock):
    first = factory.entry(rostock, title="Parkraumsensoren", topics=["mobilitaet"])
    second = factory.entry(rostock, title="Ladesäulen", topics=["mobilitaet"])
    topic = _main(text(client.get("/themen/mobilitaet")))
    link = topic.split("Diese Lösungen vergleichen", 1)[0].rsplit('href="', 1)[1]
    assert sorted(link.split('"', 1)[0].split("?", 1)[1].split("&amp;")) == sorted(
        [f"l={first.id}", f"l={second.id}"]
    )
