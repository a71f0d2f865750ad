"""No API payload names the id of an entry its caller may not see (a contact of an adoption,
links between entries): every reference is checked against the visibility policy."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from hanse_hub.accounts.models import Role
from hanse_hub.content.adoptions import record_adoption
from hanse_hub.content.models import Entry
from hanse_hub.policy import Actor, visible

REFERENCE_KEYS = {
    "contact_id",
    "solution_id",
    "event_id",
    "entry_id",
    "translation_of",
    "contact_ids",
    "solution_ids",
    "speaker_ids",
}


def _references(value, found: set[int]) -> set[int]:
    """Every entry id under a key that names an entry, anywhere in a JSON document."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in REFERENCE_KEYS:
                items = item if isinstance(item, list) else [item]
                found.update(i for i in items if isinstance(i, int))
            else:
                _references(item, found)
    elif isinstance(value, list):
        for item in value:
            _references(item, found)
    return found


@pytest.fixture
def world(factory, rostock, wismar, editor):
    """A public Rostock solution naming a Rostock-internal contact; Wismar adopts it publicly
    and names a Wismar-internal contact and a Wismar draft contact."""
    internal_rostock = factory.entry(rostock, kind="contact", visibility="internal")
    solution = factory.entry(
        rostock, author=editor, title="Parksensoren", contact_ids=[internal_rostock.id]
    )
    wismar_editor = factory.user(wismar, Role.EDITOR)
    internal_wismar = factory.entry(
        wismar, kind="contact", visibility="internal", author=wismar_editor
    )
    record_adoption(
        Actor.of(wismar_editor),
        wismar,
        solution.id,
        {"contact_id": internal_wismar.id, "visibility": "public", "status": "adopted"},
    )
    return {"wismar_editor": wismar_editor, "internal_wismar": internal_wismar}


def test_an_adoption_shows_its_contact_only_to_those_who_may_see_the_contact(api, world, editor):
    contact_id = world["internal_wismar"].id
    for caller in (api(), api(editor)):
        adoptions = caller.get("/api/v1/adoptions").json["items"]
        assert adoptions and all(a["contact_id"] is None for a in adoptions)
        detail = caller.get(f"/api/v1/adoptions/{adoptions[0]['id']}").json
        assert detail["contact_id"] is None
    own = api(world["wismar_editor"]).get("/api/v1/adoptions").json["items"]
    assert [a["contact_id"] for a in own] == [contact_id]


@pytest.mark.parametrize("who", ["anonymous", "rostock_editor", "wismar_editor"])
def test_no_payload_references_an_entry_its_caller_may_not_see(api, session, world, editor, who):
    user = {"anonymous": None, "rostock_editor": editor, "wismar_editor": world["wismar_editor"]}[
        who
    ]
    caller = api(user)
    actor = Actor.of(user)
    everything = session.scalars(select(Entry)).all()
    allowed = {entry.id for entry in visible(actor, everything)}
    documents = []
    entries = caller.get("/api/v1/entries", query_string={"per_page": 100}).json["items"]
    documents.append(entries)
    documents += [caller.get(f"/api/v1/entries/{e['id']}").json for e in entries]
    adoptions = caller.get("/api/v1/adoptions").json["items"]
    documents.append(adoptions)
    documents += [caller.get(f"/api/v1/adoptions/{a['id']}").json for a in adoptions]
    referenced = _references(documents, set())
    assert referenced, "the sweep found no references at all: it would prove nothing"
    assert referenced <= allowed, f"{who} is shown ids of invisible entries: {referenced - allowed}"
