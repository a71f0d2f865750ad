"""Users, memberships, database-backed login sessions and audit events."""

from __future__ import annotations

import enum
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import JSON, Boolean, ForeignKey, String, Text, UniqueConstraint, false, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hanse_hub.database import StrEnumType, UTCDateTime, utcnow
from hanse_hub.extensions import db
from hanse_hub.tenants.models import Tenant


class Role(enum.StrEnum):
    READER = "reader"
    EDITOR = "editor"
    ADMIN = "admin"

    @property
    def may_edit(self) -> bool:
        return self in (Role.EDITOR, Role.ADMIN)


def fold_email(email: str) -> str:
    """The form of an e-mail address that uniqueness is checked on (full Unicode case folding)."""
    return email.strip().casefold()


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320))
    # SQLite's lower() folds ASCII only, so the folded form is stored and carries the constraint.
    email_folded: Mapped[str] = mapped_column(String(320), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    is_active_account: Mapped[bool] = mapped_column("is_active", Boolean, default=True)
    is_hub_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    pseudonymised_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    memberships: Mapped[list[Membership]] = relationship(
        back_populates="user", cascade="all, delete-orphan"
    )

    # Set by the login machinery: the token of the login session this object was loaded for,
    # and that session's id when its "last seen" is due to be updated after the request.
    login_token = None
    stale_login_id = None
    # Whether that login session passed the second factor (``mfa_at``).
    login_mfa = False

    @property
    def is_active(self) -> bool:  # Flask-Login asks this
        return self.is_active_account

    def get_id(self) -> str | None:
        """Flask-Login's alternative-token pattern: the cookie carries a login-session token."""
        return self.login_token

    def role_in(self, tenant_id: int) -> Role | None:
        for membership in self.memberships:
            if membership.tenant_id == tenant_id:
                return membership.role
        return None

    def __repr__(self) -> str:
        return f"<User {self.id}>"


class Membership(db.Model):
    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("user_id", "tenant_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"), index=True)
    role: Mapped[Role] = mapped_column(StrEnumType(Role))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped[User] = relationship(back_populates="memberships")
    tenant: Mapped[Tenant] = relationship()


class LoginSession(db.Model):
    """One login. Only a hash of its token is stored; ending the row ends the login everywhere."""

    __tablename__ = "login_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ended_reason: Mapped[str | None] = mapped_column(String(40))
    remember: Mapped[bool] = mapped_column(Boolean, default=False)
    user_agent: Mapped[str | None] = mapped_column(String(300))
    # Updated at most every few minutes (``services.LAST_SEEN_PRECISION``), after the request.
    last_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # When this login passed a second factor, and how ("totp", "recovery_code", "sso_mfa").
    mfa_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    mfa_method: Mapped[str | None] = mapped_column(String(20))

    user: Mapped[User] = relationship()


class AuditEvent(db.Model):
    """A security-relevant event. Written in its own transaction so it survives a failed request."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    action: Mapped[str] = mapped_column(String(60), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    tenant_id: Mapped[int | None] = mapped_column(ForeignKey("tenants.id", ondelete="SET NULL"))
    target: Mapped[str | None] = mapped_column(String(200))
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
    remote_addr: Mapped[str | None] = mapped_column(String(64))


class PersonalAccessToken(db.Model):
    """A token for scripts and tools (``Authorization: Bearer …``); only its hash is stored."""

    __tablename__ = "personal_access_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(12))  # shown in lists, to tell tokens apart
    read_only: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Created from a login that passed the second factor (or by a token that was): an admin
    # for whom the second factor is required may create tokens only so.
    mfa_session: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    user: Mapped[User] = relationship()


class TotpCredential(db.Model):
    """A person's authenticator app (TOTP, RFC 6238). Unconfirmed until a first code matched."""

    __tablename__ = "totp_credentials"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), unique=True, index=True
    )
    secret: Mapped[str] = mapped_column(String(64))  # base32
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The time step of the last accepted code: a code is accepted once (no replay).
    last_step: Mapped[int | None] = mapped_column()

    user: Mapped[User] = relationship()


class RecoveryCode(db.Model):
    """A single-use recovery code; only its SHA-256 is stored (80 random bits, see mfa.py)."""

    __tablename__ = "recovery_codes"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class SsoProvider(db.Model):
    """A tenant's OpenID Connect provider (its directory: Keycloak, ADFS, Entra ID …).

    The client secret is never stored: it comes from ``HANSE_OIDC_<SLUG>_SECRET``.
    """

    __tablename__ = "sso_providers"

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(
        ForeignKey("tenants.id", ondelete="CASCADE"), unique=True, index=True
    )
    issuer: Mapped[str] = mapped_column(String(300))
    client_id: Mapped[str] = mapped_column(String(200))
    # Lower-case domains, one per line: only addresses of these domains log in through it.
    allowed_domains: Mapped[str] = mapped_column(Text)
    default_role: Mapped[Role] = mapped_column(StrEnumType(Role))
    # Optional: the ID token claim naming roles, and which claim value means which role.
    role_claim: Mapped[str | None] = mapped_column(String(100))
    role_mapping: Mapped[dict] = mapped_column(JSON, default=dict)
    # False: people of the allowed domains can no longer log in with a local password.
    local_passwords: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    enabled: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    tenant: Mapped[Tenant] = relationship()

    @property
    def domains(self) -> list[str]:
        return [d for d in (self.allowed_domains or "").split() if d]
