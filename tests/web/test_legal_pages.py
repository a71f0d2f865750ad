"""Imprint, privacy notice and accessibility statement: built-in defaults or the operator's text."""

from __future__ import annotations

from pathlib import Path

import pytest

LEGAL_URLS = ("/impressum", "/datenschutz", "/barrierefreiheit")


@pytest.fixture
def pages_folder(app):
    """The operator's folder for page texts; every file a test writes there is removed again."""
    folder = Path(app.config["HANSE_DATA_DIR"]) / "pages"
    folder.mkdir(parents=True, exist_ok=True)
    before = set(folder.iterdir())
    yield folder
    for path in set(folder.iterdir()) - before:
        path.unlink()


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return response.get_data(as_text=True)


def test_footer_links_the_legal_pages_on_every_page(client, session):
    page = _page(client, "/")
    footer = page.split("<footer", 1)[1]
    for url in LEGAL_URLS:
        assert f'href="{url}"' in footer


def test_imprint_default_says_it_is_a_placeholder_and_names_the_file(client, session):
    page = _page(client, "/impressum")
    assert "<h1>Impressum</h1>" in page
    assert "Platzhalter" in page and "kein gültiges Impressum" in page
    assert "HANSE_DATA_DIR/pages/impressum.md" in page


def test_privacy_default_describes_what_the_hub_processes(client, session):
    page = _page(client, "/datenschutz")
    assert "<h1>Datenschutzerklärung</h1>" in page
    for text in ("Cookies", "Benutzerkonto", "Ansprechpersonen", "Ihre Rechte", "Art. 15 DSGVO"):
        assert text in page


def test_accessibility_default_has_every_section_bitv_asks_for(client, session):
    page = _page(client, "/barrierefreiheit")
    assert "<h1>Erklärung zur Barrierefreiheit</h1>" in page
    for heading in (
        "Stand der Vereinbarkeit mit den Anforderungen",
        "Nicht barrierefreie Inhalte",
        "Erstellung dieser Erklärung",
        "Barrieren melden: Feedback und Kontakt",
        "Durchsetzungsverfahren und Schlichtung",
    ):
        assert f"<h2>{heading}</h2>" in page, heading
    assert "BITV 2.0" in page and "Schlichtungsstelle" in page


@pytest.mark.parametrize("url", LEGAL_URLS)
def test_configured_markdown_replaces_the_default(client, session, pages_folder, url):
    name = url.strip("/")
    (pages_folder / f"{name}.md").write_text(
        "## Anbieter\n\nHansestadt Beispiel  \nAm Markt 1\n\n"
        "**Vertreten durch** die Bürgermeisterin",
        encoding="utf-8",
    )
    page = _page(client, url)
    assert "<h2>Anbieter</h2>" in page  # "##" becomes the first level under the page title
    assert "Hansestadt Beispiel<br>" in page and "<strong>Vertreten durch</strong>" in page
    assert "Platzhalter" not in page and "Standardtext" not in page


def test_configured_markdown_is_sanitised(client, session, pages_folder):
    (pages_folder / "impressum.md").write_text(
        "# Impressum der Stadt\n\n<script>alert(1)</script>\n\n"
        '[Kontakt](javascript:alert(1)) <img src=x onerror="alert(2)">\n\n'
        "[Rathaus](https://rathaus.example)",
        encoding="utf-8",
    )
    page = _page(client, "/impressum")
    assert "<script>alert" not in page and 'href="javascript:' not in page
    assert "<img" not in page.split("<main", 1)[1]
    assert 'href="https://rathaus.example"' in page
    assert "<h2>Impressum der Stadt</h2>" in page  # never a second h1


def test_a_changed_file_shows_without_a_restart_and_a_removed_one_brings_the_default_back(
    client, session, pages_folder
):
    path = pages_folder / "datenschutz.md"
    path.write_text("Erste Fassung", encoding="utf-8")
    assert "Erste Fassung" in _page(client, "/datenschutz")
    path.write_text("Zweite Fassung", encoding="utf-8")
    assert "Zweite Fassung" in _page(client, "/datenschutz")
    path.unlink()
    assert "Standardtext" in _page(client, "/datenschutz")


def test_an_empty_or_undecodable_file_does_not_break_the_page(client, session, pages_folder):
    (pages_folder / "impressum.md").write_text("   \n", encoding="utf-8")
    assert "Platzhalter" in _page(client, "/impressum")  # blank counts as not configured
    (pages_folder / "impressum.md").write_bytes(b"Stra\xdfe 1 (Latin-1)")
    assert "Stra\ufffde 1" in _page(client, "/impressum")


@pytest.mark.parametrize("url", LEGAL_URLS)
def test_the_footer_marks_the_current_legal_page(client, session, url):
    page = _page(client, url)
    assert f'href="{url}" aria-current="page"' in page


# -- "Über die Plattform" (issue #17): like the legal pages, in German and English --------------

ABOUT = "/ueber-die-plattform"


def test_about_page_is_linked_from_the_footer_and_the_home_page(client, session):
    page = _page(client, "/")
    footer = page.split("<footer", 1)[1]
    assert f'href="{ABOUT}"' in footer
    assert f'href="{ABOUT}">Was die Plattform ist' in page.split("<footer", 1)[0]
    assert f'href="{ABOUT}" aria-current="page"' in _page(client, ABOUT)


def test_about_page_says_what_the_hub_is_who_sees_what_and_how_to_take_part(client, session):
    page = _page(client, ABOUT)
    assert "<h1>Über die Plattform</h1>" in page and '<div class="prose" lang="de">' in page
    for heading in ("Wer was sieht", "Mitmachen", "Betrieb und Zukunft"):
        assert f"<h2>{heading}</h2>" in page, heading
    assert "2027" in page and "Standardtext" in page


def test_about_page_in_english_shows_the_english_text(client, session):
    client.get(ABOUT + "?lang=en")
    page = _page(client, ABOUT)
    assert "<h1>About the platform</h1>" in page and '<div class="prose" lang="en">' in page
    assert "<h2>Who sees what</h2>" in page and "Wer was sieht" not in page


def test_operator_texts_replace_the_about_page_per_language(client, session, pages_folder):
    (pages_folder / "ueber-die-plattform.md").write_text(
        "## Betrieb\n\nDie Geschäftsstelle betreibt die Plattform bis 2030.", encoding="utf-8"
    )
    assert "bis 2030" in _page(client, ABOUT)
    client.get(ABOUT + "?lang=en")
    english = _page(client, ABOUT)
    assert "bis 2030" not in english and "<h2>Who sees what</h2>" in english  # English default
    (pages_folder / "ueber-die-plattform.en.md").write_text(
        "## Operation\n\nThe alliance office runs the platform until 2030.", encoding="utf-8"
    )
    english = _page(client, ABOUT)
    assert "<h2>Operation</h2>" in english and "until 2030" in english
