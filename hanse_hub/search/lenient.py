"""Reading a search-box query leniently: corrected words, compound parts, relaxed matching.

What a person types into the search box should never dead-end (issue #8). Given the parsed
query and the searcher's visibility condition, this module decides

- which unknown words to replace by a close known word (``Reading.correct``),
- which compounds to look for as their parts too (``Reading.analysed``), and
- when all words together find nothing, which entries hold most of them (``relax``).

Every decision rests on counts taken within the searcher's visibility: a word that only
entries hidden from the searcher contain counts as unknown, is never offered as a correction
and never changes which entries are shown. The spelling candidates come from the index's
vocabulary (``SearchWord``) and are kept only if they find something visible on their own.
Saved searches, feeds and notifications do not use this module: they match exactly.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from rapidfuzz import process
from rapidfuzz.distance import OSA
from sqlalchemy import func, select

from hanse_hub.conditions import Condition, FieldIn, all_of
from hanse_hub.extensions import db
from hanse_hub.search import analysis
from hanse_hub.search.backends import get_backend
from hanse_hub.search.backends.base import RawHit, RawResults, SearchQuery
from hanse_hub.search.indexing import search_vocabulary
from hanse_hub.search.models import SearchWord
from hanse_hub.search.query import (
    AnalysedNode,
    And,
    Node,
    Not,
    Or,
    Phrase,
    Term,
    analyse_query,
    synonym_phrase_positions,
    terms,
    top_level_clauses,
)

# A compound found in fewer visible entries than this is also looked for as its parts.
RARE_WHOLE_WORD = 3
# At most this many typed words are counted per search (each count is one backend query).
MAX_COUNTED_WORDS = 16
# Relaxed results are ranked among this many entries holding any of the words.
MAX_RELAXED_CANDIDATES = 200
# Corrections are tried among this many close words, closest first.
MAX_CORRECTION_CANDIDATES = 6


def count_within(condition: Condition, tree: AnalysedNode | None) -> int:
    if tree is None:
        return 0
    return get_backend().count(SearchQuery(tree=tree, condition=condition, limit=1))


class Reading:
    """One search's view of the typed words: how many visible entries hold each of them."""

    def __init__(self, visible: Condition, *, lenient: bool = True) -> None:
        self.visible = visible
        self.lenient = lenient
        self._counts: dict[str, int] = {}

    def whole_count(self, word: str) -> int | None:
        """How many visible entries hold the word (or a synonym), not counting compound
        parts; None when this search has counted enough words already."""
        if word not in self._counts:
            if len(self._counts) >= MAX_COUNTED_WORDS:
                return None
            self._counts[word] = count_within(self.visible, analyse_query(Term(word)))
        return self._counts[word]

    def visible_parts(self, word: str) -> list[str] | None:
        """The compound parts of a typed word, if visible entries hold each of them.

        The vocabulary that splits words holds words of entries the searcher may not see; a
        split is used only when every part finds something visible on its own (else the split
        with the built-in word parts alone is tried), so that no part the searcher could not
        have found changes what the search does.
        """
        for vocabulary in (search_vocabulary(), analysis.default_vocabulary()):
            parts = analysis.compound_parts(word, vocabulary)
            if parts and all(self.whole_count(part) for part in parts):
                return parts
        return None

    def splits(self, node: Node | None) -> dict[str, list[str]]:
        """The typed words to look for as their compound parts too, with those parts: words
        that visible entries hold rarely or not at all."""
        if not self.lenient:
            return {}
        found: dict[str, list[str]] = {}
        for term in terms(node):
            if term.word in found or not analysis.compound_parts(term.word, search_vocabulary()):
                continue  # no compound (the built-in parts are part of that vocabulary)
            count = self.whole_count(term.word)
            if count is not None and count < RARE_WHOLE_WORD:
                parts = self.visible_parts(term.word)
                if parts:
                    found[term.word] = parts
        return found

    def analysed(self, node: Node | None) -> AnalysedNode | None:
        """The query tree to run: rare compounds also match their parts."""
        return analyse_query(node, self.splits(node))

    def correct(self, typed: str, node: Node | None) -> tuple[Node | None, str | None]:
        """The query with each unknown top-level word replaced by a close word that visible
        entries hold, and the corrected query text (None when nothing was replaced)."""
        if not self.lenient:
            return node, None
        clauses = list(top_level_clauses(node))
        in_phrases = synonym_phrase_positions(tuple(clauses))
        text = None
        for i, clause in enumerate(clauses):
            if i in in_phrases:
                continue  # "fill level" is one term of the thesaurus, "fill" no typo
            if isinstance(clause, Term) and self.whole_count(clause.word) == 0:
                replacement = self._correction(clause.word)
                if replacement is not None:
                    clauses[i] = Term(replacement)
                    text = _replace_word(text or typed, clause.word, replacement)
        if text is None:
            return node, None
        return joined(clauses), text

    def _correction(self, word: str) -> str | None:
        for candidate in close_words(analysis.fold(word)):
            if count_within(self.visible, analyse_query(Term(candidate))) > 0:
                return candidate
        return None

    def clause_found(self, clause: Node) -> bool:
        """Whether visible entries hold the clause (a compound: the word or all its parts)."""
        if isinstance(clause, Term):
            count = self.whole_count(clause.word)
            if count:
                return True
        return count_within(self.visible, self.analysed(clause)) > 0


