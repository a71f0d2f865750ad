"""``/api/v1`` administration: tenants and their settings, topics, members, invitations,
accounts and the audit log – what ``/verwaltung`` offers – and the caller's own personal access
tokens (the account page's), on the API's blueprint.

Each view loads its arguments, checks access once (as the administration pages do), then
calls the same use case as the web inside ``write_transaction``; the use cases write the
audit events. Calls without a token answer 401, tenants and topics are public (an unknown
one answers 404), and what a caller may not administer answers 403. Hub admins manage
tenants, topics and accounts; a tenant's admins its members, invitations and settings.
"""

from __future__ import annotations

from flask import current_app, g, url_for
from flask.views import MethodView
from flask_babel import gettext as _

from hanse_hub.accounts import audit_log, invitations, members, mfa, sso
from hanse_hub.accounts import tokens as token_services
from hanse_hub.accounts.invitation_mail import send_invitation
from hanse_hub.accounts.models import AuditEvent, Membership, Role, User
from hanse_hub.accounts.services import AccountError
from hanse_hub.admin import services as admin_services
from hanse_hub.api import administration_schemas as admin_schemas
from hanse_hub.api import schemas, workflow_schemas
from hanse_hub.api.common import (
    ACTION_PROBLEMS,
    ID,
    LIST_HEADERS,
    READ_PROBLEMS,
    WRITE_PROBLEMS,
    blueprint,
    empty_list,
    list_of,
    list_response,
    problems,
    require_caller,
    require_json_body,
    require_writer,
)
from hanse_hub.api.errors import problem
from hanse_hub.content import topics
from hanse_hub.content.models import Topic
from hanse_hub.content.services import ContentError
from hanse_hub.database import write_transaction
from hanse_hub.extensions import db
from hanse_hub.labels import AUDIT_ACTION_LABELS
from hanse_hub.policy import (
    Actor,
    PermissionDenied,
    can_administer_tenant,
    can_manage_hub,
    can_see_administration,
)
from hanse_hub.tenants.models import Tenant
from hanse_hub.tenants.services import (
    HUB_TENANT_SETTINGS,
    SLUG_PATTERN,
    InvalidTenantSetting,
    TenantError,
    get_tenant,
    list_tenants,
)

DELETE_PROBLEMS = ACTION_PROBLEMS
# Slugs in paths, as long as the columns hold: a longer one names nothing (404), and the OpenAPI
# document says so.
TENANT_SLUG = "<string(maxlength=60):slug>"
TOPIC_SLUG = "<string(maxlength=80):slug>"


# -- serialising ---------------------------------------------------------------------------------


def tenant_payload(tenant: Tenant) -> dict:
    return {
        "slug": tenant.slug,
        "kind": str(tenant.kind),
        "official_name": tenant.official_name,
        "short_name": tenant.short_name,
        "colour": tenant.colour,
        "website": tenant.website,
        "contact_address": tenant.contact_address,
    }


def member_payload(membership: Membership) -> dict:
    user = membership.user
    return {
        "user_id": user.id,
        "display_name": user.display_name,
        "email": user.email,
        "role": membership.role.value,
        "active": user.is_active_account,
        "member_since": membership.created_at,
    }


def invitation_payload(invitation: invitations.Invitation) -> dict:
    """An invitation without its token: that travels only in the e-mail."""
    return {
        "id": invitation.id,
        "email": invitation.email,
        "role": invitation.role.value,
        "invited_by": invitation.invited_by_id,
        "created_at": invitation.created_at,
        "expires_at": invitation.expires_at,
    }


def account_payload(user: User) -> dict:
    return {
        "id": user.id,
        "email": user.email,
        "display_name": user.display_name,
        "active": user.is_active_account,
        "hub_admin": user.is_hub_admin,
        "created_at": user.created_at,
        "memberships": [
            {"tenant": m.tenant.slug, "role": m.role.value}
            for m in sorted(user.memberships, key=lambda m: m.tenant.slug)
        ],
    }


