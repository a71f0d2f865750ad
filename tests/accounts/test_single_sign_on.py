"""Single sign-on against a real OpenID Connect provider started in the test
(``oidc-provider-mock``: authlib's authorization server, RS256-signed ID tokens, a JWKS).

The provider runs in a thread on a free port; the hub (Flask's test client) talks to it over
HTTP for discovery, keys and the code exchange, the "browser" (``requests``) for the
authorization step. Refusals are provoked at the provider itself (its ID token claims) or in
the browser's requests (the nonce, a replayed callback), never by mocking the hub's checks.
"""

from __future__ import annotations

import time
from types import SimpleNamespace
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import pytest
import requests
from sqlalchemy import select

from hanse_hub.accounts import sso
from hanse_hub.accounts.models import AuditEvent, LoginSession, Role, User
from hanse_hub.database import write_transaction
from hanse_hub.extensions import db
from hanse_hub.policy import Actor
from tests.factories import Factory, csrf_token

oidc_provider_mock = pytest.importorskip("oidc_provider_mock")
from oidc_provider_mock import _app as provider_app  # noqa: E402

# The provider package itself still uses authlib interfaces that authlib deprecated.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:authlib")

CLIENT_ID = "smarte-hanse-hub"
SECRET = "geheimnis-der-hansestadt"


@pytest.fixture(scope="module")
def issuer():
    with oidc_provider_mock.run_server_in_thread(require_nonce=True) as server:
        yield f"http://localhost:{server.server_port}"


def _read(query):
    db.session.remove()
    try:
        return query()
    finally:
        db.session.remove()


@pytest.fixture
def luebeck_sso(committing_app, issuer, monkeypatch):
    """A tenant like Lübeck (own slug per test) whose provider is the test's provider."""
    make = Factory(db.session)
    with write_transaction():
        tenant = make.tenant(official_name="Hansestadt Lübeck", short_name="Lübeck")
        hub_admin = make.user(hub_admin=True)
        sso.configure_provider(
            Actor.of(hub_admin),
            tenant,
            {
                "issuer": issuer,
                "client_id": CLIENT_ID,
                "allowed_domains": "luebeck.de",
                "default_role": "reader",
            },
        )
        slug, tenant_id = tenant.slug, tenant.id
    db.session.remove()
    secrets = dict(committing_app.config["HANSE_OIDC_SECRETS"])
    secrets[sso.secret_setting(slug)] = SECRET
    monkeypatch.setitem(committing_app.config, "HANSE_OIDC_SECRETS", secrets)
    return SimpleNamespace(slug=slug, issuer=issuer, tenant_id=tenant_id)


def _person(issuer: str, sub: str, **claims) -> None:
    body = {"email": f"{sub}@luebeck.de", "email_verified": True, "name": "Jana Kruse"}
    body.update(claims)
    requests.put(f"{issuer}/users/{sub}", json=body, timeout=10).raise_for_status()


def _to_provider(client, slug: str):
    answer = client.get(f"/anmelden/sso/{slug}")
    assert answer.status_code == 302, answer.text[:500]
    return answer.location


def _authorize(location: str, sub: str) -> str:
    """The person logs in at the provider; returns the hub URL the provider sends them to."""
    answer = requests.post(location, data={"sub": sub}, allow_redirects=False, timeout=10)
    assert answer.status_code == 302, answer.text[:500]
    return answer.headers["Location"]


def _back(client, callback: str):
    parts = urlsplit(callback)
    return client.get(f"{parts.path}?{parts.query}")


def _sso_login(client, slug: str, sub: str):
    return _back(client, _authorize(_to_provider(client, slug), sub))


def _failures(slug: str) -> list[str]:
    query = select(AuditEvent).where(AuditEvent.action == "sso_login_failed")
    events = _read(lambda: list(db.session.scalars(query)))
    return [e.detail["reason"] for e in events if e.detail.get("tenant") == slug]


