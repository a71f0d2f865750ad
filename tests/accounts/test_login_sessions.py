"""Login sessions live in the database: logout, password change and deactivation end them."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from hanse_hub.accounts import services as accounts
from hanse_hub.accounts.models import AuditEvent, LoginSession, Role
from hanse_hub.database import write_transaction
from hanse_hub.extensions import db
from tests.factories import PASSWORD, Factory, csrf_token


@pytest.fixture
def user(committing_app):
    with write_transaction():
        factory = Factory(db.session)
        tenant = factory.tenant()
        user = factory.user(tenant, Role.EDITOR)
    return user


def _login(client, email: str, password: str = PASSWORD, remember: bool = False):
    data = {"email": email, "password": password, "csrf_token": csrf_token(client)}
    if remember:
        data["remember"] = "y"
    return client.post("/anmelden", data=data)


def _logout(client):
    return client.post("/abmelden", data={"csrf_token": csrf_token(client, "/konto")})


def _cookie(client, name: str) -> str | None:
    cookie = client.get_cookie(name)
    return cookie.value if cookie else None


def test_login_stores_a_session_row_and_the_cookie_carries_no_user_id(committing_app, user):
    client = committing_app.test_client()
    assert _login(client, user.email).status_code == 302
    assert client.get("/konto").status_code == 200
    db.session.rollback()  # end this test's read snapshot to see the request's commit
    logins = db.session.scalars(select(LoginSession).where(LoginSession.user_id == user.id)).all()
    assert len(logins) == 1 and logins[0].ended_at is None
    assert logins[0].token_hash not in (_cookie(client, "session") or "")


def test_email_login_ignores_case(committing_app, user):
    client = committing_app.test_client()
    assert _login(client, user.email.upper()).status_code == 302


def test_replayed_session_cookie_after_logout_is_refused(committing_app, user):
    client = committing_app.test_client()
    _login(client, user.email)
    stolen = _cookie(client, "session")
    assert _logout(client).status_code == 302
    attacker = committing_app.test_client()
    attacker.set_cookie("session", stolen)
    response = attacker.get("/konto")
    assert response.status_code == 302 and "/anmelden" in response.headers["Location"]


def test_replayed_remember_cookie_after_logout_is_refused(committing_app, user):
    client = committing_app.test_client()
    _login(client, user.email, remember=True)
    remember = _cookie(client, "remember_token")
    assert remember
    _logout(client)
    attacker = committing_app.test_client()
    attacker.set_cookie("remember_token", remember)
    assert attacker.get("/konto").status_code == 302


def test_password_change_ends_every_login_session(committing_app, user):
    client = committing_app.test_client()
    _login(client, user.email)
    assert client.get("/konto").status_code == 200
    with write_transaction():
        accounts.change_password(db.session.merge(user), PASSWORD, "ein-ganz-neues-Passwort-2026")
    assert client.get("/konto").status_code == 302


def test_deactivation_ends_sessions_and_blocks_login(committing_app, user):
    client = committing_app.test_client()
    _login(client, user.email)
    with write_transaction():
        accounts.deactivate_user(None, db.session.merge(user))
    assert client.get("/konto").status_code == 302
    response = _login(committing_app.test_client(), user.email)
    assert response.status_code == 401
    assert "E-Mail-Adresse oder Passwort sind nicht richtig." in response.get_data(as_text=True)


def test_unknown_user_and_wrong_password_get_the_same_message(committing_app, user):
    wrong = _login(committing_app.test_client(), user.email, "falsches-passwort-123")
    unknown = _login(committing_app.test_client(), "niemand@example.org", "falsches-passwort-123")
    assert wrong.status_code == unknown.status_code == 401
    message = "E-Mail-Adresse oder Passwort sind nicht richtig."
    assert message in wrong.get_data(as_text=True) and message in unknown.get_data(as_text=True)


def test_failed_login_is_audited_even_though_the_request_fails(committing_app, user):
    before = db.session.query(AuditEvent).filter_by(action="login_failed").count()
    _login(committing_app.test_client(), user.email, "falsches-passwort-123")
    db.session.rollback()
    after = db.session.query(AuditEvent).filter_by(action="login_failed").count()
    assert after == before + 1


def test_login_is_throttled_after_repeated_failures(committing_app, user):
    client = committing_app.test_client()
    for _ in range(accounts.THROTTLE_PAIR.free):
        assert _login(client, user.email, "falsches-passwort-123").status_code == 401
    throttled = _login(client, user.email)  # even the right password waits now, from here
    assert throttled.status_code == 429
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in throttled.get_data(as_text=True)


def test_login_without_csrf_token_is_rejected(committing_app, user):
    client = committing_app.test_client()
    response = client.post("/anmelden", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 400
    assert client.get("/konto").status_code == 302


def test_login_rejects_an_external_next_url(committing_app, user):
    client = committing_app.test_client()
    data = {"email": user.email, "password": PASSWORD, "csrf_token": csrf_token(client)}
    response = client.post("/anmelden?next=https://evil.example/", data=data)
    assert response.headers["Location"] == "/"
