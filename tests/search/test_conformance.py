"""The conformance suite: every search backend must behave the same.

Each test runs once per backend (``engine``: whoosh, postgres). A backend that
lacks a capability declares it, and ``test_declared_capabilities`` shows the gap.
"""

from __future__ import annotations

import pytest

from hanse_hub.accounts.models import Role
from hanse_hub.content import services as content
from hanse_hub.policy import Actor, scope_for
from hanse_hub.search import indexing, services
from hanse_hub.search.backends import get_backend
from hanse_hub.search.backends.base import ALL_CAPABILITIES, SearchQuery
from hanse_hub.search.query import analyse_query, parse_query
from hanse_hub.search.services import SearchRequest

ANONYMOUS = Actor()


def index(session) -> None:
    session.flush()
    indexing.apply_all_pending_jobs()


def titles(actor, q="", **filters) -> list[str]:
    page = services.search(actor, SearchRequest(q=q, per_page=50, **filters))
    return [hit.entry.title for hit in page.hits]


@pytest.fixture
def cities(search_factory):
    return {
        slug: search_factory.tenant(slug, short_name=slug.title())
        for slug in ("rostock", "luebeck", "wismar")
    }


def test_declared_capabilities(search_app, engine):
    backend = get_backend(search_app)
    missing = ALL_CAPABILITIES - backend.capabilities
    if missing:
        pytest.xfail(f"{engine} lacks: {', '.join(sorted(missing))}")
    assert backend.capabilities >= ALL_CAPABILITIES


def test_every_word_must_match_and_results_come_from_the_database(
    search_session, search_factory, cities
):
    f = search_factory
    f.entry(cities["rostock"], title="Parkraummanagement mit Bodensensoren")
    f.entry(cities["rostock"], title="Bodensensoren für Glätte")
    index(search_session)
    assert titles(ANONYMOUS, "Parkraummanagement Bodensensoren") == [
        "Parkraummanagement mit Bodensensoren"
    ]
    assert sorted(titles(ANONYMOUS, "Bodensensoren")) == [
        "Bodensensoren für Glätte",
        "Parkraummanagement mit Bodensensoren",
    ]


def test_phrases_exclusions_and_or(search_session, search_factory, cities):
    f = search_factory
    f.entry(cities["rostock"], title="Offene Daten für die Stadt")
    f.entry(cities["rostock"], title="Daten der Stadt offen legen")
    f.entry(cities["luebeck"], title="Hochwasser an der Trave")
    index(search_session)
    assert titles(ANONYMOUS, '"offene Daten"') == ["Offene Daten für die Stadt"]
    assert titles(ANONYMOUS, "Daten -legen") == ["Offene Daten für die Stadt"]
    assert sorted(titles(ANONYMOUS, "Hochwasser OR legen")) == [
        "Daten der Stadt offen legen",
        "Hochwasser an der Trave",
    ]


def test_german_spellings_meet(search_session, search_factory, cities):
    f = search_factory
    f.entry(cities["rostock"], title="Straßenbeleuchtung mit LED", body="Für alle Bürger")
    index(search_session)
    for query in ("Strassenbeleuchtung", "Straßenbeleuchtung", "Buerger", "Bürger"):
        assert titles(ANONYMOUS, query) == ["Straßenbeleuchtung mit LED"], query


def test_parts_of_compounds_are_found(search_session, search_factory, cities):
    f = search_factory
    f.entry(cities["wismar"], title="Bürgerbeteiligung online")
    f.entry(cities["rostock"], title="Parkraummanagement in der Innenstadt")
    f.entry(cities["luebeck"], title="Pegelsensoren an der Trave")
    index(search_session)
    assert titles(ANONYMOUS, "Beteiligung") == ["Bürgerbeteiligung online"]
    assert titles(ANONYMOUS, "Parkraum") == ["Parkraummanagement in der Innenstadt"]
    assert titles(ANONYMOUS, "Pegel") == ["Pegelsensoren an der Trave"]


