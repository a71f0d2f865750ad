"""The administration pages (``/verwaltung``).

Each handler loads its arguments, checks access once (``_administered_tenant`` or
``_require_hub``), then calls one use case inside ``write_transaction``. A tenant's
admins manage its members, invitations and settings; hub admins manage every
tenant, the topics and the accounts. The audit log shows each admin what they
may read. Unknown tenants answer 404; tenants one may not administer 403
(tenants are public, so their existence is no secret).
"""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from hanse_hub.accounts import audit_log, invitations, members, mfa, sso
from hanse_hub.accounts.invitation_mail import send_invitation
from hanse_hub.accounts.mfa_views import required_for
from hanse_hub.accounts.models import Role, User
from hanse_hub.accounts.services import AccountError
from hanse_hub.admin import services as admin_services
from hanse_hub.admin.forms import (
    ConfirmForm,
    InviteForm,
    NewTenantForm,
    RoleForm,
    SsoProviderForm,
    TenantSettingsForm,
    TopicForm,
    TopicRenameForm,
)
from hanse_hub.content import topics
from hanse_hub.content.models import Entry
from hanse_hub.content.services import ContentError
from hanse_hub.database import write_transaction
from hanse_hub.extensions import db, login_manager
from hanse_hub.labels import AUDIT_ACTION_LABELS, KIND_LABELS, ROLE_LABELS
from hanse_hub.policy import (
    administered_tenant_ids,
    can_administer_tenant,
    can_manage_hub,
    can_see_administration,
    scope_for,
)
from hanse_hub.tenants import services as tenants
from hanse_hub.tenants.models import Tenant
from hanse_hub.tenants.services import InvalidTenantSetting, TenantError
from hanse_hub.web.context import current_actor
from hanse_hub.web.forms import without_nul

blueprint = Blueprint("admin", __name__, url_prefix="/verwaltung")

ACCOUNTS_PER_PAGE = 50


@blueprint.app_context_processor
def _navigation():
    return {"show_admin_nav": can_see_administration(current_actor())}


@blueprint.before_request
def _logged_in():
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    if not can_see_administration(current_actor()):
        abort(403)
    if required_for(current_user) and not current_user.login_mfa:
        # Administration needs a login that passed the second factor (HANSE_MFA_FOR_ADMINS).
        flash(
            _("Für die Verwaltung ist der zweite Faktor nötig."),
            "info",
        )
        return redirect(url_for("second_factor.verify", next=request.full_path.rstrip("?")))
    return None


def _administered_tenant(slug: str) -> Tenant:
    tenant = tenants.get_tenant(slug)
    if tenant is None:
        abort(404)
    if not can_administer_tenant(current_actor(), tenant.id):
        abort(403)
    return tenant


def _require_hub() -> None:
    if not can_manage_hub(current_actor()):
        abort(403)


def _page_arg(name: str = "seite") -> int:
    raw = request.args.get(name, "1")
    return int(raw) if raw.isdigit() and 0 < len(raw) <= 6 else 1


def _field_error(form, field_name: str | None, message: str) -> None:
    field = form._fields.get(field_name) if field_name else None
    if field is not None:
        field.errors = [*field.errors, message]
    else:
        form.form_errors.append(message)


# -- overview ------------------------------------------------------------------------------------


@blueprint.route("/")
def overview():
    actor = current_actor()
    if can_manage_hub(actor):
        administered = tenants.list_tenants()
    else:
        ids = administered_tenant_ids(actor)
        administered = [tenant for tenant in tenants.list_tenants() if tenant.id in ids]
    return render_template(
        "admin/overview.html", tenants=administered, hub_admin=can_manage_hub(actor)
    )


# -- members and invitations of a tenant ---------------------------------------------------------


def _members_page(tenant: Tenant, *, invite_form=None, row_errors=None, status: int = 200):
    actor = current_actor()
    memberships = members.list_members(actor, tenant)
    role_forms = {
        m.user_id: RoleForm(formdata=None, data={"role": m.role.value}) for m in memberships
    }
    return render_template(
        "admin/members.html",
        tenant=tenant,
        memberships=memberships,
        role_forms=role_forms,
        row_errors=row_errors or {},
        invitations=invitations.pending_invitations(tenant),
        invite_form=invite_form or InviteForm(formdata=None),
        confirm_form=ConfirmForm(),
        role_labels=ROLE_LABELS,
    ), status


