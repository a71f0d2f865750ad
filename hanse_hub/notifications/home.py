"""The sections of "Mein Bereich", the personal start page.

Each domain registers the sections it contributes (``register_home_section``): a key, a
title, the order on the page, a loader that returns the items for the signed-in person (read
through the policy, like every read) and the template that shows them. The page
(``notifications.views``) shows every registered section; one whose loader returns no items
shows its ``empty`` text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hanse_hub.accounts.models import User
from hanse_hub.policy import Actor

Loader = Callable[[Actor, User], list[Any]]


@dataclass(frozen=True)
class HomeSection:
    key: str  # also the HTML id of the section ("entwuerfe")
    title: Any  # a lazy string
    loader: Loader
    template: str  # included with ``items`` (and ``section``) in its context
    order: int = 100
    empty: Any = None  # a lazy string shown when there is nothing


HOME_SECTIONS: dict[str, HomeSection] = {}


def register_home_section(section: HomeSection) -> HomeSection:
    HOME_SECTIONS[section.key] = section
    return section


def home_sections() -> list[HomeSection]:
    return sorted(HOME_SECTIONS.values(), key=lambda section: (section.order, section.key))