def test_a_luebeck_employee_logs_in_through_the_provider_and_becomes_a_reader(
    committing_app, luebeck_sso
):
    _person(luebeck_sso.issuer, "jana.kruse")
    client = committing_app.test_client()
    login_page = client.get("/anmelden").text
    assert "Mit dem Konto der Hansestadt Lübeck anmelden" in login_page
    location = _to_provider(client, luebeck_sso.slug)
    query = parse_qs(urlsplit(location).query)
    assert query["code_challenge_method"] == ["S256"] and query["code_challenge"][0]
    assert query["state"][0] and query["nonce"][0] and query["client_id"] == [CLIENT_ID]
    answer = _back(client, _authorize(location, "jana.kruse"))
    assert answer.status_code == 302 and answer.location.endswith(f"/{luebeck_sso.slug}")
    assert client.get("/konto").status_code == 200

    def account():
        user = db.session.scalar(select(User).where(User.email_folded == "jana.kruse@luebeck.de"))
        return user.role_in(luebeck_sso.tenant_id), user.password_hash, user.display_name

    assert account() == (Role.READER, None, "Jana Kruse")
    login = _read(
        lambda: db.session.scalars(
            select(AuditEvent).where(
                AuditEvent.action == "login", AuditEvent.target == "jana.kruse@luebeck.de"
            )
        ).one()
    )
    assert login.detail == {"mfa": None, "sso": luebeck_sso.slug, "created": True}


def test_an_existing_account_is_found_by_its_verified_address(committing_app, luebeck_sso):
    with write_transaction():
        user = Factory(db.session).user(email="Ole.Hansen@Luebeck.de")
        user_id = user.id
    db.session.remove()
    _person(luebeck_sso.issuer, "ole", email="ole.hansen@luebeck.de")
    client = committing_app.test_client()
    assert _sso_login(client, luebeck_sso.slug, "ole").status_code == 302
    query = select(LoginSession).where(LoginSession.user_id == user_id)
    assert len(_read(lambda: list(db.session.scalars(query)))) == 1


def test_a_provider_asserting_mfa_counts_as_the_second_factor(committing_app, luebeck_sso):
    _person(luebeck_sso.issuer, "mfa.person", amr=["pwd", "otp"])
    client = committing_app.test_client()
    assert _sso_login(client, luebeck_sso.slug, "mfa.person").status_code == 302
    query = select(LoginSession).join(User).where(User.email_folded == "mfa.person@luebeck.de")
    assert _read(lambda: db.session.scalars(query).one().mfa_method) == "sso_mfa"


def test_a_mapped_role_claim_decides_the_role(committing_app, luebeck_sso, issuer):
    with write_transaction():
        tenant_admin = Factory(db.session).user(hub_admin=True)
        provider = db.session.scalar(
            select(sso.SsoProvider).where(sso.SsoProvider.tenant_id == luebeck_sso.tenant_id)
        )
        sso.configure_provider(
            Actor.of(tenant_admin),
            provider.tenant,
            {
                "issuer": issuer,
                "client_id": CLIENT_ID,
                "allowed_domains": "luebeck.de",
                "default_role": "reader",
                "role_claim": "groups",
                "role_mapping": "hub-redaktion = editor",
            },
        )
    db.session.remove()
    _person(issuer, "redakteurin", groups=["alle", "hub-redaktion"])
    client = committing_app.test_client()
    assert _sso_login(client, luebeck_sso.slug, "redakteurin").status_code == 302
    query = select(User).where(User.email_folded == "redakteurin@luebeck.de")
    assert _read(lambda: db.session.scalar(query).role_in(luebeck_sso.tenant_id)) == Role.EDITOR


@pytest.fixture
def provider_claims(monkeypatch):
    """Change the claims the provider itself puts into (and signs in) its next ID tokens."""

    def change(**claims):
        original = provider_app.OpenIDCode.get_client_claims

        def patched(self, client):
            values = original(self, client)
            values.update(claims() if callable(claims) else claims)
            return values

        monkeypatch.setattr(provider_app.OpenIDCode, "get_client_claims", patched)

    return change


