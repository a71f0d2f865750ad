"""The "Steckbrief": a one-page PDF profile of a solution or a lesson learned, for a council or
committee – the hub's and the city's name, the title, the facts, the contact and the permalink.

Drawn with fpdf2 (already used for the demo's files) in its built-in Helvetica, so that no font
file has to ship or be installed. Those fonts cover Latin-1 (German included); typographic
characters beyond it are written as their plain equivalents ("€" as "EUR"). Long texts are
shortened until the profile fits on one page; the permalink leads to the whole entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flask import current_app, url_for
from flask_babel import gettext as _
from fpdf import FPDF
from slugify import slugify

from hanse_hub.content.models import Adoption, Entry, EntryKind, LessonLearned, Solution
from hanse_hub.content.services import related_entries
from hanse_hub.labels import ADOPTION_LABELS, KIND_LABELS, MATURITY_LABELS, interface_language
from hanse_hub.policy import Actor

HUB_NAME = "Smarte Hanse – Wissensplattform"
PLAIN = {
    "€": "EUR",
    "–": "-",
    "—": "-",
    "„": '"',
    "“": '"',
    "”": '"',
    "‚": "'",
    "‘": "'",
    "’": "'",
    "…": "...",
    "•": "-",
    "\u202f": " ",
    "\u00a0": " ",
}
# Markdown the profile leaves out (it is plain text): heading marks and strong emphasis; a
# single "*" stays, as in "Bürger*innen".
MARKDOWN = re.compile(r"^\s*#+\s+|\*\*|__", re.MULTILINE)
# Characters per text section, tried from the first until the profile fits one page.
SECTION_LIMITS = (900, 600, 400, 250, 150)
# Kinds with a "Steckbrief".
PROFILE_KINDS = (EntryKind.SOLUTION, EntryKind.LESSON)


@dataclass(frozen=True)
class ProfileFacts:
    """What the entry page's facts box shows, as the viewer may see it."""

    contacts: list[Entry]
    adoptions: list[Adoption]


def latin1(text: str) -> str:
    for character, plain in PLAIN.items():
        text = text.replace(character, plain)
    return text.encode("latin-1", "replace").decode("latin-1")


