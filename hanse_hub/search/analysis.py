"""The linguistics of search: words, folding, stopwords, stemming, decompounding, synonyms.

Both search backends index the tokens made here and compile queries from stems made here,
so a document and a query meet exactly when this module says they do. Tokens are always
``[a-z0-9]+``: umlauts are written out (ä → ae) before stemming, because the German Snowball
stemmer reads "ue" as "ü" and folding afterwards would turn "ß" into a plain "s".

German compounds are split with a vocabulary of word parts (``data/word_parts.txt`` plus
words the index has seen), so a search for "Parkraum" finds "Parkraummanagement".
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources

import snowballstemmer
from markupsafe import Markup

LANGUAGES = {"de": "german", "en": "english"}

# Parts have at least 3 letters ("Amt", "Rad"); words the index brings in need 4, since
# a short everyday word among them ("ort", "see") would split unrelated words.
MIN_PART_CHARS = 3
MIN_EXTRA_PART_CHARS = 4
# Longer "words" are codes, URLs or hashes; splitting them finds nothing and costs time.
MAX_COMPOUND_CHARS = 60
# Between two parts: Verkehr-s-planung, Straße-n-bahn, Kind-er-garten, Hund-e-steuer.
LINKING_ELEMENTS = ("s", "es", "n", "en", "er", "e")
# After the last part: Pegelsensor-en, Ladesäule-n.
INFLECTIONS = ("e", "en", "n", "s", "es", "er", "ern")
# Index words that are no word parts although many words end in them: as parts, they
# would split "Bürgerinnen" into "Bürger" + "innen" and "Mitarbeitende" into "Mitarbeit" +
# "Ende".
NOT_WORD_PARTS = frozenset({"innen", "ende", "enden"})
# Enough for every distinct word of a large hub; beyond that the cache starts over.
MAX_CACHED_SPLITS = 200_000
# When more new parts than this arrive at once, all cached splits are forgotten; fewer are
# cheaper to check against each cached word.
MAX_SELECTIVELY_FORGOTTEN = 50
# Beginnings of parts up to this length are kept, so most positions of a word are given up
# on after one look-up.
HEAD_CHARS = 6

_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u00ad\u200c\u200d"
_WORD_CHAR = rf"[^\W_][{_MARKS}]*"
_HYPHEN = "[-\u2010\u2011]"
# A word is a run of letters and digits (with combining marks, as in decomposed "ü" or a
# soft hyphen from a CMS); hyphens join runs into one word ("E-Mobilität").
WORD = re.compile(rf"(?:{_WORD_CHAR})+(?:{_HYPHEN}(?:{_WORD_CHAR})+)*")
HYPHEN = re.compile(_HYPHEN)
NOT_FOLDED = re.compile(r"[^a-z0-9]+")

# Letters that NFKD does not decompose into a base letter and accents.
_SPELLED_OUT = str.maketrans(
    {
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ı": "i",
    }
)


@functools.lru_cache(maxsize=100_000)
def fold(word: str) -> str:
    """The word in lowercase ASCII letters and digits: umlauts written out, other accents dropped.

    "Straße" → "strasse", "Bürger" and "Buerger" → "buerger", "Café" → "cafe". Everything that
    is not a letter or digit (hyphens, spaces, punctuation) disappears.
    """
    # NFC first, so that a decomposed "u" + "¨" is spelled "ue" like a composed "ü".
    text = unicodedata.normalize("NFC", word.lower()).translate(_SPELLED_OUT)
    text = unicodedata.normalize("NFKD", text)
    return NOT_FOLDED.sub("", text.lower())


def words(text: str) -> list[str]:
    """The words of a text as typed, in order; a hyphenated word ("E-Mobilität") is one word."""
    return WORD.findall(text)


def _data_lines(name: str) -> Iterator[str]:
    """The entries of a data file: one per line, without comments and blank lines."""
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            yield entry


@functools.cache
def stopwords(language: str) -> frozenset[str]:
    """The folded stopwords of a language ("de" or "en")."""
    _check_language(language)
    return frozenset(fold(w) for w in _data_lines(f"stopwords_{language}.txt"))


@functools.cache
def _any_language_stopwords() -> frozenset[str]:
    return frozenset().union(*(stopwords(language) for language in LANGUAGES))


def _check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}, expected one of {sorted(LANGUAGES)}")


@functools.cache
def _built_in_word_parts() -> frozenset[str]:
    parts = (fold(w) for w in _data_lines("word_parts.txt"))
    return frozenset(p for p in parts if len(p) >= MIN_PART_CHARS)


@dataclass(frozen=True)
class _KnownParts:
    """The word parts, and the beginnings of parts, which let a search give up early."""

    parts: frozenset[str]
    heads: frozenset[str]
    longest: int

    @classmethod
    def of(cls, parts: frozenset[str]) -> _KnownParts:
        heads = frozenset(
            part[:size] for part in parts for size in range(MIN_PART_CHARS, HEAD_CHARS + 1)
        )
        return cls(parts, heads, max(map(len, parts), default=0))


class Vocabulary:
    """Known word parts for decompounding: the built-in word_parts.txt plus extra words.

    Splits are cached. Several threads may split and add at the same time.
    """

    def __init__(self, extra: Iterable[str] = ()) -> None:
        self._known = _KnownParts.of(_built_in_word_parts())
        self._splits: dict[str, tuple[tuple[int, int], ...] | None] = {}
        self.add(extra)

    def add(self, words: Iterable[str]) -> None:
        """Know these words (folded; shorter than 4 letters, stopwords and numbers are ignored)."""
        excluded = _any_language_stopwords() | NOT_WORD_PARTS
        known = self._known
        new = {
            folded
            for folded in map(fold, words)
            if len(folded) >= MIN_EXTRA_PART_CHARS
            and folded.isalpha()
            and folded not in excluded
            and folded not in known.parts
        }
        if not new:
            return
        # Replaced, not mutated: a thread splitting meanwhile sees the old or the new state.
        self._known = _KnownParts.of(known.parts | new)
        if len(new) > MAX_SELECTIVELY_FORGOTTEN:
            self._splits = {}
        else:
            # Only words containing a new part can split differently now. list() copies the
            # cache at once, while other threads may be adding to it.
            self._splits = {
                word: spans
                for word, spans in list(self._splits.items())
                if not any(part in word for part in new)
            }

    def __contains__(self, folded_word: object) -> bool:
        return folded_word in self._known.parts

    def split(self, folded_word: str) -> list[str] | None:
        """The parts of a compound, or None when it is not made of at least two known parts.

        "parkraummanagement" → ["park", "raum", "management"]; "verkehrsplanung" →
        ["verkehr", "planung"] (linking elements belong to no part); "pegelsensoren" →
        ["pegel", "sensoren"] (the last part keeps its ending). Where several splits exist,
        the one with the most parts wins, then the one that needs the fewest linking letters.
        """
        spans = self.part_spans(folded_word)
        return None if spans is None else [folded_word[start:end] for start, end in spans]

    def part_spans(self, folded_word: str) -> tuple[tuple[int, int], ...] | None:
        """Where the parts of a compound are, as (start, end) offsets; None if no compound.

        A part's span leaves out a following linking element, so the text between two
        parts' spans is the linking element, and any run of parts can be cut from the word.
        """
        splits = self._splits
        try:
            return splits[folded_word]
        except KeyError:
            pass
        spans = _segment(folded_word, self._known)
        if len(splits) >= MAX_CACHED_SPLITS:
            splits.clear()
        splits[folded_word] = spans
        return spans


def _segment(word: str, known: _KnownParts) -> tuple[tuple[int, int], ...] | None:
    """The best split of a word into known parts (see ``Vocabulary.split``), as spans."""
    n = len(word)
    if n < 2 * MIN_PART_CHARS or n > MAX_COMPOUND_CHARS:
        return None
    parts, heads = known.parts, known.heads
    # best[i]: the best split of word[i:] as (parts, -extra letters, spans), or None.
    best: list[tuple[int, int, tuple[tuple[int, int], ...]] | None] = [None] * (n + 1)
    for i in range(n - MIN_PART_CHARS, -1, -1):
        candidate = None
        for j in range(i + MIN_PART_CHARS, min(n, i + known.longest) + 1):
            if j - i <= HEAD_CHARS and word[i:j] not in heads:
                break  # no part begins like this
            if word[i:j] not in parts:
                continue
            options = []
            if j == n:
                options.append((1, 0, ((i, n),)))
            elif word[j:] in INFLECTIONS:
                options.append((1, -(n - j), ((i, n),)))
            for link in ("", *LINKING_ELEMENTS):
                if word.startswith(link, j) and j + len(link) < n:
                    rest = best[j + len(link)]
                    if rest is not None:
                        options.append((rest[0] + 1, rest[1] - len(link), ((i, j), *rest[2])))
            for option in options:
                # ">=": on a tie the longer first part, met later, wins.
                if candidate is None or option[:2] >= candidate[:2]:
                    candidate = option
        best[i] = candidate
    result = best[0]
    return result[2] if result is not None and result[0] >= 2 else None


@functools.cache
def default_vocabulary() -> Vocabulary:
    """The built-in word parts, shared by every caller that brings no vocabulary of its own."""
    return Vocabulary()


_stemmers = threading.local()


@functools.lru_cache(maxsize=200_000)
def stem(folded_word: str, language: str = "de") -> str:
    """The Snowball stem of a folded word: "sensoren" → "sensor", "strasse" → "strass"."""
    _check_language(language)
    # Snowball stemmers keep state while stemming, so each thread gets its own.
    stemmer = getattr(_stemmers, language, None)
    if stemmer is None:
        stemmer = snowballstemmer.stemmer(LANGUAGES[language])
        setattr(_stemmers, language, stemmer)
    return stemmer.stemWord(folded_word)


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _compound_tokens(folded: str, language: str, vocabulary: Vocabulary) -> list[str]:
    """The stem of a folded word and, for a German compound, the stems of its part runs."""
    if len(folded) < 2 or folded in stopwords(language):
        return []
    tokens = [stem(folded, language)]
    spans = vocabulary.part_spans(folded) if language == "de" else None
    if spans:
        count = len(spans)
        for size in range(1, count):
            for first in range(count - size + 1):
                start, end = spans[first][0], spans[first + size - 1][1]
                tokens.append(stem(folded[start:end], language))
    return tokens


def _word_tokens(word: str, language: str, vocabulary: Vocabulary) -> list[str]:
    pieces = HYPHEN.split(word)
    if len(pieces) == 1:
        return _unique(_compound_tokens(fold(word), language, vocabulary))
    tokens = [t for piece in pieces for t in _compound_tokens(fold(piece), language, vocabulary)]
    joined = fold(word)
    if len(joined) >= 2 and joined not in stopwords(language):
        tokens.append(stem(joined, language))
    return _unique(tokens)


def analyse_words(
    text: str, language: str = "de", vocabulary: Vocabulary | None = None
) -> list[list[str]]:
    """The index tokens of each word of a text, one list per word (empty for stopwords).

    The tokens of one word stand for the same place in the text: a backend that keeps
    positions can give them one position, so that phrases match across compounds.
    """
    _check_language(language)
    if vocabulary is None:
        vocabulary = default_vocabulary()
    return [_word_tokens(word, language, vocabulary) for word in words(text)]


def analyse(text: str, language: str = "de", vocabulary: Vocabulary | None = None) -> list[str]:
    """The index tokens of a text, in order, repeated as often as the words occur.

    Each word is folded and stemmed; stopwords and one-letter words give nothing. A hyphenated
    word gives its pieces' tokens, then the joined word's ("E-Mobilität" → "mobilitat",
    "emobilitat"). A German compound gives its own stem first, then the stems of every run of
    its parts ("Parkraummanagement" → "parkraummanagement", "park", "raum", "management",
    "parkraum", "raummanagement").
    """
    return [token for tokens in analyse_words(text, language, vocabulary) for token in tokens]


def analyse_query_word(word: str) -> list[str]:
    """The stems a typed query word matches: German stem first, then the English one.

    Empty for stopwords of either language and for one-letter words. A compound needs no
    splitting here: documents carry the compound's own stem as well as its parts'.
    """
    folded = fold(word)
    if len(folded) < 2 or folded in _any_language_stopwords():
        return []
    return _unique(stem(folded, language) for language in LANGUAGES)


def spelling_words(text: str) -> list[str]:
    """The words of a text for did-you-mean: folded, unstemmed, ≥ 3 letters, no stopwords.

    A hyphenated word gives its pieces and the joined word.
    """
    excluded = _any_language_stopwords()
    result = []
    for word in words(text):
        pieces = HYPHEN.split(word)
        candidates = [fold(p) for p in pieces] + ([fold(word)] if len(pieces) > 1 else [])
        result.extend(_unique(c for c in candidates if len(c) >= 3 and c not in excluded))
    return result


def _synonym_key(term: str) -> str:
    return fold(term)


def _synonym_stem_keys(term: str) -> list[str]:
    """The term's words stemmed, German and English: "charging stations" → "charg station"."""
    folded = [fold(word) for word in words(term)]
    return _unique(
        " ".join(stem(word, language) for word in folded if word) for language in LANGUAGES
    )


