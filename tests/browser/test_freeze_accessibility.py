"""axe-core with the read-only banner: a frozen hub's pages have no WCAG 2.1 A/AA violations."""

from __future__ import annotations

import pytest

from hanse_hub.content.models import EntryKind
from tests.browser.harness import (
    EDITOR_ROSTOCK,
    PLAYWRIGHT_MISSING,
    axe_unavailable_reason,
    demo_entry,
)
from tests.browser.test_accessibility import axe_violations, describe

pytest.importorskip("playwright.sync_api", reason=PLAYWRIGHT_MISSING)

pytestmark = pytest.mark.skipif(
    axe_unavailable_reason() is not None, reason=str(axe_unavailable_reason())
)


@pytest.fixture
def frozen(hub):
    """The live hub frozen by its setting (HANSE_READ_ONLY) for the length of one test."""
    hub.app.config["HANSE_READ_ONLY"] = True
    yield hub
    hub.app.config["HANSE_READ_ONLY"] = False


@pytest.mark.parametrize("language", ["de", "en"])
def test_frozen_pages_with_the_banner_have_no_axe_violations(
    frozen, new_context, logged_in, language
):
    entry = demo_entry(frozen, EntryKind.SOLUTION)[1]
    paths = ["/", entry, "/suche?q=Parkplätze", frozen.path("web.tenant_page", slug="rostock")]
    for user in (None, EDITOR_ROSTOCK):
        context = new_context(storage_state=logged_in(user)) if user else new_context()
        page = context.new_page()
        for path in paths:
            page.goto(f"{path}{'&' if '?' in path else '?'}lang={language}")
            banner = page.locator(".freeze-banner")
            assert banner.count() == 1, path
            assert ("Nur Lesebetrieb" if language == "de" else "Read-only") in banner.inner_text()
            violations = axe_violations(page)
            assert not violations, describe(violations, f"{path} ({language}, {user})")
