"""Is the hub frozen, and the operator's switch.

Frozen means: every write of the web interface, the API and the command line is refused,
except logging in and out (login sessions and the audit of failed logins), ``hub freeze off``,
export, backup and restore. Two switches: ``hub freeze on|off`` (a flag in the database, so
that every process sees it) and ``HANSE_READ_ONLY=true`` (which wins).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask import current_app, g, has_request_context

from hanse_hub.database import utcnow, write_transaction
from hanse_hub.extensions import db
from hanse_hub.freeze.models import FROZEN, HubFlag


class HubFrozen(RuntimeError):
    """A write was attempted while the hub is frozen."""


@dataclass(frozen=True)
class FreezeState:
    frozen: bool
    by_environment: bool = False
    since: datetime | None = None


NOT_FROZEN = FreezeState(frozen=False)


def _read_state() -> FreezeState:
    flag = db.session.get(HubFlag, FROZEN)
    since = flag.changed_at if flag is not None and flag.value == "on" else None
    if current_app.config.get("HANSE_READ_ONLY"):
        return FreezeState(frozen=True, by_environment=True, since=since)
    return FreezeState(frozen=True, since=since) if since else NOT_FROZEN


def freeze_state() -> FreezeState:
    """The freeze as of now (read once per request)."""
    if has_request_context():
        if "freeze_state" not in g:
            g.freeze_state = _read_state()
        return g.freeze_state
    return _read_state()


def set_frozen(on: bool) -> FreezeState:
    """Switch the freeze recorded in the database (``HANSE_READ_ONLY=true`` still wins)."""
    with write_transaction():
        flag = db.session.get(HubFlag, FROZEN)
        if flag is None:
            flag = HubFlag(key=FROZEN, value="off", changed_at=utcnow())
            db.session.add(flag)
        wanted = "on" if on else "off"
        if flag.value != wanted:
            flag.value, flag.changed_at = wanted, utcnow()
    if has_request_context():
        g.pop("freeze_state", None)
    return _read_state()
