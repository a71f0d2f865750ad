"""Knowledge reaches people, click by click (issue #12): a Lübeck editor follows the topic
*Mobilität*; a Rostock editor publishes a solution in it; the Lübeck editor sees the
notification and finds it in "Mein Bereich"; Lübeck records an adoption and Rostock's editors
are told, with the reason. Without JavaScript, as every core task must work without it."""

from __future__ import annotations

import re

import pytest

from hanse_hub.demo.seed import demo_email
from tests.browser.harness import EDITOR_ROSTOCK, PLAYWRIGHT_MISSING, log_in

expect = pytest.importorskip("playwright.sync_api", reason=PLAYWRIGHT_MISSING).expect

EDITOR_LUEBECK = demo_email("luebeck", "editor")
TITLE = "Mitfahrbänke im Stadtteil Toitenwinkel"
REASON = "Für unsere Dörfer am Stadtrand mit eigener Beschilderung"


def test_follow_a_topic_get_told_of_a_new_solution_and_of_its_adoption(new_context):
    luebeck = new_context(java_script_enabled=False).new_page()
    log_in(luebeck, EDITOR_LUEBECK)
    luebeck.goto("/themen/mobilitaet")
    luebeck.get_by_role("button", name=re.compile(r"^Folgen")).click()
    expect(luebeck.get_by_role("button", name=re.compile(r"^Gefolgt"))).to_be_visible()
    luebeck.goto("/gefolgt")
    expect(luebeck.get_by_role("link", name="Mobilität", exact=True)).to_be_visible()

    rostock = new_context(java_script_enabled=False).new_page()
    log_in(rostock, EDITOR_ROSTOCK)
    rostock.goto("/t/rostock/neu/loesung")
    rostock.get_by_label(re.compile(r"^Titel")).fill(TITLE)
    rostock.get_by_label(re.compile(r"^Kurzbeschreibung")).fill(
        "Bänke, auf denen man zeigt, dass man mitgenommen werden möchte."
    )
    rostock.get_by_role("checkbox", name="Mobilität", exact=True).check()
    rostock.get_by_role("button", name="Speichern").click()
    rostock.get_by_role("button", name="Veröffentlichen").click()
    expect(rostock.get_by_role("heading", level=1)).to_have_text(TITLE)

    luebeck.goto("/")
    luebeck.get_by_role("link", name=re.compile(r"^Benachrichtigungen \d+")).click()
    expect(luebeck.get_by_text("Sie folgen diesem Handlungsfeld.").first).to_be_visible()
    luebeck.get_by_role("link", name="Mein Bereich").click()
    news = luebeck.get_by_role("region", name="Neu in dem, was ich verfolge")
    news.get_by_role("link", name=TITLE).click()
    expect(luebeck.get_by_role("heading", level=1)).to_have_text(TITLE)

    luebeck.get_by_role("link", name="Wir nutzen das auch").click()
    luebeck.get_by_role("radio", name="Angepasst übernommen").check()
    luebeck.get_by_label(re.compile(r"^Was haben Sie geändert")).fill(REASON)
    luebeck.get_by_role("button", name="Speichern").click()

    rostock.goto("/benachrichtigungen")
    told = rostock.get_by_role("listitem").filter(has_text=TITLE).filter(has_text="Übernahme")
    expect(told.first).to_contain_text(REASON)
    expect(told.first).to_contain_text("Die Lösung gehört Ihrer Organisation.")
