"""Account use cases. Callers own the transaction (``write_transaction``); these never commit."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import func, insert, or_, select, update

from hanse_hub.accounts.models import AuditEvent, LoginSession, Membership, Role, User, fold_email
from hanse_hub.accounts.passwords import check_strength, hash_password, verify_password
from hanse_hub.clock import berlin_today
from hanse_hub.database import utcnow
from hanse_hub.extensions import db
from hanse_hub.policy import (
    ANONYMOUS,
    Actor,
    PermissionDenied,
    can_manage_hub,
    can_manage_members,
)
from hanse_hub.tenants.models import Tenant

LOGIN_FAILURE_WINDOW = timedelta(minutes=15)


@dataclass(frozen=True)
class ThrottleRule:
    """After ``free`` failed logins of one kind within the window, each further attempt waits
    ``2 ** (failures - free)`` seconds after the last failure, at most ``cap``."""

    free: int
    cap: timedelta

    def wait(self, failures: int, last: datetime | None, now: datetime) -> timedelta:
        if last is None or failures < self.free:
            return timedelta(0)
        delay = min(timedelta(seconds=2 ** min(failures - self.free, 20)), self.cap)
        return max(last + delay - now, timedelta(0))


# Login throttling grows delays instead of locking accounts: the pair (address, client) that
# guesses waits longest; one client guessing many addresses is slowed too; an address under
# attack from many clients waits at most a minute, so that a stranger can never lock its owner
# out (the owner's own client is not slowed by the stranger's failures).
THROTTLE_PAIR = ThrottleRule(free=5, cap=LOGIN_FAILURE_WINDOW)
THROTTLE_CLIENT = ThrottleRule(free=30, cap=LOGIN_FAILURE_WINDOW)
THROTTLE_ADDRESS = ThrottleRule(free=50, cap=timedelta(minutes=1))

PSEUDONYM_NAME = "Ehemalige*r Nutzer*in"
# How exactly "last seen" of a login session is kept (one write per session and interval).
LAST_SEEN_PRECISION = timedelta(minutes=5)


class AccountError(ValueError):
    """A request about accounts that cannot be carried out, with a message for people."""


@dataclass(frozen=True)
class StartedLogin:
    user: User
    token: str


def find_user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email_folded == fold_email(email)))


def create_user(
    email: str,
    display_name: str,
    password: str | None,
    *,
    is_hub_admin: bool = False,
) -> User:
    """A new account. ``password=None``: one that logs in through single sign-on only."""
    email = email.strip()
    if "@" not in email or email.startswith("@") or email.endswith("@"):
        raise AccountError(_("„%(email)s“ ist keine gültige E-Mail-Adresse.", email=email))
    if find_user_by_email(email) is not None:
        raise AccountError(
            _("Es gibt bereits ein Konto mit der E-Mail-Adresse %(email)s.", email=email)
        )
    if password is not None:
        check_strength(password)
    user = User(
        email=email,
        email_folded=fold_email(email),
        display_name=display_name.strip() or email.split("@")[0],
        password_hash=hash_password(password) if password is not None else None,
        is_hub_admin=is_hub_admin,
    )
    db.session.add(user)
    db.session.flush()
    return user


def set_role(actor: Actor | None, user: User, tenant: Tenant, role: Role) -> Membership:
    """Grant ``role`` in ``tenant``, replacing an earlier role. ``actor=None``: the CLI operator."""
    if actor is not None and not (can_manage_members(actor, tenant.id) or can_manage_hub(actor)):
        raise PermissionDenied("manage members")
    membership = db.session.scalar(
        select(Membership).where(Membership.user_id == user.id, Membership.tenant_id == tenant.id)
    )
    if membership is None:
        membership = Membership(user=user, tenant=tenant, role=role)
        db.session.add(membership)
    else:
        membership.role = role
    db.session.flush()
    return membership


def revoke_membership(actor: Actor | None, user: User, tenant: Tenant) -> None:
    if actor is not None and not (can_manage_members(actor, tenant.id) or can_manage_hub(actor)):
        raise PermissionDenied("manage members")
    membership = db.session.scalar(
        select(Membership).where(Membership.user_id == user.id, Membership.tenant_id == tenant.id)
    )
    if membership is None:
        raise AccountError(
            _(
                "%(email)s ist nicht Mitglied von %(tenant)s.",
                email=user.email,
                tenant=tenant.short_name,
            )
        )
    user.memberships.remove(membership)
    db.session.flush()


def end_all_login_sessions(user: User, reason: str) -> int:
    result = db.session.execute(
        update(LoginSession)
        .where(LoginSession.user_id == user.id, LoginSession.ended_at.is_(None))
        .values(ended_at=utcnow(), ended_reason=reason)
    )
    return result.rowcount


def deactivate_user(actor: Actor | None, user: User) -> None:
    if actor is not None and not can_manage_hub(actor):
        raise PermissionDenied("manage accounts")
    user.is_active_account = False
    end_all_login_sessions(user, "deactivated")
    # The person's contact entries say they are no longer reachable: their questions go to
    # the owning tenant's editors instead. (Imported here: the content services import the
    # audit log, which imports this module.)
    from hanse_hub.content.services import mark_contacts_left

    mark_contacts_left(actor or ANONYMOUS, user.id, berlin_today())


def change_password(user: User, current_password: str, new_password: str) -> None:
    if not verify_password(user.password_hash, current_password):
        raise AccountError(_("Das bisherige Passwort stimmt nicht."))
    check_strength(new_password)
    user.password_hash = hash_password(new_password)
    end_all_login_sessions(user, "password_changed")


# -- login sessions ------------------------------------------------------------------------------


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def authenticate(email: str, password: str) -> User | None:
    """The active user with this e-mail and password, or None — without saying which part failed."""
    user = find_user_by_email(email)
    ok = verify_password(user.password_hash if user else None, password)
    if user is None or not ok or not user.is_active_account:
        return None
    return user


def start_login_session(
    user: User,
    *,
    lifetime: timedelta,
    remember: bool = False,
    user_agent: str | None = None,
    mfa_method: str | None = None,
) -> StartedLogin:
    """A new login of ``user``; ``mfa_method``: how it passed a second factor (None: not)."""
    token = secrets.token_urlsafe(32)
    db.session.add(
        LoginSession(
            token_hash=token_hash(token),
            user=user,
            expires_at=utcnow() + lifetime,
            remember=remember,
            user_agent=(user_agent or "")[:300] or None,
            mfa_at=utcnow() if mfa_method else None,
            mfa_method=mfa_method,
        )
    )
    db.session.flush()
    user.login_token = token
    user.login_mfa = mfa_method is not None
    return StartedLogin(user=user, token=token)


def load_login(token: str) -> User | None:
    """The user of a live login session, or None when it ended, expired or the user is inactive."""
    if not token:
        return None
    login = db.session.scalar(
        select(LoginSession).where(LoginSession.token_hash == token_hash(token))
    )
    if login is None or login.ended_at is not None or login.expires_at <= utcnow():
        return None
    user = login.user
    if not user.is_active_account:
        return None
    user.login_token = token
    user.login_mfa = login.mfa_at is not None
    if login.last_seen_at is None or login.last_seen_at < utcnow() - LAST_SEEN_PRECISION:
        user.stale_login_id = login.id
    return user


def touch_login_session(login_id: int) -> None:
    """Record that a login session was used now (a conditional update: concurrent requests
    of the same session write once)."""
    now = utcnow()
    db.session.execute(
        update(LoginSession)
        .where(
            LoginSession.id == login_id,
            or_(
                LoginSession.last_seen_at.is_(None),
                LoginSession.last_seen_at < now - LAST_SEEN_PRECISION,
            ),
        )
        .values(last_seen_at=now)
    )


def end_login_session(token: str, reason: str = "logout") -> None:
    db.session.execute(
        update(LoginSession)
        .where(LoginSession.token_hash == token_hash(token), LoginSession.ended_at.is_(None))
        .values(ended_at=utcnow(), ended_reason=reason)
    )


# -- audit and throttling ------------------------------------------------------------------------


def record_security_event(
    action: str,
    *,
    actor_id: int | None = None,
    tenant_id: int | None = None,
    target: str | None = None,
    detail: dict | None = None,
    remote_addr: str | None = None,
) -> None:
    """Write an audit event in its own transaction, so that it survives a failed request."""
    with db.engine.begin() as connection:
        connection.execute(
            insert(AuditEvent).values(
                created_at=utcnow(),
                action=action,
                actor_id=actor_id,
                tenant_id=tenant_id,
                target=target,
                detail=detail or {},
                remote_addr=remote_addr,
            )
        )


def add_audit_event(
    action: str,
    *,
    actor_id: int | None,
    tenant_id: int | None = None,
    target: str | None = None,
    detail: dict | None = None,
    remote_addr: str | None = None,
) -> None:
    """Record an audit event in the current transaction: it stands or falls with the change."""
    db.session.add(
        AuditEvent(
            action=action,
            actor_id=actor_id,
            tenant_id=tenant_id,
            target=target,
            detail=detail or {},
            remote_addr=remote_addr,
        )
    )


def login_wait(email: str, remote_addr: str | None, *, now: datetime | None = None) -> timedelta:
    """How long a login attempt for ``email`` from ``remote_addr`` must still wait (0: none).

    Only failed logins count (``login_failed`` audit events of the window), addresses compared
    case-folded; see ``THROTTLE_*`` for the rules.
    """
    now = now or utcnow()
    folded = fold_email(email)
    recent = select(func.count(AuditEvent.id), func.max(AuditEvent.created_at)).where(
        AuditEvent.action == "login_failed", AuditEvent.created_at >= now - LOGIN_FAILURE_WINDOW
    )
    checks = [(THROTTLE_ADDRESS, recent.where(AuditEvent.target == folded))]
    if remote_addr is not None:
        by_client = recent.where(AuditEvent.remote_addr == remote_addr)
        checks.append((THROTTLE_CLIENT, by_client))
        checks.append((THROTTLE_PAIR, by_client.where(AuditEvent.target == folded)))
    waits = [timedelta(0)]
    for rule, query in checks:
        failures, last = db.session.execute(query).one()
        if last is not None and last.tzinfo is None:
            last = last.replace(tzinfo=now.tzinfo)
        waits.append(rule.wait(failures, last, now))
    return max(waits)
