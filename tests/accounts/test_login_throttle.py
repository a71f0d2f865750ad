"""Today's login throttle, pinned: ``accounts.services.login_is_throttled``.

The semantics as of now (issue #15 will change them to per address *and* IP with growing
delays; adapt this module then):

* only audit events ``login_failed`` count, and only those of the last 15 minutes
  (``created_at >= now - LOGIN_FAILURE_WINDOW``);
* per e-mail address (case-folded, as the login view records them): throttled from
  ``LOGIN_FAILURE_LIMIT`` (10) failures on;
* per client address: throttled from three times that (30) failures, whatever e-mail
  addresses were tried; requests without a client address have no such limit.

Failures are written with ``add_audit_event`` under a frozen clock (the login view writes
them with ``record_security_event``, in their own transaction – see test_login_sessions.py).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from hanse_hub.accounts import services as accounts
from hanse_hub.accounts.models import fold_email

# Far from the real clock: failures other tests record for real (now) are outside the window.
T0 = datetime(2031, 3, 3, 9, 0, tzinfo=UTC)
EMAIL = "Jana.Kruse@Rostock.example"
ADDR = "192.0.2.10"


def _fail(session, email: str = EMAIL, *, addr: str | None = ADDR, at=T0, times: int = 1):
    """``times`` failed logins for ``email`` from ``addr`` at ``at``, as the login view records
    them (target: the case-folded address)."""
    with time_machine.travel(at, tick=False):
        for _ in range(times):
            accounts.add_audit_event(
                "login_failed", actor_id=None, target=fold_email(email), remote_addr=addr
            )
        session.flush()


def _throttled(email: str = EMAIL, addr: str | None = ADDR, *, at=T0) -> bool:
    with time_machine.travel(at, tick=False):
        return accounts.login_is_throttled(email, addr)


def test_the_limits_are_ten_per_address_and_thirty_per_client_in_fifteen_minutes():
    """The numbers #15 will revisit."""
    assert accounts.LOGIN_FAILURE_LIMIT == 10
    assert timedelta(minutes=15) == accounts.LOGIN_FAILURE_WINDOW


def test_ten_failures_for_one_address_throttle_it_nine_do_not(session):
    """``by_email >= LOGIN_FAILURE_LIMIT``: the tenth failure throttles, the ninth not."""
    _fail(session, times=9)
    assert not _throttled()
    _fail(session)
    assert _throttled()
    assert not _throttled("someone.else@rostock.example", None)


def test_only_failed_logins_count(session):
    """``AuditEvent.action == "login_failed"``: successful logins and other security events
    for the same address and client never throttle."""
    with time_machine.travel(T0, tick=False):
        for action in ("login", "password_changed", "login_throttled", "logout"):
            for _ in range(accounts.LOGIN_FAILURE_LIMIT * 3):
                accounts.add_audit_event(
                    action, actor_id=None, target=fold_email(EMAIL), remote_addr=ADDR
                )
        session.flush()
    assert not _throttled()


def test_failures_expire_after_the_window_on_a_frozen_clock(session):
    """``created_at >= now - LOGIN_FAILURE_WINDOW``: failures count for exactly 15 minutes."""
    _fail(session, times=10)
    assert _throttled(at=T0 + timedelta(minutes=14, seconds=59))
    assert _throttled(at=T0 + timedelta(minutes=15))
    assert not _throttled(at=T0 + timedelta(minutes=15, seconds=1))
    assert not _throttled(at=T0 + timedelta(hours=5))
    # The explicit clock of the function's signature gives the same answers.
    assert accounts.login_is_throttled(EMAIL, ADDR, now=T0 + timedelta(minutes=15))
    assert not accounts.login_is_throttled(EMAIL, ADDR, now=T0 + timedelta(minutes=16))


@pytest.mark.parametrize("typed", ["jana.kruse@rostock.example", "JANA.KRUSE@ROSTOCK.EXAMPLE"])
def test_the_address_is_compared_case_folded(session, typed):
    """``fold_email(email)`` in ``login_is_throttled``: the address as typed, in any case,
    meets the failures recorded for it."""
    _fail(session, times=10)
    assert _throttled(typed, "198.51.100.7")


def test_thirty_failures_from_one_client_throttle_it_for_every_address(session):
    """``by_addr >= LOGIN_FAILURE_LIMIT * 3``: from 30 failures on, whichever e-mail
    addresses they tried, the client is throttled — for a fresh address too; 29 are not
    enough, and another client is not affected."""
    for number in range(29):
        _fail(session, f"person{number}@example.org")
    assert not _throttled("fresh@example.org", ADDR)
    _fail(session, "person29@example.org")
    assert _throttled("fresh@example.org", ADDR)
    assert not _throttled("fresh@example.org", "198.51.100.7")


def test_without_a_client_address_only_the_email_limit_applies(session):
    """``remote_addr is not None``: failures without a client address never add up to a
    client limit, for any address."""
    for number in range(40):
        _fail(session, f"person{number}@example.org", addr=None)
    assert not _throttled("fresh@example.org", None)
    _fail(session, addr=None, times=10)
    assert _throttled(EMAIL, None)