# The thesaurus: files of equivalent terms, searched with the same weight as the typed word.
# synonyms.txt holds groups (all terms of a line are equivalent); a derived pairs file holds one
# German = English pair per line (a term in several pairs has each partner, not the partners'
# partners). related.txt holds links to related terms, searched with a lower weight.
SYNONYM_FILE = "synonyms.txt"
TRANSLATION_FILE = "translations_freedict.txt"
RELATED_FILE = "related.txt"


def _thesaurus_lines() -> Iterator[tuple[str, int, str, list[str]]]:
    """(file, entry number, line, its terms) of every line of the equivalence files."""
    for number, line in enumerate(_data_lines(SYNONYM_FILE), 1):
        yield SYNONYM_FILE, number, line, [t for t in line.split(",") if words(t)]
    for number, line in enumerate(_optional_data_lines(TRANSLATION_FILE), 1):
        yield TRANSLATION_FILE, number, line, [t for t in line.split("=") if words(t)]


def _optional_data_lines(name: str) -> Iterator[str]:
    """A data file that a hub may ship without (the derived English pairs, under the licence
    of their source): nothing when it is absent."""
    try:
        yield from _data_lines(name)
    except FileNotFoundError:
        return


@functools.cache
def _synonym_groups() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Every term of the thesaurus (folded) → the terms of its groups and pairs, as words."""
    groups: dict[str, dict[str, tuple[str, ...]]] = {}
    for _file, _number, _line, line_terms in _thesaurus_lines():
        terms = [tuple(words(term)) for term in line_terms]
        for term in terms:
            alternatives = groups.setdefault(_synonym_key(" ".join(term)), {})
            for other in terms:
                alternatives.setdefault(_synonym_key(" ".join(other)), other)
    return {
        key: tuple(term for other_key, term in alternatives.items() if other_key != key)
        for key, alternatives in groups.items()
    }


@functools.cache
def _synonym_stem_index() -> dict[str, str]:
    """The stemmed words of every term (German and English stems) → the term's key."""
    index: dict[str, str] = {}
    for file, _number, _line, line_terms in _thesaurus_lines():
        if file == TRANSLATION_FILE:
            # Derived pairs: only the English side, by its English stems ("town halls"); the
            # German side by stem would catch other words ("Sensoren" → "Sensorik").
            english = line_terms[-1]
            key = " ".join(stem(fold(word), "en") for word in words(english))
            index.setdefault(key, _synonym_key(" ".join(words(english))))
            continue
        for term in line_terms:
            for stem_key in _synonym_stem_keys(term):
                index.setdefault(stem_key, _synonym_key(" ".join(words(term))))
    return index


