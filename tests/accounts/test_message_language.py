"""Messages of the account services follow the interface language: German unless English is
chosen (``?lang=en`` sets the language cookie).

The ``*_in_english`` tests need the English catalogue to contain the services' messages
(``make translations`` after merging them); the German ones pass without it.
"""

from __future__ import annotations

from tests.admin.helpers import mails_to, post_form, text


def _english(client) -> None:
    client.get("/?lang=en")  # sets the language cookie, as the switch in the header does


def _weak_password_page(client, factory) -> str:
    factory.login(client, factory.user())
    response = post_form(
        client,
        "/konto/passwort",
        {
            "current_password": "correct-horse-battery-staple",
            "new_password": "kurz",
            "new_password_confirm": "kurz",
        },
    )
    assert response.status_code == 422
    return text(response)


def test_a_weak_password_is_refused_in_german_by_default(client, factory):
    page = _weak_password_page(client, factory)
    assert "Das Passwort muss mindestens 12 Zeichen lang sein." in page


def test_a_weak_password_is_refused_in_english(client, factory):
    _english(client)
    page = _weak_password_page(client, factory)
    assert "The password must be at least 12 characters long." in page
    assert "Das Passwort muss" not in page


def test_an_unknown_invitation_link_is_explained_in_german_by_default(client):
    response = client.get("/einladung/unbekannt")
    assert response.status_code == 404
    assert "Diese Einladung gibt es nicht." in text(response)


def test_an_unknown_invitation_link_is_explained_in_english(client):
    _english(client)
    response = client.get("/einladung/unbekannt")
    assert response.status_code == 404
    page = text(response)
    assert "This invitation does not exist. Please check that you copied the whole link." in page
    assert "Diese Einladung" not in page


def _login_prompt(client) -> str:
    response = client.get("/konto")
    assert response.status_code == 302 and "/anmelden" in response.headers["Location"]
    return text(client.get(response.headers["Location"]))


def test_the_login_prompt_is_german_by_default(client):
    assert "Bitte melden Sie sich an, um diese Seite zu sehen." in _login_prompt(client)


def test_the_login_prompt_is_english_in_english(client):
    _english(client)
    page = _login_prompt(client)
    assert "Please log in to see this page." in page
    assert "Bitte melden Sie sich an" not in page


def _reset_mail_subject(app, client, factory) -> str:
    user = factory.user()
    response = post_form(
        client, "/passwort-vergessen", {"email": user.email}, token_from="/passwort-vergessen"
    )
    assert response.status_code == 302
    return mails_to(app, user.email)[-1]["Subject"]


def test_the_reset_mail_subject_is_german_by_default(app, client, factory):
    assert _reset_mail_subject(app, client, factory) == "Ihr Passwort für die Smarte Hanse"


def test_the_reset_mail_subject_follows_the_language_it_was_asked_in(app, client, factory):
    _english(client)
    assert _reset_mail_subject(app, client, factory) == "Your Smarte Hanse password"
