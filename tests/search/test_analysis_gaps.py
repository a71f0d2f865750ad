"""Search analysis: the properties a mutation run found untested (see docs/testing.md).

Each test names the rule it pins; it fails when the line that implements the rule is
changed as its docstring says.
"""

from __future__ import annotations

from importlib import resources

import pytest

from hanse_hub.search import analysis
from hanse_hub.search.analysis import (
    Vocabulary,
    default_vocabulary,
    snippet,
    spelling_words,
    stem,
    synonyms,
)


@pytest.mark.parametrize(
    ("compound", "parts"),
    [("buergeramt", ["buerger", "amt"]), ("radweg", ["rad", "weg"]), ("seeufer", ["see", "ufer"])],
)
def test_three_letter_built_in_parts_split_compounds(compound, parts):
    """Built-in word parts of exactly three letters ("Amt", "Rad", "See") count as parts.

    Pins ``len(p) >= MIN_PART_CHARS`` in ``_built_in_word_parts`` (``>`` drops them) and
    ``MIN_PART_CHARS = 3``.
    """
    assert default_vocabulary().split(compound) == parts


def test_index_words_need_four_letters_to_become_parts():
    """Words the index brings in become parts from four letters on, never with three.

    Pins ``MIN_EXTRA_PART_CHARS = 4`` and the ``>=`` comparing with it in
    ``Vocabulary.add``: with 3, an everyday short word would split unrelated words; with 5
    or ``>``, four-letter words ("Zaun") would be lost.
    """
    vocabulary = Vocabulary(["zoo", "zaun"])
    assert "zoo" not in vocabulary
    assert "zaun" in vocabulary
    assert vocabulary.split("zoozaun") is None  # "zoo" is no part, so no split
    assert vocabulary.split("gartenzaun") == ["garten", "zaun"]


def test_numbers_never_become_word_parts():
    """Index words of digits (years, codes) are no word parts; words of letters are.

    Pins ``folded.isalpha()`` in ``Vocabulary.add``: without it "2026" would split
    "plan2026ziel"-like words; negated, no word would be added at all.
    """
    vocabulary = Vocabulary(["2026", "4711", "elch"])
    assert "2026" not in vocabulary and "4711" not in vocabulary
    assert "elch" in vocabulary
    assert vocabulary.split("elch2026") is None


def test_of_two_splits_with_as_many_parts_the_one_with_fewer_linking_letters_wins():
    """ "Kindergarten" is "kinder" + "garten", not "kind" + linking "er" + "garten".

    Pins the linking-letter penalty ``rest[1] - len(link)`` in ``_segment`` (``+`` would
    prefer the split with the most linking letters) documented in ``Vocabulary.split``.
    """
    vocabulary = default_vocabulary()
    assert vocabulary.split("kindergarten") == ["kinder", "garten"]
    assert vocabulary.split("finanzenplanung") == ["finanzen", "planung"]


def test_comment_lines_and_trailing_comments_of_data_files_are_not_read():
    """'#' starts a comment in every data file; no entry carries comment text.

    Pins ``line.split("#", 1)[0]`` in ``_data_lines``: the explanatory header of
    synonyms.txt ("… One group per line, terms separated by commas …") must not become a
    synonym group.
    """
    data = resources.files(analysis.__package__).joinpath("data")
    names = sorted(p.name for p in data.iterdir() if p.name.endswith(".txt"))
    assert names
    for name in names:
        entries = list(analysis._data_lines(name))
        assert entries, name
        assert not [entry for entry in entries if "#" in entry], name
    assert synonyms("terms separated by commas; a term may") == []
    assert synonyms("One group per line") == []
    # Real groups are still read.
    assert ["onlinezugangsgesetz"] in [[w.lower() for w in term] for term in synonyms("OZG")]


def test_spelling_suggestions_use_words_of_three_letters_or_more():
    """Did-you-mean words have at least three letters: "Amt" yes, "xy" no.

    Pins ``len(c) >= 3`` in ``spelling_words`` (``> 3`` loses "Amt"; 2 lets two-letter
    fragments become suggestions).
    """
    assert spelling_words("Wo ist das Amt? xy qz") == ["amt"]


def test_snippet_shows_the_first_of_equally_dense_clusters():
    """With two equally dense stretches of matches, the excerpt shows the first.

    Pins ``last - first + 1 > best_count`` in ``_excerpt_bounds`` (``>=`` shows the last).
    """
    filler = " ".join(["Fülltext"] * 60)
    text = f"Pegelsensor am Anfang. {filler} Pegelsensor am Ende."
    excerpt = str(snippet(text, {stem("pegelsensor")}, length=80))
    assert excerpt.startswith("<mark>Pegelsensor</mark> am Anfang.")
    assert "Ende" not in excerpt


