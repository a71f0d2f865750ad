"""Invitations: a tenant's admins invite a person by e-mail with a role.

The token travels only in the e-mail; the row holds its SHA-256 hash. An
invitation lasts 14 days and is used once. Inviting the same address to the
same tenant again replaces the pending invitation (a new link, the old one
stops working). Accepting grants the role through ``services.set_role`` with
the inviting admin's rights, checked again at that moment: an invitation
from someone who is no longer an admin there is no longer valid.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import ForeignKey, String, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hanse_hub.accounts.models import Role, User, fold_email
from hanse_hub.accounts.services import (
    AccountError,
    add_audit_event,
    create_user,
    find_user_by_email,
    set_role,
)
from hanse_hub.database import StrEnumType, UTCDateTime, utcnow
from hanse_hub.extensions import db
from hanse_hub.policy import Actor, PermissionDenied, can_administer_tenant
from hanse_hub.tenants.models import Tenant

INVITATION_LIFETIME = timedelta(days=14)


class Invitation(db.Model):
    __tablename__ = "invitations"

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"), index=True)
    email: Mapped[str] = mapped_column(String(320))
    email_folded: Mapped[str] = mapped_column(String(320), index=True)
    role: Mapped[Role] = mapped_column(StrEnumType(Role))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    accepted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    tenant: Mapped[Tenant] = relationship()
    invited_by: Mapped[User | None] = relationship(foreign_keys=[invited_by_id])

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None and self.expires_at > utcnow()


class InvitationInvalid(ValueError):
    """The link cannot be used: unknown (404), used or expired (410), another person's (403)."""

    def __init__(self, message: str, status: int = 410):
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class CreatedInvitation:
    invitation: Invitation
    token: str  # for the e-mail only, never stored


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _require_admin(actor: Actor, tenant: Tenant) -> None:
    if not can_administer_tenant(actor, tenant.id):
        raise PermissionDenied(f"manage members of tenant {tenant.id}")


def pending_invitations(tenant: Tenant) -> list[Invitation]:
    return list(
        db.session.scalars(
            select(Invitation)
            .where(
                Invitation.tenant_id == tenant.id,
                Invitation.accepted_at.is_(None),
                Invitation.revoked_at.is_(None),
                Invitation.expires_at > utcnow(),
            )
            .order_by(Invitation.created_at.desc())
        )
    )


def invite(actor: Actor, tenant: Tenant, email: str, role: Role) -> CreatedInvitation:
    """Invite ``email`` to ``tenant`` with ``role``, replacing a pending invitation of theirs."""
    _require_admin(actor, tenant)
    email = email.strip()
    folded = fold_email(email)
    existing = find_user_by_email(email)
    if existing is not None and existing.role_in(tenant.id) is not None:
        raise AccountError(
            _(
                "%(email)s ist bereits Mitglied von %(tenant)s. Ändern Sie die Rolle in der "
                "Mitgliederliste.",
                email=email,
                tenant=tenant.short_name,
            )
        )
    now = utcnow()
    for earlier in pending_invitations(tenant):
        if earlier.email_folded == folded:
            earlier.revoked_at = now
    token = secrets.token_urlsafe(32)
    invitation = Invitation(
        tenant=tenant,
        email=email,
        email_folded=folded,
        role=Role(role),
        token_hash=_hash(token),
        invited_by_id=actor.user_id,
        expires_at=now + INVITATION_LIFETIME,
    )
    db.session.add(invitation)
    db.session.flush()
    add_audit_event(
        "invitation_created",
        actor_id=actor.user_id,
        tenant_id=tenant.id,
        target=folded,
        detail={"role": invitation.role.value, "invitation_id": invitation.id},
    )
    return CreatedInvitation(invitation, token)


def revoke_invitation(actor: Actor, tenant: Tenant, invitation_id: int) -> Invitation:
    """Withdraw a pending invitation of ``tenant``; its link stops working."""
    _require_admin(actor, tenant)
    invitation = db.session.get(Invitation, invitation_id)
    if invitation is None or invitation.tenant_id != tenant.id or not invitation.is_pending:
        raise LookupError(invitation_id)
    invitation.revoked_at = utcnow()
    add_audit_event(
        "invitation_revoked",
        actor_id=actor.user_id,
        tenant_id=tenant.id,
        target=invitation.email_folded,
        detail={"role": invitation.role.value, "invitation_id": invitation.id},
    )
    db.session.flush()
    return invitation