def _thesaurus_key(word: str, groups: dict, stem_index: dict) -> str:
    """The key under which ``word`` is listed: itself, or a listed term with its stems."""
    key = _synonym_key(word)
    if key in groups:
        return key
    return next(
        (stem_index[stem_key] for stem_key in _synonym_stem_keys(word) if stem_key in stem_index),
        key,
    )


def synonyms(word: str) -> list[list[str]]:
    """The other terms of a word's synonym groups and translation pairs, each as the list of
    its words.

    Matching ignores case, umlaut spelling, spaces and hyphens: "E-Mobilität" and
    "emobilität" find the same group, and so does "Open Data" given as one string. A word
    form the list does not hold is looked up by its stems ("charging stations" finds the
    group of "charging station").
    """
    groups = _synonym_groups()
    key = _thesaurus_key(word, groups, _synonym_stem_index())
    return [list(term) for term in groups.get(key, ())]


def _related_lines(
    lines: Iterable[str] | None = None,
) -> Iterator[tuple[int, str, list[str], str, list[str]]]:
    """(number, line, source terms, arrow, target terms) of related.txt (or of ``lines``):
    ``a -> b, c`` links a to b and c; ``a <-> b`` links both ways."""
    for number, line in enumerate(_data_lines(RELATED_FILE) if lines is None else lines, 1):
        arrow = "<->" if "<->" in line else "->"
        left, _, right = line.partition(arrow)
        sources = [t.strip() for t in left.split(",") if words(t)]
        targets = [t.strip() for t in right.split(",") if words(t)]
        yield number, line, sources, arrow, targets


