"""Visitors' pages kept for a moment: the same page is not rendered again for every visitor.

Everybody who is not signed in sees the same: the visibility policy's anonymous scope. So a
reading page rendered for one visitor is right for every other visitor who asks for the same
address in the same language – until something changes. What changes it:

* a write use case in any process on any host: every ``write_transaction`` increments the
  *content generation* in the database in the same commit (``database.py``); a page belongs
  to the generation read *before* it was rendered, so a write committed while it rendered
  makes it older, never newer, than what it shows. Applying search index jobs and storing
  similar-entry lists are write transactions too, so search pages follow the index;
* time: a page is kept at most ``HANSE_PAGE_CACHE_SECONDS`` (default 60; 0 switches the
  cache off), for what depends on the clock ("upcoming events") or changed outside the hub.

What is never kept or served from here: anything for a request with a cookie other than the
language choice (a session may hold a login, flashed messages or a CSRF token), with an
``Authorization`` header, other methods than GET, answers other than ``200 text/html``, an
answer that sets a cookie, a page holding a form with a CSRF token, and any address outside
``CACHED_ENDPOINTS``, nor pages rendered for somebody who set the reader himself (the static
archive). Rate limits, security headers and conditional requests (``ETag``) are
applied to a kept page as to a rendered one: the hooks that add them run on every answer.

The store lives in each process's memory (a small LRU), so it needs no further service and
holds nothing across a restart; the database's generation keeps the processes in step.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

from flask import Flask, Response, g, request, session

from hanse_hub.database import content_generation
from hanse_hub.web.i18n import LANGUAGE_COOKIE, select_locale

CACHED_ENDPOINTS = frozenset(
    {
        "web.home",
        "web.tenant_page",
        "web.topics",
        "web.topic_page",
        "web.experts",
        "web.events",
        "web.about",
        "content.entry_page",
        "search.search_page",
        "transfer.overview",
        "transfer.adoptions",
    }
)
MAX_PAGES = 512
MAX_STORE_BYTES = 32 * 1024 * 1024  # per process; a page of the demo hub is 10-60 KB
MAX_PAGE_BYTES = 1024 * 1024
CSRF_FIELD = b'name="csrf_token"'
HIT_HEADER = "X-Hub-Page-Cache"


@dataclass(frozen=True)
class KeptPage:
    generation: int
    kept_at: float
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes


class PageStore:
    """A thread-safe LRU of pages by (scheme, host, address, language), bounded in pages and
    in bytes."""

    def __init__(self, max_pages: int = MAX_PAGES, max_bytes: int = MAX_STORE_BYTES) -> None:
        self._pages: OrderedDict[tuple, KeptPage] = OrderedDict()
        self._lock = threading.Lock()
        self.max_pages, self.max_bytes = max_pages, max_bytes
        self.bytes = 0

    def get(self, key: tuple) -> KeptPage | None:
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
            return page

    def put(self, key: tuple, page: KeptPage) -> None:
        with self._lock:
            replaced = self._pages.pop(key, None)
            self.bytes -= len(replaced.body) if replaced else 0
            self._pages[key] = page
            self.bytes += len(page.body)
            while len(self._pages) > self.max_pages or self.bytes > self.max_bytes:
                _, evicted = self._pages.popitem(last=False)
                self.bytes -= len(evicted.body)

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()
            self.bytes = 0

    def __len__(self) -> int:
        return len(self._pages)


def _eligible() -> bool:
    return (
        # Someone who renders for another reader (the static archive renders as a visitor
        # or as the network's reader, with its own banner) has set the actor already.
        "actor" not in g
        and "static_archive" not in g
        and request.method == "GET"
        and request.endpoint in CACHED_ENDPOINTS
        and set(request.cookies) <= {LANGUAGE_COOKIE}
        and "Authorization" not in request.headers
    )


def _keepable(response: Response) -> bool:
    if (
        response.status_code != 200
        or response.mimetype != "text/html"
        or response.is_streamed
        or response.direct_passthrough
        or "Set-Cookie" in response.headers
        or session.modified
    ):
        return False
    body = response.get_data()
    return len(body) <= MAX_PAGE_BYTES and CSRF_FIELD not in body


def register_page_cache(app: Flask) -> None:
    """Register last: its check runs after the other hooks (rate limits, freeze, language
    switch), and it keeps the view's answer before the others add their headers."""
    store = PageStore()
    app.extensions["hanse_page_store"] = store
    seconds = app.config.get("HANSE_PAGE_CACHE_SECONDS") or 0
    if not seconds:
        return

    @app.before_request
    def _serve_kept_page():
        if not _eligible():
            return None
        generation = content_generation()
        if generation is None:
            return None
        key = (request.scheme, request.host, request.full_path, select_locale())
        page = store.get(key)
        if (
            page is not None
            and page.generation == generation
            and time.monotonic() - page.kept_at < seconds
        ):
            response = Response(page.body, status=page.status, headers=list(page.headers))
            response.headers[HIT_HEADER] = "hit"
            if response.get_etag()[0]:
                response.make_conditional(request)
            return response
        g.hanse_page_cache = (key, generation)
        return None

    @app.after_request
    def _keep_page(response: Response) -> Response:
        pending = g.pop("hanse_page_cache", None)
        if pending is not None and _keepable(response):
            key, generation = pending
            headers = tuple((name, value) for name, value in response.headers.items())
            store.put(
                key,
                KeptPage(generation, time.monotonic(), 200, headers, response.get_data()),
            )
        return response
