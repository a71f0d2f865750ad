"""The search page, the autocomplete endpoint, similar entries, and the search commands."""

from __future__ import annotations

import re

from hanse_hub.search import indexing
from hanse_hub.search.backends import get_backend


def _seed(f, session):
    rostock = f.tenant("rostock", short_name="Rostock")
    wismar = f.tenant("wismar", short_name="Wismar")
    f.entry(
        rostock,
        title="Parkraummanagement mit Bodensensoren",
        topics=["mobilitaet"],
        body="Sensoren melden freie Parkplätze.",
    )
    f.entry(
        wismar,
        title="Freie Parkplätze per App",
        topics=["mobilitaet"],
        body="Sensoren im Boden melden Parkplätze.",
    )
    f.entry(rostock, title="Interne Vergabe Parkplätze", visibility="internal")
    session.flush()
    indexing.apply_all_pending_jobs()
    session.commit()
    return rostock, wismar


def test_search_page_shows_hits_facets_and_keeps_state_in_the_url(
    search_client, search_factory, search_session
):
    _seed(search_factory, search_session)
    page = search_client.get("/suche?q=Parkpl%C3%A4tze").get_data(as_text=True)
    assert "2 Treffer" in page
    assert "Parkraummanagement mit Bodensensoren" in page and "Interne Vergabe" not in page
    assert "<mark>" in page
    assert re.search(r"(veröffentlicht|aktualisiert) \d\d\.\d\d\.\d{4}", page)  # says which date
    assert re.search(r'href="/suche\?q=Parkpl%C3%A4tze&amp;stadt=wismar"', page)
    filtered = search_client.get("/suche?q=Parkpl%C3%A4tze&stadt=wismar").get_data(as_text=True)
    assert "1 Treffer" in filtered and 'aria-current="true"' in filtered


def test_search_page_shows_results_for_the_corrected_spelling_with_a_way_back(
    search_client, search_factory, search_session
):
    _seed(search_factory, search_session)
    page = search_client.get("/suche?q=Bodensensroen").get_data(as_text=True)
    assert "Ergebnisse für <strong>bodensensoren</strong>." in page
    first_hit = page.index('class="card hit"')
    assert page.index("Parkraummanagement mit Bodensensoren", first_hit) < page.index(
        "Freie Parkplätze per App", first_hit
    )  # the whole word above its parts (Boden, Sensoren)
    back = re.search(r'Stattdessen nach <a href="([^"]+)">»Bodensensroen«</a> suchen', page)
    assert back, page
    exact = search_client.get(back.group(1).replace("&amp;", "&")).get_data(as_text=True)
    assert "0 Treffer" in exact and "Meinten Sie" in exact and "bodensensoren" in exact


def test_search_page_says_which_words_were_not_found(search_client, search_factory, search_session):
    _seed(search_factory, search_session)
    page = search_client.get("/suche?q=Bodensensoren+Quantencomputer").get_data(as_text=True)
    assert "Kein Eintrag enthält alle Wörter." in page
    assert "Nicht gefunden: <s>Quantencomputer</s>" in page
    assert "Parkraummanagement mit Bodensensoren" in page


def test_empty_search_page_offers_ways_on(
    search_client, search_factory, search_session, search_app
):
    _rostock, _ = _seed(search_factory, search_session)
    page = search_client.get("/suche?q=Quantencomputer+Zeitreise").get_data(as_text=True)
    assert "0 Treffer" in page and "So kommen Sie weiter" in page
    assert 'href="/suche?q=Zeitreise"' in page and "ohne „Quantencomputer“" in page
    assert 'href="/suche?q=Quantencomputer+Zeitreise&amp;art=contact"' in page
    topics = search_client.get("/suche?q=Bildung+Zeitreise").get_data(as_text=True)
    assert "0 Treffer" in topics and 'href="/suche?thema=bildung"' in topics
    search_app.config["HANSE_CONTACT_ADDRESS"] = "netzwerk@smarte-hanse.example"
    try:
        page = search_client.get("/suche?q=Zeitreise").get_data(as_text=True)
    finally:
        search_app.config["HANSE_CONTACT_ADDRESS"] = None
    assert 'href="mailto:netzwerk@smarte-hanse.example?subject=Frage%20an%20das%20Netzwerk' in page


