"""The freeze at the edges: web and API writes answer 503, every page shows the banner."""

from __future__ import annotations

from flask import Flask, request
from flask_babel import gettext as _

from hanse_hub.freeze.services import freeze_state
from hanse_hub.web.errors import error_response

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Writes a frozen hub still takes: logging in (a login session, the audit of a failed login),
# and logging out. (The language switch is a GET.)
ALLOWED_ENDPOINTS = frozenset({"accounts.login", "accounts.logout"})


def frozen_detail() -> str:
    return _(
        "Die Plattform ist im Lesebetrieb eingefroren: Sie können alles lesen und suchen, "
        "aber nichts anlegen, ändern oder löschen."
    )


def register_freeze_guard(app: Flask) -> None:
    @app.before_request
    def _refuse_writes_when_frozen():
        if request.method in SAFE_METHODS or request.endpoint in ALLOWED_ENDPOINTS:
            return None
        if not freeze_state().frozen:
            return None
        # 503 without Retry-After: the freeze has no end the hub could announce.
        return error_response(503, frozen_detail(), title=_("Nur Lesebetrieb"))

    @app.context_processor
    def _freeze():
        return {"hub_freeze": freeze_state()}