@blueprint.route("/<slug>/mitglieder")
def tenant_members(slug: str):
    return _members_page(_administered_tenant(slug))


def _membership_or_404(tenant: Tenant, user_id: int):
    membership = members.get_member(current_actor(), tenant, user_id)
    if membership is None:
        abort(404)
    return membership


@blueprint.route("/<slug>/mitglieder/<db_id:user_id>/rolle", methods=["POST"])
def change_member_role(slug: str, user_id: int):
    tenant = _administered_tenant(slug)
    membership = _membership_or_404(tenant, user_id)
    form = RoleForm()
    if not form.validate_on_submit():
        if "csrf_token" in form.errors:
            abort(400)
        errors = {user_id: _("Bitte wählen Sie eine Rolle.")}
        return _members_page(tenant, row_errors=errors, status=422)
    try:
        with write_transaction():
            members.change_role(current_actor(), tenant, membership, Role(form.role.data))
    except AccountError as error:
        return _members_page(tenant, row_errors={user_id: str(error)}, status=409)
    name = membership.user.display_name
    flash(
        _("%(name)s hat jetzt die Rolle „%(role)s“.", name=name, role=ROLE_LABELS[form.role.data]),
        "success",
    )
    return redirect(url_for("admin.tenant_members", slug=tenant.slug))


