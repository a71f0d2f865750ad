"""The second factor (TOTP with recovery codes): enrolment, login, throttling, the admin
requirement (administration pages and tokens), and the reset by CLI, admin page and API.

On ``committing_app``: failed codes are security events written in their own transaction.
"""

from __future__ import annotations

import re
import time
from datetime import timedelta
from types import SimpleNamespace

import pyotp
import pytest
import time_machine
from sqlalchemy import select

from hanse_hub.accounts import mfa, tokens
from hanse_hub.accounts.models import AuditEvent, LoginSession, RecoveryCode, Role, User
from hanse_hub.cli import hub
from hanse_hub.database import write_transaction
from hanse_hub.extensions import db
from tests.factories import Factory, csrf_token


@pytest.fixture
def make(committing_app):
    return Factory(db.session)


@pytest.fixture
def required(committing_app, monkeypatch):
    monkeypatch.setitem(committing_app.config, "HANSE_MFA_REQUIRED_FOR_ADMINS", True)


def _user(make, role: Role | None = Role.READER, *, hub_admin: bool = False) -> SimpleNamespace:
    """A new account (committed), as plain values: objects of the test's session go stale
    while requests and commands change the rows."""
    with write_transaction():
        tenant = make.tenant() if role else None
        user = make.user(tenant, role, hub_admin=hub_admin)
        person = SimpleNamespace(id=user.id, email=user.email, email_folded=user.email_folded)
    db.session.remove()
    return person


def _token(user, name: str, **options) -> str:
    with write_transaction():
        secret = tokens.create_token(db.session.get(User, user.id), name, **options).secret
    db.session.remove()
    return secret


def _code(secret: str, steps_ahead: int = 1) -> str:
    """A valid code of a later time step than any used so far (within the allowed window)."""
    return pyotp.TOTP(secret).at(time.time() + 30 * steps_ahead)


def _read(query):
    """``query()`` on what the requests committed, in a database session closed afterwards
    (an open read would hold SQLite's lock against the next request's write)."""
    db.session.remove()
    try:
        return query()
    finally:
        db.session.remove()


def _enrolled(user: User) -> bool:
    return _read(lambda: mfa.is_enrolled(db.session.get(User, user.id)))


def _secret(user: User) -> str:
    return _read(lambda: mfa.credential_of(db.session.get(User, user.id)).secret)


def _audit(action: str, user: User) -> list[AuditEvent]:
    query = select(AuditEvent).where(
        AuditEvent.action == action, AuditEvent.target == user.email_folded
    )
    return _read(lambda: list(db.session.scalars(query)))


def _enrol(client, make, user: User) -> tuple[str, list[str]]:
    """Log in with the password and enrol through the pages; returns secret and codes."""
    make.login(client, user)
    client.post("/konto/zweiter-faktor/neu", data={"csrf_token": csrf_token(client, "/konto")})
    page = client.get("/konto/zweiter-faktor/einrichten")
    assert page.status_code == 200
    secret = re.search(r'<code class="secret">([A-Z2-7 ]+)</code>', page.text).group(1)
    secret = secret.replace(" ", "")
    answer = client.post(
        "/konto/zweiter-faktor/einrichten",
        data={"code": _code(secret, 0), "csrf_token": csrf_token(client, "/konto")},
    )
    assert answer.status_code == 200, answer.text[:500]
    codes = re.findall(r'<code class="secret">([A-Z2-7]{4}(?:-[A-Z2-7]{4}){3})</code>', answer.text)
    return secret, codes


def _password_step(client, make, user: User):
    return make.login(client, user)


def _code_step(client, code: str):
    return client.post(
        "/anmelden/zweiter-faktor",
        data={"code": code, "csrf_token": csrf_token(client, "/anmelden/zweiter-faktor")},
    )


