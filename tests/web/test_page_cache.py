"""The visitors' page cache (issue #20, ``web/page_cache.py``): a page rendered for one visitor
is served to the next from memory – and never after a write, never to a signed-in person,
never with somebody's session in it.

These tests commit for real: the cache reads the content generation on a connection of its
own, which a rolled-back test transaction would hide from it.
"""

from __future__ import annotations

import threading
from pathlib import Path

import flask_migrate
import pytest
from flask import g

from hanse_hub.accounts.models import Role, User
from hanse_hub.content import services as content
from hanse_hub.database import content_generation, write_transaction
from hanse_hub.extensions import db
from hanse_hub.models import Entry
from hanse_hub.policy import ANONYMOUS, Actor
from hanse_hub.search import indexing
from hanse_hub.web import page_cache
from tests.conftest import make_app
from tests.databases import fresh_database, postgres_unavailable_reason
from tests.factories import Factory
from tests.sql_statements import counted_statements

HIT = page_cache.HIT_HEADER


def _app(url, data_dir, **extra):
    app = make_app(url, data_dir, HANSE_PAGE_CACHE_SECONDS="60", **extra)
    with app.app_context():
        flask_migrate.upgrade()
    return app


@pytest.fixture(scope="module")
def database(backend, tmp_path_factory):
    if backend == "postgresql":
        reason = postgres_unavailable_reason()
        if reason:
            pytest.skip(reason)
    with fresh_database(backend, tmp_path_factory.mktemp("page-cache-db")) as url:
        yield url


@pytest.fixture(scope="module")
def cached_app(database, tmp_path_factory):
    """An app with the page cache on; its commits are real."""
    app = _app(database, tmp_path_factory.mktemp("page-cache-data"))
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def hub(cached_app):
    """The cached app's context with a fresh store and a city with a public solution."""
    cached_app.extensions["hanse_page_store"].clear()
    with cached_app.app_context():
        with write_transaction():
            factory = Factory(db.session)
            city = factory.tenant()
            editor = factory.user(city, Role.EDITOR)
            entry = factory.entry(city, author=editor, title="Parksensoren im Stadthafen")
        yield city, editor, entry
        db.session.remove()


def _path(entry: Entry) -> str:
    return f"/t/{entry.tenant.slug}/{entry.slug}"


def test_a_second_visitor_gets_the_page_from_the_store_with_one_statement(cached_app, hub):
    _, _, entry = hub
    first = cached_app.test_client().get(_path(entry))
    assert first.status_code == 200 and HIT not in first.headers
    with counted_statements() as statements:
        second = cached_app.test_client().get(_path(entry))
    assert second.headers[HIT] == "hit"
    assert second.get_data() == first.get_data()
    assert len(statements) == 1 and "content_generation" in statements[0]
    # The hooks that run on every answer still add their headers to a kept page.
    assert second.headers["Content-Security-Policy"] == first.headers["Content-Security-Policy"]


def test_a_saved_change_shows_to_the_next_visitor_at_once(cached_app, hub):
    _, editor, entry = hub
    visitor = cached_app.test_client()
    visitor.get(_path(entry))
    assert visitor.get(_path(entry)).headers[HIT] == "hit"
    with write_transaction():
        content.update_entry(Actor.of(editor), entry, {"summary": "Jetzt mit LoRaWAN-Gateway"})
    again = visitor.get(_path(entry))
    assert HIT not in again.headers
    assert "Jetzt mit LoRaWAN-Gateway" in again.get_data(as_text=True)


def test_a_write_through_another_process_ends_this_processes_kept_pages(cached_app, hub, database):
    """Two apps stand for two server processes (or hosts) on one database: each has its own
    store, and the generation in the database keeps them in step."""
    _, editor, entry = hub
    visitor = cached_app.test_client()
    visitor.get("/")
    assert visitor.get("/").headers[HIT] == "hit"
    entry_id, editor_id = entry.id, editor.id
    db.session.remove()  # this "process" holds nothing open
    other = _app(database, Path(cached_app.config["HANSE_DATA_DIR"]))
    with other.app_context():
        with write_transaction():
            moved = db.session.get(Entry, entry_id)
            author = Actor.of(db.session.get(User, editor_id))
            content.update_entry(author, moved, {"title": "Parksensoren am Kai"})
        db.session.remove()
        db.engine.dispose()
    home = visitor.get("/")
    assert HIT not in home.headers
    assert "Parksensoren am Kai" in home.get_data(as_text=True)


