"""Single sign-on with a tenant's directory (OpenID Connect, Authorization Code flow + PKCE).

Rules in words:

* Hub admins configure one provider per tenant: its issuer, the client id, the e-mail domains
  allowed to log in through it, the role a new member gets, optionally a claim whose values
  map to roles. The client secret is never stored: it comes from ``HANSE_OIDC_<SLUG>_SECRET``.
* The hub sends the browser to the provider with a fresh ``state``, ``nonce`` and PKCE
  verifier (kept in the signed session cookie, used once); on return the state must match,
  the code is exchanged, and the ID token must carry a valid signature (the provider's
  published keys, asymmetric algorithms only), the configured issuer, the client id as
  audience, the nonce, and must not have expired.
* The address must be verified by the provider (``email_verified``) and belong to an
  allowed domain. It finds the account with that address, or creates one with the tenant's
  default role. **Never a hub admin's account** (their login stays local, with a second
  factor), never a deactivated one.
* A provider that asserts a second factor (``amr`` with ``mfa`` or two methods, or a
  multi-factor ``acr``) counts as the hub's second factor.
* With local passwords switched off for a tenant, addresses of its domains cannot log in
  with a password (hub admins excepted).

Every refusal is an ``SsoRefused`` with a reason (recorded as ``sso_login_failed``) and a
message for people.
"""

from __future__ import annotations

import re
import secrets
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import requests
from authlib.integrations.requests_client import OAuth2Session
from flask_babel import gettext as _
from joserfc import jwt
from joserfc.errors import ExpiredTokenError, JoseError, MissingClaimError
from joserfc.jwk import KeySet
from sqlalchemy import select

from hanse_hub.accounts import services
from hanse_hub.accounts.models import Role, SsoProvider, User
from hanse_hub.extensions import db
from hanse_hub.policy import Actor, PermissionDenied, can_manage_hub
from hanse_hub.tenants.models import Tenant

SCOPE = "openid email profile"
# Only asymmetric signatures: a token signed with the client secret (HS256) or unsigned
# ("none") could be made by anyone who knows the secret, or by anyone.
ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"]
LEEWAY_SECONDS = 60
HTTP_TIMEOUT = 10
METADATA_TTL = 600
# RFC 8176 methods; "mfa" or two different methods mean more than one factor.
MFA_ACR_VALUES = frozenset(
    {
        "mfa",
        "http://schemas.openid.net/pape/policies/2007/06/multi-factor",
        "https://refeds.org/profile/mfa",
    }
)
DOMAIN_PATTERN = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


class SsoError(ValueError):
    """A provider setting that cannot be saved, with a message and the field it concerns."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class SsoRefused(Exception):
    """A single sign-on that the hub refuses: ``reason`` for the audit log, ``str`` for people."""

    def __init__(self, reason: str, message: str, *, email: str | None = None, status: int = 403):
        super().__init__(message)
        self.reason = reason
        self.email = email
        self.status = status


@dataclass(frozen=True)
class SsoLogin:
    user: User
    tenant: Tenant
    mfa_asserted: bool
    created: bool


def secret_setting(slug: str) -> str:
    """The environment variable holding the client secret of ``slug``'s provider."""
    return "HANSE_OIDC_" + re.sub(r"[^A-Z0-9]", "_", slug.upper()) + "_SECRET"


# -- configuration -------------------------------------------------------------------------------


def provider_of(tenant: Tenant) -> SsoProvider | None:
    return db.session.scalar(select(SsoProvider).where(SsoProvider.tenant_id == tenant.id))


def enabled_providers() -> list[SsoProvider]:
    """The providers the login page offers, by tenant name."""
    found = db.session.scalars(
        select(SsoProvider).join(Tenant).where(SsoProvider.enabled.is_(True))
    )
    return sorted(found, key=lambda p: p.tenant.short_name)


def _issuer(value: str) -> str:
    issuer = (value or "").strip().rstrip("/")
    parts = urlsplit(issuer)
    loopback = parts.hostname in ("localhost", "127.0.0.1", "::1")
    if not parts.hostname or parts.query or parts.fragment:
        raise SsoError(_("Bitte geben Sie die Adresse des Anbieters an (https://…)."), "issuer")
    if parts.scheme != "https" and not (parts.scheme == "http" and loopback):
        raise SsoError(
            _("Die Adresse des Anbieters muss mit https:// beginnen."),
            "issuer",
        )
    return issuer