def test_synonyms_and_acronyms(search_session, search_factory, cities):
    f = search_factory
    f.entry(cities["luebeck"], title="Umsetzung des Onlinezugangsgesetzes")
    f.entry(cities["rostock"], title="Ladesäulen für Elektromobilität")
    index(search_session)
    assert titles(ANONYMOUS, "OZG") == ["Umsetzung des Onlinezugangsgesetzes"]
    assert titles(ANONYMOUS, "E-Mobilität") == ["Ladesäulen für Elektromobilität"]


def test_a_word_naming_a_kind_chooses_the_kind(search_session, search_factory, cities):
    f = search_factory
    f.entry(cities["wismar"], kind="contact", title="Jana Kruse", body="Elektromobilität")
    f.entry(cities["rostock"], title="Ladesäulen", body="Elektromobilität für alle")
    f.entry(cities["luebeck"], title="Ansprechpartner im Rathaus", body="Bürgerservice")
    index(search_session)

    page = services.search(ANONYMOUS, SearchRequest(q="Ansprechpartnerin Elektromobilität"))
    assert [hit.entry.title for hit in page.hits] == ["Jana Kruse"]
    assert page.kind_from_query == services.KindFromQuery(
        "contact", ("Ansprechpartnerin",), "Elektromobilität"
    )
    assert page.request.q == "Ansprechpartnerin Elektromobilität"  # shown as typed
    assert [(v.value, v.selected) for v in page.facets["kind"]] == [("contact", True)]
    # With a kind filter that agrees, the word is left out without a note.
    page = services.search(
        ANONYMOUS, SearchRequest(q="Ansprechpartner Elektromobilität", kinds=("contact",))
    )
    assert [hit.entry.title for hit in page.hits] == ["Jana Kruse"]
    assert page.kind_from_query is None
    # No contact matches: the words are taken as typed.
    assert titles(ANONYMOUS, "Ansprechpartner Rathaus") == ["Ansprechpartner im Rathaus"]
    # Alone, inside OR or with another kind filter, the word is a word.
    assert titles(ANONYMOUS, "Ansprechpartner") == ["Ansprechpartner im Rathaus"]
    # (Jana Kruse: Elektromobilität is a related term of Ladesäulen, related.txt.)
    assert sorted(titles(ANONYMOUS, "Ansprechpartner OR Ladesäulen")) == [
        "Ansprechpartner im Rathaus",
        "Jana Kruse",
        "Ladesäulen",
    ]
    assert (
        titles(ANONYMOUS, "Ansprechpartner Elektromobilität", kinds=("solution",), exact=True) == []
    )
    # The API asks for the words as typed.
    assert (
        titles(ANONYMOUS, "Ansprechpartnerin Elektromobilität", kind_words=False, exact=True) == []
    )


def test_english_entries_are_analysed_as_english(search_session, search_factory, cities):
    search_factory.entry(cities["rostock"], title="Parking sensors in the city", language="en")
    index(search_session)
    assert titles(ANONYMOUS, "sensor") == ["Parking sensors in the city"]


def test_facets_count_and_filter(search_session, search_factory, cities):
    f = search_factory
    f.entry(cities["rostock"], title="Sensorik A", topics=["mobilitaet"])
    f.entry(cities["rostock"], kind="lesson", title="Sensorik B", topics=["mobilitaet", "energie"])
    f.entry(cities["wismar"], title="Sensorik C", topics=["energie"])
    index(search_session)
    page = services.search(ANONYMOUS, SearchRequest(q="Sensorik"))
    facets = {name: {v.value: v.count for v in values} for name, values in page.facets.items()}
    assert facets["tenant"] == {"rostock": 2, "wismar": 1}
    assert facets["kind"] == {"solution": 2, "lesson": 1}
    assert facets["topic"] == {"mobilitaet": 2, "energie": 2}
    assert sum(facets["year"].values()) == 3
    assert sorted(titles(ANONYMOUS, "Sensorik", tenants=("rostock",))) == [
        "Sensorik A",
        "Sensorik B",
    ]
    assert titles(ANONYMOUS, "Sensorik", kinds=("lesson",)) == ["Sensorik B"]
    assert sorted(titles(ANONYMOUS, "Sensorik", topics=("energie",))) == [
        "Sensorik B",
        "Sensorik C",
    ]
    year = int(next(iter(facets["year"])))
    assert len(titles(ANONYMOUS, "Sensorik", years=(year,))) == 3


