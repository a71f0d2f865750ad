"""Configuration read from the environment (prefix ``HANSE_``).

Every setting has a safe development default except the secret key in
production: a production start without ``HANSE_SECRET_KEY`` fails loudly.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

ENVIRONMENTS = ("development", "production", "testing")
SEARCH_BACKENDS = ("whoosh", "postgres")
SEARCH_INDEXING = ("inline", "worker")
# Inline indexing: how often every process applies index jobs a crash left behind (seconds).
DEFAULT_INDEX_RECOVERY_SECONDS = 15
DEFAULT_PAGE_CACHE_SECONDS = 60


class ConfigurationError(RuntimeError):
    """Raised when the environment does not describe a startable hub."""


@dataclass(frozen=True)
class Settings:
    env: str
    data_dir: Path
    database_url: str
    secret_key: str
    search_backend: str
    search_indexing: str
    max_upload_bytes: int
    session_lifetime_hours: int
    remember_days: int
    redis_url: str | None = None
    trusted_proxies: int = 0
    index_recovery_seconds: int = 0
    page_cache_seconds: int = 0
    rate_limits: dict = field(default_factory=dict)
    mail: dict = field(default_factory=dict)
    contact_address: str | None = None
    read_only: bool = False
    mfa_required_for_admins: bool = True
    oidc_secrets: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)

    def flask_config(self) -> dict:
        production = self.env == "production"
        return {
            "HANSE_ENV": self.env,
            "HANSE_DATA_DIR": str(self.data_dir),
            "HANSE_SEARCH_BACKEND": self.search_backend,
            "HANSE_SEARCH_INDEXING": self.search_indexing,
            "HANSE_MAX_UPLOAD_BYTES": self.max_upload_bytes,
            "HANSE_SESSION_LIFETIME_HOURS": self.session_lifetime_hours,
            "HANSE_REDIS_URL": self.redis_url,
            "HANSE_INDEX_RECOVERY_SECONDS": self.index_recovery_seconds,
            # Visitors' pages kept per process at most this long (0: off); see web/page_cache.py.
            "HANSE_PAGE_CACHE_SECONDS": self.page_cache_seconds,
            "HANSE_READ_ONLY": self.read_only,
            "SECRET_KEY": self.secret_key,
            "SQLALCHEMY_DATABASE_URI": self.database_url,
            "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
            # Flask rejects larger request bodies with 413 before a view runs.
            "MAX_CONTENT_LENGTH": self.max_upload_bytes + 64 * 1024,
            "SESSION_COOKIE_HTTPONLY": True,
            "SESSION_COOKIE_SAMESITE": "Lax",
            "SESSION_COOKIE_SECURE": production,
            "REMEMBER_COOKIE_HTTPONLY": True,
            "REMEMBER_COOKIE_SAMESITE": "Lax",
            "REMEMBER_COOKIE_SECURE": production,
            "REMEMBER_COOKIE_DURATION": self.remember_days * 24 * 3600,
            "TESTING": self.env == "testing",
            # Flask-Limiter: in memory counts per worker process; Redis shares the counts.
            "RATELIMIT_ENABLED": self.rate_limits.get("enabled", True),
            "RATELIMIT_STORAGE_URI": self.redis_url or "memory://",
            "RATELIMIT_HEADERS_ENABLED": True,
            "HANSE_RATE_LIMIT_LOGIN": self.rate_limits.get("login", "10 per minute"),
            "HANSE_RATE_LIMIT_WRITE": self.rate_limits.get("write", "60 per minute"),
            "HANSE_RATE_LIMIT_SEARCH": self.rate_limits.get("search", "120 per minute"),
            # Outgoing e-mail (password resets, invitations); without a server it is only logged.
            "HANSE_MAIL_SERVER": self.mail.get("server"),
            "HANSE_MAIL_PORT": self.mail.get("port", 587),
            "HANSE_MAIL_USERNAME": self.mail.get("username"),
            "HANSE_MAIL_PASSWORD": self.mail.get("password"),
            "HANSE_MAIL_SENDER": self.mail.get("sender", "Smarte Hanse <hub@localhost>"),
            "HANSE_MAIL_USE_TLS": self.mail.get("use_tls", True),
            "HANSE_BASE_URL": self.mail.get("base_url"),
            # Where security researchers report findings (/.well-known/security.txt).
            "HANSE_SECURITY_CONTACT": self.mail.get("security_contact"),
            # Where "Fragen Sie das Netzwerk" on an empty search page writes to.
            "HANSE_CONTACT_ADDRESS": self.contact_address,
            # Hub admins and tenant admins must pass a second factor (TOTP) for administration.
            "HANSE_MFA_REQUIRED_FOR_ADMINS": self.mfa_required_for_admins,
            # Client secrets of the tenants' single sign-on providers, by setting name
            # (HANSE_OIDC_<SLUG>_SECRET); which tenants have a provider is in the database.
            "HANSE_OIDC_SECRETS": dict(self.oidc_secrets),
            **self.extra,
        }


def _int(environ: dict, name: str, default: int) -> int:
    raw = environ.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise ConfigurationError(f"{name} must be a whole number, got {raw!r}") from exc
    if value <= 0:
        raise ConfigurationError(f"{name} must be positive, got {value}")
    return value


def _non_negative(environ: dict, name: str) -> int:
    raw = environ.get(name) or "0"
    if not raw.isdigit():
        raise ConfigurationError(f"{name} must be a whole number ≥ 0, got {raw!r}")
    return int(raw)


def _read_only(environ: dict) -> bool:
    """``HANSE_READ_ONLY=true`` freezes the hub (see docs/export.md), whatever the database says."""
    value = (environ.get("HANSE_READ_ONLY") or "false").strip().lower()
    if value not in ("true", "false", "1", "0", "yes", "no", "on", "off"):
        raise ConfigurationError(f"HANSE_READ_ONLY must be true or false, got {value!r}")
    return value in ("true", "1", "yes", "on")


def _rate_limits(environ: dict) -> dict:
    """``HANSE_RATE_LIMITS=off`` switches limiting off (e.g. for a fuzzing run)."""
    switch = (environ.get("HANSE_RATE_LIMITS") or "on").strip().lower()
    if switch not in ("on", "off"):
        raise ConfigurationError(f"HANSE_RATE_LIMITS must be on or off, got {switch!r}")
    limits = {"enabled": switch == "on"}
    for kind in ("login", "write", "search"):
        value = environ.get(f"HANSE_RATE_LIMIT_{kind.upper()}")
        if value:
            limits[kind] = value
    return limits


def _mail(environ: dict, env: str) -> dict:
    """Outgoing e-mail, and the public address (``HANSE_BASE_URL``) that links in e-mails use.

    Without ``HANSE_BASE_URL`` (development) links use the request's own address. A production
    hub that sends e-mail must name its sender and its public address: a reset link built from
    a forged Host header would send the reset token to someone else's server.
    """
    server = (environ.get("HANSE_MAIL_SERVER") or "").strip() or None
    use_tls = (environ.get("HANSE_MAIL_USE_TLS") or "true").strip().lower()
    if use_tls not in ("true", "false", "1", "0", "yes", "no", "on", "off"):
        raise ConfigurationError(f"HANSE_MAIL_USE_TLS must be true or false, got {use_tls!r}")
    base_url = (environ.get("HANSE_BASE_URL") or "").strip().rstrip("/") or None
    if base_url and not base_url.startswith(("https://", "http://")):
        raise ConfigurationError(f"HANSE_BASE_URL must start with https://, got {base_url!r}")
    sender = (environ.get("HANSE_MAIL_SENDER") or "").strip() or None
    security_contact = (environ.get("HANSE_SECURITY_CONTACT") or "").strip() or None
    if security_contact and not security_contact.startswith(("mailto:", "https://")):
        raise ConfigurationError(
            "HANSE_SECURITY_CONTACT must start with mailto: or https:// (RFC 9116), "
            f"got {security_contact!r}"
        )
    if env == "production" and server and not (sender and base_url):
        raise ConfigurationError(
            "HANSE_MAIL_SERVER is set: also set HANSE_MAIL_SENDER (the From address) and "
            "HANSE_BASE_URL (the hub's public address, e.g. https://hub.smarte-hanse.de), "
            "which the links in e-mails use."
        )
    mail = {
        "server": server,
        "port": _int(environ, "HANSE_MAIL_PORT", 587),
        "username": environ.get("HANSE_MAIL_USERNAME") or None,
        "password": environ.get("HANSE_MAIL_PASSWORD") or None,
        "use_tls": use_tls in ("true", "1", "yes", "on"),
        "base_url": base_url,
        "security_contact": security_contact,
    }
    if sender:
        mail["sender"] = sender
    return mail


# A production secret key must be long enough not to be guessed, and no value that was ever
# printed in the documentation or the testing configuration.
MIN_SECRET_KEY_BYTES = 32
KNOWN_EXAMPLE_SECRETS = frozenset(
    {"testing-secret-key-not-for-production", "change-me", "changeme", "secret", "dev"}
)


def _secret_key(environ: dict, env: str, data_dir: Path) -> str:
    key = environ.get("HANSE_SECRET_KEY", "").strip()
    if key and env == "production":
        if key in KNOWN_EXAMPLE_SECRETS:
            raise ConfigurationError(
                "HANSE_SECRET_KEY is an example value from the documentation: set a random one, "
                "e.g. `python -c 'import secrets; print(secrets.token_urlsafe(48))'`."
            )
        if len(key.encode()) < MIN_SECRET_KEY_BYTES:
            raise ConfigurationError(
                f"HANSE_SECRET_KEY is too short ({len(key.encode())} bytes): a production hub "
                f"needs at least {MIN_SECRET_KEY_BYTES}, e.g. "
                "`python -c 'import secrets; print(secrets.token_urlsafe(48))'`."
            )
    if key:
        return key
    if env == "production":
        raise ConfigurationError(
            "HANSE_SECRET_KEY is not set. A production hub needs a long random secret, e.g. "
            "`python -c 'import secrets; print(secrets.token_urlsafe(48))'`."
        )
    if env == "testing":
        return "testing-secret-key-not-for-production"
    # Development keeps one generated key in the data folder, so logins survive restarts.
    key_file = data_dir / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key


def _contact_address(environ: dict) -> str | None:
    """``HANSE_CONTACT_ADDRESS``: the e-mail address to ask the network (optional)."""
    address = (environ.get("HANSE_CONTACT_ADDRESS") or "").strip()
    if not address:
        return None
    local, at, domain = address.rpartition("@")
    if (
        not at
        or not local
        or "." not in domain
        or any(c.isspace() or c in "<>,;?" for c in address)
    ):
        raise ConfigurationError(
            f"HANSE_CONTACT_ADDRESS must be one e-mail address, e.g. netzwerk@smarte-hanse.de, "
            f"got {address!r}"
        )
    return address


def _mfa_required_for_admins(environ: dict, env: str) -> bool:
    """``HANSE_MFA_FOR_ADMINS``: ``required`` (default) or ``optional``. The test suite's
    default is ``optional`` (its own MFA tests switch it on): other tests log admins in with
    a password only."""
    default = "optional" if env == "testing" else "required"
    value = (environ.get("HANSE_MFA_FOR_ADMINS") or default).strip().lower()
    if value not in ("required", "optional"):
        raise ConfigurationError(
            f"HANSE_MFA_FOR_ADMINS must be required or optional, got {value!r}"
        )
    return value == "required"


def load_settings(environ: dict | None = None, **overrides) -> Settings:
    """Build the settings from ``environ`` (default: ``os.environ``) plus explicit overrides."""
    environ = dict(os.environ if environ is None else environ)
    env = environ.get("HANSE_ENV", "development").strip() or "development"
    if env not in ENVIRONMENTS:
        raise ConfigurationError(f"HANSE_ENV must be one of {', '.join(ENVIRONMENTS)}, got {env!r}")
    data_dir = Path(environ.get("HANSE_DATA_DIR") or "./instance").resolve()
    database_url = (
        environ.get("HANSE_DATABASE_URL") or f"sqlite:///{data_dir / 'hanse_hub.sqlite3'}"
    )
    if database_url.startswith("postgres://"):
        database_url = "postgresql://" + database_url.removeprefix("postgres://")
    if database_url.startswith("postgresql://"):
        database_url = "postgresql+psycopg://" + database_url.removeprefix("postgresql://")
    search_backend = environ.get("HANSE_SEARCH_BACKEND", "whoosh").strip() or "whoosh"
    if search_backend not in SEARCH_BACKENDS:
        raise ConfigurationError(
            f"HANSE_SEARCH_BACKEND must be one of {', '.join(SEARCH_BACKENDS)}, "
            f"got {search_backend!r}"
        )
    if search_backend == "postgres" and not database_url.startswith("postgresql"):
        raise ConfigurationError(
            "HANSE_SEARCH_BACKEND=postgres keeps the index in the PostgreSQL database: "
            "set HANSE_DATABASE_URL to a PostgreSQL database, or use the whoosh backend."
        )
    search_indexing = environ.get("HANSE_SEARCH_INDEXING", "inline").strip() or "inline"
    if search_indexing not in SEARCH_INDEXING:
        raise ConfigurationError(
            f"HANSE_SEARCH_INDEXING must be one of {', '.join(SEARCH_INDEXING)}, "
            f"got {search_indexing!r}"
        )
    settings = dict(
        env=env,
        data_dir=data_dir,
        database_url=database_url,
        secret_key=_secret_key(environ, env, data_dir),
        search_backend=search_backend,
        search_indexing=search_indexing,
        max_upload_bytes=_int(environ, "HANSE_MAX_UPLOAD_MB", 20) * 1024 * 1024,
        session_lifetime_hours=_int(environ, "HANSE_SESSION_LIFETIME_HOURS", 12),
        remember_days=_int(environ, "HANSE_REMEMBER_DAYS", 14),
        redis_url=environ.get("HANSE_REDIS_URL") or None,
        trusted_proxies=_non_negative(environ, "HANSE_TRUSTED_PROXIES"),
        # Tests apply index jobs themselves; a background thread would race their transactions.
        index_recovery_seconds=_non_negative(environ, "HANSE_INDEX_RECOVERY_SECONDS")
        if environ.get("HANSE_INDEX_RECOVERY_SECONDS") or env == "testing"
        else DEFAULT_INDEX_RECOVERY_SECONDS,
        # Tests switch the visitors' page cache on where they test it.
        page_cache_seconds=_non_negative(environ, "HANSE_PAGE_CACHE_SECONDS")
        if environ.get("HANSE_PAGE_CACHE_SECONDS") or env == "testing"
        else DEFAULT_PAGE_CACHE_SECONDS,
        rate_limits=_rate_limits(environ),
        mail=_mail(environ, env),
        contact_address=_contact_address(environ),
        read_only=_read_only(environ),
        mfa_required_for_admins=_mfa_required_for_admins(environ, env),
        oidc_secrets={
            name: value.strip()
            for name, value in environ.items()
            if name.startswith("HANSE_OIDC_") and name.endswith("_SECRET") and value.strip()
        },
    )
    settings.update(overrides)
    return Settings(**settings)
