"""The logged-in person's own account: changing the password without losing this login."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select

from hanse_hub.accounts import services
from hanse_hub.accounts.models import LoginSession, User
from hanse_hub.accounts.resets import cancel_open_resets
from hanse_hub.accounts.services import token_hash
from hanse_hub.database import utcnow
from hanse_hub.extensions import db

# Used when the current login cannot be found (it always can in a logged-in request).
FALLBACK_LIFETIME = timedelta(hours=1)


@dataclass(frozen=True)
class RenewedLogin:
    started: services.StartedLogin
    remember: bool


def change_own_password(
    user: User,
    login_token: str,
    current_password: str,
    new_password: str,
    *,
    user_agent: str | None = None,
    remote_addr: str | None = None,
) -> RenewedLogin:
    """Change ``user``'s password, end every login, and start a new one for this device.

    The new login keeps the old one's expiry and "remember me" choice. Raises
    ``services.AccountError`` (wrong current password) or ``passwords.WeakPassword``.
    """
    login = db.session.scalar(
        select(LoginSession).where(LoginSession.token_hash == token_hash(login_token or ""))
    )
    services.change_password(user, current_password, new_password)
    cancel_open_resets(user)
    now = utcnow()
    remaining = login.expires_at - now if login is not None else FALLBACK_LIFETIME
    remember = bool(login.remember) if login is not None else False
    started = services.start_login_session(
        user,
        lifetime=max(remaining, timedelta(minutes=5)),
        remember=remember,
        user_agent=user_agent,
    )
    services.add_audit_event(
        "password_changed", actor_id=user.id, target=user.email_folded, remote_addr=remote_addr
    )
    return RenewedLogin(started, remember)
