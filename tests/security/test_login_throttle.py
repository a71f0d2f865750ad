"""Login throttling slows guessing with growing delays but never locks the owner out."""

from __future__ import annotations

from datetime import timedelta
from itertools import pairwise

import pytest

from hanse_hub.accounts import services as accounts
from hanse_hub.accounts.models import AuditEvent, Role
from hanse_hub.database import utcnow, write_transaction
from hanse_hub.extensions import db
from tests.factories import PASSWORD, Factory, csrf_token

WRONG = "falsches-passwort-123"


@pytest.fixture
def owner(committing_app):
    with write_transaction():
        return Factory(db.session).user(Factory(db.session).tenant(), Role.EDITOR)


def _login(client, email: str, password: str, addr: str):
    data = {"email": email, "password": password, "csrf_token": csrf_token(client)}
    return client.post("/anmelden", data=data, environ_base={"REMOTE_ADDR": addr})


def _failures(email: str, addr: str | None, count: int, *, minutes_ago: float = 0) -> None:
    at = utcnow() - timedelta(minutes=minutes_ago)
    with write_transaction():
        for _ in range(count):
            db.session.add(
                AuditEvent(action="login_failed", target=email, remote_addr=addr, created_at=at)
            )


def test_ten_wrong_passwords_from_one_client_do_not_lock_the_owner_out_elsewhere(
    committing_app, owner
):
    stranger = committing_app.test_client()
    for _ in range(10):
        response = _login(stranger, owner.email, WRONG, "203.0.113.7")
        assert response.status_code in (401, 429)
    assert _login(stranger, owner.email, PASSWORD, "203.0.113.7").status_code == 429
    at_home = committing_app.test_client()
    assert _login(at_home, owner.email, PASSWORD, "198.51.100.20").status_code == 302


def test_a_throttled_answer_says_how_long_to_wait_and_sends_retry_after(committing_app, owner):
    client = committing_app.test_client()
    for _ in range(accounts.THROTTLE_PAIR.free):
        assert _login(client, owner.email, WRONG, "203.0.113.8").status_code == 401
    throttled = _login(client, owner.email, PASSWORD, "203.0.113.8")
    assert throttled.status_code == 429
    seconds = int(throttled.headers["Retry-After"])
    assert seconds >= 1
    page = throttled.get_data(as_text=True)
    assert f"Bitte warten Sie {seconds} Sekunden" in page


def test_delays_grow_with_each_further_failure_of_the_same_pair(committing_app, owner):
    email, addr = owner.email_folded, "203.0.113.9"
    waits = []
    for failures in range(accounts.THROTTLE_PAIR.free, accounts.THROTTLE_PAIR.free + 5):
        now = utcnow()
        _failures(email, addr, 1 if waits else failures)
        waits.append(accounts.login_wait(email, addr, now=now + timedelta(microseconds=1)))
    assert waits[0] > timedelta(0)
    assert all(b > a for a, b in pairwise(waits))
    assert max(waits) <= accounts.THROTTLE_PAIR.cap


def test_only_failed_logins_count(committing_app, owner):
    email, addr = owner.email_folded, "203.0.113.10"
    with write_transaction():
        for action in ("login", "logout", "password_changed"):
            for _ in range(20):
                db.session.add(AuditEvent(action=action, target=email, remote_addr=addr))
    assert accounts.login_wait(email, addr) == timedelta(0)


def test_failures_older_than_the_window_do_not_count(committing_app, owner):
    email, addr = owner.email_folded, "203.0.113.11"
    minutes = accounts.LOGIN_FAILURE_WINDOW.total_seconds() / 60 + 1
    _failures(email, addr, 40, minutes_ago=minutes)
    assert accounts.login_wait(email, addr) == timedelta(0)


def test_failures_count_for_the_case_folded_address(committing_app, owner):
    addr = "203.0.113.12"
    _failures(owner.email_folded, addr, accounts.THROTTLE_PAIR.free + 1)
    assert accounts.login_wait(owner.email.upper(), addr) > timedelta(0)


def test_an_address_attacked_from_many_clients_waits_at_most_a_minute(committing_app, owner):
    email = owner.email_folded
    for n in range(accounts.THROTTLE_ADDRESS.free + 20):
        _failures(email, f"192.0.2.{n % 250}", 1)
    wait = accounts.login_wait(email, "198.51.100.99")
    assert timedelta(0) < wait <= timedelta(minutes=1)


def test_one_client_guessing_many_addresses_is_slowed(committing_app):
    addr = "203.0.113.13"
    for n in range(accounts.THROTTLE_CLIENT.free + 1):
        _failures(f"opfer{n}@example.org", addr, 1)
    assert accounts.login_wait("noch-jemand@example.org", addr) > timedelta(0)
    assert accounts.login_wait("noch-jemand@example.org", "198.51.100.1") == timedelta(0)
