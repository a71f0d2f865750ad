"""Changing the password on the profile page ends every other login but keeps this one.

These tests need real commits (several clients, replayed cookies): ``committing_app``.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from hanse_hub.accounts.models import AuditEvent, Role
from hanse_hub.database import write_transaction
from hanse_hub.extensions import db
from tests.admin.helpers import post_form, text
from tests.factories import PASSWORD, Factory

NEW_PASSWORD = "ein-ganz-neues-Passwort-2026"


@pytest.fixture
def user(committing_app):
    with write_transaction():
        factory = Factory(db.session)
        user = factory.user(factory.tenant(), Role.EDITOR)
    return user


def _change(client, current=PASSWORD, new=NEW_PASSWORD, confirm=None):
    return post_form(
        client,
        "/konto/passwort",
        {
            "current_password": current,
            "new_password": new,
            "new_password_confirm": new if confirm is None else confirm,
        },
    )


def test_password_change_ends_other_sessions_but_keeps_this_one(committing_app, user):
    factory = Factory(db.session)
    this_device, other_device = committing_app.test_client(), committing_app.test_client()
    factory.login(this_device, user)
    factory.login(other_device, user)
    old_cookie = this_device.get_cookie("session").value

    response = _change(this_device)

    assert response.status_code == 302 and response.headers["Location"] == "/konto"
    page = this_device.get("/konto")
    assert page.status_code == 200
    assert "auf diesem Gerät bleiben Sie angemeldet" in text(page)
    assert other_device.get("/konto").status_code == 302
    replayed = committing_app.test_client()
    replayed.set_cookie("session", old_cookie)
    assert replayed.get("/konto").status_code == 302
    assert factory.login(committing_app.test_client(), user).status_code == 401
    fresh = committing_app.test_client()
    assert factory.login(fresh, user, password=NEW_PASSWORD).status_code == 302


def test_password_change_keeps_remember_me_on_this_device(committing_app, user):
    factory = Factory(db.session)
    client = committing_app.test_client()
    factory.login(client, user, remember=True)
    old_remember = client.get_cookie("remember_token").value
    assert _change(client).status_code == 302
    new_remember = client.get_cookie("remember_token").value
    assert new_remember != old_remember
    only_remembered = committing_app.test_client()
    only_remembered.set_cookie("remember_token", new_remember)
    assert only_remembered.get("/konto").status_code == 200
    stale = committing_app.test_client()
    stale.set_cookie("remember_token", old_remember)
    assert stale.get("/konto").status_code == 302


def test_password_change_is_audited_in_its_transaction(committing_app, user):
    client = committing_app.test_client()
    Factory(db.session).login(client, user)
    _change(client)
    db.session.rollback()
    actions = db.session.scalars(
        select(AuditEvent.action).where(AuditEvent.actor_id == user.id)
    ).all()
    assert "password_changed" in actions
