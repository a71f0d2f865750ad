"""marshmallow schemas of the administration API: tenants, topics, members, invitations,
accounts and the audit log.

Input is checked at the edge as the administration forms check it (unknown fields are
refused); the rules that need the database or the caller (a colour's contrast, a slug being
taken, the last admin) are the services' business.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from marshmallow import Schema, ValidationError, fields, validate

from hanse_hub.accounts.models import Role
from hanse_hub.api.schemas import PageSchema, PaginationArgs, StrictSchema, TranslatedString
from hanse_hub.labels import AUDIT_ACTION_LABELS
from hanse_hub.tenants.models import TenantKind
from hanse_hub.tenants.services import COLOUR_PATTERN, SLUG_PATTERN

ROLES = [role.value for role in Role]
TENANT_KINDS = [kind.value for kind in TenantKind]
# tenants.services.WEBSITE_PATTERN, spelled without its IGNORECASE flag (JSON Schema patterns
# have none): the only letters it names are those of the scheme.
WEBSITE_PATTERN = r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$"


def _not_blank(value: str) -> None:
    if not value.strip():
        raise ValidationError(str(_l("Bitte geben Sie einen Namen an.")))


def _slug(maximum: int) -> list:
    return [
        validate.Length(max=maximum),
        validate.Regexp(
            SLUG_PATTERN.pattern,
            error=_l("Nur Kleinbuchstaben, Ziffern und einzelne Bindestriche."),
        ),
    ]


def _name(maximum: int) -> list:
    return [validate.Length(min=1, max=maximum), _not_blank]


# -- tenants -------------------------------------------------------------------------------------


def _tenant_setting_fields() -> dict[str, fields.Field]:
    return {
        "short_name": fields.String(
            validate=_name(80), metadata={"description": "Shown in lists and on tags"}
        ),
        "colour": fields.String(
            validate=validate.Regexp(
                COLOUR_PATTERN.pattern, error=_l("Bitte im Format #rrggbb, z. B. #1d4e89.")
            ),
            metadata={
                "description": "#rrggbb; white text on it needs a contrast of at least 4.5:1"
            },
        ),
        "website": fields.String(
            allow_none=True,
            validate=[
                validate.Length(max=300),
                validate.Regexp(
                    WEBSITE_PATTERN,
                    error=_l(
                        "Bitte geben Sie eine vollständige Adresse an, die mit https:// beginnt."
                    ),
                ),
            ],
        ),
        "contact_address": fields.String(allow_none=True, validate=validate.Length(max=2000)),
        "official_name": fields.String(
            validate=_name(200), metadata={"description": "Hub admins only"}
        ),
        "kind": fields.String(
            validate=validate.OneOf(TENANT_KINDS), metadata={"description": "Hub admins only"}
        ),
    }


class TenantCreateSchema(StrictSchema.from_dict(_tenant_setting_fields())):
    """A new organisation. `short_name` defaults to `official_name`, `kind` to `city`."""

    slug = TranslatedString(
        required=True,
        validate=_slug(60),
        error_messages={"required": _l("Bitte geben Sie ein Kürzel an.")},
        metadata={"description": "For addresses such as /t/rostock; cannot be changed later"},
    )
    official_name = TranslatedString(
        required=True,
        validate=_name(200),
        error_messages={"required": _l("Bitte geben Sie den offiziellen Namen an.")},
    )


class TenantUpdateSchema(StrictSchema.from_dict(_tenant_setting_fields())):
    """Only the settings to change. A city's admins change `short_name`, `colour`, `website`
    and `contact_address`; hub admins also `official_name` and `kind`. The slug never changes."""


# -- topics --------------------------------------------------------------------------------------


class TopicCreateSchema(StrictSchema):
    slug = TranslatedString(
        required=True,
        validate=_slug(80),
        error_messages={"required": _l("Bitte geben Sie ein Kürzel an.")},
    )
    name_de = TranslatedString(
        required=True,
        validate=_name(120),
        error_messages={"required": _l("Bitte geben Sie einen deutschen Namen an.")},
    )
    name_en = fields.String(
        allow_none=True,
        validate=validate.Length(max=120),
        metadata={"description": "Default: the German name"},
    )


class TopicUpdateSchema(StrictSchema):
    """A new name; the slug stays, so links and filters keep working."""

    name_de = fields.String(validate=_name(120))
    name_en = fields.String(
        allow_none=True,
        validate=validate.Length(max=120),
        metadata={"description": "Empty or null: unchanged"},
    )


# -- members and invitations ---------------------------------------------------------------------


class MemberSchema(Schema):
    user_id = fields.Integer()
    display_name = fields.String()
    email = fields.String()
    role = fields.String(metadata={"enum": ROLES})
    active = fields.Boolean(metadata={"description": "False: the account is deactivated"})
    member_since = fields.DateTime()


class MemberUpdateSchema(StrictSchema):
    role = TranslatedString(
        required=True,
        validate=validate.OneOf(ROLES),
        error_messages={"required": _l("Bitte wählen Sie eine Rolle.")},
    )


class InvitationSchema(Schema):
    """A pending invitation. Its link (token) is only ever in the e-mail."""

    id = fields.Integer()
    email = fields.String()
    role = fields.String(metadata={"enum": ROLES})
    invited_by = fields.Integer(allow_none=True, metadata={"description": "Inviting account's id"})
    created_at = fields.DateTime()
    expires_at = fields.DateTime()


class CreatedInvitationSchema(InvitationSchema):
    mail_sent = fields.Boolean(
        metadata={
            "description": "False: the invitation is saved but the mail server refused the "
            "e-mail; invite the address again to retry"
        }
    )


class InvitationCreateSchema(StrictSchema):
    """Invite a person by e-mail; a pending invitation of the same address is replaced."""

    email = TranslatedString(
        required=True,
        validate=[
            validate.Length(max=320, error=_l("Höchstens 320 Zeichen.")),
            validate.Email(error=_l("Bitte geben Sie eine gültige E-Mail-Adresse ein.")),
        ],
        error_messages={"required": _l("Bitte geben Sie die E-Mail-Adresse der Person an.")},
        metadata={"format": "email"},
    )
    role = fields.String(load_default=Role.READER.value, validate=validate.OneOf(ROLES))


# -- accounts ------------------------------------------------------------------------------------


class AccountMembershipSchema(Schema):
    tenant = fields.String(metadata={"description": "Tenant's slug"})
    role = fields.String(metadata={"enum": ROLES})


class AccountSchema(Schema):
    id = fields.Integer()
    email = fields.String()
    display_name = fields.String()
    active = fields.Boolean()
    hub_admin = fields.Boolean()
    created_at = fields.DateTime()
    memberships = fields.List(fields.Nested(AccountMembershipSchema))


class AccountListSchema(PageSchema):
    items = fields.List(fields.Nested(AccountSchema))


class AccountListArgs(PaginationArgs):
    q = fields.String(
        load_default="",
        validate=validate.Length(max=200),
        metadata={"description": "Part of the name or e-mail address"},
    )


# -- audit log -----------------------------------------------------------------------------------


class AuditEventSchema(Schema):
    id = fields.Integer()
    created_at = fields.DateTime()
    action = fields.String(metadata={"enum": list(AUDIT_ACTION_LABELS)})
    label = fields.String(metadata={"description": "The action in the request's language"})
    actor_id = fields.Integer(allow_none=True, metadata={"description": "Acting account's id"})
    tenant = fields.String(allow_none=True, metadata={"description": "Tenant's slug"})
    target = fields.String(allow_none=True)
    detail = fields.Dict(keys=fields.String(), values=fields.Raw())


class AuditListSchema(PageSchema):
    items = fields.List(fields.Nested(AuditEventSchema))


class AuditListArgs(PaginationArgs):
    action = fields.String(validate=validate.OneOf(list(AUDIT_ACTION_LABELS)))
    tenant = fields.String(validate=validate.Length(max=60), metadata={"description": "Slug"})


class SsoProviderSchema(Schema):
    """A tenant's single sign-on provider (OpenID Connect). The client secret is never here:
    it comes from the environment variable named in `secret_setting`."""

    issuer = fields.String(metadata={"description": "The provider's issuer (https://…)"})
    client_id = fields.String()
    allowed_domains = fields.List(fields.String())
    default_role = fields.String(metadata={"description": "reader, editor or admin"})
    role_claim = fields.String(allow_none=True)
    role_mapping = fields.Dict(keys=fields.String(), values=fields.String())
    local_passwords = fields.Boolean()
    enabled = fields.Boolean()
    secret_setting = fields.String(dump_only=True)
    secret_set = fields.Boolean(dump_only=True)


class SsoProviderUpdateSchema(StrictSchema):
    issuer = fields.String(required=True, validate=validate.Length(max=300))
    client_id = fields.String(required=True, validate=validate.Length(min=1, max=200))
    allowed_domains = fields.List(
        fields.String(validate=validate.Length(max=253)),
        required=True,
        validate=validate.Length(min=1, max=50),
    )
    default_role = fields.String(
        load_default="reader", validate=validate.OneOf(["reader", "editor", "admin"])
    )
    role_claim = fields.String(
        allow_none=True, load_default=None, validate=validate.Length(max=100)
    )
    role_mapping = fields.Dict(
        keys=fields.String(validate=validate.Length(min=1, max=200)),
        values=fields.String(validate=validate.OneOf(["reader", "editor", "admin"])),
        load_default=dict,
        validate=validate.Length(max=100),
    )
    local_passwords = fields.Boolean(load_default=True)
    enabled = fields.Boolean(load_default=True)
