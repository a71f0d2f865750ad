"""The password change form on the profile page: errors beside the fields, CSRF, POST only."""

from __future__ import annotations

from tests.admin.helpers import post_form, text
from tests.factories import PASSWORD

NEW_PASSWORD = "ein-ganz-neues-Passwort-2026"


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


def test_wrong_current_password_is_shown_beside_the_field_and_changes_nothing(client, factory):
    user = factory.user()
    factory.login(client, user)
    response = _change(client, current="falsches-passwort-123")
    assert response.status_code == 422
    page = text(response)
    assert 'id="current_password-error"' in page and "Das bisherige Passwort stimmt nicht." in page
    assert 'aria-describedby="current_password-error"' in page
    assert client.get("/konto").status_code == 200
    assert factory.login(client.application.test_client(), user).status_code == 302


def test_mismatched_or_weak_new_password_is_refused(client, factory):
    user = factory.user()
    factory.login(client, user)
    mismatch = _change(client, confirm="etwas-ganz-anderes-2026")
    assert mismatch.status_code == 422
    assert "Die beiden Passwörter stimmen nicht überein." in text(mismatch)
    weak = _change(client, new="kurz")
    assert weak.status_code == 422 and "mindestens 12 Zeichen" in text(weak)
    assert factory.login(client.application.test_client(), user).status_code == 302


def test_password_change_without_csrf_token_is_rejected(client, factory):
    user = factory.user()
    factory.login(client, user)
    response = client.post(
        "/konto/passwort",
        data={
            "current_password": PASSWORD,
            "new_password": NEW_PASSWORD,
            "new_password_confirm": NEW_PASSWORD,
        },
    )
    assert response.status_code == 400
    assert factory.login(client.application.test_client(), user).status_code == 302


def test_password_change_is_not_possible_by_get(client, factory):
    factory.login(client, factory.user())
    assert client.get("/konto/passwort").status_code == 405
