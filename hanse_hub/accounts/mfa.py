"""The second factor: TOTP (an authenticator app, RFC 6238) and single-use recovery codes.

Rules in words:

* A person enrols by scanning a QR code (drawn by the hub itself) and typing a first code; only
  then is the second factor on, and ten recovery codes are shown once.
* From then on every password login asks for a code; a login that passed it carries
  ``mfa_at`` on its login session. A TOTP code is accepted once (its time step is kept), a
  recovery code once (its ``used_at``), both by conditional updates, so that two requests
  racing with the same code cannot both pass.
* Failed codes are ``mfa_failed`` security events (their own transaction) and slow the next
  attempts down exactly like failed passwords (``services.ThrottleRule``).
* With ``HANSE_MFA_FOR_ADMINS=required`` (the default) hub admins and the admins of a tenant
  must have passed the second factor to use the administration pages and to create personal
  access tokens.
* Recovery codes carry 80 random bits; they are stored as SHA-256 like login-session tokens
  (a slow password hash protects guessable secrets; a random 80-bit code cannot be guessed
  from its hash, and a fast hash lets the hub compare a code without a per-user scan).

Callers own the transaction (``write_transaction``); nothing here commits. Wrong codes are
recorded by ``record_failure`` after that transaction.
"""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
from datetime import datetime, timedelta

import pyotp
import segno
from flask_babel import gettext as _
from sqlalchemy import delete, func, or_, select, update

from hanse_hub.accounts import services
from hanse_hub.accounts.models import (
    AuditEvent,
    LoginSession,
    RecoveryCode,
    Role,
    TotpCredential,
    User,
)
from hanse_hub.database import utcnow
from hanse_hub.extensions import db
from hanse_hub.policy import Actor, PermissionDenied, can_manage_hub

ISSUER_NAME = "Smarte Hanse"
RECOVERY_CODE_COUNT = 10
# One step (30 s) either side: clocks of phones drift, and typing takes time.
VALID_WINDOW = 1
THROTTLE_CODES = services.ThrottleRule(free=5, cap=services.LOGIN_FAILURE_WINDOW)

METHOD_TOTP = "totp"
METHOD_RECOVERY = "recovery_code"
METHOD_SSO = "sso_mfa"


class SecondFactorError(ValueError):
    """A second-factor request that cannot be carried out, with a message for people."""


class WrongCode(SecondFactorError):
    """A wrong, reused or used-up code. The edge records it with ``record_failure`` after its
    transaction ended (a security event has its own transaction, which on SQLite must not
    overlap the request's write transaction)."""

    def __init__(self, message: str, user: User, stage: str):
        super().__init__(message)
        self.user = user
        self.stage = stage


class SecondFactorThrottled(SecondFactorError):
    def __init__(self, wait: timedelta):
        self.seconds = max(1, int(wait.total_seconds() + 0.999))
        super().__init__(
            _(
                "Zu viele falsche Codes. Bitte warten Sie %(seconds)d Sekunden und versuchen "
                "Sie es dann erneut.",
                seconds=self.seconds,
            )
        )


def is_admin(user: User) -> bool:
    return user.is_hub_admin or any(m.role == Role.ADMIN for m in user.memberships)


def is_required(user: User, *, required_for_admins: bool) -> bool:
    """Whether ``user`` must pass the second factor for administration and tokens."""
    return required_for_admins and is_admin(user)


def credential_of(user: User) -> TotpCredential | None:
    return db.session.scalar(select(TotpCredential).where(TotpCredential.user_id == user.id))


def is_enrolled(user: User) -> bool:
    credential = credential_of(user)
    return credential is not None and credential.confirmed_at is not None


def enrolled_user_ids(user_ids: list[int]) -> set[int]:
    """Which of these accounts have a second factor (for the accounts list: one query)."""
    if not user_ids:
        return set()
    return set(
        db.session.scalars(
            select(TotpCredential.user_id).where(
                TotpCredential.user_id.in_(user_ids), TotpCredential.confirmed_at.is_not(None)
            )
        )
    )


def recovery_codes_left(user: User) -> int:
    return db.session.scalar(
        select(func.count(RecoveryCode.id)).where(
            RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None)
        )
    )