def audit_payload(event: AuditEvent, slugs: dict[int, str]) -> dict:
    return {
        "id": event.id,
        "created_at": event.created_at,
        "action": event.action,
        "label": str(AUDIT_ACTION_LABELS.get(event.action, event.action)),
        "actor_id": event.actor_id,
        "tenant": slugs.get(event.tenant_id) if event.tenant_id else None,
        "target": event.target,
        "detail": event.detail if isinstance(event.detail, dict) else {},
    }


# -- access --------------------------------------------------------------------------------------


def _require_hub(actor: Actor) -> None:
    if not can_manage_hub(actor):
        raise problem(
            403, _("Organisationen, Handlungsfelder und Konten verwaltet die Hub-Administration.")
        )


def _tenant(slug: str) -> Tenant:
    tenant = get_tenant(slug)
    if tenant is None:
        raise problem(404, _("Diese Organisation gibt es nicht."))
    return tenant


def _administered_tenant(actor: Actor, slug: str) -> Tenant:
    """The tenant named by ``slug``, if ``actor`` administers it (tenants are public: an
    unknown one is 404, one the caller may not administer 403)."""
    tenant = _tenant(slug)
    if not can_administer_tenant(actor, tenant.id):
        raise problem(403, _("Sie verwalten %(tenant)s nicht.", tenant=tenant.short_name))
    return tenant


def _topic(slug: str) -> Topic:
    topic = topics.get_topic(slug) if len(slug) <= 80 and SLUG_PATTERN.match(slug) else None
    if topic is None:
        raise problem(404, _("Dieses Handlungsfeld gibt es nicht."))
    return topic


def _member(actor: Actor, tenant: Tenant, user_id: int) -> Membership:
    membership = members.get_member(actor, tenant, user_id)
    if membership is None:
        raise problem(
            404, _("Diese Person ist nicht Mitglied von %(tenant)s.", tenant=tenant.short_name)
        )
    return membership


def _invalid(error: Exception, field: str | None, *, status: int = 422):
    return problem(status, str(error), errors={field or "_schema": [str(error)]})


# -- tenants and topics --------------------------------------------------------------------------


@blueprint.route("/tenants", endpoint="tenants")
@blueprint.response(200, schemas.TenantSchema(many=True))
@problems(*READ_PROBLEMS)
def tenant_list():
    """The organisations of the network."""
    return [
        {
            **{
                c: getattr(t, c)
                for c in (
                    "slug",
                    "official_name",
                    "short_name",
                    "colour",
                    "website",
                    "contact_address",
                )
            },
            "kind": str(t.kind),
        }
        for t in list_tenants()
    ]


@blueprint.route("/topics", endpoint="topics")
@blueprint.response(200, schemas.TopicSchema(many=True))
@problems(*READ_PROBLEMS)
def topic_list():
    """The topic taxonomy (Handlungsfelder)."""
    return topics.list_topics()


# -- tenants -------------------------------------------------------------------------------------


@blueprint.route("/tenants", methods=["POST"])
@blueprint.arguments(admin_schemas.TenantCreateSchema)
@blueprint.response(201, schemas.TenantSchema)
@problems(*WRITE_PROBLEMS)
def create_tenant(data):
    """Add an organisation (hub admins). A slug already taken answers 409."""
    actor = require_writer()
    _require_hub(actor)
    slug = data.pop("slug")
    try:
        with write_transaction():
            tenant = admin_services.add_tenant(actor, slug, **data)
    except InvalidTenantSetting as error:
        taken = error.field == "slug" and get_tenant(slug) is not None
        raise _invalid(error, error.field, status=409 if taken else 422) from None
    except TenantError as error:
        raise _invalid(error, None) from None
    location = url_for("api.TenantResource", slug=tenant.slug, _external=True)
    return tenant_payload(tenant), 201, {"Location": location}