def test_search_page_says_when_a_word_chose_the_kind(search_client, search_factory, search_session):
    _, wismar = _seed(search_factory, search_session)
    search_factory.entry(wismar, kind="contact", title="Jana Kruse", body="Parkplätze und Sensoren")
    search_session.flush()
    indexing.apply_all_pending_jobs()
    search_session.commit()
    page = search_client.get("/suche?q=Ansprechpartnerin+Parkpl%C3%A4tze&stadt=wismar")
    html = page.get_data(as_text=True)
    assert "1 Treffer" in html and "Jana Kruse" in html and "Freie Parkplätze per App" not in html
    assert "Gezeigt werden nur Kontakte, weil Ihre Suche „Ansprechpartnerin“ enthält." in html
    all_kinds = re.search(r'<a href="([^"]+)">Alle Einträge zu „Parkplätze“ zeigen</a>', html)
    assert all_kinds, html
    everything = search_client.get(all_kinds.group(1).replace("&amp;", "&"))
    assert "Freie Parkplätze per App" in everything.get_data(as_text=True)
    # The search box keeps what was typed.
    assert 'value="Ansprechpartnerin Parkplätze"' in html


def test_search_page_survives_garbage_parameters(search_client, search_factory, search_session):
    _seed(search_factory, search_session)
    for query in ("?seite=-3&pro_seite=99999&sortierung=x&jahr=abc&art=evil", "?q=" + "(" * 2000):
        assert search_client.get("/suche" + query).status_code == 200


def test_autocomplete_returns_visible_titles_as_json(search_client, search_factory, search_session):
    _seed(search_factory, search_session)
    data = search_client.get("/suche/autocomplete?q=Parkr").get_json()
    assert [s["label"] for s in data["suggestions"]] == ["Parkraummanagement mit Bodensensoren"]
    assert data["suggestions"][0]["url"].startswith("/t/rostock/")
    assert search_client.get("/suche/autocomplete?q=Intern").get_json()["suggestions"] == []


def test_entry_page_shows_similar_entries_from_other_cities(
    search_client, search_factory, search_session
):
    _seed(search_factory, search_session)
    page = search_client.get("/t/rostock/parkraummanagement-mit-bodensensoren")
    html = page.get_data(as_text=True)
    assert "Ähnliches aus anderen Städten" in html and "Freie Parkplätze per App" in html


def test_search_commands_reindex_and_report_status(search_app, search_factory, search_session):
    _seed(search_factory, search_session)
    get_backend().reset()
    search_session.commit()
    runner = search_app.test_cli_runner()
    result = runner.invoke(args=["search", "reindex"])
    assert result.exit_code == 0 and "Indexed 3 entries." in result.output
    status = runner.invoke(args=["search", "status"]).output
    assert re.search(r"Documents in index:\s+3", status)
    assert re.search(r"Entries in database:\s+3", status)
    assert re.search(r"Pending jobs:\s+0", status)


def test_worker_applies_pending_jobs_once(search_app, search_factory, search_session):
    city = search_factory.tenant("stralsund")
    search_factory.entry(city, title="Besucherlenkung Altstadt")
    search_session.flush()
    result = search_app.test_cli_runner().invoke(args=["search", "worker", "--once"])
    assert result.exit_code == 0 and "indexed" in result.output
    assert get_backend().document_count() == 1


def test_unicode_digits_and_nul_in_parameters_do_not_break_the_search_page(
    search_client, search_factory, search_session
):
    _seed(search_factory, search_session)
    for query in ("?seite=²", "?jahr=²", "?pro_seite=²", "?stadt=%00", "?thema=%00&art=%00"):
        assert search_client.get("/suche" + query).status_code == 200, query
    assert search_client.get("/t/%00/x").status_code == 404