def _inviter_actor(invitation: Invitation) -> Actor:
    inviter = invitation.invited_by
    actor = Actor.of(inviter)  # a deleted inviter (None) or a deactivated one: anonymous
    if actor.is_anonymous or not can_administer_tenant(actor, invitation.tenant_id):
        raise InvitationInvalid(
            _(
                "Diese Einladung gilt nicht mehr: Die Person, die Sie eingeladen hat, verwaltet "
                "%(tenant)s nicht mehr. Bitte lassen Sie sich erneut einladen.",
                tenant=invitation.tenant.short_name,
            )
        )
    return actor


def find_invitation(token: str) -> Invitation:
    """The pending invitation of a link's token; ``InvitationInvalid`` with a message otherwise."""
    invitation = (
        db.session.scalar(select(Invitation).where(Invitation.token_hash == _hash(token)))
        if 0 < len(token) <= 200
        else None
    )
    if invitation is None:
        raise InvitationInvalid(
            _(
                "Diese Einladung gibt es nicht. Bitte prüfen Sie, ob Sie den Link vollständig "
                "kopiert haben."
            ),
            404,
        )
    if invitation.accepted_at is not None:
        raise InvitationInvalid(
            _("Diese Einladung wurde bereits angenommen. Melden Sie sich mit Ihrem Konto an.")
        )
    if invitation.revoked_at is not None:
        raise InvitationInvalid(
            _(
                "Diese Einladung wurde zurückgezogen. Bitte wenden Sie sich an die Administration "
                "von %(tenant)s.",
                tenant=invitation.tenant.short_name,
            )
        )
    if invitation.expires_at <= utcnow():
        raise InvitationInvalid(
            _(
                "Diese Einladung ist abgelaufen: Sie gilt 14 Tage. Bitte lassen Sie sich erneut "
                "von der Administration von %(tenant)s einladen.",
                tenant=invitation.tenant.short_name,
            )
        )
    _inviter_actor(invitation)
    return invitation


def _accept(invitation: Invitation, user: User, *, remote_addr: str | None) -> None:
    inviter = _inviter_actor(invitation)
    previous = user.role_in(invitation.tenant_id)
    set_role(inviter, user, invitation.tenant, invitation.role)
    invitation.accepted_at = utcnow()
    invitation.accepted_by_id = user.id
    add_audit_event(
        "invitation_accepted",
        actor_id=user.id,
        tenant_id=invitation.tenant_id,
        target=user.email_folded,
        detail={
            "role": invitation.role.value,
            "previous_role": previous.value if previous else None,
            "invitation_id": invitation.id,
            "invited_by": invitation.invited_by_id,
        },
        remote_addr=remote_addr,
    )
    db.session.flush()


def accept_as_new_user(
    token: str, display_name: str, password: str, *, remote_addr: str | None = None
) -> User:
    """Create the invited person's account and membership.

    Raises ``InvitationInvalid``, ``AccountError`` (an account with the address exists) or
    ``passwords.WeakPassword``.
    """
    invitation = find_invitation(token)
    user = create_user(invitation.email, display_name, password)
    _accept(invitation, user, remote_addr=remote_addr)
    return user


def accept_as_existing_user(token: str, user: User, *, remote_addr: str | None = None) -> None:
    """Grant the invited role to the logged-in person, whose address must be the invited one."""
    invitation = find_invitation(token)
    if invitation.email_folded != user.email_folded:
        raise InvitationInvalid(
            _(
                "Diese Einladung gilt für %(invited)s, Sie sind aber als %(email)s angemeldet. "
                "Bitte melden Sie sich ab und öffnen Sie den Link erneut.",
                invited=invitation.email,
                email=user.email,
            ),
            403,
        )
    _accept(invitation, user, remote_addr=remote_addr)
