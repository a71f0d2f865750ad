"""Generated queries against both backends: whatever people type, search answers.

``make test`` runs a short sample; ``make test-long`` runs 2,000 queries per backend.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hanse_hub.policy import Actor
from hanse_hub.search import indexing, services
from hanse_hub.search.services import SearchRequest

WORDS = ["Parkplätze", "Sensoren", "OZG", "Straße", "Bürger", "Hochwasser", "e-mobilität", "x"]
PIECES = st.sampled_from([*WORDS, '"', "-", " OR ", " NOT ", " AND ", "(", ")", "*", "?", " "])
QUERIES = st.one_of(
    st.text(max_size=200),
    st.lists(PIECES, max_size=40).map("".join),
    st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join),
)


@pytest.fixture
def indexed(search_session, search_factory):
    city = search_factory.tenant("rostock")
    for title in ("Parkplätze mit Sensoren", "Straßenbeleuchtung", "OZG-Umsetzung", "Hochwasser"):
        search_factory.entry(city, title=title, body="Bürger und Bürgerinnen")
    search_session.flush()
    indexing.apply_all_pending_jobs()


def _check(query: str) -> None:
    page = services.search(Actor(), SearchRequest(q=query))
    assert page.total >= len(page.hits) >= 0
    services.autocomplete(Actor(), query)


QUICK = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
FULL = settings(
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@QUICK
@given(query=QUERIES)
def test_generated_queries_never_fail(indexed, query):
    _check(query)


@pytest.mark.slow
@FULL
@given(query=QUERIES)
def test_two_thousand_generated_queries_never_fail(indexed, query):
    _check(query)
