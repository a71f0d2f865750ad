"""``hub archive build``: the hub's readable pages as plain files that need no server.

Every page is rendered by the hub itself – the same views and templates, as the reader of
:func:`hanse_hub.archive.services.archive_reader` – and saved as ``<path>/index.html``;
the stylesheets, fonts, scripts and the attachments of readable entries are saved beside
them. Every link is then rewritten to a relative one (``../../t/rostock/index.html``), so
that the archive works from ``file://`` and from any folder of any static web host. A link to
something the archive does not hold (logging in, the API, feeds, filters) keeps its text and
loses its address; forms are removed, except the search box, which leads to the archive's own
search page.

Search runs in the browser: Pagefind (npm ``pagefind``, ``make assets``) indexes the pages
into ``pagefind/``; German compounds are split with the hub's own vocabulary first, so that
a part of a compound ("Sensoren" in "Bodensensoren") finds its page, too.
"""

from __future__ import annotations

import html
import posixpath
import re
import shutil
import subprocess
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from flask import Flask, g, render_template
from werkzeug.exceptions import HTTPException
from werkzeug.http import parse_options_header
from werkzeug.routing import RequestRedirect
from werkzeug.utils import secure_filename

from hanse_hub import PROJECT_ROOT
from hanse_hub.archive.services import (
    ArchiveVisibility,
    archive_reader,
    archived_tenant_slugs,
    archived_topic_slugs,
    readable_entries,
)
from hanse_hub.database import utcnow
from hanse_hub.freeze.services import freeze_state
from hanse_hub.search.analysis import default_vocabulary, fold, words

PAGEFIND = PROJECT_ROOT / "node_modules" / ".bin" / "pagefind"
HOST = "archive.invalid"  # the host of the rendering requests; never reached
PAGE_ENDPOINTS = frozenset(
    {
        "web.home",
        "web.tenant_page",
        "web.topics",
        "web.topic_page",
        "web.events",
        "web.experts",
        "web.about",
        "web.imprint",
        "web.privacy",
        "web.accessibility",
        "content.entry_page",
    }
)
# Lists with more than one page keep their pages (``?seite=2``); other parameters are filters.
PAGE_PARAMETERS = {"web.events": {"seite"}, "web.experts": {"seite"}}
# The stylesheets, fonts and scripts, and the attachments. Not the open formats of the pages
# (iCalendar, CSV/JSON, publiccode.yml, RDF) nor the PDF profile ("Steckbrief"): they name
# entries by the hub's own absolute address, which the archive does not have (the templates
# leave their links out; the data export holds all of it).
FILE_ENDPOINTS = frozenset({"static", "assets.kern", "web.tenant_colours", "content.download"})
SEARCH_ENDPOINT = "search.search_page"
SEARCH_PAGE = "suche/index.html"
ARCHIVE_SCRIPT = "archive.js"
# Attributes that hold addresses, in the tags the templates write.
TAG = re.compile(r"<(a|link|script|img|source)\b[^>]*>", re.IGNORECASE)
ADDRESS = re.compile(r'\s(href|src)="([^"]*)"')
FORM = re.compile(r"<form\b([^>]*)>.*?</form>", re.IGNORECASE | re.DOTALL)
FORM_ACTION = re.compile(r'\saction="([^"]*)"')
FORM_METHOD = re.compile(r'\smethod="([^"]*)"', re.IGNORECASE)
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
MAIN = re.compile(r"(<main\b[^>]*>)(.*)(</main>)", re.DOTALL)
TAGS = re.compile(r"<[^>]+>")
# Suggestions come from the hub's API, which the archive does not have.
AUTOCOMPLETE = re.compile(r'\sdata-autocomplete(?:-status)?="[^"]*"')
MAX_PARTS = 2000


class ArchiveError(RuntimeError):
    """The archive cannot be built; the message says why and what to do."""


@dataclass(frozen=True)
class ArchiveInfo:
    """What every page of the archive says about it (``templates/base.html``)."""

    built_at: datetime
    visibility: ArchiveVisibility
    export_location: str | None
    frozen: bool
    frozen_since: datetime | None


@dataclass
class ArchiveReport:
    path: Path
    pages: int = 0
    files: int = 0
    search: bool = False
    missing: list[str] = field(default_factory=list)


@dataclass
class _Fetched:
    file: str  # path inside the archive
    html: bool


def _normalised(url: str) -> tuple[str, str]:
    """(path, sorted query) of a hub address."""
    parts = urlsplit(url)
    query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
    return parts.path or "/", query


def _page_file(path: str, query: str) -> str:
    """Where a page is saved: ``/t/rostock`` → ``t/rostock/index.html``; a page of a list
    (``/veranstaltungen?seite=2``) → ``veranstaltungen/seite-2/index.html``."""
    segments = [segment for segment in path.split("/") if segment]
    segments += [f"{name}-{value}" for name, value in parse_qsl(query)]
    return posixpath.join(*segments, "index.html") if segments else "index.html"


