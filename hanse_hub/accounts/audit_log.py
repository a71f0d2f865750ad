"""Reading the audit log: who may read which events, filtered and paginated."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from hanse_hub.accounts.models import AuditEvent
from hanse_hub.extensions import db
from hanse_hub.policy import Actor, PermissionDenied, administered_tenant_ids, can_manage_hub

# Every action the hub records, with its German label for the audit page.
ACTION_LABELS = {
    "login": "Anmeldung",
    "login_failed": "Fehlgeschlagene Anmeldung",
    "password_changed": "Passwort geändert",
    "password_reset_requested": "Zurücksetzen des Passworts angefordert",
    "password_reset": "Passwort zurückgesetzt",
    "invitation_created": "Einladung verschickt",
    "invitation_revoked": "Einladung zurückgezogen",
    "invitation_accepted": "Einladung angenommen",
    "role_changed": "Rolle geändert",
    "role_revoked": "Mitgliedschaft beendet",
    "account_deactivated": "Konto deaktiviert",
    "tenant_created": "Organisation angelegt",
    "tenant_updated": "Organisation geändert",
    "topic_added": "Handlungsfeld angelegt",
    "topic_renamed": "Handlungsfeld umbenannt",
    "topic_removed": "Handlungsfeld entfernt",
    "entry_published": "Eintrag veröffentlicht",
    "entry_archived": "Eintrag archiviert",
    "entry_deleted": "Eintrag gelöscht",
    "entry_restored": "Eintrag wiederhergestellt",
}

PAGE_SIZE = 50


@dataclass(frozen=True)
class AuditPage:
    events: list[AuditEvent]
    page: int
    pages: int
    total: int


def audit_events(
    actor: Actor,
    *,
    action: str | None = None,
    tenant_id: int | None = None,
    page: int = 1,
    per_page: int = PAGE_SIZE,
) -> AuditPage:
    """The events ``actor`` may read, newest first.

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
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    pages = max(1, -(-total // per_page))
    page = min(max(1, page), pages)
    events = db.session.scalars(
        query.order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc())
        .offset((page - 1) * per_page)
        .limit(per_page)
    ).all()
    return AuditPage(list(events), page, pages, total)