@functools.cache
def _related_links() -> dict[str, dict[str, tuple[str, ...]]]:
    """Every linked term (folded) → the terms it points to (folded → words)."""
    links: dict[str, dict[str, tuple[str, ...]]] = {}

    def link(a: str, b: str) -> None:
        links.setdefault(_synonym_key(" ".join(words(a))), {}).setdefault(
            _synonym_key(" ".join(words(b))), tuple(words(b))
        )

    for _number, _line, sources, arrow, targets in _related_lines():
        for source in sources:
            for target in targets:
                link(source, target)
                if arrow == "<->":
                    link(target, source)
    return links


@functools.cache
def _related_stem_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for _number, _line, sources, arrow, targets in _related_lines():
        for term in sources + (targets if arrow == "<->" else []):
            for stem_key in _synonym_stem_keys(term):
                index.setdefault(stem_key, _synonym_key(" ".join(words(term))))
    return index


def related(word: str) -> list[list[str]]:
    """Terms related to a word or to one of its synonyms (related.txt; "Elektroauto" →
    "Elektromobilität"), each as the list of its words: looked for too, with a lower weight
    than the word and its synonyms, and never those terms' own related terms."""
    links = _related_links()
    own = {_thesaurus_key(word, links, _related_stem_index())}
    own |= {_synonym_key(" ".join(term)) for term in synonyms(word)}
    equivalent = own | {_synonym_key(word)}
    found: dict[str, tuple[str, ...]] = {}
    for key in sorted(own):
        for target_key, target in links.get(key, {}).items():
            if target_key not in equivalent:
                found.setdefault(target_key, target)
    return [list(term) for term in found.values()]


