"""/api/v1 administration: tenants, topics, members, invitations, accounts and the audit log –
the same use cases and rules as /verwaltung, with problem+json answers."""

from __future__ import annotations

import re

import pytest

from hanse_hub.accounts import invitation_mail
from hanse_hub.accounts.invitations import Invitation, invite
from hanse_hub.accounts.models import Role, User
from hanse_hub.content.topics import add_topic, get_topic
from hanse_hub.extensions import db
from hanse_hub.mail import MailError
from hanse_hub.policy import Actor
from hanse_hub.tenants.services import get_tenant
from tests.admin.helpers import audit_actions, mails_to

# Every route this module's endpoints added whose path takes an id or a slug, with its methods
# (as in /api/openapi.json); test_isolation.py's coverage test is to include them.
ID_ROUTES = {
    "/api/v1/tenants/{slug}": ("get", "patch"),
    "/api/v1/topics/{slug}": ("get", "patch", "delete"),
    "/api/v1/tenants/{slug}/members": ("get",),
    "/api/v1/tenants/{slug}/members/{user_id}": ("patch", "delete"),
    "/api/v1/tenants/{slug}/invitations": ("get", "post"),
    "/api/v1/tenants/{slug}/invitations/{invitation_id}": ("delete",),
    "/api/v1/accounts/{user_id}/deactivation": ("post",),
    "/api/v1/accounts/{user_id}/second-factor-reset": ("post",),
    "/api/v1/tenants/{slug}/single-sign-on": ("get", "put", "delete"),
}
# Tenants and topics are public: anyone reads them.
PUBLIC_READS = {("/api/v1/tenants/{slug}", "get"), ("/api/v1/topics/{slug}", "get")}
# A body each write would accept, so that only the caller decides the answer.
VALID_BODIES = {
    "/api/v1/tenants/{slug}": {"short_name": "Gekapert"},
    "/api/v1/topics/{slug}": {"name_de": "Gekapert"},
    "/api/v1/tenants/{slug}/members/{user_id}": {"role": "admin"},
    "/api/v1/tenants/{slug}/invitations": {"email": "eindringling@example.org", "role": "admin"},
    "/api/v1/tenants/{slug}/single-sign-on": {
        "issuer": "https://sso.eindringling.example",
        "client_id": "gekapert",
        "allowed_domains": ["eindringling.example"],
    },
}


@pytest.fixture
def rostock_admin(factory, rostock):
    return factory.user(rostock, Role.ADMIN, email="admin@rostock.example")


@pytest.fixture
def rostock_editor(factory, rostock):
    return factory.user(rostock, Role.EDITOR, email="redaktion@rostock.example")


@pytest.fixture
def wismar_admin(factory, wismar):
    return factory.user(wismar, Role.ADMIN, email="admin@wismar.example")


@pytest.fixture
def topic(session):
    return add_topic(None, "seefahrt", "Seefahrt", "Seafaring")


@pytest.fixture
def pending(session, rostock, rostock_admin):
    """A pending invitation of Rostock's."""
    return invite(Actor.of(rostock_admin), rostock, "neu@rostock.example", Role.READER).invitation


def problem_of(response, status: int) -> dict:
    assert response.status_code == status, (response.status_code, response.get_data(as_text=True))
    assert response.mimetype == "application/problem+json"
    return response.json


def fresh(obj):
    """``obj`` as the requests left it in the database."""
    db.session.expire_all()
    return obj


# -- the sweep -----------------------------------------------------------------------------------


