"""The second factor's pages: the code after the password, setting up an authenticator app,
recovery codes ("Mein Konto" → "Zweiter Faktor")."""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hanse_hub.accounts import mfa
from hanse_hub.accounts.forms import ConfirmEnrolmentForm, RevokeTokenForm, SecondFactorForm
from hanse_hub.accounts.models import User
from hanse_hub.accounts.views import complete_login, pending_second_factor
from hanse_hub.database import write_transaction
from hanse_hub.extensions import configured_limit, db, limiter
from hanse_hub.web.redirects import same_origin_path

blueprint = Blueprint("second_factor", __name__)


def required_for(user) -> bool:
    return mfa.is_required(
        user, required_for_admins=current_app.config["HANSE_MFA_REQUIRED_FOR_ADMINS"]
    )


def _no_store(body, status: int = 200):
    """Pages with secrets (the authenticator secret, recovery codes): never cached."""
    response = make_response(body, status)
    response.headers["Cache-Control"] = "no-store"
    return response


def _throttled(form, error: mfa.SecondFactorThrottled, template: str, **context):
    form.form_errors.append(str(error))
    response = make_response(render_template(template, form=form, **context), 429)
    response.headers["Retry-After"] = str(error.seconds)
    return response


@blueprint.route("/anmelden/zweiter-faktor", methods=["GET", "POST"])
@limiter.limit(configured_limit("login"), methods=["POST"])
def verify():
    """The code after the password – or, for a login that has not passed it yet (an admin
    whose enrolment is older than this login), the confirmation for this login."""
    step_up = current_user.is_authenticated
    pending = None
    if step_up:
        user = current_user._get_current_object()
        if current_user.login_mfa:
            return redirect(same_origin_path(request.args.get("next")) or url_for("web.home"))
        if not mfa.is_enrolled(user):
            return redirect(url_for("second_factor.overview", next=request.args.get("next")))
    else:
        pending = pending_second_factor()
        user = db.session.get(User, pending["user"]) if pending else None
        if user is None or not user.is_active_account:
            flash(_("Bitte melden Sie sich erneut an."), "info")
            return redirect(url_for("accounts.login"))
    form = SecondFactorForm()
    status = 200
    if form.validate_on_submit():
        try:
            with write_transaction():
                method = mfa.verify(user, form.code.data, remote_addr=request.remote_addr)
                if step_up:
                    mfa.mark_login(current_user.get_id(), method)
        except mfa.SecondFactorThrottled as error:
            return _throttled(form, error, "accounts/second_factor.html", step_up=step_up)
        except mfa.WrongCode as error:
            mfa.record_failure(error, request.remote_addr)
            form.code.errors.append(str(error))
            status = 401
        except mfa.SecondFactorError as error:
            form.code.errors.append(str(error))
            status = 401
        else:
            if method == mfa.METHOD_RECOVERY:
                flash(
                    _(
                        "Sie haben einen Wiederherstellungscode benutzt; er gilt nicht noch "
                        "einmal. Noch übrig: %(count)d.",
                        count=mfa.recovery_codes_left(user),
                    ),
                    "info",
                )
            if step_up:
                flash(_("Der zweite Faktor ist bestätigt."), "success")
                return redirect(same_origin_path(request.args.get("next")) or url_for("web.home"))
            return complete_login(
                user,
                remember=bool(pending.get("remember")),
                next_path=pending.get("next"),
                mfa_method=method,
            )
    elif form.is_submitted():
        status = 422
    return render_template("accounts/second_factor.html", form=form, step_up=step_up), status


@blueprint.route("/konto/zweiter-faktor")
@login_required
def overview():
    user = current_user._get_current_object()
    return render_template(
        "accounts/second_factor_overview.html",
        enrolled=mfa.is_enrolled(user),
        required=required_for(user),
        codes_left=mfa.recovery_codes_left(user),
        login_mfa=current_user.login_mfa,
        form=RevokeTokenForm(),
        next=same_origin_path(request.args.get("next")),
    )


@blueprint.route("/konto/zweiter-faktor/neu", methods=["POST"])
@login_required
def start():
    if not RevokeTokenForm().validate_on_submit():
        abort(400)
    try:
        with write_transaction():
            mfa.start_enrolment(current_user._get_current_object())
    except mfa.SecondFactorError as error:
        flash(str(error), "info")
        return redirect(url_for("second_factor.overview"))
    return redirect(url_for("second_factor.enrol", next=request.args.get("next")))


@blueprint.route("/konto/zweiter-faktor/einrichten", methods=["GET", "POST"])
@login_required
@limiter.limit(configured_limit("login"), methods=["POST"])
def enrol():
    """Scan the QR code, type the first code: the second factor is on, recovery codes shown."""
    user = current_user._get_current_object()
    credential = mfa.pending_enrolment(user)
    if credential is None:
        return redirect(url_for("second_factor.overview"))
    uri = mfa.provisioning_uri(user, credential)
    context = {
        "qr_svg": mfa.qr_code_svg(uri, _("QR-Code für Ihre Authenticator-App")),
        "secret": mfa.grouped_secret(credential.secret),
    }
    form = ConfirmEnrolmentForm()
    status = 200
    if form.validate_on_submit():
        try:
            with write_transaction():
                codes = mfa.confirm_enrolment(
                    user,
                    form.code.data,
                    current_token=current_user.get_id(),
                    remote_addr=request.remote_addr,
                )
        except mfa.SecondFactorThrottled as error:
            return _throttled(form, error, "accounts/second_factor_enrol.html", **context)
        except mfa.WrongCode as error:
            mfa.record_failure(error, request.remote_addr)
            form.code.errors.append(str(error))
            status = 422
        except mfa.SecondFactorError as error:
            form.code.errors.append(str(error))
            status = 422
        else:
            return _no_store(
                render_template(
                    "accounts/recovery_codes.html",
                    codes=codes,
                    enrolled_now=True,
                    next=same_origin_path(request.args.get("next")),
                )
            )
    elif form.is_submitted():
        status = 422
    return _no_store(
        render_template("accounts/second_factor_enrol.html", form=form, **context), status
    )


@blueprint.route("/konto/zweiter-faktor/wiederherstellungscodes", methods=["POST"])
@login_required
def renew_codes():
    if not RevokeTokenForm().validate_on_submit():
        abort(400)
    if not current_user.login_mfa:
        return redirect(url_for("second_factor.verify", next=url_for("second_factor.overview")))
    try:
        with write_transaction():
            codes = mfa.renew_recovery_codes(
                current_user._get_current_object(), remote_addr=request.remote_addr
            )
    except mfa.SecondFactorError as error:
        flash(str(error), "error")
        return redirect(url_for("second_factor.overview"))
    return _no_store(render_template("accounts/recovery_codes.html", codes=codes))