def thesaurus_problems(
    lines: Iterable[str] | None = None,
    *,
    pairs: Iterable[str] | None = None,
    related_lines: Iterable[str] | None = None,
) -> list[str]:
    """What is wrong with the thesaurus (the data files unless lines are given):

    - synonym groups: a term written twice in one group, or a term in two groups – the
      groups would then be merged silently, and a reader of one line would not see it;
    - translation pairs: a pair written twice, a pair of one term with itself, or a pair
      whose terms are already synonyms;
    - related links: a term linked to itself or to one of its synonyms, a link written twice,
      and cycles of one-way links (a → b → … → a: the terms are then equivalent, a synonym
      group, or a two-way link ``<->``).

    Empty when all is well."""
    problems = []
    seen: dict[str, int] = {}
    group_of: dict[str, int] = {}
    synonym_lines = _data_lines(SYNONYM_FILE) if lines is None else lines
    for number, line in enumerate(synonym_lines, 1):
        keys = [_synonym_key(term) for term in line.split(",") if words(term)]
        for key in sorted({k for k in keys if keys.count(k) > 1}):
            problems.append(f"group {number} ({line[:40]}…): {key!r} twice")
        for key in dict.fromkeys(keys):
            if key in seen and seen[key] != number:
                problems.append(f"{key!r} in group {seen[key]} and group {number} ({line[:40]}…)")
            seen.setdefault(key, number)
            group_of.setdefault(key, number)
        if len(set(keys)) < 2:
            problems.append(f"group {number} ({line[:40]}): fewer than two terms")
    pair_lines = _optional_data_lines(TRANSLATION_FILE) if pairs is None else pairs
    seen_pairs: dict[tuple[str, ...], int] = {}
    for number, line in enumerate(pair_lines, 1):
        keys = [_synonym_key(term) for term in line.split("=") if words(term)]
        where = f"pair {number} ({line[:40]})"
        if len(keys) != 2:
            problems.append(f"{where}: not two terms")
            continue
        if keys[0] == keys[1]:
            problems.append(f"{where}: a term paired with itself")
            continue
        pair = tuple(sorted(keys))
        if pair in seen_pairs:
            problems.append(f"{where}: written before as pair {seen_pairs[pair]}")
        seen_pairs.setdefault(pair, number)
        if keys[0] in group_of and group_of[keys[0]] == group_of.get(keys[1]):
            problems.append(f"{where}: already synonyms in group {group_of[keys[0]]}")
    problems += _related_problems(group_of, related_lines)
    return problems


