"""Every hit of a search as CSV or JSON (/suche.csv, /suche.json, /api/v1/export/search): the
same hits as the search page, only what the viewer may see."""

from __future__ import annotations

import csv
import io
import json

from hanse_hub.search import indexing


def _seed(f, session):
    rostock = f.tenant("rostock", short_name="Rostock")
    f.entry(rostock, title="Parkraummanagement mit Bodensensoren", body="Freie Parkplätze.")
    f.entry(rostock, title="=Parkplätze zählen", body="Parkplätze per App.")
    f.entry(rostock, title="Interne Vergabe Parkplätze", visibility="internal")
    session.flush()
    indexing.apply_all_pending_jobs()
    session.commit()


def test_search_results_as_csv_and_json_hold_every_visible_hit(
    search_client, search_factory, search_session
):
    _seed(search_factory, search_session)
    page = search_client.get("/suche?q=Parkpl%C3%A4tze").get_data(as_text=True)
    assert 'href="/suche.csv?q=Parkpl%C3%A4tze"' in page
    response = search_client.get("/suche.csv?q=Parkpl%C3%A4tze&seite=1")
    assert response.data.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"), newline="")))
    assert sorted(row["title"] for row in rows) == [
        "'=Parkplätze zählen",
        "Parkraummanagement mit Bodensensoren",
    ]
    items = json.loads(search_client.get("/suche.json?q=Parkpl%C3%A4tze").data)["items"]
    assert sorted(item["title"] for item in items) == [
        "=Parkplätze zählen",
        "Parkraummanagement mit Bodensensoren",
    ]
    api_rows = search_client.get("/api/v1/export/search?q=Parkpl%C3%A4tze&kind=solution")
    assert b"Interne Vergabe" not in api_rows.data and b"Bodensensoren" in api_rows.data
    assert b"repository_url" in api_rows.data.splitlines()[0]  # one kind: its own columns
