"""iCalendar (RFC 5545) files of events: one event, or a feed of many.

Times are written in the ``Europe/Berlin`` time zone with its ``VTIMEZONE`` (the EU rule of
summer time as ``RRULE``s, as calendar programs write it themselves), so a calendar shows the
local time of the four cities wherever it runs. An event that begins at midnight and ends at
midnight or at 23:59 (local time) is an all-day event: it is written with dates
(``VALUE=DATE``, the end exclusive), over one day or several.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta

from icalendar import Calendar, Timezone, TimezoneDaylight, TimezoneStandard, vRecur
from icalendar import Event as VEvent
from sqlalchemy.orm import selectinload

from hanse_hub.clock import BERLIN
from hanse_hub.content.models import EntryKind, EntryStatus, Event
from hanse_hub.content.services import visible_entries
from hanse_hub.database import utcnow
from hanse_hub.extensions import db
from hanse_hub.policy import Actor
from hanse_hub.tenants.models import Tenant

PRODUCT_ID = "-//Smarte Hanse//hanse_hub//DE"
TZID = "Europe/Berlin"
MEDIA_TYPE = "text/calendar"
# A feed holds the events of the last year and all to come (calendar programs poll it often).
FEED_PAST = timedelta(days=365)
FEED_LIMIT = 2000
# The last minute of a day, as people type the end of an all-day event.
END_OF_DAY = (time(0, 0), time(23, 59))


def berlin_timezone() -> Timezone:
    """``VTIMEZONE`` of Europe/Berlin: CET, and CEST from the last Sunday of March (02:00) to
    the last Sunday of October (03:00) – the rule in force since 1996."""
    zone = Timezone()
    zone.add("tzid", TZID)
    standard = TimezoneStandard()
    standard.add("dtstart", datetime(1996, 10, 27, 3, 0))
    standard.add("rrule", vRecur(freq="YEARLY", bymonth=10, byday="-1SU"))
    standard.add("tzoffsetfrom", timedelta(hours=2))
    standard.add("tzoffsetto", timedelta(hours=1))
    standard.add("tzname", "CET")
    daylight = TimezoneDaylight()
    daylight.add("dtstart", datetime(1981, 3, 29, 2, 0))
    daylight.add("rrule", vRecur(freq="YEARLY", bymonth=3, byday="-1SU"))
    daylight.add("tzoffsetfrom", timedelta(hours=1))
    daylight.add("tzoffsetto", timedelta(hours=2))
    daylight.add("tzname", "CEST")
    zone.add_component(standard)
    zone.add_component(daylight)
    return zone


def all_day_span(event: Event) -> tuple[date, date] | None:
    """(first day, day after the last day) of an all-day event in Berlin, else None."""
    start = event.starts_at.astimezone(BERLIN)
    end = event.ends_at.astimezone(BERLIN)
    if start.time() != time(0, 0) or end.time().replace(second=0, microsecond=0) not in END_OF_DAY:
        return None
    last = end.date() if end.time() != time(0, 0) else end.date() - timedelta(days=1)
    if last < start.date():
        return None
    return start.date(), last + timedelta(days=1)


def uid_of(event: Event) -> str:
    """Stable across renames and moves: the entry's UUID."""
    return f"{event.uuid}@hanse-hub"


def _component(event: Event, link: Callable[[Event], str], stamp: datetime) -> VEvent:
    component = VEvent()
    component.add("uid", uid_of(event))
    component.add("dtstamp", stamp)
    span = all_day_span(event)
    if span is not None:
        component.add("dtstart", span[0])
        component.add("dtend", span[1])
    else:
        component.add("dtstart", event.starts_at.astimezone(BERLIN))
        component.add("dtend", event.ends_at.astimezone(BERLIN))
    language = {"language": event.language}
    component.add("summary", event.title, parameters=language)
    description = "\n\n".join(
        part for part in (event.summary.strip(), event.organiser.strip()) if part
    )
    if description:
        component.add("description", description, parameters=language)
    if event.place.strip():
        component.add("location", event.place.strip(), parameters=language)
    component.add("url", link(event))
    if event.topics:
        component.add("categories", [topic.name(event.language) for topic in event.topics])
    component.add("last-modified", event.updated_at)
    component.add("created", event.created_at)
    component.add("sequence", max(event.version - 1, 0))
    component.add("status", "CONFIRMED")
    component.add("class", "PUBLIC" if event.visibility == "public" else "PRIVATE")
    return component


def calendar_of(
    events: Iterable[Event],
    *,
    name: str,
    link: Callable[[Event], str],
    stamp: datetime | None = None,
) -> bytes:
    """An iCalendar file of ``events`` (the caller chose which it may show)."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TZID)
    calendar.add_component(berlin_timezone())
    stamp = stamp or utcnow()
    for event in events:
        calendar.add_component(_component(event, link, stamp))
    return calendar.to_ical()


def feed_events(actor: Actor, *, tenant: Tenant | None = None) -> list[Event]:
    """The events of a feed: what ``actor`` may see, published or archived (never a draft),
    from a year ago on, soonest first."""
    query = (
        visible_entries(actor, kind=EntryKind.EVENT, tenant=tenant)
        .where(Event.status != EntryStatus.DRAFT, Event.ends_at >= utcnow() - FEED_PAST)
        .options(selectinload(Event.topics), selectinload(Event.tenant))
        .order_by(None)
        .order_by(Event.starts_at, Event.id)
        .limit(FEED_LIMIT)
    )
    return list(db.session.scalars(query))
