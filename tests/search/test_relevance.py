"""The relevance suite: German queries over the demo hub, on both backends.

``QUERIES`` (the first suite) must all keep succeeding; ``AS_TYPED`` (queries as people type
them: compounds, typos, questions, English words, abbreviations, kind words) must reach
95 % success@3.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hanse_hub.accounts.models import User
from hanse_hub.demo.seed import demo_email, seed_demo
from hanse_hub.extensions import db
from hanse_hub.policy import Actor
from hanse_hub.search import analysis, indexing
from hanse_hub.search.backends import get_backend
from tests.conftest import rolled_back_session
from tests.search.relevance import report, run_query, summary
from tests.search.relevance_queries import AS_TYPED, QUERIES

REQUIRED_SUCCESS_AT_3 = 0.95
ROOT = Path(__file__).resolve().parents[2]
# Every file the project ships as data or text: demo content, search data, templates, catalogues.
DATA_FILES = [
    *(ROOT / "hanse_hub").rglob("*.py"),
    *(ROOT / "hanse_hub").rglob("*.txt"),
    *(ROOT / "hanse_hub").rglob("*.po"),
    *(ROOT / "templates").rglob("*.html"),
]


@pytest.fixture(scope="module")
def demo_hub(search_app):
    """The demo hub, seeded and indexed once per backend, rolled back afterwards."""
    with search_app.app_context(), rolled_back_session() as session:
        get_backend().reset()
        seed_demo(fixed_password="relevanz-test-2026")
        session.flush()
        indexing.apply_all_pending_jobs()
        yield session


@pytest.fixture
def clerk(demo_hub) -> Actor:
    # A member of Wismar searches, as the clerk in the story does: public and network entries.
    user = db.session.scalar(db.select(User).where(User.email == demo_email("wismar", "reader")))
    return Actor.of(user)


def test_relevance_suites_have_enough_queries():
    assert len(QUERIES) >= 40
    assert len(AS_TYPED) >= 60
    assert not {q for q, _ in QUERIES} & {q for q, _ in AS_TYPED}


def test_at_least_20_as_typed_cases_use_a_word_no_data_file_contains():
    corpus = "\n".join(path.read_text(encoding="utf-8").lower() for path in DATA_FILES)
    unknown = [
        query
        for query, _ in AS_TYPED
        if any(word.lower() not in corpus for word in analysis.words(query))
    ]
    assert len(unknown) >= 20, unknown


def test_every_first_suite_query_still_succeeds(clerk, engine):
    outcomes = [run_query(clerk, query, tuple(expected)) for query, expected in QUERIES]
    text = report(engine, outcomes)
    print(text)
    assert summary(outcomes)[0] == 1.0, text


def test_queries_as_typed_succeed_at_3(clerk, engine):
    outcomes = [run_query(clerk, query, tuple(expected)) for query, expected in AS_TYPED]
    text = report(engine, outcomes)
    print(text)
    success, _mrr = summary(outcomes)
    assert success >= REQUIRED_SUCCESS_AT_3, text