# -- compounds: the scoring rules of ``_segment`` ---------------------------------------------


@pytest.mark.parametrize(
    ("compound", "parts"),
    [
        # A whole last part beats a shorter part plus an inflection ending: (1, 0, …) for a
        # part reaching the end, (1, -(n - j), …) for one with an ending.
        ("rechenerentwicklungerufer", ["rechen", "entwicklung", "ufer"]),
        ("reinigungerufern", ["reinigung", "ufern"]),
        ("gastakte", ["gast", "akte"]),
        # Linking letters cost (``rest[1] - len(link)``), more parts win (``rest[0] + 1``),
        # both compared together (``option[:2]``).
        ("hofserderufermeldung", ["hof", "erd", "ufer", "meldung"]),
        ("entsorgungkinderessourceesfallern", ["entsorgung", "kind", "ressource", "fallern"]),
        # Letters that are no linking element join nothing (``word.startswith(link, j) and``).
        ("parkxraum", None),
        # Up to MAX_COMPOUND_CHARS (60) letters are split, longer "words" are codes.
        ("parkraum" * 7 + "park", ["park", "raum"] * 7 + ["park"]),
        ("parkraum" * 7 + "spark", None),  # 61 letters
        ("parkraum" * 8, None),
    ],
)
def test_compound_splits_follow_the_scoring_rules(compound, parts):
    """The best split: most parts, then fewest linking and ending letters, then the longer
    first part; only linking elements between parts; nothing longer than 60 letters.

    Pins the option tuples and comparisons in ``_segment`` (lines building ``options`` and
    ``option[:2] >= candidate[:2]``) and ``n > MAX_COMPOUND_CHARS``. The words are built from
    real word parts to make each rule decide.
    """
    assert default_vocabulary().split(compound) == parts


# -- tokens of short and hyphenated words, query words, kind words ----------------------------


def test_a_hyphenated_word_of_two_letters_gives_its_joined_stem_unless_a_stopword():
    """``len(joined) >= 2 and joined not in stopwords`` in ``_word_tokens``: "x-y" is found
    as "xy"; "ab-er" gives "ab" but not the stopword "aber"."""
    assert analysis.analyse("x-y") == ["xy"]
    assert analysis.analyse("ab-er") == ["ab"]


def test_two_letter_query_words_are_searched():
    """``len(folded) < 2`` in ``analyse_query_word``: "EU" and "KI" are query words, "a" not."""
    assert analysis.analyse_query_word("EU") == ["eu"]
    assert analysis.analyse_query_word("KI") == ["ki"]
    assert analysis.analyse_query_word("a") == []


@pytest.mark.parametrize(
    ("term", "kind"),
    [
        ("Ansprechpartnerin", "contact"),
        ("EXPERTEN", "contact"),
        ("Veranstaltungen", "event"),
        ("Tagungsband", "material"),
        ("Erfahrungsbericht", "lesson"),
        ("Parkhaus", None),
        ("", None),
    ],
)
def test_kind_words_name_their_kind_in_any_case(term, kind):
    """``_kind_words`` reads every kind line and every word of it (folded)."""
    assert analysis.kind_named_by(term) == kind


# -- excerpts: where they start and end --------------------------------------------------------

PEGEL = {stem("pegelsensor")}


