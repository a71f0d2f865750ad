"""Expert finder, events, topic and city pages list exactly what the viewer may see."""

from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest
from flask import current_app
from sqlalchemy import select

from hanse_hub.accounts.models import Role
from hanse_hub.content.attachments import AttachmentMetadata, add_attachment
from hanse_hub.content.models import Topic
from hanse_hub.content.storage import storage_for
from hanse_hub.database import utcnow
from hanse_hub.policy import Actor
from hanse_hub.tenants.models import TenantKind


@pytest.fixture
def rostock(factory):
    return factory.tenant("rostock", official_name="Hanse- und Universitätsstadt Rostock",
                          short_name="Rostock", colour="#004b87")  # fmt: skip


@pytest.fixture
def wismar(factory):
    return factory.tenant("wismar", official_name="Hansestadt Wismar", short_name="Wismar")


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return response.get_data(as_text=True)


def _main(html: str) -> str:
    """The page's main landmark, without header and footer links."""
    return re.search(r"<main.*?</main>", html, re.S).group(0)


def _contact(factory, tenant, name, **values):
    values.setdefault("position", "Sachgebietsleitung")
    return factory.entry(tenant, kind="contact", person_name=name, title=name, **values)


# -- expert finder --------------------------------------------------------------------------------


def test_expert_finder_shows_name_position_unit_city_and_expertise_with_a_link(
    client, factory, rostock
):
    contact = _contact(
        factory,
        rostock,
        "Malte Hinrichsen",
        position="Sachgebietsleiter Verkehrssteuerung",
        org_unit="Amt für Mobilität",
        expertise=["Parkraummanagement", "LoRaWAN-Sensorik"],
    )
    factory.session.commit()
    page = _page(client, "/expertinnen")
    for text in (
        "Malte Hinrichsen",
        "Sachgebietsleiter Verkehrssteuerung",
        "Amt für Mobilität",
        "Hanse- und Universitätsstadt Rostock",
        "Parkraummanagement, LoRaWAN-Sensorik",
    ):
        assert text in page
    assert f'href="/t/rostock/{contact.slug}"' in page


def test_expert_finder_filters_by_topic_and_by_city(client, factory, rostock, wismar):
    _contact(factory, rostock, "Jana Kruse", topics=["mobilitaet"])
    _contact(factory, rostock, "Ole Brandt", topics=["energie"])
    _contact(factory, wismar, "Lena Voss", topics=["mobilitaet"])
    factory.session.commit()

    by_topic = _main(_page(client, "/expertinnen?thema=mobilitaet"))
    assert "Jana Kruse" in by_topic and "Lena Voss" in by_topic and "Ole Brandt" not in by_topic

    by_city = _main(_page(client, "/expertinnen?stadt=wismar"))
    assert "Lena Voss" in by_city and "Jana Kruse" not in by_city

    both = _main(_page(client, "/expertinnen?stadt=rostock&thema=mobilitaet"))
    assert "Jana Kruse" in both and "Lena Voss" not in both and "Ole Brandt" not in both
    assert "1 Ansprechperson für Mobilität – Rostock" in both


def test_expert_finder_marks_the_active_filters_with_aria_current(client, factory, rostock):
    _contact(factory, rostock, "Jana Kruse", topics=["mobilitaet"])
    factory.session.commit()
    page = _page(client, "/expertinnen?thema=mobilitaet")
    assert re.search(r'href="/expertinnen\?thema=mobilitaet" aria-current="true"', page)
    # No city chosen: "all cities" is the active choice, and keeps the topic.
    assert re.search(
        r'href="/expertinnen\?thema=mobilitaet" aria-current="true"[^>]*>Alle Städte', page
    )
    assert 'href="/expertinnen?thema=mobilitaet&amp;stadt=rostock"' in page


