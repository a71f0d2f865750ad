"""Time as the hub's people live it: the Europe/Berlin time zone, and today's date there.

Stored moments are UTC (``database.utcnow``); dates people type and read are local to the
four cities, which share one time zone.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

BERLIN = ZoneInfo("Europe/Berlin")


def berlin_today() -> date:
    """Today's date in Rostock, Lübeck, Stralsund and Wismar."""
    return datetime.now(BERLIN).date()


def berlin_to_utc(value: datetime | None) -> datetime | None:
    """A local date-time typed in Rostock (Europe/Berlin) as the UTC moment it means."""
    if value is None:
        return None
    return value.replace(tzinfo=BERLIN).astimezone(UTC)


def utc_to_berlin(value: datetime | None) -> datetime | None:
    """A stored UTC moment as the local date-time for a ``datetime-local`` input."""
    if value is None:
        return None
    return value.astimezone(BERLIN).replace(tzinfo=None, second=0, microsecond=0)
