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
