"""The security properties of accounts and login sessions, pinned at the service level.

Login sessions end when they expire (checked with a frozen clock), when their user logs
out, changes the password or is deactivated – and only that user's sessions end, each with
its reason recorded. Their tokens are long and stored only as hashes. Each test names the
line of ``hanse_hub/accounts/services.py`` (or ``login.py``) whose change it notices.
"""

from __future__ import annotations

import base64
import hashlib
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from sqlalchemy import select

from hanse_hub.accounts import services as accounts
from hanse_hub.accounts.models import AuditEvent, LoginSession, Role
from hanse_hub.accounts.services import AccountError
from hanse_hub.extensions import db, login_manager
from hanse_hub.policy import Actor, PermissionDenied
from tests.factories import PASSWORD

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)
NEW_PASSWORD = "ein-ganz-neues-Passwort-2026"


def _sessions(session, user) -> list[LoginSession]:
    session.expire_all()
    return list(
        session.scalars(
            select(LoginSession).where(LoginSession.user_id == user.id).order_by(LoginSession.id)
        )
    )


@pytest.fixture
def people(factory):
    tenant = factory.tenant()
    return factory.user(tenant, Role.EDITOR), factory.user(tenant, Role.EDITOR)


def test_token_is_256_random_bits_and_only_its_sha256_is_stored(session, people):
    """``secrets.token_urlsafe(32)``: 32 random bytes; ``_token_hash``: the row holds the
    SHA-256 of the token and never the token itself."""
    user, _ = people
    started = accounts.start_login_session(user, lifetime=HOUR)
    token = started.token
    assert len(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))) == 32
    (row,) = _sessions(session, user)
    assert row.token_hash == hashlib.sha256(token.encode()).hexdigest()
    stored = [str(getattr(row, column.key)) for column in LoginSession.__table__.columns]
    assert not [value for value in stored if token in value]
    other = accounts.start_login_session(user, lifetime=HOUR).token
    assert other != token


def test_a_session_lives_until_it_expires_on_a_frozen_clock(session, people):
    """``expires_at = utcnow() + lifetime`` and ``expires_at <= utcnow()`` in ``load_login``:
    alive a second before its end, over at its end and after."""
    user, _ = people
    with time_machine.travel(T0, tick=False):
        token = accounts.start_login_session(user, lifetime=HOUR, remember=True).token
        session.flush()
        assert accounts.load_login(token) == user
    (row,) = _sessions(session, user)
    assert row.expires_at == T0 + HOUR and row.remember is True
    with time_machine.travel(T0 + HOUR - timedelta(seconds=1), tick=False):
        assert accounts.load_login(token) == user
    with time_machine.travel(T0 + HOUR, tick=False):
        assert accounts.load_login(token) is None
    with time_machine.travel(T0 + 30 * HOUR, tick=False):
        assert accounts.load_login(token) is None


def test_load_login_refuses_empty_unknown_ended_tokens_and_inactive_users(session, people):
    """``load_login``: no token, an unknown one, an ended session and a deactivated user each
    give no user; a live one gives the user with its token."""
    user, other = people
    assert accounts.load_login("") is None
    assert accounts.load_login("unknown-token") is None
    token = accounts.start_login_session(user, lifetime=HOUR).token
    user.login_token = None
    assert accounts.load_login(token) == user and user.login_token == token
    accounts.end_login_session(token)
    assert accounts.load_login(token) is None
    other_token = accounts.start_login_session(other, lifetime=HOUR).token
    other.is_active_account = False
    session.flush()
    assert accounts.load_login(other_token) is None