def test_enrolment_shows_an_inline_qr_code_and_ten_recovery_codes(committing_app, make):
    user = _user(make)
    client = committing_app.test_client()
    make.login(client, user)
    client.post("/konto/zweiter-faktor/neu", data={"csrf_token": csrf_token(client, "/konto")})
    page = client.get("/konto/zweiter-faktor/einrichten")
    assert '<svg role="img"' in page.text and "<title>" in page.text
    assert "http" not in page.text.split("<svg", 1)[1].split("</svg>", 1)[0].replace(
        "http://www.w3.org/2000/svg", ""
    ), "the QR code is drawn inline, from no outside service"
    assert page.headers["Cache-Control"] == "no-store"
    secret = _secret(user)
    wrong = client.post(
        "/konto/zweiter-faktor/einrichten",
        data={"code": "000000", "csrf_token": csrf_token(client, "/konto")},
    )
    assert wrong.status_code == 422 and "Der Code stimmt nicht" in wrong.text
    assert not _enrolled(user)
    done = client.post(
        "/konto/zweiter-faktor/einrichten",
        data={"code": _code(secret, 0), "csrf_token": csrf_token(client, "/konto")},
    )
    codes = re.findall(r"[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}", done.text)
    assert len(set(codes)) == 10
    query = select(RecoveryCode.code_hash).where(RecoveryCode.user_id == user.id)
    stored = _read(lambda: list(db.session.scalars(query)))
    assert not set(codes) & set(stored), "only hashes of recovery codes are stored"
    assert len(_audit("mfa_enrolled", user)) == 1
    assert len(_audit("mfa_failed", user)) == 1


def test_a_login_of_an_enrolled_person_starts_only_after_the_code(committing_app, make):
    user = _user(make)
    secret, _codes = _enrol(committing_app.test_client(), make, user)
    client = committing_app.test_client()
    answer = _password_step(client, make, user)
    assert answer.status_code == 302 and answer.location.endswith("/anmelden/zweiter-faktor")
    assert client.get("/konto").status_code == 302, "not logged in after the password alone"
    assert _code_step(client, "123456").status_code == 401
    assert client.get("/konto").status_code == 302
    assert _code_step(client, _code(secret)).status_code == 302
    assert client.get("/konto").status_code == 200
    query = select(LoginSession).where(LoginSession.user_id == user.id)
    login = _read(lambda: db.session.scalars(query.order_by(LoginSession.id.desc())).first())
    assert login.mfa_method == "totp" and login.mfa_at is not None
    assert _audit("login", user)[-1].detail == {"mfa": "totp"}


def test_a_code_from_the_app_counts_only_once(committing_app, make):
    user = _user(make)
    secret, _codes = _enrol(committing_app.test_client(), make, user)
    code = _code(secret)
    first = committing_app.test_client()
    _password_step(first, make, user)
    assert _code_step(first, code).status_code == 302
    second = committing_app.test_client()
    _password_step(second, make, user)
    replay = _code_step(second, code)
    assert replay.status_code == 401 and "schon benutzt" in replay.text


def test_each_recovery_code_works_once_and_is_audited(committing_app, make):
    user = _user(make)
    _secret, codes = _enrol(committing_app.test_client(), make, user)
    first = committing_app.test_client()
    _password_step(first, make, user)
    assert _code_step(first, codes[3].lower().replace("-", " ")).status_code == 302
    assert first.get("/konto").status_code == 200
    used = _audit("mfa_recovery_code_used", user)
    assert len(used) == 1 and used[0].detail == {"remaining": 9}
    again = committing_app.test_client()
    _password_step(again, make, user)
    assert _code_step(again, codes[3]).status_code == 401
    assert again.get("/konto").status_code == 302


def test_wrong_codes_are_throttled_even_before_the_right_one(committing_app, make):
    user = _user(make)
    secret, _codes = _enrol(committing_app.test_client(), make, user)
    client = committing_app.test_client()
    _password_step(client, make, user)
    for _ in range(5):
        assert _code_step(client, "000000").status_code == 401
    throttled = _code_step(client, _code(secret))
    assert throttled.status_code == 429 and int(throttled.headers["Retry-After"]) >= 1
    assert client.get("/konto").status_code == 302
    assert len(_audit("mfa_failed", user)) == 5


def test_the_password_step_expires_after_five_minutes(committing_app, make):
    user = _user(make)
    secret, _codes = _enrol(committing_app.test_client(), make, user)
    client = committing_app.test_client()
    _password_step(client, make, user)
    with time_machine.travel(time.time() + 6 * 60):
        answer = client.get("/anmelden/zweiter-faktor")
    assert answer.status_code == 302 and answer.location.endswith("/anmelden")
    assert secret  # the code would have been right; the password step is simply over


