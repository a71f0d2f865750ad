"""/api/v1/account: the caller's own web logins and data, as on "Mein Konto"."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from hanse_hub.accounts import services as accounts
from hanse_hub.accounts.models import LoginSession, Role

# Routes with an id, for the isolation sweep's coverage check (tests/api/test_isolation.py).
ID_ROUTES = {"/api/v1/account/sessions/{session_id}": ("delete",)}

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


@pytest.fixture
def web_login(session, editor):
    started = accounts.start_login_session(editor, lifetime=timedelta(hours=1), user_agent=FIREFOX)
    session.commit()
    return session.scalar(
        select(LoginSession).where(LoginSession.token_hash == accounts.token_hash(started.token))
    )


def test_the_caller_lists_their_web_logins_with_the_device(api, editor, web_login):
    response = api(editor).get("/api/v1/account/sessions")
    assert response.status_code == 200
    assert [(s["id"], s["browser"], s["system"]) for s in response.json] == [
        (web_login.id, "Firefox", "Linux")
    ]


def test_the_caller_ends_a_web_login_and_it_is_over(api, editor, web_login, session):
    response = api(editor).delete(f"/api/v1/account/sessions/{web_login.id}")
    assert response.status_code == 204
    session.refresh(web_login)
    assert web_login.ended_at is not None and web_login.ended_reason == "ended_by_user"
    assert api(editor).get("/api/v1/account/sessions").json == []


def test_nobody_else_ends_or_sees_a_persons_web_login(api, factory, rostock, web_login, session):
    stranger = factory.user(rostock, Role.ADMIN)
    assert api(stranger).get("/api/v1/account/sessions").json == []
    response = api(stranger).delete(f"/api/v1/account/sessions/{web_login.id}")
    assert response.status_code == 404 and response.mimetype == "application/problem+json"
    assert api().delete(f"/api/v1/account/sessions/{web_login.id}").status_code == 401
    session.refresh(web_login)
    assert web_login.ended_at is None


def test_a_read_only_token_cannot_end_a_login(api, editor, web_login):
    response = api(editor, read_only=True).delete(f"/api/v1/account/sessions/{web_login.id}")
    assert response.status_code == 403


def test_the_export_is_the_dsgvo_export_of_the_caller(api, editor, factory, rostock):
    factory.entry(rostock, author=editor, title="Mein Beitrag")
    response = api(editor).get("/api/v1/account/export")
    assert response.status_code == 200
    data = response.json
    assert data["account"]["email"] == editor.email
    assert [e["title"] for e in data["authored_entries"]] == ["Mein Beitrag"]
    assert [t["name"] for t in data["personal_access_tokens"]] == ["Test"]
    assert "secret" not in str(data["personal_access_tokens"])


def test_the_account_routes_need_a_token(api):
    assert api().get("/api/v1/account/sessions").status_code == 401
    assert api().get("/api/v1/account/export").status_code == 401