def test_logout_ends_only_this_session_and_records_the_reason(session, people):
    """``end_login_session``: the one session with this token ends with reason "logout";
    the user's other session and other users' sessions live on; ending twice keeps the first
    end (``ended_at IS NULL`` in the WHERE)."""
    user, other = people
    with time_machine.travel(T0, tick=False):
        token = accounts.start_login_session(user, lifetime=30 * HOUR).token
        second = accounts.start_login_session(user, lifetime=30 * HOUR).token
        others = accounts.start_login_session(other, lifetime=30 * HOUR).token
    with time_machine.travel(T0 + HOUR, tick=False):
        accounts.end_login_session(token)
    with time_machine.travel(T0 + 2 * HOUR, tick=False):
        accounts.end_login_session(token, reason="again")
        rows = _sessions(session, user)
        assert [(r.ended_at, r.ended_reason) for r in rows] == [(T0 + HOUR, "logout"), (None, None)]
        assert accounts.load_login(second) == user
        assert accounts.load_login(others) == other
        assert [r.ended_at for r in _sessions(session, other)] == [None]


def test_password_change_ends_the_users_sessions_only_with_its_reason(session, people):
    """``change_password`` → ``end_all_login_sessions(user, "password_changed")``: every live
    session of the user ends, with the reason and time; other users' sessions live on;
    sessions that had ended keep their reason. A wrong current password ends nothing."""
    user, other = people
    with time_machine.travel(T0, tick=False):
        ended_before = accounts.start_login_session(user, lifetime=30 * HOUR).token
        accounts.end_login_session(ended_before)
        tokens = [accounts.start_login_session(user, lifetime=30 * HOUR).token for _ in range(2)]
        others = accounts.start_login_session(other, lifetime=30 * HOUR).token
    with time_machine.travel(T0 + HOUR / 2, tick=False):
        with pytest.raises(AccountError):
            accounts.change_password(user, "falsches-passwort-123", NEW_PASSWORD)
        assert all(accounts.load_login(token) == user for token in tokens)
    with time_machine.travel(T0 + HOUR, tick=False):
        accounts.change_password(user, PASSWORD, NEW_PASSWORD)
        rows = _sessions(session, user)
        assert [(r.ended_at, r.ended_reason) for r in rows] == [
            (T0, "logout"),
            (T0 + HOUR, "password_changed"),
            (T0 + HOUR, "password_changed"),
        ]
        assert accounts.load_login(others) == other
    assert accounts.authenticate(user.email, NEW_PASSWORD) == user
    assert accounts.authenticate(user.email, PASSWORD) is None


def test_end_all_login_sessions_counts_what_it_ended(session, people):
    """``end_all_login_sessions`` returns how many live sessions it ended (0 the second time)."""
    user, other = people
    for _ in range(3):
        accounts.start_login_session(user, lifetime=HOUR)
    accounts.start_login_session(other, lifetime=HOUR)
    assert accounts.end_all_login_sessions(user, "test") == 3
    assert accounts.end_all_login_sessions(user, "test") == 0
    assert [r.ended_reason for r in _sessions(session, other)] == [None]


def test_deactivation_ends_the_users_sessions_with_its_reason_and_only_by_hub_admins(
    session, factory, people
):
    """``deactivate_user``: a hub admin's business; the account is inactive and every session
    of it ends with reason "deactivated" — checked on the rows themselves, not through
    ``load_login``, which refuses inactive users anyway (that second check hides a
    deactivation that forgot the sessions)."""
    user, other = people
    tokens = [accounts.start_login_session(user, lifetime=HOUR).token for _ in range(2)]
    others = accounts.start_login_session(other, lifetime=HOUR).token
    city_admin = factory.user(user.memberships[0].tenant, Role.ADMIN)
    with pytest.raises(PermissionDenied):
        accounts.deactivate_user(Actor.of(city_admin), user)
    assert user.is_active_account and all(accounts.load_login(t) == user for t in tokens)
    accounts.deactivate_user(Actor.of(factory.user(hub_admin=True)), user)
    assert not user.is_active_account
    assert [r.ended_reason for r in _sessions(session, user)] == ["deactivated", "deactivated"]
    assert all(r.ended_at is not None for r in _sessions(session, user))
    assert accounts.load_login(others) == other
    assert accounts.authenticate(user.email, PASSWORD) is None