def test_sort_by_date_and_pagination(search_session, search_factory, cities):
    f = search_factory
    entries = [f.entry(cities["rostock"], title=f"Klimaschutz Bericht {n}") for n in range(5)]
    for n, entry in enumerate(entries):
        entry.published_at = f.past(days=10 - n)
    index(search_session)
    newest_first = titles(ANONYMOUS, "Klimaschutz", sort="date")
    assert newest_first == [f"Klimaschutz Bericht {n}" for n in reversed(range(5))]
    page = services.search(
        ANONYMOUS, SearchRequest(q="Klimaschutz", sort="date", page=2, per_page=2)
    )
    assert page.total == 5 and page.pages == 3
    assert [hit.entry.title for hit in page.hits] == [
        "Klimaschutz Bericht 2",
        "Klimaschutz Bericht 1",
    ]


def test_changes_and_deletions_reach_the_index(search_session, search_factory, cities):
    f = search_factory
    editor = f.user(cities["rostock"], Role.EDITOR)
    entry = f.entry(cities["rostock"], author=editor, title="Baumkataster")
    index(search_session)
    content.update_entry(Actor.of(editor), entry, {"title": "Baumbewässerung mit Sensoren"})
    index(search_session)
    assert titles(ANONYMOUS, "Baumkataster", exact=True) == []
    assert titles(ANONYMOUS, "Baumbewässerung") == ["Baumbewässerung mit Sensoren"]
    content.delete_entry(Actor.of(editor), entry)
    index(search_session)
    assert titles(ANONYMOUS, "Baumbewässerung") == []
    assert get_backend().document_count() == 0


def test_visibility_of_the_policy_is_applied(search_session, search_factory, cities):
    f = search_factory
    member = f.user(cities["rostock"], Role.READER)
    outsider = f.user(cities["wismar"], Role.EDITOR)
    f.entry(cities["rostock"], title="Vergabe Sensorik intern", visibility="internal")
    f.entry(cities["rostock"], title="Vergabe Sensorik Netzwerk", visibility="network")
    f.entry(cities["rostock"], title="Vergabe Sensorik Entwurf", status="draft")
    index(search_session)
    assert titles(ANONYMOUS, "Vergabe") == []
    assert titles(Actor.of(outsider), "Vergabe") == ["Vergabe Sensorik Netzwerk"]
    assert sorted(titles(Actor.of(member), "Vergabe")) == [
        "Vergabe Sensorik Netzwerk",
        "Vergabe Sensorik intern",
    ]


def test_archived_entries_only_when_asked_for(search_session, search_factory, cities):
    search_factory.entry(cities["rostock"], title="Alte Parkuhren", status="archived")
    index(search_session)
    assert titles(ANONYMOUS, "Parkuhren") == []
    assert titles(ANONYMOUS, "Parkuhren", include_archived=True) == ["Alte Parkuhren"]


def test_snippets_highlight_and_escape(search_session, search_factory, cities):
    search_factory.entry(
        cities["rostock"], title="Sensoren", body="Die <b>Sensoren</b> messen die Belegung."
    )
    index(search_session)
    page = services.search(ANONYMOUS, SearchRequest(q="Belegung"))
    snippet = str(page.hits[0].snippet)
    assert "<mark>Belegung</mark>" in snippet and "<b>" not in snippet


def test_exact_search_only_suggests_the_corrected_spelling(search_session, search_factory, cities):
    search_factory.entry(cities["luebeck"], title="Hochwasserwarnung für die Altstadt")
    index(search_session)
    page = services.search(ANONYMOUS, SearchRequest(q="Hochwaserwarnung", exact=True))
    assert page.total == 0
    assert page.suggestion == "hochwasserwarnung"
    assert page.corrected_query is None


