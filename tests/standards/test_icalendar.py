"""iCalendar files of events (/veranstaltungen.ics, /t/<stadt>/veranstaltungen.ics,
/t/<stadt>/<eintrag>/kalender.ics): valid for two parsers, in Berlin time, all-day and multi-day
events as dates, and only events the viewer may see."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest
import vobject

from hanse_hub.clock import BERLIN, berlin_to_utc


def berlin(*args) -> datetime:
    return berlin_to_utc(datetime(*args))


def event(factory, tenant, editor, title, start, end, **values):
    return factory.entry(
        tenant,
        kind="event",
        author=editor,
        title=title,
        starts_at=start,
        ends_at=end,
        **values,
    )


def parse_both(body: bytes):
    """The file as ``icalendar`` and as ``vobject`` read it (each raises on a broken file)."""
    return icalendar.Calendar.from_ical(body), vobject.readOne(body.decode("utf-8"))


def vevents(calendar: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(e["summary"]): e for e in calendar.walk("VEVENT")}


def test_an_event_file_parses_in_two_parsers_with_berlin_time(client, factory, rostock, editor):
    # 9:00 in May is 7:00 UTC (summer time); 9:00 in December is 8:00 UTC.
    summer = event(
        factory,
        rostock,
        editor,
        "Sommerfest",
        berlin(2027, 5, 12, 9),
        berlin(2027, 5, 12, 17),
        place="Rostock, Rathaus",
    )
    winter = event(
        factory, rostock, editor, "Winterfest", berlin(2027, 12, 8, 9), berlin(2027, 12, 8, 12)
    )
    for entry, utc_hour in ((summer, 7), (winter, 8)):
        response = client.get(f"/t/rostock/{entry.slug}/kalender.ics")
        assert response.status_code == 200
        assert response.mimetype == "text/calendar"
        ours, theirs = parse_both(response.data)
        assert [str(z["tzid"]) for z in ours.walk("VTIMEZONE")] == ["Europe/Berlin"]
        (component,) = ours.walk("VEVENT")
        start = component.decoded("dtstart")
        assert start.hour == 9 and str(component["dtstart"].params["TZID"]) == "Europe/Berlin"
        assert start.astimezone(UTC).hour == utc_hour
        assert theirs.vevent.dtstart.value.astimezone(UTC).hour == utc_hour
        assert theirs.vevent.summary.value == entry.title
        assert theirs.vevent.url.value.endswith(f"/t/rostock/{entry.slug}")
    assert (
        parse_both(client.get(f"/t/rostock/{summer.slug}/kalender.ics").data)[
            1
        ].vevent.location.value
        == "Rostock, Rathaus"
    )


def test_all_day_and_multi_day_events_are_written_as_dates(client, factory, rostock, editor):
    event(factory, rostock, editor, "Fachtag", berlin(2027, 3, 4, 0, 0), berlin(2027, 3, 4, 23, 59))
    event(factory, rostock, editor, "Hansetage", berlin(2027, 6, 1, 0, 0), berlin(2027, 6, 4, 0, 0))
    event(
        factory, rostock, editor, "Werkstatt", berlin(2027, 6, 1, 14, 0), berlin(2027, 6, 3, 12, 0)
    )
    ours, theirs = parse_both(client.get("/t/rostock/veranstaltungen.ics").data)
    found = vevents(ours)
    assert found["Fachtag"].decoded("dtstart") == date(2027, 3, 4)
    assert found["Fachtag"].decoded("dtend") == date(2027, 3, 5)  # the end is exclusive
    assert found["Fachtag"]["dtstart"].params["VALUE"] == "DATE"
    assert found["Hansetage"].decoded("dtstart") == date(2027, 6, 1)
    assert found["Hansetage"].decoded("dtend") == date(2027, 6, 4)
    werkstatt = found["Werkstatt"]
    assert werkstatt.decoded("dtstart") == datetime(2027, 6, 1, 14, 0, tzinfo=BERLIN)
    assert werkstatt.decoded("dtend") - werkstatt.decoded("dtstart") == timedelta(hours=46)
    assert sorted(v.summary.value for v in theirs.vevent_list) == [
        "Fachtag",
        "Hansetage",
        "Werkstatt",
    ]


def test_feeds_hold_only_the_events_the_viewer_may_see(client, factory, rostock, wismar, editor):
    start, end = berlin(2027, 2, 1, 10), berlin(2027, 2, 1, 12)
    event(factory, rostock, editor, "Öffentlich", start, end)
    event(factory, rostock, editor, "Netzwerk", start, end, visibility="network")
    internal = event(factory, rostock, editor, "Intern", start, end, visibility="internal")
    event(factory, rostock, editor, "Entwurf", start, end, status="draft")
    event(factory, wismar, None, "Wismarer Tag", start, end)
    event(factory, rostock, editor, "Lange her", berlin(2024, 1, 1, 10), berlin(2024, 1, 1, 12))

    def titles(path: str) -> set[str]:
        return set(vevents(icalendar.Calendar.from_ical(client.get(path).data)))

    assert titles("/veranstaltungen.ics") == {"Öffentlich", "Wismarer Tag"}
    assert titles("/t/rostock/veranstaltungen.ics") == {"Öffentlich"}
    assert client.get(f"/t/rostock/{internal.slug}/kalender.ics").status_code == 404

    factory.login(client, editor)
    # A member sees network and internal events; a draft is never in a feed.
    assert titles("/t/rostock/veranstaltungen.ics") == {"Öffentlich", "Netzwerk", "Intern"}
    assert client.get(f"/t/rostock/{internal.slug}/kalender.ics").status_code == 200


def test_calendar_files_of_non_events_and_unknown_cities_are_not_found(client, published_solution):
    assert client.get(f"/t/rostock/{published_solution.slug}/kalender.ics").status_code == 404
    assert client.get("/t/nirgendwo/veranstaltungen.ics").status_code == 404
    assert client.get("/t/rostock/gibt-es-nicht/kalender.ics").status_code == 404


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_events_pages_link_the_calendar_files(client, factory, rostock, editor, language):
    entry = event(
        factory, rostock, editor, "Hansetag", berlin(2027, 2, 1, 10), berlin(2027, 2, 1, 12)
    )
    page = client.get("/veranstaltungen", headers={"Accept-Language": language}).get_data(True)
    assert 'href="/veranstaltungen.ics"' in page
    assert 'href="/t/rostock/veranstaltungen.ics"' in page
    assert f'href="/t/rostock/{entry.slug}/kalender.ics"' in page
    assert f'href="/t/rostock/{entry.slug}/kalender.ics"' in client.get(
        f"/t/rostock/{entry.slug}"
    ).get_data(True)
    assert 'href="/t/rostock/veranstaltungen.ics"' in client.get("/t/rostock").get_data(True)
