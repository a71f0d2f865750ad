"""Snapshots of an entry's full state, kept in revisions for history, restore and conflicts."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import inspect

from hanse_hub.content.models import Contact, Entry, LessonLearned, Material, Solution


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
    if isinstance(entry, Solution):
        state["contacts"] = [contact.uuid for contact in entry.contacts]
    if isinstance(entry, LessonLearned):
        state["solutions"] = [solution.uuid for solution in entry.solutions]
    if isinstance(entry, Material):
        state["speakers"] = [contact.uuid for contact in entry.speakers]
    if isinstance(entry, Contact):
        state.pop("email_folded", None)
    return state