def _relative(target: str, source: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(source) or ".")


def compound_parts(text: str) -> list[str]:
    """The parts of the German compounds of ``text``, as written there ("Bodensensoren" →
    "Boden", "sensoren"), for the search index."""
    vocabulary = default_vocabulary()
    found: dict[str, None] = {}
    for word in words(text):
        lower = word.lower()
        origin = [index for index, char in enumerate(lower) for _ in fold(char)]
        folded = fold(lower)
        if len(origin) != len(folded):
            continue
        spans = vocabulary.part_spans(folded)
        if not spans:
            continue
        for start, end in spans:
            found[lower[origin[start] : origin[end - 1] + 1]] = None
        if len(found) >= MAX_PARTS:
            break
    return list(found)


class _Builder:
    def __init__(self, app: Flask, out: Path, info: ArchiveInfo) -> None:
        self.app = app
        self.out = out
        self.info = info
        self.actor = archive_reader(info.visibility)
        self.adapter = app.url_map.bind(HOST)
        self.fetched: dict[tuple[str, str], _Fetched | None] = {}
        self.queue: deque[tuple[str, str]] = deque()
        self.queued: set[tuple[str, str]] = set()
        self.pages: list[str] = []
        self.report = ArchiveReport(out)

    # -- which addresses the archive holds ------------------------------------------------------
    def _endpoint(self, path: str, query: str) -> str | None:
        try:
            endpoint, _values = self.adapter.match(path, method="GET", query_args=query)
        except (HTTPException, RequestRedirect):
            return None
        return endpoint

    def _wanted(self, path: str, query: str) -> bool:
        endpoint = self._endpoint(path, query)
        if endpoint in PAGE_ENDPOINTS:
            names = {name for name, _value in parse_qsl(query)}
            return names <= PAGE_PARAMETERS.get(endpoint, set())
        return endpoint in FILE_ENDPOINTS

    def enqueue(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme or parts.netloc not in ("", HOST) or not parts.path.startswith("/"):
            return
        key = _normalised(url)
        if key in self.queued or not self._wanted(*key):
            return
        self.queued.add(key)
        self.queue.append(key)

    # -- rendering ------------------------------------------------------------------------------
    def _request(self, path: str, query: str):
        with self.app.test_request_context(
            path,
            query_string=query,
            base_url=f"http://{HOST}",
            headers={"Accept-Language": "de"},
            environ_base={"REMOTE_ADDR": "127.0.0.1"},
        ):
            g.actor = self.actor
            g.static_archive = self.info
            response = self.app.full_dispatch_request()
            response.direct_passthrough = False
            try:
                return response.status_code, response.mimetype, response.get_data(), response
            finally:
                response.close()

    def _save(self, file: str, data: bytes) -> None:
        target = self.out / file
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    def fetch(self, key: tuple[str, str]) -> None:
        path, query = key
        status, mimetype, data, response = self._request(path, query)
        if status != 200:
            self.fetched[key] = None
            self.report.missing.append(f"{path}{'?' + query if query else ''} ({status})")
            return
        endpoint = self._endpoint(path, query)
        if endpoint in PAGE_ENDPOINTS:
            file = _page_file(path, query)
            self.fetched[key] = _Fetched(file, html=True)
            self.pages.append(file)
            self._save(file, data)
            self._discover(data.decode("utf-8"), path)
            return
        file = path.lstrip("/")
        if endpoint == "content.download":
            _value, options = parse_options_header(response.headers.get("Content-Disposition"))
            name = secure_filename(options.get("filename", "")) or "datei"
            file = posixpath.join(file, name)
        self.fetched[key] = _Fetched(file, html=False)
        self.report.files += 1
        self._save(file, data)
        if mimetype == "text/css":
            for reference in CSS_URL.findall(data.decode("utf-8")):
                if not reference.startswith("data:"):
                    self.enqueue(urljoin(path, reference))

    def _discover(self, text: str, base: str) -> None:
        for tag in TAG.finditer(text):
            for _name, value in ADDRESS.findall(tag.group(0)):
                self.enqueue(urljoin(base, html.unescape(value)))

    # -- links ----------------------------------------------------------------------------------
    def _target(self, url: str, source: str) -> str | None:
        """The relative address of ``url`` in the archive; None when it holds no such thing."""
        parts = urlsplit(url)
        if parts.netloc not in ("", HOST) or parts.scheme not in ("", "http"):
            return url
        if not parts.path and not parts.query:
            return url  # "#fragment"
        key = _normalised(url)
        if self._endpoint(*key) == SEARCH_ENDPOINT:
            target = SEARCH_PAGE
        else:
            fetched = self.fetched.get(key)
            if fetched is None:
                return None
            target = fetched.file
        return _relative(target, source) + (f"#{parts.fragment}" if parts.fragment else "")

    def _rewrite_tag(self, match: re.Match, source: str) -> str:
        tag = match.group(0)
        name = match.group(1).lower()
        for attribute, value in ADDRESS.findall(tag):
            target = self._target(html.unescape(value), source)
            if target is None and name != "a":
                return ""  # a stylesheet or feed the archive does not hold
            old = f' {attribute}="{value}"'
            new = "" if target is None else f' {attribute}="{html.escape(target)}"'
            tag = tag.replace(old, new, 1)
        return tag

    def _rewrite_form(self, match: re.Match, source: str) -> str:
        form = match.group(0)
        action = FORM_ACTION.search(match.group(1))
        method = FORM_METHOD.search(match.group(1))
        is_get = method is None or method.group(1).lower() == "get"
        if not (action and is_get and self._endpoint(*_normalised(html.unescape(action.group(1))))
                == SEARCH_ENDPOINT):  # fmt: skip
            return ""
        relative = html.escape(_relative(SEARCH_PAGE, source))
        return form.replace(action.group(0), f' action="{relative}"', 1)

    def rewrite(self, text: str, source: str) -> str:
        text = FORM.sub(lambda match: self._rewrite_form(match, source), text)
        text = TAG.sub(lambda match: self._rewrite_tag(match, source), text)
        text = AUTOCOMPLETE.sub("", text)
        return _with_compound_parts(text)

    # -- the whole archive ----------------------------------------------------------------------
    def run(self, progress: Callable[[int], None] | None) -> ArchiveReport:
        for url in ("/", "/themen", "/veranstaltungen", "/expertinnen"):
            self.enqueue(url)
        for slug in archived_tenant_slugs():
            self.enqueue(f"/t/{slug}")
        for slug in archived_topic_slugs():
            self.enqueue(f"/themen/{slug}")
        for entry in readable_entries(self.actor):
            self.enqueue(f"/t/{entry.tenant_slug}/{entry.slug}")
        while self.queue:
            self.fetch(self.queue.popleft())
            if progress:
                progress(1)
        self._search_page()
        for file in self.pages:
            target = self.out / file
            target.write_text(self.rewrite(target.read_text("utf-8"), file), "utf-8")
        self.report.pages = len(self.pages)
        return self.report

    def _search_page(self) -> None:
        with self.app.test_request_context(
            "/suche", base_url=f"http://{HOST}", headers={"Accept-Language": "de"}
        ):
            g.actor = self.actor
            g.static_archive = self.info
            text = render_template("archive/search.html", archive_search_page=True)
        self._save(SEARCH_PAGE, text.encode("utf-8"))
        self._discover(text, "/suche")
        while self.queue:  # its stylesheets and scripts
            self.fetch(self.queue.popleft())
        self.pages.append(SEARCH_PAGE)


def _with_compound_parts(text: str) -> str:
    """Adds the parts of the page's German compounds, hidden, to what the search indexes."""
    main = MAIN.search(text)
    if main is None or "data-pagefind-body" not in main.group(1):
        return text
    parts = compound_parts(html.unescape(TAGS.sub(" ", main.group(2))))
    if not parts:
        return text
    hidden = f"<p hidden data-archive-word-parts>{html.escape(' '.join(parts))}</p>"
    return text[: main.start(3)] + hidden + text[main.start(3) :]


def _prepare_target(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise ArchiveError(f"{out} exists and is not a folder: name a new or empty folder.")
    if out.is_dir() and any(out.iterdir()):
        raise ArchiveError(f"{out} is not empty: name a new or empty folder.")
    out.mkdir(parents=True, exist_ok=True)


def pagefind_available() -> bool:
    return PAGEFIND.is_file()


def _index_for_search(out: Path) -> bool:
    """Pagefind's index into ``out/pagefind``; False when Pagefind is not installed."""
    if not pagefind_available():
        return False
    # Our own installed binary (make assets), no shell.
    result = subprocess.run(
        [str(PAGEFIND), "--site", str(out), "--silent"],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if result.returncode != 0:
        raise ArchiveError(f"Pagefind could not index the archive: {result.stderr.strip()}")
    return True


def build_archive(
    app: Flask,
    out: Path,
    visibility: ArchiveVisibility,
    *,
    export_location: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> ArchiveReport:
    """Render the archive of what ``visibility``'s reader may see into the empty folder ``out``.

    Nothing is written to the database; the folder is removed again when the build fails.
    """
    _prepare_target(out)
    state = freeze_state()
    info = ArchiveInfo(
        built_at=utcnow(),
        visibility=visibility,
        export_location=export_location or None,
        frozen=state.frozen,
        frozen_since=state.since if state.frozen else None,
    )
    try:
        report = _Builder(app, out, info).run(progress)
        report.search = _index_for_search(out)
    except BaseException:
        shutil.rmtree(out, ignore_errors=True)
        raise
    return report
