"""Search latency of the lenient search box against the code before it, side by side.

    .venv/bin/python bench/search_lenient_bench.py [--old REF] [--size 10000] [--runs 3]

Checks out ``--old`` (default: the merge base with ``main``, i.e. the code without this
branch's changes) into a temporary git worktree, then for each backend and each code version
in turn: generates the synthetic hub of ``search_bench.py`` (same seed), indexes it, and runs
the same query set ``--runs`` times through the full search service. The query set mixes the
ordinary queries of ``search_bench.py`` with typos, compounds the text does not contain and
queries with a word no entry holds (≥ 30 % of all queries). Prints p50 and p95 per version,
the median over the runs, and the ratio new ÷ old.

Each version runs in a subprocess whose ``sys.path`` starts with that version's code.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NONSENSE = ["Quantencomputer", "Zeitreise", "Blumenkohl", "Seepferdchen", "Hängebrücke"]


def _typo(rng: random.Random, word: str) -> str:
    i = rng.randrange(1, len(word) - 1)
    if rng.random() < 0.5:
        return word[:i] + word[i + 1 :]  # a letter dropped
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]  # neighbours swapped


def query_set(vocabulary: list[str], ordinary: list[str], count: int) -> list[tuple[str, str]]:
    """(query, kind) pairs: 60 % ordinary, 40 % typos, compounds and zero-hit queries."""
    rng = random.Random(23)
    long_words = [w for w in vocabulary if len(w) >= 6]
    made: list[tuple[str, str]] = []
    for number in range(count):
        kind = ["ordinary", "ordinary", "ordinary", "typo", "compound"][number % 5]
        if number % 10 == 9:
            kind = "zero-hit"
        if kind == "ordinary":
            made.append((ordinary[number % len(ordinary)], kind))
        elif kind == "typo":
            words = rng.sample(long_words, rng.choice([1, 2]))
            words[0] = _typo(rng, words[0])
            made.append((" ".join(words), kind))
        elif kind == "compound":
            first, second = rng.sample([w for w in vocabulary if w.isalpha()], 2)
            made.append((first + second.lower(), kind))
        else:
            made.append((f"{rng.choice(vocabulary)} {rng.choice(NONSENSE)}", kind))
    return made


def worker(code: Path, engine: str, size: int, runs: int, query_count: int) -> None:
    """Runs in a subprocess: measure one code version; prints JSON."""
    sys.path.insert(0, str(code))
    import importlib.util

    import hanse_hub

    assert Path(hanse_hub.__file__).resolve().is_relative_to(code.resolve()), hanse_hub.__file__
    # Each version's own generator (the synthetic hub is the same in both: same code, same
    # seed); the newer file may import what the older code does not have.
    generator = code / "bench/search_bench.py"
    if not generator.exists():
        generator = ROOT / "bench/search_bench.py"
    spec = importlib.util.spec_from_file_location("search_bench", generator)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    import flask_migrate

    from hanse_hub import create_app
    from hanse_hub.extensions import db
    from hanse_hub.policy import Actor
    from hanse_hub.search import indexing, services
    from tests.databases import fresh_database

    ordinary = [text for text, _city in bench.queries(random.Random(11), query_count)]
    queries = query_set(bench.VOCABULARY, ordinary, query_count)
    database = {"whoosh": "sqlite", "postgres": "postgresql"}[engine]
    data_dir = Path(tempfile.mkdtemp(prefix=f"lenient-{engine}-"))
    results = {"runs": [], "kinds": {}}
    with fresh_database(database, data_dir / "db") as url:
        app = create_app(
            {
                "HANSE_ENV": "testing",
                "HANSE_DATABASE_URL": url,
                "HANSE_DATA_DIR": str(data_dir),
                "HANSE_SEARCH_BACKEND": engine,
                "HANSE_SEARCH_INDEXING": "worker",
            }
        )
        with app.app_context():
            flask_migrate.upgrade()
            bench.generate(size)
            indexing.reindex()
            actor = Actor()
            for _run in range(runs):
                times = []
                for text, kind in queries:
                    started = time.perf_counter()
                    page = services.search(actor, services.SearchRequest(q=text))
                    times.append((time.perf_counter() - started) * 1000)
                    results["kinds"].setdefault(kind, []).append(page.total > 0)
                    db.session.rollback()
                results["runs"].append(
                    {"p50": statistics.median(times), "p95": bench.percentile(times, 0.95)}
                )
            db.session.remove()
            db.engine.dispose()
    found = {kind: sum(hits) / len(hits) for kind, hits in results["kinds"].items()}
    print(json.dumps({"runs": results["runs"], "found": found}))


def run_version(code: Path, engine: str, args) -> dict:
    completed = subprocess.run(
        [
            *(sys.executable, __file__, "--worker", str(code), "--engine", engine),
            *("--size", str(args.size), "--runs", str(args.runs), "--queries", str(args.queries)),
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=code,
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--old", default=None, help="git ref of the old code (default: merge base with main)"
    )
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--backends", nargs="+", default=["postgres", "whoosh"])
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--engine", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.engine, args.size, args.runs, args.queries)
        return
    old_ref = (
        args.old
        or subprocess.check_output(
            ["git", "merge-base", "HEAD", "main"], cwd=ROOT, text=True
        ).strip()
    )
    old_tree = Path(tempfile.mkdtemp(prefix="lenient-old-")) / "code"
    subprocess.run(
        ["git", "worktree", "add", "--detach", str(old_tree), old_ref],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    try:
        print(
            f"old: {old_ref[:10]}, new: working tree; {args.size:,} entries, "
            f"{args.queries} queries (40 % typos, compounds, zero-hit), median of {args.runs} runs"
        )
        print(
            "| backend | code | p50 (ms) | p95 (ms) | p95 new ÷ old "
            "| queries with hits: typo / compound / zero-hit |"
        )
        print("|---|---|---:|---:|---:|---|")
        for engine in args.backends:
            measured = {
                name: run_version(code, engine, args)
                for name, code in (("old", old_tree), ("new", ROOT))
            }
            p95 = {
                name: statistics.median(r["p95"] for r in m["runs"]) for name, m in measured.items()
            }
            for name, m in measured.items():
                found = [m["found"].get(kind, 0) for kind in ("typo", "compound", "zero-hit")]
                print(
                    f"| {engine} | {name} | {statistics.median(r['p50'] for r in m['runs']):.1f} "
                    f"| {p95[name]:.1f} | {p95[name] / p95['old']:.2f} "
                    f"| {' / '.join(f'{share:.0%}' for share in found)} |",
                    flush=True,
                )
    finally:
        subprocess.run(
            ["git", "worktree", "remove", "--force", str(old_tree)], cwd=ROOT, check=False
        )


if __name__ == "__main__":
    main()
