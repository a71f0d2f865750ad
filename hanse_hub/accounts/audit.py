"""The audit log's hook for content: what happened to an entry, in the change's transaction."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hanse_hub.accounts.services import add_audit_event

if TYPE_CHECKING:
    from hanse_hub.content.models import Entry
    from hanse_hub.policy import Actor


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
