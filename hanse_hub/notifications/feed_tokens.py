"""Personal feed tokens: the secret in the address of a person's Atom feed.

Read-only by construction – a feed token opens the person's feed and nothing else, never a
session; only its hash is stored; revoking it closes the feed at once; a deactivated account's
tokens open nothing.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import select

from hanse_hub.accounts.models import User
from hanse_hub.database import utcnow
from hanse_hub.extensions import db
from hanse_hub.notifications.models import FeedToken

FEED_TOKEN_PREFIX = "hf_"
MAX_FEED_TOKENS = 10


class FeedTokenError(ValueError):
    """A feed-token request that cannot be carried out, with a message for people."""


@dataclass(frozen=True)
class CreatedFeedToken:
    token: FeedToken
    secret: str  # shown once, never stored


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def tokens_of(user: User) -> list[FeedToken]:
    """The person's feed tokens that are not revoked, newest first."""
    return list(
        db.session.scalars(
            select(FeedToken)
            .where(FeedToken.user_id == user.id, FeedToken.revoked_at.is_(None))
            .order_by(FeedToken.id.desc())
        )
    )


def create_feed_token(user: User, name: str) -> CreatedFeedToken:
    if len(tokens_of(user)) >= MAX_FEED_TOKENS:
        raise FeedTokenError(_("Sie haben bereits %(count)s Feed-Links.", count=MAX_FEED_TOKENS))
    secret = FEED_TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = FeedToken(
        user_id=user.id,
        name=name.strip()[:100] or _("Feed"),
        token_hash=_hash(secret),
        prefix=secret[: len(FEED_TOKEN_PREFIX) + 6],
    )
    db.session.add(token)
    db.session.flush()
    return CreatedFeedToken(token, secret)


def revoke_feed_token(user: User, token_id: int) -> bool:
    """Revoke one of the person's tokens; False if they have no such (live) token."""
    token = db.session.get(FeedToken, token_id)
    if token is None or token.user_id != user.id or token.revoked_at is not None:
        return False
    token.revoked_at = utcnow()
    db.session.flush()
    return True


def user_for_feed_token(secret: str) -> User | None:
    """The active person whose live token this is, or None."""
    if not secret.startswith(FEED_TOKEN_PREFIX) or len(secret) > 100:
        return None
    token = db.session.scalar(select(FeedToken).where(FeedToken.token_hash == _hash(secret)))
    if token is None or token.revoked_at is not None:
        return None
    user = db.session.get(User, token.user_id)
    return user if user is not None and user.is_active else None
