"""Compound splitting: the hand-kept word parts against a maintained frequency list and a
maintained splitter, on the relevance suites, side by side.

    .venv/bin/python bench/splitter_compare.py [--backends whoosh postgres] [--top 20000]

For each backend and each variant of the splitter's source, a fresh database is migrated,
the demo hub seeded and indexed (the index splits compounds with the variant too), and both
relevance suites (``QUERIES`` and ``AS_TYPED`` in ``tests/search/relevance_queries.py``) run
as the Wismar reader of the relevance test. Prints success@3 and MRR per suite.

Variants (the rest of the search is the same in all of them):

- ``word_parts.txt`` – the hand-kept parts (what the hub uses), plus the index's words;
- ``wordfreq`` – the ``--top`` most frequent German words of ``wordfreq`` instead of
  ``word_parts.txt``, plus the index's words;
- ``word_parts.txt + wordfreq`` – both lists;
- ``CharSplit`` – the statistical splitter of the ``compound-split`` package
  (``char_split``, n-gram probabilities of German Wikipedia) instead of the segmenter over
  known parts: a word is split at CharSplit's best cut when its score is positive, and each
  side again. Folded words (ä → ae) are given to it as the hub folds them.

The libraries are in the dev extra only (``pip install -e '.[dev]'``).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import flask_migrate  # noqa: E402

from hanse_hub.accounts.models import User  # noqa: E402
from hanse_hub.demo.seed import demo_email, seed_demo  # noqa: E402
from hanse_hub.extensions import db  # noqa: E402
from hanse_hub.policy import Actor  # noqa: E402
from hanse_hub.search import analysis, indexing  # noqa: E402
from tests.conftest import make_app  # noqa: E402
from tests.databases import fresh_database, postgres_unavailable_reason  # noqa: E402
from tests.search.relevance import run_query, summary  # noqa: E402
from tests.search.relevance_queries import AS_TYPED, QUERIES  # noqa: E402

ENGINES = {"whoosh": "sqlite", "postgres": "postgresql"}
CHARSPLIT_MIN_SCORE = 0.0


def _wordfreq_parts(top: int) -> frozenset[str]:
    from wordfreq import top_n_list

    parts = (analysis.fold(word) for word in top_n_list("de", top))
    return frozenset(p for p in parts if len(p) >= analysis.MIN_PART_CHARS and p.isalpha())


def _charsplit_segment():
    from compound_split import char_split

    minimum = analysis.MIN_PART_CHARS

    def spans_of(word: str, start: int) -> list[tuple[int, int]]:
        if len(word) < 2 * minimum:
            return [(start, start + len(word))]
        best = char_split.split_compound(word)[0]
        score, head, tail = best[0], best[1].lower(), best[2].lower()
        if score <= CHARSPLIT_MIN_SCORE or len(head) < minimum or len(tail) < minimum:
            return [(start, start + len(word))]
        if not word.startswith(head):
            return [(start, start + len(word))]
        tail_at = word.find(tail, len(head))  # a linking element lies between head and tail
        if tail_at < 0 or tail_at - len(head) > 2:
            return [(start, start + len(word))]
        return spans_of(head, start) + spans_of(word[tail_at:], start + tail_at)

    def segment(word: str, _known) -> tuple[tuple[int, int], ...] | None:
        n = len(word)
        if n < 2 * minimum or n > analysis.MAX_COMPOUND_CHARS or not word.isalpha():
            return None
        spans = spans_of(word, 0)
        return tuple(spans) if len(spans) >= 2 else None

    return segment


def _variants(top: int) -> dict[str, dict]:
    own = analysis._built_in_word_parts()
    frequent = _wordfreq_parts(top)
    return {
        "word_parts.txt": {"parts": own},
        f"wordfreq top {top}": {"parts": frequent},
        f"word_parts.txt + wordfreq top {top}": {"parts": own | frequent},
        "CharSplit (compound-split)": {"parts": own, "segment": _charsplit_segment()},
    }


def _use(variant: dict) -> None:
    analysis._built_in_word_parts = lambda: variant["parts"]
    analysis._segment = variant.get("segment", ORIGINAL_SEGMENT)
    analysis.default_vocabulary.cache_clear()


ORIGINAL_SEGMENT = analysis._segment


def measure(engine: str, variant: dict) -> dict[str, tuple[float, float]]:
    _use(variant)
    with (
        tempfile.TemporaryDirectory() as folder,
        fresh_database(ENGINES[engine], Path(folder) / "db") as url,
    ):
        app = make_app(url, Path(folder) / "data", HANSE_SEARCH_BACKEND=engine)
        with app.app_context():
            flask_migrate.upgrade()
            seed_demo(fixed_password="relevanz-test-2026")
            db.session.commit()
            indexing.apply_all_pending_jobs()
            user = db.session.scalar(
                db.select(User).where(User.email == demo_email("wismar", "reader"))
            )
            clerk = Actor.of(user)
            results = {}
            for name, suite in (("QUERIES", QUERIES), ("AS_TYPED", AS_TYPED)):
                outcomes = [run_query(clerk, q, tuple(expected)) for q, expected in suite]
                results[name] = summary(outcomes)
                results[name + " misses"] = [o.query for o in outcomes if not o.success_at_3]
            db.session.remove()
            db.engine.dispose()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backends", nargs="+", default=sorted(ENGINES), choices=ENGINES)
    parser.add_argument("--top", type=int, default=20000, help="wordfreq: how many words")
    parser.add_argument("--only", default="", help="only variants whose name holds this")
    args = parser.parse_args()
    variants = {k: v for k, v in _variants(args.top).items() if args.only in k}
    rows = []
    for engine in args.backends:
        if ENGINES[engine] == "postgresql" and (reason := postgres_unavailable_reason()):
            print(f"{engine}: skipped ({reason})")
            continue
        for name, variant in variants.items():
            started = time.perf_counter()
            result = measure(engine, variant)
            rows.append((engine, name, result))
            print(
                f"{engine:8} {name:40} QUERIES {result['QUERIES'][0]:4.0%} "
                f"({result['QUERIES'][1]:.2f})  AS_TYPED {result['AS_TYPED'][0]:4.0%} "
                f"({result['AS_TYPED'][1]:.2f})  [{time.perf_counter() - started:.0f} s]",
                flush=True,
            )
            for suite in ("QUERIES", "AS_TYPED"):
                if result[suite + " misses"]:
                    print(f"{'':10}{suite} misses: {result[suite + ' misses']}", flush=True)
    print("\n| variant | backend | QUERIES success@3 (MRR) | AS_TYPED success@3 (MRR) |")
    print("| --- | --- | --- | --- |")
    for engine, name, result in rows:
        queries, typed = result["QUERIES"], result["AS_TYPED"]
        print(
            f"| {name} | {engine} | {queries[0]:.0%} ({queries[1]:.2f}) "
            f"| {typed[0]:.0%} ({typed[1]:.2f}) |"
        )


if __name__ == "__main__":
    main()
