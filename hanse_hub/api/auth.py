"""Who calls the API: a personal access token (``Authorization: Bearer …``) or nobody.

The API ignores the browser's session cookie, so a page on another site cannot make a
logged-in browser change anything through the API (no CSRF through the API).
"""

from __future__ import annotations

from datetime import timedelta

from flask import g, request
from flask_babel import gettext

from hanse_hub.accounts.tokens import resolve_token
from hanse_hub.api.errors import problem
from hanse_hub.database import utcnow, write_transaction
from hanse_hub.freeze.services import freeze_state
from hanse_hub.policy import ANONYMOUS, Actor

LAST_USED_PRECISION = timedelta(hours=1)


def authenticate_request() -> None:
    """Set ``g.actor`` (and ``g.api_token``) for this API request, or answer 401."""
    header = request.headers.get("Authorization", "")
    g.api_token = None
    if not header:
        g.actor = ANONYMOUS
        return
    scheme, _, secret = header.partition(" ")
    token = resolve_token(secret.strip()) if scheme.lower() == "bearer" else None
    if token is None:
        raise problem(
            401,
            gettext("Das Token ist ungültig, widerrufen, oder sein Konto ist deaktiviert."),
            headers={"WWW-Authenticate": 'Bearer realm="hanse_hub"'},
        )
    stale = token.last_used_at is None or utcnow() - token.last_used_at > LAST_USED_PRECISION
    if stale and not freeze_state().frozen:  # a frozen hub writes nothing (docs/export.md)
        with write_transaction():
            token.last_used_at = utcnow()
    g.api_token = token
    g.actor = Actor.of(token.user)