def test_excerpts_are_readable_text_and_hits_load_in_a_fixed_number_of_statements(
    search_factory, search_session
):
    from sqlalchemy import event

    from hanse_hub.extensions import db
    from hanse_hub.policy import Actor
    from hanse_hub.search import services

    rostock = search_factory.tenant("rostock", short_name="Rostock")
    for number in range(12):
        search_factory.entry(
            rostock,
            kind="contact" if number % 2 else "solution",
            title=f"Sensorik {number}",
            summary="Ansprechpartner für Sensorik im Hafen.",
            topics=["mobilitaet"],
            tags=["lorawan", "parkraum"],
        )
    search_session.flush()
    indexing.apply_all_pending_jobs()

    def statements(per_page: int) -> tuple[int, list]:
        count = 0

        def counted(*_args):
            nonlocal count
            count += 1

        event.listen(db.engine, "before_cursor_execute", counted)
        try:
            page = services.search(Actor(), services.SearchRequest(q="Sensorik", per_page=per_page))
            for hit in page.hits:  # what the results page reads of each hit
                _ = (hit.entry.tenant.short_name, hit.entry.attachments, str(hit.snippet))
        finally:
            event.remove(db.engine, "before_cursor_execute", counted)
        return count, page.hits

    # Both page sizes hold both kinds (kind columns load once per kind, not per hit).
    six, _ = statements(6)
    db.session.expire_all()
    twelve, hits = statements(12)
    assert len(hits) == 12 and twelve == six  # no statement per hit
    for hit in hits:
        # The entry's own words, not the index's jumble of tags and topic names.
        assert "Mobilität" not in str(hit.snippet) and "Mobility" not in str(hit.snippet)
        assert "lorawan" not in str(hit.snippet)
        assert "Ansprechpartner für <mark>Sensorik</mark> im Hafen." in str(hit.snippet)


def test_solutions_among_the_hits_can_be_picked_for_comparison(
    search_client, search_factory, search_session
):
    _seed(search_factory, search_session)
    page = search_client.get("/suche?q=Parkpl%C3%A4tze&l=99").get_data(as_text=True)
    assert '<form method="get" action="/vergleich" id="vergleich"' in page
    boxes = re.findall(r'<input type="checkbox" name="l" value="(\d+)" form="vergleich"', page)
    assert len(boxes) == 2  # the two public solutions
    assert '<input type="hidden" name="l" value="99">' in page  # chosen before, kept


def test_search_page_counts_an_entry_and_its_translation_as_one_hit(
    search_client, search_factory, search_session
):
    f = search_factory
    rostock = f.tenant("rostock", short_name="Rostock")
    original = f.entry(rostock, title="Pegelsensoren an der Warnow", language="de")
    english = f.entry(
        rostock,
        title="Pegelsensoren: water level sensors",
        language="en",
        translation_of_id=original.id,
    )
    f.entry(rostock, title="Pegelsensoren im Hafen")
    search_session.flush()
    indexing.apply_all_pending_jobs()
    search_session.commit()
    german = search_client.get("/suche?q=Pegelsensoren").get_data(as_text=True)
    assert "2 Treffer" in german and german.count('class="card hit"') == 2
    assert ">Pegelsensoren an der Warnow</a>" in german
    assert ">Pegelsensoren: water level sensors</a>" not in german.split('class="card hit"', 1)[1]
    in_english = search_client.get(
        "/suche?q=Pegelsensoren", headers={"Accept-Language": "en"}
    ).get_data(as_text=True)
    assert "2 results" in in_english
    assert ">Pegelsensoren: water level sensors</a>" in in_english  # the English version listed
    api = search_client.get("/api/v1/search?q=Pegelsensoren").json
    assert api["total"] == 2
    assert {hit["id"]: hit["other_versions"] for hit in api["hits"]}[original.id] == [english.id]
