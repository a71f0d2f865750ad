"""The search form: query-string parameters validated at the edge."""

from __future__ import annotations

from werkzeug.datastructures import MultiDict

from hanse_hub.content.models import EntryKind
from hanse_hub.search.services import MAX_PER_PAGE, SORTS, SearchRequest

MAX_FILTER_VALUES = 20


def search_request_from_args(args: MultiDict) -> SearchRequest:
    """A search request from URL parameters; anything unusable is dropped, never an error."""

    def integers(name: str) -> tuple[int, ...]:
        return tuple(int(v) for v in args.getlist(name)[:MAX_FILTER_VALUES] if v.isdigit())

    def strings(name: str) -> tuple[str, ...]:
        return tuple(v[:80] for v in args.getlist(name)[:MAX_FILTER_VALUES] if v)

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
        page=min(int(page), 10_000) if page.isdigit() and int(page) > 0 else 1,
        per_page=min(int(per_page), MAX_PER_PAGE) if per_page.isdigit() and int(per_page) else 10,
        include_archived=args.get("archiv") == "1",
    )
