"""Legal, accessibility and "about" pages whose text each deployment configures.

Every deployment has its own operator, so the imprint, the privacy notice, the accessibility
statement and the page about the platform cannot ship with the code. Each page reads Markdown
from ``HANSE_DATA_DIR/pages/<name>.md`` on every request (a change needs no restart) and
otherwise shows the built-in default from ``templates/web/legal/<name>.md``. Both are rendered
with ``render_markdown``, so an operator's file is sanitised like any entry. A page written in
more than one language (the about page) has a file per further language, ``<name>.en.md``;
the legal texts are German only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from flask import current_app
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from hanse_hub.web.markdown import render_markdown

PAGES_FOLDER = "pages"
DEFAULTS_FOLDER = "web/legal"
MAX_BYTES = 512 * 1024  # far beyond any imprint; keeps a mistaken file from flooding the page
HEADING_TAG = re.compile(r"<(/?)h([2-6])>")


@dataclass(frozen=True)
class LegalPage:
    name: str  # the URL path and the file name
    endpoint: str
    title: str
    languages: tuple[str, ...] = ("de",)  # the first is the language of ``<name>.md``


LEGAL_PAGES = {
    page.name: page
    for page in (
        LegalPage("impressum", "imprint", _l("Impressum")),
        LegalPage("datenschutz", "privacy", _l("Datenschutzerklärung")),
        LegalPage("barrierefreiheit", "accessibility", _l("Erklärung zur Barrierefreiheit")),
        LegalPage("ueber-die-plattform", "about", _l("Über die Plattform"), ("de", "en")),
    )
}


def file_name(page: LegalPage, language: str) -> str:
    """``<name>.md`` in the page's first language, ``<name>.<language>.md`` in the others."""
    return page.name if language == page.languages[0] else f"{page.name}.{language}"


def text_language(page: LegalPage, interface_language: str) -> str:
    """The language the page is shown in: the interface's, where the page has it."""
    return interface_language if interface_language in page.languages else page.languages[0]


def configured_path(name: str) -> Path:
    """Where the operator puts the page's Markdown."""
    return Path(current_app.config["HANSE_DATA_DIR"]) / PAGES_FOLDER / f"{name}.md"


def default_text(name: str) -> str:
    env = current_app.jinja_env
    source, _filename, _uptodate = env.loader.get_source(env, f"{DEFAULTS_FOLDER}/{name}.md")
    return source


def legal_text(name: str, language: str = "de") -> tuple[str, bool]:
    """The page's Markdown in ``language`` (one of the page's languages) and whether the
    operator configured it (False: the default)."""
    if name not in LEGAL_PAGES:
        raise KeyError(name)
    name = file_name(LEGAL_PAGES[name], language)
    path = configured_path(name)
    try:
        with path.open("rb") as file:
            text = file.read(MAX_BYTES).decode("utf-8", errors="replace")
    except FileNotFoundError:
        text = ""
    except OSError:
        current_app.logger.exception("legal page %s: cannot read %s", name, path)
        text = ""
    if text.strip():
        return text, True
    if name == "impressum" and current_app.config.get("HANSE_ENV") == "production":
        current_app.logger.warning(
            "The imprint shows its placeholder: put the operator's imprint into %s", path
        )
    return default_text(name), False


def render_legal(text: str) -> Markup:
    """Sanitised HTML whose first heading level is h2, under the page's h1.

    Operators write "## Kontakt" as readily as "# Kontakt"; either way the headings of the
    page stay in order (WCAG 1.3.1).
    """
    html = str(render_markdown(text))
    levels = [int(level) for _slash, level in HEADING_TAG.findall(html)]
    shift = min(levels, default=2) - 2
    if shift:
        html = HEADING_TAG.sub(
            lambda match: f"<{match.group(1)}h{int(match.group(2)) - shift}>", html
        )
    return Markup(html)  # only tag names changed in the sanitised output
