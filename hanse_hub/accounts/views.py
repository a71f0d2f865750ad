"""Login and logout. The full account flows (reset, invitations, profile) build on these."""

from __future__ import annotations

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
from flask_login import current_user, login_required, login_user, logout_user

from hanse_hub.accounts import services, tokens
from hanse_hub.accounts.forms import LoginForm, RevokeTokenForm, TokenForm
from hanse_hub.accounts.models import fold_email
from hanse_hub.database import write_transaction
from hanse_hub.extensions import configured_limit, limiter

blueprint = Blueprint("accounts", __name__)

LOGIN_FAILED = "E-Mail-Adresse oder Passwort sind nicht richtig."
LOGIN_THROTTLED = (
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
            flash(f"Willkommen, {started.user.display_name}!", "success")
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
    flash("Sie sind abgemeldet.", "success")
    return redirect(url_for("web.home"))


@blueprint.route("/konto", methods=["GET", "POST"])
@login_required
def account():
    """The profile page: memberships and personal access tokens for the API."""
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
    return render_template(
        "accounts/account.html",
        user=current_user,
        form=form,
        revoke_form=RevokeTokenForm(),
        created=created,
        tokens=tokens.tokens_of(current_user),
    ), status


@blueprint.route("/konto/tokens/<int:token_id>/widerrufen", methods=["POST"])
@login_required
def revoke_token(token_id: int):
    if not RevokeTokenForm().validate_on_submit():
        abort(400)
    try:
        with write_transaction():
            token = tokens.revoke_token(current_user, token_id)
    except tokens.TokenError:
        abort(404)
    flash(f"Das Token „{token.name}“ ist widerrufen.", "success")
    return redirect(url_for("accounts.account"))