def test_other_cities_admins_and_anonymous_callers_cannot_reach_rostocks_administration(
    api, factory, session, rostock, rostock_admin, rostock_editor, wismar_admin, topic, pending
):
    values = {"slug": "rostock", "user_id": rostock_editor.id, "invitation_id": pending.id}
    callers = {"anonymous": api(), "Wismar's admin": api(wismar_admin)}
    failures, calls = [], 0
    for who, caller in callers.items():
        for route, methods in ID_ROUTES.items():
            for method in methods:
                if (route, method) in PUBLIC_READS:
                    continue
                slug = topic.slug if route.startswith("/api/v1/topics/") else values["slug"]
                url = route.format(**{**values, "slug": slug})
                writes = method in ("patch", "post", "put") and route in VALID_BODIES
                kwargs = {"json": VALID_BODIES[route]} if writes else {}
                response = getattr(caller, method)(url, **kwargs)
                calls += 1
                allowed = (401,) if who == "anonymous" else (403, 404)
                if response.status_code not in allowed:
                    failures.append(f"{who} {method.upper()} {url}: {response.status_code}")
    print(f"administration sweep: {calls} calls, {len(failures)} failures")
    assert failures == []
    db.session.expire_all()
    assert rostock_editor.role_in(rostock.id) == Role.EDITOR and rostock_editor.is_active_account
    assert pending.is_pending and get_topic("seefahrt").name_de == "Seefahrt"
    assert get_tenant("rostock").short_name == "Rostock"
    assert not mails_to(api().client.application, "eindringling@example.org")


def test_tenants_and_topics_are_read_by_anyone(api, rostock, topic):
    tenant = api().get("/api/v1/tenants/rostock")
    assert tenant.status_code == 200 and tenant.json["short_name"] == "Rostock"
    assert api().get("/api/v1/topics/seefahrt").json["name_en"] == "Seafaring"
    problem_of(api().get("/api/v1/tenants/atlantis"), 404)
    problem_of(api().get("/api/v1/topics/atlantis"), 404)
    problem_of(api().get("/api/v1/topics/NICHT%00GUELTIG"), 404)


def test_the_sweep_names_every_administration_route_with_an_id_or_slug(client):
    spec = client.get("/api/openapi.json").json
    ours = ("/api/v1/tenants/", "/api/v1/topics/", "/api/v1/accounts/")
    documented = {
        path: set(ops) & {"get", "post", "put", "patch", "delete"}
        for path, ops in spec["paths"].items()
        if "{" in path and path.startswith(ours)
    }
    assert documented == {route: set(methods) for route, methods in ID_ROUTES.items()}


# -- tenants -------------------------------------------------------------------------------------


def test_hub_admin_adds_a_tenant_and_it_is_audited(api, hub_admin):
    response = api(hub_admin).post(
        "/api/v1/tenants",
        json={
            "slug": "greifswald",
            "official_name": "Universitäts- und Hansestadt Greifswald",
            "short_name": "Greifswald",
            "colour": "#1D4E89",
            "website": "https://www.greifswald.de",
        },
    )
    assert response.status_code == 201, response.json
    assert response.json == {
        "slug": "greifswald",
        "kind": "city",
        "official_name": "Universitäts- und Hansestadt Greifswald",
        "short_name": "Greifswald",
        "colour": "#1d4e89",
        "website": "https://www.greifswald.de",
        "contact_address": None,
    }
    assert response.headers["Location"].endswith("/api/v1/tenants/greifswald")
    assert api().get("/api/v1/tenants/greifswald").json["short_name"] == "Greifswald"
    tenant = get_tenant("greifswald")
    assert audit_actions(tenant_id=tenant.id, actor_id=hub_admin.id) == ["tenant_created"]


def test_only_hub_admins_add_tenants(api, hub_admin, rostock_admin):
    body = {"slug": "greifswald", "official_name": "Greifswald"}
    problem_of(api().post("/api/v1/tenants", json=body), 401)
    problem_of(api(rostock_admin).post("/api/v1/tenants", json=body), 403)
    problem_of(api(hub_admin, read_only=True).post("/api/v1/tenants", json=body), 403)
    assert get_tenant("greifswald") is None


