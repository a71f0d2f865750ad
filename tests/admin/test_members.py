"""City admins manage their own tenant's members and invitations – and no other tenant's."""

from __future__ import annotations

import pytest

from hanse_hub.accounts.models import AuditEvent, Role
from tests.admin.helpers import audit_actions, post_form, text


@pytest.fixture
def rostock_admin(factory, rostock):
    return factory.user(rostock, Role.ADMIN, email="admin@rostock.example")


@pytest.fixture
def admin_client(app, factory, rostock_admin):
    client = app.test_client()
    factory.login(client, rostock_admin)
    return client


def test_city_admin_sees_own_members_and_pending_invitations(admin_client, factory, rostock):
    factory.user(rostock, Role.EDITOR, email="redaktion@rostock.example")
    post_form(
        admin_client,
        "/verwaltung/rostock/einladungen",
        {"email": "offen@rostock.example", "role": "reader"},
    )
    page = admin_client.get("/verwaltung/rostock/mitglieder")
    assert page.status_code == 200
    assert "redaktion@rostock.example" in text(page) and "offen@rostock.example" in text(page)


def test_city_admin_cannot_manage_another_citys_members(admin_client, factory, luebeck):
    member = factory.user(luebeck, Role.EDITOR)
    assert admin_client.get("/verwaltung/luebeck/mitglieder").status_code == 403
    changed = post_form(
        admin_client, f"/verwaltung/luebeck/mitglieder/{member.id}/rolle", {"role": "admin"}
    )
    removed = post_form(admin_client, f"/verwaltung/luebeck/mitglieder/{member.id}/entfernen")
    invited = post_form(
        admin_client, "/verwaltung/luebeck/einladungen", {"email": "x@example.org", "role": "admin"}
    )
    assert changed.status_code == removed.status_code == invited.status_code == 403
    assert member.role_in(luebeck.id) == Role.EDITOR
    assert admin_client.get("/verwaltung/luebeck/einstellungen").status_code == 403


def test_unknown_tenant_or_member_is_404(admin_client, rostock, factory):
    assert admin_client.get("/verwaltung/atlantis/mitglieder").status_code == 404
    stranger = factory.user()
    response = post_form(
        admin_client, f"/verwaltung/rostock/mitglieder/{stranger.id}/rolle", {"role": "admin"}
    )
    assert response.status_code == 404


def test_editors_and_readers_have_no_administration(app, factory, rostock):
    for role in (Role.EDITOR, Role.READER):
        client = app.test_client()
        factory.login(client, factory.user(rostock, role))
        assert client.get("/verwaltung/").status_code == 403
        assert client.get("/verwaltung/rostock/mitglieder").status_code == 403
        assert 'href="/verwaltung/"' not in text(client.get("/"))


def test_anonymous_visitors_are_sent_to_the_login(client, rostock):
    response = client.get("/verwaltung/rostock/mitglieder")
    assert response.status_code == 302 and "/anmelden" in response.headers["Location"]


def test_admins_see_the_administration_in_the_navigation(admin_client):
    assert 'href="/verwaltung/"' in text(admin_client.get("/"))


def test_changing_a_role_is_audited_in_the_same_transaction(
    admin_client, factory, rostock, rostock_admin, session
):
    member = factory.user(rostock, Role.READER, email="leser@rostock.example")
    response = post_form(
        admin_client, f"/verwaltung/rostock/mitglieder/{member.id}/rolle", {"role": "editor"}
    )
    assert response.status_code == 302
    assert member.role_in(rostock.id) == Role.EDITOR
    event = session.query(AuditEvent).filter_by(action="role_changed").one()
    assert (event.actor_id, event.tenant_id, event.target) == (
        rostock_admin.id,
        rostock.id,
        "leser@rostock.example",
    )
    assert event.detail["previous_role"] == "reader" and event.detail["role"] == "editor"


def test_removing_a_member_is_audited(admin_client, factory, rostock):
    member = factory.user(rostock, Role.EDITOR)
    response = post_form(admin_client, f"/verwaltung/rostock/mitglieder/{member.id}/entfernen")
    assert response.status_code == 302
    assert member.role_in(rostock.id) is None
    assert "role_revoked" in audit_actions(tenant_id=rostock.id)


def test_the_last_admin_cannot_demote_or_remove_themselves(admin_client, rostock, rostock_admin):
    demoted = post_form(
        admin_client, f"/verwaltung/rostock/mitglieder/{rostock_admin.id}/rolle", {"role": "reader"}
    )
    assert demoted.status_code == 409 and "mindestens eine Administration" in text(demoted)
    assert f'aria-describedby="role-{rostock_admin.id}-error"' in text(demoted)
    removed = post_form(
        admin_client, f"/verwaltung/rostock/mitglieder/{rostock_admin.id}/entfernen"
    )
    assert removed.status_code == 409
    assert rostock_admin.role_in(rostock.id) == Role.ADMIN


def test_hub_admin_manages_every_citys_members(app, factory, rostock, rostock_admin):
    hub = app.test_client()
    factory.login(hub, factory.user(hub_admin=True))
    assert hub.get("/verwaltung/rostock/mitglieder").status_code == 200
    response = post_form(
        hub, f"/verwaltung/rostock/mitglieder/{rostock_admin.id}/rolle", {"role": "editor"}
    )
    assert response.status_code == 302 and rostock_admin.role_in(rostock.id) == Role.EDITOR


def test_an_unknown_role_is_refused_without_an_error_page(admin_client, factory, rostock):
    member = factory.user(rostock, Role.READER)
    response = post_form(
        admin_client, f"/verwaltung/rostock/mitglieder/{member.id}/rolle", {"role": "kaiser"}
    )
    assert response.status_code == 422 and member.role_in(rostock.id) == Role.READER


def test_invalid_invitation_input_is_shown_beside_the_field_and_kept(admin_client):
    response = post_form(
        admin_client, "/verwaltung/rostock/einladungen", {"email": "kein-at", "role": "editor"}
    )
    assert response.status_code == 422
    page = text(response)
    assert 'id="email-error"' in page and 'value="kein-at"' in page


def test_state_changes_without_csrf_token_are_rejected(admin_client, factory, rostock):
    member = factory.user(rostock, Role.READER)
    base = f"/verwaltung/rostock/mitglieder/{member.id}"
    assert admin_client.post(f"{base}/rolle", data={"role": "admin"}).status_code == 400
    assert admin_client.post(f"{base}/entfernen").status_code == 400
    invite = admin_client.post(
        "/verwaltung/rostock/einladungen", data={"email": "a@example.org", "role": "reader"}
    )
    assert invite.status_code == 400
    assert member.role_in(rostock.id) == Role.READER


def test_nothing_changes_on_get(admin_client, factory, rostock):
    member = factory.user(rostock, Role.READER)
    assert (
        admin_client.get(f"/verwaltung/rostock/mitglieder/{member.id}/entfernen").status_code == 405
    )
    assert member.role_in(rostock.id) == Role.READER