def shorten(text: str, limit: int) -> str:
    """``text`` as one paragraph of plain text, cut after at most ``limit`` characters."""
    text = " ".join(MARKDOWN.sub("", text or "").split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + " ..."


def _facts(entry: Entry, facts: ProfileFacts) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = [(_("Organisation"), entry.tenant.official_name)]
    if isinstance(entry, Solution):
        rows.append((_("Reifegrad"), str(MATURITY_LABELS[entry.maturity])))
        if entry.costs:
            rows.append((_("Kosten"), entry.costs))
        if entry.software_licence:
            rows.append((_("Software-Lizenz"), entry.software_licence))
        if entry.repository_url:
            rows.append((_("Quellcode"), entry.repository_url))
        if entry.technologies:
            rows.append((_("Technologien"), ", ".join(entry.technologies)))
        in_use = [
            f"{adoption.tenant.short_name}: {ADOPTION_LABELS[adoption.status]}"
            for adoption in facts.adoptions
        ]
        rows.append((_("Im Einsatz"), "; ".join([entry.tenant.short_name, *in_use])))
    if isinstance(entry, LessonLearned) and entry.solutions:
        rows.append((_("Betrifft"), ", ".join(solution.title for solution in entry.solutions)))
    contacts = []
    for contact in facts.contacts:
        parts = [getattr(contact, "person_name", "") or contact.title]
        parts += [value for value in (getattr(contact, "email", ""), getattr(contact, "phone", ""))]
        contacts.append(", ".join(part for part in parts if part))
    if contacts:
        rows.append((_("Ansprechpersonen"), "; ".join(contacts)))
    if entry.topics:
        language = interface_language()
        rows.append((_("Handlungsfelder"), ", ".join(t.name(language) for t in entry.topics)))
    rows.append((_("Lizenz der Inhalte"), entry.licence))
    return rows


def _sections(entry: Entry) -> list[tuple[str, str]]:
    if isinstance(entry, Solution):
        named = [
            (_("Problem"), entry.problem),
            (_("Lösungsansatz"), entry.approach),
            (_("Übertragbarkeit"), entry.transferability),
        ]
    elif isinstance(entry, LessonLearned):
        named = [
            (_("Ausgangslage"), entry.context),
            (_("Was funktioniert hat"), entry.what_worked),
            (_("Was nicht funktioniert hat"), entry.what_did_not_work),
            (_("Empfehlungen"), entry.recommendations),
        ]
    else:
        named = [(_("Beschreibung"), entry.body)]
    return [(title, text) for title, text in named if (text or "").strip()]


def _draw(entry: Entry, facts: ProfileFacts, permalink: str, limit: int) -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    pdf.set_margins(18, 15, 18)
    pdf.set_title(latin1(entry.title))
    pdf.set_author(latin1(entry.tenant.official_name))
    pdf.set_creator(latin1(HUB_NAME))
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.set_font("Helvetica", size=9)
    pdf.set_text_color(70, 70, 70)
    kind = str(KIND_LABELS[entry.kind][0])
    pdf.multi_cell(width, 4.5, latin1(f"{HUB_NAME} | {entry.tenant.short_name} | {kind}"))
    pdf.ln(2)
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("Helvetica", "B", 17)
    pdf.multi_cell(width, 8, latin1(entry.title))
    if entry.summary:
        pdf.ln(1)
        pdf.set_font("Helvetica", size=10.5)
        pdf.multi_cell(width, 5.2, latin1(shorten(entry.summary, limit)))
    pdf.ln(3)
    key_width = 42
    for key, value in _facts(entry, facts):
        pdf.set_font("Helvetica", "B", 9.5)
        y = pdf.get_y()
        pdf.multi_cell(key_width, 4.8, latin1(key))
        key_end = pdf.get_y()
        pdf.set_xy(pdf.l_margin + key_width, y)
        pdf.set_font("Helvetica", size=9.5)
        pdf.multi_cell(width - key_width, 4.8, latin1(shorten(value, limit)))
        pdf.set_y(max(key_end, pdf.get_y()) + 0.8)
    for title, text in _sections(entry):
        pdf.ln(2)
        pdf.set_font("Helvetica", "B", 11.5)
        pdf.multi_cell(width, 6, latin1(title))
        pdf.set_font("Helvetica", size=10)
        pdf.multi_cell(width, 4.8, latin1(shorten(text, limit)))
    pdf.ln(3)
    pdf.set_font("Helvetica", size=9)
    pdf.multi_cell(width, 4.5, latin1(_("Vollständiger Eintrag: %(url)s", url=permalink)))
    return pdf


def render_profile(entry: Entry, facts: ProfileFacts, permalink: str) -> bytes:
    """The profile as PDF bytes: one page, shortening the texts as far as needed."""
    for limit in SECTION_LIMITS:
        pdf = _draw(entry, facts, permalink, limit)
        if pdf.pages_count == 1:
            break
    return bytes(pdf.output())


def permalink(entry: Entry) -> str:
    """The entry's address for print and PDF: the public base address when one is set."""
    path = url_for("content.entry_page", tenant_slug=entry.tenant.slug, slug=entry.slug)
    base_url = current_app.config.get("HANSE_BASE_URL")
    return (
        base_url + path
        if base_url
        else url_for(
            "content.entry_page", tenant_slug=entry.tenant.slug, slug=entry.slug, _external=True
        )
    )


def entry_profile(actor: Actor, entry: Entry) -> bytes:
    """The "Steckbrief" of ``entry`` (a solution or lesson ``actor`` may see) as PDF bytes,
    with only the contacts and adoptions ``actor`` may see. The web page's link and the API
    both call this. Other kinds: ``ValueError``."""
    if entry.kind not in PROFILE_KINDS:
        raise ValueError(f"no profile for a {entry.kind}")
    related = related_entries(actor, entry)  # only what this viewer may see
    facts = ProfileFacts(
        contacts=related.get("contacts", []), adoptions=related.get("adoptions", [])
    )
    return render_profile(entry, facts, permalink(entry))


def profile_filename(entry: Entry) -> str:
    return f"steckbrief-{slugify(entry.title)[:60] or entry.id}.pdf"