def test_a_committed_write_moves_the_generation_on_and_a_failed_one_does_not(cached_app, hub):
    _, editor, entry = hub
    before = content_generation()
    with write_transaction():
        content.update_entry(Actor.of(editor), entry, {"summary": "Eins"})
    after = content_generation()
    assert after > before  # the use case, and then applying its index job inline
    with pytest.raises(RuntimeError), write_transaction():
        content.update_entry(Actor.of(editor), entry, {"summary": "Zwei"})
        raise RuntimeError("the use case fails")
    assert content_generation() == after


def test_the_search_page_follows_the_index_not_only_the_database(cached_app, database):
    """With a separate indexing worker, the entry is committed before it is searchable: the
    page kept in between must not outlive the index job being applied."""
    data_dir = Path(cached_app.config["HANSE_DATA_DIR"])
    app = _app(database, data_dir, HANSE_SEARCH_INDEXING="worker")
    with app.app_context():
        indexing.apply_all_pending_jobs()  # what earlier tests left for a worker
        visitor = app.test_client()
        with write_transaction():
            factory = Factory(db.session)
            city = factory.tenant()
            factory.entry(city, title="Glasfaserkooperation Nordwestmecklenburg")
        address = "/suche?q=Glasfaserkooperation"
        assert "Nordwestmecklenburg" not in visitor.get(address).get_data(as_text=True)
        assert visitor.get(address).headers[HIT] == "hit"
        indexing.apply_all_pending_jobs()
        found = visitor.get(address)
        assert HIT not in found.headers
        assert "Glasfaserkooperation Nordwestmecklenburg" in found.get_data(as_text=True)
        db.session.remove()
        db.engine.dispose()


def test_signed_in_people_are_never_served_a_kept_page_nor_leave_theirs(cached_app, hub):
    city, editor, _ = hub
    with write_transaction():
        internal = Factory(db.session).entry(
            city, author=editor, title="Interne Vergabeunterlagen Parkhaus", visibility="internal"
        )
    path = f"/t/{city.slug}"
    visitor = cached_app.test_client()
    visitor.get(path)
    assert visitor.get(path).headers[HIT] == "hit"

    member = cached_app.test_client()
    Factory(db.session).login(member, editor)
    own = member.get(path)
    assert HIT not in own.headers
    assert internal.title in own.get_data(as_text=True)
    assert HIT not in member.get(path).headers  # nor kept for the member

    for _ in range(2):  # (signing in was a write: the first of these renders anew)
        after = cached_app.test_client().get(path)
        assert internal.title not in after.get_data(as_text=True)
    assert after.headers[HIT] == "hit"


def test_a_request_with_a_session_cookie_is_neither_served_nor_kept(cached_app, hub):
    _, _, entry = hub
    cached_app.test_client().get(_path(entry))
    with_session = cached_app.test_client()
    with_session.set_cookie("session", "anything")
    assert HIT not in with_session.get(_path(entry)).headers
    assert len(cached_app.extensions["hanse_page_store"]) == 1


def test_languages_are_kept_apart(cached_app, hub):
    german = cached_app.test_client().get("/themen", headers={"Accept-Language": "de"})
    english = cached_app.test_client().get("/themen", headers={"Accept-Language": "en"})
    assert HIT not in english.headers
    assert german.get_data() != english.get_data()
    again = cached_app.test_client().get("/themen", headers={"Accept-Language": "en"})
    assert again.headers[HIT] == "hit" and again.get_data() == english.get_data()


