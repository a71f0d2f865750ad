"""Similar entries are stored by the indexing pass and read through the policy (issue #20).

Both search backends; the leak checks over viewers are in ``test_leaks.py``.
"""

from __future__ import annotations

from unittest import mock

import pytest
from sqlalchemy import delete, func, select

from hanse_hub.policy import Actor
from hanse_hub.search import indexing, services
from hanse_hub.search.backends import get_backend
from hanse_hub.search.models import SimilarEntry

ANONYMOUS = Actor()


def index(session) -> None:
    session.flush()
    indexing.apply_all_pending_jobs()


@pytest.fixture
def cities(search_factory):
    return {
        slug: search_factory.tenant(slug, short_name=slug.title())
        for slug in ("rostock", "luebeck", "wismar")
    }


def titles_beside(entry, actor=ANONYMOUS, limit=5) -> list[str]:
    return [e.title for e in services.similar(actor, entry, limit=limit)]


def test_reading_similar_entries_runs_no_search(search_session, search_factory, cities):
    source = search_factory.entry(cities["rostock"], title="Parksensoren", body="Parkplätze")
    search_factory.entry(cities["wismar"], title="Parkplätze mit Sensoren", body="Parksensoren")
    index(search_session)
    backend = get_backend()
    with mock.patch.object(type(backend), "search") as search_call:
        shown = titles_beside(source)
    assert shown == ["Parkplätze mit Sensoren"]
    assert not search_call.called


def test_a_new_entry_in_another_city_appears_beside_its_neighbours_in_the_same_pass(
    search_session, search_factory, cities
):
    f = search_factory
    source = f.entry(cities["rostock"], title="Hochwasserpegel an der Warnow", body="Pegel")
    f.entry(cities["wismar"], title="Baumkataster digital", body="Bäume")
    index(search_session)
    assert titles_beside(source) == []
    f.entry(cities["luebeck"], title="Pegelmessung an der Trave", body="Hochwasserpegel Pegel")
    index(search_session)  # only the new entry's job: the neighbour's list is renewed with it
    assert titles_beside(source) == ["Pegelmessung an der Trave"]


def test_an_entry_changed_to_another_topic_leaves_the_lists_it_was_in(
    search_session, search_factory, cities
):
    f = search_factory
    source = f.entry(cities["rostock"], title="Hochwasserpegel an der Warnow", body="Pegel")
    other = f.entry(cities["luebeck"], title="Pegelmessung an der Trave", body="Hochwasserpegel")
    index(search_session)
    assert titles_beside(source) == ["Pegelmessung an der Trave"]
    other.title, other.body = "Baumkataster digital", "Bäume und Straßenbegleitgrün"
    index(search_session)
    assert titles_beside(source) == []


def test_stored_lists_hold_more_than_a_page_so_hidden_ones_leave_enough(
    search_session, search_factory, cities
):
    f = search_factory
    source = f.entry(cities["rostock"], title="Parksensoren im Stadthafen", body="Parksensoren")
    for number in range(6):  # drafts of another city: stored, but never shown to a visitor
        f.entry(cities["wismar"], title=f"Parksensoren Entwurf {number}", status="draft")
    for number in range(3):
        f.entry(cities["luebeck"], title=f"Parksensoren am Markt {number}", body="Parksensoren")
    index(search_session)
    stored = search_session.scalar(select(func.count()).where(SimilarEntry.entry_id == source.id))
    assert stored == 9
    shown = titles_beside(source, limit=5)
    assert sorted(shown) == [f"Parksensoren am Markt {n}" for n in range(3)]


def test_reindex_rebuilds_the_stored_lists(search_session, search_factory, cities):
    source = search_factory.entry(cities["rostock"], title="Parksensoren", body="Parkplätze")
    search_factory.entry(cities["wismar"], title="Parkplätze mit Sensoren", body="Parksensoren")
    index(search_session)
    search_session.execute(delete(SimilarEntry))
    assert titles_beside(source) == []
    indexing.reindex()
    assert titles_beside(source) == ["Parkplätze mit Sensoren"]
