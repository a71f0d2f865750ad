"""The relevance suite: German queries over the demo hub, on both backends (≥ 90% success@3)."""

from __future__ import annotations

import pytest

from hanse_hub.accounts.models import User
from hanse_hub.demo.seed import demo_email, seed_demo
from hanse_hub.extensions import db
from hanse_hub.policy import Actor
from hanse_hub.search import indexing
from hanse_hub.search.backends import get_backend
from tests.conftest import rolled_back_session
from tests.search.relevance import report, run_query, summary
from tests.search.relevance_queries import QUERIES

REQUIRED_SUCCESS_AT_3 = 0.90


@pytest.fixture(scope="module")
def demo_hub(search_app):
    """The demo hub, seeded and indexed once per backend, rolled back afterwards."""
    with search_app.app_context(), rolled_back_session() as session:
        get_backend().reset()
        seed_demo(fixed_password="relevanz-test-2026")
        session.flush()
        indexing.apply_all_pending_jobs()
        yield session


def test_relevance_suite_has_enough_queries():
    assert len(QUERIES) >= 40


def test_relevance_success_at_3(demo_hub, engine):
    # A member of Wismar searches, as the clerk in the story does: public and network entries.
    clerk = db.session.scalar(db.select(User).where(User.email == demo_email("wismar", "reader")))
    actor = Actor.of(clerk)
    outcomes = [run_query(actor, query, tuple(expected)) for query, expected in QUERIES]
    text = report(engine, outcomes)
    print(text)
    success, _mrr = summary(outcomes)
    assert success >= REQUIRED_SUCCESS_AT_3, text
