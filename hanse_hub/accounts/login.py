"""Flask-Login wiring: the cookie carries a login-session token, never a user id."""

from __future__ import annotations

from flask_babel import gettext
from flask_login import LoginManager

from hanse_hub.accounts.services import load_login
from hanse_hub.problems import N_


def configure_login(manager: LoginManager) -> None:
    manager.login_view = "accounts.login"
    # Flask-Login flashes the message through ``localize_callback``: in the request's language.
    manager.login_message = N_("Bitte melden Sie sich an, um diese Seite zu sehen.")
    manager.localize_callback = gettext
    manager.login_message_category = "info"
    # A changed client address or user agent ends nothing, but the session id is renewed.
    manager.session_protection = "basic"
    manager.user_loader(load_login)
