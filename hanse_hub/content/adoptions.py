"""Adoption use cases: a city records that it reuses another city's solution."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import aliased, selectinload

from hanse_hub.content.models import (
    Adoption,
    AdoptionStatus,
    Contact,
    Entry,
    Solution,
    Visibility,
)
from hanse_hub.content.services import ContentError, EntryNotFound, get_entry
from hanse_hub.database import utcnow
from hanse_hub.extensions import db
from hanse_hub.notifications.services import notify_adoption
from hanse_hub.policy import Actor, PermissionDenied, can_edit_adoption, scope_for
from hanse_hub.tenants.models import Tenant

ADOPTION_FIELDS = frozenset(
    {"status", "changes", "contact_id", "started_on", "decided_on", "visibility"}
)


def visible_adoptions(
    actor: Actor, *, tenant: Tenant | None = None, limit: int | None = None
) -> list[Adoption]:
    """The adoptions ``actor`` may read (they and the adopted solution), newest decision first;
    ``limit``: only the first ones (the database stops there)."""
    scope = scope_for(actor)
    solution = aliased(Entry)
    query = (
        select(Adoption)
        .join(solution, solution.id == Adoption.solution_id)
        .where(scope.adoption_filter(), scope.entry_filter(solution))
        # The solutions are read once more for the rule below: all at once, not one by one.
        .options(selectinload(Adoption.solution))
    )
    if tenant is not None:
        query = query.where(Adoption.tenant_id == tenant.id)
    query = query.order_by(Adoption.decided_on.desc().nulls_last(), Adoption.id.desc())
    if limit is not None:
        query = query.limit(limit)
    return [adoption for adoption in db.session.scalars(query) if scope.allows_adoption(adoption)]


def get_adoption(actor: Actor, adoption_id: int) -> Adoption:
    adoption = db.session.get(Adoption, adoption_id)
    if adoption is None or not scope_for(actor).allows_adoption(adoption):
        raise EntryNotFound(adoption_id)
    return adoption


def _apply(actor: Actor, adoption: Adoption, data: Mapping[str, Any]) -> None:
    unknown = set(data) - ADOPTION_FIELDS
    if unknown:
        raise ContentError(
            _("Unbekannte Felder: %(names)s", names=", ".join(sorted(unknown))),
            sorted(unknown)[0],
        )
    for name in ADOPTION_FIELDS - {"contact_id"}:
        if name in data:
            setattr(adoption, name, data[name])
    if "contact_id" in data:
        contact_id = data["contact_id"]
        if contact_id is None:
            adoption.contact = None
        else:
            try:
                contact = get_entry(actor, contact_id)
            except EntryNotFound:
                contact = None
            if not isinstance(contact, Contact):
                raise ContentError(_("Diese Kontaktperson gibt es nicht."), "contact_id")
            adoption.contact = contact
    if adoption.started_on and adoption.decided_on and adoption.decided_on < adoption.started_on:
        raise ContentError(_("Die Entscheidung liegt vor dem Beginn."), "decided_on")


def record_adoption(
    actor: Actor, tenant: Tenant, solution_id: int, data: Mapping[str, Any]
) -> Adoption:
    """``tenant`` records that it evaluates, adopted, adapted or dropped a solution."""
    if not actor.may_edit_in(tenant.id):
        raise PermissionDenied(f"record adoption for tenant {tenant.id}")
    try:
        solution = get_entry(actor, solution_id)
    except EntryNotFound:
        solution = None
    if not isinstance(solution, Solution):
        raise ContentError(_("Diese Lösung gibt es nicht."), "solution_id")
    if solution.tenant_id == tenant.id:
        raise ContentError(
            _("Eine Organisation übernimmt nicht ihre eigene Lösung."), "solution_id"
        )
    adoption = Adoption(
        tenant=tenant,
        solution=solution,
        status=AdoptionStatus.EVALUATING,
        visibility=Visibility.NETWORK,
        created_by_id=actor.user_id,
    )
    _apply(actor, adoption, data)
    db.session.add(adoption)
    db.session.flush()
    notify_adoption(actor, adoption)
    return adoption


def update_adoption(actor: Actor, adoption: Adoption, data: Mapping[str, Any]) -> Adoption:
    if not can_edit_adoption(actor, adoption):
        raise PermissionDenied(f"edit adoption {adoption.id}")
    status_before = adoption.status
    _apply(actor, adoption, data)
    adoption.updated_at = utcnow()
    db.session.flush()
    notify_adoption(actor, adoption, changed_status=adoption.status != status_before)
    return adoption


def delete_adoption(actor: Actor, adoption: Adoption) -> None:
    if not can_edit_adoption(actor, adoption):
        raise PermissionDenied(f"delete adoption {adoption.id}")
    adoption.deleted_at = utcnow()
    db.session.flush()


def adopting_tenants(actor: Actor, solution: Solution) -> list[Tenant]:
    """The tenants for which ``actor`` may record an adoption of ``solution``: where they edit,
    except the solution's owner. Sorted by name."""
    tenant_ids = actor.editable_tenant_ids - {solution.tenant_id}
    if not tenant_ids:
        return []
    return list(
        db.session.scalars(
            select(Tenant).where(Tenant.id.in_(tenant_ids)).order_by(Tenant.short_name)
        )
    )


def adoptions_by_others(actor: Actor, *, limit: int = 10) -> list[Adoption]:
    """The latest adoptions other tenants recorded of solutions of ``actor``'s tenants."""
    own = frozenset(actor.roles)
    if not own:
        return []
    scope = scope_for(actor)
    query = (
        select(Adoption)
        .join(Solution, Solution.id == Adoption.solution_id)
        .where(
            scope.adoption_filter(),
            Solution.tenant_id.in_(own),
            Adoption.tenant_id.not_in(own),
        )
        .order_by(Adoption.updated_at.desc(), Adoption.id.desc())
        .limit(limit * 2)
    )
    return [a for a in db.session.scalars(query) if scope.allows_adoption(a)][:limit]
