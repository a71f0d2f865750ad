"""City settings: short name, colour (readable under white text), website, contact address."""

from __future__ import annotations

import pytest

from hanse_hub.accounts.models import Role
from hanse_hub.policy import Actor, PermissionDenied
from hanse_hub.tenants.services import (
    InvalidTenantSetting,
    check_colour,
    contrast_with_white,
    update_tenant,
)
from tests.admin.helpers import audit_actions, post_form, text


@pytest.fixture
def stralsund(factory):
    return factory.tenant("stralsund", short_name="Stralsund", colour="#1d4e89")


@pytest.fixture
def admin(factory, stralsund):
    return factory.user(stralsund, Role.ADMIN)


@pytest.fixture
def admin_client(app, factory, admin):
    client = app.test_client()
    factory.login(client, admin)
    return client


def _settings(**values):
    data = {
        "short_name": "Stralsund",
        "colour": "#1d4e89",
        "website": "https://www.stralsund.de",
        "contact_address": "Alter Markt, 18439 Stralsund",
    }
    data.update(values)
    return data


@pytest.mark.parametrize(
    ("colour", "ratio"),
    [("#ffffff", 1.0), ("#000000", 21.0), ("#767676", 4.54), ("#777777", 4.48)],
)
def test_contrast_with_white_follows_wcag(colour, ratio):
    assert contrast_with_white(colour) == pytest.approx(ratio, abs=0.01)


def test_colours_below_aa_contrast_with_white_are_refused():
    assert check_colour("#767676") == "#767676"
    assert check_colour("#1D4E89") == "#1d4e89"
    for too_light in ("#777777", "#ffcc00", "#ffffff"):
        with pytest.raises(InvalidTenantSetting, match="Kontrastverhältnis"):
            check_colour(too_light)


def test_city_admin_saves_the_settings_and_it_is_audited(admin_client, stralsund, session):
    response = post_form(
        admin_client, "/verwaltung/stralsund/einstellungen", _settings(colour="#0B4F8A")
    )
    assert response.status_code == 302
    session.expire_all()  # the request changed the rows in its own session
    assert stralsund.colour == "#0b4f8a" and stralsund.website == "https://www.stralsund.de"
    assert "tenant_updated" in audit_actions(tenant_id=stralsund.id)


def test_a_light_colour_is_refused_beside_the_field_and_kept(admin_client, stralsund):
    response = post_form(
        admin_client, "/verwaltung/stralsund/einstellungen", _settings(colour="#ffcc00")
    )
    assert response.status_code == 422
    page = text(response)
    assert "Kontrastverhältnis" in page and 'value="#ffcc00"' in page
    assert 'aria-describedby="colour-hint colour-error"' in page
    assert stralsund.colour == "#1d4e89"


@pytest.mark.parametrize("website", ["javascript:alert(1)", "www.stralsund.de", "https://"])
def test_a_website_must_be_a_web_address(admin_client, stralsund, website):
    response = post_form(
        admin_client, "/verwaltung/stralsund/einstellungen", _settings(website=website)
    )
    assert response.status_code == 422 and stralsund.website is None


def test_city_admins_cannot_change_the_official_name(admin_client, admin, stralsund):
    page = text(admin_client.get("/verwaltung/stralsund/einstellungen"))
    assert 'name="official_name"' not in page
    post_form(
        admin_client,
        "/verwaltung/stralsund/einstellungen",
        _settings(official_name="Freie Reichsstadt"),
    )
    assert stralsund.official_name != "Freie Reichsstadt"
    with pytest.raises(PermissionDenied):
        update_tenant(Actor.of(admin), stralsund, {"official_name": "Freie Reichsstadt"})


def test_update_tenant_refuses_other_tenants_admins(factory, stralsund):
    other_admin = factory.user(factory.tenant(), Role.ADMIN)
    with pytest.raises(PermissionDenied):
        update_tenant(Actor.of(other_admin), stralsund, {"short_name": "Sund"})


def test_hub_admin_edits_official_name_and_kind(app, factory, stralsund, session):
    client = app.test_client()
    factory.login(client, factory.user(hub_admin=True))
    response = post_form(
        client,
        "/verwaltung/stralsund/einstellungen",
        _settings(official_name="Hansestadt Stralsund", kind="city"),
    )
    session.expire_all()
    assert response.status_code == 302 and stralsund.official_name == "Hansestadt Stralsund"


def test_settings_without_csrf_token_are_rejected(admin_client, stralsund):
    response = admin_client.post("/verwaltung/stralsund/einstellungen", data=_settings())
    assert response.status_code == 400
