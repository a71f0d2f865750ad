"""Password reset by an e-mailed link.

A reset is a row holding a SHA-256 hash of a random token; the token travels
only in the e-mail. It expires after an hour, works once, and using it ends
every login session of the account and cancels its other open resets.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import ForeignKey, String, func, select, update
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hanse_hub.accounts.models import User
from hanse_hub.accounts.passwords import check_strength, hash_password
from hanse_hub.accounts.services import add_audit_event, end_all_login_sessions, find_user_by_email
from hanse_hub.database import UTCDateTime, utcnow
from hanse_hub.extensions import db

RESET_LIFETIME = timedelta(hours=1)
# More requests than this per account and hour send no further e-mail (mail bombing).
RESETS_PER_HOUR = 3


class PasswordReset(db.Model):
    __tablename__ = "password_resets"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    requested_from: Mapped[str | None] = mapped_column(String(64))

    user: Mapped[User] = relationship()

    @property
    def is_usable(self) -> bool:
        return self.used_at is None and self.expires_at > utcnow() and self.user.is_active_account


class ResetLinkInvalid(ValueError):
    """The link is unknown (404), used or expired (410); the message says which, for people."""

    def __init__(self, message: str, status: int = 410):
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class RequestedReset:
    user: User
    token: str


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def request_reset(email: str, *, remote_addr: str | None = None) -> RequestedReset | None:
    """A new reset for the active account with this e-mail address, or None.

    None (no account, a deactivated one, or too many requests in the last hour) must look the
    same to the person asking: callers give one answer either way.
    """
    user = find_user_by_email(email)
    if user is None or not user.is_active_account or user.password_hash is None:
        return None
    recent = db.session.scalar(
        select(func.count(PasswordReset.id)).where(
            PasswordReset.user_id == user.id,
            PasswordReset.created_at >= utcnow() - timedelta(hours=1),
        )
    )
    if recent >= RESETS_PER_HOUR:
        return None
    token = secrets.token_urlsafe(32)
    db.session.add(
        PasswordReset(
            user=user,
            token_hash=_hash(token),
            expires_at=utcnow() + RESET_LIFETIME,
            requested_from=remote_addr,
        )
    )
    add_audit_event(
        "password_reset_requested",
        actor_id=None,
        target=user.email_folded,
        remote_addr=remote_addr,
    )
    db.session.flush()
    return RequestedReset(user, token)


def find_reset(token: str) -> PasswordReset:
    """The usable reset for a link's token; raises ``ResetLinkInvalid`` with a message otherwise."""
    reset = (
        db.session.scalar(select(PasswordReset).where(PasswordReset.token_hash == _hash(token)))
        if 0 < len(token) <= 200
        else None
    )
    if reset is None or not reset.user.is_active_account:
        raise ResetLinkInvalid(
            _(
                "Dieser Link zum Zurücksetzen des Passworts ist ungültig. Bitte prüfen Sie, ob "
                "Sie ihn vollständig kopiert haben, oder fordern Sie einen neuen an."
            ),
            404,
        )
    if reset.used_at is not None:
        raise ResetLinkInvalid(
            _(
                "Dieser Link wurde bereits benutzt. Jeder Link funktioniert nur einmal – fordern "
                "Sie bei Bedarf einen neuen an."
            )
        )
    if reset.expires_at <= utcnow():
        raise ResetLinkInvalid(
            _(
                "Dieser Link ist abgelaufen: Er gilt nur eine Stunde. Bitte fordern Sie einen "
                "neuen an."
            )
        )
    return reset


def cancel_open_resets(user: User) -> None:
    """End every unused reset of ``user`` (after the password was changed another way)."""
    db.session.execute(
        update(PasswordReset)
        .where(PasswordReset.user_id == user.id, PasswordReset.used_at.is_(None))
        .values(used_at=utcnow())
    )


def reset_password(token: str, new_password: str, *, remote_addr: str | None = None) -> User:
    """Set a new password through a reset link; every login session of the account ends.

    Raises ``ResetLinkInvalid`` or ``passwords.WeakPassword``.
    """
    reset = find_reset(token)
    check_strength(new_password)
    user = reset.user
    user.password_hash = hash_password(new_password)
    cancel_open_resets(user)
    end_all_login_sessions(user, "password_reset")
    add_audit_event(
        "password_reset", actor_id=user.id, target=user.email_folded, remote_addr=remote_addr
    )
    db.session.flush()
    return user