def _refused(answer, reason: str, slug: str, client) -> None:
    assert answer.status_code in (400, 403), answer.status_code
    assert "Anmeldung nicht möglich" in answer.text
    assert client.get("/konto").status_code == 302, "not logged in"
    assert _failures(slug)[-1] == reason


def test_an_id_token_for_another_audience_is_refused(committing_app, luebeck_sso, provider_claims):
    _person(luebeck_sso.issuer, "aud.person")
    provider_claims(aud=["eine-andere-anwendung"])
    client = committing_app.test_client()
    _refused(
        _sso_login(client, luebeck_sso.slug, "aud.person"), "audience", luebeck_sso.slug, client
    )


def test_an_expired_id_token_is_refused(committing_app, luebeck_sso, provider_claims):
    _person(luebeck_sso.issuer, "exp.person")
    provider_claims(exp=int(time.time()) - 3600, iat=int(time.time()) - 7200)
    client = committing_app.test_client()
    _refused(
        _sso_login(client, luebeck_sso.slug, "exp.person"), "expired", luebeck_sso.slug, client
    )


def test_a_replayed_state_is_refused(committing_app, luebeck_sso):
    _person(luebeck_sso.issuer, "replay.person")
    client = committing_app.test_client()
    callback = _authorize(_to_provider(client, luebeck_sso.slug), "replay.person")
    assert _back(client, callback).status_code == 302
    client.post("/abmelden", data={"csrf_token": csrf_token(client, "/konto")})
    _refused(_back(client, callback), "state", luebeck_sso.slug, client)
    stranger = committing_app.test_client()
    _refused(_back(stranger, callback), "state", luebeck_sso.slug, stranger)


def test_an_id_token_with_another_nonce_is_refused(committing_app, luebeck_sso):
    _person(luebeck_sso.issuer, "nonce.person")
    client = committing_app.test_client()
    parts = urlsplit(_to_provider(client, luebeck_sso.slug))
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    query["nonce"] = "eine-fremde-nonce"
    tampered = urlunsplit(parts._replace(query=urlencode(query)))
    answer = _back(client, _authorize(tampered, "nonce.person"))
    _refused(answer, "nonce", luebeck_sso.slug, client)


def test_an_unverified_address_is_refused(committing_app, luebeck_sso):
    _person(luebeck_sso.issuer, "unverified", email_verified=False)
    client = committing_app.test_client()
    answer = _sso_login(client, luebeck_sso.slug, "unverified")
    _refused(answer, "email_unverified", luebeck_sso.slug, client)
    assert "nicht als bestätigt" in answer.text


def test_an_address_outside_the_allowed_domains_is_refused(committing_app, luebeck_sso):
    _person(luebeck_sso.issuer, "fremd", email="fremd@rostock.de")
    client = committing_app.test_client()
    _refused(_sso_login(client, luebeck_sso.slug, "fremd"), "domain", luebeck_sso.slug, client)
    query = select(User).where(User.email_folded == "fremd@rostock.de")
    assert _read(lambda: db.session.scalar(query)) is None, "no account was created"


def test_a_hub_admin_account_is_never_reached_through_single_sign_on(committing_app, luebeck_sso):
    with write_transaction():
        Factory(db.session).user(hub_admin=True, email="chefin@luebeck.de")
    db.session.remove()
    _person(luebeck_sso.issuer, "chefin")
    client = committing_app.test_client()
    answer = _sso_login(client, luebeck_sso.slug, "chefin")
    _refused(answer, "hub_admin", luebeck_sso.slug, client)
    assert "Hub-Administration" in answer.text


