"""Flask-Login wiring: the cookie carries a login-session token, never a user id."""

from __future__ import annotations

from flask_login import LoginManager

from hanse_hub.accounts.services import load_login


def configure_login(manager: LoginManager) -> None:
    manager.login_view = "accounts.login"
    manager.login_message = "Bitte melden Sie sich an, um diese Seite zu sehen."
    manager.login_message_category = "info"
    # A changed client address or user agent ends nothing, but the session id is renewed.
    manager.session_protection = "basic"
    manager.user_loader(load_login)
