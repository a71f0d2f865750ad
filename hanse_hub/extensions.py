"""Extension objects, created unbound; ``create_app`` binds them."""

from flask import g, request
from flask_babel import Babel
from flask_limiter import Limiter
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

# Stable constraint names, so that Alembic migrations work on SQLite and PostgreSQL alike.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()


def _rate_limit_key() -> str:
    """Per personal access token when the API is called with one, otherwise per address."""
    token = getattr(g, "api_token", None)
    return f"token:{token.id}" if token is not None else f"addr:{request.remote_addr}"


limiter = Limiter(key_func=_rate_limit_key)


def configured_limit(kind: str):
    """A limit read from the configuration at request time (login, write or search)."""
    from flask import current_app

    return lambda: current_app.config[f"HANSE_RATE_LIMIT_{kind.upper()}"]
