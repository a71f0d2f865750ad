"""The question rules of ``policy.py`` against the rules written out independently, over
every relation × entry visibility × status × audience × hidden × authorship – in Python, with
transient objects, without a database."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import pytest

from hanse_hub.accounts.models import Role
from hanse_hub.content.models import EntryStatus, Solution, Visibility
from hanse_hub.policy import (
    Actor,
    can_answer,
    can_ask,
    can_mark_helpful,
    can_moderate_questions,
    scope_for,
)
from hanse_hub.questions.models import Answer, Question, QuestionAudience

OWNER, OTHER = 1, 2
ME = 10
RELATIONS = {
    "anonymous": Actor(),
    "owner reader": Actor(user_id=ME, roles={OWNER: Role.READER}),
    "owner editor": Actor(user_id=ME, roles={OWNER: Role.EDITOR}),
    "owner admin": Actor(user_id=ME, roles={OWNER: Role.ADMIN}),
    "other member": Actor(user_id=ME, roles={OTHER: Role.EDITOR}),
    "no membership": Actor(user_id=ME),
}


def sees_entry(relation: str, visibility: str, status: str) -> bool:
    if status == "draft":
        return relation in ("owner editor", "owner admin")
    if visibility == "public":
        return True
    if visibility == "network":
        return relation not in ("anonymous", "no membership")
    return relation.startswith("owner")


def sees_question(relation, visibility, status, audience, hidden, mine) -> bool:
    if not sees_entry(relation, visibility, status):
        return False
    if audience == "owner" and not (mine or relation.startswith("owner")):
        return False
    if hidden:
        return mine or relation in ("owner editor", "owner admin")
    return True


CASES = [
    case
    for case in itertools.product(
        RELATIONS,
        ("public", "network", "internal"),
        ("published", "draft"),
        ("entry", "owner"),
        (False, True),  # hidden
        (False, True),  # the relation's person wrote it
    )
    if not (case[0] == "anonymous" and case[5])  # an anonymous visitor wrote nothing
]


@pytest.mark.parametrize(("relation", "visibility", "status", "audience", "hidden", "mine"), CASES)
def test_question_rules(relation, visibility, status, audience, hidden, mine):
    actor = RELATIONS[relation]
    entry = Solution(
        id=1, tenant_id=OWNER, visibility=Visibility(visibility), status=EntryStatus(status)
    )
    question = Question(
        id=1,
        entry=entry,
        author_id=ME if mine else 99,
        audience=QuestionAudience(audience),
        hidden_at=datetime(2026, 1, 1, tzinfo=UTC) if hidden else None,
    )
    answer = Answer(id=1, question=question, author_id=99)
    expected = sees_question(relation, visibility, status, audience, hidden, mine)
    scope = scope_for(actor)
    assert scope.allows_question(question) == expected
    assert scope.allows_answer(answer) == expected
    member = bool(actor.roles)
    assert can_ask(actor, entry) == (
        member and status == "published" and sees_entry(relation, visibility, status)
    )
    assert can_answer(actor, question) == (member and not hidden and expected)
    assert can_mark_helpful(actor, answer) == (mine and not hidden and expected)
    assert can_moderate_questions(actor, entry) == (relation in ("owner editor", "owner admin"))
