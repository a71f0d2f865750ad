"""The search box's autocomplete (``combobox.js``) in a real Chromium, by keyboard alone.

Uses the demo hub and the Chromium of ``tests/browser/conftest.py``.
"""

from __future__ import annotations

import re

import pytest

from tests.browser.harness import PLAYWRIGHT_MISSING, browser_unavailable_reason

expect = pytest.importorskip("playwright.sync_api", reason=PLAYWRIGHT_MISSING).expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        browser_unavailable_reason() is not None, reason=str(browser_unavailable_reason())
    ),
]


def test_autocomplete_is_a_combobox_operable_by_keyboard_alone(page):
    page.goto("/suche")
    box = page.get_by_role("combobox", name="Suchbegriffe")
    expect(box).to_have_attribute("aria-expanded", "false")
    box.focus()
    page.keyboard.type("Parkr")
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    options = listbox.get_by_role("option")
    expect(options.first).to_contain_text("Parkraummanagement")
    expect(page.get_by_role("status")).to_have_text(
        re.compile(r"^\d+ Vorschläge; mit den Pfeiltasten")
    )
    page.keyboard.press("ArrowDown")
    first_id = options.first.get_attribute("id")
    expect(box).to_have_attribute("aria-activedescendant", first_id)
    expect(options.first).to_have_attribute("aria-selected", "true")
    expect(box).to_be_focused()  # the focus stays in the field
    page.keyboard.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("ArrowDown")  # opens the list again at the first option
    expect(box).to_have_attribute("aria-activedescendant", first_id)
    label = options.first.inner_text()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(label)


def test_without_javascript_the_search_box_is_a_plain_form(new_context):
    page = new_context(java_script_enabled=False).new_page()
    page.goto("/suche")
    box = page.get_by_role("searchbox", name="Suchbegriffe")
    box.fill("Parksensoren")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/suche\?q=Parksensoren"))
    link = page.get_by_role("link", name="Parkraummanagement mit Bodensensoren", exact=True)
    expect(link).to_be_visible()
    expect(page.get_by_role("combobox")).to_have_count(0)