def parse_domains(text: str) -> list[str]:
    domains = []
    for raw in re.split(r"[\s,;]+", (text or "").strip().lower()):
        domain = raw.removeprefix("@")
        if not domain:
            continue
        if not DOMAIN_PATTERN.match(domain):
            raise SsoError(
                _("„%(domain)s“ ist keine gültige E-Mail-Domain.", domain=raw), "allowed_domains"
            )
        if domain not in domains:
            domains.append(domain)
    if not domains:
        raise SsoError(
            _("Bitte geben Sie mindestens eine E-Mail-Domain an, z. B. luebeck.de."),
            "allowed_domains",
        )
    return domains


def parse_role_mapping(text: str) -> dict[str, str]:
    """Lines ``claim value = role`` (role: reader, editor or admin)."""
    mapping = {}
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        value, sep, role = line.rpartition("=")
        value, role = value.strip(), role.strip().lower()
        if not sep or not value or role not in {r.value for r in Role}:
            raise SsoError(
                _(
                    "Jede Zeile hat die Form „Wert = Rolle“ mit der Rolle reader, editor "
                    "oder admin: „%(line)s“ passt nicht.",
                    line=line.strip(),
                ),
                "role_mapping",
            )
        mapping[value] = role
    return mapping


def configure_provider(actor: Actor, tenant: Tenant, data: dict) -> SsoProvider:
    """Create or change ``tenant``'s provider (hub admins). ``data``: issuer, client_id,
    allowed_domains (text), default_role, role_claim, role_mapping (text), local_passwords,
    enabled."""
    if not can_manage_hub(actor):
        raise PermissionDenied("configure single sign-on")
    client_id = (data.get("client_id") or "").strip()
    if not client_id or len(client_id) > 200:
        raise SsoError(_("Bitte geben Sie die Client-ID an (höchstens 200 Zeichen)."), "client_id")
    try:
        default_role = Role(data.get("default_role") or "reader")
    except ValueError:
        raise SsoError(_("Bitte wählen Sie eine Rolle."), "default_role") from None
    role_claim = (data.get("role_claim") or "").strip() or None
    values = {
        "issuer": _issuer(data.get("issuer") or ""),
        "client_id": client_id,
        "allowed_domains": "\n".join(parse_domains(data.get("allowed_domains") or "")),
        "default_role": default_role,
        "role_claim": role_claim[:100] if role_claim else None,
        "role_mapping": parse_role_mapping(data.get("role_mapping") or "") if role_claim else {},
        "local_passwords": bool(data.get("local_passwords", True)),
        "enabled": bool(data.get("enabled", True)),
    }
    provider = provider_of(tenant)
    if provider is None:
        provider = SsoProvider(tenant=tenant, **values)
        db.session.add(provider)
    else:
        for name, value in values.items():
            setattr(provider, name, value)
    services.add_audit_event(
        "sso_provider_configured",
        actor_id=actor.user_id,
        tenant_id=tenant.id,
        target=f"tenant:{tenant.slug}",
        detail={
            "issuer": values["issuer"],
            "client_id": client_id,
            "allowed_domains": values["allowed_domains"].split("\n"),
            "default_role": default_role.value,
            "local_passwords": values["local_passwords"],
            "enabled": values["enabled"],
        },
    )
    db.session.flush()
    return provider


def remove_provider(actor: Actor, tenant: Tenant) -> bool:
    if not can_manage_hub(actor):
        raise PermissionDenied("configure single sign-on")
    provider = provider_of(tenant)
    if provider is None:
        return False
    db.session.delete(provider)
    services.add_audit_event(
        "sso_provider_removed",
        actor_id=actor.user_id,
        tenant_id=tenant.id,
        target=f"tenant:{tenant.slug}",
    )
    db.session.flush()
    return True


def missing_secrets(secrets_by_setting: dict[str, str]) -> list[str]:
    """The settings of enabled providers whose client secret is not set."""
    return [
        secret_setting(provider.tenant.slug)
        for provider in enabled_providers()
        if not secrets_by_setting.get(secret_setting(provider.tenant.slug))
    ]