@blueprint.route(f"/tenants/{TENANT_SLUG}")
class TenantResource(MethodView):
    @blueprint.response(200, schemas.TenantSchema)
    @problems(*READ_PROBLEMS, 404)
    def get(self, slug: str):
        """One organisation."""
        return tenant_payload(_tenant(slug))

    @blueprint.arguments(admin_schemas.TenantUpdateSchema)
    @blueprint.response(200, schemas.TenantSchema)
    @problems(*WRITE_PROBLEMS)
    def patch(self, data, slug: str):
        """Change an organisation's settings: its admins the short name, colour, website and
        contact address; hub admins also the official name and kind."""
        actor = require_writer()
        require_json_body()
        tenant = _administered_tenant(actor, slug)
        try:
            with write_transaction():
                admin_services.edit_tenant(actor, tenant, data)
        except PermissionDenied:
            message = _("Den offiziellen Namen und die Art ändert die Hub-Administration.")
            refused = sorted(set(data) & set(HUB_TENANT_SETTINGS))
            raise problem(403, message, errors={name: [message] for name in refused}) from None
        except InvalidTenantSetting as error:
            raise _invalid(error, error.field) from None
        return tenant_payload(tenant)


# -- single sign-on of a tenant (hub admins) ----------------------------------------------------


def _sso_payload(tenant: Tenant, provider) -> dict:
    setting = sso.secret_setting(tenant.slug)
    return {
        "issuer": provider.issuer,
        "client_id": provider.client_id,
        "allowed_domains": provider.domains,
        "default_role": provider.default_role.value,
        "role_claim": provider.role_claim,
        "role_mapping": provider.role_mapping or {},
        "local_passwords": provider.local_passwords,
        "enabled": provider.enabled,
        "secret_setting": setting,
        "secret_set": bool(current_app.config.get("HANSE_OIDC_SECRETS", {}).get(setting)),
    }


@blueprint.route(f"/tenants/{TENANT_SLUG}/single-sign-on")
class TenantSingleSignOn(MethodView):
    @blueprint.response(200, admin_schemas.SsoProviderSchema)
    @problems(*READ_PROBLEMS, 403, 404)
    def get(self, slug: str):
        """The organisation's single sign-on provider (hub admins); 404 when it has none."""
        actor = require_caller()
        _require_hub(actor)
        tenant = _tenant(slug)
        provider = sso.provider_of(tenant)
        if provider is None:
            raise problem(404, _("%(tenant)s hat kein Single Sign-on.", tenant=tenant.short_name))
        return _sso_payload(tenant, provider)

    @blueprint.arguments(admin_schemas.SsoProviderUpdateSchema)
    @blueprint.response(200, admin_schemas.SsoProviderSchema)
    @problems(*WRITE_PROBLEMS)
    def put(self, data, slug: str):
        """Configure or replace the organisation's provider (hub admins). The client secret
        is set in the environment (`secret_setting`), never through the API."""
        actor = require_writer()
        require_json_body()
        _require_hub(actor)
        tenant = _tenant(slug)
        values = {
            **data,
            "allowed_domains": "\n".join(data["allowed_domains"]),
            "role_mapping": "\n".join(f"{k} = {v}" for k, v in data["role_mapping"].items()),
        }
        try:
            with write_transaction():
                provider = sso.configure_provider(actor, tenant, values)
        except sso.SsoError as error:
            raise _invalid(error, error.field) from None
        return _sso_payload(tenant, provider)

    @blueprint.response(204)
    @problems(*ACTION_PROBLEMS)
    def delete(self, slug: str):
        """Remove the organisation's provider (hub admins)."""
        actor = require_writer()
        _require_hub(actor)
        tenant = _tenant(slug)
        with write_transaction():
            removed = sso.remove_provider(actor, tenant)
        if not removed:
            raise problem(404, _("%(tenant)s hat kein Single Sign-on.", tenant=tenant.short_name))
        return "", 204


