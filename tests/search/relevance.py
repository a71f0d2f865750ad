"""The relevance suite's machinery: run German queries over the demo hub, score the results.

The queries and their expected results live in ``relevance_queries.py``. A query succeeds
when one of its expected entries is among the first three results (success@3); the mean
reciprocal rank (MRR) of the first expected entry is reported too.
"""

from __future__ import annotations

from dataclasses import dataclass

from hanse_hub.policy import Actor
from hanse_hub.search import services
from hanse_hub.search.services import SearchRequest


@dataclass
class QueryOutcome:
    query: str
    expected: tuple[str, ...]
    got: list[str]
    rank: int | None  # 1-based rank of the first expected title in the results, if any

    @property
    def success_at_3(self) -> bool:
        return self.rank is not None and self.rank <= 3


def run_query(actor: Actor, query: str, expected: tuple[str, ...]) -> QueryOutcome:
    page = services.search(actor, SearchRequest(q=query, per_page=10))
    got = [hit.entry.title for hit in page.hits]
    rank = next((i + 1 for i, title in enumerate(got) if title in expected), None)
    return QueryOutcome(query, expected, got, rank)


def summary(outcomes: list[QueryOutcome]) -> tuple[float, float]:
    """(success@3, MRR) over all outcomes."""
    success = sum(o.success_at_3 for o in outcomes) / len(outcomes)
    mrr = sum(1 / o.rank for o in outcomes if o.rank) / len(outcomes)
    return success, mrr


def report(engine: str, outcomes: list[QueryOutcome]) -> str:
    success, mrr = summary(outcomes)
    lines = [f"{engine}: {len(outcomes)} queries, success@3 {success:.0%}, MRR {mrr:.2f}"]
    for outcome in outcomes:
        if not outcome.success_at_3:
            lines.append(f"  MISS {outcome.query!r}: rank {outcome.rank}, top-3 {outcome.got[:3]}")
    return "\n".join(lines)
