"""The audit log: recording what happened to an entry (in the change's own transaction), and
reading the log – who may read which events, filtered and paginated.

Security events of accounts are written by ``accounts.services.add_audit_event``; the labels of
every action are ``labels.AUDIT_ACTION_LABELS``.
"""

from __future__ import annotations

from sqlalchemy import select

from hanse_hub.accounts.models import AuditEvent
from hanse_hub.accounts.services import add_audit_event
from hanse_hub.content.models import Entry
from hanse_hub.paging import Page, page_of
from hanse_hub.policy import Actor, PermissionDenied, administered_tenant_ids, can_manage_hub

PAGE_SIZE = 50


def record_entry_event(actor: Actor, action: str, entry: Entry) -> None:
    """Record ``entry_<action>`` (e.g. ``entry_published``) for ``entry``'s tenant.

    Only ids and the kind are stored, not the title: the audit page shows a title only to
    those who may see the entry, and an erased entry leaves no text behind.
    """
    add_audit_event(
        f"entry_{action}",
        actor_id=actor.user_id,
        tenant_id=entry.tenant_id,
        target=f"entry:{entry.uuid}",
        detail={"entry_id": entry.id, "kind": entry.kind.value},
    )


def audit_events(
    actor: Actor,
    *,
    action: str | None = None,
    tenant_id: int | None = None,
    page: int = 1,
    per_page: int = PAGE_SIZE,
) -> Page:
    """One page of the events ``actor`` may read, newest first.

    Hub admins read every event; a tenant's admins read the events of their tenants (not
    hub-wide ones such as failed logins). Anyone else may read none.
    """
    query = select(AuditEvent)
    if not can_manage_hub(actor):
        tenant_ids = administered_tenant_ids(actor)
        if not tenant_ids:
            raise PermissionDenied("read the audit log")
        query = query.where(AuditEvent.tenant_id.in_(tenant_ids))
    if action:
        query = query.where(AuditEvent.action == action)
    if tenant_id is not None:
        query = query.where(AuditEvent.tenant_id == tenant_id)
    query = query.order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc())
    return page_of(query, page, per_page, clamp=True)  # beyond the last page: the last one
