"""Password hashing with Argon2id (argon2-cffi) and strong generated passwords."""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError
from flask_babel import gettext as _

_hasher = PasswordHasher()  # argon2id with the library's recommended (RFC 9106) parameters
# Verified against when the e-mail is unknown, so that both failures cost the same time.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))

MIN_PASSWORD_LENGTH = 12


class WeakPassword(ValueError):
    """The password does not meet the minimum requirements."""


def check_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise WeakPassword(
            _(
                "Das Passwort muss mindestens %(count)s Zeichen lang sein.",
                count=MIN_PASSWORD_LENGTH,
            )
        )
    if password.strip() != password or len(set(password)) < 5:
        raise WeakPassword(_("Das Passwort ist zu einfach."))


def use_cheap_hashing_for_tests() -> None:
    """Tests hash hundreds of passwords; production parameters would cost minutes."""
    global _hasher
    _hasher = PasswordHasher.from_parameters(profiles.CHEAPEST)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def generate_password() -> str:
    """A strong random password (about 120 bits), easy to copy."""
    return secrets.token_urlsafe(15)
