"""Login and logout, the profile page (password, API tokens), password reset and invitations."""

from __future__ import annotations

import json
import math
from datetime import timedelta

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy.exc import SQLAlchemyError

from hanse_hub.accounts import (
    invitations,
    mfa,
    privacy,
    profile,
    reset_mail,
    resets,
    self_service,
    services,
    sso,
    tokens,
)
from hanse_hub.accounts.forms import (
    AcceptInvitationForm,
    DeleteAccountForm,
    ForgotPasswordForm,
    InvitationSignupForm,
    LoginForm,
    PasswordChangeForm,
    ResetPasswordForm,
    RevokeTokenForm,
    TokenForm,
)
from hanse_hub.accounts.models import fold_email
from hanse_hub.accounts.passwords import WeakPassword
from hanse_hub.database import utcnow, write_transaction
from hanse_hub.extensions import configured_limit, limiter
from hanse_hub.labels import ROLE_LABELS, interface_language
from hanse_hub.web.redirects import same_origin_path

blueprint = Blueprint("accounts", __name__)

LOGIN_FAILED = _l("E-Mail-Adresse oder Passwort sind nicht richtig.")


def _safe_next(target: str | None) -> str:
    """Only same-origin relative paths are followed after login (no open redirect)."""
    return same_origin_path(target) or url_for("web.home")


