"""The login throttle, pinned on a frozen clock: ``accounts.services.login_wait``.

Growing delays instead of a lock (issue #15), so that a stranger cannot lock the owner out:

* only audit events ``login_failed`` count, and only those of the last 15 minutes
  (``created_at >= now - LOGIN_FAILURE_WINDOW``);
* per (e-mail address, client): from ``THROTTLE_PAIR.free`` (5) failures on, the next attempt
  waits ``2 ** (failures - 5)`` seconds after the last failure, at most 15 minutes;
* per client, whatever addresses were tried: the same from 30 failures on;
* per e-mail address (case-folded) from any clients: from 50 failures on, at most a minute;
* requests without a client address meet only the per-address rule.

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


def _wait(email: str = EMAIL, addr: str | None = ADDR, *, at=T0) -> timedelta:
    with time_machine.travel(at, tick=False):
        return accounts.login_wait(email, addr)


def test_the_rules_are_five_per_pair_thirty_per_client_fifty_per_address_in_fifteen_minutes():
    assert timedelta(minutes=15) == accounts.LOGIN_FAILURE_WINDOW
    assert (accounts.THROTTLE_PAIR.free, accounts.THROTTLE_PAIR.cap) == (5, timedelta(minutes=15))
    assert accounts.THROTTLE_CLIENT.free == 30
    assert (accounts.THROTTLE_ADDRESS.free, accounts.THROTTLE_ADDRESS.cap) == (
        50,
        timedelta(minutes=1),
    )


def test_the_fifth_failure_of_a_pair_makes_the_next_attempt_wait_one_second(session):
    """``failures < self.free`` gives no wait: four failures do not slow, the fifth does."""
    _fail(session, times=4)
    assert _wait() == timedelta(0)
    _fail(session)
    assert _wait() == timedelta(seconds=1)
    assert _wait(at=T0 + timedelta(seconds=1)) == timedelta(0)
    assert _wait("someone.else@rostock.example", ADDR) == timedelta(0)


def test_each_further_failure_doubles_the_wait(session):
    _fail(session, times=5)
    _fail(session, at=T0 + timedelta(seconds=1))
    assert _wait(at=T0 + timedelta(seconds=1)) == timedelta(seconds=2)
    _fail(session, at=T0 + timedelta(seconds=3))
    assert _wait(at=T0 + timedelta(seconds=3)) == timedelta(seconds=4)


def test_only_failed_logins_count(session):
    """``AuditEvent.action == "login_failed"``: successful logins and other security events
    for the same address and client never slow anyone down."""
    with time_machine.travel(T0, tick=False):
        for action in ("login", "password_changed", "login_throttled", "logout"):
            for _ in range(60):
                accounts.add_audit_event(
                    action, actor_id=None, target=fold_email(EMAIL), remote_addr=ADDR
                )
        session.flush()
    assert _wait() == timedelta(0)


def test_failures_leave_the_window_after_exactly_fifteen_minutes(session):
    """``created_at >= now - LOGIN_FAILURE_WINDOW``: five failures at T0 and one just before
    the window ends – while the five still count the sixth makes a 2 s wait; one instant
    later only one failure is left and nothing waits."""
    _fail(session, times=5)
    last = T0 + timedelta(minutes=14, seconds=59)
    _fail(session, at=last)
    assert _wait(at=T0 + timedelta(minutes=15)) == timedelta(seconds=1)
    assert _wait(at=T0 + timedelta(minutes=15, microseconds=1)) == timedelta(0)
    # The explicit clock of the function's signature gives the same answer.
    assert accounts.login_wait(EMAIL, ADDR, now=T0 + timedelta(minutes=15)) == timedelta(seconds=1)


@pytest.mark.parametrize("typed", ["jana.kruse@rostock.example", "JANA.KRUSE@ROSTOCK.EXAMPLE"])
def test_the_address_is_compared_case_folded(session, typed):
    """``fold_email(email)`` in ``login_wait``: the address as typed, in any case, meets the
    failures recorded for it."""
    _fail(session, times=5)
    assert _wait(typed, ADDR) > timedelta(0)


def test_thirty_failures_from_one_client_slow_it_for_every_address(session):
    """The client rule: from 30 failures on, whichever addresses they tried, the client waits –
    for a fresh address too; 29 are not enough, and another client is not affected."""
    for number in range(29):
        _fail(session, f"person{number}@example.org")
    assert _wait("fresh@example.org", ADDR) == timedelta(0)
    _fail(session, "person29@example.org")
    assert _wait("fresh@example.org", ADDR) > timedelta(0)
    assert _wait("fresh@example.org", "198.51.100.7") == timedelta(0)


def test_without_a_client_address_only_the_address_rule_applies(session):
    """``remote_addr is not None``: failures without a client address never add up to a pair
    or client rule; fifty for one address slow it, for at most a minute."""
    for number in range(40):
        _fail(session, f"person{number}@example.org", addr=None)
    assert _wait("fresh@example.org", None) == timedelta(0)
    _fail(session, addr=None, times=49)
    assert _wait(EMAIL, None) == timedelta(0)
    _fail(session, addr=None)
    assert timedelta(0) < _wait(EMAIL, None) <= timedelta(minutes=1)