# -- topics --------------------------------------------------------------------------------------


@blueprint.route("/topics", methods=["POST"])
@blueprint.arguments(admin_schemas.TopicCreateSchema)
@blueprint.response(201, schemas.TopicSchema)
@problems(*WRITE_PROBLEMS)
def create_topic(data):
    """Add a topic (hub admins). A slug already taken answers 409."""
    actor = require_writer()
    _require_hub(actor)
    slug = data["slug"]
    try:
        with write_transaction():
            topic = admin_services.add_topic(
                actor, slug, data["name_de"], data.get("name_en") or None
            )
    except ContentError as error:
        taken = error.field == "slug" and topics.get_topic(slug) is not None
        raise _invalid(error, error.field, status=409 if taken else 422) from None
    location = url_for("api.TopicResource", slug=topic.slug, _external=True)
    return topic, 201, {"Location": location}


@blueprint.route(f"/topics/{TOPIC_SLUG}")
class TopicResource(MethodView):
    @blueprint.response(200, schemas.TopicSchema)
    @problems(*READ_PROBLEMS, 404)
    def get(self, slug: str):
        """One topic."""
        return _topic(slug)

    @blueprint.arguments(admin_schemas.TopicUpdateSchema)
    @blueprint.response(200, schemas.TopicSchema)
    @problems(*WRITE_PROBLEMS)
    def patch(self, data, slug: str):
        """Rename a topic (hub admins); its slug stays."""
        actor = require_writer()
        require_json_body()
        _require_hub(actor)
        topic = _topic(slug)
        try:
            with write_transaction():
                admin_services.rename_topic(actor, topic, data.get("name_de"), data.get("name_en"))
        except ContentError as error:
            raise _invalid(error, error.field) from None
        return topic

    @blueprint.response(204)
    @problems(*DELETE_PROBLEMS)
    def delete(self, slug: str):
        """Remove a topic (hub admins); entries keep their other topics."""
        actor = require_writer()
        _require_hub(actor)
        topic = _topic(slug)
        with write_transaction():
            admin_services.remove_topic(actor, topic)
        return "", 204


# -- members -------------------------------------------------------------------------------------


@blueprint.route(f"/tenants/{TENANT_SLUG}/members")
@blueprint.response(200, admin_schemas.MemberSchema(many=True))
@problems(*READ_PROBLEMS, 403, 404)
def tenant_members(slug: str):
    """The members of an organisation with their roles (its admins and hub admins)."""
    actor = require_caller()
    tenant = _administered_tenant(actor, slug)
    return [member_payload(m) for m in members.list_members(actor, tenant)]


@blueprint.route(f"/tenants/{TENANT_SLUG}/members/<{ID}:user_id>")
class MemberResource(MethodView):
    @blueprint.arguments(admin_schemas.MemberUpdateSchema)
    @blueprint.response(200, admin_schemas.MemberSchema)
    @problems(*WRITE_PROBLEMS)
    def patch(self, data, slug: str, user_id: int):
        """Give a member another role. The last admin cannot be demoted (409), except by a hub
        admin."""
        actor = require_writer()
        require_json_body()
        tenant = _administered_tenant(actor, slug)
        membership = _member(actor, tenant, user_id)
        try:
            with write_transaction():
                membership = members.change_role(actor, tenant, membership, Role(data["role"]))
        except AccountError as error:
            raise _invalid(error, "role", status=409) from None
        return member_payload(membership)

    @blueprint.response(204)
    @problems(*DELETE_PROBLEMS, 409)
    def delete(self, slug: str, user_id: int):
        """End a membership; the account and its content stay. The last admin cannot be
        removed (409), except by a hub admin."""
        actor = require_writer()
        tenant = _administered_tenant(actor, slug)
        membership = _member(actor, tenant, user_id)
        try:
            with write_transaction():
                members.remove_member(actor, tenant, membership)
        except AccountError as error:
            raise _invalid(error, None, status=409) from None
        return "", 204


