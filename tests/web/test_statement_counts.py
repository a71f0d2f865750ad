"""Reading pages do a constant amount of database work (issue #20).

Each page type is rendered once with one item shown and once with twenty (entries in a list,
hits on the search page, files, topics, contacts, lessons and adoptions on an entry page); the
number of SQL statements must be the same, and below a stated bound. Counted with an SQLAlchemy
event on the engine, on both databases, as an anonymous visitor and as a signed-in editor.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Callable
from contextlib import contextmanager

import pytest
from sqlalchemy import event

from hanse_hub.accounts.models import Role
from hanse_hub.content import adoptions, topics
from hanse_hub.extensions import db
from hanse_hub.policy import Actor
from hanse_hub.search import indexing, similar
from hanse_hub.search.backends import get_backend
from tests.factories import Factory

# The most statements any reading page may issue. Most of them are fixed costs of every page
# (the login session, the tenant list of the header, the page's own query, the facet counts).
BOUND = 30
SMALL, LARGE = 1, 20
SAVEPOINT = re.compile(r"sa_savepoint_\d+")
IN_LIST = re.compile(r"IN \((?:\?|%\(\w+\)s|\$\d+)(?:, (?:\?|%\(\w+\)s|\$\d+))*\)")


@contextmanager
def counted_statements():
    statements: list[str] = []

    def count(_conn, _cursor, statement, _parameters, _context, _executemany):
        # One shape per statement: an IN list of 1 or of 20 parameters is the same statement.
        shape = IN_LIST.sub("IN (…)", " ".join(statement.split()))
        statements.append(SAVEPOINT.sub("sa_savepoint", shape))

    engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def _statements_for(client, session, path: str) -> list[str]:
    session.flush()
    indexing.apply_all_pending_jobs()
    session.expunge_all()  # nothing loaded beforehand may spare the page a query
    with counted_statements() as statements:
        response = client.get(path)
    assert response.status_code == 200, path
    return statements


# -- what each page shows, n times --------------------------------------------------------------


def _topic(factory: Factory, number: int, n: int):
    slug = f"thema-{n}-{number}"
    return topics.add_topic(None, slug, f"Thema {n} {number}", f"Topic {n} {number}")


def _entries_of_a_city(factory: Factory, city, others, n: int) -> str:
    for number in range(n):
        factory.entry(city, title=f"Parkraum Lösung {number}", body="Parkraum Sensoren")
    return f"/t/{city.slug}"


def _home(factory: Factory, city, others, n: int) -> str:
    _entries_of_a_city(factory, city, others, n)
    return "/"


def _topic_page(factory: Factory, city, others, n: int) -> str:
    topic = _topic(factory, 0, n)
    for number in range(n):
        factory.entry(city, title=f"Lösung {number}", topics=[topic.slug])
    return f"/themen/{topic.slug}"


def _search(factory: Factory, city, others, n: int) -> str:
    for number in range(n):
        factory.entry(
            others[number % len(others)], title=f"Parkraum Sensoren {number}", body="Parkraum"
        )
    return "/suche?q=Parkraum&pro_seite=20"


def _search_in_files(factory: Factory, city, others, n: int) -> str:
    """Hits whose word is found only in a file: the excerpt comes from the file's stored text."""
    from flask import current_app

    from hanse_hub.content.attachments import AttachmentMetadata, add_attachment
    from hanse_hub.content.storage import storage_for

    editors = [factory.user(other, Role.EDITOR) for other in others]
    for number in range(n):
        tenant, editor = others[number % len(others)], editors[number % len(others)]
        entry = factory.entry(tenant, author=editor, title=f"Vortrag {number}", body="Folien")
        add_attachment(
            Actor.of(editor),
            entry,
            io.BytesIO(f"Die Pegelsensoren {number} melden Hochwasser.".encode()),
            AttachmentMetadata(filename=f"pegel-{number}.txt"),
            storage=storage_for(current_app),
            max_bytes=1024 * 1024,
        )
    return "/suche?q=Pegelsensoren&pro_seite=20"


def _search_in_answers(factory: Factory, city, others, n: int) -> str:
    """Hits whose word is found only in an answered question on them (entries of the other
    cities: the signed-in editor of ``city`` gets no notice of these questions)."""
    from hanse_hub.questions import services as questions

    editors = [factory.user(other, Role.EDITOR) for other in others]
    for number in range(n):
        asker = factory.user(city, Role.READER)
        editor = editors[number % len(editors)]
        entry = factory.entry(
            others[number % len(others)], author=editor, title=f"Lösung {number}", body="Parkraum"
        )
        question = questions.ask_question(Actor.of(asker), entry, f"Wie gut hilft Lösung {number}?")
        questions.answer_question(Actor.of(editor), question, "Die Ladesäulenkarte hilft.")
    return "/suche?q=Ladesäulenkarte&pro_seite=20"


