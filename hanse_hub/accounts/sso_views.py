"""Single sign-on pages: off to the tenant's provider, and back (``accounts/sso.py``)."""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user

from hanse_hub.accounts import mfa, services, sso
from hanse_hub.accounts.models import fold_email
from hanse_hub.accounts.views import complete_login, remember_second_factor_pending
from hanse_hub.database import write_transaction
from hanse_hub.extensions import configured_limit, limiter
from hanse_hub.tenants.services import get_tenant
from hanse_hub.web.redirects import same_origin_path

blueprint = Blueprint("sso", __name__)

PENDING_KEY = "sso_pending"


def _provider_or_404(slug: str):
    tenant = get_tenant(slug)
    provider = sso.provider_of(tenant) if tenant is not None else None
    if provider is None or not provider.enabled:
        abort(404)
    return provider


def _redirect_uri(slug: str) -> str:
    """Where the provider sends the browser back (registered at the provider as is)."""
    base = current_app.config.get("HANSE_BASE_URL")
    if base:
        return base + url_for("sso.callback", slug=slug)
    return url_for("sso.callback", slug=slug, _external=True)


def _refused(provider, error: sso.SsoRefused):
    services.record_security_event(
        "sso_login_failed",
        tenant_id=provider.tenant_id,
        target=fold_email(error.email) if error.email else None,
        detail={"reason": error.reason, "tenant": provider.tenant.slug},
        remote_addr=request.remote_addr,
    )
    page = render_template("accounts/sso_refused.html", message=str(error), provider=provider)
    return page, error.status


def _client_secret(provider) -> str | None:
    setting = sso.secret_setting(provider.tenant.slug)
    secret = current_app.config.get("HANSE_OIDC_SECRETS", {}).get(setting)
    if not secret:
        current_app.logger.error(
            "Single sign-on of %s is configured but %s is not set", provider.tenant.slug, setting
        )
    return secret


@blueprint.route("/anmelden/sso/<slug>")
@limiter.limit(configured_limit("login"))
def start(slug: str):
    """Off to the tenant's provider, with a fresh state, nonce and PKCE verifier.

    A link, not a form: the Content-Security-Policy's ``form-action 'self'`` would stop a
    form's redirect to the provider. Starting changes nothing but this browser's session;
    the state bound to it is what protects the return."""
    if current_user.is_authenticated:
        return redirect(url_for("web.home"))
    provider = _provider_or_404(slug)
    secret = _client_secret(provider)
    if not secret:
        page = render_template(
            "accounts/sso_refused.html",
            provider=provider,
            message=_("Die Anmeldung über diesen Dienst ist gerade nicht möglich."),
        )
        return page, 503
    try:
        url, pending = sso.begin(provider, secret, _redirect_uri(slug))
    except sso.SsoRefused as error:
        return _refused(provider, error)
    pending["next"] = same_origin_path(request.args.get("next"))
    session[PENDING_KEY] = pending
    return redirect(url)


@blueprint.route("/anmelden/sso/<slug>/rueckkehr")
@limiter.limit(configured_limit("login"))
def callback(slug: str):
    """Back from the provider: check everything, then log in (or ask for the second factor
    when the account has one and the provider did not assert one)."""
    provider = _provider_or_404(slug)
    pending = session.pop(PENDING_KEY, None)  # used once, whatever the outcome
    secret = _client_secret(provider)
    try:
        if not secret:
            raise sso.SsoRefused(
                "not_configured", _("Die Anmeldung über diesen Dienst ist gerade nicht möglich.")
            )
        with write_transaction():
            result = sso.finish(provider, secret, _redirect_uri(slug), pending, request.args)
    except sso.SsoRefused as error:
        return _refused(provider, error)
    next_path = pending.get("next") if pending else None
    if mfa.is_enrolled(result.user) and not result.mfa_asserted:
        remember_second_factor_pending(result.user, False, next_path)
        return redirect(url_for("second_factor.verify"))
    return complete_login(
        result.user,
        next_path=next_path or url_for("web.tenant_page", slug=result.tenant.slug),
        mfa_method=mfa.METHOD_SSO if result.mfa_asserted else None,
        detail={"sso": result.tenant.slug, "created": result.created},
    )