def test_an_admin_cannot_reach_administration_without_the_second_factor(
    committing_app, make, required
):
    admin = _user(make, Role.ADMIN)
    client = committing_app.test_client()
    make.login(client, admin)
    answer = client.get("/verwaltung/")
    assert answer.status_code == 302 and "/anmelden/zweiter-faktor" in answer.location
    assert client.get(answer.location).location.startswith("/konto/zweiter-faktor")
    client.post("/konto/zweiter-faktor/neu", data={"csrf_token": csrf_token(client, "/konto")})
    secret = _secret(admin)
    client.post(
        "/konto/zweiter-faktor/einrichten",
        data={"code": _code(secret, 0), "csrf_token": csrf_token(client, "/konto")},
    )
    assert client.get("/verwaltung/").status_code == 200, "enrolling confirms this login"
    # A new login with the password alone is asked for the code before administration.
    other = committing_app.test_client()
    _password_step(other, make, admin)
    assert other.get("/verwaltung/").status_code == 302
    _code_step(other, _code(secret))
    assert other.get("/verwaltung/").status_code == 200


def test_without_the_requirement_admins_and_everyone_may_choose(committing_app, make):
    admin = _user(make, Role.ADMIN)
    client = committing_app.test_client()
    make.login(client, admin)
    assert client.get("/verwaltung/").status_code == 200


def test_an_admins_token_is_created_only_from_a_login_that_passed_the_second_factor(
    committing_app, make, required
):
    admin = _user(make, Role.ADMIN)
    client = committing_app.test_client()
    make.login(client, admin)
    data = {"name": "Skript", "csrf_token": csrf_token(client, "/konto")}
    refused = client.post("/konto", data=data)
    assert refused.status_code == 422 and "zweiten Faktor" in refused.text
    assert _read(lambda: tokens.tokens_of(admin)) == []
    secret, _codes = _enrol(committing_app.test_client(), make, admin)
    passed = committing_app.test_client()
    _password_step(passed, make, admin)
    _code_step(passed, _code(secret))
    made = passed.post(
        "/konto", data={"name": "Skript", "csrf_token": csrf_token(passed, "/konto")}
    )
    assert made.status_code == 200 and "hh_" in made.text
    assert _read(lambda: [t.mfa_session for t in tokens.tokens_of(admin)]) == [True]


def test_a_reader_creates_tokens_without_a_second_factor(committing_app, make, required):
    reader = _user(make, Role.READER)
    client = committing_app.test_client()
    make.login(client, reader)
    made = client.post(
        "/konto", data={"name": "Skript", "csrf_token": csrf_token(client, "/konto")}
    )
    assert made.status_code == 200 and "hh_" in made.text


def test_an_admins_api_token_creates_tokens_only_if_it_came_from_a_second_factor_login(
    committing_app, make, required
):
    admin = _user(make, Role.ADMIN)
    plain = _token(admin, "alt")
    strong = _token(admin, "stark", mfa_session=True)
    client = committing_app.test_client()
    refused = client.post(
        "/api/v1/tokens", json={"name": "neu"}, headers={"Authorization": f"Bearer {plain}"}
    )
    assert refused.status_code == 403
    assert refused.headers["Content-Type"] == "application/problem+json"
    made = client.post(
        "/api/v1/tokens", json={"name": "neu"}, headers={"Authorization": f"Bearer {strong}"}
    )
    assert made.status_code == 201


def test_the_operator_resets_a_second_factor_on_the_command_line(committing_app, make):
    user = _user(make)
    client = committing_app.test_client()
    _enrol(client, make, user)
    result = committing_app.test_cli_runner().invoke(hub, ["user", "mfa", "reset", user.email])
    assert result.exit_code == 0, result.output
    assert "reset" in result.output
    assert not _enrolled(user)
    assert client.get("/konto").status_code == 302, "every login of the account ended"
    assert _audit("mfa_reset", user)[0].actor_id is None
    unknown = committing_app.test_cli_runner().invoke(
        hub, ["user", "mfa", "reset", "niemand@example.org"]
    )
    assert unknown.exit_code != 0


