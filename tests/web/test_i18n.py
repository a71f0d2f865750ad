"""The interface speaks German by default and English on request; content stays as written."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from hanse_hub.accounts.models import Role
from hanse_hub.content.models import EntryKind
from hanse_hub.web.i18n import LANGUAGE_COOKIE
from tests.factories import csrf_token
from tests.web.crawl import ROLES, crawl, seed_small_hub

CATALOGUE = Path(__file__).resolve().parents[2] / "hanse_hub" / "translations" / "en"
PO_FILE = CATALOGUE / "LC_MESSAGES" / "messages.po"
MO_FILE = CATALOGUE / "LC_MESSAGES" / "messages.mo"
SECURITY_HEADERS = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy")
CRAWL_LIMIT = 300
# German text the catalogue does not know (a template string not wrapped in _(), a message
# built in Python) shows up as German words: common function words and words with umlauts.
# The crawl's content is English or names, so any of these on an English page is interface text.
GERMAN_MARKERS = frozenset(
    {
        "und",
        "oder",
        "nicht",
        "mit",
        "für",
        "sie",
        "ist",
        "sind",
        "eine",
        "einen",
        "einer",
        "keine",
        "kein",
        "noch",
        "bei",
        "nach",
        "über",
        "vom",
        "zum",
        "zur",
        "des",
        "dem",
        "den",
        "der",
        "das",
        "wird",
        "werden",
        "wurde",
        "bitte",
        "ihre",
        "ihr",
        "ihnen",
        "hier",
        "alle",
        "diese",
        "dieser",
        "dieses",
        "seite",
        "suche",
        "anmelden",
        "abmelden",
        "speichern",
        "einträge",
        "eintrag",
        "verwaltung",
        "mitglieder",
        "einstellungen",
        "handlungsfelder",
        "konto",
        "konten",
        "protokoll",
        "rolle",
        "lesen",
        "redaktion",
        "entwurf",
        "veröffentlicht",
        "zurück",
        "weiter",
    }
)
GERMAN_LETTERS = re.compile(r"[äöüÄÖÜß]")
PROPER_NAMES = frozenset({"Lübeck"})  # the member cities keep their names in English


class _PageParser(HTMLParser):
    """Collects a page's interface text (visible text and the labels read out to screen
    readers). Text inside an element marked with another ``lang`` than the page's is content
    in that language (an entry, the operator's legal text), not interface."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._page_lang: str | None = None
        self._skip = 0
        self._foreign: tuple[str, int] | None = None  # (tag, nesting depth) of foreign content

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self._page_lang = attributes.get("lang")
        elif self._foreign and tag == self._foreign[0]:
            self._foreign = (tag, self._foreign[1] + 1)
        elif not self._foreign and attributes.get("lang") not in (None, self._page_lang):
            self._foreign = (tag, 1)
        if tag in ("script", "style", "code"):  # code: identifiers such as slugs, not words
            self._skip += 1
        for name in ("aria-label", "placeholder", "title", "alt"):
            if attributes.get(name) and not self._foreign:
                self.texts.append(attributes[name])

    def handle_endtag(self, tag):
        if tag in ("script", "style", "code") and self._skip:
            self._skip -= 1
        if self._foreign and tag == self._foreign[0]:
            depth = self._foreign[1] - 1
            self._foreign = (tag, depth) if depth else None

    def handle_data(self, data):
        if not self._skip and not self._foreign:
            self.texts.append(data)


def _parse(html: str) -> _PageParser:
    parser = _PageParser()
    parser.feed(html)
    return parser


def _visible_text(html: str) -> str:
    return re.sub(r"\s+", " ", " ".join(_parse(html).texts))


def _catalogue() -> dict[str, str]:
    with PO_FILE.open("rb") as fh:
        catalogue = read_po(fh)
    return {m.id: m.string for m in catalogue if m.id and isinstance(m.id, str) and m.string}


def _german_ui_phrases() -> list[str]:
    """German msgids that the English page must not show: translated, two words or more, and
    without placeholders or markup (those are checked through their translated pieces)."""
    return sorted(
        german
        for german, english in _catalogue().items()
        if german != english
        and len(german.split()) >= 2
        and "%(" not in german
        and "<" not in german
    )


def _html_lang(html: str) -> str:
    match = re.search(r'<html lang="([^"]+)"', html)
    assert match, "the page has no <html lang>"
    return match.group(1)


def _switch_link(html: str, name: str) -> str:
    match = re.search(rf'<a href="([^"]+)" lang="(\w+)" hreflang="(\w+)"[^>]*>{name}</a>', html)
    assert match, f"no language switch link named {name!r}"
    return match.group(1).replace("&amp;", "&")


# -- choosing the language -----------------------------------------------------------------------


def test_interface_is_german_by_default(client):
    page = client.get("/").get_data(as_text=True)
    assert _html_lang(page) == "de"
    assert "Wissen teilen zwischen den Hansestädten" in page
    assert _switch_link(page, "English") == "/?lang=en"


def test_lang_parameter_sets_a_cookie_and_returns_to_the_same_page(client):
    response = client.get("/suche?q=Parken&lang=en")
    assert response.status_code == 303
    assert response.headers["Location"] == "/suche?q=Parken"
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith(f"{LANGUAGE_COOKIE}=en;")
    assert "SameSite=Lax" in cookie and "HttpOnly" in cookie and "Max-Age=31536000" in cookie

    page = client.get("/suche?q=Parken").get_data(as_text=True)
    assert _html_lang(page) == "en"
    assert "Search terms" in page and "Suchbegriffe" not in page
    assert _switch_link(page, "Deutsch") == "/suche?q=Parken&lang=de"


def test_the_choice_persists_and_can_be_switched_back(client):
    client.get("/?lang=en")
    assert _html_lang(client.get("/veranstaltungen").get_data(as_text=True)) == "en"
    client.get("/?lang=de")
    page = client.get("/veranstaltungen").get_data(as_text=True)
    assert _html_lang(page) == "de" and "Kommende Veranstaltungen" in page


def test_accept_language_chooses_english_unless_the_cookie_says_otherwise(client):
    english = client.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert _html_lang(english.get_data(as_text=True)) == "en"
    assert "Accept-Language" in english.headers["Vary"]
    french = client.get("/", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert _html_lang(french) == "de"
    client.get("/?lang=de")
    chosen = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert _html_lang(chosen) == "de"


def test_unknown_language_is_ignored_and_redirect_stays_on_this_site(client):
    response = client.get("//evil.example/?lang=xx")
    assert response.status_code == 303
    assert response.headers["Location"].startswith("/") and not response.headers[
        "Location"
    ].startswith("//")
    assert "Set-Cookie" not in response.headers


# -- what is translated, what is not --------------------------------------------------------------


def test_error_pages_and_flash_messages_are_translated(client, factory, session):
    rostock = factory.tenant("rostock", short_name="Rostock")
    editor = factory.user(rostock, Role.EDITOR)
    session.commit()
    client.get("/?lang=en")
    missing = client.get("/gibt-es-nicht").get_data(as_text=True)
    assert "Page not found" in missing and "Seite nicht gefunden" not in missing
    factory.login(client, editor)
    home = client.get("/").get_data(as_text=True)
    assert f"Welcome, {editor.display_name}!" in home


def _german_words(html: str) -> list[str]:
    text = _visible_text(html)
    return sorted(
        {
            word
            for word in re.findall(r"[^\W\d_]+", text)
            if word not in PROPER_NAMES
            and (word.casefold() in GERMAN_MARKERS or GERMAN_LETTERS.search(word))
        }
    )


def test_administration_forms_answer_in_english(client, factory, session):
    rostock = factory.tenant("rostock", short_name="Rostock", official_name="City of Rostock")
    admin = factory.user(rostock, Role.ADMIN)
    reader = factory.user(rostock, Role.READER)
    hub_admin = factory.user(hub_admin=True)
    session.commit()
    client.get("/?lang=en")
    factory.login(client, admin)
    members = "/verwaltung/rostock/mitglieder"

    invalid = client.post(
        "/verwaltung/rostock/einladungen",
        data={
            "email": "not-an-address",
            "role": "editor",
            "csrf_token": csrf_token(client, members),
        },
    )
    assert invalid.status_code == 422
    page = invalid.get_data(as_text=True)
    assert "Please enter a valid email address." in page
    assert _german_words(page) == []

    wrong_role = client.post(
        f"/verwaltung/rostock/mitglieder/{reader.id}/rolle",
        data={"role": "emperor", "csrf_token": csrf_token(client, members)},
    )
    assert wrong_role.status_code == 422
    assert "Please choose a role." in wrong_role.get_data(as_text=True)

    changed = client.post(
        f"/verwaltung/rostock/mitglieder/{reader.id}/rolle",
        data={"role": "editor", "csrf_token": csrf_token(client, members)},
        follow_redirects=True,
    )
    page = changed.get_data(as_text=True)
    assert f"{reader.display_name} now has the role" in page
    assert _german_words(page) == []

    settings = "/verwaltung/rostock/einstellungen"
    pale = client.post(
        settings,
        data={
            "short_name": "Rostock",
            "colour": "#ffff00",
            "csrf_token": csrf_token(client, settings),
        },
    )
    assert pale.status_code == 422
    assert _german_words(pale.get_data(as_text=True)) == []

    client.post("/abmelden", data={"csrf_token": csrf_token(client, "/")})
    factory.login(client, hub_admin)
    new_tenant = "/verwaltung/hub/organisationen/neu"
    taken = client.post(
        new_tenant,
        data={
            "slug": "rostock",
            "official_name": "Another Rostock",
            "short_name": "Other",
            "kind": "city",
            "colour": "#1d4e89",
            "csrf_token": csrf_token(client, new_tenant),
        },
    )
    assert taken.status_code == 422
    page = taken.get_data(as_text=True)
    assert 'id="slug-error"' in page, "the taken short code is reported beside its field"
    assert _german_words(page) == []


def test_content_keeps_its_language_and_dates_follow_the_interface(client, factory, session):
    rostock = factory.tenant("rostock", short_name="Rostock")
    event = factory.entry(rostock, kind=EntryKind.EVENT, title="Smart-City-Werkstatt")
    english = factory.entry(rostock, title="Parking sensors", language="en")
    session.commit()

    german = client.get(f"/t/rostock/{event.slug}").get_data(as_text=True)
    assert "12.05.2026, 09:00 bis 17:00 Uhr" in german

    client.get("/?lang=en")
    page = client.get(f"/t/rostock/{event.slug}").get_data(as_text=True).replace("\u202f", " ")
    assert "Smart-City-Werkstatt" in page  # content is not translated
    # English dates in the European form (issue #17), not "May 12, 2026, 9:00 AM".
    assert "12 May 2026, 09:00 to 17:00" in page and "Uhr" not in page
    entry_page = client.get(f"/t/rostock/{english.slug}").get_data(as_text=True)
    assert '<article class="entry" data-tenant="rostock" lang="en">' in entry_page


def test_compiled_catalogue_matches_its_source():
    """The committed .mo is what `pybabel compile` makes of the committed .po."""
    if not MO_FILE.exists():
        pytest.fail(f"{MO_FILE} is missing: run `pybabel compile -d hanse_hub/translations`")

    def key(value):
        return tuple(value) if isinstance(value, list | tuple) else value

    with PO_FILE.open("rb") as fh:
        source = {key(m.id): key(m.string) for m in read_po(fh) if m.id and not m.fuzzy}
    with MO_FILE.open("rb") as fh:
        compiled = {key(m.id): key(m.string) for m in read_mo(fh) if m.id}
    assert compiled == source, "messages.mo is out of date: run `make translations`"


def test_every_message_has_an_english_translation():
    with PO_FILE.open("rb") as fh:
        catalogue = read_po(fh)
    untranslated = [
        m.id for m in catalogue if m.id and (m.fuzzy or not all(m.string or [""]) or not m.string)
    ]
    assert not untranslated, f"untranslated or fuzzy messages: {untranslated}"


# -- crawl ---------------------------------------------------------------------------------------


def _crawl(client) -> dict:
    """Every same-site page reachable from / (GET only); returns problems found on the way."""
    phrases = _german_ui_phrases()
    found = {"broken": [], "german": [], "headers": [], "pages": 0}
    for visit in crawl(client, limit=CRAWL_LIMIT):
        response = visit.response
        found["pages"] += 1
        missing = [h for h in SECURITY_HEADERS if h not in response.headers]
        if missing:
            found["headers"].append((visit.url, missing))
        if response.status_code >= 400:
            found["broken"].append((visit.url, response.status_code, visit.referrer))
        elif response.status_code == 200 and response.mimetype == "text/html":
            html = response.get_data(as_text=True)
            text = _visible_text(html)
            german = [phrase for phrase in phrases if phrase in text] + _german_words(html)
            if german:
                found["german"].append((visit.url, german))
    return found


@pytest.mark.slow_on_postgresql
@pytest.mark.parametrize("role", ROLES)
def test_crawl_in_english_finds_no_broken_link_and_no_german_ui_text(
    client, factory, session, role
):
    people = seed_small_hub(factory)
    session.commit()
    if role != "anonymous":
        factory.login(client, people[role])
    client.get("/?lang=en")

    found = _crawl(client)

    assert found["pages"] > 10, "the crawl reached too few pages to mean anything"
    assert not found["broken"], f"broken links (url, status, found on): {found['broken']}"
    assert not found["headers"], f"responses without security headers: {found['headers']}"
    assert not found["german"], f"German interface text on English pages: {found['german']}"
