"""Search benchmark: indexing throughput and query latency of both backends, side by side.

    make bench-search                      # 1k and 10k entries
    .venv/bin/python bench/search_bench.py --sizes 1000 10000 100000

For each size it generates entries across four cities (synthetic German text built from
a municipal vocabulary), rebuilds the index (`indexing.reindex`: load, analyse, write)
and runs ≥ 200 varied queries with a city filter and facets, through the full search
service and as the raw engine query on the same index. PostgreSQL runs when reachable.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

if "hanse_hub" not in sys.modules:  # search_lenient_bench.py imports this with older code
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import flask_migrate
from sqlalchemy import insert, select

from hanse_hub import create_app
from hanse_hub.conditions import FieldIn, all_of
from hanse_hub.content.models import Entry, Solution
from hanse_hub.database import utcnow, write_transaction
from hanse_hub.extensions import db
from hanse_hub.policy import Actor, scope_for
from hanse_hub.search import indexing, services
from hanse_hub.search.backends import get_backend
from hanse_hub.search.backends.base import SearchQuery
from hanse_hub.search.query import analyse_query, parse_query
from hanse_hub.search.services import SearchRequest
from hanse_hub.tenants.services import create_tenant
from tests.databases import fresh_database, postgres_unavailable_reason

CITIES = ["rostock", "luebeck", "stralsund", "wismar"]
VOCABULARY = [
    "Parkraummanagement",
    "Bodensensoren",
    "Parkplätze",
    "Sensoren",
    "LoRaWAN",
    "Batterielaufzeit",
    "Pegel",
    "Hochwasser",
    "Trave",
    "Warnung",
    "Bürgerbeteiligung",
    "Beteiligungsportal",
    "Straßenbeleuchtung",
    "LED",
    "Energie",
    "Einsparung",
    "Elektromobilität",
    "Ladesäulen",
    "ÖPNV",
    "Fahrgastinformation",
    "Datenplattform",
    "Open",
    "Data",
    "Digitaler",
    "Zwilling",
    "Baumbewässerung",
    "Stadtgrün",
    "Schule",
    "Digitalisierung",
    "Tablets",
    "Abfallbehälter",
    "Füllstand",
    "Tourismus",
    "Besucherlenkung",
    "Altstadt",
    "Welterbe",
    "Verwaltung",
    "OZG",
    "Onlinezugangsgesetz",
    "Datenschutz",
    "Vergabe",
    "Ausschreibung",
    "Wartung",
    "Betrieb",
    "Kosten",
    "Pilot",
    "Stadtwerke",
    "Hafen",
    "Verkehr",
    "Radverkehr",
    "Klimaschutz",
    "Wärmeplanung",
    "Sicherheit",
    "Gesundheit",
]
FILLER = [
    "die",
    "der",
    "das",
    "und",
    "mit",
    "für",
    "von",
    "im",
    "in",
    "auf",
    "bei",
    "nach",
    "über",
    "wird",
    "werden",
    "ist",
    "sind",
]


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(
        rng.choice(VOCABULARY) if rng.random() < 0.45 else rng.choice(FILLER) for _ in range(words)
    )


def generate(size: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with write_transaction():
        tenants = [create_tenant(None, slug, official_name=slug.title()) for slug in CITIES]
    now = utcnow()
    batch = 2000
    for start in range(0, size, batch):
        rows = []
        for number in range(start, min(size, start + batch)):
            rows.append(
                {
                    "uuid": f"00000000-0000-4000-8000-{number:012d}",
                    "kind": "solution",
                    "tenant_id": rng.choice(tenants).id,
                    "title": sentence(rng, 6).capitalize(),
                    "slug": f"eintrag-{number}",
                    "summary": sentence(rng, 25),
                    "body": sentence(rng, 120),
                    "language": "de",
                    "licence": "CC-BY-4.0",
                    "visibility": rng.choice(["public", "public", "network", "internal"]),
                    "status": "published",
                    "created_at": now,
                    "updated_at": now,
                    "published_at": now.replace(year=rng.choice([2023, 2024, 2025, 2026])),
                    "version": 1,
                    "problem": sentence(rng, 30),
                    "approach": sentence(rng, 30),
                    "maturity": "pilot",
                    "transferability": "",
                    "costs": "",
                    "partners": "",
                    "technologies": [],
                }
            )
        with write_transaction():
            # ORM bulk insert: fills both tables of the joined-inheritance Solution.
            db.session.execute(insert(Solution), rows)


def queries(rng: random.Random, count: int) -> list[tuple[str, str]]:
    made = []
    for _ in range(count):
        words = rng.sample(VOCABULARY, rng.choice([1, 1, 2, 2, 3]))
        text = " ".join(words)
        if rng.random() < 0.1:
            text = f'"{words[0]} {rng.choice(VOCABULARY)}"'
        made.append((text, rng.choice(CITIES)))
    return made


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure(engine: str, database_url: str, size: int, query_count: int) -> dict:
    data_dir = Path(tempfile.mkdtemp(prefix=f"bench-{engine}-"))
    app = create_app(
        {
            "HANSE_ENV": "testing",
            "HANSE_DATABASE_URL": database_url,
            "HANSE_DATA_DIR": str(data_dir),
            "HANSE_SEARCH_BACKEND": engine,
            "HANSE_SEARCH_INDEXING": "worker",
        }
    )
    with app.app_context():
        flask_migrate.upgrade()
        generate(size)
        started = time.perf_counter()
        indexing.reindex()
        index_seconds = time.perf_counter() - started
        backend = get_backend()
        actor = Actor()  # anonymous: the strictest visibility filter
        tenants = {
            t: db.session.scalar(
                select(Entry.tenant_id)
                .join_from(Entry, Entry.tenant)
                .where(Entry.tenant.has(slug=t))
                .limit(1)
            )
            for t in CITIES
        }
        rng = random.Random(11)
        service_ms, raw_ms = [], []
        for text, city in queries(rng, query_count):
            started = time.perf_counter()
            services.search(actor, SearchRequest(q=text, tenants=(city,)))
            service_ms.append((time.perf_counter() - started) * 1000)
            db.session.rollback()
            condition = all_of(
                scope_for(actor).search_condition(), FieldIn("tenant_id", [tenants[city]])
            )
            started = time.perf_counter()
            backend.search(
                SearchQuery(tree=analyse_query(parse_query(text)), condition=condition, facets=True)
            )
            raw_ms.append((time.perf_counter() - started) * 1000)
            db.session.rollback()
        db.session.remove()
        db.engine.dispose()
    return {
        "engine": engine,
        "size": size,
        "docs_per_second": size / index_seconds,
        "service_p50": statistics.median(service_ms),
        "service_p95": percentile(service_ms, 0.95),
        "raw_p50": statistics.median(raw_ms),
        "raw_p95": percentile(raw_ms, 0.95),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument(
        "--backends", nargs="+", default=["whoosh", "postgres"], choices=["whoosh", "postgres"]
    )
    args = parser.parse_args()
    databases = {"whoosh": "sqlite", "postgres": "postgresql"}
    reason = postgres_unavailable_reason()
    if "postgres" in args.backends and reason is not None:
        print(f"postgres backend skipped: {reason}")
    engines = [
        (name, databases[name]) for name in args.backends if name == "whoosh" or reason is None
    ]
    print(
        "| entries | backend | indexing (docs/s) | service p50 / p95 (ms) "
        "| raw engine p50 / p95 (ms) | service ÷ raw (p50) |"
    )
    print("|---:|---|---:|---:|---:|---:|")
    for size in args.sizes:
        for engine, database in engines:
            with fresh_database(database, Path(tempfile.mkdtemp())) as url:
                r = measure(engine, url, size, args.queries)
            print(
                f"| {size:,} | {engine} | {r['docs_per_second']:.0f} "
                f"| {r['service_p50']:.1f} / {r['service_p95']:.1f} "
                f"| {r['raw_p50']:.1f} / {r['raw_p95']:.1f} "
                f"| {r['service_p50'] / r['raw_p50']:.1f}× |",
                flush=True,
            )


if __name__ == "__main__":
    main()
