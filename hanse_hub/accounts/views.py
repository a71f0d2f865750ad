"""Login and logout, the profile page (password, API tokens), password reset and invitations."""

from __future__ import annotations

from contextlib import suppress
from datetime import timedelta
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required, login_user, logout_user

from hanse_hub.accounts import invitations, profile, resets, services, tokens
from hanse_hub.accounts.forms import (
    AcceptInvitationForm,
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
from hanse_hub.database import write_transaction
from hanse_hub.extensions import configured_limit, limiter
from hanse_hub.labels import ROLE_LABELS
from hanse_hub.mail import MailError, external_url, send_mail

blueprint = Blueprint("accounts", __name__)

LOGIN_FAILED = _l("E-Mail-Adresse oder Passwort sind nicht richtig.")
LOGIN_THROTTLED = _l(
    "Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie 15 Minuten und versuchen Sie "
    "es dann erneut."
)


def _safe_next(target: str | None) -> str:
    """Only same-site relative paths are followed after login (no open redirect)."""
    if target:
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and target.startswith("/") and "\\" not in target:
            return target
    return url_for("web.home")


@blueprint.route("/anmelden", methods=["GET", "POST"])
@limiter.limit(configured_limit("login"), methods=["POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("web.home"))
    form = LoginForm()
    status = 200
    if form.validate_on_submit():
        email, addr = form.email.data, request.remote_addr
        if services.login_is_throttled(email, addr):
            form.form_errors.append(LOGIN_THROTTLED)
            return render_template("accounts/login.html", form=form), 429
        user = services.authenticate(email, form.password.data)
        if user is None:
            services.record_security_event(
                "login_failed", target=fold_email(email), remote_addr=addr
            )
            form.form_errors.append(LOGIN_FAILED)
            status = 401
        else:
            hours = current_app.config["HANSE_SESSION_LIFETIME_HOURS"]
            days = current_app.config["REMEMBER_COOKIE_DURATION"] // 86400
            lifetime = timedelta(days=days) if form.remember.data else timedelta(hours=hours)
            with write_transaction():
                started = services.start_login_session(
                    user,
                    lifetime=lifetime,
                    remember=bool(form.remember.data),
                    user_agent=request.user_agent.string,
                )
                services.add_audit_event(
                    "login", actor_id=user.id, target=user.email_folded, remote_addr=addr
                )
            login_user(started.user, remember=bool(form.remember.data))
            flash(_("Willkommen, %(name)s!", name=started.user.display_name), "success")
            return redirect(_safe_next(request.args.get("next")))
    elif form.is_submitted():
        status = 422
    return render_template("accounts/login.html", form=form), status


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
                    current_user, form.name.data, read_only=bool(form.read_only.data)
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
        with write_transaction():
            requested = resets.request_reset(form.email.data, remote_addr=request.remote_addr)
        if requested is not None:
            link = external_url("accounts.reset_password", token=requested.token)
            body = render_template(
                "accounts/mail/password_reset.txt",
                user=requested.user,
                link=link,
                minutes=int(resets.RESET_LIFETIME.total_seconds() // 60),
            )
            # send_mail logs a failure; the answer must not reveal that an account exists.
            with suppress(MailError):
                send_mail(requested.user.email, _("Ihr Passwort für die Smarte Hanse"), body)
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
