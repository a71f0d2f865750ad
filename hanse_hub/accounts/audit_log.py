"""Reading the audit log: who may read which events, filtered and paginated."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from hanse_hub.accounts.models import AuditEvent
from hanse_hub.paging import Page, page_of
from hanse_hub.policy import Actor, PermissionDenied, administered_tenant_ids, can_manage_hub

# Every action the hub records, with its label for the audit page.
ACTION_LABELS = {
    "login": _l("Anmeldung"),
    "login_failed": _l("Fehlgeschlagene Anmeldung"),
    "password_changed": _l("Passwort geändert"),
    "password_reset_requested": _l("Zurücksetzen des Passworts angefordert"),
    "password_reset": _l("Passwort zurückgesetzt"),
    "invitation_created": _l("Einladung verschickt"),
    "invitation_revoked": _l("Einladung zurückgezogen"),
    "invitation_accepted": _l("Einladung angenommen"),
    "role_changed": _l("Rolle geändert"),
    "role_revoked": _l("Mitgliedschaft beendet"),
    "account_deactivated": _l("Konto deaktiviert"),
    "tenant_created": _l("Organisation angelegt"),
    "tenant_updated": _l("Organisation geändert"),
    "topic_added": _l("Handlungsfeld angelegt"),
    "topic_renamed": _l("Handlungsfeld umbenannt"),
    "topic_removed": _l("Handlungsfeld entfernt"),
    "entry_published": _l("Eintrag veröffentlicht"),
    "entry_archived": _l("Eintrag archiviert"),
    "entry_deleted": _l("Eintrag gelöscht"),
    "entry_restored": _l("Eintrag wiederhergestellt"),
}

PAGE_SIZE = 50


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
