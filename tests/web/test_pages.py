"""Pages: home, city pages and entry pages show exactly what the viewer may see."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from hanse_hub.accounts.models import Role
from hanse_hub.content import services as content
from hanse_hub.policy import Actor
from hanse_hub.web.markdown import render_markdown


@pytest.fixture
def rostock(factory):
    return factory.tenant(
        "rostock",
        official_name="Hanse- und Universitätsstadt Rostock",
        short_name="Rostock",
        colour="#004b87",
    )


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return response.get_data(as_text=True)


def test_home_lists_cities_and_public_entries_but_not_internal_ones(client, factory, rostock):
    factory.entry(rostock, title="Parkraummanagement mit Bodensensoren")
    factory.entry(rostock, title="Vergabevermerk Sensorik", visibility="internal")
    factory.session.commit()
    page = _page(client, "/")
    assert "Rostock" in page
    assert "Parkraummanagement mit Bodensensoren" in page
    assert "Vergabevermerk" not in page


def test_city_page_shows_its_entries_and_answers_404_for_unknown_cities(client, factory, rostock):
    factory.entry(rostock, title="Pegelsensoren")
    factory.session.commit()
    page = _page(client, "/t/rostock")
    assert "Hanse- und Universitätsstadt Rostock" in page and "Pegelsensoren" in page
    assert client.get("/t/atlantis").status_code == 404


def test_internal_entry_answers_404_to_outsiders_and_200_to_members(client, factory, rostock):
    member = factory.user(rostock, Role.READER)
    entry = factory.entry(rostock, title="Interne Notiz", visibility="internal")
    factory.session.commit()
    url = f"/t/rostock/{entry.slug}"
    assert client.get(url).status_code == 404
    factory.login(client, member)
    assert "Interne Notiz" in _page(client, url)


def test_old_permalink_redirects_permanently(client, factory, rostock):
    editor = factory.user(rostock, Role.EDITOR)
    entry = factory.entry(rostock, author=editor, title="Altes Thema")
    content.update_entry(Actor.of(editor), entry, {"title": "Neues Thema"})
    factory.session.commit()
    response = client.get("/t/rostock/altes-thema")
    assert response.status_code == 301
    assert response.headers["Location"].endswith("/t/rostock/neues-thema")


def test_markdown_is_rendered_and_sanitised(client, factory, rostock):
    body = "## Ablauf\n\n**Sensoren** <script>alert(1)</script> [x](javascript:alert(1))"
    entry = factory.entry(rostock, body=body)
    factory.session.commit()
    page = _page(client, f"/t/rostock/{entry.slug}")
    assert "<strong>Sensoren</strong>" in page
    assert "<script>alert" not in page and 'href="javascript:' not in page


def test_rendered_markdown_keeps_links_and_drops_event_handlers():
    html = str(render_markdown('[Rostock](https://rostock.example "Seite")\n\n<img onerror=x>'))
    assert 'href="https://rostock.example"' in html and 'rel="noopener noreferrer nofollow"' in html
    assert "<img" not in html and "&lt;img onerror=x&gt;" in html  # shown as text, inert


@pytest.mark.parametrize(
    ("markdown", "html"),
    [
        ("Autofahrer*innen und Anwohner*innen", "<p>Autofahrer*innen und Anwohner*innen</p>"),
        ("Bürger*in oder Nutzer*innenzahl", "<p>Bürger*in oder Nutzer*innenzahl</p>"),
        (
            "Expert*innen: *wichtig* und **fett**",
            "<p>Expert*innen: <em>wichtig</em> und <strong>fett</strong></p>",
        ),
        ("*innen* betont", "<p><em>innen</em> betont</p>"),
        ("`a*innen b*innen`", "<p><code>a*innen b*innen</code></p>"),
    ],
)
def test_the_gender_star_is_text_not_emphasis(markdown, html):
    assert str(render_markdown(markdown)).strip() == html


def test_archived_entries_carry_a_notice(client, factory, rostock):
    entry = factory.entry(rostock, status="archived")
    factory.session.commit()
    assert "Dieser Eintrag ist archiviert" in _page(client, f"/t/rostock/{entry.slug}")


def test_a_public_lesson_hides_its_link_to_an_internal_solution(client, factory, rostock):
    editor = factory.user(rostock, Role.EDITOR)
    secret = factory.entry(rostock, author=editor, title="Geheime Lösung", visibility="internal")
    lesson = factory.entry(
        rostock, kind="lesson", author=editor, title="Offene Erfahrung", solution_ids=[secret.id]
    )
    factory.session.commit()
    page = _page(client, f"/t/rostock/{lesson.slug}")
    assert "Offene Erfahrung" in page and "Geheime Lösung" not in page
    factory.login(client, editor)
    assert "Geheime Lösung" in _page(client, f"/t/rostock/{lesson.slug}")


def test_event_times_are_shown_in_berlin_time(client, factory, rostock):
    event = factory.entry(
        rostock,
        kind="event",
        starts_at=datetime(2026, 5, 12, 7, 0, tzinfo=UTC),
        ends_at=datetime(2026, 5, 12, 15, 30, tzinfo=UTC),
    )
    factory.session.commit()
    page = _page(client, f"/t/rostock/{event.slug}")
    assert "12.05.2026, 09:00 bis 17:30 Uhr" in page


def test_solution_page_says_where_it_is_in_use(client, factory, rostock):
    from datetime import date

    from hanse_hub.content.adoptions import record_adoption

    wismar = factory.tenant("wismar", short_name="Wismar")
    solution = factory.entry(rostock, title="Parkraum")
    record_adoption(
        Actor.of(factory.user(wismar, Role.EDITOR)),
        wismar,
        solution.id,
        {"status": "adopted", "decided_on": date(2025, 2, 1), "visibility": "public"},
    )
    factory.session.commit()
    assert "Wismar nutzt die Lösung (seit 2025)" in _page(client, f"/t/rostock/{solution.slug}")


def test_every_response_carries_the_security_headers(client, factory, rostock):
    for url in ("/", "/t/rostock", "/anmelden", "/gibt-es-nicht"):
        headers = client.get(url).headers
        csp = headers["Content-Security-Policy"]
        assert "object-src 'none'" in csp and "frame-ancestors 'none'" in csp
        assert "base-uri 'none'" in csp and "'unsafe-inline'" not in csp
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"]


def test_pages_for_logged_in_users_are_not_cached(client, factory, rostock):
    user = factory.user(rostock, Role.READER)
    factory.session.commit()
    assert "no-store" not in client.get("/").headers.get("Cache-Control", "")
    factory.login(client, user)
    assert client.get("/").headers["Cache-Control"] == "no-store"


def test_errors_are_german_pages_or_problem_json(client):
    page = client.get("/t/x/y")
    assert page.status_code == 404 and "Seite nicht gefunden" in page.get_data(as_text=True)
    problem = client.get("/t/x/y", headers={"Accept": "application/problem+json"})
    assert problem.status_code == 404
    assert problem.mimetype == "application/problem+json"
    assert problem.json["status"] == 404 and problem.json["title"] == "Seite nicht gefunden"


def test_logout_is_not_possible_by_get(client, factory, rostock):
    user = factory.user(rostock, Role.READER)
    factory.session.commit()
    factory.login(client, user)
    assert client.get("/abmelden").status_code == 405
    assert client.get("/konto").status_code == 200


def test_tenant_colours_come_from_a_stylesheet_not_inline_styles(client, factory, rostock):
    factory.session.commit()
    css = client.get("/farben.css")
    assert css.mimetype == "text/css"
    assert '[data-tenant="rostock"]{--tenant-colour:#004b87}' in css.get_data(as_text=True)
    assert "style=" not in _page(client, "/")


def test_huge_ids_and_nul_characters_are_no_server_errors(client, factory, rostock):
    factory.session.commit()  # the city exists, so the entry lookup itself meets the NUL
    assert client.get("/dateien/99999999999999999999").status_code == 404
    assert client.get("/t/rostock/a%00").status_code == 404


def test_entry_page_links_its_topics_to_their_topic_pages(client, factory, rostock):
    entry = factory.entry(rostock, topics=["mobilitaet"])
    factory.session.commit()
    page = _page(client, f"/t/rostock/{entry.slug}")
    assert '<a href="/themen/mobilitaet">Mobilität</a>' in page
    english = client.get(f"/t/rostock/{entry.slug}?lang=en", follow_redirects=True)
    assert '<a href="/themen/mobilitaet">Mobility</a>' in english.get_data(as_text=True)
