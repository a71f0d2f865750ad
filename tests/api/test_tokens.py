"""Personal access tokens: created once, stored as a hash, revocable in the web and on the CLI."""

from __future__ import annotations

import re

from sqlalchemy import select

from hanse_hub.accounts.models import PersonalAccessToken, Role
from tests.factories import csrf_token


def _token_from_page(html: str) -> str:
    return re.search(r'<code class="secret">(hh_[^<]+)</code>', html).group(1)


def test_a_user_creates_lists_and_revokes_a_token_on_the_profile_page(client, factory, session):
    user = factory.user(factory.tenant("rostock"), Role.EDITOR)
    session.commit()
    factory.login(client, user)
    page = client.post(
        "/konto", data={"name": "Intranet-Import", "csrf_token": csrf_token(client, "/konto")}
    ).get_data(as_text=True)
    secret = _token_from_page(page)
    assert (
        client.get("/api/v1/entries", headers={"Authorization": f"Bearer {secret}"}).status_code
        == 200
    )
    listing = client.get("/konto").get_data(as_text=True)
    assert "Intranet-Import" in listing and secret not in listing
    stored = session.scalar(
        select(PersonalAccessToken).where(PersonalAccessToken.user_id == user.id)
    )
    assert stored.token_hash != secret and secret not in stored.token_hash
    revoke = client.post(
        f"/konto/tokens/{stored.id}/widerrufen", data={"csrf_token": csrf_token(client, "/konto")}
    )
    assert revoke.status_code == 302
    assert (
        client.get("/api/v1/entries", headers={"Authorization": f"Bearer {secret}"}).status_code
        == 401
    )


def test_token_form_needs_a_name_and_keeps_no_secret_in_the_session(client, factory, session):
    user = factory.user(factory.tenant("rostock"), Role.READER)
    session.commit()
    factory.login(client, user)
    response = client.post("/konto", data={"name": "", "csrf_token": csrf_token(client, "/konto")})
    assert response.status_code == 422
    assert "Bitte geben Sie an, wofür das Token ist." in response.get_data(as_text=True)


def test_nobody_revokes_another_persons_token(client, factory, session):
    from hanse_hub.accounts.tokens import create_token

    owner = factory.user(factory.tenant("rostock"), Role.EDITOR)
    token = create_token(owner, "fremd").token
    other = factory.user(factory.tenant("wismar"), Role.EDITOR)
    session.commit()
    factory.login(client, other)
    response = client.post(
        f"/konto/tokens/{token.id}/widerrufen", data={"csrf_token": csrf_token(client, "/konto")}
    )
    assert response.status_code == 404


def test_cli_creates_a_read_only_token(app, factory, session):
    factory.user(factory.tenant("rostock"), Role.EDITOR, email="skript@example.org")
    result = app.test_cli_runner().invoke(
        args=["hub", "token", "create", "skript@example.org", "--name", "Export", "--read-only"]
    )
    assert result.exit_code == 0, result.output
    secret = re.search(r"Token \(shown only now\): (\S+)", result.output).group(1)
    token = session.scalar(select(PersonalAccessToken).where(PersonalAccessToken.name == "Export"))
    assert token.read_only and token.prefix == secret[: len(token.prefix)]
