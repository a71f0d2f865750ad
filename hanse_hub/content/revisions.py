"""Snapshots of an entry's full state, kept in revisions for history, restore and conflicts."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import inspect

from hanse_hub.content import kinds
from hanse_hub.content.models import Contact, Entry


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def entry_state(entry: Entry) -> dict[str, Any]:
    """Every column of the entry and its kind, plus its links, as JSON-ready data."""
    mapper = inspect(entry).mapper
    state = {attr.key: _plain(getattr(entry, attr.key)) for attr in mapper.column_attrs}
    state["topics"] = [topic.slug for topic in entry.topics]
    state["tags"] = list(entry.tags)
    state["participants"] = [tenant.slug for tenant in entry.participants]
    for relationship, _target in kinds.link_fields(entry.kind).values():
        state[relationship] = [linked.uuid for linked in getattr(entry, relationship)]
    if isinstance(entry, Contact):
        state.pop("email_folded", None)
    return state


# Fields whose change the history names, in the order it names them (technical columns such as
# the version or the timestamps are left out): from the kind registry.
HISTORY_FIELDS = kinds.history_fields()


def _comparable(value: Any) -> Any:
    # Lists of links and tags are sets: their order in a snapshot says nothing.
    return sorted(map(str, value)) if isinstance(value, list) else value


def changed_fields(
    before: dict | None, after: dict, fields: tuple[str, ...] = HISTORY_FIELDS
) -> list[str]:
    """The ``fields`` whose value differs between two snapshots (none for a creation)."""
    if before is None:
        return []
    return [
        name
        for name in fields
        if name in before and _comparable(before.get(name)) != _comparable(after.get(name))
    ]
