"""Self-service privacy: a person's own login sessions, data and account ("Mein Konto" and
``/api/v1/account``). Use cases only; the web page and the API call them alike."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import func, select, update
from ua_parser import parse as parse_user_agent

from hanse_hub.accounts import services
from hanse_hub.accounts.models import LoginSession, User
from hanse_hub.accounts.passwords import verify_password
from hanse_hub.accounts.privacy import pseudonymise_user
from hanse_hub.database import utcnow
from hanse_hub.extensions import db


@dataclass(frozen=True)
class OwnSession:
    """A live login session of the person, as "Mein Konto" lists it."""

    id: int
    created_at: datetime
    last_seen_at: datetime | None
    expires_at: datetime
    browser: str | None
    system: str | None
    is_current: bool


def _device(user_agent: str | None) -> tuple[str | None, str | None]:
    """Browser and operating system named in a user agent (ua-parser), or None each."""
    if not user_agent:
        return None, None
    result = parse_user_agent(user_agent)
    browser = result.user_agent.family if result.user_agent else None
    system = result.os.family if result.os else None
    return (None if browser == "Other" else browser), (None if system == "Other" else system)


def _live_sessions(user: User):
    return select(LoginSession).where(
        LoginSession.user_id == user.id,
        LoginSession.ended_at.is_(None),
        LoginSession.expires_at > utcnow(),
    )


def own_sessions(user: User, current_token: str | None) -> list[OwnSession]:
    """The person's live login sessions, this one first, then the most recently used."""
    current_hash = services.token_hash(current_token or "")
    sessions = []
    for login in db.session.scalars(_live_sessions(user)):
        browser, system = _device(login.user_agent)
        sessions.append(
            OwnSession(
                id=login.id,
                created_at=login.created_at,
                last_seen_at=login.last_seen_at,
                expires_at=login.expires_at,
                browser=browser,
                system=system,
                is_current=login.token_hash == current_hash,
            )
        )
    return sorted(
        sessions,
        key=lambda s: (not s.is_current, -(s.last_seen_at or s.created_at).timestamp()),
    )


def end_own_session(user: User, session_id: int, *, remote_addr: str | None = None) -> None:
    """End one of the person's own login sessions; raises ``AccountError`` for any other."""
    login = db.session.scalar(_live_sessions(user).where(LoginSession.id == session_id))
    if login is None:
        raise services.AccountError(_("Diese Anmeldung gibt es nicht oder nicht mehr."))
    login.ended_at = utcnow()
    login.ended_reason = "ended_by_user"
    services.add_audit_event(
        "login_session_ended", actor_id=user.id, target=user.email_folded, remote_addr=remote_addr
    )
    db.session.flush()


def end_other_sessions(user: User, current_token: str, *, remote_addr: str | None = None) -> int:
    """End every login session of the person except this one; how many ended."""
    result = db.session.execute(
        update(LoginSession)
        .where(
            LoginSession.user_id == user.id,
            LoginSession.ended_at.is_(None),
            LoginSession.token_hash != services.token_hash(current_token or ""),
        )
        .values(ended_at=utcnow(), ended_reason="ended_by_user")
    )
    services.add_audit_event(
        "other_login_sessions_ended",
        actor_id=user.id,
        target=user.email_folded,
        detail={"count": result.rowcount},
        remote_addr=remote_addr,
    )
    return result.rowcount


def delete_own_account(user: User, password: str, *, remote_addr: str | None = None) -> None:
    """Delete the person's account after they re-entered their password (pseudonymisation, as
    ``hub user delete`` does): content stays, attributed to "Ehemalige*r Nutzer*in".

    Raises ``AccountError`` for a wrong password, and for the last active hub admin (the hub
    would have nobody left to administer it).
    """
    if not verify_password(user.password_hash, password):
        raise services.AccountError(_("Das Passwort stimmt nicht."))
    if user.is_hub_admin:
        others = db.session.scalar(
            select(func.count(User.id)).where(
                User.is_hub_admin.is_(True), User.is_active_account.is_(True), User.id != user.id
            )
        )
        if not others:
            raise services.AccountError(
                _(
                    "Sie sind die einzige Hub-Administration: Bitte ernennen Sie zuerst eine "
                    "weitere Person, bevor Sie Ihr Konto löschen."
                )
            )
    pseudonymise_user(user)
    services.add_audit_event("account_deleted_by_user", actor_id=user.id, remote_addr=remote_addr)
    db.session.flush()
