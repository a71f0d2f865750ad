"""The interface every search backend implements, and the data it exchanges.

A backend stores ``SearchDocument``s (ids, analysed text, and the fields it
filters and facets on) and answers ``SearchQuery``s with entry ids, scores,
totals and facet counts. It never decides visibility on its own: the query
carries the policy's condition, and results are loaded back from the database.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from hanse_hub.conditions import Condition
from hanse_hub.search.query import AnalysedNode

FACETS = ("tenant_id", "kind", "topics", "year")

# Features a backend may lack; the conformance suite shows each gap instead of hiding it.
ALL_CAPABILITIES = frozenset(
    {"phrases", "negation", "or", "facets", "sort_by_date", "autocomplete", "field_weights"}
)


class IndexUnavailable(RuntimeError):
    """The index cannot be read (missing or damaged): searching must wait for a rebuild.

    The fix is always the same: ``flask --app hanse_hub search reindex``.
    """


@dataclass
class SearchDocument:
    entry_id: int
    tenant_id: int
    kind: str
    status: str
    visibility: str
    author_id: int | None
    participant_ids: tuple[int, ...]
    topics: tuple[str, ...]
    year: int
    language: str
    sort_date: datetime
    title_tokens: list[str]
    body_tokens: list[str]
    file_tokens: list[str]
    title_words: list[str]  # folded, unstemmed: for autocomplete

    def filter_values(self) -> dict:
        """The filterable fields as plain values (what ``conditions.matches`` evaluates)."""
        return {
            "entry_id": self.entry_id,
            "tenant_id": self.tenant_id,
            "kind": self.kind,
            "status": self.status,
            "visibility": self.visibility,
            "author_id": self.author_id,
            "participant_ids": self.participant_ids,
            "topics": self.topics,
            "year": self.year,
        }


@dataclass(frozen=True)
class SearchQuery:
    """What to find (``tree``; None finds every document) and within what (``condition``)."""

    tree: AnalysedNode | None
    condition: Condition
    sort: str = "relevance"  # or "date"
    offset: int = 0
    limit: int = 10
    facets: bool = False


@dataclass
class RawHit:
    entry_id: int
    score: float


@dataclass
class RawResults:
    hits: list[RawHit]
    total: int
    facets: dict[str, dict[str, int]] = field(default_factory=dict)


class SearchBackend(Protocol):
    name: str
    capabilities: frozenset[str]

    def index_many(self, documents: list[SearchDocument]) -> None:
        """Add or replace the documents (by entry id)."""

    def delete_many(self, entry_ids: list[int]) -> None:
        """Remove documents; unknown ids are ignored."""

    def bulk_load(self, procs: int = 1) -> AbstractContextManager[None]:
        """A full rebuild into the emptied index (after ``reset``) runs inside: the backend may
        write in bulk (and with ``procs`` processes) and finish its work at the end."""

    def reset(self) -> None:
        """Remove every document."""

    def search(self, query: SearchQuery) -> RawResults:
        """Matching entry ids, best first (or newest first), with totals and facet counts."""

    def count(self, query: SearchQuery) -> int:
        """How many documents match (cheaper than ``search``)."""

    def autocomplete(self, prefix: str, condition: Condition, limit: int) -> list[int]:
        """Entry ids whose title has a word starting with the folded ``prefix``."""

    def document_count(self) -> int:
        """How many documents the index holds."""

    def health(self) -> str | None:
        """Why the index cannot be used right now, or None when it can be read."""