def test_a_taken_tenant_slug_is_a_conflict(api, hub_admin, rostock):
    body = problem_of(
        api(hub_admin).post("/api/v1/tenants", json={"slug": "rostock", "official_name": "X"}),
        409,
    )
    assert "rostock" in body["errors"]["slug"][0]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"slug": "Gross Buchstaben", "official_name": "X"}, "slug"),
        ({"official_name": "X"}, "slug"),
        ({"slug": "greifswald"}, "official_name"),
        ({"slug": "greifswald", "official_name": "   "}, "official_name"),
        ({"slug": "greifswald", "official_name": "X", "colour": "blau"}, "colour"),
        ({"slug": "greifswald", "official_name": "X", "colour": "#ffff00"}, "colour"),
        ({"slug": "greifswald", "official_name": "X", "website": "greifswald.de"}, "website"),
        ({"slug": "greifswald", "official_name": "X", "kind": "kingdom"}, "kind"),
        ({"slug": "greifswald", "official_name": "X", "short_name": "x" * 81}, "short_name"),
        ({"slug": "greifswald", "official_name": "X", "id": 7}, "id"),
    ],
)
def test_invalid_new_tenants_are_refused_per_field(api, hub_admin, body, field):
    problem = problem_of(api(hub_admin).post("/api/v1/tenants", json=body), 422)
    assert field in problem["errors"], problem
    assert get_tenant("greifswald") is None


def test_city_admin_changes_their_settings_and_it_is_audited(api, rostock, rostock_admin):
    response = api(rostock_admin).patch(
        "/api/v1/tenants/rostock",
        json={"short_name": "HRO", "colour": "#004B87", "contact_address": "Neuer Markt 1"},
    )
    assert response.status_code == 200, response.json
    assert response.json["short_name"] == "HRO" and response.json["colour"] == "#004b87"
    assert audit_actions(tenant_id=rostock.id) == ["tenant_updated"]


def test_city_admin_cannot_change_official_name_or_kind(api, rostock, rostock_admin):
    problem = problem_of(
        api(rostock_admin).patch(
            "/api/v1/tenants/rostock", json={"official_name": "Freie Stadt", "short_name": "X"}
        ),
        403,
    )
    assert set(problem["errors"]) == {"official_name"}
    tenant = fresh(get_tenant("rostock"))
    assert tenant.short_name == "Rostock" and tenant.official_name == "Hansestadt Rostock"
    assert audit_actions(tenant_id=rostock.id) == []


def test_hub_admin_changes_official_name_and_kind(api, rostock, hub_admin):
    response = api(hub_admin).patch(
        "/api/v1/tenants/rostock", json={"official_name": "Hanse- und Universitätsstadt Rostock"}
    )
    assert response.status_code == 200
    response = api(hub_admin).patch("/api/v1/tenants/rostock", json={"kind": "partner"})
    assert response.json["kind"] == "partner"
    assert audit_actions(tenant_id=rostock.id) == ["tenant_updated", "tenant_updated"]


def test_editors_readers_and_other_cities_cannot_change_settings(
    api, factory, rostock, rostock_editor, wismar_admin
):
    reader = factory.user(rostock, Role.READER)
    for user in (rostock_editor, reader, wismar_admin):
        problem_of(api(user).patch("/api/v1/tenants/rostock", json={"short_name": "X"}), 403)
    problem_of(api(rostock_editor).patch("/api/v1/tenants/atlantis", json={"short_name": "X"}), 404)
    assert fresh(get_tenant("rostock")).short_name == "Rostock"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"colour": "#eeeeee"}, "colour"),
        ({"website": "ftp://rostock.de"}, "website"),
        ({"short_name": ""}, "short_name"),
        ({"short_name": None}, "short_name"),
        ({"slug": "hro"}, "slug"),
    ],
)
def test_invalid_settings_are_refused_per_field(api, rostock, rostock_admin, body, field):
    problem = problem_of(api(rostock_admin).patch("/api/v1/tenants/rostock", json=body), 422)
    assert field in problem["errors"], problem


def test_settings_must_be_sent_as_json(api, rostock, rostock_admin):
    response = api(rostock_admin).patch("/api/v1/tenants/rostock", data="short_name=X")
    problem_of(response, 415)


# -- topics --------------------------------------------------------------------------------------


