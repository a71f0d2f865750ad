"""Search use cases: find entries, suggest spellings, complete titles, find similar entries.

The backend returns ids; entries are loaded back from the database through the
visibility policy, so the index never decides what anyone sees. Snippets are
cut from the loaded entries; suggestions are offered only when they find
something the searcher may see.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from markupsafe import Markup
from sqlalchemy import func, select

from hanse_hub.conditions import Condition, FieldIn, NoneOf, all_of
from hanse_hub.content.models import Entry, EntryKind, Topic
from hanse_hub.extensions import db
from hanse_hub.labels import KIND_LABELS, interface_language
from hanse_hub.policy import Actor, scope_for
from hanse_hub.search import analysis
from hanse_hub.search.backends import get_backend
from hanse_hub.search.backends.base import IndexUnavailable, SearchQuery
from hanse_hub.search.indexing import attachment_text, entry_fields
from hanse_hub.search.models import SearchWord
from hanse_hub.search.query import (
    AnalysedNode,
    Or,
    Token,
    analyse_query,
    kind_words,
    parse_query,
    plain_words,
    query_stems,
)
from hanse_hub.tenants.models import Tenant

MAX_PER_PAGE = 50
SORTS = ("relevance", "date")


@dataclass(frozen=True)
class SearchRequest:
    """A validated search request (the web form and the API schema build it)."""

    q: str = ""
    tenants: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    sort: str = "relevance"
    page: int = 1
    per_page: int = 10
    include_archived: bool = False
    # Words naming a kind ("Ansprechpartner …") choose the kind (see kind_words.txt).
    kind_words: bool = True


@dataclass
class Hit:
    entry: Entry
    score: float
    snippet: Markup
    file_name: str | None = None  # the file the words were found in, if not in the entry itself


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class KindFromQuery:
    """The query named a kind ("Ansprechpartner Elektromobilität"): its other words were
    searched among entries of that kind only."""

    kind: str
    words: tuple[str, ...]  # the kind words as typed
    rest: str  # the query without them, to search all kinds


@dataclass
class SearchPage:
    request: SearchRequest
    hits: list[Hit]
    total: int
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    suggestion: str | None = None
    kind_from_query: KindFromQuery | None = None

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.request.per_page))


def _user_filters(request: SearchRequest) -> Condition | None:
    conditions = []
    if request.tenants:
        ids = db.session.scalars(select(Tenant.id).where(Tenant.slug.in_(request.tenants)))
        conditions.append(FieldIn("tenant_id", list(ids) or [-1]))
    if request.kinds:
        conditions.append(FieldIn("kind", request.kinds))
    if request.topics:
        conditions.append(FieldIn("topics", request.topics))
    if request.years:
        conditions.append(FieldIn("year", request.years))
    return all_of(*conditions) if conditions else None


def _tree(text: str) -> AnalysedNode | None:
    """The analysed query; a query that cannot be understood falls back to its plain words."""
    try:
        return analyse_query(parse_query(text))
    except Exception:  # the parser is built never to fail; this is the last line of defence
        return plain_words(text)


def _load_visible(actor: Actor, ids: list[int]) -> dict[int, Entry]:
    if not ids:
        return {}
    entries = db.session.scalars(
        select(Entry).where(Entry.id.in_(ids), scope_for(actor).entry_filter())
    )
    return {entry.id: entry for entry in entries}


MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
MARKDOWN_MARKS = re.compile(r"(^|\s)#{1,6}\s|[*_`>]+|^\s*[-+]\s", re.MULTILINE)


def plain_text(markdown: str) -> str:
    """Markdown as reading text for excerpts: link texts kept, markup characters dropped."""
    return MARKDOWN_MARKS.sub(" ", MARKDOWN_LINK.sub(r"\1", markdown))


def _snippet(entry: Entry, stems: set[str]) -> tuple[Markup, str | None]:
    """The excerpt to show, and the file it comes from when the words were found only there."""
    language = entry.language
    text = plain_text("\n".join(entry_fields(entry))) or entry.title
    excerpt = analysis.snippet(text, stems, language=language)
    if not stems or "<mark>" in excerpt or set(analysis.analyse(entry.title, language)) & stems:
        return excerpt, None
    for attachment in entry.attachments:
        found = analysis.snippet(attachment_text(attachment), stems, language=language)
        if "<mark>" in found:
            return found, attachment.original_filename
    return excerpt, None


def _facet_labels() -> dict[str, dict[str, str]]:
    tenants = {str(t.id): (t.slug, t.short_name) for t in db.session.scalars(select(Tenant))}
    language = interface_language()
    topics = {t.slug: t.name(language) for t in db.session.scalars(select(Topic))}
    return {"tenants": tenants, "topics": topics}


def _facets(raw: dict[str, dict[str, int]], request: SearchRequest) -> dict[str, list[FacetValue]]:
    labels = _facet_labels()
    facets: dict[str, list[FacetValue]] = {}
    tenant_values = []
    for tenant_id, count in raw.get("tenant_id", {}).items():
        slug, name = labels["tenants"].get(tenant_id, (tenant_id, tenant_id))
        tenant_values.append(FacetValue(slug, name, count, slug in request.tenants))
    facets["tenant"] = sorted(tenant_values, key=lambda v: (-v.count, v.label))
    facets["kind"] = sorted(
        (
            FacetValue(kind, str(KIND_LABELS[EntryKind(kind)][1]), count, kind in request.kinds)
            for kind, count in raw.get("kind", {}).items()
            if kind in set(EntryKind)
        ),
        key=lambda v: (-v.count, v.label),
    )
    facets["topic"] = sorted(
        (
            FacetValue(slug, labels["topics"].get(slug, slug), count, slug in request.topics)
            for slug, count in raw.get("topics", {}).items()
        ),
        key=lambda v: (-v.count, v.label),
    )
    facets["year"] = sorted(
        (
            FacetValue(year, year, count, year.isdigit() and int(year) in request.years)
            for year, count in raw.get("year", {}).items()
        ),
        key=lambda v: v.value,
        reverse=True,
    )
    return facets


def _without_words(text: str, removed: tuple[str, ...]) -> str:
    for word in removed:
        text = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", " ", text, count=1)
    return " ".join(text.split())


def _kind_from_query(
    actor: Actor, request: SearchRequest
) -> tuple[SearchRequest, AnalysedNode | None, KindFromQuery | None]:
    """The request and query tree to run, given words that name a kind of entry.

    With no kind filter, "Ansprechpartner Elektromobilität" searches contacts for
    Elektromobilität – if that finds anything; otherwise the words are taken as typed. With a
    kind filter that the word agrees with, the word is redundant and left out.
    """
    tree = _tree(request.q)
    try:
        found = kind_words(parse_query(request.q))
    except Exception:  # the parser never fails; the words are then simply taken as typed
        found = None
    if not request.kind_words or found is None:
        return request, tree, None
    if request.kinds and found.kind not in request.kinds:
        return request, tree, None
    rest_tree = analyse_query(found.rest)
    if rest_tree is None:
        return request, tree, None
    if request.kinds:
        return request, rest_tree, None
    narrowed = replace(request, kinds=(found.kind,))
    condition = all_of(
        scope_for(actor).search_condition(include_archived=request.include_archived),
        _user_filters(narrowed),
    )
    if not get_backend().count(SearchQuery(tree=rest_tree, condition=condition, limit=1)):
        return request, tree, None
    rest = _without_words(request.q, found.words)
    return narrowed, rest_tree, KindFromQuery(found.kind, found.words, rest)


def search(actor: Actor, request: SearchRequest) -> SearchPage:
    """One page of entries matching the request that ``actor`` may see, with facets."""
    backend = get_backend()
    typed = request
    request, tree, kind_from_query = _kind_from_query(actor, request)
    if request.q.strip() and tree is None:
        tree = plain_words(request.q)
    condition = all_of(
        scope_for(actor).search_condition(include_archived=request.include_archived),
        _user_filters(request),
    )
    per_page = min(max(request.per_page, 1), MAX_PER_PAGE)
    raw = backend.search(
        SearchQuery(
            tree=tree,
            condition=condition,
            sort=request.sort if request.sort in SORTS else "relevance",
            offset=(max(request.page, 1) - 1) * per_page,
            limit=per_page,
            facets=True,
        )
    )
    entries = _load_visible(actor, [hit.entry_id for hit in raw.hits])
    stems = query_stems(tree)
    hits = []
    for raw_hit in raw.hits:
        entry = entries.get(raw_hit.entry_id)
        if entry is None:
            continue  # the index is behind the database; the database decides
        snippet, file_name = _snippet(entry, stems)
        hits.append(Hit(entry, raw_hit.score, snippet, file_name))
    suggestion = None
    if request.q.strip() and raw.total < 3:
        suggestion = suggest(actor, request.q)
    return SearchPage(
        request=typed,
        hits=hits,
        total=raw.total,
        facets=_facets(raw.facets, request),
        suggestion=suggestion,
        kind_from_query=kind_from_query,
    )


def _count(actor: Actor, tree: AnalysedNode | None) -> int:
    condition = scope_for(actor).search_condition()
    return get_backend().count(SearchQuery(tree=tree, condition=condition, limit=1))


def _candidates(word: str) -> list[str]:
    """Known spellings close to ``word`` (same first letter, similar length)."""
    if len(word) < 4:
        return []
    rows = db.session.scalars(
        select(SearchWord.word).where(
            SearchWord.word.startswith(word[0]),
            func.length(SearchWord.word).between(len(word) - 2, len(word) + 2),
        )
    )
    return difflib.get_close_matches(word, list(rows), n=5, cutoff=0.75)


def suggest(actor: Actor, text: str) -> str | None:
    """ "Meinten Sie …?": a corrected query that finds something ``actor`` may see, or None."""
    typed = [w for w in analysis.words(text)[:8]]
    if not typed:
        return None
    corrected, changed = [], False
    for word in typed:
        folded = analysis.fold(word)
        if not folded or _count(actor, analyse_query(parse_query(word))) > 0:
            corrected.append(word)
            continue
        replacement = next(
            (
                candidate
                for candidate in _candidates(folded)
                if _count(actor, analyse_query(parse_query(candidate))) > 0
            ),
            None,
        )
        corrected.append(replacement or word)
        changed = changed or replacement is not None
    if not changed:
        return None
    proposal = " ".join(corrected)
    # Only suggest what finds something this searcher may see: nothing else leaks.
    return proposal if _count(actor, _tree(proposal)) > 0 else None


def autocomplete(actor: Actor, prefix: str, *, limit: int = 8) -> list[dict]:
    """Titles and topics starting with the last word typed, as the searcher may see them."""
    typed = analysis.words(prefix)
    if not typed:
        return []
    folded = analysis.fold(typed[-1])
    if len(folded) < 2:
        return []
    ids = get_backend().autocomplete(folded, scope_for(actor).search_condition(), limit)
    entries = _load_visible(actor, ids)
    suggestions = [
        {"type": "entry", "label": entries[i].title, "entry": entries[i]}
        for i in ids
        if i in entries
    ]
    for topic in db.session.scalars(select(Topic).order_by(Topic.position)):
        names = {analysis.fold(w) for w in analysis.words(f"{topic.name_de} {topic.name_en}")}
        if any(name.startswith(folded) for name in names):
            label = topic.name(interface_language())
            suggestions.append({"type": "topic", "label": label, "topic": topic})
    return suggestions[:limit]


def similar(actor: Actor, entry: Entry, *, limit: int = 5) -> list[Entry]:
    """Entries of other tenants that share the most distinctive words with ``entry``."""
    language = entry.language
    tokens = analysis.analyse(entry.title + "\n" + "\n".join(entry_fields(entry)), language)
    if not tokens:
        return []
    counts = Counter(tokens)
    title_tokens = set(analysis.analyse(entry.title, language))
    weighted = sorted(counts, key=lambda t: (-(counts[t] + 3 * (t in title_tokens)) * len(t), t))[
        :12
    ]
    tree = Or(tuple(Token((stem,)) for stem in weighted))
    condition = all_of(
        scope_for(actor).search_condition(),
        NoneOf((FieldIn("tenant_id", [entry.tenant_id]),)),
    )
    try:
        raw = get_backend().search(SearchQuery(tree=tree, condition=condition, limit=limit))
    except IndexUnavailable:
        return []  # a hint beside an entry: the entry page itself must not fail
    entries = _load_visible(actor, [hit.entry_id for hit in raw.hits])
    return [entries[hit.entry_id] for hit in raw.hits if hit.entry_id in entries]