@dataclass
class Improved:
    """Results that replace those of a query as typed (which found few or none)."""

    raw: RawResults
    tree: AnalysedNode
    corrected_query: str | None = None
    relaxed: bool = False
    missing_words: tuple[str, ...] = ()


def improve(
    reading: Reading, typed: str, node: Node | None, query: SearchQuery, raw: RawResults
) -> Improved | None:
    """Better results for a query that found fewer than ``RARE_WHOLE_WORD`` entries as typed,
    or None to keep them: unknown words corrected (when nothing was found), rare compounds
    also searched as their parts, and when still nothing is found, relaxed matching."""
    backend = get_backend()
    corrected_text = None
    if raw.total == 0:
        corrected, corrected_text = reading.correct(typed, node)
        if corrected_text is not None:
            node = corrected
            tree = reading.analysed(node)
            found = backend.search(replace(query, tree=tree)) if tree is not None else None
            if found is not None and found.total:
                return Improved(found, tree, corrected_text)
    split_tree = reading.analysed(node)
    if split_tree is not None and split_tree != analyse_query(node):
        found = backend.search(replace(query, tree=split_tree))
        if found.total > raw.total:
            return Improved(found, split_tree, corrected_text)
    if raw.total == 0:
        relaxed = relax(reading, node, query)
        if relaxed is not None:
            return Improved(relaxed.raw, relaxed.tree, corrected_text, True, relaxed.missing_words)
    return None


@dataclass
class Relaxed:
    """Results for a query no entry matches as a whole."""

    raw: RawResults
    tree: AnalysedNode
    missing_words: tuple[str, ...]


def relax(reading: Reading, node: Node | None, query: SearchQuery) -> Relaxed | None:
    """Entries holding some of the query's words, when no entry holds all of them.

    A compound that finds nothing as a whole counts as its parts. The words that visible
    entries hold are searched together; when that finds nothing either, entries holding any
    of them are ranked by how many they hold. None for a one-word query, and when no word
    is found at all.
    """
    clauses: list[Node] = []
    for clause in top_level_clauses(node):
        if isinstance(clause, Term) and reading.whole_count(clause.word) == 0:
            parts = reading.visible_parts(clause.word)
            if parts:
                clauses.extend(Term(part) for part in parts)
                continue
        clauses.append(clause)
    positives = [c for c in clauses if not isinstance(c, Not)]
    negatives = [c for c in clauses if isinstance(c, Not)]
    if len(positives) < 2:
        return None
    found_flags = [reading.clause_found(c) for c in positives]
    found = [c for c, flag in zip(positives, found_flags, strict=True) if flag]
    missing = tuple(
        typed_form(c) for c, flag in zip(positives, found_flags, strict=True) if not flag
    )
    if not found:
        return None
    backend = get_backend()
    if missing:
        tree = reading.analysed(joined(found + negatives))
        if tree is not None:
            raw = backend.search(replace(query, tree=tree))
            if raw.total:
                return Relaxed(raw, tree, missing)
    return _most_words(reading, found, negatives, query, missing)