def test_user_agent_is_cut_to_300_characters_and_empty_means_none(session, people):
    """``(user_agent or "")[:300] or None`` in ``start_login_session``."""
    user, _ = people
    accounts.start_login_session(user, lifetime=HOUR, user_agent="x" * 400)
    accounts.start_login_session(user, lifetime=HOUR, user_agent="")
    accounts.start_login_session(user, lifetime=HOUR, user_agent="Firefox")
    agents = [r.user_agent for r in _sessions(session, user)]
    assert agents == ["x" * 300, None, "Firefox"]
    assert [r.remember for r in _sessions(session, user)] == [False, False, False]


def test_authenticate_needs_an_active_account_and_its_password(session, people):
    """``authenticate``: the e-mail address in any case, the right password, an active account."""
    user, _ = people
    assert accounts.authenticate(user.email.upper(), PASSWORD) == user
    assert accounts.authenticate(user.email, "falsches-passwort-123") is None
    assert accounts.authenticate("niemand@example.org", PASSWORD) is None
    user.is_active_account = False
    assert accounts.authenticate(user.email, PASSWORD) is None


@pytest.mark.parametrize(
    "address", ["ohne-at-zeichen.example.org", "@example.org", "jana@", "  ", "jana.example"]
)
def test_create_user_refuses_an_address_without_a_local_part_or_domain(session, address):
    """``"@" not in email or startswith("@") or endswith("@")`` in ``create_user`` (the CLI
    calls it directly, without a form validating the address first)."""
    with pytest.raises(AccountError, match="keine gültige E-Mail-Adresse"):
        accounts.create_user(address, "Jana", PASSWORD)
    assert accounts.find_user_by_email(address) is None


def test_create_user_strips_the_address_and_names_the_person_after_it(session):
    """Addresses are stored stripped, folded for uniqueness; a blank name becomes the local
    part; a second account with the address in other case is refused."""
    user = accounts.create_user("  Jana.Kruse@Rostock.example ", "  ", PASSWORD)
    assert (user.email, user.email_folded) == (
        "Jana.Kruse@Rostock.example",
        "jana.kruse@rostock.example",
    )
    assert user.display_name == "Jana.Kruse" and not user.is_hub_admin
    with pytest.raises(AccountError, match="bereits ein Konto"):
        accounts.create_user("JANA.KRUSE@rostock.example", "Jana", PASSWORD)
    admin = accounts.create_user("hub@example.org", "Hub", PASSWORD, is_hub_admin=True)
    assert admin.is_hub_admin


def test_roles_are_granted_and_revoked_by_the_citys_admins_and_hub_admins(session, factory):
    """``set_role``/``revoke_membership``: the city's admins and hub admins may, an editor
    may not; a second grant replaces the role; revoking a non-member is a clear error."""
    city, elsewhere = factory.tenant(), factory.tenant()
    person = factory.user()
    editor = Actor.of(factory.user(city, Role.EDITOR))
    admin = Actor.of(factory.user(city, Role.ADMIN))
    hub_admin = Actor.of(factory.user(hub_admin=True))
    foreign_admin = Actor.of(factory.user(elsewhere, Role.ADMIN))
    for actor in (editor, foreign_admin):
        with pytest.raises(PermissionDenied):
            accounts.set_role(actor, person, city, Role.READER)
    accounts.set_role(admin, person, city, Role.READER)
    accounts.set_role(hub_admin, person, city, Role.EDITOR)
    assert [(m.tenant_id, m.role) for m in person.memberships] == [(city.id, Role.EDITOR)]
    for actor in (editor, foreign_admin):
        with pytest.raises(PermissionDenied):
            accounts.revoke_membership(actor, person, city)
    accounts.revoke_membership(admin, person, city)
    assert person.memberships == []
    with pytest.raises(AccountError, match="nicht Mitglied"):
        accounts.revoke_membership(hub_admin, person, city)
    accounts.set_role(None, person, elsewhere, Role.ADMIN)  # the CLI operator
    accounts.revoke_membership(hub_admin, person, elsewhere)
    assert person.memberships == []


def test_flask_login_renews_the_session_on_a_changed_client_and_loads_by_token(app):
    """``login.py``: session protection "basic" (a changed address or browser renews the
    session id, ends nothing – "strong" would log people out on every network change),
    login at ``accounts.login``, users loaded by login-session token."""
    assert login_manager.session_protection == "basic"
    assert login_manager.login_view == "accounts.login"
    assert login_manager.login_message_category == "info"
    assert login_manager._user_callback is accounts.load_login


