"""Adoptions: a city records that it reuses another city's solution."""

from __future__ import annotations

from datetime import date

import pytest

from hanse_hub.accounts.models import Role
from hanse_hub.content import adoptions
from hanse_hub.content.services import ContentError
from hanse_hub.policy import Actor, PermissionDenied


@pytest.fixture
def cities(factory):
    rostock = factory.tenant("rostock", short_name="Rostock")
    wismar = factory.tenant("wismar", short_name="Wismar")
    return rostock, wismar


def test_a_city_records_adopting_another_citys_solution(factory, cities):
    rostock, wismar = cities
    solution = factory.entry(rostock, title="Parkraummanagement mit Bodensensoren")
    editor = factory.user(wismar, Role.EDITOR)
    adoption = adoptions.record_adoption(
        Actor.of(editor),
        wismar,
        solution.id,
        {"status": "adopted", "decided_on": date(2025, 3, 1), "visibility": "public"},
    )
    assert adoption.tenant == wismar and adoption.solution == solution
    assert adoptions.visible_adoptions(Actor.of(None)) == [adoption]


def test_a_city_cannot_adopt_its_own_solution(factory, cities):
    rostock, _ = cities
    solution = factory.entry(rostock)
    editor = factory.user(rostock, Role.EDITOR)
    with pytest.raises(ContentError):
        adoptions.record_adoption(Actor.of(editor), rostock, solution.id, {})


def test_readers_cannot_record_adoptions(factory, cities):
    rostock, wismar = cities
    solution = factory.entry(rostock)
    with pytest.raises(PermissionDenied):
        adoptions.record_adoption(
            Actor.of(factory.user(wismar, Role.READER)), wismar, solution.id, {}
        )


def test_adoptions_of_solutions_the_viewer_cannot_see_are_hidden(factory, cities):
    rostock, wismar = cities
    internal = factory.entry(rostock, visibility="internal")
    # Rostock shares the solution with Wismar as a joint project, so Wismar can adopt it.
    internal.participants.append(wismar)
    editor = factory.user(wismar, Role.EDITOR)
    adoption = adoptions.record_adoption(
        Actor.of(editor), wismar, internal.id, {"visibility": "public"}
    )
    assert adoptions.visible_adoptions(Actor.of(None)) == []
    assert adoptions.visible_adoptions(Actor.of(editor)) == [adoption]


def test_decision_before_start_is_refused(factory, cities):
    rostock, wismar = cities
    solution = factory.entry(rostock)
    with pytest.raises(ContentError) as raised:
        adoptions.record_adoption(
            Actor.of(factory.user(wismar, Role.EDITOR)),
            wismar,
            solution.id,
            {"started_on": date(2025, 5, 1), "decided_on": date(2025, 1, 1)},
        )
    assert raised.value.field == "decided_on"