def test_local_passwords_can_be_switched_off_for_a_tenants_domains(
    committing_app, luebeck_sso, issuer
):
    with write_transaction():
        make = Factory(db.session)
        employee = make.user(email="passwort@luebeck.de")
        chief = make.user(hub_admin=True, email="hubchef@luebeck.de")
        provider = db.session.scalar(
            select(sso.SsoProvider).where(sso.SsoProvider.tenant_id == luebeck_sso.tenant_id)
        )
        sso.configure_provider(
            Actor.of(chief),
            provider.tenant,
            {
                "issuer": issuer,
                "client_id": CLIENT_ID,
                "allowed_domains": "luebeck.de",
                "default_role": "reader",
                "local_passwords": False,
            },
        )
        employee = SimpleNamespace(email=employee.email)
        chief = SimpleNamespace(email=chief.email)
    db.session.remove()
    client = committing_app.test_client()
    refused = Factory(db.session).login(client, employee)
    assert refused.status_code == 403 and "Passwort abgeschaltet" in refused.text
    assert Factory(db.session).login(committing_app.test_client(), chief).status_code == 302


def test_a_missing_client_secret_is_a_clear_page_and_a_one_line_start_error(
    committing_app, luebeck_sso, monkeypatch
):
    monkeypatch.setitem(committing_app.config, "HANSE_OIDC_SECRETS", {})
    client = committing_app.test_client()
    answer = client.get(f"/anmelden/sso/{luebeck_sso.slug}")
    assert answer.status_code == 503 and "gerade nicht möglich" in answer.text
    from hanse_hub.startup import sso_problem

    problem = sso_problem(committing_app)
    assert sso.secret_setting(luebeck_sso.slug) in problem and "\n" not in problem


def test_provider_settings_are_checked(committing_app):
    with write_transaction():
        make = Factory(db.session)
        tenant, chief = make.tenant(), make.user(hub_admin=True)
        good = {
            "issuer": "https://sso.luebeck.de/realms/hl",
            "client_id": "hub",
            "allowed_domains": "luebeck.de",
        }
        for change, field in [
            ({"issuer": "http://sso.luebeck.de"}, "issuer"),
            ({"client_id": ""}, "client_id"),
            ({"allowed_domains": "kein domain"}, "allowed_domains"),
            ({"role_claim": "groups", "role_mapping": "a = chef"}, "role_mapping"),
        ]:
            with pytest.raises(sso.SsoError) as caught:
                sso.configure_provider(Actor.of(chief), tenant, {**good, **change})
            assert caught.value.field == field
        reader = make.user(tenant, Role.ADMIN)
        with pytest.raises(sso.PermissionDenied):
            sso.configure_provider(Actor.of(reader), tenant, good)
    assert sso.secret_setting("stadt-lübeck-2") == "HANSE_OIDC_STADT_L_BECK_2_SECRET"


def test_hub_admins_configure_a_provider_on_the_administration_page(committing_app):
    with write_transaction():
        make = Factory(db.session)
        tenant = make.tenant(official_name="Hansestadt Wismar")
        chief = make.user(hub_admin=True)
        city_admin = make.user(tenant, Role.ADMIN)
        slug, chief, city_admin = (
            tenant.slug,
            SimpleNamespace(email=chief.email),
            SimpleNamespace(email=city_admin.email),
        )
    db.session.remove()
    client = committing_app.test_client()
    Factory(db.session).login(client, chief)
    page = client.get(f"/verwaltung/{slug}/anmeldung")
    assert page.status_code == 200 and sso.secret_setting(slug) in page.text
    token = csrf_token(client, f"/verwaltung/{slug}/anmeldung")
    data = {
        "csrf_token": token,
        "issuer": "https://sso.wismar.de/realms/stadt",
        "client_id": "hub",
        "allowed_domains": "wismar.de",
        "default_role": "reader",
        "enabled": "y",
        "local_passwords": "y",
    }
    wrong = client.post(f"/verwaltung/{slug}/anmeldung", data={**data, "allowed_domains": "x"})
    assert wrong.status_code == 422 and "keine gültige E-Mail-Domain" in wrong.text
    saved = client.post(f"/verwaltung/{slug}/anmeldung", data=data)
    assert saved.status_code == 302
    assert (
        "Mit dem Konto der Hansestadt Wismar anmelden"
        in committing_app.test_client().get("/anmelden").text
    )
    query = select(AuditEvent).where(
        AuditEvent.action == "sso_provider_configured", AuditEvent.target == f"tenant:{slug}"
    )
    assert _read(lambda: db.session.scalars(query).one().detail["allowed_domains"]) == ["wismar.de"]
    other = committing_app.test_client()
    Factory(db.session).login(other, city_admin)
    assert other.get(f"/verwaltung/{slug}/anmeldung").status_code == 403
    removed = client.post(f"/verwaltung/{slug}/anmeldung/entfernen", data={"csrf_token": token})
    assert removed.status_code == 302
    assert "Hansestadt Wismar anmelden" not in committing_app.test_client().get("/anmelden").text