def _related_problems(group_of: dict[str, int], lines: Iterable[str] | None) -> list[str]:
    problems = []
    edges: dict[str, list[str]] = {}
    seen: dict[tuple[str, str], int] = {}
    parsed = list(_related_lines(lines))
    for number, line, sources, arrow, targets in parsed:
        where = f"link {number} ({line[:40]})"
        if not sources or not targets:
            problems.append(f"{where}: needs terms on both sides of -> or <->")
            continue
        for source in map(_synonym_key, sources):
            for target in map(_synonym_key, targets):
                if source == target:
                    problems.append(f"{where}: {source!r} linked to itself")
                    continue
                if source in group_of and group_of[source] == group_of.get(target):
                    problems.append(f"{where}: {source!r} and {target!r} are synonyms")
                directions = [(source, target)] + ([(target, source)] if arrow == "<->" else [])
                for edge in directions:
                    if edge in seen:
                        problems.append(
                            f"{where}: {edge[0]!r} -> {edge[1]!r} as in link {seen[edge]}"
                        )
                    seen.setdefault(edge, number)
                if arrow == "->":
                    edges.setdefault(source, []).append(target)
    problems += [f"cycle of one-way links: {' -> '.join(cycle)}" for cycle in _cycles(edges)]
    return problems


def _cycles(edges: dict[str, list[str]]) -> list[list[str]]:
    """The cycles of a directed graph, one per strongly connected set of terms (each shown
    from its smallest term), found by depth-first search."""
    found: list[list[str]] = []
    reported: set[str] = set()
    for start in sorted(edges):
        if start in reported:
            continue
        stack = [(start, [start])]
        visited = set()
        while stack:
            node, path = stack.pop()
            for nxt in sorted(edges.get(node, ()), reverse=True):
                if nxt == start:
                    found.append([*path, start])
                    reported.update(path)
                    stack.clear()
                    break
                if nxt not in visited:
                    visited.add(nxt)
                    stack.append((nxt, [*path, nxt]))
    return found


@functools.cache
def filler_words() -> frozenset[str]:
    """Question and filler words (folded) that are left out of a search-box query as long as
    other words remain ("Wer kennt sich mit LoRaWAN aus?" searches for LoRaWAN)."""
    return frozenset(fold(w) for w in _data_lines("filler_words.txt"))


def compound_parts(word: str, vocabulary: Vocabulary | None = None) -> list[str] | None:
    """The parts a typed query word may be split into, folded; None if it is no compound.

    A hyphenated word gives its pieces ("Schul-WLAN" → schul, wlan); a closed compound its
    known parts with linking letters left out ("Parksensoren" → park, sensoren;
    "Datenschutzfolgenabschätzung" → datenschutz, folgenabschaetzung where the vocabulary
    knows both). Parts that are stopwords or shorter than two letters are dropped; fewer
    than two parts left is no compound.
    """
    if vocabulary is None:
        vocabulary = default_vocabulary()
    pieces = HYPHEN.split(word)
    if len(pieces) > 1:
        parts = [fold(piece) for piece in pieces]
    else:
        folded = fold(word)
        spans = vocabulary.part_spans(folded)
        if not spans:
            return None
        parts = _coarsest_parts(folded, spans, vocabulary)
    parts = [p for p in parts if len(p) >= 2 and p not in _any_language_stopwords()]
    return parts if len(parts) >= 2 else None


def _known_run(run: str, vocabulary: Vocabulary) -> bool:
    """Whether a run of parts is a word of its own: known to the vocabulary (perhaps with an
    ending) or a term of the thesaurus ("muelltonne")."""
    return (
        run in vocabulary
        or any(run + ending in vocabulary for ending in INFLECTIONS)
        or bool(synonyms(run))
    )


