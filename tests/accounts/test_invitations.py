"""Invitations: an admin invites by e-mail; the link creates an account or adds a membership."""

from __future__ import annotations

from datetime import timedelta

import pytest

from hanse_hub.accounts.invitations import Invitation
from hanse_hub.accounts.models import Role
from hanse_hub.accounts.services import find_user_by_email
from hanse_hub.database import utcnow
from tests.admin.helpers import audit_actions, link_in, mails_to, post_form, text


@pytest.fixture
def city(factory):
    return factory.tenant("wismar", short_name="Wismar")


@pytest.fixture
def admin_client(app, factory, city):
    client = app.test_client()
    factory.login(client, factory.user(city, Role.ADMIN))
    return client


def _invite(admin_client, city, email: str, role: str = "editor"):
    return post_form(
        admin_client, f"/verwaltung/{city.slug}/einladungen", {"email": email, "role": role}
    )


def _invitation_link(app, admin_client, city, email: str, role: str = "editor") -> str:
    response = _invite(admin_client, city, email, role)
    assert response.status_code == 302, text(response)
    return link_in(mails_to(app, email)[-1], "/einladung/")


def _sign_up(client, path: str, name: str = "Jana Kruse", password: str = "hanse-wismar-2026!"):
    return post_form(
        client,
        path,
        {"display_name": name, "new_password": password, "new_password_confirm": password},
        token_from="/passwort-vergessen",
    )


def test_invited_new_person_creates_an_account_and_becomes_a_member(app, admin_client, city):
    path = _invitation_link(app, admin_client, city, "neu@wismar.example")
    message = mails_to(app, "neu@wismar.example")[-1]
    assert "Wismar" in message["Subject"] and "Redaktion" in message.get_content()

    newcomer = app.test_client()
    page = newcomer.get(path)
    assert page.status_code == 200 and "Konto anlegen" in text(page)
    response = _sign_up(newcomer, path)

    assert response.status_code == 302 and response.headers["Location"] == "/t/wismar"
    user = find_user_by_email("neu@wismar.example")
    assert user.display_name == "Jana Kruse" and user.role_in(city.id) == Role.EDITOR
    assert newcomer.get("/konto").status_code == 200  # logged in at once
    assert "invitation_accepted" in audit_actions(tenant_id=city.id)
    assert "invitation_created" in audit_actions(tenant_id=city.id)


def test_logged_in_existing_user_accepts_an_invitation(app, factory, admin_client, city):
    other_city = factory.tenant()
    person = factory.user(other_city, Role.READER, email="bekannt@example.org")
    path = _invitation_link(app, admin_client, city, person.email, "reader")
    person_client = app.test_client()
    factory.login(person_client, person)
    page = person_client.get(path)
    assert page.status_code == 200 and "Einladung annehmen" in text(page)
    response = post_form(person_client, path, token_from=path)
    assert response.status_code == 302
    assert person.role_in(city.id) == Role.READER
    assert person.role_in(other_city.id) == Role.READER


def test_existing_user_who_is_not_logged_in_is_asked_to_log_in(app, factory, admin_client, city):
    person = factory.user(email="hat-konto@example.org")
    path = _invitation_link(app, admin_client, city, person.email)
    page = app.test_client().get(path)
    assert page.status_code == 200
    assert "bereits ein Konto" in text(page) and "/anmelden?next=" in text(page)
    refused = _sign_up(app.test_client(), path)
    assert refused.status_code == 200 and person.role_in(city.id) is None


def test_invitation_for_someone_else_is_refused_for_the_logged_in_person(
    app, factory, admin_client, city
):
    path = _invitation_link(app, admin_client, city, "gemeint@example.org")
    intruder = factory.user(email="jemand-anders@example.org")
    intruder_client = app.test_client()
    factory.login(intruder_client, intruder)
    assert intruder_client.get(path).status_code == 403
    response = post_form(intruder_client, path, token_from="/konto")
    assert response.status_code == 403 and intruder.role_in(city.id) is None


def test_used_invitation_link_is_refused(app, admin_client, city):
    path = _invitation_link(app, admin_client, city, "einmal@example.org")
    assert _sign_up(app.test_client(), path).status_code == 302
    again = app.test_client().get(path)
    assert again.status_code == 410 and "bereits angenommen" in text(again)


def test_expired_invitation_link_is_refused(app, admin_client, city, session):
    path = _invitation_link(app, admin_client, city, "spaet@example.org")
    invitation = session.query(Invitation).filter_by(email_folded="spaet@example.org").one()
    invitation.expires_at = utcnow() - timedelta(seconds=1)
    session.flush()
    response = app.test_client().get(path)
    assert response.status_code == 410 and "abgelaufen" in text(response)
    assert _sign_up(app.test_client(), path).status_code == 410
    assert find_user_by_email("spaet@example.org") is None


def test_unknown_invitation_link_gives_a_german_404(client):
    response = client.get("/einladung/unbekannt")
    assert response.status_code == 404 and "Diese Einladung gibt es nicht" in text(response)


def test_revoked_invitation_link_is_refused(app, admin_client, city, session):
    path = _invitation_link(app, admin_client, city, "zurueck@example.org")
    invitation = session.query(Invitation).filter_by(email_folded="zurueck@example.org").one()
    response = post_form(
        admin_client, f"/verwaltung/{city.slug}/einladungen/{invitation.id}/zurueckziehen"
    )
    assert response.status_code == 302
    refused = app.test_client().get(path)
    assert refused.status_code == 410 and "zurückgezogen" in text(refused)
    assert "invitation_revoked" in audit_actions(tenant_id=city.id)


def test_inviting_again_replaces_the_earlier_link(app, admin_client, city):
    first = _invitation_link(app, admin_client, city, "zweimal@example.org")
    second = _invitation_link(app, admin_client, city, "zweimal@example.org", "admin")
    assert first != second
    assert app.test_client().get(first).status_code == 410
    assert _sign_up(app.test_client(), second).status_code == 302
    assert find_user_by_email("zweimal@example.org").role_in(city.id) == Role.ADMIN


def test_invitation_from_an_admin_who_lost_the_role_is_no_longer_valid(app, factory, city, session):
    former_admin = factory.user(city, Role.ADMIN)
    factory.user(city, Role.ADMIN)  # someone else keeps the city administered
    client = app.test_client()
    factory.login(client, former_admin)
    path = _invitation_link(app, client, city, "verwaist@example.org")
    former_admin.memberships[0].role = Role.READER
    session.flush()
    response = app.test_client().get(path)
    assert response.status_code == 410 and "gilt nicht mehr" in text(response)


def test_inviting_an_existing_member_is_refused_beside_the_field(app, factory, admin_client, city):
    member = factory.user(city, Role.READER)
    response = _invite(admin_client, city, member.email)
    assert response.status_code == 409
    page = text(response)
    assert "bereits Mitglied" in page and f'value="{member.email}"' in page
    assert 'aria-describedby="email-error"' in page


def test_signup_with_a_weak_password_keeps_the_name(app, admin_client, city):
    path = _invitation_link(app, admin_client, city, "schwach@example.org")
    response = _sign_up(app.test_client(), path, name="Ole Hansen", password="kurz")
    assert response.status_code == 422
    assert "mindestens 12 Zeichen" in text(response) and 'value="Ole Hansen"' in text(response)
    assert find_user_by_email("schwach@example.org") is None
