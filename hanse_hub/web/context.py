"""Request context helpers shared by the views of every domain."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from flask import Flask, g
from flask_babel import format_number
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from hanse_hub.content.models import EntryKind, EntryStatus, Maturity, Visibility
from hanse_hub.policy import Action, Actor, can
from hanse_hub.web.i18n import format_date
from hanse_hub.web.markdown import render_markdown

BERLIN = ZoneInfo("Europe/Berlin")

KIND_LABELS = {
    EntryKind.SOLUTION: (_l("Lösung"), _l("Lösungen")),
    EntryKind.LESSON: (_l("Erfahrung"), _l("Erfahrungen")),
    EntryKind.CONTACT: (_l("Kontakt"), _l("Kontakte")),
    EntryKind.EVENT: (_l("Veranstaltung"), _l("Veranstaltungen")),
    EntryKind.MATERIAL: (_l("Material"), _l("Materialien")),
}
VISIBILITY_LABELS = {
    Visibility.PUBLIC: _l("Öffentlich"),
    Visibility.NETWORK: _l("Im Netzwerk"),
    Visibility.INTERNAL: _l("Intern"),
}
STATUS_LABELS = {
    EntryStatus.DRAFT: _l("Entwurf"),
    EntryStatus.PUBLISHED: _l("Veröffentlicht"),
    EntryStatus.ARCHIVED: _l("Archiviert"),
}
MATURITY_LABELS = {
    Maturity.IDEA: _l("Idee"),
    Maturity.PILOT: _l("Pilotphase"),
    Maturity.IN_OPERATION: _l("Im Betrieb"),
    Maturity.DISCONTINUED: _l("Eingestellt"),
}
ADOPTION_LABELS = {
    "evaluating": _l("prüft"),
    "adopted": _l("übernommen"),
    "adapted": _l("angepasst übernommen"),
    "dropped": _l("verworfen"),
}


def current_actor() -> Actor:
    """The acting person of this request, as the policy sees them."""
    if "actor" not in g:
        user = current_user._get_current_object() if current_user.is_authenticated else None
        g.actor = Actor.of(user)
    return g.actor


def register_template_helpers(app: Flask) -> None:
    app.jinja_env.filters["markdown"] = render_markdown
    app.jinja_env.filters["date"] = format_date
    app.jinja_env.filters["datetime"] = lambda value: format_date(value, with_time=True)
    # 1.234 in German, 1,234 in English.
    app.jinja_env.filters["number"] = format_number

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
