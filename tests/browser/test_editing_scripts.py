"""The editing forms in a real browser: what ``editing.js`` adds on top of the plain forms.

Uses the demo hub and the Chromium of ``tests/browser/conftest.py`` (one Playwright per
process: a second one in the same thread fails to start).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from tests.browser.harness import (
    EDITOR_ROSTOCK,
    TIMEOUT_MS,
    VIEWPORT,
    browser_unavailable_reason,
    log_in,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        browser_unavailable_reason() is not None, reason=str(browser_unavailable_reason())
    ),
]


@pytest.fixture
def editor_page(browser, hub):
    context = browser.new_context(base_url=hub.url, viewport=VIEWPORT, locale="de-DE")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    log_in(page, EDITOR_ROSTOCK)
    yield page
    context.close()


def test_preview_button_shows_sanitised_markdown_without_leaving_the_form(editor_page, hub):
    from playwright.sync_api import expect

    page = editor_page
    form_path = hub.path("editing.create_entry", tenant_slug="rostock", kind_slug="erfahrung")
    page.goto(form_path)
    page.get_by_label(re.compile(r"^Titel")).fill("Vorschau im Browser")
    page.get_by_label(re.compile(r"^Beschreibung")).fill(
        "## Ablauf\n\n**fett** <script>window.injected = 1</script>"
    )
    posts = []
    page.on(
        "request",
        lambda request: (
            request.method == "POST"
            and posts.append((urlsplit(request.url).path, request.headers.get("x-csrftoken")))
        ),
    )
    page.get_by_role("button", name="Vorschau").click()

    preview = page.get_by_role("region", name="Vorschau")
    expect(preview.locator("strong")).to_have_text("fett")
    expect(preview).to_be_focused()
    assert page.evaluate("window.injected") is None
    assert [path for path, _ in posts] == ["/vorschau"]  # the form itself was not sent
    assert posts[0][1]  # with the CSRF token in the X-CSRFToken header
    expect(page.get_by_label(re.compile(r"^Titel"))).to_have_value("Vorschau im Browser")


def test_after_a_failed_save_the_error_summary_has_focus_and_links_to_the_field(editor_page, hub):
    from playwright.sync_api import expect

    page = editor_page
    page.goto(hub.path("editing.create_entry", tenant_slug="rostock", kind_slug="loesung"))
    page.get_by_role("button", name="Speichern").click()
    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    summary.get_by_role("link", name=re.compile(r"^Titel:")).click()
    expect(page.get_by_label(re.compile(r"^Titel"))).to_be_focused()


def test_a_preview_after_a_failed_save_clears_the_errors_of_fixed_fields(editor_page, hub):
    from playwright.sync_api import expect

    page = editor_page
    page.goto(hub.path("editing.create_entry", tenant_slug="rostock", kind_slug="erfahrung"))
    page.get_by_role("button", name="Speichern").click()
    title = page.get_by_label(re.compile(r"^Titel"))
    expect(title).to_have_attribute("aria-invalid", "true")
    summary = page.get_by_role("alert")
    expect(summary.get_by_role("link", name=re.compile(r"^Titel:"))).to_be_visible()

    title.fill("Jetzt mit Titel")
    page.get_by_label(re.compile(r"^Beschreibung")).fill("Etwas Text")
    page.get_by_role("button", name="Vorschau").click()
    expect(page.get_by_role("region", name="Vorschau")).to_be_focused()
    expect(title).not_to_have_attribute("aria-invalid", "true")
    expect(page.locator("#title-error")).to_have_count(0)
    expect(page.get_by_role("link", name=re.compile(r"^Titel:"))).to_have_count(0)


def test_the_editing_form_lists_its_sections_and_keeps_its_actions_in_reach(editor_page, hub):
    from playwright.sync_api import expect

    page = editor_page
    page.goto(hub.path("editing.create_entry", tenant_slug="rostock", kind_slug="loesung"))
    toc = page.get_by_role("navigation", name="Abschnitte des Formulars")
    toc.get_by_role("link", name="Einordnung").click()
    expect(page.get_by_role("heading", name="Einordnung")).to_be_in_viewport()
    # Far down the long form, at the top of the page, "Entwurf speichern", "Vorschau" and
    # "Veröffentlichen" stay on screen.
    page.evaluate("window.scrollTo(0, 0)")
    for action in ("Entwurf speichern", "Vorschau", "Veröffentlichen"):
        expect(page.get_by_role("button", name=action, exact=True)).to_be_in_viewport()


def test_publish_in_the_editor_saves_and_publishes_with_the_script_running(editor_page, hub):
    from playwright.sync_api import expect

    page = editor_page
    page.goto(hub.path("editing.create_entry", tenant_slug="rostock", kind_slug="erfahrung"))
    page.get_by_label(re.compile(r"^Titel")).fill("Gleich veröffentlicht")
    page.get_by_role("button", name="Veröffentlichen", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gleich veröffentlicht")
    expect(page.get_by_text("„Gleich veröffentlicht“ ist veröffentlicht.")).to_be_visible()
    # Published: the entry page offers no "Veröffentlichen" any more.
    expect(page.get_by_role("button", name="Veröffentlichen", exact=True)).to_have_count(0)


def test_the_people_picker_suggests_people_and_ticks_the_chosen_one(editor_page, hub):
    from playwright.sync_api import expect

    page = editor_page
    page.goto(hub.path("editing.create_entry", tenant_slug="rostock", kind_slug="loesung"))
    assert page.locator('input[name="contact_ids"]').count() == 0  # nobody listed up front
    search = page.get_by_role("combobox", name=re.compile(r"^Person suchen"))
    search.fill("Brockm")
    option = page.get_by_role("option", name=re.compile(r"^Svenja Brockmann"))
    expect(option).to_be_visible()
    search.press("ArrowDown")
    search.press("Enter")
    chosen = page.get_by_role("checkbox", name=re.compile(r"^Svenja Brockmann"))
    expect(chosen).to_be_checked()
    expect(search).to_have_value("")
    expect(page).to_have_url(re.compile(r"/neu/loesung$"))  # the form was not left
