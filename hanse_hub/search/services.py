"""Search use cases: find entries, suggest spellings, complete titles, find similar entries.

The backend returns ids; entries are loaded back from the database through the
visibility policy, so the index never decides what anyone sees. Excerpts are cut
from the hits' readable text stored by the indexing pass (``excerpts``); suggestions are
offered only when they find something the searcher may see.

A query typed into the search box never dead-ends (unless ``SearchRequest.exact``): question
and filler words are left out, a compound the index knows rarely is also looked for as its
parts, an unknown word is replaced at once by a close word that finds something the searcher
may see (``SearchPage.corrected_query``), and when all words together find nothing, entries
holding most of them are shown (``relaxed``, with the ``missing_words``). Every count that
steers these decisions is taken within the searcher's visibility, so none of them reveals a
word that only entries hidden from the searcher contain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.orm import aliased, selectin_polymorphic, selectinload

from hanse_hub.conditions import Condition, FieldIn, NoneOf, all_of
from hanse_hub.content.models import Entry, EntryKind, Topic
from hanse_hub.content.models.kinds import KIND_CLASSES
from hanse_hub.extensions import db
from hanse_hub.labels import KIND_LABELS, interface_language
from hanse_hub.policy import Actor, scope_for
from hanse_hub.search import analysis, excerpts, lenient
from hanse_hub.search import similar as similar_entries
from hanse_hub.search.backends import get_backend
from hanse_hub.search.backends.base import SearchQuery
from hanse_hub.search.query import (
    AnalysedNode,
    Node,
    analyse_query,
    kind_words,
    parse_query,
    plain_words,
    query_stems,
    without_filler,
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
    # Exactly the words typed: no filler words left out, no corrected or relaxed results.
    # For saved searches, feeds and notifications, and for people who ask for it.
    exact: bool = False
    # An entry and its translations are one hit (in the interface language's version when it
    # matches): the total, the facet counts and the pages count translation groups. Off for
    # feeds, notifications and exports, which list every version.
    one_per_translation_group: bool = True


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
    # The query searched instead of the typed one, whose words found nothing.
    corrected_query: str | None = None
    # No entry holds all words: these hits hold most of them; missing_words found nothing.
    relaxed: bool = False
    missing_words: tuple[str, ...] = ()
    # Per hit (entry id): the other language versions that matched too, listed with it.
    other_versions: dict[int, list[Entry]] = field(default_factory=dict)

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


def _parsed(text: str) -> Node | None:
    try:
        return parse_query(text)
    except Exception:  # the parser never fails; the plain words are then searched
        return None


def _load_visible(actor: Actor, ids: list[int]) -> dict[int, Entry]:
    """The visible entries among ``ids``, with what results and excerpts show (each kind's
    own columns, tenant, files) loaded for all of them at once, not per hit."""
    if not ids:
        return {}
    entries = db.session.scalars(
        select(Entry)
        .where(Entry.id.in_(ids), scope_for(actor).entry_filter())
        .options(
            selectin_polymorphic(Entry, list(KIND_CLASSES.values())),
            selectinload(Entry.tenant),
            selectinload(Entry.attachments),
        )
    )
    return {entry.id: entry for entry in entries}


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
    request: SearchRequest, node: Node | None, reading: lenient.Reading
) -> tuple[SearchRequest, Node | None, KindFromQuery | None]:
    """The request and query to run, given words that name a kind of entry.

    With no kind filter, "Ansprechpartner Elektromobilität" searches contacts for
    Elektromobilität – if that finds anything; otherwise the words are taken as typed. With a
    kind filter that the word agrees with, the word is redundant and left out.
    """
    found = kind_words(node)
    if not request.kind_words or found is None:
        return request, node, None
    if request.kinds and found.kind not in request.kinds:
        return request, node, None
    if request.kinds:
        return request, found.rest, None
    narrowed = replace(request, kinds=(found.kind,))
    condition = all_of(reading.visible, _user_filters(narrowed))
    if not lenient.count_within(condition, analyse_query(found.rest)):
        return request, node, None
    rest = _without_words(request.q, found.words)
    return narrowed, found.rest, KindFromQuery(found.kind, found.words, rest)


def search(actor: Actor, request: SearchRequest) -> SearchPage:
    """One page of entries matching the request that ``actor`` may see, with facets.

    Unless ``request.exact``, filler words are left out, unknown words corrected and rare
    compounds split, and a query that finds nothing as a whole is relaxed (``lenient``);
    the page says what was done.
    """
    backend = get_backend()
    typed = request
    visible = scope_for(actor).search_condition(include_archived=request.include_archived)
    reading = lenient.Reading(visible, lenient=not request.exact)
    node = _parsed(request.q)
    if not request.exact:
        node = without_filler(node)
    request, node, kind_from_query = _kind_from_query(request, node, reading)
    # Exact searches (saved searches, feeds, notifications) leave related terms out.
    tree = _analysed(node, related=not request.exact)
    if request.q.strip() and tree is None:
        tree = plain_words(request.q)
    condition = all_of(visible, _user_filters(request))
    per_page = min(max(request.per_page, 1), MAX_PER_PAGE)
    query = SearchQuery(
        tree=tree,
        condition=condition,
        sort=request.sort if request.sort in SORTS else "relevance",
        offset=(max(request.page, 1) - 1) * per_page,
        limit=per_page,
        facets=True,
    )
    raw = backend.search(query)
    typed_tree = tree
    better = None
    if raw.total < lenient.RARE_WHOLE_WORD and tree is not None and not request.exact:
        # Few or no results: only then are words counted, corrected, split or relaxed.
        better = lenient.improve(reading, typed.q, node, query, raw)
        if better is not None:
            raw, tree = better.raw, better.tree
    corrected_query = better.corrected_query if better else None
    relaxed = better if better and better.relaxed else None
    grouped: dict[int, list[int]] = {}
    if request.one_per_translation_group:
        grouped = _matching_translations(actor, backend, replace(query, tree=tree))
        if grouped:  # search again without the other versions: totals and facets count groups
            others = [other for group in grouped.values() for other in group]
            without = all_of(query.condition, NoneOf((FieldIn("entry_id", others),)))
            raw = backend.search(replace(query, tree=tree, condition=without))
    wanted = [hit.entry_id for hit in raw.hits]
    wanted += [other for hit in raw.hits for other in grouped.get(hit.entry_id, [])]
    entries = _load_visible(actor, wanted)
    stems = query_stems(tree)
    whole_stems = query_stems(typed_tree) if relaxed is None else stems
    # The stored excerpt texts of the visible hits only, all in one statement.
    shown = [hit.entry_id for hit in raw.hits if hit.entry_id in entries]
    pieces = excerpts.load(shown)
    hits = []
    for raw_hit in raw.hits:
        entry = entries.get(raw_hit.entry_id)
        if entry is None:
            continue  # the index is behind the database; the database decides
        snippet, file_name = excerpts.excerpt(entry, pieces[entry.id], stems, whole_stems)
        hits.append(Hit(entry, raw_hit.score, snippet, file_name))
    suggestion = None
    if request.q.strip() and raw.total < 3 and not (relaxed or corrected_query):
        suggestion = suggest(actor, request.q)
    return SearchPage(
        request=typed,
        hits=hits,
        total=raw.total,
        facets=_facets(raw.facets, request),
        suggestion=suggestion,
        kind_from_query=kind_from_query,
        corrected_query=corrected_query,
        relaxed=relaxed is not None,
        missing_words=relaxed.missing_words if relaxed else (),
        other_versions={
            hit.entry.id: [
                entries[other] for other in grouped.get(hit.entry.id, []) if other in entries
            ]
            for hit in hits
            if grouped.get(hit.entry.id)
        },
    )


def _matching_translations(actor: Actor, backend, query: SearchQuery) -> dict[int, list[int]]:
    """Translation groups with more than one version matching ``query`` (which holds the
    visibility condition): the version to list (in the interface language if one matches,
    else the best-ranked) → the other matching versions. Empty when the hub has no
    translations that ``actor`` may see."""
    translation = aliased(Entry)
    visible = scope_for(actor).entry_filter()
    members = db.session.execute(
        select(Entry.id, Entry.translation_of_id, Entry.language).where(
            visible,
            (Entry.translation_of_id.is_not(None))
            | select(translation.id).where(translation.translation_of_id == Entry.id).exists(),
        )
    ).all()
    if not members:
        return {}
    group_of = {row.id: row.translation_of_id or row.id for row in members}
    language_of = {row.id: row.language for row in members}
    matched = backend.search(
        replace(
            query,
            condition=all_of(query.condition, FieldIn("entry_id", list(group_of))),
            offset=0,
            limit=len(group_of),
            facets=False,
        )
    )
    groups: dict[int, list[int]] = {}
    for hit in matched.hits:  # best first
        groups.setdefault(group_of[hit.entry_id], []).append(hit.entry_id)
    language = interface_language()
    listed: dict[int, list[int]] = {}
    for versions in groups.values():
        if len(versions) < 2:
            continue
        kept = next((v for v in versions if language_of[v] == language), versions[0])
        listed[kept] = [v for v in versions if v != kept]
    return listed


def _analysed(node: Node | None, *, related: bool = True) -> AnalysedNode | None:
    try:
        return analyse_query(node, related=related)
    except Exception:  # analysis never fails by design; the plain words are the fallback
        return None


def _count(actor: Actor, tree: AnalysedNode | None) -> int:
    condition = scope_for(actor).search_condition()
    return get_backend().count(SearchQuery(tree=tree, condition=condition, limit=1))


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
                for candidate in lenient.close_words(folded)
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


def topics_named_in(text: str, *, limit: int = 5) -> list[Topic]:
    """Topics (the shared taxonomy, visible to everyone) whose German or English name holds a
    word of the text or a compound part of one: for pages that found nothing."""
    wanted = set()
    for word in analysis.words(text)[:16]:
        for language in analysis.LANGUAGES:
            wanted.update(analysis.analyse(word, language))
    if not wanted:
        return []
    found = []
    for topic in db.session.scalars(select(Topic).order_by(Topic.position)):
        names = set(analysis.analyse(topic.name_de, "de")) | set(
            analysis.analyse(topic.name_en, "en")
        )
        if names & wanted:
            found.append(topic)
    return found[:limit]


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
    """Entries of other tenants that share the most distinctive words with ``entry``, as
    ``actor`` may see them: read from the list the indexing pass stored (``similar.py``)."""
    return similar_entries.similar_to(actor, entry, limit=limit)
