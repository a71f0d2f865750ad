"""Hub admins manage tenants, topics and accounts; city admins cannot."""

from __future__ import annotations

import re

import pytest

from hanse_hub.accounts.models import Role
from hanse_hub.content.topics import get_topic
from hanse_hub.tenants.services import get_tenant
from tests.admin.helpers import audit_actions, post_form, text

HUB_PAGES = [
    "/verwaltung/hub/organisationen",
    "/verwaltung/hub/organisationen/neu",
    "/verwaltung/hub/handlungsfelder",
    "/verwaltung/hub/konten",
]


@pytest.fixture
def hub_client(app, factory, hub_admin):
    client = app.test_client()
    factory.login(client, hub_admin)
    return client


@pytest.fixture
def city_admin_client(app, factory):
    client = app.test_client()
    factory.login(client, factory.user(factory.tenant(), Role.ADMIN))
    return client


@pytest.mark.parametrize("path", HUB_PAGES)
def test_hub_pages_are_for_hub_admins_only(hub_client, city_admin_client, path):
    assert hub_client.get(path).status_code == 200
    assert city_admin_client.get(path).status_code == 403


def test_city_admins_cannot_change_hub_data(city_admin_client, factory):
    other = factory.user()
    responses = [
        post_form(
            city_admin_client,
            "/verwaltung/hub/organisationen/neu",
            {
                "slug": "greifswald",
                "official_name": "Greifswald",
                "short_name": "Greifswald",
                "kind": "city",
                "colour": "#1d4e89",
            },
        ),
        post_form(
            city_admin_client,
            "/verwaltung/hub/handlungsfelder",
            {"slug": "hafen", "name_de": "Hafen"},
        ),
        post_form(city_admin_client, f"/verwaltung/hub/konten/{other.id}/deaktivieren"),
    ]
    assert [r.status_code for r in responses] == [403, 403, 403]
    assert get_tenant("greifswald") is None and get_topic("hafen") is None
    assert other.is_active_account


def test_hub_admin_adds_a_tenant(hub_client):
    response = post_form(
        hub_client,
        "/verwaltung/hub/organisationen/neu",
        {
            "slug": "greifswald",
            "official_name": "Universitäts- und Hansestadt Greifswald",
            "short_name": "Greifswald",
            "kind": "city",
            "colour": "#005b96",
            "website": "https://www.greifswald.de",
        },
    )
    assert response.status_code == 302
    tenant = get_tenant("greifswald")
    assert tenant.short_name == "Greifswald" and tenant.colour == "#005b96"
    assert "tenant_created" in audit_actions(tenant_id=tenant.id)
    assert "Greifswald" in text(hub_client.get("/verwaltung/hub/organisationen"))


def test_new_tenant_input_errors_are_shown_and_kept(hub_client, factory):
    factory.tenant("wismar")
    response = post_form(
        hub_client,
        "/verwaltung/hub/organisationen/neu",
        {
            "slug": "wismar",
            "official_name": "Wismar",
            "short_name": "Wismar",
            "kind": "city",
            "colour": "#eeeeee",
        },
    )
    assert response.status_code == 422
    assert "Kontrastverhältnis" in text(response) and 'value="#eeeeee"' in text(response)
    duplicate = post_form(
        hub_client,
        "/verwaltung/hub/organisationen/neu",
        {
            "slug": "wismar",
            "official_name": "Wismar",
            "short_name": "Wismar",
            "kind": "city",
            "colour": "#1d4e89",
        },
    )
    assert duplicate.status_code == 422 and "bereits vergeben" in text(duplicate)
    assert 'id="slug-error"' in text(duplicate)


def test_hub_admin_adds_renames_and_removes_a_topic(hub_client):
    added = post_form(
        hub_client,
        "/verwaltung/hub/handlungsfelder",
        {"slug": "hafenwirtschaft", "name_de": "Hafenwirtschaft", "name_en": "Port economy"},
    )
    assert added.status_code == 302 and get_topic("hafenwirtschaft").name_en == "Port economy"
    renamed = post_form(
        hub_client,
        "/verwaltung/hub/handlungsfelder/hafenwirtschaft",
        {"name_de": "Häfen und Logistik", "name_en": ""},
    )
    assert renamed.status_code == 302
    assert get_topic("hafenwirtschaft").name_de == "Häfen und Logistik"
    removed = post_form(hub_client, "/verwaltung/hub/handlungsfelder/hafenwirtschaft/entfernen")
    assert removed.status_code == 302 and get_topic("hafenwirtschaft") is None
    assert {"topic_added", "topic_renamed", "topic_removed"} <= set(audit_actions())


def test_a_duplicate_topic_is_refused_beside_the_slug(hub_client):
    data = {"slug": "doppelt", "name_de": "Doppelt"}
    post_form(hub_client, "/verwaltung/hub/handlungsfelder", data)
    again = post_form(hub_client, "/verwaltung/hub/handlungsfelder", data)
    assert again.status_code == 422 and 'id="slug-error"' in text(again)


def test_unknown_topic_is_404(hub_client):
    assert hub_client.get("/verwaltung/hub/handlungsfelder/gibt-es-nicht").status_code == 404


def test_hub_admin_deactivates_an_account_and_its_logins_end(app, hub_client, factory, session):
    person = factory.user(email="geht@example.org")
    person_client = app.test_client()
    factory.login(person_client, person)
    listing = hub_client.get("/verwaltung/hub/konten?suche=geht")
    assert "geht@example.org" in text(listing)
    response = post_form(hub_client, f"/verwaltung/hub/konten/{person.id}/deaktivieren")
    session.expire_all()  # the request changed the row in its own session
    assert response.status_code == 302 and not person.is_active_account
    assert person_client.get("/konto").status_code == 302
    assert "account_deactivated" in audit_actions(target="geht@example.org")


def test_hub_admin_cannot_deactivate_their_own_account(hub_client, hub_admin):
    response = post_form(hub_client, f"/verwaltung/hub/konten/{hub_admin.id}/deaktivieren")
    assert response.status_code == 302 and hub_admin.is_active_account


def test_account_list_survives_odd_query_parameters(hub_client):
    for query in ("?seite=abc", "?seite=-1", "?seite=99999999999", "?suche=%25_%5C"):
        assert hub_client.get("/verwaltung/hub/konten" + query).status_code == 200


def test_every_administration_page_renders_without_inline_scripts_or_styles(hub_client, factory):
    city = factory.tenant("demmin", short_name="Demmin")
    factory.user(city, Role.EDITOR)
    factory.entry(city)
    post_form(
        hub_client,
        "/verwaltung/demmin/einladungen",
        {"email": "neu@demmin.example", "role": "reader"},
    )
    paths = [
        "/verwaltung/",
        "/verwaltung/demmin/mitglieder",
        "/verwaltung/demmin/einstellungen",
        "/verwaltung/hub/handlungsfelder/mobilitaet",
        "/verwaltung/protokoll",
        *HUB_PAGES,
    ]
    for path in paths:
        response = hub_client.get(path)
        assert response.status_code == 200, path
        page = text(response)
        # Scripts only from files (the header menu's disclosure.js), never inline.
        inline_scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", page)
        assert not inline_scripts and "style=" not in page and "<style" not in page, path
