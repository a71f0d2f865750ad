"""Reindex benchmark: `flask search reindex`'s document pass, before and after, side by side.

    make bench-reindex                                   # 10k entries, both backends
    .venv/bin/python bench/reindex_bench.py --size 10000 --backends whoosh --similar

On one hub of the realistic German corpus (``german_corpus.py``) it rebuilds the index
once unmeasured (so that the vocabulary holds the hub's words, as in a hub in use), then
once per variant in the same process, one after the other:

- ``per batch``: the code before ``bulk_load`` – one writer and one commit per batch of 200
  entries (Whoosh merges segments at each commit);
- ``bulk``: ``bulk_load`` with one process – one writer for the whole pass, one commit;
- ``bulk, 2 procs``: Whoosh's multi-process writer (``procs=2, multisegment=True``).

After each it runs the same queries against the rebuilt index and says whether every query
found the same entries (as a set, and in the same order) as after the first variant.
``--similar`` also times the similar-entry pass (``similar.rebuild_all``) once, afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import flask_migrate
import search_bench
from sqlalchemy import select

from hanse_hub import create_app
from hanse_hub.conditions import all_of
from hanse_hub.content.models import Entry
from hanse_hub.extensions import db
from hanse_hub.policy import Actor, scope_for
from hanse_hub.search import indexing, similar
from hanse_hub.search.backends import get_backend
from hanse_hub.search.backends.base import SearchQuery
from hanse_hub.search.query import analyse_query, parse_query
from tests.databases import fresh_database, postgres_unavailable_reason

VARIANTS = {
    "whoosh": [("per batch", None), ("bulk", 1), ("bulk, 2 procs", 2)],
    "postgres": [("per batch", None), ("bulk (+ ANALYZE)", 1)],
}


def hits_of(backend, trees, condition) -> list[list[int]]:
    return [
        [hit.entry_id for hit in backend.search(SearchQuery(tree, condition, limit=50)).hits]
        for tree in trees
    ]


def measure(engine: str, url: str, size: int, with_similar: bool) -> dict:
    data_dir = Path(tempfile.mkdtemp(prefix=f"reindex-{engine}-"))
    app = create_app(
        {
            "HANSE_ENV": "testing",
            "HANSE_DATABASE_URL": url,
            "HANSE_DATA_DIR": str(data_dir),
            "HANSE_SEARCH_BACKEND": engine,
            "HANSE_SEARCH_INDEXING": "worker",
        }
    )
    result = {"engine": engine, "size": size, "variants": []}
    with app.app_context():
        flask_migrate.upgrade()
        search_bench.generate_german(size, data_dir)
        backend = get_backend()
        condition = all_of(scope_for(Actor()).search_condition())
        made = search_bench.german_queries(random.Random(11), 100)
        trees = [analyse_query(parse_query(text)) for text, _kind, _city in made]
        # Unmeasured: fills the vocabulary (the words the analysis splits compounds with) as a
        # hub in use has it; without it each rebuild would analyse with more known words.
        indexing.reindex(with_similar=False)
        first = None
        bulk_load = backend.bulk_load
        for label, procs in VARIANTS[engine]:
            backend.bulk_load = (lambda procs=1: nullcontext()) if procs is None else bulk_load
            load = os.getloadavg()[0]
            started = time.perf_counter()
            indexing.reindex(with_similar=False, procs=procs or 1)
            seconds = time.perf_counter() - started
            found = hits_of(backend, trees, condition)
            first = first or found
            result["variants"].append(
                {
                    "label": label,
                    "docs_per_second": size / seconds,
                    "seconds": seconds,
                    "load": load,
                    "same_sets": all(set(a) == set(b) for a, b in zip(first, found, strict=True)),
                    "same_order": first == found,
                }
            )
            db.session.rollback()
        backend.bulk_load = bulk_load
        if with_similar:
            entry_ids = list(db.session.scalars(select(Entry.id).order_by(Entry.id)))
            load = os.getloadavg()[0]
            started = time.perf_counter()
            similar.rebuild_all(entry_ids, indexing.entry_fields, backend)
            result["similar"] = {"seconds": time.perf_counter() - started, "load": load}
        db.session.remove()
        db.engine.dispose()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--backends", nargs="+", default=["whoosh", "postgres"])
    parser.add_argument("--similar", action="store_true", help="also time the similar pass")
    parser.add_argument("--worker", choices=["whoosh", "postgres"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        database = {"whoosh": "sqlite", "postgres": "postgresql"}[args.worker]
        with fresh_database(database, Path(tempfile.mkdtemp())) as url:
            print(json.dumps(measure(args.worker, url, args.size, args.similar)))
        return
    try:
        search_bench._german_corpus().load_corpus()
    except search_bench._german_corpus().CorpusMissing as missing:
        print(f"reindex benchmark skipped: {missing}")
        return
    reason = postgres_unavailable_reason()
    if "postgres" in args.backends and reason is not None:
        print(f"postgres backend skipped: {reason}")
    print(f"{args.size:,} entries of the German corpus, {os.cpu_count()} CPUs")
    print("| backend | reindex variant | docs/s | seconds | load (1 min) | same hits / order |")
    print("|---|---|---:|---:|---:|---|")
    for engine in args.backends:
        if engine == "postgres" and reason is not None:
            continue
        command = [sys.executable, __file__, "--worker", engine, "--size", str(args.size)]
        command += ["--similar"] if args.similar else []
        completed = subprocess.run(command, capture_output=True, text=True, check=False)
        if completed.returncode != 0:
            print(f"| {engine} | failed: {completed.stderr.strip()[-800:]} |")
            continue
        r = json.loads(completed.stdout.strip().splitlines()[-1])
        for v in r["variants"]:
            same = f"{'yes' if v['same_sets'] else 'NO'} / {'yes' if v['same_order'] else 'no'}"
            print(
                f"| {engine} | {v['label']} | {v['docs_per_second']:.0f} | {v['seconds']:.1f} "
                f"| {v['load']:.2f} | {same} |",
                flush=True,
            )
        if "similar" in r:
            s = r["similar"]
            print(
                f"| {engine} | similar pass | {args.size / s['seconds']:.1f} lists/s "
                f"| {s['seconds']:.1f} | {s['load']:.2f} | |",
                flush=True,
            )


if __name__ == "__main__":
    main()