@blueprint.route("/anmelden", methods=["GET", "POST"])
@limiter.limit(configured_limit("login"), methods=["POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("web.home"))
    form = LoginForm()
    status = 200
    if form.validate_on_submit():
        email, addr = form.email.data, request.remote_addr
        wait = math.ceil(services.login_wait(email, addr).total_seconds())
        if wait > 0:
            form.form_errors.append(
                _(
                    "Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie %(seconds)d "
                    "Sekunden und versuchen Sie es dann erneut.",
                    seconds=wait,
                )
            )
            response = make_response(_login_page(form), 429)
            response.headers["Retry-After"] = str(wait)
            return response
        blocked = sso.password_login_blocked(email)
        # Hub admins always log in locally (with their second factor), never through SSO.
        if blocked is not None and not _is_hub_admin(email):
            form.form_errors.append(
                _(
                    "Für Adressen von %(tenant)s ist die Anmeldung mit Passwort abgeschaltet. "
                    "Bitte melden Sie sich mit dem Konto von %(tenant)s an.",
                    tenant=blocked.tenant.short_name,
                )
            )
            return _login_page(form), 403
        user = services.authenticate(email, form.password.data)
        if user is None:
            services.record_security_event(
                "login_failed", target=fold_email(email), remote_addr=addr
            )
            form.form_errors.append(LOGIN_FAILED)
            status = 401
        elif mfa.is_enrolled(user):
            # The password was right; the login starts only after the second factor.
            remember_second_factor_pending(user, bool(form.remember.data), request.args.get("next"))
            return redirect(url_for("second_factor.verify"))
        else:
            return complete_login(user, remember=bool(form.remember.data))
    elif form.is_submitted():
        status = 422
    return _login_page(form), status


def _is_hub_admin(email: str) -> bool:
    user = services.find_user_by_email(email)
    return user is not None and user.is_hub_admin


def _login_page(form) -> str:
    return render_template("accounts/login.html", form=form, providers=sso.enabled_providers())


PENDING_KEY = "second_factor_pending"
PENDING_LIFETIME = timedelta(minutes=5)


def remember_second_factor_pending(user, remember: bool, next_path: str | None) -> None:
    """Keep, in the signed session cookie, whose password was right (for five minutes)."""
    session[PENDING_KEY] = {
        "user": user.id,
        "remember": remember,
        "next": same_origin_path(next_path),
        "until": (utcnow() + PENDING_LIFETIME).timestamp(),
    }


def pending_second_factor() -> dict | None:
    pending = session.get(PENDING_KEY)
    if not isinstance(pending, dict) or pending.get("until", 0) < utcnow().timestamp():
        session.pop(PENDING_KEY, None)
        return None
    return pending


def complete_login(
    user,
    *,
    remember: bool = False,
    next_path: str | None = None,
    mfa_method: str | None = None,
    detail: dict | None = None,
):
    """Start the login session of ``user`` (password, second factor or single sign-on),
    record it, and go on to the page that was asked for."""
    hours = current_app.config["HANSE_SESSION_LIFETIME_HOURS"]
    days = current_app.config["REMEMBER_COOKIE_DURATION"] // 86400
    lifetime = timedelta(days=days) if remember else timedelta(hours=hours)
    with write_transaction():
        started = services.start_login_session(
            user,
            lifetime=lifetime,
            remember=remember,
            user_agent=request.user_agent.string,
            mfa_method=mfa_method,
        )
        services.add_audit_event(
            "login",
            actor_id=user.id,
            target=user.email_folded,
            detail={"mfa": mfa_method, **(detail or {})} if mfa_method or detail else None,
            remote_addr=request.remote_addr,
        )
    session.pop(PENDING_KEY, None)
    login_user(started.user, remember=remember)
    flash(_("Willkommen, %(name)s!", name=started.user.display_name), "success")
    return redirect(_safe_next(next_path if next_path is not None else request.args.get("next")))


@blueprint.route("/abmelden", methods=["POST"])
@login_required
def logout():
    token = current_user.get_id()
    with write_transaction():
        services.end_login_session(token)
    logout_user()
    flash(_("Sie sind abgemeldet."), "success")
    return redirect(url_for("web.home"))


def _account_page(*, token_form=None, password_form=None, created=None, status: int = 200):
    return render_template(
        "accounts/account.html",
        user=current_user,
        form=token_form or TokenForm(formdata=None),
        password_form=password_form or PasswordChangeForm(formdata=None),
        revoke_form=RevokeTokenForm(),
        created=created,
        tokens=tokens.tokens_of(current_user),
        sessions=self_service.own_sessions(current_user, current_user.get_id()),
        mfa_enrolled=mfa.is_enrolled(current_user),
    ), status


@blueprint.route("/konto", methods=["GET", "POST"])
@login_required
def account():
    """The profile page: memberships, password change and personal access tokens for the API."""
    form = TokenForm()
    created = None
    status = 200
    if form.validate_on_submit():
        try:
            with write_transaction():
                created = tokens.create_token(
                    current_user,
                    form.name.data,
                    read_only=bool(form.read_only.data),
                    mfa_session=current_user.login_mfa,
                    mfa_required=mfa.is_required(
                        current_user,
                        required_for_admins=current_app.config["HANSE_MFA_REQUIRED_FOR_ADMINS"],
                    ),
                )
        except tokens.TokenError as error:
            form.name.errors.append(str(error))
            status = 422
        else:
            form = TokenForm(formdata=None)
    elif form.is_submitted():
        status = 422
    return _account_page(token_form=form, created=created, status=status)


@blueprint.route("/konto/passwort", methods=["POST"])
@login_required
@limiter.limit(configured_limit("login"))
def change_password():
    """Change the password: every other login ends, this device stays logged in."""
    form = PasswordChangeForm()
    if form.validate_on_submit():
        user = current_user._get_current_object()
        try:
            with write_transaction():
                renewed = profile.change_own_password(
                    user,
                    current_user.get_id(),
                    form.current_password.data,
                    form.new_password.data,
                    user_agent=request.user_agent.string,
                    remote_addr=request.remote_addr,
                )
        except services.AccountError as error:
            form.current_password.errors.append(str(error))
        except WeakPassword as error:
            form.new_password.errors.append(str(error))
        else:
            login_user(renewed.started.user, remember=renewed.remember)
            flash(
                _(
                    "Ihr Passwort ist geändert. Alle anderen Anmeldungen – auf anderen Geräten "
                    "und in anderen Browsern – sind beendet; auf diesem Gerät bleiben Sie "
                    "angemeldet."
                ),
                "success",
            )
            return redirect(url_for("accounts.account"))
    return _account_page(password_form=form, status=422)


@blueprint.route("/konto/tokens/<db_id:token_id>/widerrufen", methods=["POST"])
@login_required
def revoke_token(token_id: int):
    if not RevokeTokenForm().validate_on_submit():
        abort(400)
    try:
        with write_transaction():
            token = tokens.revoke_token(current_user, token_id)
    except tokens.TokenError:
        abort(404)
    flash(_("Das Token „%(name)s“ ist widerrufen.", name=token.name), "success")
    return redirect(url_for("accounts.account"))


# -- self-service privacy: own login sessions, own data, own account ----------------------------


@blueprint.after_app_request
def _remember_last_seen(response):
    """Record when a login session was last used, after the request's own work (at most every
    few minutes per session, see ``services.LAST_SEEN_PRECISION``)."""
    user = g.get("_login_user")  # only if this request loaded its user: no extra query
    login_id = getattr(user, "stale_login_id", None)
    if login_id is not None:
        user.stale_login_id = None
        try:
            with write_transaction():
                services.touch_login_session(login_id)
        except SQLAlchemyError:  # a statistic: never fail the answer for it
            current_app.logger.warning("Could not record last use of login session %s", login_id)
    return response


@blueprint.route("/konto/anmeldungen/<db_id:session_id>/beenden", methods=["POST"])
@login_required
def end_session(session_id: int):
    """End one of the person's logins (another device, or this one: then that is a logout)."""
    if not RevokeTokenForm().validate_on_submit():
        abort(400)
    current = any(
        s.id == session_id and s.is_current
        for s in self_service.own_sessions(current_user, current_user.get_id())
    )
    try:
        with write_transaction():
            self_service.end_own_session(current_user, session_id, remote_addr=request.remote_addr)
    except services.AccountError:
        abort(404)
    if current:
        logout_user()
        flash(_("Sie sind abgemeldet."), "success")
        return redirect(url_for("web.home"))
    flash(_("Die Anmeldung ist beendet."), "success")
    return redirect(url_for("accounts.account") + "#anmeldungen")


@blueprint.route("/konto/anmeldungen/andere-beenden", methods=["POST"])
@login_required
def end_other_sessions():
    if not RevokeTokenForm().validate_on_submit():
        abort(400)
    with write_transaction():
        count = self_service.end_other_sessions(
            current_user, current_user.get_id(), remote_addr=request.remote_addr
        )
    flash(
        ngettext(
            "%(num)d andere Anmeldung ist beendet.",
            "%(num)d andere Anmeldungen sind beendet.",
            count,
        ),
        "success",
    )
    return redirect(url_for("accounts.account") + "#anmeldungen")


@blueprint.route("/konto/meine-daten.json")
@login_required
def download_own_data():
    """Everything the hub stores about the person (DSGVO Art. 15), as the CLI export writes it."""
    data = privacy.export_user_data(current_user._get_current_object())
    response = current_app.response_class(
        json.dumps(data, ensure_ascii=False, indent=2), mimetype="application/json"
    )
    response.headers["Content-Disposition"] = 'attachment; filename="meine-daten-smarte-hanse.json"'
    return response


@blueprint.route("/konto/loeschen", methods=["GET", "POST"])
@login_required
@limiter.limit(configured_limit("login"), methods=["POST"])
def delete_account():
    """Delete the own account after re-entering the password; content stays, pseudonymised."""
    form = DeleteAccountForm()
    status = 200
    if form.validate_on_submit():
        try:
            with write_transaction():
                self_service.delete_own_account(
                    current_user._get_current_object(),
                    form.password.data,
                    remote_addr=request.remote_addr,
                )
        except services.AccountError as error:
            form.password.errors.append(str(error))
            status = 422
        else:
            logout_user()
            flash(
                _(
                    "Ihr Konto ist gelöscht. Ihre Beiträge bleiben erhalten und nennen Sie nicht "
                    "mehr: Sie erscheinen als „Ehemalige*r Nutzer*in“."
                ),
                "success",
            )
            return redirect(url_for("web.home"))
    elif form.is_submitted():
        status = 422
    return render_template("accounts/delete_account.html", form=form), status


# -- password reset ------------------------------------------------------------------------------


def _token_page(response, status: int):
    """A page whose URL holds a secret token: not cached, and not sent on as a referrer."""
    response = current_app.make_response((response, status))
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "no-store"
    return response


def _invalid_link(title: str, error, *, retry_url=None, retry_label=None) -> object:
    page = render_template(
        "accounts/link_invalid.html",
        title=title,
        message=str(error),
        retry_url=retry_url,
        retry_label=retry_label,
    )
    return _token_page(page, error.status)


def _invalid_reset_link(error) -> object:
    return _invalid_link(
        _("Link ungültig"),
        error,
        retry_url=url_for("accounts.forgot_password"),
        retry_label=_("Neuen Link zum Zurücksetzen des Passworts anfordern"),
    )


@blueprint.route("/passwort-vergessen", methods=["GET", "POST"])
@limiter.limit(configured_limit("login"), methods=["POST"])
def forgot_password():
    """Ask for a reset link. The answer is the same whether or not the address has an account."""
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        # The same work for every address: only the typed address is queued; the account is
        # looked up, the token made and the mail sent by the mail outbox, after this request.
        with write_transaction():
            reset_mail.queue_reset_request(
                form.email.data,
                remote_addr=request.remote_addr,
                language=interface_language(),
                base_url=current_app.config.get("HANSE_BASE_URL") or request.host_url,
            )
        return redirect(url_for("accounts.forgot_password_sent"))
    status = 422 if form.is_submitted() else 200
    return render_template("accounts/forgot_password.html", form=form), status


@blueprint.route("/passwort-vergessen/gesendet")
def forgot_password_sent():
    return render_template(
        "accounts/forgot_password_sent.html",
        minutes=int(resets.RESET_LIFETIME.total_seconds() // 60),
    )


@blueprint.route("/passwort-zuruecksetzen/<token>", methods=["GET", "POST"])
@limiter.limit(configured_limit("login"), methods=["POST"])
def reset_password(token: str):
    """Set a new password through an e-mailed link; every login of the account ends."""
    try:
        reset = resets.find_reset(token)
    except resets.ResetLinkInvalid as error:
        return _invalid_reset_link(error)
    form = ResetPasswordForm()
    if form.validate_on_submit():
        try:
            with write_transaction():
                resets.reset_password(
                    token, form.new_password.data, remote_addr=request.remote_addr
                )
        except resets.ResetLinkInvalid as error:
            return _invalid_reset_link(error)
        except WeakPassword as error:
            form.new_password.errors.append(str(error))
        else:
            if current_user.is_authenticated:
                logout_user()  # its login session has just ended with all the others
            flash(
                _(
                    "Ihr Passwort ist geändert, und alle bisherigen Anmeldungen sind beendet. "
                    "Bitte melden Sie sich mit dem neuen Passwort an."
                ),
                "success",
            )
            return redirect(url_for("accounts.login"))
    status = 422 if form.is_submitted() else 200
    return _token_page(
        render_template("accounts/reset_password.html", form=form, email=reset.user.email),
        status,
    )


# -- invitations ---------------------------------------------------------------------------------


def _joined(invitation) -> object:
    flash(
        _(
            "Willkommen bei %(tenant)s! Sie sind jetzt Mitglied mit der Rolle „%(role)s“.",
            tenant=invitation.tenant.short_name,
            role=ROLE_LABELS[invitation.role],
        ),
        "success",
    )
    return redirect(url_for("web.tenant_page", slug=invitation.tenant.slug))


@blueprint.route("/einladung/<token>", methods=["GET", "POST"])
@limiter.limit(configured_limit("login"), methods=["POST"])
def invitation(token: str):
    """Accept an invitation: as the logged-in person, or by creating an account."""
    try:
        found = invitations.find_invitation(token)
    except invitations.InvitationInvalid as error:
        return _invalid_link(_("Einladung ungültig"), error)
    addr = request.remote_addr
    if current_user.is_authenticated:
        form = AcceptInvitationForm()
        if form.validate_on_submit():
            try:
                with write_transaction():
                    invitations.accept_as_existing_user(
                        token, current_user._get_current_object(), remote_addr=addr
                    )
            except invitations.InvitationInvalid as error:
                return _invalid_link(_("Einladung ungültig"), error)
            return _joined(found)
        other_person = found.email_folded != current_user.email_folded
        page = render_template(
            "accounts/invitation.html",
            invitation=found,
            mode="other_person" if other_person else "accept",
            form=form,
            role_labels=ROLE_LABELS,
        )
        return _token_page(page, 403 if other_person else 200)
    if services.find_user_by_email(found.email) is not None:
        page = render_template(
            "accounts/invitation.html",
            invitation=found,
            mode="login",
            login_url=url_for("accounts.login", next=request.path),
            role_labels=ROLE_LABELS,
        )
        return _token_page(page, 200)
    form = InvitationSignupForm()
    if form.validate_on_submit():
        try:
            with write_transaction():
                user = invitations.accept_as_new_user(
                    token, form.display_name.data, form.new_password.data, remote_addr=addr
                )
                started = services.start_login_session(
                    user,
                    lifetime=timedelta(hours=current_app.config["HANSE_SESSION_LIFETIME_HOURS"]),
                    user_agent=request.user_agent.string,
                )
        except invitations.InvitationInvalid as error:
            return _invalid_link(_("Einladung ungültig"), error)
        except WeakPassword as error:
            form.new_password.errors.append(str(error))
        except services.AccountError as error:
            form.form_errors.append(str(error))
        else:
            login_user(started.user)
            return _joined(found)
    status = 422 if form.is_submitted() else 200
    page = render_template(
        "accounts/invitation.html",
        invitation=found,
        mode="signup",
        form=form,
        role_labels=ROLE_LABELS,
    )
    return _token_page(page, status)