# -- invitations ---------------------------------------------------------------------------------


@blueprint.route(f"/tenants/{TENANT_SLUG}/invitations")
class Invitations(MethodView):
    @blueprint.response(200, admin_schemas.InvitationSchema(many=True))
    @problems(*READ_PROBLEMS, 403, 404)
    def get(self, slug: str):
        """The organisation's pending invitations, newest first."""
        actor = require_caller()
        tenant = _administered_tenant(actor, slug)
        return [invitation_payload(i) for i in invitations.pending_invitations(tenant)]

    @blueprint.arguments(admin_schemas.InvitationCreateSchema)
    @blueprint.response(201, admin_schemas.CreatedInvitationSchema)
    @problems(*WRITE_PROBLEMS)
    def post(self, data, slug: str):
        """Invite a person by e-mail with a role; the link goes out by e-mail only and lasts 14
        days. Inviting the address again replaces its pending invitation. A member already
        answers 409."""
        actor = require_writer()
        tenant = _administered_tenant(actor, slug)
        try:
            with write_transaction():
                created = invitations.invite(actor, tenant, data["email"], Role(data["role"]))
        except AccountError as error:
            raise _invalid(error, "email", status=409) from None
        sent = send_invitation(created, g.api_token.user.display_name)
        return {**invitation_payload(created.invitation), "mail_sent": sent}, 201


@blueprint.route(f"/tenants/{TENANT_SLUG}/invitations/<{ID}:invitation_id>", methods=["DELETE"])
@blueprint.response(204)
@problems(*DELETE_PROBLEMS)
def revoke_invitation(slug: str, invitation_id: int):
    """Withdraw a pending invitation; its link stops working."""
    actor = require_writer()
    tenant = _administered_tenant(actor, slug)
    try:
        with write_transaction():
            invitations.revoke_invitation(actor, tenant, invitation_id)
    except LookupError:
        raise problem(404, _("Diese Einladung gibt es nicht (mehr).")) from None
    return "", 204


# -- accounts ------------------------------------------------------------------------------------


@blueprint.route("/accounts")
@blueprint.arguments(admin_schemas.AccountListArgs, location="query")
@blueprint.response(200, admin_schemas.AccountListSchema, headers=LIST_HEADERS)
@problems(*READ_PROBLEMS, 403, 422)
def accounts(args):
    """Accounts, by e-mail address; `q` searches names and addresses (hub admins)."""
    actor = require_caller()
    _require_hub(actor)
    found = admin_services.find_accounts(
        actor, args["q"], page=args["page"], per_page=args["per_page"]
    )
    return list_response(found, account_payload)


@blueprint.route(f"/accounts/<{ID}:user_id>/deactivation", methods=["POST"])
@blueprint.response(200, admin_schemas.AccountSchema)
@problems(*DELETE_PROBLEMS, 409)
def deactivate_account(user_id: int):
    """Deactivate an account (hub admins): its logins and tokens stop at once. One's own
    account answers 409."""
    actor = require_writer()
    _require_hub(actor)
    user = db.session.get(User, user_id)
    if user is None or user.pseudonymised_at is not None:
        raise problem(404, _("Dieses Konto gibt es nicht."))
    try:
        with write_transaction():
            admin_services.deactivate_account(actor, user)
    except AccountError as error:
        raise _invalid(error, None, status=409) from None
    return account_payload(user)


