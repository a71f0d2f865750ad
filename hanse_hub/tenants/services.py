"""Tenant use cases. Callers own the transaction."""

from __future__ import annotations

import re

from sqlalchemy import select

from hanse_hub.extensions import db
from hanse_hub.policy import Actor, PermissionDenied, can_manage_hub
from hanse_hub.tenants.models import Tenant, TenantKind

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
COLOUR_PATTERN = re.compile(r"^#[0-9a-fA-F]{6}$")


class TenantError(ValueError):
    """Tenant data that cannot be saved, with a message for people."""


def list_tenants() -> list[Tenant]:
    """Tenants are public: the network shows who takes part."""
    return list(db.session.scalars(select(Tenant).order_by(Tenant.kind, Tenant.short_name)))


def get_tenant(slug: str) -> Tenant | None:
    return db.session.scalar(select(Tenant).where(Tenant.slug == slug))


def create_tenant(
    actor: Actor | None,
    slug: str,
    *,
    official_name: str,
    short_name: str | None = None,
    kind: TenantKind = TenantKind.CITY,
    colour: str = "#1d4e89",
    website: str | None = None,
    contact_address: str | None = None,
) -> Tenant:
    """Add an organisation to the hub. ``actor=None`` is the operator on the command line."""
    if actor is not None and not can_manage_hub(actor):
        raise PermissionDenied("manage tenants")
    if not SLUG_PATTERN.match(slug):
        raise TenantError(
            f"„{slug}“ ist kein gültiges Kürzel: nur Kleinbuchstaben, Ziffern und Bindestriche."
        )
    if not COLOUR_PATTERN.match(colour):
        raise TenantError(f"„{colour}“ ist keine Farbe im Format #rrggbb.")
    if not official_name.strip():
        raise TenantError("Bitte geben Sie den offiziellen Namen an.")
    if get_tenant(slug) is not None:
        raise TenantError(f"Das Kürzel „{slug}“ ist bereits vergeben.")
    tenant = Tenant(
        slug=slug,
        kind=TenantKind(kind),
        official_name=official_name.strip(),
        short_name=(short_name or official_name).strip(),
        colour=colour,
        website=website,
        contact_address=contact_address,
    )
    db.session.add(tenant)
    db.session.flush()
    return tenant