@pytest.mark.parametrize(
    ("text", "length", "excerpt"),
    [
        # A third of the spare room before the match, moved forward to a word start; the end
        # at a word boundary; "…" where cut.
        (
            "Die Hansestadt Rostock misst seit dem Frühjahr an vielen Stellen der Warnow den "
            "Wasserstand mit einem Pegelsensor, der alle zehn Minuten meldet, und wertet die "
            "Daten in einem offenen Portal aus.",
            60,
            "…mit einem <mark>Pegelsensor</mark>, der alle zehn Minuten meldet, und…",
        ),
        # The densest stretch wins over an earlier single match.
        (
            "Ein Pegelsensor am Anfang. "
            + " ".join(["Text"] * 30)
            + " Pegelsensor hier und Pegelsensor dort und noch ein Pegelsensor am Ende.",
            70,
            "…<mark>Pegelsensor</mark> hier und <mark>Pegelsensor</mark> dort und noch ein "
            "<mark>Pegelsensor</mark> am…",
        ),
        # Two matches beat one, even by one (``last - first + 1``).
        (
            "Pegelsensor eins. "
            + " ".join(["Fülltext"] * 15)
            + " Pegelsensor zwei und Pegelsensor drei. "
            + " ".join(["Fülltext"] * 15),
            60,
            "…Fülltext <mark>Pegelsensor</mark> zwei und <mark>Pegelsensor</mark> drei. Fülltext…",
        ),
        # Three matches beat two.
        (
            "Pegelsensor eins und Pegelsensor zwei. "
            + " ".join(["Fülltext"] * 15)
            + " Pegelsensor drei, Pegelsensor vier, Pegelsensor fünf. "
            + " ".join(["Fülltext"] * 15),
            60,
            "…<mark>Pegelsensor</mark> drei, <mark>Pegelsensor</mark> vier, "
            "<mark>Pegelsensor</mark> fünf.…",
        ),
        # A cluster spans from the first match's start to the last match's end: a match
        # ending beyond the length is not in it.
        (
            "Pegelsensor abcdefghijklm Pegelsensor xyz",
            30,
            "<mark>Pegelsensor</mark> abcdefghijklm…",
        ),
        # A match filling the whole length, after one character that is no word.
        ("(Pegelsensor) und mehr Text danach", 11, "…<mark>Pegelsensor</mark>…"),
        ("Pegelsensor und mehr", 0, "<mark>Pegelsensor</mark>…"),
        (
            "Pegelsensor eins. Pegelsensor zwei.",
            200,
            "<mark>Pegelsensor</mark> eins. <mark>Pegelsensor</mark> zwei.",
        ),
        (
            "Donaudampfschifffahrtsgesellschaftskapitänsmütze und Pegelsensor",
            20,
            "…<mark>Pegelsensor</mark>",
        ),
        # Without matches: the beginning, cut at a word boundary, or inside a long word.
        (
            "Ein langer Text ohne Treffer geht hier immer weiter und weiter bis zum Ende",
            30,
            "Ein langer Text ohne Treffer…",
        ),
        ("Donaudampfschifffahrtsgesellschaft und mehr", 10, "Donaudampf…"),
        ("abcde fghij klmno", 5, "abcde…"),
        ("abcde fghij klmno", 8, "abcde…"),
        ("abc", 0, "a…"),
    ],
)
def test_excerpt_bounds(text, length, excerpt):
    """``_excerpt_bounds`` and ``_end_at_word_boundary``: the first densest cluster of
    matches, about a third of the spare room before it starting at a word, the end at a
    word boundary (or inside a word longer than the excerpt), "…" on each cut side."""
    assert str(snippet(text, PEGEL if "Pegel" in text else set(), length=length)) == excerpt


def test_excerpts_are_240_characters_by_default():
    """``length: int = 240``: a match at the end of a long text shows a third of the spare
    room (76 characters) before it."""
    text = " ".join(f"Wort{number}" for number in range(80)) + " Pegelsensor"
    excerpt = str(snippet(text, PEGEL))
    assert excerpt == "…" + " ".join(f"Wort{n}" for n in range(70, 80)) + (
        " <mark>Pegelsensor</mark>"
    )


@pytest.mark.parametrize(("b_count", "shows_the_bs"), [(228, True), (229, False)])
def test_excerpts_are_cut_at_exactly_240_characters_by_default(b_count, shows_the_bs):
    """``length: int = 240`` and ``end = start + length``: a space at position 240 ends the
    excerpt there; one at 241 is beyond it, so the excerpt ends at the previous space."""
    text = "Pegelsensor " + "b" * b_count + " cccc dddd eeee"
    excerpt = str(snippet(text, PEGEL))
    if shows_the_bs:
        assert excerpt == "<mark>Pegelsensor</mark> " + "b" * b_count + "…"
    else:
        assert excerpt == "<mark>Pegelsensor</mark>…"


def test_of_two_equally_good_splits_the_one_with_the_longer_first_part_wins():
    """ "quaxozimt" splits as "quaxo" + "zimt" and as "quax" + "ozimt": as many parts, no
    linking letters; the longer first part wins, in the first and in a later position.

    Pins the ``>=`` in ``option[:2] >= candidate[:2]`` (``>`` keeps the shorter part, met
    first) – one of the tie-break rules a mutation run left untested (docs/testing.md).
    """
    vocabulary = Vocabulary(["quax", "quaxo", "ozimt", "zimt", "wolkig"])
    assert vocabulary.split("quaxozimt") == ["quaxo", "zimt"]
    assert vocabulary.split("wolkigquaxozimt") == ["wolkig", "quaxo", "zimt"]


