"""Administrative use cases: the domain services plus their audit event, in one transaction.

Callers own the transaction (``write_transaction``); nothing here commits.
"""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import or_, select

from hanse_hub.accounts import services as accounts
from hanse_hub.accounts.models import User
from hanse_hub.content import topics
from hanse_hub.content.models import Topic
from hanse_hub.paging import Page, page_of
from hanse_hub.policy import Actor, PermissionDenied, can_manage_hub
from hanse_hub.tenants import services as tenants
from hanse_hub.tenants.models import Tenant


def _jsonable(value):
    return value if value is None or isinstance(value, (str, int, float, bool)) else str(value)


def edit_tenant(actor: Actor, tenant: Tenant, data: dict) -> dict[str, tuple]:
    """Change a tenant's settings (``tenants.services.update_tenant``) and record what changed."""
    changes = tenants.update_tenant(actor, tenant, data)
    if changes:
        accounts.add_audit_event(
            "tenant_updated",
            actor_id=actor.user_id,
            tenant_id=tenant.id,
            target=f"tenant:{tenant.slug}",
            detail={
                name: {"old": _jsonable(old), "new": _jsonable(new)}
                for name, (old, new) in changes.items()
            },
        )
    return changes


def add_tenant(actor: Actor, slug: str, **values) -> Tenant:
    colour = values.get("colour")
    if colour is not None:
        values["colour"] = tenants.check_colour(colour)
    tenant = tenants.create_tenant(actor, slug, **values)
    accounts.add_audit_event(
        "tenant_created",
        actor_id=actor.user_id,
        tenant_id=tenant.id,
        target=f"tenant:{tenant.slug}",
        detail={"official_name": tenant.official_name, "kind": tenant.kind.value},
    )
    return tenant


def add_topic(actor: Actor, slug: str, name_de: str, name_en: str | None = None) -> Topic:
    topic = topics.add_topic(actor, slug, name_de, name_en)
    accounts.add_audit_event(
        "topic_added",
        actor_id=actor.user_id,
        target=f"topic:{topic.slug}",
        detail={"name_de": topic.name_de, "name_en": topic.name_en},
    )
    return topic


def rename_topic(actor: Actor, topic: Topic, name_de: str, name_en: str | None) -> Topic:
    old = {"name_de": topic.name_de, "name_en": topic.name_en}
    topics.rename_topic(actor, topic, name_de=name_de, name_en=name_en)
    accounts.add_audit_event(
        "topic_renamed",
        actor_id=actor.user_id,
        target=f"topic:{topic.slug}",
        detail={"old": old, "new": {"name_de": topic.name_de, "name_en": topic.name_en}},
    )
    return topic


def remove_topic(actor: Actor, topic: Topic) -> None:
    slug, name = topic.slug, topic.name_de
    topics.remove_topic(actor, topic)
    accounts.add_audit_event(
        "topic_removed", actor_id=actor.user_id, target=f"topic:{slug}", detail={"name_de": name}
    )


def deactivate_account(actor: Actor, user: User) -> None:
    """Deactivate someone else's account; its login sessions and API tokens stop at once."""
    if not can_manage_hub(actor):
        raise PermissionDenied("manage accounts")
    if user.id == actor.user_id:
        raise accounts.AccountError(
            _(
                "Sie können Ihr eigenes Konto nicht deaktivieren – bitten Sie eine andere "
                "Hub-Administration darum."
            )
        )
    accounts.deactivate_user(actor, user)
    accounts.add_audit_event(
        "account_deactivated",
        actor_id=actor.user_id,
        target=user.email_folded,
        detail={"user_id": user.id},
    )


def find_accounts(actor: Actor, search: str = "", *, page: int = 1, per_page: int = 50) -> Page:
    """Accounts (not pseudonymised ones) whose e-mail address or name contains ``search``,
    ordered by address: one page of them and how many there are. Hub admins only."""
    if not can_manage_hub(actor):
        raise PermissionDenied("manage accounts")
    query = select(User).where(User.pseudonymised_at.is_(None))
    search = search.strip()
    if search:
        pattern = "%" + search.replace("\\", "\\\\").replace("%", r"\%").replace("_", r"\_") + "%"
        query = query.where(
            or_(
                User.email_folded.like(pattern.casefold(), escape="\\"),
                User.display_name.ilike(pattern, escape="\\"),
            )
        )
    return page_of(query.order_by(User.email_folded), page, per_page)