def test_a_hub_admin_resets_a_second_factor_on_the_accounts_page_and_by_api(committing_app, make):
    hub_admin = _user(make, None, hub_admin=True)
    person = _user(make)
    _enrol(committing_app.test_client(), make, person)
    client = committing_app.test_client()
    make.login(client, hub_admin)
    page = client.get("/verwaltung/hub/konten?suche=" + person.email)
    assert "eingerichtet" in page.text
    token = csrf_token(client, "/verwaltung/hub/konten")
    answer = client.post(
        f"/verwaltung/hub/konten/{person.id}/zweiter-faktor-zuruecksetzen",
        data={"csrf_token": token},
    )
    assert answer.status_code == 302
    assert not _enrolled(person)
    assert _audit("mfa_reset", person)[0].actor_id == hub_admin.id
    secret = _token(hub_admin, "api")
    api = committing_app.test_client().post(
        f"/api/v1/accounts/{person.id}/second-factor-reset",
        headers={"Authorization": f"Bearer {secret}"},
    )
    assert api.status_code == 200 and api.json["email"] == person.email
    reader_secret = _token(person, "api")
    refused = committing_app.test_client().post(
        f"/api/v1/accounts/{hub_admin.id}/second-factor-reset",
        headers={"Authorization": f"Bearer {reader_secret}"},
    )
    assert refused.status_code == 403


def test_a_tenant_admin_cannot_reset_a_second_factor(committing_app, make):
    admin = _user(make, Role.ADMIN)
    person = _user(make)
    client = committing_app.test_client()
    make.login(client, admin)
    answer = client.post(
        f"/verwaltung/hub/konten/{person.id}/zweiter-faktor-zuruecksetzen",
        data={"csrf_token": csrf_token(client, "/konto")},
    )
    assert answer.status_code == 403


def test_the_requirement_is_read_from_hanse_mfa_for_admins():
    from hanse_hub.config import ConfigurationError, load_settings

    assert load_settings({"HANSE_ENV": "development"}).mfa_required_for_admins is True
    assert load_settings({"HANSE_ENV": "testing"}).mfa_required_for_admins is False
    assert (
        load_settings(
            {"HANSE_ENV": "testing", "HANSE_MFA_FOR_ADMINS": "required"}
        ).mfa_required_for_admins
        is True
    )
    with pytest.raises(ConfigurationError, match="HANSE_MFA_FOR_ADMINS"):
        load_settings({"HANSE_ENV": "testing", "HANSE_MFA_FOR_ADMINS": "maybe"})


def test_pending_enrolment_does_not_count_as_a_second_factor(committing_app, make):
    user = _user(make)
    with write_transaction():
        mfa.start_enrolment(db.session.get(User, user.id))
    db.session.remove()
    client = committing_app.test_client()
    answer = make.login(client, user)
    assert answer.status_code == 302 and "zweiter-faktor" not in answer.location
    assert timedelta(0) == _read(lambda: mfa.wait_for(db.session.get(User, user.id)))


def test_the_api_tells_the_caller_about_their_second_factor(committing_app, make, required):
    admin = _user(make, Role.ADMIN)
    _secret_and_codes = _enrol(committing_app.test_client(), make, admin)
    token = _token(admin, "status", mfa_session=True)
    answer = committing_app.test_client().get(
        "/api/v1/account/second-factor", headers={"Authorization": f"Bearer {token}"}
    )
    assert answer.json == {
        "enrolled": True,
        "required": True,
        "recovery_codes_left": 10,
        "token_from_second_factor": True,
    }


def test_the_data_export_names_the_second_factor_and_deletion_removes_it(committing_app, make):
    from hanse_hub.accounts import privacy

    user = _user(make)
    client = committing_app.test_client()
    _enrol(client, make, user)
    export = client.get("/konto/meine-daten.json").json
    assert export["second_factor"]["enrolled_at"] is not None
    assert export["second_factor"]["recovery_codes"] == 10
    assert "secret" not in str(export["second_factor"])
    with write_transaction():
        privacy.pseudonymise_user(db.session.get(User, user.id))
    db.session.remove()
    assert not _enrolled(user)
    query = select(RecoveryCode).where(RecoveryCode.user_id == user.id)
    assert _read(lambda: list(db.session.scalars(query))) == []