@blueprint.route(f"/accounts/<{ID}:user_id>/second-factor-reset", methods=["POST"])
@blueprint.response(200, admin_schemas.AccountSchema)
@problems(*DELETE_PROBLEMS)
def reset_second_factor(user_id: int):
    """Reset an account's second factor (hub admins), e.g. after a lost phone: its
    authenticator app and recovery codes are removed, and all its logins end."""
    actor = require_writer()
    _require_hub(actor)
    user = db.session.get(User, user_id)
    if user is None or user.pseudonymised_at is not None:
        raise problem(404, _("Dieses Konto gibt es nicht."))
    with write_transaction():
        mfa.reset(actor, user)
    return account_payload(user)


# -- audit log -----------------------------------------------------------------------------------


@blueprint.route("/audit")
@blueprint.arguments(admin_schemas.AuditListArgs, location="query")
@blueprint.response(200, admin_schemas.AuditListSchema, headers=LIST_HEADERS)
@problems(*READ_PROBLEMS, 403, 422)
def audit(args):
    """The audit log, newest first: hub admins read every event, a tenant's admins the events
    of their tenants."""
    actor = require_caller()
    if not can_see_administration(actor):
        raise problem(403, _("Das Protokoll lesen nur Administrationen."))
    tenant = None
    if "tenant" in args and (tenant := get_tenant(args["tenant"])) is None:
        return empty_list(args)
    result = audit_log.audit_events(
        actor,
        action=args.get("action"),
        tenant_id=tenant.id if tenant else None,
        page=args["page"],
        per_page=args["per_page"],
    )
    slugs = {t.id: t.slug for t in list_tenants()}
    return list_response(result, lambda event: audit_payload(event, slugs))


# -- personal access tokens ----------------------------------------------------------------------


def _token_payload(token) -> dict:
    return {
        "id": token.id,
        "name": token.name,
        "prefix": token.prefix,
        "read_only": token.read_only,
        "active": token.revoked_at is None,
        "created_at": token.created_at,
        "last_used_at": token.last_used_at,
        "revoked_at": token.revoked_at,
    }


@blueprint.route("/tokens")
class Tokens(MethodView):
    @blueprint.arguments(workflow_schemas.TokenListArgs, location="query")
    @blueprint.response(200, workflow_schemas.TokenListSchema, headers=LIST_HEADERS)
    @problems(*READ_PROBLEMS, 422)
    def get(self, args):
        """The caller's personal access tokens, newest first, revoked ones included."""
        require_caller()
        found = token_services.tokens_of(g.api_token.user)
        return list_of(found, args, _token_payload)

    @blueprint.arguments(workflow_schemas.TokenCreateSchema)
    @blueprint.response(201, workflow_schemas.TokenCreatedSchema)
    @problems(400, 401, 403, 422, 429)
    def post(self, data):
        """Create a personal access token for the caller. Its `secret` is answered only now.

        A read-only token cannot create tokens."""
        require_writer()
        try:
            with write_transaction():
                created = token_services.create_token(
                    g.api_token.user,
                    data["name"],
                    read_only=data["read_only"],
                    # A token passes on the second factor of the login it was created from.
                    mfa_session=g.api_token.mfa_session,
                    mfa_required=mfa.is_required(
                        g.api_token.user,
                        required_for_admins=current_app.config["HANSE_MFA_REQUIRED_FOR_ADMINS"],
                    ),
                )
        except token_services.TokenNeedsSecondFactor as error:
            raise problem(403, str(error)) from None
        except token_services.TokenError as error:
            raise problem(422, str(error), errors={"name": [str(error)]}) from None
        return {**_token_payload(created.token), "secret": created.secret}, 201


@blueprint.route(f"/tokens/<{ID}:token_id>", methods=["DELETE"])
@blueprint.response(204)
@problems(*ACTION_PROBLEMS)
def revoke_token(token_id: int):
    """Revoke one of the caller's tokens (at once; revoking a revoked one changes nothing)."""
    require_writer()
    try:
        with write_transaction():
            token_services.revoke_token(g.api_token.user, token_id)
    except token_services.TokenError as error:
        raise problem(404, str(error)) from None
    return "", 204