def test_hub_admin_adds_renames_and_removes_a_topic(api, hub_admin):
    caller = api(hub_admin)
    created = caller.post("/api/v1/topics", json={"slug": "klima", "name_de": "Klima"})
    assert created.status_code == 201, created.json
    assert created.json == {"slug": "klima", "name_de": "Klima", "name_en": "Klima"}
    assert created.headers["Location"].endswith("/api/v1/topics/klima")
    renamed = caller.patch("/api/v1/topics/klima", json={"name_en": "Climate"})
    assert renamed.status_code == 200 and renamed.json["name_en"] == "Climate"
    assert renamed.json["name_de"] == "Klima"
    assert caller.delete("/api/v1/topics/klima").status_code == 204
    problem_of(api().get("/api/v1/topics/klima"), 404)
    assert audit_actions(actor_id=hub_admin.id) == ["topic_added", "topic_renamed", "topic_removed"]


def test_a_taken_topic_slug_is_a_conflict(api, hub_admin, topic):
    response = api(hub_admin).post("/api/v1/topics", json={"slug": "seefahrt", "name_de": "M"})
    assert "slug" in problem_of(response, 409)["errors"]


def test_invalid_topics_are_refused_per_field(api, hub_admin, topic):
    caller = api(hub_admin)
    cases = [
        (caller.post, "/api/v1/topics", {"slug": "klima"}, "name_de"),
        (caller.post, "/api/v1/topics", {"slug": "Klima!", "name_de": "K"}, "slug"),
        (caller.post, "/api/v1/topics", {"slug": "klima", "name_de": " "}, "name_de"),
        (caller.patch, "/api/v1/topics/seefahrt", {"name_de": "x" * 121}, "name_de"),
        (caller.patch, "/api/v1/topics/seefahrt", {"position": 1}, "position"),
    ]
    for call, url, body, field in cases:
        assert field in problem_of(call(url, json=body), 422)["errors"], (url, body)


def test_only_hub_admins_manage_topics(api, rostock_admin, topic):
    for caller, status in ((api(), 401), (api(rostock_admin), 403)):
        problem_of(caller.post("/api/v1/topics", json={"slug": "k", "name_de": "K"}), status)
        problem_of(caller.patch("/api/v1/topics/seefahrt", json={"name_de": "K"}), status)
        problem_of(caller.delete("/api/v1/topics/seefahrt"), status)
    assert fresh(get_topic("seefahrt")).name_de == "Seefahrt"
    assert get_topic("k") is None


# -- members -------------------------------------------------------------------------------------


def test_city_admin_lists_their_members(api, rostock, rostock_admin, rostock_editor, wismar_admin):
    response = api(rostock_admin).get("/api/v1/tenants/rostock/members")
    assert response.status_code == 200
    by_email = {m["email"]: m for m in response.json}
    assert set(by_email) == {"admin@rostock.example", "redaktion@rostock.example"}
    assert by_email["redaktion@rostock.example"]["role"] == "editor"
    assert by_email["redaktion@rostock.example"]["user_id"] == rostock_editor.id
    assert by_email["redaktion@rostock.example"]["active"] is True


def test_members_are_read_by_their_admins_and_hub_admins_only(
    api, rostock, rostock_admin, rostock_editor, wismar_admin, hub_admin
):
    assert api(hub_admin).get("/api/v1/tenants/rostock/members").status_code == 200
    problem_of(api().get("/api/v1/tenants/rostock/members"), 401)
    problem_of(api(rostock_editor).get("/api/v1/tenants/rostock/members"), 403)
    problem_of(api(wismar_admin).get("/api/v1/tenants/rostock/members"), 403)
    problem_of(api(rostock_admin).get("/api/v1/tenants/atlantis/members"), 404)


def test_city_admin_changes_a_role_and_it_is_audited(api, rostock, rostock_admin, rostock_editor):
    url = f"/api/v1/tenants/rostock/members/{rostock_editor.id}"
    response = api(rostock_admin).patch(url, json={"role": "admin"})
    assert response.status_code == 200 and response.json["role"] == "admin"
    assert fresh(rostock_editor).role_in(rostock.id) == Role.ADMIN
    assert audit_actions(tenant_id=rostock.id) == ["role_changed"]