def test_an_ending_of_one_letter_costs_less_than_a_linking_element_of_two():
    """ "quaxenerzimte": "quax" + "enerzimt" with the ending "e" (one letter) beats
    "quaxen" + linking "er" + "zimte" (two letters), although the second one's last part
    reaches the end of the word – a whole last part earns no bonus.

    Pins ``(1, 0, …)`` for a part reaching the end (``(1, 1, …)`` would make both splits
    equal and the longer first part win) – the other tie-break a mutation run left untested.
    """
    vocabulary = Vocabulary(["quax", "quaxen", "enerzimt", "zimte"])
    assert vocabulary.split("quaxenerzimte") == ["quax", "enerzimte"]


# -- what the make mutate run of 3 December 2026 (evening) found next ------------------------------


def test_a_run_the_vocabulary_knows_as_it_is_stays_one_part_of_a_longer_compound():
    """ "quaxzimt" is a word of the vocabulary as it is – no inflected form, no thesaurus entry –
    so "quaxzimtwolkig" splits into "quaxzimt" + "wolkig", not into three parts.

    Pins both ``or`` in ``_known_run`` (with ``and``, a run would also need an inflected form
    or a thesaurus entry to count as a word)."""
    vocabulary = Vocabulary(["quax", "zimt", "wolkig", "quaxzimt"])
    assert analysis.compound_parts("quaxzimtwolkig", vocabulary) == ["quaxzimt", "wolkig"]


def test_a_two_letter_piece_of_a_hyphenated_word_is_a_part():
    """ "WC-Anlage" → wc + anlage: two letters are enough for a part (``len(p) >= 2``; ``> 2``
    would leave one part, and so no compound)."""
    assert analysis.compound_parts("WC-Anlage") == ["wc", "anlage"]


def test_the_first_cluster_reaching_exactly_the_excerpt_length_is_one_cluster():
    """Two matches spanning exactly ``length`` characters are one cluster of two, found before
    a later, tighter pair – the excerpt starts at the first (``<= length``; ``<`` would split
    them and show the later pair)."""
    matches = [(0, 2), (10, 12), (30, 32), (50, 52), (55, 57)]
    assert analysis._excerpt_bounds("x" * 60, matches, 12) == (0, 12)


def test_a_later_larger_cluster_replaces_a_smaller_one_found_before():
    """A single match, then a pair, then three close together: the three win. The size kept
    for comparison is ``last - first + 1`` (``last + first + 1`` would rate the pair at
    positions 1–2 as four matches, and no later cluster could beat it)."""
    matches = [(0, 2), (20, 22), (24, 26), (50, 52), (54, 56), (58, 60)]
    assert analysis._excerpt_bounds("y" * 100, matches, 10) == (50, 60)


def test_an_excerpt_starting_one_letter_into_a_word_moves_to_the_next_word():
    """Context before the match would start at "bc" (position 1) – inside "abc": the excerpt
    starts at the next word instead (``start > 0``; ``start > 1`` would show "bc …")."""
    flat = "abc word tail text more words here"
    assert analysis._excerpt_bounds(flat, [(4, 8)], 13) == (4, 13)


def test_an_excerpt_that_reaches_exactly_the_texts_end_ends_there():
    """``end >= len(flat)``: with ``>``, an excerpt ending exactly at the end would read past it."""
    assert analysis._end_at_word_boundary("abcde", 0, 5) == 5


def test_a_thesaurus_problem_quotes_the_first_forty_characters_of_its_line():
    """The check's messages name the line by its first 40 characters (``line[:40]``)."""
    long_line = "Alpha, Beta, Gamma, Delta, Epsilon, Zeta, Eta"
    problems = analysis.thesaurus_problems(["Alpha, Omega", long_line, "Solo"])
    assert problems[0] == f"'alpha' in group 1 and group 2 ({long_line[:40]}…)"
    assert problems[1] == "group 3 (Solo): fewer than two terms"
    lonely = "Datenschutzfolgenabschätzungsverfahrensordnung"  # one term of 46 letters
    assert analysis.thesaurus_problems([lonely]) == [
        f"group 1 ({lonely[:40]}): fewer than two terms"
    ]
    duplicated = "Alpha, Beta, Gamma, Delta, Epsilon, Zeta, alpha"
    (twice,) = analysis.thesaurus_problems([duplicated])
    assert twice == f"group 1 ({duplicated[:40]}…): 'alpha' twice"
