"""Print: every kind of entry page, and the comparison, print without the site's navigation
and with the address to come back to (the print stylesheet in hub.css, issue #17)."""

from __future__ import annotations

import pytest

from hanse_hub.content.models import EntryKind
from hanse_hub.content.services import visible_entries
from hanse_hub.extensions import db
from hanse_hub.policy import Actor
from tests.browser.harness import PARKING_SOLUTION, PLAYWRIGHT_MISSING, demo_entry

expect = pytest.importorskip("playwright.sync_api", reason=PLAYWRIGHT_MISSING).expect


def test_entry_pages_of_every_kind_and_the_comparison_print_without_navigation(new_context, hub):
    page = new_context().new_page()
    page.emulate_media(media="print")
    parking_id, parking = demo_entry(hub, EntryKind.SOLUTION, PARKING_SOLUTION)
    paths = [parking] + [demo_entry(hub, kind)[1] for kind in EntryKind if kind != "solution"]
    with hub.app.app_context():
        other_id = next(
            solution.id
            for solution in db.session.scalars(visible_entries(Actor(), kind=EntryKind.SOLUTION))
            if solution.id != parking_id
        )
    paths.append(hub.path("content.compare", l=[parking_id, other_id]))
    for path in paths:
        page.goto(path)
        expect(page.locator(".site-header"), path).to_be_hidden()
        expect(page.locator(".site-footer"), path).to_be_hidden()
        expect(page.get_by_role("heading", level=1), path).to_be_visible()
        address = page.get_by_text("Dauerhafte Adresse:")
        expect(address, path).to_be_visible()
        expect(address, path).to_contain_text("http")
    # On screen, the address line is not shown (the page's own URL is in the browser).
    page.emulate_media(media="screen")
    expect(page.get_by_text("Dauerhafte Adresse:")).to_be_hidden()
