"""The reading pages answer 404 for anything unknown, never 500, and carry the security headers."""

from __future__ import annotations

import re

import pytest

from hanse_hub.accounts.models import Role

NEW_PAGES = (
    "/expertinnen",
    "/veranstaltungen",
    "/themen",
    "/themen/mobilitaet",
    "/impressum",
    "/datenschutz",
    "/barrierefreiheit",
)

GARBAGE = (
    "",
    "x",
    "-1",
    "0",
    "²",
    "１",
    "9" * 40,
    "%00",
    "a%00b",
    "'; DROP TABLE entries; --",
    "<script>alert(1)</script>",
    "%FF%FE",
    "Ärger",
    "../../etc/passwd",
    "mobilitaet%0d%0aSet-Cookie:x=1",
    "x" * 3000,
)


@pytest.fixture
def rostock(factory):
    tenant = factory.tenant("rostock", short_name="Rostock")
    factory.entry(tenant, kind="contact", person_name="Jana Kruse", topics=["mobilitaet"])
    return tenant


@pytest.mark.parametrize(
    "url",
    [
        "/themen/gibt-es-nicht",
        "/themen/%00",
        "/themen/M%C3%B6bilit%C3%A4t",
        "/themen/mobilitaet/mehr",
        "/t/atlantis",
        "/t/%00",
        "/t/" + "x" * 500,
        "/expertinnen/x",
        "/veranstaltungen/2026",
        "/impressum.md",
        "/pages/impressum.md",
    ],
)
def test_unknown_pages_answer_404(client, session, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("value", GARBAGE)
def test_garbage_parameters_never_cause_an_error(client, factory, rostock, value):
    factory.session.commit()
    for path in ("/expertinnen", "/veranstaltungen", "/themen", "/themen/mobilitaet", "/t/rostock"):
        for parameter in ("stadt", "thema", "seite"):
            url = f"{path}?{parameter}={value}"
            status = client.get(url).status_code
            # A page number beyond the last page does not exist; everything else is ignored.
            allowed = {200, 404} if parameter == "seite" else {200}
            assert status in allowed, f"{url} answered {status}"


def test_repeated_and_unknown_parameters_are_harmless(client, factory, rostock):
    factory.session.commit()
    url = "/expertinnen?stadt=rostock&stadt=wismar&thema=mobilitaet&thema=x&foo=bar&seite=1&seite=9"
    page = client.get(url)
    assert page.status_code == 200
    assert "Jana Kruse" in page.get_data(as_text=True)


def test_unknown_filter_values_are_ignored_not_errors(client, factory, rostock):
    factory.session.commit()
    page = client.get("/expertinnen?stadt=atlantis&thema=gibt-es-nicht")
    assert page.status_code == 200
    assert "Jana Kruse" in page.get_data(as_text=True)


def test_a_page_beyond_the_last_answers_404(client, factory, rostock):
    factory.session.commit()
    assert client.get("/expertinnen?seite=1").status_code == 200
    assert client.get("/expertinnen?seite=2").status_code == 404
    assert client.get("/veranstaltungen?seite=2").status_code == 404


@pytest.mark.parametrize("url", NEW_PAGES)
def test_every_new_page_carries_the_security_headers(client, session, url):
    response = client.get(url)
    assert response.status_code == 200
    headers = response.headers
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "'unsafe-inline'" not in csp and "frame-ancestors 'none'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"]


@pytest.mark.parametrize("url", NEW_PAGES)
def test_new_pages_have_no_inline_scripts_or_styles_and_one_h1(client, factory, url):
    factory.session.commit()
    page = client.get(url).get_data(as_text=True)
    assert not re.search(r"<script(?![^>]*\bsrc=)", page), "inline script"
    assert "style=" not in page and "<style" not in page
    assert page.count("<h1") == 1


@pytest.mark.parametrize("url", NEW_PAGES)
def test_new_pages_are_not_cached_for_logged_in_users(client, factory, rostock, url):
    user = factory.user(rostock, Role.READER)
    factory.session.commit()
    factory.login(client, user)
    assert client.get(url).headers["Cache-Control"] == "no-store"


def test_the_new_pages_are_linked_in_the_main_navigation(client, session):
    page = client.get("/").get_data(as_text=True)
    navigation = page.split('aria-label="Hauptnavigation"', 1)[1].split("</nav>", 1)[0]
    for url, label in (
        ("/expertinnen", "Expert*innen"),
        ("/veranstaltungen", "Veranstaltungen"),
        ("/themen", "Themen"),
    ):
        assert f'href="{url}">{label}</a>' in navigation
    assert 'href="/expertinnen" aria-current="page"' in client.get("/expertinnen").get_data(
        as_text=True
    )
