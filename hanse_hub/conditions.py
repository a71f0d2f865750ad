"""A tiny backend-neutral language for the filters of a search.

The visibility policy (``policy.VisibilityScope.search_condition``) and the
user's facet filters are expressed as these conditions; each search backend
compiles them to its own filter (a Whoosh query, an SQL clause). So the rules
of who sees what are written once, in the policy, and applied by every backend.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldIn:
    """The document's ``field`` has one of ``values`` (for list fields: any of its values)."""

    field: str
    values: frozenset

    def __init__(self, field: str, values):
        object.__setattr__(self, "field", field)
        object.__setattr__(self, "values", frozenset(values))


@dataclass(frozen=True)
class AllOf:
    conditions: tuple[Condition, ...]


@dataclass(frozen=True)
class AnyOf:
    conditions: tuple[Condition, ...]


@dataclass(frozen=True)
class NoneOf:
    conditions: tuple[Condition, ...]


Condition = FieldIn | AllOf | AnyOf | NoneOf

# The fields every backend indexes for filtering (list fields may hold several values).
FILTER_FIELDS = {
    "tenant_id": "single",
    "kind": "single",
    "status": "single",
    "visibility": "single",
    "author_id": "single",
    "participant_ids": "list",
    "topics": "list",
    "year": "single",
    "entry_id": "single",
}


def all_of(*conditions: Condition | None) -> AllOf:
    return AllOf(tuple(c for c in conditions if c is not None))


def any_of(*conditions: Condition | None) -> AnyOf:
    return AnyOf(tuple(c for c in conditions if c is not None))


def matches(condition: Condition, document: dict) -> bool:
    """Evaluate a condition on a plain document (used by tests to check the backends)."""
    match condition:
        case FieldIn(field, values):
            value = document.get(field)
            if FILTER_FIELDS[field] == "list":
                return bool(set(value or ()) & values)
            return value in values
        case AllOf(conditions):
            return all(matches(c, document) for c in conditions)
        case AnyOf(conditions):
            return any(matches(c, document) for c in conditions)
        case NoneOf(conditions):
            return not any(matches(c, document) for c in conditions)
    raise TypeError(condition)
