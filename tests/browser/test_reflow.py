"""Phones: no page is wider than the screen at 320 and 390 CSS pixels (WCAG 1.4.10 reflow),
the header collapses into a menu button, and search results come before the filters.

``make test`` checks a few representative pages (the search page, an entry page with a long
repository URL, the widest tables); the crawl over every page type of the accessibility test
per role and width is ``@pytest.mark.slow`` (``make test-long``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from hanse_hub.content.models import EntryKind
from tests.browser.harness import (
    ADMIN_ROSTOCK,
    EDITOR_ROSTOCK,
    PARKING_SOLUTION,
    PLAYWRIGHT_MISSING,
    TIMEOUT_MS,
    demo_entry,
)
from tests.browser.test_accessibility import PAGE_TYPES, PageType

if TYPE_CHECKING:
    from playwright.sync_api import Page

expect = pytest.importorskip("playwright.sync_api", reason=PLAYWRIGHT_MISSING).expect

SMALLEST = {"width": 320, "height": 640}
PHONE = {"width": 390, "height": 844}
SEARCH = "/suche?q=Parkplätze+Sensoren"
ROLES = {"visitor": None, "editor": EDITOR_ROSTOCK, "admin": ADMIN_ROSTOCK}
# Pages only some roles reach, beyond the accessibility test's page types.
EXTRA_PAGE_TYPES = [
    PageType("drafts", lambda hub: hub.path("editing.my_drafts"), EDITOR_ROSTOCK),
    PageType("trash", lambda hub: hub.path("editing.trash", tenant_slug="rostock"), ADMIN_ROSTOCK),
    PageType("audit log", lambda hub: hub.path("admin.audit"), ADMIN_ROSTOCK),
    PageType(
        "history",
        lambda hub: hub.path(
            "editing.history", entry_id=demo_entry(hub, EntryKind.SOLUTION, PARKING_SOLUTION)[0]
        ),
    ),
]

OVERFLOW = """() => {
  const width = innerWidth;
  const wide = [...document.querySelectorAll("body *")]
    .filter((element) => element.getBoundingClientRect().right > width + 0.5)
    .filter((element) => !element.closest(".visually-hidden, .kern-sr-only, .skip-link"))
    .slice(0, 5)
    .map((element) => element.tagName.toLowerCase() + "." + element.className + " "
         + Math.round(element.getBoundingClientRect().right) + "px");
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth: width, wide: wide};
}"""


def assert_fits(page: Page, where: str) -> None:
    measured = page.evaluate(OVERFLOW)
    assert measured["scrollWidth"] <= measured["innerWidth"], (
        f"{where} is {measured['scrollWidth']} px wide at {measured['innerWidth']} px; "
        f"wider elements: {measured['wide']}"
    )


@pytest.fixture
def phone_page(browser, hub, logged_in):
    """``phone_page(viewport, user=None, javascript=True)``: a fresh page at phone width."""
    contexts = []

    def open_page(viewport: dict, user: str | None = None, javascript: bool = True) -> Page:
        context = browser.new_context(
            base_url=hub.url,
            viewport=viewport,
            locale="de-DE",
            storage_state=logged_in(user) if user else None,
            java_script_enabled=javascript,
        )
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.mark.parametrize("viewport", [SMALLEST, PHONE], ids=["320px", "390px"])
def test_search_page_shows_the_first_result_without_scrolling_and_filters_behind_a_button(
    phone_page, viewport
):
    page = phone_page(viewport)
    page.goto(SEARCH)
    assert_fits(page, "the search page")
    first = page.locator("article.hit").first
    box = first.locator("h3 a").bounding_box()
    assert box is not None and box["y"] + box["height"] <= viewport["height"], box
    filters = page.get_by_text(re.compile(r"^Filter \(0\)$"))
    expect(filters).to_be_visible()
    city_facet = page.get_by_role("complementary").get_by_role("link", name="Rostock")
    expect(city_facet).to_be_hidden()
    filters.click()
    expect(city_facet).to_be_visible()
    city_facet.click()
    expect(page.get_by_text(re.compile(r"^Filter \(1\)$"))).to_be_visible()


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_header_collapses_into_a_menu_button_on_phones(phone_page, javascript):
    page = phone_page(SMALLEST, javascript=javascript)
    page.goto("/")
    events = page.get_by_role("navigation", name="Hauptnavigation").get_by_role(
        "link", name="Veranstaltungen"
    )
    expect(events).to_be_hidden()
    menu = page.locator("summary", has_text="Menü")
    expect(menu).to_be_visible()
    menu.click()
    expect(events).to_be_visible()
    assert_fits(page, "the home page with the menu open")
    if javascript:
        page.keyboard.press("Escape")
        expect(events).to_be_hidden()
        expect(menu).to_be_focused()
    else:
        events.click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Veranstaltungen")


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_header_navigation_is_shown_in_full_on_wide_screens(new_context, javascript):
    page = new_context(java_script_enabled=javascript).new_page()
    page.goto("/")
    expect(page.locator("summary", has_text="Menü")).to_be_hidden()
    expect(
        page.get_by_role("navigation", name="Hauptnavigation").get_by_role(
            "link", name="Veranstaltungen"
        )
    ).to_be_visible()


def test_entry_page_and_wide_tables_fit_a_320_pixel_screen(phone_page, hub):
    """The parking solution has a long repository URL; members and drafts are wide tables."""
    page = phone_page(SMALLEST, ADMIN_ROSTOCK)
    for path in (
        demo_entry(hub, EntryKind.SOLUTION, PARKING_SOLUTION)[1],
        hub.path("admin.tenant_members", slug="rostock"),
        hub.path("editing.my_drafts"),
    ):
        page.goto(path)
        assert_fits(page, path)


def _crawl_params():
    for role, user in ROLES.items():
        for page_type in [*PAGE_TYPES, *EXTRA_PAGE_TYPES]:
            if page_type.user and page_type.user != user:
                continue  # a page for someone else (e.g. a hub admin's)
            if user and page_type.name.startswith(("login", "forgot")):
                continue  # logged in, these pages send one on
            yield pytest.param(role, page_type, id=f"{role}-{page_type.name}")


@pytest.mark.slow
@pytest.mark.parametrize(("role", "page_type"), list(_crawl_params()))
def test_every_page_type_fits_phone_widths(phone_page, hub, role, page_type):
    for viewport in (SMALLEST, PHONE):
        page = phone_page(viewport, ROLES[role])
        page.goto(page_type.path(hub))
        if page_type.then:
            page_type.then(page)
        assert_fits(page, f"{page_type.name} as {role} at {viewport['width']} px")


# Pages this issue changed, checked by axe-core at phone width (the desktop check of every page
# type, in both languages, is test_accessibility.py in make test).
CHANGED_PAGE_TYPES = (
    "home",
    "search results",
    "city",
    "topic",
    "solution entry",
    "lesson entry",
    "event entry",
    "compare",
    "about",
    "members",
    "create form",
    "edit form",
)


@pytest.mark.slow
@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("name", CHANGED_PAGE_TYPES)
def test_changed_pages_have_no_wcag_violations_at_phone_width(phone_page, hub, name, language):
    from tests.browser.test_accessibility import _switch_to_english, axe_violations, describe

    page_type = next(page_type for page_type in PAGE_TYPES if page_type.name == name)
    page = phone_page(PHONE, page_type.user)
    if language == "en":
        _switch_to_english(page)
    page.goto(page_type.path(hub))
    page.get_by_text(re.compile(r"^(Menü|Menu)$")).click()  # the open menu is checked too
    violations = axe_violations(page)
    assert not violations, describe(violations, f"{name} ({language}) at 390 px")
