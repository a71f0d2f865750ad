"""Browser tests: the real hub in a background thread, a real Chromium in front of it.

Every test here is marked ``browser`` (``pytest -m "not browser"`` leaves them out) and is
skipped, with the reason, where Playwright or Chromium is missing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.harness import (
    TIMEOUT_MS,
    VIEWPORT,
    browser_unavailable_reason,
    chromium,
    live_hub,
    log_in,
)

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    reason = browser_unavailable_reason()
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.browser)
            if reason:
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def hub(tmp_path_factory):
    """The demo hub, seeded once per run, served on 127.0.0.1 at a free port."""
    with live_hub(tmp_path_factory.mktemp("live-hub")) as running:
        yield running


@pytest.fixture(scope="session")
def browser():
    with chromium() as launched:
        yield launched


@pytest.fixture
def new_context(browser, hub):
    """Opens fresh browser contexts (own cookies) on the hub; all are closed after the test."""
    contexts = []

    def open_context(**options):
        options = {"base_url": hub.url, "viewport": VIEWPORT, "locale": "de-DE", **options}
        context = browser.new_context(**options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context

    yield open_context
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    """A page in a fresh context: nobody is logged in."""
    return new_context().new_page()


@pytest.fixture(scope="session")
def logged_in(browser, hub):
    """``logged_in(email)``: cookies of a login through the form, made once per account.

    For tests that only need someone logged in; tests of logging in and out log in themselves.
    """
    states: dict[str, dict] = {}

    def state_of(email: str) -> dict:
        if email not in states:
            # German, like the forms the login helper fills (the hub follows Accept-Language).
            context = browser.new_context(base_url=hub.url, locale="de-DE")
            context.set_default_timeout(TIMEOUT_MS)
            try:
                log_in(context.new_page(), email)
                states[email] = context.storage_state()
            finally:
                context.close()
        return states[email]

    return state_of
