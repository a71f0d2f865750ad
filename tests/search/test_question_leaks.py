"""Questions never reveal what a person may not see: generated over the permission relations
(anonymous, reader/editor/admin of the owning city, member of another city, deactivated
account) × the entry's visibility × the question's audience, on both search backends. Each
case plants a word only an answer contains, then looks for it everywhere: the questions on
the entry, a question by id, notifications, search hits and excerpts – also after the
entry's visibility changed."""

from __future__ import annotations

import itertools

import pytest

from hanse_hub.accounts import services as accounts
from hanse_hub.accounts.models import Role
from hanse_hub.content import services as content
from hanse_hub.notifications.services import visible_notifications
from hanse_hub.policy import Actor
from hanse_hub.questions import services as questions
from hanse_hub.questions.models import QuestionAudience
from hanse_hub.search import indexing, services
from hanse_hub.search.services import SearchRequest

RELATIONS = (
    "anonymous",
    "owning reader",
    "owning editor",
    "owning admin",
    "other city member",
    "deactivated owning editor",
)
VISIBILITIES = ("public", "network", "internal")


def may_see_entry(relation: str, visibility: str) -> bool:
    """The rules of README's table, written out independently of the policy."""
    if relation in ("anonymous", "deactivated owning editor"):
        return visibility == "public"
    if relation == "other city member":
        return visibility in ("public", "network")
    return True


def may_see_question(relation: str, visibility: str, audience: str) -> bool:
    if audience == "owner" and relation not in ("owning reader", "owning editor", "owning admin"):
        return False
    return may_see_entry(relation, visibility)


def searchable(relation: str, visibility: str, audience: str) -> bool:
    """Only questions for the entry's whole audience are indexed with it."""
    return audience == "entry" and may_see_entry(relation, visibility)


@pytest.fixture
def world(search_session, search_factory):
    f = search_factory
    rostock, wismar, luebeck = f.tenant("rostock"), f.tenant("wismar"), f.tenant("luebeck")
    people = {
        "owning reader": f.user(rostock, Role.READER),
        "owning editor": f.user(rostock, Role.EDITOR),
        "owning admin": f.user(rostock, Role.ADMIN),
        "other city member": f.user(wismar, Role.EDITOR),
        "deactivated owning editor": f.user(rostock, Role.EDITOR),
    }
    asker = f.user(luebeck, Role.READER)
    return f, rostock, people, asker


def _plant(world, visibility: str, audience: str, word: str):
    f, rostock, people, asker = world
    editor = people["owning editor"]
    entry = f.entry(rostock, author=editor, visibility="public", title=f"Lösung {word[:4]}")
    question = questions.ask_question(
        Actor.of(asker), entry, f"Frage zur Lösung {word[:4]}?", audience
    )
    questions.answer_question(Actor.of(editor), question, f"Die Antwort lautet {word}.")
    content.update_entry(Actor.of(editor), entry, {"visibility": visibility})
    return entry, question


def _actors(world) -> dict[str, Actor]:
    _f, _rostock, people, _asker = world
    actors = {"anonymous": Actor()}
    actors.update({relation: Actor.of(user) for relation, user in people.items()})
    return actors


def _leaks(actor: Actor, user, entry, question, word: str, *, sees: bool, finds: bool):
    leaks = []
    shown = questions.questions_on(actor, entry)
    if (question in shown) != sees:
        leaks.append(f"questions_on: {shown}")
    try:
        questions.get_question(actor, question.id)
        found_by_id = True
    except questions.QuestionNotFound:
        found_by_id = False
    if found_by_id != sees:
        leaks.append("get_question")
    if user is not None:
        told = [n for n in visible_notifications(user) if (n.detail or {}).get("question_id")]
        if told and not sees:
            leaks.append(f"notifications: {[n.event for n in told]}")
    page = services.search(actor, SearchRequest(q=word, exact=True))
    if (page.total > 0) != finds:
        leaks.append(f"search total {page.total}")
    text = " ".join(str(hit.snippet) for hit in page.hits).lower()
    if word in text and not finds:
        leaks.append("snippet")
    return leaks


CASES = list(itertools.product(VISIBILITIES, ("entry", "owner")))


@pytest.mark.parametrize(("visibility", "audience"), CASES)
def test_questions_and_answers_surface_exactly_where_they_should(
    world, search_session, visibility, audience
):
    word = f"quallen{visibility[:3]}{audience}wort"
    entry, question = _plant(world, visibility, QuestionAudience(audience), word)
    _f, _rostock, people, _asker = world
    accounts.deactivate_user(None, people["deactivated owning editor"])
    search_session.flush()
    indexing.apply_all_pending_jobs()
    leaks = {}
    for relation, actor in _actors(world).items():
        found = _leaks(
            actor,
            people.get(relation),
            entry,
            question,
            word,
            sees=may_see_question(relation, visibility, audience),
            finds=searchable(relation, visibility, audience),
        )
        if found:
            leaks[relation] = found
    assert leaks == {}


def test_a_hidden_answer_leaves_the_index_and_a_new_visibility_carries_over(world, search_session):
    _f, _rostock, people, _asker = world
    word = "seepferdchenantwort"
    entry, question = _plant(world, "public", QuestionAudience.ENTRY, word)
    search_session.flush()
    indexing.apply_all_pending_jobs()
    hit = services.search(Actor(), SearchRequest(q=word, exact=True)).hits[0]
    assert hit.entry.id == entry.id and word in str(hit.snippet).lower()
    editor = Actor.of(people["owning editor"])
    content.update_entry(editor, entry, {"visibility": "internal"})
    search_session.flush()
    indexing.apply_all_pending_jobs()
    assert services.search(Actor(), SearchRequest(q=word, exact=True)).total == 0
    assert services.search(editor, SearchRequest(q=word, exact=True)).total == 1
    questions.hide_answer(editor, question.answers[0], "Veraltet")
    search_session.flush()
    indexing.apply_all_pending_jobs()
    assert services.search(editor, SearchRequest(q=word, exact=True)).total == 0
