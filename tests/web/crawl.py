"""Crawling the hub as a person would: every same-site page reachable by links from "/".

Shared by the crawl tests (languages, links and headers in ``test_i18n.py``; forms in
``test_forms.py``). The small hub they crawl has language-neutral content, so that German
found on an English page is interface text.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

from hanse_hub.accounts.models import Role, User
from hanse_hub.content.models import EntryKind, Visibility

# Files, the API, assets and logging out are not pages to crawl.
SKIPPED_PREFIXES = ("/dateien/", "/api/", "/assets/", "/static/", "/abmelden")
REDIRECTS = (301, 302, 303, 307, 308)
ROLES = ("anonymous", "reader", "editor", "admin", "hub_admin")


def seed_small_hub(factory) -> dict[str, User]:
    """Two cities with an entry of every kind; a person for every role (hub_admin included)."""
    rostock = factory.tenant("rostock", short_name="Rostock", official_name="City of Rostock")
    wismar = factory.tenant("wismar", short_name="Wismar", official_name="City of Wismar")
    reader = factory.user(rostock, Role.READER)
    editor = factory.user(rostock, Role.EDITOR)
    admin = factory.user(rostock, Role.ADMIN)
    hub_admin = factory.user(hub_admin=True)
    solution = factory.entry(rostock, author=editor, title="Sensor network", summary="LoRaWAN")
    factory.entry(rostock, author=editor, title="Draft idea", status="draft")
    factory.entry(rostock, kind=EntryKind.LESSON, title="Lessons", context="Context")
    factory.entry(wismar, kind=EntryKind.CONTACT, title="Parking", person_name="Jana Kruse")
    factory.entry(wismar, kind=EntryKind.EVENT, title="Workshop", place="Town hall")
    factory.entry(wismar, title="Internal note", visibility=Visibility.INTERNAL)
    factory.entry(rostock, kind=EntryKind.MATERIAL, title="Slides", solution_id=solution.id)
    return {"reader": reader, "editor": editor, "admin": admin, "hub_admin": hub_admin}


@dataclass
class Form:
    """A form as a browser would send it: its target, method and named controls."""

    action: str
    method: str
    enctype: str
    fields: list[dict] = field(default_factory=list)  # {"tag", "type", "name", "value", ...}


class PageParser(HTMLParser):
    """The links and forms of a page."""

    def __init__(self, url: str):
        super().__init__(convert_charrefs=True)
        self.url = url
        self.links: list[str] = []
        self.forms: list[Form] = []
        self._select: dict | None = None
        self._textarea: dict | None = None

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        elif tag == "form":
            self.forms.append(
                Form(
                    action=attributes.get("action") or self.url,
                    method=(attributes.get("method") or "get").lower(),
                    enctype=attributes.get("enctype", ""),
                )
            )
        elif tag == "option" and self._select is not None:
            self._select["options"].append(attributes.get("value", ""))
        elif not self.forms or not attributes.get("name"):
            return
        elif tag == "input":
            self.forms[-1].fields.append({"tag": "input", "type": "text", **attributes})
        elif tag == "select":
            self._select = {"tag": "select", **attributes, "options": []}
            self.forms[-1].fields.append(self._select)
        elif tag == "textarea":
            self._textarea = {"tag": "textarea", "type": "textarea", **attributes, "value": ""}
            self.forms[-1].fields.append(self._textarea)
        elif tag == "button":
            self.forms[-1].fields.append({"tag": "button", "type": "submit", **attributes})

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea["value"] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def parse_page(url: str, html: str) -> PageParser:
    parser = PageParser(url)
    parser.feed(html)
    return parser


def same_site(href: str) -> str | None:
    """The path and query of a link within the hub that a crawl should follow, or None."""
    link, _fragment = urldefrag(href)
    parts = urlsplit(link)
    if not link or parts.scheme or parts.netloc or not link.startswith("/"):
        return None
    if link.startswith(SKIPPED_PREFIXES) or "lang=" in (parts.query or ""):
        return None
    return link


@dataclass
class Visit:
    url: str
    referrer: str
    response: object  # the test client's response


def crawl(client, limit: int = 300) -> Iterator[Visit]:
    """Every same-site page reachable from "/" by links and redirects (GET only), breadth
    first, at most ``limit`` requests."""
    seen, queue = {"/"}, deque([("/", "(start)")])
    requests = 0
    while queue and requests < limit:
        url, referrer = queue.popleft()
        response = client.get(url)
        requests += 1
        yield Visit(url, referrer, response)
        if response.status_code in REDIRECTS:
            targets = [response.headers["Location"]]
        elif response.status_code < 400 and response.mimetype == "text/html":
            targets = parse_page(url, response.get_data(as_text=True)).links
        else:
            targets = []
        for target in targets:
            link = same_site(target)
            if link and link not in seen:
                seen.add(link)
                queue.append((link, url))