def test_the_last_admin_cannot_be_demoted_or_removed_by_their_city(api, rostock, rostock_admin):
    url = f"/api/v1/tenants/rostock/members/{rostock_admin.id}"
    problem = problem_of(api(rostock_admin).patch(url, json={"role": "reader"}), 409)
    assert "Administration" in problem["detail"] and "role" in problem["errors"]
    problem_of(api(rostock_admin).delete(url), 409)
    assert fresh(rostock_admin).role_in(rostock.id) == Role.ADMIN
    assert audit_actions(tenant_id=rostock.id) == []


def test_a_hub_admin_may_demote_the_last_admin(api, rostock, rostock_admin, hub_admin):
    url = f"/api/v1/tenants/rostock/members/{rostock_admin.id}"
    assert api(hub_admin).patch(url, json={"role": "editor"}).json["role"] == "editor"


def test_city_admin_removes_a_member_and_it_is_audited(api, rostock, rostock_admin, rostock_editor):
    url = f"/api/v1/tenants/rostock/members/{rostock_editor.id}"
    assert api(rostock_admin).delete(url).status_code == 204
    assert fresh(rostock_editor).role_in(rostock.id) is None
    assert audit_actions(tenant_id=rostock.id) == ["role_revoked"]
    problem_of(api(rostock_admin).delete(url), 404)


def test_members_of_other_tenants_and_unknown_roles_are_refused(
    api, factory, rostock, rostock_admin, wismar_admin
):
    caller = api(rostock_admin)
    problem_of(caller.patch(f"/api/v1/tenants/rostock/members/{wismar_admin.id}", json={}), 422)
    url = f"/api/v1/tenants/rostock/members/{wismar_admin.id}"
    problem_of(caller.patch(url, json={"role": "reader"}), 404)
    problem_of(caller.delete(url), 404)
    problem_of(caller.patch("/api/v1/tenants/rostock/members/2147483648", json={}), 404)
    own = f"/api/v1/tenants/rostock/members/{rostock_admin.id}"
    assert "role" in problem_of(caller.patch(own, json={"role": "owner"}), 422)["errors"]


def test_read_only_tokens_cannot_change_members(api, rostock, rostock_admin, rostock_editor):
    url = f"/api/v1/tenants/rostock/members/{rostock_editor.id}"
    problem_of(api(rostock_admin, read_only=True).patch(url, json={"role": "admin"}), 403)
    problem_of(api(rostock_admin, read_only=True).delete(url), 403)
    assert fresh(rostock_editor).role_in(rostock.id) == Role.EDITOR


# -- invitations ---------------------------------------------------------------------------------


def test_city_admin_invites_by_email_and_the_token_stays_in_the_mail(
    app, api, rostock, rostock_admin
):
    caller = api(rostock_admin)
    response = caller.post(
        "/api/v1/tenants/rostock/invitations", json={"email": "Neu@Rostock.example"}
    )
    assert response.status_code == 201, response.json
    assert response.json["email"] == "Neu@Rostock.example" and response.json["role"] == "reader"
    assert response.json["mail_sent"] is True
    assert response.json["invited_by"] == rostock_admin.id
    (mail,) = mails_to(app, "Neu@Rostock.example")
    assert "Einladung zu Rostock" in mail["Subject"]
    token = re.search(r"/einladung/(\S+)", mail.get_content()).group(1)
    listed = caller.get("/api/v1/tenants/rostock/invitations")
    assert [i["id"] for i in listed.json] == [response.json["id"]]
    for answer in (response, listed):
        assert token not in answer.get_data(as_text=True)
    assert audit_actions(tenant_id=rostock.id) == ["invitation_created"]
    assert app.test_client().get(f"/einladung/{token}").status_code == 200


