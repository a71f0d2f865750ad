"""Request context helpers shared by the views of every domain."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from flask import Flask, g
from flask_login import current_user

from hanse_hub.content.models import EntryKind, EntryStatus, Maturity, Visibility
from hanse_hub.policy import Action, Actor, can
from hanse_hub.web.markdown import render_markdown

BERLIN = ZoneInfo("Europe/Berlin")

KIND_LABELS = {
    EntryKind.SOLUTION: ("Lösung", "Lösungen"),
    EntryKind.LESSON: ("Erfahrung", "Erfahrungen"),
    EntryKind.CONTACT: ("Kontakt", "Kontakte"),
    EntryKind.EVENT: ("Veranstaltung", "Veranstaltungen"),
    EntryKind.MATERIAL: ("Material", "Materialien"),
}
VISIBILITY_LABELS = {
    Visibility.PUBLIC: "Öffentlich",
    Visibility.NETWORK: "Im Netzwerk",
    Visibility.INTERNAL: "Intern",
}
STATUS_LABELS = {
    EntryStatus.DRAFT: "Entwurf",
    EntryStatus.PUBLISHED: "Veröffentlicht",
    EntryStatus.ARCHIVED: "Archiviert",
}
MATURITY_LABELS = {
    Maturity.IDEA: "Idee",
    Maturity.PILOT: "Pilotphase",
    Maturity.IN_OPERATION: "Im Betrieb",
    Maturity.DISCONTINUED: "Eingestellt",
}
ADOPTION_LABELS = {
    "evaluating": "prüft",
    "adopted": "übernommen",
    "adapted": "angepasst übernommen",
    "dropped": "verworfen",
}


def current_actor() -> Actor:
    """The acting person of this request, as the policy sees them."""
    if "actor" not in g:
        user = current_user._get_current_object() if current_user.is_authenticated else None
        g.actor = Actor.of(user)
    return g.actor


def format_date(value, with_time: bool = False) -> str:
    if value is None:
        return ""
    if hasattr(value, "astimezone") and hasattr(value, "hour"):
        local = value.astimezone(BERLIN)
        return local.strftime("%d.%m.%Y, %H:%M Uhr" if with_time else "%d.%m.%Y")
    return value.strftime("%d.%m.%Y")


def register_template_helpers(app: Flask) -> None:
    app.jinja_env.filters["markdown"] = render_markdown
    app.jinja_env.filters["date"] = format_date
    app.jinja_env.filters["datetime"] = lambda value: format_date(value, with_time=True)

    @app.context_processor
    def _helpers():
        actor = current_actor()
        return {
            "actor": actor,
            "can": lambda action, entry: can(actor, Action(action), entry),
            "kind_labels": KIND_LABELS,
            "visibility_labels": VISIBILITY_LABELS,
            "status_labels": STATUS_LABELS,
            "maturity_labels": MATURITY_LABELS,
            "adoption_labels": ADOPTION_LABELS,
        }