def test_audit_events_keep_their_detail_and_default_to_an_empty_one(session):
    """``detail or {}`` in ``add_audit_event``: what the caller gives is stored as given."""
    accounts.add_audit_event("role_changed", actor_id=None, detail={"role": "editor"}, target="x")
    accounts.add_audit_event("role_changed", actor_id=None, target="y")
    session.flush()
    stored = session.scalars(
        select(AuditEvent).where(AuditEvent.target.in_(["x", "y"])).order_by(AuditEvent.target)
    ).all()
    assert [event.detail for event in stored] == [{"role": "editor"}, {}]


def test_security_events_are_committed_on_their_own_with_their_detail(committing_app):
    """``record_security_event`` writes in its own transaction (``detail or {}``): the event
    is there for a fresh session, with its detail; without one, an empty detail."""
    accounts.record_security_event(
        "login_failed", target="detail@example.org", detail={"reason": "test"}
    )
    accounts.record_security_event("login_failed", target="no-detail@example.org")
    db.session.rollback()
    stored = db.session.scalars(
        select(AuditEvent)
        .where(AuditEvent.target.in_(["detail@example.org", "no-detail@example.org"]))
        .order_by(AuditEvent.target)
    ).all()
    assert [event.detail for event in stored] == [{"reason": "test"}, {}]


def _last_seen(session, token: str):
    session.expire_all()
    return session.scalar(
        select(LoginSession.last_seen_at).where(
            LoginSession.token_hash == accounts.token_hash(token)
        )
    )


def test_a_login_counts_as_stale_only_when_last_seen_more_than_five_minutes_ago(session, people):
    """``load_login`` marks a session for a new "last used" only when its ``last_seen_at`` is
    older than ``LAST_SEEN_PRECISION`` (``<``, ``utcnow() - …``; line 222): at exactly five
    minutes it is not stale yet, a second later it is; a fresh one never is."""
    user, _ = people
    with time_machine.travel(T0, tick=False):
        token = accounts.start_login_session(user, lifetime=HOUR).token
        started = session.scalar(
            select(LoginSession).where(LoginSession.token_hash == accounts.token_hash(token))
        )
        started.last_seen_at = T0
        session.flush()
    precision = accounts.LAST_SEEN_PRECISION
    for moment, stale in (
        (T0 + timedelta(minutes=1), False),
        (T0 + precision, False),
        (T0 + precision + timedelta(seconds=1), True),
    ):
        with time_machine.travel(moment, tick=False):
            user.stale_login_id = None
            assert accounts.load_login(token) == user
            assert (user.stale_login_id is not None) is stale, moment


def test_touching_a_login_writes_last_seen_at_most_every_five_minutes(session, people):
    """``touch_login_session`` updates ``last_seen_at`` only when it is older than the
    precision (``<``, ``now - …``; line 237): two requests within five minutes write once."""
    user, _ = people
    with time_machine.travel(T0, tick=False):
        token = accounts.start_login_session(user, lifetime=HOUR).token
        login_id = session.scalar(
            select(LoginSession.id).where(LoginSession.token_hash == accounts.token_hash(token))
        )
        accounts.touch_login_session(login_id)
    assert _last_seen(session, token) == T0
    precision = accounts.LAST_SEEN_PRECISION
    with time_machine.travel(T0 + precision, tick=False):
        accounts.touch_login_session(login_id)
    assert _last_seen(session, token) == T0  # exactly five minutes: not yet
    later = T0 + precision + timedelta(seconds=1)
    with time_machine.travel(later, tick=False):
        accounts.touch_login_session(login_id)
    assert _last_seen(session, token) == later


def test_a_new_login_says_whether_it_passed_a_second_factor(session, people):
    """``user.login_mfa = mfa_method is not None`` (line 204)."""
    user, other = people
    assert accounts.start_login_session(user, lifetime=HOUR, mfa_method="totp").user.login_mfa
    assert not accounts.start_login_session(other, lifetime=HOUR).user.login_mfa