def password_login_blocked(email: str) -> SsoProvider | None:
    """The provider whose tenant switched local passwords off for this address's domain."""
    domain = email.strip().rpartition("@")[2].casefold()
    for provider in enabled_providers():
        if not provider.local_passwords and domain in provider.domains:
            return provider
    return None


# -- the provider's published metadata and keys --------------------------------------------------

_cache: dict[str, tuple[float, dict]] = {}
_cache_lock = threading.Lock()


def _get_json(url: str, *, fresh: bool = False) -> dict:
    now = time.monotonic()
    with _cache_lock:
        cached = _cache.get(url)
    if cached and not fresh and now - cached[0] < METADATA_TTL:
        return cached[1]
    response = requests.get(url, timeout=HTTP_TIMEOUT)
    response.raise_for_status()
    document = response.json()
    if not isinstance(document, dict):
        raise ValueError(f"{url} did not answer a JSON object")
    with _cache_lock:
        _cache[url] = (now, document)
    return document


def _metadata(provider: SsoProvider) -> dict:
    try:
        document = _get_json(provider.issuer + "/.well-known/openid-configuration")
    except (requests.RequestException, ValueError) as error:
        raise SsoRefused(
            "provider_unreachable",
            _("Der Anmeldedienst antwortet gerade nicht. Bitte versuchen Sie es später erneut."),
            status=502,
        ) from error
    if document.get("issuer", "").rstrip("/") != provider.issuer:
        raise SsoRefused(
            "issuer",
            _("Der Anmeldedienst hat sich nicht mit der eingerichteten Adresse ausgewiesen."),
            status=502,
        )
    return document


def _keys(metadata: dict, *, fresh: bool = False) -> KeySet:
    return KeySet.import_key_set(_get_json(metadata["jwks_uri"], fresh=fresh))


# -- the flow ------------------------------------------------------------------------------------


def _client(provider: SsoProvider, client_secret: str, redirect_uri: str) -> OAuth2Session:
    return OAuth2Session(
        client_id=provider.client_id,
        client_secret=client_secret,
        scope=SCOPE,
        redirect_uri=redirect_uri,
        code_challenge_method="S256",
        timeout=HTTP_TIMEOUT,
    )


def begin(provider: SsoProvider, client_secret: str, redirect_uri: str) -> tuple[str, dict]:
    """The provider's authorization URL, and what to keep until the browser returns."""
    metadata = _metadata(provider)
    state = secrets.token_urlsafe(32)
    nonce = secrets.token_urlsafe(32)
    verifier = secrets.token_urlsafe(64)
    url, _state = _client(provider, client_secret, redirect_uri).create_authorization_url(
        metadata["authorization_endpoint"], state=state, nonce=nonce, code_verifier=verifier
    )
    return url, {
        "tenant": provider.tenant.slug,
        "state": state,
        "nonce": nonce,
        "verifier": verifier,
    }


def _id_token_claims(provider: SsoProvider, metadata: dict, id_token: str, nonce: str) -> dict:
    try:
        try:
            token = jwt.decode(id_token, _keys(metadata), algorithms=ALGORITHMS)
        except JoseError:  # a rotated key: fetch the published keys once more
            token = jwt.decode(id_token, _keys(metadata, fresh=True), algorithms=ALGORITHMS)
        jwt.JWTClaimsRegistry(
            leeway=LEEWAY_SECONDS,
            iss={"essential": True, "value": provider.issuer},
            aud={"essential": True, "value": provider.client_id},
            exp={"essential": True},
            sub={"essential": True},
            nonce={"essential": True, "value": nonce},
        ).validate(token.claims)
    except ExpiredTokenError as error:
        raise SsoRefused("expired", _("Die Anmeldung ist abgelaufen.")) from error
    except MissingClaimError as error:
        raise SsoRefused(f"claim_{error.claim}", _("Die Anmeldung ist unvollständig.")) from error
    except JoseError as error:
        claim = getattr(error, "claim", None)
        reason = {"aud": "audience", "iss": "issuer", "nonce": "nonce"}.get(claim, "signature")
        if claim and reason == "signature":
            reason = f"claim_{claim}"
        raise SsoRefused(reason, _("Die Anmeldung ließ sich nicht bestätigen.")) from error
    return token.claims