def test_a_typo_is_corrected_at_once_and_the_page_says_so(search_session, search_factory, cities):
    search_factory.entry(cities["luebeck"], title="Hochwasserwarnung für die Altstadt")
    search_factory.entry(cities["luebeck"], title="Hochwasser im Hafen")
    index(search_session)
    page = services.search(ANONYMOUS, SearchRequest(q="hochwaser warnung"))
    assert page.corrected_query == "hochwasser warnung"
    assert [hit.entry.title for hit in page.hits] == ["Hochwasserwarnung für die Altstadt"]
    assert page.suggestion is None and not page.relaxed
    # A word the index knows is never "corrected", even when a close word exists.
    page = services.search(ANONYMOUS, SearchRequest(q="Hochwasser Hafen"))
    assert page.corrected_query is None and page.total == 1


def test_a_compound_the_index_does_not_know_is_looked_for_as_its_parts(
    search_session, search_factory, cities
):
    f = search_factory
    f.entry(cities["rostock"], title="Parkraummanagement mit Bodensensoren")
    f.entry(cities["rostock"], title="Parksensoren am Hafen")
    f.entry(cities["wismar"], title="Sensoren im Park")
    f.entry(cities["wismar"], title="Parkplätze am Bahnhof")
    f.entry(cities["luebeck"], title="WLAN an allen Schulen")
    index(search_session)
    # The entry holding the whole word ranks above those holding only the parts.
    found = titles(ANONYMOUS, "Parksensoren")
    assert found[0] == "Parksensoren am Hafen"
    assert set(found) == {
        "Parksensoren am Hafen",
        "Parkraummanagement mit Bodensensoren",
        "Sensoren im Park",
    }
    assert titles(ANONYMOUS, "Schul-WLAN") == ["WLAN an allen Schulen"]
    # Exact searches (saved searches, feeds) do not split.
    assert titles(ANONYMOUS, "Parkbodensensoren", exact=True) == []


def test_when_no_entry_holds_all_words_those_holding_most_are_shown(
    search_session, search_factory, cities
):
    f = search_factory
    f.entry(cities["rostock"], title="LoRaWAN-Gateways im Hafen", body="Funknetz für Sensoren")
    f.entry(cities["rostock"], title="LoRaWAN-Sensoren", body="Pegel und Parkplätze")
    f.entry(cities["wismar"], title="Parkplätze am Bahnhof")
    index(search_session)
    # A word no entry holds: the others are searched together, and the page says which.
    page = services.search(ANONYMOUS, SearchRequest(q="LoRaWAN Sensoren Quantencomputer"))
    assert page.relaxed and page.missing_words == ("Quantencomputer",)
    assert sorted(hit.entry.title for hit in page.hits) == [
        "LoRaWAN-Gateways im Hafen",
        "LoRaWAN-Sensoren",
    ]
    # Every word is found somewhere, but never all together: most words first.
    page = services.search(ANONYMOUS, SearchRequest(q="LoRaWAN Pegel Bahnhof"))
    assert page.relaxed and page.missing_words == ()
    assert next(hit.entry.title for hit in page.hits) == "LoRaWAN-Sensoren"
    assert len(page.hits) == 3
    # Filler and question words never sink a query.
    assert titles(ANONYMOUS, "Wie funktioniert das mit den Gateways?") == [
        "LoRaWAN-Gateways im Hafen"
    ]
    # The exact AND result, when there is one, stays unchanged.
    assert titles(ANONYMOUS, "LoRaWAN Pegel") == ["LoRaWAN-Sensoren"]
    assert services.search(ANONYMOUS, SearchRequest(q="LoRaWAN Pegel")).relaxed is False
    # Exact searches are not relaxed.
    assert titles(ANONYMOUS, "LoRaWAN Pegel Bahnhof", exact=True) == []


def test_autocomplete_completes_titles_and_topics(search_session, search_factory, cities):
    search_factory.entry(cities["rostock"], title="Parkraummanagement mit Bodensensoren")
    index(search_session)
    labels = [s["label"] for s in services.autocomplete(ANONYMOUS, "Parkr")]
    assert labels == ["Parkraummanagement mit Bodensensoren"]
    assert "Mobilität" in [s["label"] for s in services.autocomplete(ANONYMOUS, "mobil")]