def test_an_invitation_mail_is_german_whatever_the_admins_language(
    app, api, rostock, rostock_admin
):
    api(rostock_admin).post(
        "/api/v1/tenants/rostock/invitations",
        json={"email": "jana@example.org", "role": "editor"},
        headers={"Accept-Language": "en"},
    )
    (mail,) = mails_to(app, "jana@example.org")
    assert "admin lädt Sie ein" in mail.get_content() and "„Redaktion“" in mail.get_content()


def test_an_invitation_the_mail_server_refused_is_kept_and_says_so(
    app, api, monkeypatch, rostock, rostock_admin
):
    def refuse(*args, **kwargs):
        raise MailError("connection refused")

    monkeypatch.setattr(invitation_mail, "send_mail", refuse)
    response = api(rostock_admin).post(
        "/api/v1/tenants/rostock/invitations", json={"email": "ole@example.org"}
    )
    assert response.status_code == 201 and response.json["mail_sent"] is False
    assert db.session.query(Invitation).filter_by(email="ole@example.org").one().is_pending


def test_inviting_a_member_is_a_conflict(api, rostock, rostock_admin, rostock_editor):
    response = api(rostock_admin).post(
        "/api/v1/tenants/rostock/invitations", json={"email": "REDAKTION@rostock.example"}
    )
    assert "email" in problem_of(response, 409)["errors"]


@pytest.mark.parametrize(
    "body",
    [{}, {"email": "kein-at-zeichen"}, {"email": "a@b.example", "role": "owner"}, {"x": 1}],
)
def test_invalid_invitations_are_refused_per_field(app, api, rostock, rostock_admin, body):
    response = api(rostock_admin).post("/api/v1/tenants/rostock/invitations", json=body)
    assert problem_of(response, 422)["errors"]
    assert db.session.query(Invitation).count() == 0


def test_city_admin_revokes_an_invitation_and_it_is_audited(api, rostock, rostock_admin, pending):
    url = f"/api/v1/tenants/rostock/invitations/{pending.id}"
    assert api(rostock_admin).delete(url).status_code == 204
    assert not fresh(pending).is_pending
    assert api(rostock_admin).get("/api/v1/tenants/rostock/invitations").json == []
    assert audit_actions(tenant_id=rostock.id) == ["invitation_created", "invitation_revoked"]
    problem_of(api(rostock_admin).delete(url), 404)


def test_another_tenants_invitation_is_not_found_through_ones_own(
    api, rostock, wismar, wismar_admin, pending
):
    problem_of(api(wismar_admin).delete(f"/api/v1/tenants/wismar/invitations/{pending.id}"), 404)
    assert fresh(pending).is_pending


# -- accounts ------------------------------------------------------------------------------------


def test_hub_admin_searches_accounts_page_by_page(api, factory, rostock, hub_admin):
    for number in range(3):
        factory.user(rostock, Role.READER, email=f"suchtreffer{number}@example.org")
    caller = api(hub_admin)
    first = caller.get("/api/v1/accounts?q=SUCHTREFFER&per_page=2")
    assert first.status_code == 200
    assert first.json["total"] == 3 and first.headers["X-Total-Count"] == "3"
    assert [a["email"] for a in first.json["items"]] == [
        "suchtreffer0@example.org",
        "suchtreffer1@example.org",
    ]
    assert first.json["items"][0]["memberships"] == [{"tenant": "rostock", "role": "reader"}]
    assert 'rel="next"' in first.headers["Link"] and "q=SUCHTREFFER" in first.headers["Link"]
    second = caller.get("/api/v1/accounts?q=suchtreffer&per_page=2&page=2")
    assert [a["email"] for a in second.json["items"]] == ["suchtreffer2@example.org"]
    assert caller.get("/api/v1/accounts?q=100%25_sicher").json["total"] == 0


def test_only_hub_admins_list_accounts(api, rostock_admin):
    problem_of(api().get("/api/v1/accounts"), 401)
    problem_of(api(rostock_admin).get("/api/v1/accounts"), 403)