def test_a_kept_entry_page_still_answers_not_modified(cached_app, hub):
    _, _, entry = hub
    etag = cached_app.test_client().get(_path(entry)).headers["ETag"]
    again = cached_app.test_client().get(_path(entry), headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.headers[HIT] == "hit"


def test_a_page_is_kept_no_longer_than_the_setting_says(cached_app, hub, monkeypatch):
    _, _, entry = hub
    visitor = cached_app.test_client()
    now = [1000.0]
    monkeypatch.setattr(page_cache.time, "monotonic", lambda: now[0])
    visitor.get(_path(entry))
    now[0] += 59
    assert visitor.get(_path(entry)).headers[HIT] == "hit"
    now[0] += 2
    assert HIT not in visitor.get(_path(entry)).headers


def test_pages_holding_a_csrf_token_or_setting_a_cookie_are_not_kept(cached_app):
    with cached_app.test_request_context("/"):
        form = cached_app.response_class(
            '<form><input name="csrf_token" value="x"></form>', mimetype="text/html"
        )
        assert not page_cache._keepable(form)
        cookie = cached_app.response_class("<p>Hallo</p>", mimetype="text/html")
        cookie.set_cookie("hanse_lang", "en")
        assert not page_cache._keepable(cookie)
        plain = cached_app.response_class("<p>Hallo</p>", mimetype="text/html")
        assert page_cache._keepable(plain)


def test_without_the_cache_a_write_leaves_the_generation_alone(app, factory, rostock, editor):
    entry = factory.entry(rostock, author=editor)
    assert app.config["HANSE_PAGE_CACHE_SECONDS"] == 0  # tests switch it on where they test it
    with counted_statements() as statements, write_transaction():
        content.update_entry(Actor.of(editor), entry, {"summary": "Ohne Zwischenspeicher"})
    assert statements and not any("content_generation" in s for s in statements)


def test_the_store_forgets_the_least_recently_used_pages_beyond_its_bounds():
    def page(size: int) -> page_cache.KeptPage:
        return page_cache.KeptPage(1, 0.0, 200, (), b"x" * size)

    store = page_cache.PageStore(max_pages=3, max_bytes=100)
    for name in ("a", "b", "c"):
        store.put((name,), page(10))
    store.get(("a",))  # used last: kept
    store.put(("d",), page(10))
    assert store.get(("b",)) is None and store.get(("a",)) is not None
    store.put(("e",), page(95))  # over the byte budget: the oldest go until it fits
    assert store.bytes <= 100 and store.get(("e",)) is not None and len(store) == 1
    store.put(("e",), page(5))  # replacing a page counts its bytes once
    assert store.bytes == 5


def test_pages_rendered_for_another_reader_are_neither_served_nor_kept(cached_app, hub):
    """The static archive renders through the views as the network's reader, with its own
    banner: such a page must not reach visitors, nor a visitor's page the archive."""
    _, _, entry = hub
    cached_app.test_client().get(_path(entry))  # a visitor's page is kept
    store = cached_app.extensions["hanse_page_store"]
    with cached_app.test_request_context(_path(entry)):
        g.actor = ANONYMOUS  # as the archive sets it, beside its banner (g.static_archive)
        response = cached_app.full_dispatch_request()
        assert HIT not in response.headers
    assert len(store) == 1


def test_concurrent_writers_all_commit_and_each_counts_once(cached_app, hub, database):
    """Every writer increments the one row last, just before its commit: on PostgreSQL the
    writers queue there for a moment but never deadlock, and no increment is lost. (Index
    jobs are left to a worker here, so that each update is exactly one write.)"""
    city, editor, _ = hub
    with write_transaction():
        factory = Factory(db.session)
        entry_ids = [factory.entry(city, author=editor).id for _ in range(4)]
    editor_id = editor.id
    db.session.remove()
    app = _app(database, Path(cached_app.config["HANSE_DATA_DIR"]), HANSE_SEARCH_INDEXING="worker")
    with app.app_context():
        before = content_generation()
    errors: list[BaseException] = []
    rounds = 5

    def write(entry_id: int) -> None:
        with app.app_context():
            try:
                for number in range(rounds):
                    with write_transaction():
                        author = Actor.of(db.session.get(User, editor_id))
                        entry = db.session.get(Entry, entry_id)
                        content.update_entry(author, entry, {"summary": f"Runde {number}"})
                    db.session.remove()
            except BaseException as error:  # reported by the assertion below
                errors.append(error)

    threads = [threading.Thread(target=write, args=(entry_id,)) for entry_id in entry_ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    with app.app_context():
        assert errors == []
        assert content_generation() == before + rounds * len(entry_ids)
        indexing.apply_all_pending_jobs()  # leave no work for later tests' workers
        db.session.remove()
        db.engine.dispose()