def _most_words(
    reading: Reading,
    found: list[Node],
    negatives: list[Node],
    query: SearchQuery,
    missing: tuple[str, ...],
) -> Relaxed | None:
    backend = get_backend()
    words = [a for a in map(reading.analysed, found) if a is not None]
    if len(words) < 2:
        return None
    excluded = [a for a in map(reading.analysed, negatives) if a is not None]
    any_word: AnalysedNode = Or(tuple(words))
    tree = And((any_word, *excluded)) if excluded else any_word
    wide = backend.search(replace(query, tree=tree, offset=0, limit=MAX_RELAXED_CANDIDATES))
    ids = [hit.entry_id for hit in wide.hits]
    if not ids:
        return None
    among = all_of(query.condition, FieldIn("entry_id", ids))
    held: Counter[int] = Counter()
    for word in words:
        raw = backend.search(SearchQuery(tree=word, condition=among, limit=len(ids)))
        held.update(hit.entry_id for hit in raw.hits)
    order = {entry_id: position for position, entry_id in enumerate(ids)}
    ranked = sorted(ids, key=lambda entry_id: (-held[entry_id], order[entry_id]))
    page = ranked[query.offset : query.offset + query.limit]
    raw = RawResults(
        hits=[RawHit(entry_id, float(held[entry_id])) for entry_id in page],
        total=len(ids),
        facets=wide.facets,
    )
    return Relaxed(raw, tree, missing)


def close_words(folded: str) -> list[str]:
    """Words of the index's vocabulary close to a folded word, closest first: one edit for
    words up to 6 letters, else two (swapping neighbours is one edit); same first letter.

    The vocabulary holds words of every entry: callers keep a word only if it finds something
    the searcher may see.
    """
    if len(folded) < 4 or not folded.isalpha():
        return []
    edits = 1 if len(folded) <= 6 else 2
    rows = list(
        db.session.scalars(
            select(SearchWord.word).where(
                SearchWord.word.startswith(folded[0]),
                func.length(SearchWord.word).between(len(folded) - edits, len(folded) + edits),
            )
        )
    )
    close = process.extract(
        folded, rows, scorer=OSA.distance, score_cutoff=edits, limit=4 * MAX_CORRECTION_CANDIDATES
    )
    close.sort(key=lambda found: (found[1], -_common_prefix(folded, found[0]), found[0]))
    return [word for word, _distance, _index in close[:MAX_CORRECTION_CANDIDATES] if word != folded]


def _common_prefix(a: str, b: str) -> int:
    pairs = enumerate(zip(a, b, strict=False))
    return next((i for i, (x, y) in pairs if x != y), min(len(a), len(b)))


def typed_form(node: Node) -> str:
    """A clause as it would be typed."""
    match node:
        case Term(word):
            return word
        case Phrase(phrase_words):
            return '"' + " ".join(phrase_words) + '"'
        case Or(nodes):
            return " OR ".join(typed_form(n) for n in nodes)
        case Not(inner):
            return "-" + typed_form(inner)
        case And(nodes):
            return " ".join(typed_form(n) for n in nodes)
    raise TypeError(node)


def _replace_word(text: str, old: str, new: str) -> str:
    return re.sub(rf"(?<!\w){re.escape(old)}(?!\w)", lambda _match: new, text, count=1)


def joined(clauses: list[Node]) -> Node | None:
    """The clauses as one query (None when only exclusions are left)."""
    if not clauses or all(isinstance(c, Not) for c in clauses):
        return None
    return clauses[0] if len(clauses) == 1 else And(tuple(clauses))
