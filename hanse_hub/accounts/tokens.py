"""Personal access tokens: create, list, revoke, and resolve a bearer token to its user."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import select

from hanse_hub.accounts.models import PersonalAccessToken, User
from hanse_hub.database import utcnow
from hanse_hub.extensions import db

TOKEN_PREFIX = "hh_"
MAX_TOKENS_PER_USER = 50


class TokenError(ValueError):
    """A token request that cannot be carried out, with a message for people."""


class TokenNeedsSecondFactor(TokenError):
    """An admin asked for a token from a login (or with a token) that did not pass the
    second factor."""


@dataclass(frozen=True)
class CreatedToken:
    token: PersonalAccessToken
    secret: str  # shown once, never stored


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create_token(
    user: User,
    name: str,
    *,
    read_only: bool = False,
    mfa_session: bool = False,
    mfa_required: bool = False,
) -> CreatedToken:
    """A new token of ``user``. ``mfa_session``: asked for from a login (or by a token) that
    passed the second factor; ``mfa_required``: the person must have passed it (an admin
    when ``HANSE_MFA_FOR_ADMINS=required``; the CLI operator is trusted and passes False)."""
    if mfa_required and not mfa_session:
        raise TokenNeedsSecondFactor(
            _(
                "Als Administrator*in können Sie Tokens nur nach der Bestätigung mit dem "
                "zweiten Faktor erstellen."
            )
        )
    name = name.strip()[:100] or "Token"
    active = [t for t in tokens_of(user) if t.revoked_at is None]
    if len(active) >= MAX_TOKENS_PER_USER:
        raise TokenError(_("Sie haben bereits %(count)s aktive Tokens.", count=MAX_TOKENS_PER_USER))
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = PersonalAccessToken(
        user=user,
        name=name,
        token_hash=_hash(secret),
        prefix=secret[: len(TOKEN_PREFIX) + 6],
        read_only=read_only,
        mfa_session=mfa_session,
    )
    db.session.add(token)
    db.session.flush()
    return CreatedToken(token, secret)


def tokens_of(user: User) -> list[PersonalAccessToken]:
    return list(
        db.session.scalars(
            select(PersonalAccessToken)
            .where(PersonalAccessToken.user_id == user.id)
            .order_by(PersonalAccessToken.created_at.desc())
        )
    )


def revoke_token(user: User, token_id: int) -> PersonalAccessToken:
    """Revoke one of ``user``'s own tokens."""
    token = db.session.get(PersonalAccessToken, token_id)
    if token is None or token.user_id != user.id:
        raise TokenError(_("Dieses Token gibt es nicht."))
    if token.revoked_at is None:
        token.revoked_at = utcnow()
    return token


def resolve_token(secret: str) -> PersonalAccessToken | None:
    """The live token for a bearer secret: not revoked, and its user still active."""
    if not secret.startswith(TOKEN_PREFIX) or len(secret) > 200:
        return None
    token = db.session.scalar(
        select(PersonalAccessToken).where(PersonalAccessToken.token_hash == _hash(secret))
    )
    if token is None or token.revoked_at is not None or not token.user.is_active_account:
        return None
    return token
