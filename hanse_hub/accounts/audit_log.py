"""The audit log: recording what happened to an entry (in the change's own transaction), and
reading the log – who may read which events, filtered and paginated.

Security events of accounts are written by ``accounts.services.add_audit_event``; the labels of
every action are ``labels.AUDIT_ACTION_LABELS``.
"""

from __future__ import annotations

from sqlalchemy import select

from hanse_hub.accounts.models import AuditEvent
from hanse_hub.accounts.services import add_audit_event
from hanse_hub.content.models import Entry, Visibility
from hanse_hub.extensions import db
from hanse_hub.paging import Page, page_of
from hanse_hub.policy import Actor, PermissionDenied, administered_tenant_ids, can_manage_hub

PAGE_SIZE = 50


def record_entry_event(actor: Actor, action: str, entry: Entry) -> None:
    """Record ``entry_<action>`` (e.g. ``entry_published``) for ``entry``'s tenant.

    The title and visibility are stored with the ids and the kind, so that the log still names
    a deleted or purged entry; ``stored_entry_title`` decides who reads it. Purging a contact
    (personal data) removes its title from the log again (``forget_entry_title``).
    """
    add_audit_event(
        f"entry_{action}",
        actor_id=actor.user_id,
        tenant_id=entry.tenant_id,
        target=f"entry:{entry.uuid}",
        detail={
            "entry_id": entry.id,
            "kind": entry.kind.value,
            "title": entry.title,
            "visibility": Visibility(entry.visibility).value,
        },
    )


def stored_entry_titles(actor: Actor, events) -> dict[int, str]:
    """By event id, the titles entry events stored for entries that are deleted or purged (the
    log can no longer link to them): shown to the admins of the entry's tenant, and to others
    only when the entry was public. An entry that still exists is named by the audit page
    only as the visibility policy allows, never from the log."""
    candidates = {}
    for event in events:
        detail = event.detail if isinstance(event.detail, dict) else {}
        if not event.action.startswith("entry_") or not detail.get("title"):
            continue
        if (
            event.tenant_id in administered_tenant_ids(actor)
            or detail.get("visibility") == "public"
        ):
            candidates[event.id] = (detail.get("entry_id"), str(detail["title"]))
    ids = {entry_id for entry_id, _title in candidates.values()}
    present = set(
        db.session.scalars(select(Entry.id).where(Entry.id.in_(ids), Entry.deleted_at.is_(None)))
    )
    return {
        event_id: title
        for event_id, (entry_id, title) in candidates.items()
        if entry_id not in present
    }


def forget_entry_title(entry: Entry) -> None:
    """Remove ``entry``'s title from its audit events (erasure of a contact's personal data)."""
    events = db.session.scalars(
        select(AuditEvent).where(AuditEvent.target == f"entry:{entry.uuid}")
    )
    for event in events:
        if isinstance(event.detail, dict) and "title" in event.detail:
            event.detail = {key: value for key, value in event.detail.items() if key != "title"}


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
