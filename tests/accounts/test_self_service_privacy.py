"""On "Mein Konto" a person sees and ends their logins, downloads their data, deletes their
account – without an operator."""

from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import select

from hanse_hub.accounts.models import LoginSession, Role, User
from hanse_hub.content.models import Entry
from hanse_hub.database import write_transaction
from hanse_hub.extensions import db
from tests.factories import PASSWORD, Factory, csrf_token

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
)


@pytest.fixture
def person(committing_app):
    with write_transaction():
        factory = Factory(db.session)
        city = factory.tenant()
        user = factory.user(city, Role.EDITOR)
        factory.entry(city, author=user, title="Ein Beitrag, der bleibt")
    return user


def _client(app, user, agent=FIREFOX):
    client = app.test_client()
    client.environ_base["HTTP_USER_AGENT"] = agent
    data = {"email": user.email, "password": PASSWORD, "csrf_token": csrf_token(client)}
    assert client.post("/anmelden", data=data).status_code == 302
    return client


def _post(client, path, data=None):
    return client.post(path, data={"csrf_token": csrf_token(client, "/konto"), **(data or {})})


def _session_ids(user) -> list[int]:
    db.session.rollback()
    return list(
        db.session.scalars(
            select(LoginSession.id).where(
                LoginSession.user_id == user.id, LoginSession.ended_at.is_(None)
            )
        )
    )


def test_the_account_page_lists_each_login_with_its_device(committing_app, person):
    laptop = _client(committing_app, person, FIREFOX)
    _client(committing_app, person, IPHONE)
    page = laptop.get("/konto").get_data(as_text=True)
    assert "Firefox auf Linux (dieses Gerät)" in page.replace("<strong>", "").replace(
        "</strong>", ""
    )
    assert "Mobile Safari auf iOS" in page
    assert "Alle anderen Anmeldungen beenden" in page


def test_ending_another_login_makes_its_cookie_fail_at_once(committing_app, person):
    laptop = _client(committing_app, person)
    phone = _client(committing_app, person, IPHONE)
    assert phone.get("/konto").status_code == 200
    page = laptop.get("/konto").get_data(as_text=True)
    ids = [int(i) for i in re.findall(r"/konto/anmeldungen/(\d+)/beenden", page)]
    assert len(ids) == 2
    other = ids[1]  # this device is listed first
    assert _post(laptop, f"/konto/anmeldungen/{other}/beenden").status_code == 302
    assert phone.get("/konto").status_code == 302  # the phone's cookie, replayed: refused
    assert laptop.get("/konto").status_code == 200


def test_ending_all_other_logins_keeps_only_this_one(committing_app, person):
    laptop = _client(committing_app, person)
    others = [_client(committing_app, person, IPHONE) for _ in range(2)]
    response = _post(laptop, "/konto/anmeldungen/andere-beenden")
    assert response.status_code == 302
    assert "2 andere Anmeldungen sind beendet." in laptop.get("/konto").get_data(as_text=True)
    assert [c.get("/konto").status_code for c in others] == [302, 302]
    assert len(_session_ids(person)) == 1


def test_nobody_can_end_another_persons_login(committing_app, person):
    with write_transaction():
        stranger = Factory(db.session).user(Factory(db.session).tenant(), Role.ADMIN)
    victim = _client(committing_app, person)
    victim_session = _session_ids(person)[0]
    attacker = _client(committing_app, stranger)
    assert _post(attacker, f"/konto/anmeldungen/{victim_session}/beenden").status_code == 404
    assert victim.get("/konto").status_code == 200


def test_ending_this_login_from_the_list_logs_out(committing_app, person):
    laptop = _client(committing_app, person)
    this = _session_ids(person)[0]
    assert _post(laptop, f"/konto/anmeldungen/{this}/beenden").status_code == 302
    assert laptop.get("/konto").status_code == 302


def test_the_data_download_is_the_export_with_token_metadata_but_no_secrets(committing_app, person):
    laptop = _client(committing_app, person)
    _post(laptop, "/konto", {"name": "Skript"})
    response = laptop.get("/konto/meine-daten.json")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    data = json.loads(response.get_data(as_text=True))
    assert data["account"]["email"] == person.email
    assert [t["name"] for t in data["personal_access_tokens"]] == ["Skript"]
    assert "token_hash" not in json.dumps(data)
    assert [e["title"] for e in data["authored_entries"]] == ["Ein Beitrag, der bleibt"]
    assert all("last_seen_at" in s for s in data["login_sessions"])


def test_the_data_download_needs_a_login(committing_app):
    response = committing_app.test_client().get("/konto/meine-daten.json")
    assert response.status_code == 302 and "/anmelden" in response.headers["Location"]


def test_deleting_the_account_needs_the_password_and_the_confirmation(committing_app, person):
    laptop = _client(committing_app, person)
    assert laptop.get("/konto/loeschen").status_code == 200
    wrong = _post(laptop, "/konto/loeschen", {"password": "falsch-falsch-falsch", "confirm": "y"})
    assert wrong.status_code == 422 and "Das Passwort stimmt nicht." in wrong.get_data(as_text=True)
    unconfirmed = _post(laptop, "/konto/loeschen", {"password": PASSWORD})
    assert unconfirmed.status_code == 422
    db.session.rollback()
    assert db.session.get(User, person.id).is_active_account


def test_a_deleted_account_keeps_its_content_pseudonymised_and_cannot_log_in(
    committing_app, person
):
    email, person_id = person.email, person.id
    laptop = _client(committing_app, person)
    other_device = _client(committing_app, person, IPHONE)
    response = _post(laptop, "/konto/loeschen", {"password": PASSWORD, "confirm": "y"})
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert other_device.get("/konto").status_code == 302
    db.session.rollback()
    entry = db.session.scalar(select(Entry).where(Entry.author_id == person_id))
    assert entry.title == "Ein Beitrag, der bleibt"
    assert entry.author.display_name == "Ehemalige*r Nutzer*in"
    again = committing_app.test_client()
    data = {"email": email, "password": PASSWORD, "csrf_token": csrf_token(again)}
    assert again.post("/anmelden", data=data).status_code == 401


def test_the_last_hub_admin_cannot_delete_their_account(committing_app):
    with write_transaction():
        admin = Factory(db.session).user(hub_admin=True)
    db.session.rollback()
    others = db.session.scalars(
        select(User).where(User.is_hub_admin.is_(True), User.id != admin.id)
    ).all()
    with write_transaction():
        for other in others:  # earlier tests of this module may have made hub admins
            db.session.merge(other).is_hub_admin = False
    client = _client(committing_app, admin)
    response = _post(client, "/konto/loeschen", {"password": PASSWORD, "confirm": "y"})
    assert response.status_code == 422
    assert "einzige Hub-Administration" in response.get_data(as_text=True)


def test_a_login_records_when_it_was_last_used(committing_app, person):
    laptop = _client(committing_app, person)
    assert laptop.get("/konto").status_code == 200
    db.session.rollback()
    login = db.session.scalar(select(LoginSession).where(LoginSession.user_id == person.id))
    assert login.last_seen_at is not None
