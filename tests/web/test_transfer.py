"""/wissenstransfer, its CSV and /api/v1/stats: how knowledge moved, counted as the viewer may
see it – never an entry or adoption they may not see."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pytest

from hanse_hub.accounts.models import Role
from hanse_hub.content.adoptions import record_adoption
from hanse_hub.content.transfer import quarter_of, transfer_stats
from hanse_hub.policy import Actor


@pytest.fixture
def world(factory, rostock, wismar, luebeck, editor):
    """Rostock's public solution adopted publicly by Wismar (naming a public Wismar contact)
    and internally by Lübeck (naming a Lübeck-internal contact); Rostock's network solution
    adopted by Wismar (network); Rostock's internal solution adopted by Rostock's partner in
    nothing – so each viewer sees a different part."""
    public = factory.entry(rostock, author=editor, title="Parksensoren", visibility="public")
    network = factory.entry(rostock, author=editor, title="Netz-Lösung", visibility="network")
    internal = factory.entry(rostock, author=editor, title="Intern", visibility="internal")
    wismar_editor = factory.user(wismar, Role.EDITOR)
    luebeck_editor = factory.user(luebeck, Role.EDITOR)
    public_contact = factory.entry(
        wismar, kind="contact", author=wismar_editor, person_name="Wiebke Wismar"
    )
    internal_contact = factory.entry(
        luebeck,
        kind="contact",
        author=luebeck_editor,
        visibility="internal",
        person_name="Lena Geheim",
    )
    record_adoption(
        Actor.of(wismar_editor),
        wismar,
        public.id,
        {
            "status": "adopted",
            "visibility": "public",
            "contact_id": public_contact.id,
            "decided_on": date(2026, 5, 4),
        },
    )
    record_adoption(
        Actor.of(luebeck_editor),
        luebeck,
        public.id,
        {
            "status": "dropped",
            "visibility": "internal",
            "contact_id": internal_contact.id,
            "changes": "Zu teuer für Lübeck",
            "decided_on": date(2026, 2, 1),
        },
    )
    record_adoption(
        Actor.of(wismar_editor),
        wismar,
        network.id,
        {"status": "evaluating", "visibility": "network"},
    )
    return {
        "wismar_editor": wismar_editor,
        "luebeck_editor": luebeck_editor,
        "internal": internal,
    }


def _viewers(factory, rostock, wismar, luebeck, world, editor):
    rostock_reader = factory.user(rostock, Role.READER)
    rostock_admin = factory.user(rostock, Role.ADMIN)
    deactivated = factory.user(luebeck, Role.EDITOR)
    deactivated.is_active_account = False
    # Expected (adoptions by status) for each viewer, from the rules in words: anonymous sees
    # public adoptions of public solutions; members also network ones; Lübeck's internal
    # adoption only Lübeck; a deactivated account is anonymous.
    return {
        "anonymous": (None, {"adopted": 1}),
        "rostock reader": (rostock_reader, {"adopted": 1, "evaluating": 1}),
        "rostock editor": (editor, {"adopted": 1, "evaluating": 1}),
        "rostock admin": (rostock_admin, {"adopted": 1, "evaluating": 1}),
        "wismar editor": (world["wismar_editor"], {"adopted": 1, "evaluating": 1}),
        "luebeck editor": (
            world["luebeck_editor"],
            {"adopted": 1, "evaluating": 1, "dropped": 1},
        ),
        "deactivated luebeck editor": (deactivated, {"adopted": 1}),
    }


def test_every_number_counts_only_what_the_viewer_may_see(
    factory, session, rostock, wismar, luebeck, world, editor
):
    for who, (user, expected) in _viewers(factory, rostock, wismar, luebeck, world, editor).items():
        stats = transfer_stats(Actor.of(user))
        counted = {status: n for status, n in stats.by_status.items() if n}
        assert counted == expected, who
        assert sum(flow.total for flow in stats.flows.values()) == sum(expected.values()), who
        names = [name for _id, name, *_rest in stats.top_contacts]
        assert ("Lena Geheim" in names) == (who == "luebeck editor"), who
        reasons = [r.text for rs in stats.reasons_by_topic.values() for r in rs]
        assert ("Zu teuer für Lübeck" in reasons) == (who == "luebeck editor"), who
        published = sum(stats.entries_per_city.values())
        if user is None or who.startswith("deactivated"):
            assert stats.entries_per_city.get("rostock") == 1, who  # only the public solution
        if who.startswith("rostock"):
            assert stats.entries_per_city["rostock"] == 3, who  # internal one too
        reviewed = sum(stats.current_per_city.values()) + sum(stats.overdue_per_city.values())
        assert reviewed <= published, who


def test_the_matrix_counts_from_the_solutions_city_to_the_adopting_city(session, world, editor):
    stats = transfer_stats(Actor.of(editor))
    assert stats.flow("rostock", "wismar").by_status["adopted"] == 1
    assert stats.flow("rostock", "wismar").by_status["evaluating"] == 1
    assert stats.flow("wismar", "rostock").total == 0
    assert quarter_of(date(2026, 5, 4)) == "2026-Q2"
    assert ("2026-Q2", 1, 0) in [(q, a, 0) for q, a, _n in stats.quarters]


def test_the_page_tables_equal_the_api_numbers(client, world):
    page = client.get("/wissenstransfer").get_data(as_text=True)
    api = client.get("/api/v1/stats").json
    cells = {
        (source, target): int(total)
        for source, target, total in re.findall(
            r'href="/wissenstransfer/uebernahmen\?von=(\w+)&amp;nach=(\w+)">(\d+)<', page
        )
    }
    assert cells == {(f["source"], f["target"]): f["total"] for f in api["flows"]}
    assert cells == {("rostock", "wismar"): 1}
    for row in api["freshness"]:
        assert row["tenant"] in api["tenants"]


def test_a_cell_links_to_the_adoptions_behind_it(client, world):
    page = client.get("/wissenstransfer/uebernahmen?von=rostock&nach=wismar")
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and "Parksensoren" in text and "Netz-Lösung" not in text
    assert "Parksensoren" not in client.get(
        "/wissenstransfer/uebernahmen?von=rostock&nach=luebeck"
    ).get_data(as_text=True)


def test_the_csv_has_a_bom_every_number_and_nothing_invisible(client, world):
    response = client.get("/wissenstransfer.csv")
    body = response.get_data(as_text=True)
    assert response.mimetype == "text/csv" and body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    assert rows[0] == ["table", "key1", "key2", "key3", "value"]
    assert ["flows", "rostock", "wismar", "adopted", "1"] in rows
    assert not any(r[0] == "flows" and r[2] == "luebeck" for r in rows)
    assert ["status", "dropped", "", "", "0"] in rows


def test_the_page_is_linked_from_the_home_page(client, session):
    assert 'href="/wissenstransfer"' in client.get("/").get_data(as_text=True)
