"""Numbers in the interface follow its language: 1234 is "1.234" in German, "1,234" in English."""

from __future__ import annotations

import pytest
from flask import render_template_string
from flask_babel import force_locale

from hanse_hub.web import views
from hanse_hub.web.numbers import localise_numbers


def _render(app, language: str, source: str, **values) -> str:
    with app.test_request_context("/"), force_locale(language):
        return render_template_string(source, **values)


@pytest.mark.parametrize(("language", "expected"), [("de", "1.234.567"), ("en", "1,234,567")])
def test_the_number_filter_groups_thousands_as_the_interface_language_does(app, language, expected):
    assert _render(app, language, "{{ n | number }}", n=1234567) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [("de", "1.234 Einträge – Seite 2 von 1.500"), ("en", "1,234 entries – Page 2 of 1,500")],
)
def test_numbers_inside_translated_messages_follow_the_interface_language(app, language, expected):
    source = (
        "{{ ngettext('%(num)d Eintrag', '%(num)d Einträge', n) }} – "
        "{{ _('Seite %(number)d von %(pages)d', number=2, pages=1500) }}"
    )
    assert _render(app, language, source, n=1234) == expected


def test_only_integer_placeholders_change_and_a_literal_percent_stays(app):
    with app.test_request_context("/"), force_locale("de"):
        message, variables = localise_numbers(
            "%(year)s: %(count)d von %(share)d %%, %(flag)d",
            {"year": 2026, "count": 1234, "share": 12.5, "flag": True},
        )
    assert message == "%(year)s: %(count)s von %(share)d %%, %(flag)d"
    assert message % variables == "2026: 1.234 von 12 %, 1"


def test_messages_keep_escaping_their_variables_and_trans_blocks_still_work(app):
    html = _render(app, "de", "{{ _('Suche: %(q)s', q=q) }}", q="<b>1234</b>")
    assert html == "Suche: &lt;b&gt;1234&lt;/b&gt;"
    block = "{% trans url='/x' %}Zu <a href=\"{{ url }}\">100 %</a>{% endtrans %}"
    assert _render(app, "de", block) == 'Zu <a href="/x">100 %</a>'


@pytest.mark.parametrize(
    ("language", "tenant_count", "topic_count"),
    [("de", "1.234 Einträge", "(2.345)"), ("en", "1,234 entries", "(2,345)")],
)
def test_the_home_page_shows_large_counts_in_the_interface_language(
    client, factory, monkeypatch, language, tenant_count, topic_count
):
    rostock = factory.tenant("rostock", short_name="Rostock")
    # A hub with thousands of entries would take minutes to build; the page only needs counts.
    monkeypatch.setattr(views, "_counts_by", lambda query, column: {rostock.id: 1234})
    monkeypatch.setattr(views, "_counts_by_topic", lambda query: _EveryTopic(2345))
    client.get(f"/?lang={language}")

    page = client.get("/").get_data(as_text=True)
    main = page[page.index("<main") : page.index("</main>")]

    assert tenant_count in main
    assert topic_count in main
    assert "1234" not in main and "2345" not in main


class _EveryTopic(dict):
    """The same count for every topic id."""

    def __init__(self, count: int):
        super().__init__()
        self.count = count

    def get(self, key, default=None):
        return self.count
