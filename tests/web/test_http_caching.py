"""HTTP caching that stays correct (issue #20): entry pages revalidate by ETag for visitors,
are never stored for signed-in people, and static files have addresses that name their content.
"""

from __future__ import annotations

import re

from hanse_hub.accounts.models import Role


def test_entry_page_answers_not_modified_to_a_visitor_who_has_it(client, factory, rostock):
    entry = factory.entry(rostock, title="Parksensoren im Stadthafen")
    path = f"/t/rostock/{entry.slug}"
    first = client.get(path)
    assert first.status_code == 200 and first.headers["ETag"]
    assert "no-cache" in first.headers["Cache-Control"]
    again = client.get(path, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.get_data() == b""


def test_entry_page_changes_its_etag_when_the_entry_changes(client, factory, rostock, session):
    entry = factory.entry(rostock, title="Parksensoren im Stadthafen")
    path = f"/t/rostock/{entry.slug}"
    etag = client.get(path).headers["ETag"]
    entry.summary = "Jetzt mit LoRaWAN"
    session.flush()
    changed = client.get(path, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and "Jetzt mit LoRaWAN" in changed.get_data(as_text=True)


def test_entry_page_of_a_signed_in_person_is_never_stored(client, factory, rostock):
    entry = factory.entry(rostock, title="Parksensoren im Stadthafen")
    factory.login(client, factory.user(rostock, Role.EDITOR))
    page = client.get(f"/t/rostock/{entry.slug}")
    assert page.headers["Cache-Control"] == "no-store"
    assert "ETag" not in page.headers


def test_static_files_are_addressed_by_content_and_cached_for_a_year(client):
    home = client.get("/").get_data(as_text=True)
    address = re.search(r'href="(/static/hub\.css\?v=([0-9a-f]{12}))"', home)
    assert address, "the stylesheet's address names its content"
    hashed = client.get(address.group(1))
    assert hashed.status_code == 200
    assert "immutable" in hashed.headers["Cache-Control"]
    assert "max-age=31536000" in hashed.headers["Cache-Control"]
    # An old or made-up hash is not promised forever.
    stale = client.get("/static/hub.css?v=000000000000")
    assert "immutable" not in stale.headers.get("Cache-Control", "")