# -- enrolment -----------------------------------------------------------------------------------


def start_enrolment(user: User) -> TotpCredential:
    """A new, unconfirmed authenticator secret (replacing an earlier unconfirmed one)."""
    credential = credential_of(user)
    if credential is not None and credential.confirmed_at is not None:
        raise SecondFactorError(_("Der zweite Faktor ist bereits eingerichtet."))
    if credential is None:
        credential = TotpCredential(user=user, secret=pyotp.random_base32())
        db.session.add(credential)
    else:
        credential.secret = pyotp.random_base32()
        credential.created_at = utcnow()
    db.session.flush()
    return credential


def pending_enrolment(user: User) -> TotpCredential | None:
    credential = credential_of(user)
    return credential if credential is not None and credential.confirmed_at is None else None


def provisioning_uri(user: User, credential: TotpCredential) -> str:
    return pyotp.TOTP(credential.secret).provisioning_uri(name=user.email, issuer_name=ISSUER_NAME)


def qr_code_svg(uri: str, title: str) -> str:
    """The QR code of ``uri`` as an inline SVG element (drawn here: no outside service)."""
    svg = segno.make(uri, error="m").svg_inline(scale=4, border=4, title=title)
    return svg.replace("<svg ", '<svg role="img" focusable="false" ', 1)


def grouped_secret(secret: str) -> str:
    """The secret in groups of four, for typing it into an app by hand."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def _normalise(code: str) -> str:
    return re.sub(r"[\s-]", "", code or "").upper()


def _recovery_hash(code: str) -> str:
    return hashlib.sha256(_normalise(code).encode()).hexdigest()


def _new_recovery_codes(user: User) -> list[str]:
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    codes = []
    for _i in range(RECOVERY_CODE_COUNT):
        raw = base64.b32encode(secrets.token_bytes(10)).decode()  # 80 bits, 16 characters
        code = "-".join(raw[i : i + 4] for i in range(0, 16, 4))
        codes.append(code)
        db.session.add(RecoveryCode(user_id=user.id, code_hash=_recovery_hash(code)))
    db.session.flush()
    return codes


def _accept_totp(credential: TotpCredential, code: str, now: datetime) -> bool:
    """Accept a TOTP code once: its time step must be newer than the last accepted one."""
    code = _normalise(code)
    if not re.fullmatch(r"\d{6}", code):
        return False
    totp = pyotp.TOTP(credential.secret)
    for offset in range(-VALID_WINDOW, VALID_WINDOW + 1):
        moment = now + timedelta(seconds=offset * totp.interval)
        if secrets.compare_digest(totp.at(moment), code):
            step = totp.timecode(moment)
            taken = db.session.execute(
                update(TotpCredential)
                .where(
                    TotpCredential.id == credential.id,
                    or_(TotpCredential.last_step.is_(None), TotpCredential.last_step < step),
                )
                .values(last_step=step)
            )
            return taken.rowcount == 1
    return False


def confirm_enrolment(
    user: User, code: str, *, current_token: str | None = None, remote_addr: str | None = None
) -> list[str]:
    """Switch the second factor on with a first code from the app; returns the recovery codes
    (shown once). The current login counts as having passed the second factor."""
    credential = pending_enrolment(user)
    if credential is None:
        raise SecondFactorError(
            _("Es gibt keine begonnene Einrichtung. Bitte beginnen Sie die Einrichtung neu.")
        )
    _check_throttle(user)
    if not _accept_totp(credential, code, utcnow()):
        raise WrongCode(
            _("Der Code stimmt nicht. Bitte geben Sie den aktuellen Code aus Ihrer App ein."),
            user,
            "enrolment",
        )
    credential.confirmed_at = utcnow()
    codes = _new_recovery_codes(user)
    if current_token:
        mark_login(current_token, METHOD_TOTP)
    services.add_audit_event(
        "mfa_enrolled", actor_id=user.id, target=user.email_folded, remote_addr=remote_addr
    )
    return codes


def renew_recovery_codes(user: User, *, remote_addr: str | None = None) -> list[str]:
    """New recovery codes (the old ones stop working). Callers check the login passed MFA."""
    if not is_enrolled(user):
        raise SecondFactorError(_("Der zweite Faktor ist nicht eingerichtet."))
    codes = _new_recovery_codes(user)
    services.add_audit_event(
        "mfa_recovery_codes_renewed",
        actor_id=user.id,
        target=user.email_folded,
        remote_addr=remote_addr,
    )
    return codes


# -- verification --------------------------------------------------------------------------------


def wait_for(user: User, *, now: datetime | None = None) -> timedelta:
    """How long ``user``'s next code must still wait after failed codes (0: none)."""
    now = now or utcnow()
    failures, last = db.session.execute(
        select(func.count(AuditEvent.id), func.max(AuditEvent.created_at)).where(
            AuditEvent.action == "mfa_failed",
            AuditEvent.actor_id == user.id,
            AuditEvent.created_at >= now - services.LOGIN_FAILURE_WINDOW,
        )
    ).one()
    if last is not None and last.tzinfo is None:
        last = last.replace(tzinfo=now.tzinfo)
    return THROTTLE_CODES.wait(failures, last, now)


