"""Canary: entries that are network-only, internal or drafts carry a planted word; no open-format
export an anonymous visitor can fetch (web or API) contains it – only the public control does."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from hanse_hub.policy import Actor
from hanse_hub.standards.publiccode_mapping import import_solution
from tests.standards.test_publiccode_import_export import MINIMAL

CANARY = "Kanarienvogel"


@pytest.fixture
def planted(factory, rostock, editor):
    when = {
        "starts_at": datetime(2027, 4, 1, 8, tzinfo=UTC),
        "ends_at": datetime(2027, 4, 1, 10, tzinfo=UTC),
    }
    hidden = []
    for visibility, status in (
        ("network", "published"),
        ("internal", "published"),
        ("public", "draft"),
    ):
        for kind, extra in (("solution", {}), ("event", when)):
            hidden.append(
                factory.entry(
                    rostock, kind=kind, author=editor, visibility=visibility, status=status,
                    title=f"{CANARY} {kind} {visibility} {status}", **extra,
                )
            )  # fmt: skip
        solution, _ = import_solution(
            Actor.of(editor), rostock, MINIMAL.replace(b"Parksensorik", CANARY.encode())
        )
        solution.visibility = visibility
    factory.entry(rostock, author=editor, title="Öffentliche Kontrolle")
    factory.entry(rostock, kind="event", author=editor, title="Öffentlicher Termin", **when)
    return hidden


def test_no_hidden_entry_appears_in_any_export_an_anonymous_visitor_gets(client, planted):
    paths = [
        "/veranstaltungen.ics",
        "/t/rostock/veranstaltungen.ics",
        "/t/rostock/eintraege.csv",
        "/t/rostock/eintraege.json",
        "/t/rostock/eintraege.csv?art=solution",
        "/t/rostock/eintraege.json?art=event",
        "/wissenstransfer/uebernahmen.csv",
        "/api/v1/export/entries?tenant=rostock",
        "/api/v1/export/entries?tenant=rostock&format=json&kind=solution",
        "/api/v1/events/ical",
        "/api/v1/events/ical?tenant=rostock",
        "/katalog.ttl",
        "/katalog.jsonld",
        "/katalog.rdf",
        "/api/v1/catalogue",
        "/api/v1/catalogue?format=jsonld",
    ]
    seen_control = False
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        body = response.get_data(True)
        assert CANARY not in body, path
        seen_control |= "Öffentliche Kontrolle" in body or "Öffentlicher Termin" in body
    assert seen_control  # the exports do show public entries
    for entry in planted:
        for path in (
            f"/t/rostock/{entry.slug}/kalender.ics",
            f"/t/rostock/{entry.slug}/publiccode.yml",
            f"/api/v1/entries/{entry.id}/ical",
            f"/api/v1/entries/{entry.id}/publiccode",
            f"/t/rostock/{entry.slug}/katalog.ttl",
            f"/api/v1/entries/{entry.id}/catalogue",
        ):
            assert client.get(path).status_code == 404, path
