"""One entry per translation group in lists: an entry and its translations are one item.

Home, city and topic pages and the search results list an entry once, in the interface
language's version when the list holds one, with the other versions named beside it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from hanse_hub.content.models import Entry

Item = TypeVar("Item")


@dataclass(frozen=True)
class Listed(Generic[Item]):
    """An item of a list, and the other language versions of its entry in the same list."""

    item: Item
    other_versions: list[Entry] = field(default_factory=list)


def group_of(entry: Entry) -> int:
    """The id naming the entry's translation group: its original's id."""
    return entry.translation_of_id or entry.id


def one_per_translation_group(
    items: Iterable[Item], language: str, entry_of: Callable[[Item], Entry] = lambda item: item
) -> list[Listed[Item]]:
    """``items`` with one item per translation group, where the group first appears: the one
    whose entry is in ``language`` if there is one, else the first."""
    groups: dict[int, list[Item]] = {}
    for item in items:
        groups.setdefault(group_of(entry_of(item)), []).append(item)
    listed = []
    for members in groups.values():
        chosen = next((m for m in members if entry_of(m).language == language), members[0])
        others = [entry_of(m) for m in members if m is not chosen]
        listed.append(Listed(chosen, others))
    return listed
