"""Request context helpers shared by the views of every domain."""

from __future__ import annotations

from flask import Flask, g
from flask_babel import format_number
from flask_login import current_user
from sqlalchemy.exc import SQLAlchemyError

from hanse_hub.freeze.services import freeze_state
from hanse_hub.labels import (
    ADOPTION_LABELS,
    KIND_LABELS,
    MATURITY_LABELS,
    STATUS_LABELS,
    VISIBILITY_LABELS,
    file_type_label,
)
from hanse_hub.policy import Action, Actor, can
from hanse_hub.web.i18n import format_date, format_period
from hanse_hub.web.markdown import render_markdown


def current_actor() -> Actor:
    """The acting person of this request, as the policy sees them."""
    if "actor" not in g:
        user = current_user._get_current_object() if current_user.is_authenticated else None
        g.actor = Actor.of(user)
    return g.actor


def _frozen() -> bool:
    try:
        return freeze_state().frozen
    except SQLAlchemyError:  # the database is unreachable: nothing can be changed anyway
        return True


def register_template_helpers(app: Flask) -> None:
    app.jinja_env.filters["markdown"] = render_markdown
    app.jinja_env.filters["date"] = format_date
    app.jinja_env.filters["datetime"] = lambda value: format_date(value, with_time=True)
    app.jinja_env.filters["period"] = format_period
    app.jinja_env.filters["file_type"] = file_type_label
    # 1.234 in German, 1,234 in English.
    app.jinja_env.filters["number"] = format_number

    @app.context_processor
    def _helpers():
        actor = current_actor()
        return {
            "actor": actor,
            # Set while `hub archive build` renders the page (hanse_hub/archive/build.py).
            "static_archive": g.get("static_archive"),
            # A frozen hub (read-only) offers nothing but reading: no edit, publish, delete ….
            "can": lambda action, entry: (
                can(actor, Action(action), entry)
                and (Action(action) == Action.VIEW or not _frozen())
            ),
            "kind_labels": KIND_LABELS,
            "visibility_labels": VISIBILITY_LABELS,
            "status_labels": STATUS_LABELS,
            "maturity_labels": MATURITY_LABELS,
            "adoption_labels": ADOPTION_LABELS,
        }
