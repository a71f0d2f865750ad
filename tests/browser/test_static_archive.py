"""The static archive (``hub archive build``) of the demo hub, served by Python's
``http.server`` from a sub-folder and read in Chromium: no broken link, nothing that is not
public, search in German (with a part of a compound), axe-core on every page type, and the
notice that search needs HTTP when a page is opened from a file.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urldefrag

import pytest
from sqlalchemy import select

from hanse_hub.archive.build import build_archive, pagefind_available
from hanse_hub.archive.services import ArchiveVisibility, readable_entries
from hanse_hub.content.models import Entry
from hanse_hub.extensions import db
from hanse_hub.policy import ANONYMOUS
from tests.browser.harness import PLAYWRIGHT_MISSING, axe_unavailable_reason
from tests.browser.test_accessibility import axe_violations, describe

pytest.importorskip("playwright.sync_api", reason=PLAYWRIGHT_MISSING)

# Building the demo hub's archive and crawling it take about a minute: make test-long.
pytestmark = pytest.mark.slow

EXPORT = "https://daten.example/smarte-hanse-export-2027.zip"
FOLDER = "archiv"  # served below the server's root: links must not assume "/"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@dataclass(frozen=True)
class ServedArchive:
    folder: Path
    url: str  # of the archive's index.html
    hidden_titles: frozenset[str]  # entries of the demo hub a visitor may not read


@pytest.fixture(scope="module")
def archive(hub, tmp_path_factory) -> Iterator[ServedArchive]:
    root = tmp_path_factory.mktemp("static-archive")
    out = root / FOLDER
    with hub.app.app_context():
        build_archive(hub.app, out, ArchiveVisibility.PUBLIC, export_location=EXPORT)
        readable = {entry.id for entry in readable_entries(ANONYMOUS)}
        hidden = frozenset(
            title
            for entry_id, title in db.session.execute(select(Entry.id, Entry.title))
            if entry_id not in readable
        )
        db.session.remove()
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, name="archive", daemon=True)
    thread.start()
    try:
        yield ServedArchive(
            out, f"http://127.0.0.1:{server.server_port}/{FOLDER}/index.html", hidden
        )
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()


LINKS = """() => [...document.querySelectorAll('a[href], link[href], script[src], img[src]')]
  .map((element) => element.href || element.src)"""


def test_crawl_of_the_served_archive_finds_no_broken_link_and_nothing_hidden(archive, page):
    assert archive.hidden_titles, "the demo hub has internal, network and draft entries"
    base = archive.url.rsplit("/", 1)[0] + "/"
    queue, seen, pages = [archive.url], {archive.url}, 0
    while queue:
        url = queue.pop()
        response = page.goto(url)
        assert response is not None and response.ok, f"{url}: {response and response.status}"
        pages += 1
        text = page.locator("body").inner_text()
        shown = [title for title in archive.hidden_titles if title in text]
        assert not shown, f"{url} shows entries a visitor may not read: {shown}"
        for link in page.evaluate(LINKS):
            target, _fragment = urldefrag(link)
            if not target.startswith("http://127.0.0.1") or target in seen:
                continue
            seen.add(target)
            assert target.startswith(base), f"{url} links out of the archive: {target}"
            if target.endswith(".html"):
                queue.append(target)
            else:
                status = page.request.get(target).status
                assert status == 200, f"{url} links to {target}: {status}"
    assert pages > 50


# Each word, and the page it must find among the first three results.
SEARCHES = {
    "Bodensensoren": "t/rostock/parkraummanagement-mit-bodensensoren/",
    # Only inside compounds ("Hochwasservorsorge") on that page: Pagefind itself matches the
    # start of words only; without the compound parts the build adds, the page is not found
    # among the first three.
    "Vorsorge": "t/luebeck/fachtag-hochwasservorsorge-digital/",
    "Straßenbeleuchtung": (
        "t/stralsund/intelligente-strassenbeleuchtung-mit-led-und-bewegungssensoren/"
    ),
    "Elektromobilität": "t/rostock/datenbasierter-ladesaeulen-planer-fuer-die-elektromobilitaet/",
    "Zwilling": "t/wismar/digitaler-zwilling-fuer-altstadt-und-hafen/",
}


@pytest.mark.skipif(not pagefind_available(), reason="Pagefind is not installed (make assets)")
@pytest.mark.parametrize(("word", "expected"), SEARCHES.items())
def test_search_in_the_archive_finds_german_words(archive, page, word, expected):
    page.goto(archive.url)
    page.get_by_label("Wissen der Städte durchsuchen").fill(word)
    page.get_by_role("button", name="Suchen").click()
    status = page.locator("#archiv-suche-status")
    status.filter(has_text="Treffer").wait_for()
    links = page.locator("#archiv-suche-treffer a")
    first = [links.nth(i).get_attribute("href") for i in range(min(3, links.count()))]
    assert any(address.endswith(f"/{FOLDER}/{expected}") for address in first), (word, first)


PAGE_TYPES = [
    "index.html",
    "t/rostock/index.html",
    "themen/index.html",
    "themen/mobilitaet/index.html",
    "veranstaltungen/index.html",
    "expertinnen/index.html",
    "impressum/index.html",
    "t/rostock/parkraummanagement-mit-bodensensoren/index.html",  # a solution
    "t/rostock/bodensensoren-batterielaufzeit-im-winter-deutlich-kuerzer-als-versprochen/"
    "index.html",  # a lesson learned
    "t/rostock/malte-hinrichsen-parkraummanagement-und-lorawan-sensorik/index.html",  # contact
    "t/smarte-hanse/smarte-hanse-konferenz-2026-in-stralsund/index.html",  # an event
    "t/smarte-hanse/tagungsband-smarte-hanse-konferenz-2026/index.html",  # a material
    "suche/index.html?q=Parkraum",
]


@pytest.mark.skipif(axe_unavailable_reason() is not None, reason=str(axe_unavailable_reason()))
def test_every_page_type_of_the_archive_has_no_axe_violations(archive, page):
    base = archive.url.rsplit("/", 1)[0]
    for path in PAGE_TYPES:
        response = page.goto(f"{base}/{path}")
        assert response is not None and response.ok, path
        if path.startswith("suche/") and pagefind_available():
            page.locator("#archiv-suche-status").filter(has_text="Treffer").wait_for()
        violations = axe_violations(page)
        assert not violations, describe(violations, path)


def test_a_page_opened_from_a_file_says_that_search_needs_http(archive, page):
    page.goto((archive.folder / "index.html").as_uri())
    note = page.locator("[data-archive-file-note]")
    assert note.is_visible()
    assert "die Suche braucht aber einen Webserver (HTTP)" in note.inner_text()
    page.get_by_label("Wissen der Städte durchsuchen").fill("Parkraum")
    page.get_by_role("button", name="Suchen").click()
    status = page.locator("#archiv-suche-status")
    status.filter(has_text="Webserver").wait_for()
    # Pages and their links work from the file, too.
    page.goto((archive.folder / "index.html").as_uri())
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role(
        "link", name="Themen"
    ).click()
    assert page.url.endswith(f"{FOLDER}/themen/index.html")