def _coarsest_parts(
    folded: str, spans: tuple[tuple[int, int], ...], vocabulary: Vocabulary
) -> list[str]:
    """The split into as few known runs of parts as possible: "datenschutzfolgenabschaetzung"
    → "datenschutz" + "folgenabschaetzung" when the vocabulary knows those runs, since a run
    the index knows as a word is more precise than its pieces."""
    count = len(spans)
    # best[i]: the fewest runs covering spans i.. as (first, last) span indices.
    best: list[list[tuple[int, int]]] = [[] for _ in range(count + 1)]
    for first in range(count - 1, -1, -1):
        options = []
        for last in range(first, count):
            whole_word = first == 0 and last == count - 1
            run = folded[spans[first][0] : spans[last][1]]
            if last == first or (not whole_word and _known_run(run, vocabulary)):
                options.append([(first, last), *best[last + 1]])
        best[first] = min(options, key=len)
    runs = best[0]
    return [folded[spans[a][0] : spans[b][1]] for a, b in runs]


@functools.cache
def _kind_words() -> dict[str, str]:
    """Every word of kind_words.txt (folded, several words joined) → its kind."""
    kinds: dict[str, str] = {}
    for line in _data_lines("kind_words.txt"):
        kind, _, terms = line.partition(":")
        for term in terms.split(","):
            if fold(term):
                kinds[fold(term)] = kind.strip()
    return kinds


def kind_named_by(term: str) -> str | None:
    """The kind of entry a word (or words) names ("Ansprechpartnerin" → "contact"), or None."""
    return _kind_words().get(fold(term))


def snippet(
    text: str,
    query_stems: set[str],
    *,
    length: int = 240,
    language: str = "de",
    vocabulary: Vocabulary | None = None,
) -> Markup:
    """An HTML-safe excerpt of about `length` characters with the matching words in <mark>.

    The excerpt shows the first stretch of text with the most matches ("…" where the text is
    cut; runs of whitespace become one space); a word matches when one of its tokens (with
    compounds split by `vocabulary`) is a query stem. Without matches it is the text's
    beginning. All text is escaped.
    """
    _check_language(language)
    if vocabulary is None:
        vocabulary = default_vocabulary()
    flat = " ".join(text.split())
    matching: dict[str, bool] = {}
    matches = []
    if query_stems:
        for found in WORD.finditer(flat):
            word = found.group()
            if word not in matching:
                tokens = _word_tokens(word, language, vocabulary)
                matching[word] = not query_stems.isdisjoint(tokens)
            if matching[word]:
                matches.append(found.span())
    start, end = _excerpt_bounds(flat, matches, length)
    pieces: list[str] = ["…"] if start > 0 else []
    position = start
    for match_start, match_end in matches:
        if match_start < start or match_end > end:
            continue
        pieces.append(flat[position:match_start])
        pieces.append(Markup("<mark>{}</mark>").format(flat[match_start:match_end]))
        position = match_end
    pieces.append(flat[position:end])
    if end < len(flat):
        pieces.append("…")
    return Markup("").join(pieces)


def _excerpt_bounds(flat: str, matches: list[tuple[int, int]], length: int) -> tuple[int, int]:
    """Where the excerpt starts and ends: around the first densest cluster, on word boundaries."""
    length = max(length, 1)
    if not matches:
        return 0, _end_at_word_boundary(flat, 0, length)
    best_first, best_last, best_count = 0, 0, 0
    last = 0
    for first in range(len(matches)):
        last = max(last, first)
        while last + 1 < len(matches) and matches[last + 1][1] - matches[first][0] <= length:
            last += 1
        if last - first + 1 > best_count:
            best_first, best_last, best_count = first, last, last - first + 1
    cluster_start, cluster_end = matches[best_first][0], matches[best_last][1]
    # Some context before the first match, most of the spare room after it.
    spare = max(0, length - (cluster_end - cluster_start))
    start = max(0, cluster_start - spare // 3)
    if start > 0 and flat[start - 1] != " ":
        space = flat.find(" ", start, cluster_start)
        start = cluster_start if space == -1 else space + 1
    end = _end_at_word_boundary(flat, start, length)
    return start, max(end, cluster_end)


def _end_at_word_boundary(flat: str, start: int, length: int) -> int:
    end = start + length
    if end >= len(flat):
        return len(flat)
    if flat[end] == " ":
        return end
    space = flat.rfind(" ", start, end)
    return end if space <= start else space