def test_similar_entries_come_from_other_cities(search_session, search_factory, cities):
    f = search_factory
    source = f.entry(
        cities["rostock"],
        title="Parkraummanagement mit Bodensensoren",
        body="Sensoren melden freie Parkplätze an eine App.",
    )
    f.entry(cities["rostock"], title="Parkplätze mit Sensoren in Warnemünde")
    f.entry(cities["wismar"], title="Freie Parkplätze per App finden", body="Sensoren im Boden")
    f.entry(cities["luebeck"], title="Hochwasserschutz an der Trave")
    index(search_session)
    similar = [e.title for e in services.similar(ANONYMOUS, source)]
    assert similar[0] == "Freie Parkplätze per App finden"
    assert all("Warnemünde" not in title for title in similar)


def test_similar_entries_fit_the_kind_experts_beside_a_contact(
    search_session, search_factory, cities
):
    f = search_factory
    expert = f.entry(
        cities["rostock"],
        kind="contact",
        title="Malte Hinrichsen - Parkraum",
        expertise=["LoRaWAN", "Parkraummanagement"],
        body="Sensoren im Parkraum.",
    )
    f.entry(cities["wismar"], title="Parkraummanagement mit LoRaWAN-Sensoren", body="Parkraum")
    f.entry(
        cities["luebeck"],
        kind="contact",
        title="Jana Kruse - Funknetze",
        expertise=["LoRaWAN"],
        body="Ansprechpartnerin für Funknetze.",
    )
    f.entry(cities["luebeck"], kind="lesson", title="Parkraum: Sensoren im Winter")
    solution = f.entry(cities["wismar"], title="Parkraum-Sensoren", body="LoRaWAN im Parkraum")
    f.entry(cities["luebeck"], kind="contact", title="Parkraum Experte", body="Parkraum Sensoren")
    f.entry(cities["luebeck"], kind="contact", title="Entwurf Parkraum", status="draft")
    index(search_session)
    beside_contact = services.similar(ANONYMOUS, expert, limit=5)
    kinds = [str(e.kind) for e in beside_contact]
    assert kinds[:2] == ["contact", "contact"] and "solution" in kinds
    assert expert not in beside_contact
    assert all(e.title != "Entwurf Parkraum" for e in beside_contact)
    # Beside a solution: lessons learned and solutions of other cities first, then the rest.
    beside_solution = services.similar(ANONYMOUS, solution, limit=2)
    assert [str(e.kind) for e in beside_solution] == ["lesson", "contact"]


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced',
        "NOT OR x",
        "*",
        "(" * 1000 + "x" + ")" * 1000,
        "Sensor " * 1500,
        "-",
        "OR",
        '""',
        "\x00\x1f",
        "🙂 Parkplätze",
        "s*",
        "AND AND",
        "-(-(-x))",
    ],
    ids=[
        "quote",
        "not-or",
        "star",
        "parens",
        "10kB",
        "minus",
        "or",
        "empty-quotes",
        "control",
        "emoji",
        "wildcard",
        "and-and",
        "nested-minus",
    ],
)
def test_malformed_queries_never_fail(search_session, search_factory, cities, query):
    search_factory.entry(cities["rostock"], title="Sensor x Parkplätze")
    index(search_session)
    page = services.search(ANONYMOUS, SearchRequest(q=query))
    assert page.total >= 0


def test_browsing_without_query_lists_everything_visible(search_session, search_factory, cities):
    f = search_factory
    f.entry(cities["rostock"], title="Eins")
    f.entry(cities["wismar"], title="Zwei", visibility="internal")
    index(search_session)
    assert titles(ANONYMOUS) == ["Eins"]


def test_words_in_files_are_found_and_the_hit_names_the_file(
    search_app, search_session, search_factory, cities
):
    import io

    from hanse_hub.content.attachments import AttachmentMetadata, add_attachment
    from hanse_hub.content.storage import storage_for
    from hanse_hub.demo.seed import render_pdf

    editor = search_factory.user(cities["luebeck"], Role.EDITOR)
    material_of = search_factory.entry(cities["luebeck"], author=editor, title="Vortrag Trave")
    add_attachment(
        Actor.of(editor),
        material_of,
        io.BytesIO(render_pdf("Folien", "Die Pegelsensoren melden Hochwasser frühzeitig.")),
        AttachmentMetadata(filename="pegel-folien.pdf"),
        storage=storage_for(search_app),
        max_bytes=10 * 1024 * 1024,
    )
    index(search_session)
    page = services.search(ANONYMOUS, SearchRequest(q="frühzeitig"))
    assert [hit.entry.title for hit in page.hits] == ["Vortrag Trave"]
    assert page.hits[0].file_name == "pegel-folien.pdf"
    assert "<mark>frühzeitig</mark>" in str(page.hits[0].snippet)