@blueprint.route("/<slug>/mitglieder/<db_id:user_id>/entfernen", methods=["POST"])
def remove_member(slug: str, user_id: int):
    tenant = _administered_tenant(slug)
    membership = _membership_or_404(tenant, user_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        with write_transaction():
            user = members.remove_member(current_actor(), tenant, membership)
    except AccountError as error:
        return _members_page(tenant, row_errors={user_id: str(error)}, status=409)
    flash(
        _(
            "%(name)s ist nicht mehr Mitglied von %(tenant)s.",
            name=user.display_name,
            tenant=tenant.short_name,
        ),
        "success",
    )
    return redirect(url_for("admin.tenant_members", slug=tenant.slug))


@blueprint.route("/<slug>/einladungen", methods=["POST"])
def invite(slug: str):
    tenant = _administered_tenant(slug)
    form = InviteForm()
    if not form.validate_on_submit():
        if "csrf_token" in form.errors:
            abort(400)
        return _members_page(tenant, invite_form=form, status=422)
    try:
        with write_transaction():
            created = invitations.invite(
                current_actor(), tenant, form.email.data, Role(form.role.data)
            )
    except AccountError as error:
        _field_error(form, "email", str(error))
        return _members_page(tenant, invite_form=form, status=409)
    email = created.invitation.email
    if send_invitation(created, current_user.display_name):
        flash(
            _("Die Einladung an %(email)s ist verschickt. Sie gilt 14 Tage.", email=email),
            "success",
        )
    else:
        flash(
            _(
                "Die Einladung an %(email)s ist gespeichert, aber die E-Mail konnte nicht "
                "verschickt werden. Laden Sie die Adresse später erneut ein, um es noch einmal "
                "zu versuchen.",
                email=email,
            ),
            "error",
        )
    return redirect(url_for("admin.tenant_members", slug=tenant.slug))


@blueprint.route("/<slug>/einladungen/<db_id:invitation_id>/zurueckziehen", methods=["POST"])
def revoke_invitation(slug: str, invitation_id: int):
    tenant = _administered_tenant(slug)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        with write_transaction():
            invitation = invitations.revoke_invitation(current_actor(), tenant, invitation_id)
    except LookupError:
        abort(404)
    flash(_("Die Einladung an %(email)s ist zurückgezogen.", email=invitation.email), "success")
    return redirect(url_for("admin.tenant_members", slug=tenant.slug))


# -- tenant settings -----------------------------------------------------------------------------


@blueprint.route("/<slug>/einstellungen", methods=["GET", "POST"])
def tenant_settings(slug: str):
    tenant = _administered_tenant(slug)
    actor = current_actor()
    hub_admin = can_manage_hub(actor)
    form = TenantSettingsForm(obj=tenant, data={"kind": tenant.kind.value})
    if not hub_admin:
        del form.official_name
        del form.kind
    status = 200
    if form.validate_on_submit():
        data = {name: field.data for name, field in form._fields.items() if name != "csrf_token"}
        try:
            with write_transaction():
                changes = admin_services.edit_tenant(actor, tenant, data)
        except InvalidTenantSetting as error:
            _field_error(form, error.field, str(error))
            status = 422
        else:
            flash(
                _("Die Einstellungen sind gespeichert.")
                if changes
                else _("Es gab nichts zu ändern."),
                "success",
            )
            return redirect(url_for("admin.tenant_settings", slug=tenant.slug))
    elif form.is_submitted():
        status = 422
    return render_template(
        "admin/tenant_settings.html", tenant=tenant, form=form, hub_admin=hub_admin
    ), status


# -- single sign-on of a tenant (hub admins) ----------------------------------------------------


def _sso_form_data(provider) -> dict:
    if provider is None:
        return {"default_role": Role.READER.value, "local_passwords": True, "enabled": True}
    return {
        "issuer": provider.issuer,
        "client_id": provider.client_id,
        "allowed_domains": provider.allowed_domains,
        "default_role": provider.default_role.value,
        "role_claim": provider.role_claim or "",
        "role_mapping": "\n".join(f"{k} = {v}" for k, v in (provider.role_mapping or {}).items()),
        "local_passwords": provider.local_passwords,
        "enabled": provider.enabled,
    }


@blueprint.route("/<slug>/anmeldung", methods=["GET", "POST"])
def tenant_sso(slug: str):
    """The tenant's single sign-on provider: configure, change, switch off."""
    _require_hub()
    tenant = _administered_tenant(slug)
    provider = sso.provider_of(tenant)
    form = SsoProviderForm(data=_sso_form_data(provider))
    status = 200
    if form.validate_on_submit():
        data = {name: field.data for name, field in form._fields.items() if name != "csrf_token"}
        try:
            with write_transaction():
                sso.configure_provider(current_actor(), tenant, data)
        except sso.SsoError as error:
            _field_error(form, error.field, str(error))
            status = 422
        else:
            flash(_("Die Anmeldung über den Anbieter ist gespeichert."), "success")
            return redirect(url_for("admin.tenant_sso", slug=tenant.slug))
    elif form.is_submitted():
        status = 422
    setting = sso.secret_setting(tenant.slug)
    return render_template(
        "admin/tenant_sso.html",
        tenant=tenant,
        provider=provider,
        form=form,
        confirm_form=ConfirmForm(),
        secret_setting=setting,
        secret_set=bool(current_app.config.get("HANSE_OIDC_SECRETS", {}).get(setting)),
        redirect_uri=(current_app.config.get("HANSE_BASE_URL") or request.host_url.rstrip("/"))
        + url_for("sso.callback", slug=tenant.slug),
    ), status


@blueprint.route("/<slug>/anmeldung/entfernen", methods=["POST"])
def remove_tenant_sso(slug: str):
    _require_hub()
    tenant = _administered_tenant(slug)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    with write_transaction():
        removed = sso.remove_provider(current_actor(), tenant)
    if not removed:
        abort(404)
    flash(_("Die Anmeldung über den Anbieter ist entfernt."), "success")
    return redirect(url_for("admin.tenant_sso", slug=tenant.slug))


# -- hub: tenants --------------------------------------------------------------------------------


@blueprint.route("/hub/organisationen")
def hub_tenants():
    _require_hub()
    return render_template("admin/tenants.html", tenants=tenants.list_tenants())


@blueprint.route("/hub/organisationen/neu", methods=["GET", "POST"])
def new_tenant():
    _require_hub()
    form = NewTenantForm(data={"colour": "#1d4e89"})
    status = 200
    if form.validate_on_submit():
        try:
            with write_transaction():
                tenant = admin_services.add_tenant(
                    current_actor(),
                    form.slug.data,
                    official_name=form.official_name.data,
                    short_name=form.short_name.data,
                    kind=form.kind.data,
                    colour=form.colour.data,
                    website=form.website.data or None,
                    contact_address=form.contact_address.data or None,
                )
        except InvalidTenantSetting as error:
            _field_error(form, error.field, str(error))
            status = 422
        except TenantError as error:  # not tied to one field: shown above the form
            _field_error(form, None, str(error))
            status = 422
        else:
            flash(_("%(tenant)s ist angelegt.", tenant=tenant.short_name), "success")
            return redirect(url_for("admin.hub_tenants"))
    elif form.is_submitted():
        status = 422
    return render_template("admin/tenant_new.html", form=form), status


# -- hub: topics ---------------------------------------------------------------------------------


def _topics_page(form, status: int = 200):
    return render_template(
        "admin/topics.html", topics=topics.list_topics(), form=form, confirm_form=ConfirmForm()
    ), status


@blueprint.route("/hub/handlungsfelder", methods=["GET", "POST"])
def hub_topics():
    _require_hub()
    form = TopicForm()
    if form.validate_on_submit():
        try:
            with write_transaction():
                topic = admin_services.add_topic(
                    current_actor(), form.slug.data, form.name_de.data, form.name_en.data or None
                )
        except ContentError as error:
            _field_error(form, getattr(error, "field", None), str(error))
            return _topics_page(form, 422)
        flash(_("Das Handlungsfeld „%(topic)s“ ist angelegt.", topic=topic.name_de), "success")
        return redirect(url_for("admin.hub_topics"))
    return _topics_page(form, 422 if form.is_submitted() else 200)


def _topic_or_404(slug: str):
    topic = topics.get_topic(slug)
    if topic is None:
        abort(404)
    return topic


@blueprint.route("/hub/handlungsfelder/<slug>", methods=["GET", "POST"])
def rename_topic(slug: str):
    _require_hub()
    topic = _topic_or_404(slug)
    form = TopicRenameForm(obj=topic)
    status = 200
    if form.validate_on_submit():
        try:
            with write_transaction():
                admin_services.rename_topic(
                    current_actor(), topic, form.name_de.data, form.name_en.data or None
                )
        except ContentError as error:
            _field_error(form, getattr(error, "field", None), str(error))
            status = 422
        else:
            flash(_("Das Handlungsfeld heißt jetzt „%(topic)s“.", topic=topic.name_de), "success")
            return redirect(url_for("admin.hub_topics"))
    elif form.is_submitted():
        status = 422
    return render_template("admin/topic_rename.html", topic=topic, form=form), status


@blueprint.route("/hub/handlungsfelder/<slug>/entfernen", methods=["POST"])
def remove_topic(slug: str):
    _require_hub()
    topic = _topic_or_404(slug)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    name = topic.name_de
    with write_transaction():
        admin_services.remove_topic(current_actor(), topic)
    flash(_("Das Handlungsfeld „%(topic)s“ ist entfernt.", topic=name), "success")
    return redirect(url_for("admin.hub_topics"))


# -- hub: accounts -------------------------------------------------------------------------------


@blueprint.route("/hub/konten")
def hub_accounts():
    _require_hub()
    search = without_nul(request.args.get("suche", "")).strip()[:200]
    requested = _page_arg()
    found = admin_services.find_accounts(
        current_actor(), search, page=requested, per_page=ACCOUNTS_PER_PAGE
    )
    if found.number > found.pages:  # beyond the last page: show the last one
        found = admin_services.find_accounts(
            current_actor(), search, page=found.pages, per_page=ACCOUNTS_PER_PAGE
        )
    return render_template(
        "admin/accounts.html",
        users=found.items,
        enrolled=mfa.enrolled_user_ids([user.id for user in found.items]),
        search=search,
        page=found.number,
        pages=found.pages,
        total=found.total,
        confirm_form=ConfirmForm(),
        role_labels=ROLE_LABELS,
    )


@blueprint.route("/hub/konten/<db_id:user_id>/deaktivieren", methods=["POST"])
def deactivate_account(user_id: int):
    _require_hub()
    user = db.session.get(User, user_id)
    if user is None or user.pseudonymised_at is not None:
        abort(404)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        with write_transaction():
            admin_services.deactivate_account(current_actor(), user)
    except AccountError as error:
        flash(str(error), "error")
        return redirect(url_for("admin.hub_accounts"))
    flash(
        _("Das Konto %(email)s ist deaktiviert; alle Anmeldungen sind beendet.", email=user.email),
        "success",
    )
    return redirect(url_for("admin.hub_accounts"))


@blueprint.route("/hub/konten/<db_id:user_id>/zweiter-faktor-zuruecksetzen", methods=["POST"])
def reset_second_factor(user_id: int):
    """Reset a person's second factor (lost phone): every login of theirs ends."""
    _require_hub()
    user = db.session.get(User, user_id)
    if user is None or user.pseudonymised_at is not None:
        abort(404)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    with write_transaction():
        had = mfa.reset(current_actor(), user, remote_addr=request.remote_addr)
    flash(
        _(
            "Der zweite Faktor von %(email)s ist zurückgesetzt; alle Anmeldungen sind beendet.",
            email=user.email,
        )
        if had
        else _("%(email)s hatte keinen zweiten Faktor eingerichtet.", email=user.email),
        "success",
    )
    return redirect(url_for("admin.hub_accounts"))


# -- audit log -----------------------------------------------------------------------------------


def _entry_titles(events) -> dict[int, Entry]:
    """The entries of entry events that the viewer may see (the log never reveals more)."""
    ids = {
        event.detail.get("entry_id")
        for event in events
        if event.action.startswith("entry_") and isinstance(event.detail, dict)
    }
    ids.discard(None)
    if not ids:
        return {}
    scope = scope_for(current_actor())
    found = db.session.scalars(select(Entry).where(Entry.id.in_(ids))).all()
    return {entry.id: entry for entry in found if scope.allows_entry(entry)}


@blueprint.route("/protokoll")
def audit():
    actor = current_actor()
    action = request.args.get("aktion", "")
    if action not in AUDIT_ACTION_LABELS:
        action = ""
    hub_admin = can_manage_hub(actor)
    choosable = (
        tenants.list_tenants()
        if hub_admin
        else [t for t in tenants.list_tenants() if t.id in administered_tenant_ids(actor)]
    )
    by_slug = {tenant.slug: tenant for tenant in choosable}
    chosen = by_slug.get(request.args.get("organisation", ""))
    result = audit_log.audit_events(
        actor,
        action=action or None,
        tenant_id=chosen.id if chosen else None,
        page=_page_arg(),
    )
    actor_ids = {event.actor_id for event in result.items if event.actor_id}
    people = (
        {user.id: user for user in db.session.scalars(select(User).where(User.id.in_(actor_ids)))}
        if actor_ids
        else {}
    )
    all_tenants = {tenant.id: tenant for tenant in tenants.list_tenants()}
    return render_template(
        "admin/audit.html",
        result=result,
        action=action,
        chosen=chosen,
        choosable=choosable,
        action_labels=AUDIT_ACTION_LABELS,
        people=people,
        tenants_by_id=all_tenants,
        entries=_entry_titles(result.items),
        stored_titles=audit_log.stored_entry_titles(actor, result.items),
        kind_labels=KIND_LABELS,
        role_labels=ROLE_LABELS,
    )


@blueprint.app_template_filter("audit_detail")
def audit_detail(event) -> str:
    """The event's details in words, for the audit page."""
    detail = event.detail if isinstance(event.detail, dict) else {}
    role = ROLE_LABELS.get(detail.get("role") or "", "")
    previous = ROLE_LABELS.get(detail.get("previous_role") or "", "")
    if event.action == "role_changed":
        return f"{previous} → {role}"
    if event.action == "role_revoked":
        return _("bisher: %(role)s", role=previous) if previous else ""
    if event.action.startswith("invitation_"):
        if previous:
            return _("Rolle: %(role)s (bisher: %(previous)s)", role=role, previous=previous)
        return _("Rolle: %(role)s", role=role)
    if event.action == "tenant_updated":
        return "; ".join(
            f"{name}: {change.get('old') or '–'} → {change.get('new') or '–'}"
            for name, change in detail.items()
            if isinstance(change, dict)
        )
    if event.action == "topic_renamed":
        old, new = detail.get("old") or {}, detail.get("new") or {}
        return f"{old.get('name_de', '')} → {new.get('name_de', '')}"
    if event.action in ("topic_added", "topic_removed"):
        return detail.get("name_de", "")
    return ""