def test_expert_finder_hides_internal_contacts_from_outsiders_but_shows_them_to_members(
    client, factory, rostock, wismar
):
    _contact(factory, rostock, "Öffentliche Person")
    _contact(factory, rostock, "Interne Person", visibility="internal")
    outsider = factory.user(wismar, Role.READER)
    member = factory.user(rostock, Role.READER)
    factory.session.commit()

    anonymous = _page(client, "/expertinnen")
    assert "Öffentliche Person" in anonymous and "Interne Person" not in anonymous

    factory.login(client, outsider)
    assert "Interne Person" not in _page(client, "/expertinnen")

    member_client = client.application.test_client()
    factory.login(member_client, member)
    assert "Interne Person" in _page(member_client, "/expertinnen?stadt=rostock")


def test_expert_finder_lists_neither_drafts_nor_archived_contacts(client, factory, rostock):
    editor = factory.user(rostock, Role.EDITOR)
    _contact(factory, rostock, "Entwurf Person", author=editor, status="draft")
    _contact(factory, rostock, "Archiv Person", author=editor, status="archived")
    _contact(factory, rostock, "Aktive Person", author=editor)
    factory.session.commit()
    factory.login(client, editor)  # an editor sees the draft on its own page, not in the finder
    page = _page(client, "/expertinnen")
    assert "Aktive Person" in page
    assert "Entwurf Person" not in page and "Archiv Person" not in page


def test_expert_finder_has_an_empty_state_and_a_no_match_message(client, factory, rostock):
    factory.session.commit()
    assert "Noch sind keine Ansprechpersonen für Sie sichtbar" in _page(client, "/expertinnen")

    _contact(factory, rostock, "Jana Kruse", topics=["energie"])
    factory.session.commit()
    page = _page(client, "/expertinnen?thema=mobilitaet&stadt=rostock")
    assert "Für diese Auswahl gibt es keine Ansprechpersonen" in page
    assert "Jana Kruse" not in _main(page)


def test_expert_finder_pages_through_many_contacts(client, factory, rostock):
    for number in range(23):
        _contact(factory, rostock, f"Person {number:02d}")
    factory.session.commit()
    first = _main(_page(client, "/expertinnen"))
    assert "Person 00" in first and "Person 19" in first and "Person 20" not in first
    assert 'href="/expertinnen?seite=2"' in first
    second = _main(_page(client, "/expertinnen?seite=2"))
    assert "Person 20" in second and "Person 22" in second and "Person 00" not in second
    assert client.get("/expertinnen?seite=3").status_code == 404


# -- events ---------------------------------------------------------------------------------------


def _event(factory, tenant, title, *, days_from_now, **values):
    starts = utcnow() + timedelta(days=days_from_now)
    return factory.entry(
        tenant,
        kind="event",
        title=title,
        starts_at=starts,
        ends_at=starts + timedelta(hours=6),
        **values,
    )


def _upload(editor, entry, name):
    return add_attachment(
        Actor.of(editor),
        entry,
        io.BytesIO(b"Vortragsfolien als Text.\n"),
        AttachmentMetadata(filename=name, description="Folien"),
        storage=storage_for(current_app),
        max_bytes=1024 * 1024,
    )


def test_events_page_lists_upcoming_soonest_first_and_past_latest_first(client, factory, rostock):
    _event(factory, rostock, "Werkstatt nächste Woche", days_from_now=7)
    _event(factory, rostock, "Fachtag übernächster Monat", days_from_now=60)
    _event(factory, rostock, "Treffen letzten Monat", days_from_now=-30)
    _event(factory, rostock, "Treffen letztes Jahr", days_from_now=-400, status="archived")
    factory.session.commit()
    page = _main(_page(client, "/veranstaltungen"))
    upcoming, past = page.split('id="vergangene"')
    assert upcoming.index("Werkstatt nächste Woche") < upcoming.index("Fachtag übernächster")
    assert "Treffen" not in upcoming
    assert past.index("Treffen letzten Monat") < past.index("Treffen letztes Jahr")
    assert "Archiviert" in past