def test_an_entry_holding_the_word_ranks_above_one_holding_only_a_related_term(
    search_session, search_factory, cities
):
    """related.txt: Elektroauto -> Elektromobilität. The related term finds entries too, with
    a lower weight than the word searched for; an entry holding neither is not found."""
    f = search_factory
    f.entry(cities["rostock"], title="Elektromobilität im Fuhrpark", body="Fuhrpark der Stadt")
    f.entry(cities["wismar"], title="Elektroauto im Fuhrpark", body="Fuhrpark der Stadt")
    f.entry(cities["luebeck"], title="Lastenfahrrad im Fuhrpark", body="Fuhrpark der Stadt")
    index(search_session)
    assert titles(ANONYMOUS, "Elektroauto") == [
        "Elektroauto im Fuhrpark",
        "Elektromobilität im Fuhrpark",
    ]
    assert titles(ANONYMOUS, "Elektroauto Fuhrpark") == [
        "Elektroauto im Fuhrpark",
        "Elektromobilität im Fuhrpark",
    ]
    # Exact searches (saved searches, feeds, notifications) take the word and its synonyms only.
    assert titles(ANONYMOUS, "Elektroauto", exact=True) == ["Elektroauto im Fuhrpark"]


def test_excerpts_come_from_the_text_stored_at_indexing_not_from_files_read_while_searching(
    search_app, search_session, search_factory, cities
):
    import io
    import shutil
    from pathlib import Path

    from sqlalchemy import func, select

    from hanse_hub.content.attachments import AttachmentMetadata, add_attachment
    from hanse_hub.content.storage import storage_for
    from hanse_hub.extensions import db
    from hanse_hub.search.models import ExcerptText

    editor = search_factory.user(cities["wismar"], Role.EDITOR)
    entry = search_factory.entry(cities["wismar"], author=editor, title="Vortrag Hafen")
    add_attachment(
        Actor.of(editor),
        entry,
        io.BytesIO("Die Kaimauer wird mit Sonargeräten vermessen.".encode()),
        AttachmentMetadata(filename="kaimauer.txt"),
        storage=storage_for(search_app),
        max_bytes=1024 * 1024,
    )
    index(search_session)
    # The data folder's files and their extracted texts are gone: searching reads neither.
    data = Path(search_app.config["HANSE_DATA_DIR"])
    for folder in ("extracted", "uploads"):
        shutil.rmtree(data / folder, ignore_errors=True)
    page = services.search(ANONYMOUS, SearchRequest(q="Sonargeräten"))
    assert [hit.entry.title for hit in page.hits] == ["Vortrag Hafen"]
    assert page.hits[0].file_name == "kaimauer.txt"
    assert "<mark>Sonargeräten</mark> vermessen" in str(page.hits[0].snippet)
    # Deleting the entry removes its stored text with its document.
    content.delete_entry(Actor.of(editor), entry)
    index(search_session)
    stored = select(func.count()).select_from(ExcerptText).where(ExcerptText.entry_id == entry.id)
    assert db.session.scalar(stored) == 0


