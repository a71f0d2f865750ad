"""The unread count in every signed-in page's header does a constant amount of work (issue
#20): the adoptions its notifications name are read at once, not one query per notification."""

from __future__ import annotations

from hanse_hub.accounts.models import Role
from hanse_hub.content import adoptions
from hanse_hub.notifications import services as notifications
from hanse_hub.policy import Actor
from tests.sql_statements import counted_statements


def _statements_for_unread_count(session, factory, owner_city, owner, adopting_city, count):
    adopter = factory.user(adopting_city, Role.EDITOR)
    for number in range(count):
        solution = factory.entry(owner_city, author=owner, title=f"Lösung Nummer {number}")
        adoptions.record_adoption(
            Actor.of(adopter), adopting_city, solution.id, {"status": "evaluating"}
        )
    owner_id = owner.id
    session.expunge_all()  # as in a new request: nothing loaded yet
    reader = session.get(type(owner), owner_id)
    with counted_statements() as statements:
        assert notifications.unread_count(reader) == count
    return len(statements)


def test_the_unread_count_reads_twenty_adoption_notices_with_as_many_statements_as_one(
    session, factory, rostock, wismar, luebeck
):
    one = _statements_for_unread_count(
        session, factory, rostock, factory.user(rostock, Role.EDITOR), wismar, 1
    )
    twenty = _statements_for_unread_count(
        session, factory, luebeck, factory.user(luebeck, Role.EDITOR), wismar, 20
    )
    assert twenty == one
