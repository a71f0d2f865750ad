"""The search page's query string (``?q=…&art=…``) parsed into a ``SearchRequest``: validated at
the edge, anything unusable dropped."""

from __future__ import annotations

import re

from werkzeug.datastructures import MultiDict

from hanse_hub.content.models import EntryKind
from hanse_hub.search.services import MAX_PER_PAGE, SORTS, SearchRequest

MAX_FILTER_VALUES = 20
SLUG_LIKE = re.compile(r"^[a-z0-9_-]{1,80}$")


def _is_number(value: str) -> bool:
    """ASCII digits only: ``"²".isdigit()`` is true, but ``int("²")`` fails."""
    return value.isascii() and value.isdigit() and len(value) <= 9


def search_request_from_args(args: MultiDict) -> SearchRequest:
    """A search request from URL parameters; anything unusable is dropped, never an error."""

    def integers(name: str) -> tuple[int, ...]:
        return tuple(int(v) for v in args.getlist(name)[:MAX_FILTER_VALUES] if _is_number(v))

    def strings(name: str) -> tuple[str, ...]:
        # Slugs and kinds are plain ASCII; anything else (e.g. NUL, which PostgreSQL
        # rejects) cannot match and is dropped.
        return tuple(v[:80] for v in args.getlist(name)[:MAX_FILTER_VALUES] if SLUG_LIKE.match(v))

    page = args.get("seite", args.get("page", "1"))
    per_page = args.get("pro_seite", "10")
    sort = args.get("sortierung", "relevance")
    return SearchRequest(
        q=args.get("q", "")[:2000],
        tenants=strings("stadt"),
        kinds=tuple(k for k in strings("art") if k in set(EntryKind)),
        topics=strings("thema"),
        years=integers("jahr"),
        sort=sort if sort in SORTS else "relevance",
        page=min(int(page), 10_000) if _is_number(page) and int(page) > 0 else 1,
        per_page=min(int(per_page), MAX_PER_PAGE) if _is_number(per_page) and int(per_page) else 10,
        include_archived=args.get("archiv") == "1",
        exact=args.get("genau") == "1",
    )