def test_hub_admin_deactivates_an_account_and_its_tokens_stop(
    api, rostock, rostock_editor, hub_admin
):
    editors_api = api(rostock_editor)
    assert editors_api.get("/api/v1/tenants/rostock/invitations").status_code == 403
    response = api(hub_admin).post(f"/api/v1/accounts/{rostock_editor.id}/deactivation")
    assert response.status_code == 200, response.json
    assert response.json["active"] is False and response.json["id"] == rostock_editor.id
    assert audit_actions(action="account_deactivated") == ["account_deactivated"]
    problem_of(editors_api.get("/api/v1/entries"), 401)


def test_deactivation_refuses_ones_own_account_unknown_ones_and_non_hub_admins(
    api, rostock_admin, rostock_editor, hub_admin
):
    problem_of(api(hub_admin).post(f"/api/v1/accounts/{hub_admin.id}/deactivation"), 409)
    problem_of(api(hub_admin).post("/api/v1/accounts/2147483647/deactivation"), 404)
    problem_of(api(rostock_admin).post(f"/api/v1/accounts/{rostock_editor.id}/deactivation"), 403)
    problem_of(api().post(f"/api/v1/accounts/{rostock_editor.id}/deactivation"), 401)
    assert fresh(hub_admin).is_active_account and db.session.get(User, rostock_editor.id).is_active


# -- audit log -----------------------------------------------------------------------------------


@pytest.fixture
def events(api, rostock, wismar, rostock_admin, rostock_editor, wismar_admin, hub_admin):
    """A role change in Rostock, an invitation in Wismar and a new topic (hub-wide)."""
    url = f"/api/v1/tenants/rostock/members/{rostock_editor.id}"
    assert api(rostock_admin).patch(url, json={"role": "reader"}).status_code == 200
    invited = api(wismar_admin).post(
        "/api/v1/tenants/wismar/invitations", json={"email": "x@example.org"}
    )
    assert invited.status_code == 201
    created = api(hub_admin).post("/api/v1/topics", json={"slug": "k", "name_de": "K"})
    assert created.status_code == 201


def test_hub_admin_reads_every_event_filtered(api, events, hub_admin, rostock_admin):
    caller = api(hub_admin)
    everything = caller.get("/api/v1/audit")
    assert everything.status_code == 200
    assert [e["action"] for e in everything.json["items"]] == [
        "topic_added",
        "invitation_created",
        "role_changed",
    ]
    assert everything.headers["X-Total-Count"] == "3"
    changed = caller.get("/api/v1/audit?action=role_changed").json["items"]
    assert len(changed) == 1 and changed[0]["tenant"] == "rostock"
    assert changed[0]["actor_id"] == rostock_admin.id and changed[0]["label"] == "Rolle geändert"
    assert changed[0]["detail"]["previous_role"] == "editor"
    english = caller.get("/api/v1/audit?action=role_changed", headers={"Accept-Language": "en"})
    assert english.json["items"][0]["label"] == "Role changed"
    wismar_only = caller.get("/api/v1/audit?tenant=wismar").json["items"]
    assert [e["action"] for e in wismar_only] == ["invitation_created"]
    assert caller.get("/api/v1/audit?tenant=atlantis").json["total"] == 0


def test_city_admin_reads_only_their_tenants_events(api, events, rostock_admin):
    caller = api(rostock_admin)
    assert [e["action"] for e in caller.get("/api/v1/audit").json["items"]] == ["role_changed"]
    assert caller.get("/api/v1/audit?tenant=wismar").json["items"] == []


def test_the_audit_log_is_for_admins_only(api, events, rostock_editor):
    problem_of(api().get("/api/v1/audit"), 401)
    problem_of(api(rostock_editor).get("/api/v1/audit"), 403)


def test_audit_filters_and_pages_are_checked(api, events, hub_admin):
    caller = api(hub_admin)
    assert "action" in problem_of(caller.get("/api/v1/audit?action=alles"), 422)["errors"]
    problem_of(caller.get("/api/v1/audit?per_page=1000"), 422)
    paged = caller.get("/api/v1/audit?per_page=2&page=2")
    assert [e["action"] for e in paged.json["items"]] == ["role_changed"]
    assert 'rel="prev"' in paged.headers["Link"]