def _experts(factory: Factory, city, others, n: int) -> str:
    for number in range(n):
        factory.entry(
            city, kind="contact", title=f"Person {number}", expertise=["LoRaWAN", "Parkraum"]
        )
    return "/expertinnen"


def _events(factory: Factory, city, others, n: int) -> str:
    for number in range(n):
        factory.entry(
            city,
            kind="event",
            title=f"Konferenz {number}",
            starts_at=factory.past(-10 - number),
            ends_at=factory.past(-10 - number),
        )
    return "/veranstaltungen"


def _solution_page(factory: Factory, city, others, n: int) -> str:
    """A solution with n topics, n contacts, n lessons learned and n adoptions by others."""
    topic_slugs = [_topic(factory, number, n).slug for number in range(n)]
    contacts = [
        factory.entry(city, kind="contact", title=f"Person {number}").id for number in range(n)
    ]
    solution = factory.entry(
        city, title="Parkraumsensoren", topics=topic_slugs, contact_ids=contacts, body="Parkraum"
    )
    for number in range(n):
        factory.entry(
            others[number % len(others)],
            kind="lesson",
            title=f"Lehre {number}",
            solution_ids=[solution.id],
        )
    for number in range(min(n, len(others))):
        adopter = others[number]
        editor = factory.user(adopter, Role.EDITOR)
        adoptions.record_adoption(
            Actor.of(editor), adopter, solution.id, {"status": "adopted", "visibility": "public"}
        )
    return f"/t/{city.slug}/{solution.slug}"


def _contact_page(factory: Factory, city, others, n: int) -> str:
    contact = factory.entry(city, kind="contact", title="Malte Hinrichsen", expertise=["Parkraum"])
    for number in range(n):
        factory.entry(city, title=f"Lösung {number}", contact_ids=[contact.id])
    return f"/t/{city.slug}/{contact.slug}"


def _event_page(factory: Factory, city, others, n: int) -> str:
    event_entry = factory.entry(
        city,
        kind="event",
        title="Hansekonferenz",
        starts_at=factory.past(-10),
        ends_at=factory.past(-10),
    )
    for number in range(n):
        factory.entry(city, kind="material", title=f"Folien {number}", event_id=event_entry.id)
    return f"/t/{city.slug}/{event_entry.slug}"


PAGES: dict[str, Callable] = {
    "home": _home,
    "city": _entries_of_a_city,
    "topic": _topic_page,
    "search": _search,
    "search_in_files": _search_in_files,
    "search_in_answers": _search_in_answers,
    "experts": _experts,
    "events": _events,
    "solution": _solution_page,
    "contact": _contact_page,
    "event": _event_page,
}


# The signed-in variant repeats every page with the login session's queries: make test-long.
@pytest.mark.parametrize("viewer", ["visitor", pytest.param("editor", marks=pytest.mark.slow)])
@pytest.mark.parametrize("page", sorted(PAGES))
def test_reading_page_issues_the_same_statements_for_one_item_and_for_twenty(
    app, factory, session, page, viewer, monkeypatch
):
    get_backend().reset()
    # The stored lists of similar entries are read in one statement whatever they hold
    # (test_similar_stored.py); computing them for every entry made here only costs time.
    monkeypatch.setattr(similar, "refresh_after_change", lambda *args, **kwargs: 0)
    counts, statements = {}, {}
    for n in (SMALL, LARGE):
        # Each size in cities of its own: the pages that list every city show both rounds.
        city = factory.tenant(f"stadt-{n}", short_name=f"Stadt {n}")
        others = [factory.tenant(f"andere-{n}-{i}", short_name=f"Andere {n} {i}") for i in range(3)]
        client = app.test_client()
        if viewer == "editor":
            factory.login(client, factory.user(city, Role.EDITOR))
        path = PAGES[page](factory, city, others, n)
        statements[n] = _statements_for(client, session, path)
        counts[n] = len(statements[n])
    assert counts[SMALL] == counts[LARGE], (
        f"{page}: {counts[SMALL]} statements with {SMALL} item, {counts[LARGE]} with {LARGE}:\n"
        + "\n".join(
            f"{sign}{count}x {line[:200]}"
            for sign, (more, fewer) in (("+", (LARGE, SMALL)), ("-", (SMALL, LARGE)))
            for line, count in (Counter(statements[more]) - Counter(statements[fewer])).items()
        )
    )
    assert counts[LARGE] <= BOUND
