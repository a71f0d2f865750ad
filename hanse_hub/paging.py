"""One page of a list: the listing helper of the web pages, the API and the administration.

A query is counted and cut in the database; a list already in memory is cut in Python. Either
way the caller gets a ``Page`` with the items, the page number, the total and the page count.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select

from hanse_hub.extensions import db


@dataclass(frozen=True)
class Page:
    items: list[Any]
    number: int
    total: int
    per_page: int

    @property
    def pages(self) -> int:
        """How many pages there are (at least one, also for an empty list)."""
        return page_count(self.total, self.per_page)


def page_count(total: int, per_page: int) -> int:
    return max(1, -(-total // per_page))


def count(query: Select) -> int:
    """How many rows ``query`` gives (its ordering aside)."""
    return db.session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))


def page_of(query: Select, number: int, per_page: int, *, clamp: bool = False) -> Page:
    """Page ``number`` (from 1) of ``query``, ``per_page`` rows each.

    With ``clamp``, a number beyond the last page gives the last page (and says so in
    ``Page.number``); without, it gives an empty page.
    """
    total = count(query)
    number = max(1, number)
    if clamp:
        number = min(number, page_count(total, per_page))
    items = db.session.scalars(query.offset((number - 1) * per_page).limit(per_page)).all()
    return Page(list(items), number, total, per_page)


def page_of_list(items: Sequence, number: int, per_page: int) -> Page:
    """Page ``number`` (from 1) of a list already loaded."""
    number = max(1, number)
    return Page(
        list(items[(number - 1) * per_page : number * per_page]), number, len(items), per_page
    )
