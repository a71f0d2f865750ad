"""PostgreSQL: the total and facet counts of a search, in five statements (before) or one.

    .venv/bin/python bench/pg_facets_bench.py --size 10000

On a hub of the realistic German corpus (``german_corpus.py``) it takes the search condition
of 200 queries of the benchmark's query set (as an anonymous visitor, half with a city filter)
and counts total and facets both ways, alternating per query, in one process: ``before`` –
one ``count(*)`` and one ``GROUP BY`` per facet (the code before this change, rebuilt here),
``after`` – ``PostgresBackend._total_and_facets`` (one statement over a CTE of the matches).
Both must give the same counts (checked for every query).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import flask_migrate
import search_bench
import sqlalchemy as sa

from hanse_hub import create_app
from hanse_hub.conditions import FieldIn, all_of
from hanse_hub.extensions import db
from hanse_hub.policy import Actor, scope_for
from hanse_hub.search import indexing
from hanse_hub.search.backends import get_backend
from hanse_hub.search.backends.base import FACETS, SearchQuery
from hanse_hub.search.backends.postgres import search_documents
from hanse_hub.search.query import analyse_query, parse_query
from hanse_hub.tenants.models import Tenant
from tests.databases import fresh_database, postgres_unavailable_reason


def before(where) -> tuple[int, dict]:
    """The code before: a count and one statement per facet."""
    table = search_documents.c
    total = db.session.scalar(sa.select(sa.func.count()).select_from(search_documents).where(where))
    facets = {}
    for name in FACETS:
        if name == "topics":
            value = sa.func.unnest(table.topics).label("value")
            inner = sa.select(value).where(where).subquery()
            statement = sa.select(inner.c.value, sa.func.count()).group_by(inner.c.value)
        else:
            statement = sa.select(table[name], sa.func.count()).where(where).group_by(table[name])
        facets[name] = {str(value): count for value, count in db.session.execute(statement)}
    return total, facets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    if reason := postgres_unavailable_reason():
        print(f"skipped: {reason}")
        return
    with fresh_database("postgresql", Path(tempfile.mkdtemp())) as url:
        data_dir = Path(tempfile.mkdtemp(prefix="pg-facets-"))
        app = create_app(
            {
                "HANSE_ENV": "testing",
                "HANSE_DATABASE_URL": url,
                "HANSE_DATA_DIR": str(data_dir),
                "HANSE_SEARCH_BACKEND": "postgres",
                "HANSE_SEARCH_INDEXING": "worker",
            }
        )
        with app.app_context():
            flask_migrate.upgrade()
            search_bench.generate_german(args.size, data_dir)
            indexing.reindex(with_similar=False)
            backend = get_backend()
            tenant_ids = dict(db.session.execute(sa.select(Tenant.slug, Tenant.id)).all())
            scope = scope_for(Actor()).search_condition()
            times = {"before": [], "after": []}
            load = os.getloadavg()[0]
            made = search_bench.german_queries(random.Random(11), args.queries)
            for number, (text, _kind, city) in enumerate(made):
                condition = scope
                if city:
                    condition = all_of(scope, FieldIn("tenant_id", [tenant_ids[city]]))
                tree = analyse_query(parse_query(text))
                where, _ = backend._where(SearchQuery(tree, condition))
                if where is None:
                    continue
                answers = {}
                order = ("before", "after") if number % 2 else ("after", "before")
                for label in order:
                    started = time.perf_counter()
                    answers[label] = (
                        before(where) if label == "before" else backend._total_and_facets(where)
                    )
                    times[label].append((time.perf_counter() - started) * 1000)
                assert answers["before"] == answers["after"], text
                db.session.rollback()
            db.session.remove()
            db.engine.dispose()
    print(f"{args.size:,} entries, {len(times['after'])} queries, load (1 min) {load:.2f}")
    print("| total and facets | statements | p50 (ms) | p95 (ms) |")
    print("|---|---:|---:|---:|")
    for label, statements in (("before", 1 + len(FACETS)), ("after", 1)):
        values = times[label]
        print(
            f"| {label} | {statements} | {statistics.median(values):.1f} "
            f"| {search_bench.percentile(values, 0.95):.1f} |"
        )
    print(f"load (1 min) at the end: {os.getloadavg()[0]:.2f}; the same counts for every query")


if __name__ == "__main__":
    main()