def _check_throttle(user: User) -> None:
    wait = wait_for(user)
    if wait > timedelta(0):
        raise SecondFactorThrottled(wait)


def record_failure(error: WrongCode, remote_addr: str | None) -> None:
    """Record a wrong code as ``mfa_failed`` (its own transaction: it counts for throttling
    even though the request's transaction was rolled back)."""
    user, stage = error.user, error.stage
    services.record_security_event(
        "mfa_failed",
        actor_id=user.id,
        target=user.email_folded,
        detail={"stage": stage},
        remote_addr=remote_addr,
    )


def verify(user: User, code: str, *, remote_addr: str | None = None) -> str:
    """Check a code from the app or a recovery code; returns the method that passed.

    Raises ``SecondFactorThrottled`` while failed codes must wait, ``WrongCode`` for a
    wrong, reused or used-up code (to be recorded with ``record_failure``).
    """
    credential = credential_of(user)
    if credential is None or credential.confirmed_at is None:
        raise SecondFactorError(_("Der zweite Faktor ist nicht eingerichtet."))
    _check_throttle(user)
    if _accept_totp(credential, code, utcnow()):
        return METHOD_TOTP
    if len(_normalise(code)) == 16:
        used = db.session.execute(
            update(RecoveryCode)
            .where(
                RecoveryCode.user_id == user.id,
                RecoveryCode.code_hash == _recovery_hash(code),
                RecoveryCode.used_at.is_(None),
            )
            .values(used_at=utcnow())
        )
        if used.rowcount == 1:
            services.add_audit_event(
                "mfa_recovery_code_used",
                actor_id=user.id,
                target=user.email_folded,
                detail={"remaining": recovery_codes_left(user)},
                remote_addr=remote_addr,
            )
            return METHOD_RECOVERY
    raise WrongCode(
        _("Der Code stimmt nicht, ist abgelaufen oder wurde schon benutzt."), user, "login"
    )


def mark_login(token: str, method: str) -> None:
    """Record that the login session of ``token`` passed the second factor."""
    db.session.execute(
        update(LoginSession)
        .where(LoginSession.token_hash == services.token_hash(token))
        .values(mfa_at=utcnow(), mfa_method=method)
    )


# -- reset ---------------------------------------------------------------------------------------


def reset(actor: Actor | None, user: User, *, remote_addr: str | None = None) -> bool:
    """Switch ``user``'s second factor off (lost phone): a hub admin or the CLI operator
    (``actor=None``). Every login of the person ends; they log in and enrol again.
    Returns whether there was anything to reset."""
    if actor is not None and not can_manage_hub(actor):
        raise PermissionDenied("reset a second factor")
    had = credential_of(user) is not None
    db.session.execute(delete(TotpCredential).where(TotpCredential.user_id == user.id))
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    services.end_all_login_sessions(user, "mfa_reset")
    services.add_audit_event(
        "mfa_reset",
        actor_id=actor.user_id if actor is not None else None,
        target=user.email_folded,
        detail={"had_second_factor": had},
        remote_addr=remote_addr,
    )
    db.session.flush()
    return had
