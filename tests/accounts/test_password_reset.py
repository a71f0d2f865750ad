"""Password reset by an e-mailed link: one answer for every address, one hour, one use."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from hanse_hub.accounts.passwords import verify_password
from hanse_hub.accounts.resets import RESETS_PER_HOUR, PasswordReset
from hanse_hub.database import utcnow
from tests.admin.helpers import audit_actions, link_in, mails_to, post_form, text
from tests.factories import PASSWORD

NEW_PASSWORD = "ein-ganz-neues-Passwort-2026"


def _request_reset(client, email: str):
    return post_form(
        client, "/passwort-vergessen", {"email": email}, token_from="/passwort-vergessen"
    )


def _set_password(client, path: str, password: str = NEW_PASSWORD, confirm: str | None = None):
    return post_form(
        client,
        path,
        {"new_password": password, "new_password_confirm": confirm or password},
        token_from="/passwort-vergessen",
    )


def _reset_link(app, client, user) -> str:
    before = len(mails_to(app, user.email))
    _request_reset(client, user.email)
    mails = mails_to(app, user.email)
    assert len(mails) == before + 1, "no reset e-mail was sent"
    return link_in(mails[-1], "/passwort-zuruecksetzen/")


def test_login_page_offers_a_password_reset(client):
    page = text(client.get("/anmelden"))
    assert 'href="/passwort-vergessen"' in page and "Passwort vergessen?" in page


def test_reset_flow_end_to_end_through_the_mail_outbox(app, client, factory, session):
    user = factory.user()
    response = _request_reset(client, user.email)
    assert response.status_code == 302
    assert response.headers["Location"] == "/passwort-vergessen/gesendet"
    message = mails_to(app, user.email)[-1]
    assert message["Subject"] == "Ihr Passwort für die Smarte Hanse"
    path = link_in(message, "/passwort-zuruecksetzen/")

    form_page = client.get(path)
    assert form_page.status_code == 200 and user.email in text(form_page)
    assert form_page.headers["Referrer-Policy"] == "no-referrer"
    done = _set_password(client, path)
    assert done.status_code == 302 and done.headers["Location"] == "/anmelden"

    # A failed login is audited in its own transaction, which these rolled-back tests cannot
    # take part in: the old password is checked on the stored hash instead.
    session.refresh(user)
    assert not verify_password(user.password_hash, PASSWORD)
    assert factory.login(app.test_client(), user, password=NEW_PASSWORD).status_code == 302
    actions = audit_actions(target=user.email_folded)
    assert {"password_reset_requested", "password_reset"} <= set(actions)


def test_reset_ends_every_login_session(app, client, factory):
    user = factory.user()
    logged_in = app.test_client()
    factory.login(logged_in, user)
    assert logged_in.get("/konto").status_code == 200
    path = _reset_link(app, client, user)
    assert _set_password(client, path).status_code == 302
    assert logged_in.get("/konto").status_code == 302


def test_unknown_address_gets_the_same_answer_and_no_mail(app, client, factory):
    user = factory.user()
    known = _request_reset(client, user.email)
    sent_before = len(app.extensions.get("hanse_outbox_mail", []))
    unknown = _request_reset(client, "niemand-hier@example.org")
    assert (unknown.status_code, unknown.headers["Location"]) == (
        known.status_code,
        known.headers["Location"],
    )
    assert len(app.extensions.get("hanse_outbox_mail", [])) == sent_before
    assert mails_to(app, "niemand-hier@example.org") == []


def test_deactivated_account_gets_no_reset_mail(app, client, factory, session):
    user = factory.user()
    user.is_active_account = False
    session.flush()
    assert _request_reset(client, user.email).status_code == 302
    assert mails_to(app, user.email) == []


def test_a_reset_link_works_only_once(app, client, factory):
    user = factory.user()
    path = _reset_link(app, client, user)
    assert _set_password(client, path).status_code == 302
    again = client.get(path)
    assert again.status_code == 410 and "bereits benutzt" in text(again)
    reused = _set_password(client, path, "noch-ein-anderes-Passwort")
    assert reused.status_code == 410
    assert factory.login(app.test_client(), user, password=NEW_PASSWORD).status_code == 302


def test_an_expired_reset_link_is_refused(app, client, factory, session):
    user = factory.user()
    path = _reset_link(app, client, user)
    for reset in session.scalars(select(PasswordReset).where(PasswordReset.user_id == user.id)):
        reset.expires_at = utcnow() - timedelta(minutes=1)
    session.flush()
    response = client.get(path)
    assert response.status_code == 410 and "abgelaufen" in text(response)
    assert _set_password(client, path).status_code == 410


def test_an_unknown_reset_link_is_refused_with_a_german_message(client):
    response = client.get("/passwort-zuruecksetzen/gibt-es-nicht")
    assert response.status_code == 404 and "ist ungültig" in text(response)


def test_a_weak_password_keeps_the_link_usable(app, client, factory):
    user = factory.user()
    path = _reset_link(app, client, user)
    weak = _set_password(client, path, "kurz")
    assert weak.status_code == 422 and "mindestens 12 Zeichen" in text(weak)
    assert 'aria-describedby="new_password-hint new_password-error"' in text(weak)
    assert _set_password(client, path).status_code == 302


def test_reset_mails_are_limited_per_account_and_hour(app, client, factory):
    user = factory.user()
    for _ in range(RESETS_PER_HOUR + 2):
        assert _request_reset(client, user.email).status_code == 302
    assert len(mails_to(app, user.email)) == RESETS_PER_HOUR


def test_a_newer_password_change_cancels_open_reset_links(app, client, factory):
    user = factory.user()
    path = _reset_link(app, client, user)
    factory.login(client, user)
    post_form(
        client,
        "/konto/passwort",
        {
            "current_password": PASSWORD,
            "new_password": NEW_PASSWORD,
            "new_password_confirm": NEW_PASSWORD,
        },
    )
    assert client.get(path).status_code == 410


def test_invalid_email_is_shown_beside_the_field_and_kept(client):
    response = _request_reset(client, "kein-at-zeichen")
    assert response.status_code == 422
    page = text(response)
    assert 'id="email-error"' in page and 'value="kein-at-zeichen"' in page


def test_reset_request_without_csrf_token_is_rejected(client, factory):
    response = client.post("/passwort-vergessen", data={"email": factory.user().email})
    assert response.status_code == 400