def test_events_page_shows_visible_materials_with_their_files_and_hides_the_rest(
    client, factory, rostock, wismar
):
    editor = factory.user(rostock, Role.EDITOR)
    event = _event(factory, rostock, "Werkstatt LoRaWAN", days_from_now=-3, author=editor)
    slides = factory.entry(
        rostock, kind="material", author=editor, title="Vortrag Funkplanung", event_id=event.id
    )
    file = _upload(editor, slides, "funkplanung.txt")
    factory.entry(
        rostock,
        kind="material",
        author=editor,
        title="Internes Protokoll",
        visibility="internal",
        event_id=event.id,
    )
    factory.entry(
        rostock,
        kind="material",
        author=editor,
        title="Unfertiger Entwurf",
        status="draft",
        event_id=event.id,
    )
    outsider = factory.user(wismar, Role.READER)
    factory.session.commit()

    page = _page(client, "/veranstaltungen")
    assert "Vortrag Funkplanung" in page and f'href="/t/rostock/{slides.slug}"' in page
    assert f'href="/dateien/{file.id}"' in page and "funkplanung.txt" in page
    assert "Internes Protokoll" not in page and "Unfertiger Entwurf" not in page

    factory.login(client, outsider)
    assert "Internes Protokoll" not in _page(client, "/veranstaltungen")
    member = client.application.test_client()
    factory.login(member, editor)
    seen_by_editor = _page(member, "/veranstaltungen")
    assert "Internes Protokoll" in seen_by_editor and "Unfertiger Entwurf" in seen_by_editor


def test_events_page_hides_internal_events_from_outsiders(client, factory, rostock):
    _event(factory, rostock, "Internes Arbeitstreffen", days_from_now=5, visibility="internal")
    factory.session.commit()
    assert "Internes Arbeitstreffen" not in _page(client, "/veranstaltungen")


def test_events_page_shows_times_in_berlin_time(client, factory, rostock):
    from datetime import UTC, datetime

    starts = datetime(utcnow().year + 1, 7, 1, 7, 0, tzinfo=UTC)  # summer: UTC+2
    factory.entry(
        rostock, kind="event", title="Sommerwerkstatt", starts_at=starts,
        ends_at=starts + timedelta(hours=8),
    )  # fmt: skip
    factory.session.commit()
    page = _page(client, "/veranstaltungen")
    assert f"01.07.{starts.year}, 09:00 bis 17:00 Uhr" in page


def test_the_regional_conference_stands_out_on_the_events_page(client, factory, rostock):
    office = factory.tenant("smarte-hanse", short_name="Smarte Hanse", kind=TenantKind.ALLIANCE)
    _event(factory, office, "Smarte-Hanse-Konferenz", days_from_now=30)
    _event(factory, rostock, "Werkstatt Sensorik", days_from_now=10)
    factory.session.commit()
    page = _main(_page(client, "/veranstaltungen"))
    teaser = page.split('id="kommende"')[0]
    assert "Die nächste Regionalkonferenz" in teaser and "Smarte-Hanse-Konferenz" in teaser
    assert "Werkstatt Sensorik" not in teaser
    assert page.count('class="card event-card conference"') == 1
    assert "Regionalkonferenz</span>" in page


def test_events_page_shows_a_translation_with_its_original_not_on_its_own(client, factory, rostock):
    editor = factory.user(rostock, Role.EDITOR)
    original = _event(factory, rostock, "Werkstatt Daten", days_from_now=14, author=editor)
    translation = _event(
        factory,
        rostock,
        "Data workshop",
        days_from_now=14,
        author=editor,
        language="en",
        translation_of_id=original.id,
    )
    factory.session.commit()
    page = _main(_page(client, "/veranstaltungen"))
    assert page.count('class="card event-card') == 1
    assert f'href="/t/rostock/{translation.slug}" hreflang="en" lang="en">English</a>' in page


def test_events_page_has_empty_states(client, factory):
    factory.session.commit()
    page = _page(client, "/veranstaltungen")
    assert "Zurzeit sind keine kommenden Veranstaltungen eingetragen" in page
    assert "Noch keine vergangenen Veranstaltungen" in page


