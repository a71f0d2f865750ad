"""Tenant use cases. Callers own the transaction."""

from __future__ import annotations

import re

from flask_babel import gettext as _
from sqlalchemy import select

from hanse_hub.extensions import db
from hanse_hub.policy import Actor, PermissionDenied, can_manage_hub, can_manage_members
from hanse_hub.tenants.models import Tenant, TenantKind

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
COLOUR_PATTERN = re.compile(r"^#[0-9a-fA-F]{6}$")


class TenantError(ValueError):
    """Tenant data that cannot be saved, with a message for people."""


class InvalidTenantSetting(TenantError):
    """One setting cannot be saved; ``field`` names it, so forms show the message beside it."""

    def __init__(self, message: str, field: str):
        super().__init__(message)
        self.field = field


def _not_a_colour(colour: str) -> str:
    return _("„%(colour)s“ ist keine Farbe im Format #rrggbb.", colour=colour)


def list_tenants() -> list[Tenant]:
    """Tenants are public: the network shows who takes part."""
    return list(db.session.scalars(select(Tenant).order_by(Tenant.kind, Tenant.short_name)))


def get_tenant(slug: str) -> Tenant | None:
    """The tenant with this slug; a string that cannot be a slug (e.g. with NUL) finds none."""
    if not SLUG_PATTERN.match(slug or "") or len(slug) > 60:
        return None
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
    """Add an organisation to the hub. ``actor=None`` is the operator on the command line.

    Raises ``InvalidTenantSetting`` naming the field (``slug``, ``colour``, ``official_name``).
    """
    if actor is not None and not can_manage_hub(actor):
        raise PermissionDenied("manage tenants")
    if not SLUG_PATTERN.match(slug):
        raise InvalidTenantSetting(
            _(
                "„%(slug)s“ ist kein gültiges Kürzel: nur Kleinbuchstaben, Ziffern und "
                "Bindestriche.",
                slug=slug,
            ),
            "slug",
        )
    if not COLOUR_PATTERN.match(colour):
        raise InvalidTenantSetting(_not_a_colour(colour), "colour")
    if not official_name.strip():
        raise InvalidTenantSetting(_("Bitte geben Sie den offiziellen Namen an."), "official_name")
    if get_tenant(slug) is not None:
        raise InvalidTenantSetting(
            _("Das Kürzel „%(slug)s“ ist bereits vergeben.", slug=slug), "slug"
        )
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


# -- settings ------------------------------------------------------------------------------------

# White text on the tenant colour (tags, banners) must stay readable: WCAG 2 level AA.
MIN_CONTRAST_WITH_WHITE = 4.5
# What a tenant's own admins may change; the official name and kind are the hub admins' business.
TENANT_SETTINGS = ("short_name", "colour", "website", "contact_address")
HUB_TENANT_SETTINGS = ("official_name", "kind")
WEBSITE_PATTERN = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$", re.IGNORECASE)


def _relative_luminance(colour: str) -> float:
    def channel(hex_pair: str) -> float:
        value = int(hex_pair, 16) / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_with_white(colour: str) -> float:
    """The WCAG 2 contrast ratio of white text on ``colour`` (#rrggbb), from 1 to 21."""
    if not COLOUR_PATTERN.match(colour):
        raise InvalidTenantSetting(_not_a_colour(colour), "colour")
    return 1.05 / (_relative_luminance(colour) + 0.05)


def check_colour(colour: str) -> str:
    """``colour`` in lower case, if white text on it is readable (contrast ≥ 4.5:1)."""
    ratio = contrast_with_white(colour)
    if ratio < MIN_CONTRAST_WITH_WHITE:
        raise InvalidTenantSetting(
            _(
                "Weiße Schrift auf %(colour)s hat nur ein Kontrastverhältnis von %(ratio)s:1; "
                "nötig sind mindestens %(minimum)s:1. Bitte wählen Sie eine dunklere Farbe.",
                colour=colour,
                ratio=format(ratio, ".1f"),
                minimum=MIN_CONTRAST_WITH_WHITE,
            ),
            "colour",
        )
    return colour.lower()


def _clean_setting(name: str, value):
    if name in ("short_name", "official_name"):
        value = (value or "").strip()
        limit = 80 if name == "short_name" else 200
        if not value:
            raise InvalidTenantSetting(_("Bitte geben Sie einen Namen an."), name)
        if len(value) > limit:
            raise InvalidTenantSetting(_("Höchstens %(count)s Zeichen.", count=limit), name)
        return value
    if name == "colour":
        return check_colour((value or "").strip())
    if name == "website":
        value = (value or "").strip() or None
        if value is not None and (len(value) > 300 or not WEBSITE_PATTERN.match(value)):
            raise InvalidTenantSetting(
                _("Bitte geben Sie eine vollständige Adresse an, die mit https:// beginnt."), name
            )
        return value
    if name == "contact_address":
        value = (value or "").strip() or None
        if value is not None and len(value) > 2000:
            raise InvalidTenantSetting(_("Höchstens %(count)s Zeichen.", count=2000), name)
        return value
    if name == "kind":
        try:
            return TenantKind(value)
        except ValueError:
            raise InvalidTenantSetting(_("Bitte wählen Sie eine Art aus."), name) from None
    raise InvalidTenantSetting(_("„%(name)s“ kann nicht geändert werden.", name=name), name)


def update_tenant(actor: Actor | None, tenant: Tenant, data: dict) -> dict[str, tuple]:
    """Change a tenant's settings; returns the changes as ``{field: (old, new)}``.

    A tenant's admins change its short name, colour, website and contact address; hub admins
    (and the operator, ``actor=None``) also its official name and kind. The slug never changes:
    links to the tenant's pages must keep working.
    """
    allowed = set(TENANT_SETTINGS)
    if actor is None or can_manage_hub(actor):
        allowed |= set(HUB_TENANT_SETTINGS)
    elif not can_manage_members(actor, tenant.id):
        raise PermissionDenied(f"change settings of tenant {tenant.id}")
    for name in data:
        if name not in allowed:
            raise PermissionDenied(f"change {name} of tenant {tenant.id}")
    cleaned = {name: _clean_setting(name, value) for name, value in data.items()}
    changes = {}
    for name, value in cleaned.items():
        old = getattr(tenant, name)
        if old != value:
            changes[name] = (old, value)
            setattr(tenant, name, value)
    db.session.flush()
    return changes
