"""Search benchmark: indexing throughput and query latency of both backends, side by side.

    make bench-search                      # 1k and 10k entries, the realistic German corpus
    .venv/bin/python bench/search_bench.py --sizes 1000 10000 100000 --backends postgres
    .venv/bin/python bench/search_bench.py --sizes 10000 --similar   # also the similar pass

For each size and backend a fresh subprocess (so that its peak memory is its own) builds a
hub on a fresh database, rebuilds the index (`indexing.reindex`'s document pass: load,
analyse, write) and runs the query set through the full search service and, as the raw
engine, exactly the backend calls the service made for each query (recorded during a first,
untimed pass; corrections and relaxed matching included). PostgreSQL runs when reachable.

``--corpus german`` (default): text and queries drawn from ``../shared/data/german-corpus``
at run time (``german_corpus.py``; the benchmark stops with a message when it is absent).
``--corpus synthetic``: the old hub of ~60 municipal words in which nearly every query
matches nearly every entry – kept as a worst case for scoring and facets, and because
``search_lenient_bench.py`` builds its reproducible hub with ``generate``/``queries`` below.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if "hanse_hub" not in sys.modules:  # search_lenient_bench.py imports this with older code
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import flask_migrate
from sqlalchemy import insert, select
from sqlalchemy import text as sql_text

from hanse_hub import create_app
from hanse_hub.content.models import Entry, Solution, Topic
from hanse_hub.content.models.attachment import Attachment
from hanse_hub.content.models.entry import EntryTag, entry_participants, entry_topics
from hanse_hub.content.models.kinds import KIND_CLASSES
from hanse_hub.database import utcnow, write_transaction
from hanse_hub.extensions import db
from hanse_hub.policy import Actor
from hanse_hub.search import indexing, services, similar
from hanse_hub.search.backends import get_backend
from hanse_hub.search.backends.base import SearchQuery
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


def _german_corpus():
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import german_corpus

    return german_corpus


def generate_german(size: int, data_dir: Path, seed: int = 7) -> dict:
    """A hub of ``size`` entries in real German municipal language (``german_corpus.py``),
    inserted in bulk (ids given, every kind's own table filled); files' text goes to the
    extraction cache. Returns statistics of the text written."""
    gc = _german_corpus()
    corpus = gc.load_corpus()
    gen = gc.Generator(corpus, seed)
    rng = gen.rng
    with write_transaction():
        tenants = [create_tenant(None, slug, official_name=slug.title()) for slug in gc.CITIES]
    tenant_ids = {t.slug: t.id for t in tenants}
    topic_ids = list(db.session.scalars(select(Topic.id)))
    classes = {str(kind): cls for kind, cls in KIND_CLASSES.items()}
    cache = data_dir / "extracted"
    cache.mkdir(parents=True, exist_ok=True)
    now = utcnow()
    files = 0
    batch = 1000
    for start in range(0, size, batch):
        rows: dict[str, list[dict]] = {}
        tags, topics, participants, attachments = [], [], [], []
        for number in range(start, min(size, start + batch)):
            entry_id = number + 1
            kind = gc._weighted(rng, gc.KINDS)
            city = gc._weighted(rng, gc.CITIES)
            status = gc._weighted(rng, gc.STATUSES)
            visibility = gc._weighted(rng, gc.VISIBILITIES)
            texts = gc.entry_texts(gen, kind)
            published = now.replace(year=rng.choice(range(2019, 2027)), month=rng.randint(1, 11))
            row = {
                "id": entry_id,
                "uuid": f"00000000-0000-4000-8000-{number:012d}",
                "kind": kind,
                "tenant_id": tenant_ids[city],
                "slug": f"eintrag-{number}",
                "language": "de",
                "licence": "CC-BY-4.0",
                "visibility": visibility,
                "status": status,
                "created_at": now,
                "updated_at": now,
                "published_at": None if status == "draft" else published,
                "version": 1,
                **{k: v for k, v in texts.items() if k != "tags"},
            }
            if kind == "event":
                row |= {"starts_at": published, "ends_at": published}
            rows.setdefault(kind, []).append(row)
            tags += [{"entry_id": entry_id, "name": tag} for tag in texts["tags"]]
            topics += [
                {"entry_id": entry_id, "topic_id": t}
                for t in rng.sample(topic_ids, min(len(topic_ids), rng.choice([0, 1, 1, 2])))
            ]
            if visibility == "internal" and rng.random() < 0.1:
                other = rng.choice([t for c, t in tenant_ids.items() if c != city])
                participants.append({"entry_id": entry_id, "tenant_id": other})
            if rng.random() < gc.FILE_SHARE[kind]:
                for _ in range(rng.choice([1, 1, 2])):
                    text = gc.file_text(gen)
                    digest = gc.content_hash(text)
                    (cache / f"{digest}.txt").write_text(text, encoding="utf-8")
                    files += 1
                    attachments.append(
                        {
                            "uuid": f"00000000-0000-4000-9000-{files:012d}",
                            "entry_id": entry_id,
                            "content_hash": digest,
                            "media_type": "text/plain",
                            "size": len(text.encode("utf-8")),
                            "original_filename": f"{texts['title'][:40]}.txt",
                            "description": "",
                            "created_at": now,
                        }
                    )
        with write_transaction():
            for kind, kind_rows in rows.items():
                # ORM bulk insert: fills both tables of the joined-inheritance kind.
                db.session.execute(insert(classes[kind]), kind_rows)
            for table, table_rows in (
                (EntryTag.__table__, tags),
                (entry_topics, topics),
                (entry_participants, participants),
                (Attachment.__table__, attachments),
            ):
                if table_rows:
                    db.session.execute(insert(table), table_rows)
    if db.session.get_bind().dialect.name == "postgresql":
        with write_transaction():
            db.session.execute(
                sql_text("SELECT setval(pg_get_serial_sequence('entries', 'id'), :n)"), {"n": size}
            )
            # A hub in use has statistics (autovacuum); a freshly bulk-loaded one has none, and
            # the planner then runs the service's translation lookup as a nested loop of
            # sequential scans (16 s per search at 10,000 entries, docs/performance.md).
            db.session.execute(sql_text("ANALYZE"))
    seen = gen.seen
    return {
        "word_tokens": sum(seen.values()),
        "word_types": len(seen),
        "hapax_share": sum(1 for c in seen.values() if c == 1) / max(1, len(seen)),
        "files": files,
    }


def german_queries(rng: random.Random, count: int) -> list[tuple[str, str, str | None]]:
    """(query, kind of query, city filter or None): half of them filtered to one city."""
    gc = _german_corpus()
    corpus = gc.load_corpus()
    return [
        (text, kind, rng.choice(CITIES) if rng.random() < 0.5 else None)
        for text, kind in gc.queries(corpus, rng, count)
    ]


class Recorder:
    """Records the backend calls (``search``, ``count``) the service makes, to replay them."""

    def __init__(self, backend):
        self.backend = backend
        self.calls: list[tuple[str, SearchQuery]] = []
        self.original = {name: getattr(backend, name) for name in ("search", "count")}
        for name, method in self.original.items():
            setattr(backend, name, self._recording(name, method))

    def _recording(self, name, method):
        def call(query):
            self.calls.append((name, query))
            return method(query)

        return call

    def replay(self, calls) -> None:
        for name, query in calls:
            self.original[name](query)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _index_bytes(engine: str, data_dir: Path) -> int:
    if engine == "postgres":
        return db.session.scalar(sql_text("SELECT pg_total_relation_size('search_documents')"))
    return sum(p.stat().st_size for p in (data_dir / "search-index").rglob("*") if p.is_file())


def explain_plans(backend, made, recorded) -> list[dict]:
    """EXPLAIN (ANALYZE, BUFFERS) of every SQL statement of the first engine call of a few
    queries: a one-word query with and without a city filter, and a query of several words."""
    from sqlalchemy import event

    chosen = []
    for want_city, want_words in ((False, 1), (True, 1), (False, 2)):
        for (text_, _kind, city), calls in zip(made, recorded, strict=True):
            fits = (city is not None) == want_city and (len(text_.split()) >= 2) == (
                want_words == 2
            )
            if fits and calls and calls[0][0] == "search" and text_ not in [c[0] for c in chosen]:
                chosen.append((text_, city, calls[0][1]))
                break
    plans = []
    statements = []

    def capture(conn, cursor, statement, parameters, context, executemany):
        statements.append((statement, parameters))

    for text_, city, query in chosen:
        statements.clear()
        connection = db.session.connection()
        event.listen(connection, "before_cursor_execute", capture)
        try:
            backend.search(query)
        finally:
            event.remove(connection, "before_cursor_execute", capture)
        cursor = connection.connection.cursor()
        explained = []
        for statement, parameters in statements:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters)
            explained.append("\n".join(row[0] for row in cursor.fetchall()))
        plans.append({"query": text_, "city": city, "plans": explained})
        db.session.rollback()
    return plans


def measure(
    engine: str,
    database_url: str,
    size: int,
    query_count: int,
    corpus: str,
    with_similar: bool,
    explain: bool = False,
) -> dict:
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
    result = {"engine": engine, "size": size, "load_before": os.getloadavg()}
    with app.app_context():
        flask_migrate.upgrade()
        started = time.perf_counter()
        if corpus == "german":
            result["text"] = generate_german(size, data_dir)
            made = german_queries(random.Random(11), query_count)
        else:
            generate(size)
            made = [(q, "synthetic", city) for q, city in queries(random.Random(11), query_count)]
        result["generate_seconds"] = time.perf_counter() - started
        result["rss_after_generation_mb"] = _rss_mb()
        started = time.perf_counter()
        indexing.reindex(with_similar=False)
        result["index_seconds"] = time.perf_counter() - started
        result["docs_per_second"] = size / result["index_seconds"]
        result["rss_after_indexing_mb"] = _rss_mb()
        result["index_mb"] = _index_bytes(engine, data_dir) / 1e6
        backend = get_backend()
        if with_similar:
            entry_ids = list(db.session.scalars(select(Entry.id).order_by(Entry.id)))
            started = time.perf_counter()
            similar.rebuild_all(entry_ids, indexing.entry_fields, backend)
            result["similar_seconds"] = time.perf_counter() - started
        actor = Actor()  # anonymous: the strictest visibility filter
        recorder = Recorder(backend)
        recorded, found = [], {}
        for text_, kind, city in made:  # first pass: warm the caches, record the engine calls
            recorder.calls = []
            page = services.search(actor, SearchRequest(q=text_, tenants=(city,) if city else ()))
            recorded.append(recorder.calls)
            found.setdefault(kind, []).append(page.total > 0)
            db.session.rollback()
        service_ms, raw_ms, calls = [], [], []
        for (text_, _kind, city), engine_calls in zip(made, recorded, strict=True):
            request = SearchRequest(q=text_, tenants=(city,) if city else ())
            started = time.perf_counter()
            services.search(actor, request)
            service_ms.append((time.perf_counter() - started) * 1000)
            db.session.rollback()
            started = time.perf_counter()
            recorder.replay(engine_calls)
            raw_ms.append((time.perf_counter() - started) * 1000)
            calls.append(len(engine_calls))
            db.session.rollback()
        if explain and engine == "postgres":
            result["explain"] = explain_plans(backend, made, recorded)
        db.session.remove()
        db.engine.dispose()
    result |= {
        "service_p50": statistics.median(service_ms),
        "service_p95": percentile(service_ms, 0.95),
        "raw_p50": statistics.median(raw_ms),
        "raw_p95": percentile(raw_ms, 0.95),
        "engine_calls_mean": statistics.mean(calls),
        "found": {kind: sum(hits) / len(hits) for kind, hits in sorted(found.items())},
        "peak_rss_mb": _rss_mb(),
        "load_after": os.getloadavg(),
    }
    return result


def worker(args) -> None:
    database = {"whoosh": "sqlite", "postgres": "postgresql"}[args.worker]
    with fresh_database(database, Path(tempfile.mkdtemp())) as url:
        result = measure(
            args.worker, url, args.sizes[0], args.queries, args.corpus, args.similar, args.explain
        )
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument(
        "--backends", nargs="+", default=["whoosh", "postgres"], choices=["whoosh", "postgres"]
    )
    parser.add_argument("--corpus", choices=["german", "synthetic"], default="german")
    parser.add_argument("--similar", action="store_true", help="also time the similar pass")
    parser.add_argument(
        "--explain", action="store_true", help="PostgreSQL: EXPLAIN ANALYZE of the search SQL"
    )
    parser.add_argument("--worker", choices=["whoosh", "postgres"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args)
        return
    if args.corpus == "german":
        try:
            _german_corpus().load_corpus()
        except _german_corpus().CorpusMissing as missing:
            print(f"search benchmark skipped: {missing}")
            return
    reason = postgres_unavailable_reason()
    if "postgres" in args.backends and reason is not None:
        print(f"postgres backend skipped: {reason}")
    engines = [name for name in args.backends if name == "whoosh" or reason is None]
    print(f"corpus: {args.corpus}, {args.queries} queries, {os.cpu_count()} CPUs")
    print(
        "| entries | backend | indexing (docs/s) | service p50 / p95 (ms) "
        "| raw engine p50 / p95 (ms) | service ÷ raw (p50) | peak RSS (MB) | index (MB) "
        "| load (1 min) before → after |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---:|---|")
    details = []
    for size in args.sizes:
        for engine in engines:
            command = [sys.executable, __file__, "--worker", engine, "--sizes", str(size)]
            command += ["--queries", str(args.queries), "--corpus", args.corpus]
            command += ["--similar"] if args.similar else []
            command += ["--explain"] if args.explain else []
            completed = subprocess.run(command, capture_output=True, text=True, check=False)
            if completed.returncode != 0:
                print(f"| {size:,} | {engine} | failed: {completed.stderr.strip()[-500:]} |")
                continue
            r = json.loads(completed.stdout.strip().splitlines()[-1])
            details.append(r)
            print(
                f"| {size:,} | {engine} | {r['docs_per_second']:.0f} "
                f"| {r['service_p50']:.1f} / {r['service_p95']:.1f} "
                f"| {r['raw_p50']:.1f} / {r['raw_p95']:.1f} "
                f"| {r['service_p50'] / max(r['raw_p50'], 1e-6):.2f}× "
                f"| {r['peak_rss_mb']:.0f} | {r['index_mb']:.1f} "
                f"| {r['load_before'][0]:.2f} → {r['load_after'][0]:.2f} |",
                flush=True,
            )
    print()
    for r in details:
        extra = {k: r[k] for k in ("text", "generate_seconds", "index_seconds") if k in r}
        extra |= {k: r[k] for k in ("similar_seconds", "engine_calls_mean", "found") if k in r}
        extra["rss_after_generation_mb"] = r["rss_after_generation_mb"]
        extra["rss_after_indexing_mb"] = r["rss_after_indexing_mb"]
        print(f"{r['size']:,} {r['engine']}: {json.dumps(extra, ensure_ascii=False)}")
        for plan in r.get("explain", []):
            print(f"\nEXPLAIN at {r['size']:,}: {plan['query']!r}, city filter: {plan['city']}")
            for explained in plan["plans"]:
                print(explained + "\n")


if __name__ == "__main__":
    main()