def test_an_entry_and_its_translation_are_one_hit_in_total_facets_and_pages(
    search_session, search_factory, cities
):
    f = search_factory
    rostock = cities["rostock"]
    member = Actor.of(f.user(rostock, Role.EDITOR))
    original = f.entry(rostock, title="Pegelsensoren an der Warnow", language="de")
    english = f.entry(
        rostock,
        title="Pegelsensoren: water level sensors",
        language="en",
        translation_of_id=original.id,
    )
    f.entry(cities["wismar"], title="Pegelsensoren im Hafen")
    hidden = f.entry(rostock, title="Pegelsensoren intern", visibility="internal")
    f.entry(
        rostock,
        title="Pegelsensoren internal",
        language="en",
        visibility="internal",
        translation_of_id=hidden.id,
    )
    index(search_session)

    page = services.search(ANONYMOUS, SearchRequest(q="Pegelsensoren"))
    assert page.total == 2  # three public entries, two of them one entry in two languages
    assert sorted(hit.entry.title for hit in page.hits) == [
        "Pegelsensoren an der Warnow",  # the interface language's version
        "Pegelsensoren im Hafen",
    ]
    assert page.other_versions == {original.id: [english]}
    facets = {name: {v.value: v.count for v in values} for name, values in page.facets.items()}
    assert facets["tenant"] == {"rostock": 1, "wismar": 1}
    assert facets["kind"] == {"solution": 2}
    # Pages count groups too: no entry appears on two pages in another language.
    listed = [
        hit.entry.id
        for number in (1, 2)
        for hit in services.search(
            ANONYMOUS, SearchRequest(q="Pegelsensoren", per_page=1, page=number)
        ).hits
    ]
    assert len(listed) == 2 and english.id not in listed
    # The count passes through the visibility policy: a member sees the internal pair, once.
    assert services.search(member, SearchRequest(q="Pegelsensoren")).total == 3
    # Feeds, notifications and exports ask for every version.
    every = services.search(
        ANONYMOUS, SearchRequest(q="Pegelsensoren", one_per_translation_group=False)
    )
    assert every.total == 3 and every.other_versions == {}


def test_a_translation_alone_is_found_when_its_original_is_hidden(
    search_session, search_factory, cities
):
    f = search_factory
    rostock = cities["rostock"]
    original = f.entry(rostock, title="Baumkataster intern", visibility="internal")
    f.entry(
        rostock, title="Baumkataster tree register", language="en", translation_of_id=original.id
    )
    index(search_session)
    page = services.search(ANONYMOUS, SearchRequest(q="Baumkataster"))
    assert page.total == 1 and [h.entry.title for h in page.hits] == ["Baumkataster tree register"]
    assert page.other_versions == {}  # the hidden original is not named


@pytest.mark.parametrize("procs", [1, 2])
def test_a_full_rebuild_finds_what_indexing_one_by_one_found(
    search_session, search_factory, cities, procs
):
    """``search reindex`` writes through ``bulk_load`` (for Whoosh one writer, or several
    processes); the rebuilt index answers like the one the outbox built entry by entry: the
    same hits, totals and facet counts (with several processes equally scored hits may come
    in another order, so the hits are compared as sets there)."""
    f = search_factory
    for number, city in enumerate(["rostock", "luebeck", "wismar"] * 9):
        f.entry(
            cities[city],
            kind=["solution", "lesson"][number % 2],
            title=f"Sensoren im Hafen {number}" if number % 2 else f"Pegel an der Trave {number}",
            body="Parkraummanagement und Bodensensoren" if number % 4 else "Bürgerbeteiligung",
            visibility=["public", "network", "internal"][number % 3],
            topics=["mobilitaet"] if number % 5 else ["energie"],
        )
    index(search_session)
    backend = get_backend()
    condition = scope_for(Actor()).search_condition()
    queries = ["Sensoren", "Pegel Trave", "Parkraum", '"an der Trave"', "Bürgerbeteiligung", ""]

    def answers():
        found = []
        for q in queries:
            tree = analyse_query(parse_query(q)) if q else None
            raw = backend.search(SearchQuery(tree, condition, limit=50, facets=True))
            found.append(([hit.entry_id for hit in raw.hits], raw.total, raw.facets))
        return found

    before = answers()
    indexing.reindex(with_similar=False, procs=procs)
    after = answers()
    assert backend.document_count() == 27
    if procs == 1 or backend.name == "postgres":
        assert after == before
    else:
        assert [(sorted(h), t, fc) for h, t, fc in after] == [
            (sorted(h), t, fc) for h, t, fc in before
        ]
    assert all(total > 0 for _hits, total, _facets in before[:-1])
