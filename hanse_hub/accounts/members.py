"""A tenant's members as its admins manage them: list, change roles, remove.

Every change is written to the audit log in the same transaction. A tenant
keeps at least one admin: its own admins cannot remove or demote the last one
(hub admins can, to clean up).
"""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import func, select

from hanse_hub.accounts.models import Membership, Role, User
from hanse_hub.accounts.services import (
    AccountError,
    add_audit_event,
    revoke_membership,
    set_role,
)
from hanse_hub.extensions import db
from hanse_hub.policy import Actor, PermissionDenied, can_administer_tenant, can_manage_hub
from hanse_hub.tenants.models import Tenant


def _require_admin(actor: Actor, tenant: Tenant) -> None:
    if not can_administer_tenant(actor, tenant.id):
        raise PermissionDenied(f"manage members of tenant {tenant.id}")


def list_members(actor: Actor, tenant: Tenant) -> list[Membership]:
    _require_admin(actor, tenant)
    return list(
        db.session.scalars(
            select(Membership)
            .join(User)
            .where(Membership.tenant_id == tenant.id)
            .order_by(func.lower(User.display_name), User.id)
        )
    )


def get_member(actor: Actor, tenant: Tenant, user_id: int) -> Membership | None:
    _require_admin(actor, tenant)
    return db.session.scalar(
        select(Membership).where(Membership.tenant_id == tenant.id, Membership.user_id == user_id)
    )


def _keeps_an_admin(actor: Actor, membership: Membership) -> None:
    if membership.role != Role.ADMIN or can_manage_hub(actor):
        return
    admins = db.session.scalar(
        select(func.count(Membership.id)).where(
            Membership.tenant_id == membership.tenant_id, Membership.role == Role.ADMIN
        )
    )
    if admins <= 1:
        raise AccountError(
            _(
                "%(tenant)s braucht mindestens eine Administration. Ernennen Sie zuerst eine "
                "weitere Person zur Administration.",
                tenant=membership.tenant.short_name,
            )
        )


def change_role(actor: Actor, tenant: Tenant, membership: Membership, role: Role) -> Membership:
    """Give a member another role in ``tenant``."""
    _require_admin(actor, tenant)
    previous = membership.role
    if previous == role:
        return membership
    if role != Role.ADMIN:
        _keeps_an_admin(actor, membership)
    user = membership.user
    membership = set_role(actor, user, tenant, Role(role))
    add_audit_event(
        "role_changed",
        actor_id=actor.user_id,
        tenant_id=tenant.id,
        target=user.email_folded,
        detail={"user_id": user.id, "role": membership.role.value, "previous_role": previous.value},
    )
    return membership


def remove_member(actor: Actor, tenant: Tenant, membership: Membership) -> User:
    """End a person's membership in ``tenant``; their account and content stay."""
    _require_admin(actor, tenant)
    _keeps_an_admin(actor, membership)
    user, previous = membership.user, membership.role
    revoke_membership(actor, user, tenant)
    add_audit_event(
        "role_revoked",
        actor_id=actor.user_id,
        tenant_id=tenant.id,
        target=user.email_folded,
        detail={"user_id": user.id, "previous_role": previous.value},
    )
    return user
