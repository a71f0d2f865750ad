"""The real hub on a free local port, and Debian's Chromium driven by Playwright.

Shared by the browser tests (``conftest.py`` beside this file) and ``make screenshots``
(``bench/screenshots.py``). ``playwright install`` cannot download browsers on our machines,
so Playwright drives the system's Chromium (``apt-get install chromium``).
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import flask_migrate
from flask import Flask, url_for
from werkzeug.serving import WSGIRequestHandler, make_server

from hanse_hub import PROJECT_ROOT, create_app
from hanse_hub.content.models import Entry, EntryKind, EntryStatus
from hanse_hub.content.services import visible_entries
from hanse_hub.database import write_transaction
from hanse_hub.demo.seed import DEMO_EMAIL_DOMAIN, demo_email, seed_demo
from hanse_hub.extensions import db
from hanse_hub.policy import Actor

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
AXE_SCRIPT = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
DEMO_PASSWORD = "Browser-Test-Passwort-2026"
EDITOR_ROSTOCK = demo_email("rostock", "editor")
ADMIN_ROSTOCK = demo_email("rostock", "admin")
READER_ROSTOCK = demo_email("rostock", "reader")
HUB_ADMIN = f"hubadmin@{DEMO_EMAIL_DOMAIN}"
PARKING_SOLUTION = "Parkraummanagement mit Bodensensoren"
VIEWPORT = {"width": 1280, "height": 900}
# Enough for a page of the demo hub on a slow CI machine; a hanging test fails in seconds.
TIMEOUT_MS = 10_000
PLAYWRIGHT_MISSING = "Playwright for Python is not installed (pip install -e '.[dev]')"


def browser_unavailable_reason() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return PLAYWRIGHT_MISSING
    if not CHROMIUM.is_file():
        return f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
    return None


def axe_unavailable_reason() -> str | None:
    if not AXE_SCRIPT.is_file():
        hint = "run `make assets`" if shutil.which("npm") else "install Node.js and npm"
        return f"axe-core is not installed at {AXE_SCRIPT}: {hint}"
    return None


class _QuietRequestHandler(WSGIRequestHandler):
    """Keeps the request log out of test output; errors are still logged."""

    def log_request(self, *args, **kwargs) -> None:
        pass


@dataclass(frozen=True)
class LiveHub:
    """The running demo hub: its address, and the app for building paths with ``url_for``."""

    url: str
    app: Flask

    def path(self, endpoint: str, **values) -> str:
        with self.app.test_request_context():
            return url_for(endpoint, **values)


def demo_entry(hub: LiveHub, kind: EntryKind, title: str | None = None) -> tuple[int, str]:
    """The id and path of a public, published, German demo entry of ``kind`` (and ``title``)."""
    with hub.app.app_context():
        query = visible_entries(Actor(), kind=kind, status=EntryStatus.PUBLISHED)
        query = query.where(Entry.language == "de")
        if title:
            query = query.where(Entry.title == title)
        entry = db.session.scalars(query.limit(1)).first()
        assert entry is not None, f"the demo hub has no public {title or kind.value!r} entry"
        tenant_slug, slug, entry_id = entry.tenant.slug, entry.slug, entry.id
    return entry_id, hub.path("content.entry_page", tenant_slug=tenant_slug, slug=slug)


@contextmanager
def live_hub(data_dir: Path) -> Iterator[LiveHub]:
    """Serve a freshly migrated demo hub (SQLite in ``data_dir``) on 127.0.0.1 until exit."""
    app = create_app(
        {
            "HANSE_ENV": "testing",
            "HANSE_RATE_LIMITS": "off",
            "HANSE_DATA_DIR": str(data_dir),
            "HANSE_DATABASE_URL": f"sqlite:///{data_dir / 'hub.sqlite'}",
        }
    )
    with app.app_context():
        flask_migrate.upgrade()
        with write_transaction():
            seed_demo(fixed_password=DEMO_PASSWORD)
        db.session.remove()
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=_QuietRequestHandler)
    thread = threading.Thread(target=server.serve_forever, name="live-hub", daemon=True)
    thread.start()
    try:
        yield LiveHub(url=f"http://127.0.0.1:{server.server_port}", app=app)
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()
        with app.app_context():
            db.engine.dispose()


@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's Chromium, headless, launched through Playwright."""
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def log_in(page: Page, email: str, password: str = DEMO_PASSWORD) -> None:
    """Log in through the login form, as a person would; fails unless the login succeeded."""
    from playwright.sync_api import expect

    page.goto("/anmelden")
    page.get_by_label("E-Mail").fill(email)
    page.get_by_label("Passwort").fill(password)
    page.get_by_role("button", name="Anmelden", exact=True).click()
    expect(page.get_by_role("button", name="Abmelden")).to_be_visible()


# The main pages, as shown in the README: file name -> path on the demo hub.
SCREENSHOTS: dict[str, Callable[[LiveHub], str]] = {
    "home.png": lambda hub: "/",
    "search.png": lambda hub: "/suche?q=Parkplätze+Sensoren",
    "city.png": lambda hub: hub.path("web.tenant_page", slug="rostock"),
    "solution.png": lambda hub: demo_entry(hub, EntryKind.SOLUTION, PARKING_SOLUTION)[1],
    "login.png": lambda hub: hub.path("accounts.login"),
}


# The same at a phone's width (390×844): the search and a solution.
PHONE_VIEWPORT = {"width": 390, "height": 844}
PHONE_SCREENSHOTS: dict[str, Callable[[LiveHub], str]] = {
    "search-phone.png": SCREENSHOTS["search.png"],
    "solution-phone.png": SCREENSHOTS["solution.png"],
}


def take_screenshots(browser: Browser, hub: LiveHub, folder: Path) -> list[Path]:
    """PNGs of the main pages at 1280×900 and a pair at 390×844, as an anonymous visitor sees
    them, into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for viewport, shots in ((VIEWPORT, SCREENSHOTS), (PHONE_VIEWPORT, PHONE_SCREENSHOTS)):
        context = browser.new_context(base_url=hub.url, viewport=viewport, locale="de-DE")
        context.set_default_timeout(TIMEOUT_MS)
        try:
            page = context.new_page()
            for name, path in shots.items():
                page.goto(path(hub))
                page.evaluate("document.fonts.ready.then(() => true)")
                page.screenshot(path=folder / name, animations="disabled", caret="hide")
                written.append(folder / name)
        finally:
            context.close()
    return written
