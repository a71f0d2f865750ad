"""Single sign-on in Chromium: a Lübeck employee logs in through the city's provider (a real
OpenID Connect provider started here, ``oidc-provider-mock``) and lands in Lübeck as a reader;
the login page with the provider's button and the refusal page have no axe-core violations."""

from __future__ import annotations

import re

import pytest
import requests
from sqlalchemy import select

from hanse_hub.accounts import sso
from hanse_hub.accounts.models import AuditEvent, Role, User
from hanse_hub.database import write_transaction
from hanse_hub.extensions import db
from hanse_hub.policy import Actor
from hanse_hub.tenants.services import get_tenant
from tests.browser.harness import PLAYWRIGHT_MISSING, axe_unavailable_reason
from tests.browser.test_accessibility import axe_violations, describe

expect = pytest.importorskip("playwright.sync_api", reason=PLAYWRIGHT_MISSING).expect
oidc_provider_mock = pytest.importorskip("oidc_provider_mock")

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:authlib")

BUTTON = "Mit dem Konto der Hansestadt Lübeck anmelden"


@pytest.fixture(scope="module")
def luebeck_provider(hub):
    """Lübeck's provider, configured in the demo hub for this module, removed afterwards."""
    with oidc_provider_mock.run_server_in_thread(require_nonce=True) as server:
        issuer = f"http://localhost:{server.server_port}"
        with hub.app.app_context():
            with write_transaction():
                chief = db.session.scalar(select(User).where(User.is_hub_admin.is_(True)))
                sso.configure_provider(
                    Actor.of(chief),
                    get_tenant("luebeck"),
                    {
                        "issuer": issuer,
                        "client_id": "smarte-hanse",
                        "allowed_domains": "luebeck.de",
                        "default_role": "reader",
                    },
                )
            db.session.remove()
        secrets = hub.app.config["HANSE_OIDC_SECRETS"]
        secrets[sso.secret_setting("luebeck")] = "geheimnis"
        try:
            yield issuer
        finally:
            secrets.pop(sso.secret_setting("luebeck"), None)
            with hub.app.app_context():
                with write_transaction():
                    chief = db.session.scalar(select(User).where(User.is_hub_admin.is_(True)))
                    sso.remove_provider(Actor.of(chief), get_tenant("luebeck"))
                db.session.remove()


def test_a_luebeck_employee_logs_in_through_the_provider_and_lands_in_luebeck_as_reader(
    page, hub, luebeck_provider
):
    requests.put(
        f"{luebeck_provider}/users/maren.voss",
        json={"email": "maren.voss@luebeck.de", "email_verified": True, "name": "Maren Voß"},
        timeout=10,
    ).raise_for_status()
    page.goto("/anmelden")
    page.get_by_role("link", name=BUTTON).click()
    page.get_by_placeholder("sub").fill("maren.voss")
    page.get_by_role("button", name="Authorize").click()
    expect(page.get_by_role("button", name="Abmelden")).to_be_visible()
    assert page.url.endswith("/luebeck")
    expect(page.get_by_text("Willkommen, Maren Voß!")).to_be_visible()
    with hub.app.app_context():
        user = db.session.scalar(select(User).where(User.email_folded == "maren.voss@luebeck.de"))
        assert user.role_in(get_tenant("luebeck").id) == Role.READER
        db.session.remove()


@pytest.mark.skipif(axe_unavailable_reason() is not None, reason=str(axe_unavailable_reason()))
@pytest.mark.parametrize("language", ["de", "en"])
def test_login_with_provider_buttons_and_the_refusal_page_have_no_wcag_violations(
    page, hub, luebeck_provider, language
):
    if language == "en":
        page.goto("/")
        page.get_by_role("link", name="English", exact=True).or_(
            page.get_by_role("button", name="English", exact=True)
        ).first.click()
        expect(page.locator("html")).to_have_attribute("lang", "en")
    page.goto("/anmelden")
    expect(page.get_by_role("link", name=re.compile("Hansestadt Lübeck"))).to_be_visible()
    violations = axe_violations(page)
    assert not violations, describe(violations, f"login with single sign-on ({language})")
    page.goto("/anmelden/sso/luebeck/rueckkehr?state=fremd&code=x")
    expect(page.get_by_role("alert")).to_be_visible()
    violations = axe_violations(page)
    assert not violations, describe(violations, f"single sign-on refused ({language})")
    with hub.app.app_context():
        event = db.session.scalars(
            select(AuditEvent)
            .where(AuditEvent.action == "sso_login_failed")
            .order_by(AuditEvent.id.desc())
        ).first()
        assert event.detail["reason"] == "state"
        db.session.remove()
