"""CSV and JSON of lists (a tenant's entries, adoptions; search results in
tests/search/test_search_exports.py), on the web and in the API: UTF-8 with BOM, readable by
Python's ``csv``, formula cells escaped, and only what the caller may see."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from hanse_hub.accounts.models import Role
from hanse_hub.content import kinds
from hanse_hub.content.adoptions import record_adoption
from hanse_hub.content.models import EntryKind
from hanse_hub.policy import Actor
from hanse_hub.standards.csv_export import csv_document, entry_columns, safe_cell


def read_csv(response) -> list[dict]:
    assert response.mimetype == "text/csv"
    raw = response.data
    assert raw.startswith("\ufeff".encode())  # Excel reads UTF-8 only with the BOM
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+49 381 1234", "'+49 381 1234"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("Straße = Weg", "Straße = Weg"),
        (42, 42),
    ],
)
def test_cells_a_spreadsheet_would_run_as_formulas_are_escaped(value, written):
    assert safe_cell(value) == written
    text = csv_document(["spalte"], [[value]])
    assert list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))[1] == [
        str(written)
    ]


def test_columns_of_one_kind_are_derived_from_the_kind_registry():
    registry = kinds.REGISTRY.with_field(
        EntryKind.SOLUTION, kinds.Field("budget", kinds.FieldType.LINE, "Budget")
    )
    columns = entry_columns(EntryKind.SOLUTION, registry)
    assert "budget" in columns and "contact_ids" in columns and "repository_url" in columns
    assert "budget" not in entry_columns(None, registry)
    assert "body" not in columns and {"title", "topics", "tags", "url"} <= set(columns)


def test_a_tenants_entries_as_csv_hold_only_what_the_viewer_may_see(
    client, factory, rostock, editor
):
    factory.entry(rostock, author=editor, title="Öffentliche Lösung", tags=["parken"])
    factory.entry(rostock, author=editor, title="Netz-Lösung", visibility="network")
    factory.entry(rostock, author=editor, title="Interne Lösung", visibility="internal")
    factory.entry(rostock, author=editor, title="Entwurf", status="draft")
    rows = read_csv(client.get("/t/rostock/eintraege.csv"))
    assert [row["title"] for row in rows] == ["Öffentliche Lösung"]
    assert rows[0]["tags"] == "parken" and rows[0]["url"].endswith(
        "/t/rostock/oeffentliche-loesung"
    )

    factory.login(client, editor)
    titles = {row["title"] for row in read_csv(client.get("/t/rostock/eintraege.csv"))}
    assert {"Öffentliche Lösung", "Netz-Lösung", "Interne Lösung"} <= titles


def test_formula_injection_in_an_entry_is_escaped_in_csv_and_kept_in_json(
    client, factory, rostock, editor
):
    factory.entry(
        rostock,
        author=editor,
        title='=HYPERLINK("http://böse.example","Klick")',
        summary="+49 381 000",
        tags=["@ausfuehren"],
        technologies=["-1+1"],
    )
    (row,) = read_csv(client.get("/t/rostock/eintraege.csv?art=solution"))
    assert row["title"] == '\'=HYPERLINK("http://böse.example","Klick")'
    assert row["summary"] == "'+49 381 000"
    assert row["tags"] == "'@ausfuehren" and row["technologies"] == "'-1+1"
    response = client.get("/t/rostock/eintraege.json?art=solution")
    assert response.mimetype == "application/json"
    (item,) = json.loads(response.data)["items"]
    assert item["title"].startswith("=HYPERLINK") and item["technologies"] == ["-1+1"]


def test_links_in_an_export_name_only_entries_the_viewer_may_see(client, factory, rostock, editor):
    hidden = factory.entry(
        rostock, kind="contact", author=editor, visibility="internal", person_name="Ina Intern"
    )
    shown = factory.entry(rostock, kind="contact", author=editor, person_name="Olaf Offen")
    factory.entry(rostock, author=editor, title="Mit Kontakten", contact_ids=[hidden.id, shown.id])
    (row,) = read_csv(client.get("/t/rostock/eintraege.csv?art=solution"))
    assert row["contact_ids"] == str(shown.id)
    assert "Ina Intern" not in client.get("/t/rostock/eintraege.csv").get_data(True)


@pytest.fixture
def adoptions_world(factory, rostock, wismar, luebeck, editor):
    solution = factory.entry(rostock, author=editor, title="Parksensoren")
    wismar_editor = factory.user(wismar, Role.EDITOR)
    luebeck_editor = factory.user(luebeck, Role.EDITOR)
    record_adoption(
        Actor.of(wismar_editor),
        wismar,
        solution.id,
        {
            "status": "adopted",
            "visibility": "public",
            "changes": "=1+1",
            "decided_on": date(2026, 5, 4),
        },
    )
    record_adoption(
        Actor.of(luebeck_editor),
        luebeck,
        solution.id,
        {"status": "dropped", "visibility": "internal", "changes": "Zu teuer für Lübeck"},
    )
    return solution, luebeck_editor


def test_adoptions_as_csv_and_json_hold_only_what_the_viewer_may_see(
    client, factory, adoptions_world
):
    _solution, luebeck_editor = adoptions_world
    rows = read_csv(client.get("/wissenstransfer/uebernahmen.csv"))
    assert [(r["tenant"], r["status"], r["changes"]) for r in rows] == [
        ("wismar", "adopted", "'=1+1")
    ]
    factory.login(client, luebeck_editor)
    items = json.loads(client.get("/wissenstransfer/uebernahmen.json?nach=luebeck").data)["items"]
    assert [(i["tenant"], i["changes"]) for i in items] == [("luebeck", "Zu teuer für Lübeck")]
    page = client.get("/wissenstransfer/uebernahmen?nach=luebeck").get_data(True)
    assert 'href="/wissenstransfer/uebernahmen.csv?nach=luebeck"' in page


def test_the_pages_link_their_downloads(client, published_solution):
    page = client.get("/t/rostock").get_data(True)
    assert 'href="/t/rostock/eintraege.csv"' in page and 'href="/t/rostock/eintraege.json"' in page
    assert client.get("/t/nirgendwo/eintraege.csv").status_code == 404


def test_the_api_exports_the_same_lists(api, factory, rostock, editor, adoptions_world):
    factory.entry(rostock, author=editor, title="Interne Lösung", visibility="internal")
    anonymous, member = api(), api(editor, read_only=True)
    rows = read_csv(anonymous.get("/api/v1/export/entries?tenant=rostock"))
    assert "Interne Lösung" not in {r["title"] for r in rows} and "Parksensoren" in {
        r["title"] for r in rows
    }
    rows = read_csv(member.get("/api/v1/export/entries?tenant=rostock&kind=solution"))
    assert "Interne Lösung" in {r["title"] for r in rows} and "contact_ids" in rows[0]
    data = json.loads(anonymous.get("/api/v1/export/adoptions?format=json").data)
    assert [i["tenant"] for i in data["items"]] == ["wismar"] and data["total"] == 1
    missing = anonymous.get("/api/v1/export/entries?tenant=nirgendwo")
    assert missing.status_code == 404 and missing.mimetype == "application/problem+json"
    wrong = anonymous.get("/api/v1/export/entries?tenant=rostock&format=xls")
    assert wrong.status_code == 422 and wrong.mimetype == "application/problem+json"


def test_the_api_gives_events_as_icalendar(api, factory, rostock, editor, published_solution):
    event = factory.entry(rostock, kind="event", author=editor, title="Hansetag")
    hidden = factory.entry(rostock, kind="event", author=editor, visibility="internal")
    anonymous = api()
    response = anonymous.get(f"/api/v1/entries/{event.id}/ical")
    assert response.mimetype == "text/calendar" and b"SUMMARY;LANGUAGE=de:Hansetag" in response.data
    assert anonymous.get(f"/api/v1/entries/{hidden.id}/ical").status_code == 404
    assert anonymous.get(f"/api/v1/entries/{published_solution.id}/ical").status_code == 404
    assert anonymous.get("/api/v1/events/ical?tenant=nirgendwo").status_code == 404
