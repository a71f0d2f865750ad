"""The search query language, and the backend-neutral tree both backends compile.

People type what they know from web search engines: words (all must match), "phrases",
``-word`` and ``-"a phrase"`` to exclude, ``OR`` between two terms, ``NOT x`` for ``-x``
and ``AND`` (which changes nothing). Operators count only in capitals; "or", "oder" and
"nicht" are words. German quotation marks („…“, »…«) work like straight ones.

``parse_query`` never fails: whatever cannot be understood is dropped, and the size of a
query is bounded (``MAX_QUERY_CHARS``, ``MAX_CLAUSES``), so no input can make a backend
work hard. ``analyse_query`` then turns typed words into the stems the index holds.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TypeAlias

from hanse_hub.search.analysis import (
    analyse_query_word,
    filler_words,
    fold,
    kind_named_by,
    related,
    synonyms,
    words,
)

MAX_QUERY_CHARS = 500
MAX_CLAUSES = 16
QUOTES = frozenset('"„“”«»')
OPERATORS = frozenset({"OR", "AND", "NOT"})


@dataclass(frozen=True)
class Term:
    """A word as typed."""

    word: str


@dataclass(frozen=True)
class Phrase:
    """Words that must follow each other."""

    words: tuple[str, ...]


@dataclass(frozen=True)
class Not:
    """Documents matching the node are excluded."""

    node: Node | AnalysedNode


@dataclass(frozen=True)
class Or:
    """Any of the nodes must match."""

    nodes: tuple[Node | AnalysedNode, ...]


@dataclass(frozen=True)
class And:
    """All of the nodes must match (a ``Not`` among them: must not match)."""

    nodes: tuple[Node | AnalysedNode, ...]


# The weight of a related term (related.txt) against the word searched for and its synonyms.
RELATED_WEIGHT = 0.3


@dataclass(frozen=True)
class Token:
    """Matches a document containing any of the stems; a ``weight`` below 1 (related terms)
    makes such a match count less in the ranking than one of a word searched for."""

    stems: tuple[str, ...]
    weight: float = 1.0


@dataclass(frozen=True)
class TokenPhrase:
    """Matches a document containing the stems one after the other."""

    stems: tuple[str, ...]


Node: TypeAlias = Term | Phrase | Not | Or | And
AnalysedNode: TypeAlias = Token | TokenPhrase | Not | Or | And


def clause_count(node: Node | AnalysedNode | None) -> int:
    """How many terms, phrases, tokens and token phrases a tree holds."""
    match node:
        case None:
            return 0
        case Term() | Phrase() | Token() | TokenPhrase():
            return 1
        case Not(inner):
            return clause_count(inner)
        case Or(nodes) | And(nodes):
            return sum(clause_count(n) for n in nodes)
    raise TypeError(node)


# -- parsing ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Operator:
    name: str


@dataclass(frozen=True)
class _Item:
    node: Term | Phrase
    negated: bool


def _lex(text: str) -> list[_Operator | _Item]:
    """The operators and the (possibly negated) terms and phrases of a query, in order."""
    # Parentheses group nothing here; as spaces they cannot nest, however many there are.
    text = text[:MAX_QUERY_CHARS].replace("(", " ").replace(")", " ")
    found: list[_Operator | _Item] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        negated = False
        while i < n and text[i] == "-":
            negated = True
            i += 1
        if i < n and text[i] in QUOTES:
            # An unclosed quote runs to the end of the query.
            end = next((j for j in range(i + 1, n) if text[j] in QUOTES), n)
            phrase_words = tuple(words(text[i + 1 : end]))
            if phrase_words:
                found.append(_Item(Phrase(phrase_words), negated))
            i = end + 1
            continue
        start = i
        while i < n and not text[i].isspace() and text[i] not in QUOTES:
            i += 1
        chunk = text[start:i]
        if not negated and chunk in OPERATORS:
            found.append(_Operator(chunk))
        else:
            # Punctuation and wildcards are not part of words: "s*" is "s", "*" is nothing,
            # and "Rostock/Wismar" is two terms.
            found.extend(_Item(Term(word), negated) for word in words(chunk))
    return found


def parse_query(text: str) -> Node | None:
    """The query tree of what a person typed; None when there is nothing to look for.

    Never raises. Clauses are combined with ``And``; ``a OR b c`` is
    ``And(Or(a, b), c)``. An ``OR`` without a term on both sides, an ``OR`` next to an
    excluded term, and a ``NOT`` followed by an operator are ignored. A query that only
    excludes is None, as is an empty one. At most ``MAX_CLAUSES`` terms and phrases are
    kept; the rest is dropped.
    """
    clauses: list[Node] = []
    count = 0
    pending_not = pending_or = False
    for item in _lex(text):
        if isinstance(item, _Operator):
            if item.name == "NOT":
                pending_not = True
            else:
                pending_not = False  # "NOT OR x": the NOT has nothing to negate
                if item.name == "OR":
                    pending_or = bool(clauses) and not isinstance(clauses[-1], Not)
            continue
        if count >= MAX_CLAUSES:
            break
        count += 1
        node: Node = Not(item.node) if item.negated or pending_not else item.node
        if pending_or and not isinstance(node, Not):
            previous = clauses.pop()
            alternatives = previous.nodes if isinstance(previous, Or) else (previous,)
            node = Or((*alternatives, node))
        clauses.append(node)
        pending_not = pending_or = False
    if all(isinstance(clause, Not) for clause in clauses):
        return None
    return clauses[0] if len(clauses) == 1 else And(tuple(clauses))


@dataclass(frozen=True)
class KindWords:
    """Words of a query that name a kind of entry, and the query without them."""

    kind: str
    words: tuple[str, ...]
    rest: Node


def kind_words(node: Node | None) -> KindWords | None:
    """The kind named by unquoted words of the query ("Ansprechpartner Elektromobilität"),
    when there is exactly one such kind and other words remain to search for; else None.

    Only top-level words count: inside an ``OR``, a phrase or an exclusion a kind word is
    what was typed.
    """
    if not isinstance(node, And):
        return None
    named = {n: kind_named_by(n.word) for n in node.nodes if isinstance(n, Term)}
    kinds = {kind for kind in named.values() if kind}
    if len(kinds) != 1:
        return None
    rest = tuple(n for n in node.nodes if not named.get(n))
    if all(isinstance(n, Not) for n in rest):
        return None
    found = tuple(n.word for n in node.nodes if named.get(n))
    return KindWords(kinds.pop(), found, rest[0] if len(rest) == 1 else And(rest))


def without_filler(node: Node | None) -> Node | None:
    """The query without its question and filler words ("Wie funktioniert die
    Starkregengefahrenkarte?" → Starkregengefahrenkarte), as long as another word to look for
    remains; only unquoted top-level words count."""
    if not isinstance(node, And):
        return node
    kept = tuple(
        n for n in node.nodes if not (isinstance(n, Term) and fold(n.word) in filler_words())
    )
    if not kept or all(isinstance(n, Not) for n in kept):
        return node
    return kept[0] if len(kept) == 1 else And(kept)


def top_level_clauses(node: Node | None) -> tuple[Node, ...]:
    """The clauses a query requires: the nodes of its ``And``, or the node itself."""
    if node is None:
        return ()
    return node.nodes if isinstance(node, And) else (node,)


def terms(node: Node | None) -> list[Term]:
    """The typed words of a query that are looked for (not those excluded), in order."""
    match node:
        case Term():
            return [node]
        case Or(nodes) | And(nodes):
            return [term for n in nodes for term in terms(n)]
        case _:
            return []


# -- analysis --------------------------------------------------------------------------------------


class _Budget:
    """How many more clauses synonym phrases and compound parts may add to a tree, and the
    parts of the typed words to split."""

    def __init__(
        self,
        remaining: int,
        splits: Mapping[str, Sequence[str]] | None = None,
        *,
        related: bool = True,
    ) -> None:
        self.remaining = remaining
        self.splits = splits or {}
        self.related = related

    def take(self) -> bool:
        if self.remaining <= 0:
            return False
        self.remaining -= 1
        return True


def _phrase_stems(phrase_words: tuple[str, ...] | list[str]) -> list[str]:
    """The German stem of each word that is not a stopword."""
    return [stems[0] for stems in map(analyse_query_word, phrase_words) if stems]


def _phrase_node(stems: list[str]) -> Token | TokenPhrase | None:
    if not stems:
        return None
    return Token((stems[0],)) if len(stems) == 1 else TokenPhrase(tuple(stems))


def _unique(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _with_synonyms(
    own_stems: list[str], own_phrase: TokenPhrase | None, typed: str, budget: _Budget
) -> AnalysedNode | None:
    """The typed term or phrase, or any of its synonyms.

    One-word synonyms join the term's ``Token``; synonyms of several words become
    ``TokenPhrase`` alternatives as long as the clause budget lasts. A phrase's one-word
    synonyms form a ``Token`` of their own, which needs the budget too.
    """
    stems = list(own_stems)
    phrases: list[AnalysedNode] = []
    for synonym in synonyms(typed):
        if len(synonym) == 1:
            stems.extend(analyse_query_word(synonym[0]))
            continue
        synonym_stems = _phrase_stems(synonym)
        if len(synonym_stems) == 1:
            stems.append(synonym_stems[0])
        elif synonym_stems and budget.take():
            phrases.append(TokenPhrase(tuple(synonym_stems)))
    if own_phrase and stems and not budget.take():
        stems = []
    alternatives: list[AnalysedNode] = [own_phrase] if own_phrase else []
    alternatives += ([Token(_unique(stems))] if stems else []) + phrases
    if not alternatives:
        return None
    alternatives += _related_nodes(typed, set(stems), budget)
    return alternatives[0] if len(alternatives) == 1 else Or(tuple(alternatives))


def _related_nodes(typed: str, own_stems: set[str], budget: _Budget) -> list[AnalysedNode]:
    """The terms related to the typed word or words (one-word terms as one ``Token`` of
    weight ``RELATED_WEIGHT``; longer ones are left out), as far as the budget lasts."""
    stems: list[str] = []
    if not budget.related:
        return []
    for term in related(typed):
        if len(term) == 1:
            stems.extend(s for s in analyse_query_word(term[0]) if s not in own_stems)
    if not stems or not budget.take():
        return []
    return [Token(_unique(stems), RELATED_WEIGHT)]


def _or_parts(
    own: AnalysedNode | None, parts: Sequence[str], budget: _Budget
) -> AnalysedNode | None:
    """The word itself, or all of its compound parts (each with its synonyms). An entry
    holding the whole word holds its parts too (the index splits compounds), so it matches
    both alternatives and ranks above one that holds only the parts."""
    analysed: list[AnalysedNode] = []
    for part in parts:
        if not budget.take():
            return own
        node = _with_synonyms(analyse_query_word(part), None, part, budget)
        if node is not None:
            analysed.append(node)
    if len(analysed) < 2:
        return own
    together = And(tuple(analysed))
    return together if own is None else Or((own, together))


MAX_SYNONYM_WORDS = 4  # the longest synonym entry looked for among unquoted words


def _synonym_span(nodes: tuple, start: int) -> int:
    """How many unquoted words from ``start`` on form a synonym entry ("digitale Verwaltung"),
    longest first; 0 if none do."""
    for length in range(min(MAX_SYNONYM_WORDS, len(nodes) - start), 1, -1):
        span = nodes[start : start + length]
        if all(isinstance(n, Term) for n in span) and synonyms(" ".join(n.word for n in span)):
            return length
    return 0


def synonym_phrase_positions(nodes: tuple) -> set[int]:
    """The positions of unquoted words that, with their neighbours, form a synonym entry of
    several words ("fill level"): such a word is read as part of the entry, not alone."""
    covered: set[int] = set()
    position = 0
    while position < len(nodes):
        length = _synonym_span(nodes, position)
        covered.update(range(position, position + length))
        position += max(length, 1)
    return covered


def _analyse_all(nodes: tuple, budget: _Budget) -> list[AnalysedNode | None]:
    """The nodes of an ``And``, analysed; unquoted words that together form a synonym entry
    become one clause: those words, or any other term of the entry's group."""
    analysed: list[AnalysedNode | None] = []
    position = 0
    while position < len(nodes):
        length = _synonym_span(nodes, position)
        if not length:
            analysed.append(_analyse(nodes[position], budget))
            position += 1
            continue
        span = nodes[position : position + length]
        position += length
        own = [a for a in (_analyse(n, budget) for n in span) if a is not None]
        alternatives: list[AnalysedNode] = []
        if own:
            alternatives.append(own[0] if len(own) == 1 else And(tuple(own)))
        for synonym in synonyms(" ".join(n.word for n in span)):
            stems = analyse_query_word(synonym[0]) if len(synonym) == 1 else _phrase_stems(synonym)
            if not stems or not budget.take():
                continue
            if len(synonym) == 1:
                alternatives.append(Token(_unique(stems)))
            else:
                alternatives.append(_phrase_node(stems))
        if alternatives:
            alternatives += _related_nodes(" ".join(n.word for n in span), set(), budget)
            analysed.append(alternatives[0] if len(alternatives) == 1 else Or(tuple(alternatives)))
    return analysed


def _analyse(node: Node | AnalysedNode, budget: _Budget) -> AnalysedNode | None:
    match node:
        case Term(word):
            own = _with_synonyms(analyse_query_word(word), None, word, budget)
            parts = budget.splits.get(word)
            if not parts:
                return own
            return _or_parts(own, parts, budget)
        case Phrase(phrase_words):
            own = _phrase_node(_phrase_stems(phrase_words))
            if not isinstance(own, TokenPhrase):
                return own  # one word left: a quoted word means that word, without synonyms
            return _with_synonyms([], own, " ".join(phrase_words), budget)
        case Token() | TokenPhrase():
            return node
        case Not(inner):
            analysed = _analyse(inner, budget)
            return None if analysed is None else Not(analysed)
        case Or(nodes):
            kept = [a for a in (_analyse(n, budget) for n in nodes) if a is not None]
            if not kept:
                return None
            return kept[0] if len(kept) == 1 else Or(tuple(kept))
        case And(nodes):
            kept = [a for a in _analyse_all(nodes, budget) if a is not None]
            if all(isinstance(a, Not) for a in kept):
                return None
            return kept[0] if len(kept) == 1 else And(tuple(kept))
    raise TypeError(node)


def analyse_query(
    node: Node | None,
    splits: Mapping[str, Sequence[str]] | None = None,
    *,
    related: bool = True,
) -> AnalysedNode | None:
    """The query tree in index stems; None when nothing is left to look for.

    A term becomes a ``Token`` of its German and English stems and those of its one-word
    synonyms, or an ``Or`` with ``TokenPhrase``s of its longer synonyms; a stopword
    disappears. A phrase becomes a ``TokenPhrase`` of its words' German stems (stopwords
    left out); a phrase that is itself a synonym entry ("Open Data") also matches the other
    terms of its group, and so do unquoted words that together form one (digitale
    Verwaltung → E-Government). Empty nodes are dropped, single-child ``And``/``Or``
    collapsed, and an ``And`` left with only exclusions is None. The result has at most
    ``MAX_CLAUSES`` clauses.

    ``splits`` maps typed words to their compound parts (see ``analysis.compound_parts``):
    such a word matches itself or all of its parts ("Parksensoren" → Parksensoren, or Park
    and Sensoren), as far as the clause budget allows.

    ``related``: a term also matches its related terms (related.txt) as a ``Token`` of weight
    ``RELATED_WEIGHT``; off for exact searches.
    """
    if node is None:
        return None
    budget = _Budget(MAX_CLAUSES - clause_count(node), splits, related=related)
    analysed = _analyse(node, budget)
    return None if isinstance(analysed, Not) else analysed


def query_stems(node: AnalysedNode | None) -> set[str]:
    """Every stem the tree looks for (not the excluded ones), for highlighting matches."""
    match node:
        case Token(stems) | TokenPhrase(stems):
            return set(stems)
        case Or(nodes) | And(nodes):
            return set().union(*(query_stems(n) for n in nodes))
        case _:
            return set()


def without_related(node: AnalysedNode | None) -> AnalysedNode | None:
    """The tree without its related terms (tokens of weight below 1): what the words searched
    for and their synonyms match. None when nothing else is left."""
    match node:
        case Token(_stems, weight) if weight < 1:
            return None
        case Or(nodes) | And(nodes):
            kept = [k for k in (without_related(n) for n in nodes) if k is not None]
            if not kept:
                return None
            if isinstance(node, And) and len(kept) < len(nodes):
                return None  # a required part held only related terms
            return kept[0] if len(kept) == 1 else type(node)(tuple(kept))
        case Not(inner):
            kept = without_related(inner)
            return None if kept is None else Not(kept)
        case _:
            return node


def has_related(node: AnalysedNode | None) -> bool:
    match node:
        case Token(_stems, weight):
            return weight < 1
        case Or(nodes) | And(nodes):
            return any(has_related(n) for n in nodes)
        case Not(inner):
            return has_related(inner)
        case _:
            return False


def plain_words(text: str) -> AnalysedNode | None:
    """Every word of the text as a required ``Token``: the fallback when parsing gives nothing.

    Operators, quotes and synonyms mean nothing here; stopwords are left out, and at most
    ``MAX_CLAUSES`` words of the first ``MAX_QUERY_CHARS`` characters are used.
    """
    tokens: list[AnalysedNode] = []
    for word in words(text[:MAX_QUERY_CHARS]):
        stems = analyse_query_word(word)
        if stems:
            tokens.append(Token(tuple(stems)))
            if len(tokens) == MAX_CLAUSES:
                break
    if not tokens:
        return None
    return tokens[0] if len(tokens) == 1 else And(tuple(tokens))