# -- topics ---------------------------------------------------------------------------------------


def test_topic_index_links_every_topic_to_its_page(client, factory):
    factory.session.commit()
    page = _page(client, "/themen")
    for slug in factory.session.scalars(select(Topic.slug)):
        assert f'href="/themen/{slug}"' in page


def test_topic_page_lists_only_visible_entries_grouped_by_kind(client, factory, rostock, wismar):
    factory.entry(rostock, title="Parkraum mit Sensoren", topics=["mobilitaet"])
    factory.entry(rostock, kind="lesson", title="Batterien im Winter", topics=["mobilitaet"])
    factory.entry(rostock, title="Geheime Vergabe", topics=["mobilitaet"], visibility="internal")
    factory.entry(rostock, title="Netzwerkwissen", topics=["mobilitaet"], visibility="network")
    factory.entry(rostock, title="Solarstrom", topics=["energie"])
    _contact(factory, wismar, "Lena Voss", topics=["mobilitaet"])
    member = factory.user(rostock, Role.READER)
    factory.session.commit()

    page = _main(_page(client, "/themen/mobilitaet"))
    assert "<h1>Mobilität</h1>" in page
    solutions, rest = page.split('id="art-lesson"')
    assert "Parkraum mit Sensoren" in solutions and "Batterien im Winter" in rest
    assert "Lena Voss" in page.split('id="art-contact"')[-1]
    assert "Geheime Vergabe" not in page and "Netzwerkwissen" not in page
    assert "Solarstrom" not in page

    factory.login(client, member)
    seen_by_member = _page(client, "/themen/mobilitaet")
    assert "Geheime Vergabe" in seen_by_member and "Netzwerkwissen" in seen_by_member


def test_topic_page_offers_a_search_in_the_topic_and_its_contacts(client, factory, rostock):
    _contact(factory, rostock, "Jana Kruse", topics=["mobilitaet"])
    factory.session.commit()
    page = _page(client, "/themen/mobilitaet")
    assert '<label for="thema-suche">Suche in diesem Handlungsfeld</label>' in page
    assert '<input type="hidden" name="thema" value="mobilitaet">' in page
    assert 'href="/expertinnen?thema=mobilitaet"' in page


def test_topic_page_says_so_when_nothing_is_visible(client, factory, rostock):
    factory.entry(rostock, title="Geheim", topics=["energie"], visibility="internal")
    factory.session.commit()
    page = _page(client, "/themen/energie")
    assert "noch keine für Sie sichtbaren Einträge" in page and "Geheim" not in page


def test_home_page_links_topics_to_their_topic_pages(client, factory):
    factory.session.commit()
    page = _page(client, "/")
    assert 'href="/themen/mobilitaet"' in page
    assert "/suche?thema=" not in page


# -- city pages -----------------------------------------------------------------------------------


def test_city_page_counts_entries_per_kind_and_offers_a_search_in_the_city(
    client, factory, rostock
):
    for number in range(22):
        factory.entry(rostock, title=f"Lösung {number}")
    _contact(factory, rostock, "Jana Kruse")
    factory.entry(rostock, title="Intern", visibility="internal")
    factory.session.commit()
    page = _page(client, "/t/rostock")
    assert '<a href="/suche?stadt=rostock">In Rostock suchen</a>' in page
    assert '<a href="#art-solution">22 Lösungen</a>' in page
    assert '<a href="#art-contact">1 Kontakt</a>' in page
    assert 'href="/suche?stadt=rostock&amp;art=solution">Alle 22 Lösungen' in page
    assert 'href="/expertinnen?stadt=rostock"' in page


def test_city_page_of_a_partner_offers_a_search_in_its_entries(client, factory):
    factory.tenant("institut", short_name="Ostsee-Institut", kind=TenantKind.PARTNER)
    factory.session.commit()
    page = _page(client, "/t/institut")
    assert "In den Einträgen von Ostsee-Institut suchen" in page