def _asserts_mfa(claims: dict) -> bool:
    amr = claims.get("amr")
    methods = {m for m in amr if isinstance(m, str)} if isinstance(amr, list) else set()
    return "mfa" in methods or len(methods) >= 2 or claims.get("acr") in MFA_ACR_VALUES


def _role_from_claims(provider: SsoProvider, claims: dict) -> Role | None:
    if not provider.role_claim:
        return None
    values = claims.get(provider.role_claim)
    values = values if isinstance(values, list) else [values]
    mapped = [Role(provider.role_mapping[v]) for v in values if v in provider.role_mapping]
    order = [Role.READER, Role.EDITOR, Role.ADMIN]
    return max(mapped, key=order.index) if mapped else None


def finish(
    provider: SsoProvider,
    client_secret: str,
    redirect_uri: str,
    pending: dict | None,
    args: dict,
) -> SsoLogin:
    """Check the provider's answer (``args``: the callback's query) against ``pending`` (from
    ``begin``, used once) and find or create the account. Raises ``SsoRefused``."""
    if (
        not pending
        or pending.get("tenant") != provider.tenant.slug
        or not secrets.compare_digest(str(args.get("state", "")), str(pending.get("state", "")))
    ):
        raise SsoRefused(
            "state",
            _("Diese Anmeldung wurde nicht hier begonnen oder ist schon abgeschlossen."),
            status=400,
        )
    if args.get("error"):
        raise SsoRefused(
            "provider_error",
            _("Der Anmeldedienst hat die Anmeldung abgelehnt."),
        )
    metadata = _metadata(provider)
    try:
        token = _client(provider, client_secret, redirect_uri).fetch_token(
            metadata["token_endpoint"],
            grant_type="authorization_code",
            code=str(args.get("code", "")),
            code_verifier=pending["verifier"],
        )
    except Exception as error:  # authlib's OAuthError, requests' errors, a non-JSON answer
        raise SsoRefused(
            "token_request", _("Der Anmeldedienst hat die Anmeldung nicht bestätigt.")
        ) from error
    if not token.get("id_token"):
        raise SsoRefused("claim_id_token", _("Die Anmeldung ist unvollständig."))
    claims = _id_token_claims(provider, metadata, token["id_token"], pending["nonce"])
    return _account_for(provider, claims)


def _account_for(provider: SsoProvider, claims: dict) -> SsoLogin:
    email = claims.get("email")
    if not isinstance(email, str) or "@" not in email:
        raise SsoRefused("claim_email", _("Der Anmeldedienst hat keine E-Mail-Adresse genannt."))
    if claims.get("email_verified") not in (True, "true"):
        raise SsoRefused(
            "email_unverified",
            _("Der Anmeldedienst hat Ihre E-Mail-Adresse nicht als bestätigt ausgewiesen."),
            email=email,
        )
    if email.rpartition("@")[2].casefold() not in provider.domains:
        raise SsoRefused(
            "domain",
            _(
                "Mit dieser E-Mail-Adresse ist die Anmeldung über %(tenant)s nicht möglich.",
                tenant=provider.tenant.short_name,
            ),
            email=email,
        )
    tenant = provider.tenant
    user = services.find_user_by_email(email)
    created = False
    if user is not None and user.is_hub_admin:
        raise SsoRefused(
            "hub_admin",
            _(
                "Konten der Hub-Administration melden sich nicht über Single Sign-on an, "
                "sondern mit Passwort und zweitem Faktor."
            ),
            email=email,
        )
    if user is not None and not user.is_active_account:
        raise SsoRefused("inactive", _("Dieses Konto ist deaktiviert."), email=email)
    if user is None:
        name = claims.get("name") if isinstance(claims.get("name"), str) else ""
        user = services.create_user(email, name[:120], None)
        created = True
    mapped = _role_from_claims(provider, claims)
    current = user.role_in(tenant.id)
    if mapped is not None and mapped != current:
        services.set_role(None, user, tenant, mapped)
    elif current is None:
        services.set_role(None, user, tenant, provider.default_role)
    return SsoLogin(user=user, tenant=tenant, mfa_asserted=_asserts_mfa(claims), created=created)