def test_hub_admins_configure_a_provider_through_the_api(committing_app):
    with write_transaction():
        make = Factory(db.session)
        tenant = make.tenant()
        from hanse_hub.accounts import tokens

        chief_secret = tokens.create_token(make.user(hub_admin=True), "api").secret
        admin_secret = tokens.create_token(make.user(tenant, Role.ADMIN), "api").secret
        slug = tenant.slug
    db.session.remove()
    client = committing_app.test_client()
    url = f"/api/v1/tenants/{slug}/single-sign-on"
    chief = {"Authorization": f"Bearer {chief_secret}"}
    body = {
        "issuer": "https://sso.stralsund.de/realms/hst/",
        "client_id": "hub",
        "allowed_domains": ["Stralsund.de"],
        "role_claim": "groups",
        "role_mapping": {"hub-admins": "admin"},
    }
    assert client.get(url, headers=chief).status_code == 404
    saved = client.put(url, json=body, headers=chief)
    assert saved.status_code == 200, saved.json
    assert saved.json["issuer"] == "https://sso.stralsund.de/realms/hst"
    assert saved.json["allowed_domains"] == ["stralsund.de"]
    assert saved.json["secret_setting"] == sso.secret_setting(slug)
    assert saved.json["secret_set"] is False
    assert client.get(url, headers=chief).json["role_mapping"] == {"hub-admins": "admin"}
    wrong = client.put(url, json={**body, "issuer": "ftp://x"}, headers=chief)
    assert wrong.status_code == 422 and "issuer" in wrong.json["errors"]
    assert wrong.headers["Content-Type"] == "application/problem+json"
    city_admin = {"Authorization": f"Bearer {admin_secret}"}
    assert client.put(url, json=body, headers=city_admin).status_code == 403
    assert client.delete(url, headers=chief).status_code == 204
    assert client.delete(url, headers=chief).status_code == 404


def test_an_account_with_a_second_factor_is_asked_for_its_code_unless_the_provider_asserts_mfa(
    committing_app, luebeck_sso
):
    import pyotp

    from hanse_hub.accounts import mfa

    with write_transaction():
        user = Factory(db.session).user(email="zwei.faktoren@luebeck.de")
        secret = mfa.start_enrolment(user).secret
        mfa.confirm_enrolment(user, pyotp.TOTP(secret).now())
    db.session.remove()
    _person(luebeck_sso.issuer, "zwei.faktoren")
    client = committing_app.test_client()
    answer = _sso_login(client, luebeck_sso.slug, "zwei.faktoren")
    assert answer.status_code == 302 and answer.location.endswith("/anmelden/zweiter-faktor")
    assert client.get("/konto").status_code == 302, "not logged in before the code"
    code = pyotp.TOTP(secret).at(time.time() + 30)
    token = csrf_token(client, "/anmelden/zweiter-faktor")
    client.post("/anmelden/zweiter-faktor", data={"code": code, "csrf_token": token})
    assert client.get("/konto").status_code == 200
    _person(luebeck_sso.issuer, "zwei.faktoren", amr=["mfa"])
    asserted = committing_app.test_client()
    answer = _sso_login(asserted, luebeck_sso.slug, "zwei.faktoren")
    assert answer.status_code == 302 and "zweiter-faktor" not in answer.location
    assert asserted.get("/konto").status_code == 200
