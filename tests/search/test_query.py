"""The query language: what people type becomes a bounded tree, and no input makes it fail."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hanse_hub.search.analysis import analyse
from hanse_hub.search.query import (
    MAX_CLAUSES,
    MAX_QUERY_CHARS,
    And,
    KindWords,
    Not,
    Or,
    Phrase,
    Term,
    Token,
    TokenPhrase,
    analyse_query,
    clause_count,
    kind_words,
    parse_query,
    plain_words,
    query_stems,
)


def matches(node, text: str) -> bool:
    """Whether an analysed tree finds a German document made of `text` (phrases: adjacent)."""
    tokens = analyse(text)
    match node:
        case Token(stems):
            return not set(stems).isdisjoint(tokens)
        case TokenPhrase(stems):
            size = len(stems)
            return any(tuple(tokens[i : i + size]) == stems for i in range(len(tokens)))
        case Not(inner):
            return not matches(inner, text)
        case Or(nodes):
            return any(matches(n, text) for n in nodes)
        case And(nodes):
            return all(matches(n, text) for n in nodes)
    raise TypeError(node)


def search(query: str, text: str) -> bool:
    tree = analyse_query(parse_query(query))
    return tree is not None and matches(tree, text)


# -- parsing ---------------------------------------------------------------------------------------


def test_words_must_all_match():
    assert parse_query("Parkraum Rostock") == And((Term("Parkraum"), Term("Rostock")))


def test_a_single_word_is_a_term():
    assert parse_query("  Parkraum ") == Term("Parkraum")


def test_quotes_make_a_phrase():
    assert parse_query('"digitaler Zwilling" Wismar') == And(
        (Phrase(("digitaler", "Zwilling")), Term("Wismar"))
    )


def test_german_quotation_marks_make_a_phrase():
    assert parse_query("„digitaler Zwilling“") == Phrase(("digitaler", "Zwilling"))


def test_an_unbalanced_quote_closes_at_the_end():
    assert parse_query('Sensor "offene Daten') == And((Term("Sensor"), Phrase(("offene", "Daten"))))


def test_minus_excludes_a_word_or_a_phrase():
    assert parse_query('Sensor -Pegel -"offene Daten"') == And(
        (Term("Sensor"), Not(Term("Pegel")), Not(Phrase(("offene", "Daten"))))
    )


def test_not_excludes_like_minus_and_and_changes_nothing():
    assert parse_query("Sensor AND NOT Pegel") == parse_query("Sensor -Pegel")


def test_or_joins_the_terms_beside_it():
    assert parse_query("Ladesäule OR Ladepunkt Rostock") == And(
        (Or((Term("Ladesäule"), Term("Ladepunkt"))), Term("Rostock"))
    )
    assert parse_query("a OR b OR c") == Or((Term("a"), Term("b"), Term("c")))


def test_operators_count_only_in_capitals():
    assert parse_query("Hafen or Strand oder Wald not Park") == And(
        tuple(Term(w) for w in ["Hafen", "or", "Strand", "oder", "Wald", "not", "Park"])
    )


def test_a_hyphen_inside_a_word_is_no_exclusion():
    assert parse_query("E-Mobilität") == Term("E-Mobilität")


@pytest.mark.parametrize("query", ["-Pegel", 'NOT "offene Daten"', "-a -b NOT c"])
def test_a_query_that_only_excludes_is_none(query):
    assert parse_query(query) is None


@pytest.mark.parametrize("query", ["", "   ", "*", "?", "-", '""', "()", "OR", "AND NOT OR"])
def test_a_query_without_words_is_none(query):
    assert parse_query(query) is None


def test_not_before_an_operator_is_dropped():
    assert parse_query("NOT OR x") == Term("x")


def test_or_without_two_sides_is_ignored():
    assert parse_query("OR x OR") == Term("x")
    assert parse_query("x OR -y") == And((Term("x"), Not(Term("y"))))


def test_wildcards_are_stripped_from_words():
    assert parse_query("s*") == Term("s")
    assert parse_query("Park?aum* Sens*") == And((Term("Park"), Term("aum"), Term("Sens")))


def test_parentheses_are_ignored_however_deeply_nested():
    assert parse_query("(" * 240 + "Hafen" + ")" * 240) == Term("Hafen")
    assert parse_query("(" * 1000 + "Hafen" + ")" * 1000) is None  # cut before the word
    assert parse_query("(Hafen OR Strand) Wismar") == And(
        (Or((Term("Hafen"), Term("Strand"))), Term("Wismar"))
    )


def test_a_long_query_is_cut_to_the_clause_limit():
    tree = parse_query(" ".join(f"Wort{i}" for i in range(2000)))
    assert isinstance(tree, And)
    assert clause_count(tree) == MAX_CLAUSES
    assert tree.nodes[0] == Term("Wort0")


def test_only_the_first_characters_of_a_query_are_read():
    tree = parse_query("x" * MAX_QUERY_CHARS + " Hafen")
    assert tree == Term("x" * MAX_QUERY_CHARS)


@pytest.mark.parametrize(
    "query",
    [
        "NOT OR x",
        "OR AND NOT",
        '"""" - -- " -"',
        "*" * 5000,
        "(" * 1000 + ")" * 1000,
        "Hafen\x00\x01\x1b[31m\u202e\ufeffStrand",
        "🙂 Rostock 🚲 E-🚗 👍🏽",
        "a" * 10_000,
        "Sensor " * 1500,
        "\ud800 lone surrogate",
        "-" * 600,
        "NOT " * 200 + "x",
    ],
)
def test_malformed_queries_give_a_tree_or_none(query):
    tree = parse_query(query)
    analysed = analyse_query(tree)
    assert tree is None or clause_count(tree) <= MAX_CLAUSES
    assert analysed is None or clause_count(analysed) <= MAX_CLAUSES


def test_control_characters_and_emoji_are_not_part_of_words():
    assert parse_query("Hafen\x00Strand 🙂") == And((Term("Hafen"), Term("Strand")))


# -- analysis --------------------------------------------------------------------------------------


def test_terms_become_tokens_of_german_and_english_stems():
    assert analyse_query(parse_query("Sensoren")) == Token(("sensor", "sensoren"))


def test_stopwords_disappear_from_the_query():
    assert analyse_query(parse_query("Sensoren oder der Kaikante")) == And(
        (Token(("sensor", "sensoren")), Token(("kaikant",)))
    )
    assert analyse_query(parse_query("die und oder")) is None


def test_phrases_become_consecutive_german_stems_without_stopwords():
    assert analyse_query(parse_query('"Sensoren an der Kaikante"')) == TokenPhrase(
        ("sensor", "kaikant")
    )


def test_a_phrase_of_one_word_is_a_token_of_its_german_stem():
    assert analyse_query(parse_query('"die Sensoren"')) == Token(("sensor",))


def test_a_synonym_finds_what_the_typed_word_would_not():
    assert search("OZG", "Umsetzung des Onlinezugangsgesetzes")
    assert search("Onlinezugangsgesetz", "Stand der OZG-Umsetzung")
    assert search("E-Mobilität", "Elektromobilität in Stralsund")
    assert search("Elektromobilität", "E-Mobilität in Stralsund")


def test_synonyms_of_several_words_are_phrases():
    tree = analyse_query(parse_query("ÖPNV"))
    assert isinstance(tree, Or)
    assert TokenPhrase(("offent", "personennahverkehr")) in tree.nodes
    assert search("ÖPNV", "Der öffentliche Personennahverkehr in Wismar")
    assert not search("ÖPNV", "Personennahverkehr ist nicht öffentlich")


def test_a_quoted_synonym_entry_finds_the_other_terms_of_its_group():
    assert search('"Open Data"', "Offene Daten der Hansestadt Rostock")


def test_unquoted_words_that_form_a_synonym_entry_find_the_other_terms_of_its_group():
    assert search("digitale Verwaltung", "E-Government in Wismar")
    assert search("öffentlicher Personennahverkehr Rostock", "Der ÖPNV in Rostock")
    assert not search("öffentlicher Personennahverkehr Rostock", "Der ÖPNV in Wismar")
    # The words as typed still count, in any order.
    assert search("digitale Verwaltung", "Die Verwaltung wird digitale Dienste anbieten")
    # Only adjacent, unquoted words form an entry.
    assert not search("digitale Stadt Verwaltung", "E-Government in Wismar")
    assert not search('"digitale" Verwaltung', "E-Government in Wismar")


def test_words_naming_a_kind_are_found_only_at_the_top_level_beside_other_words():
    found = kind_words(parse_query("Ansprechpartnerin Hochwasser Lübeck"))
    assert found == KindWords(
        "contact", ("Ansprechpartnerin",), And((Term("Hochwasser"), Term("Lübeck")))
    )
    assert kind_words(parse_query("Folien Hochwasser")).kind == "material"
    assert kind_words(parse_query("Ansprechpartner")) is None  # nothing else to search for
    assert kind_words(parse_query("Ansprechpartner -Hochwasser")) is None
    assert kind_words(parse_query("Ansprechpartner OR Hochwasser")) is None
    assert kind_words(parse_query('"Ansprechpartner" Hochwasser')) is None
    assert kind_words(parse_query("Ansprechpartner Folien Hochwasser")) is None  # two kinds


def test_parts_of_compounds_are_found_through_the_query():
    assert search("Beteiligung Rostock", "Die Bürgerbeteiligung der Stadt Rostock")
    assert search('"Straße" Beleuchtung', "Neue Straßenbeleuchtung")


def test_excluded_words_exclude_documents():
    assert search("Sensor -Pegel", "Sensoren im Parkhaus")
    assert not search("Sensor -Pegel", "Pegelsensoren am Hafen")


def test_or_finds_either_side():
    assert search("Ladesäule OR Parkhaus Rostock", "Das Parkhaus in Rostock")
    assert not search("Ladesäule OR Parkhaus Rostock", "Das Parkhaus in Wismar")


def test_excluding_only_stopwords_excludes_nothing():
    # (A word without thesaurus entries: "Hafen" has English pairs, harbour and harbor.)
    assert analyse_query(parse_query("Kaikante -der")) == Token(("kaikant",))


def test_a_query_left_with_only_exclusions_after_analysis_is_none():
    assert analyse_query(parse_query("oder -Hafen")) is None


def test_query_stems_are_the_positive_stems_only():
    tree = analyse_query(parse_query('Sensoren "Daten am Kai" -Hafen'))
    assert query_stems(tree) == {"sensor", "sensoren", "dat", "kai"}


def test_plain_words_require_every_word_and_ignore_operators():
    assert plain_words('Sensoren OR "die -Pegel') == And(
        (Token(("sensor", "sensoren")), Token(("pegel",)))
    )
    assert plain_words("der die das") is None


# -- no input makes the parser fail ----------------------------------------------------------------

query_pieces = st.one_of(
    st.sampled_from(['"', "„", "“", "-", "--", "OR", "AND", "NOT", "(", ")", "*", "?", " ", "  "]),
    st.sampled_from(["Hafen", "Sensoren", "E-Mobilität", "OZG", "ÖPNV", "der", "oder", "s*"]),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=8),
)
query_texts = st.one_of(
    st.text(),
    st.lists(query_pieces, max_size=80).map("".join),
    st.lists(query_pieces, max_size=80).map(" ".join),
)


@settings(max_examples=2000, deadline=None)
@given(query_texts)
def test_any_text_parses_and_analyses_into_a_bounded_tree(text):
    tree = parse_query(text)
    analysed = analyse_query(tree)
    assert tree is None or isinstance(tree, Term | Phrase | Not | Or | And)
    assert clause_count(tree) <= MAX_CLAUSES
    assert clause_count(analysed) <= MAX_CLAUSES
    assert analysed is None or not isinstance(analysed, Not)
    assert clause_count(plain_words(text)) <= MAX_CLAUSES
    for stem in query_stems(analysed):
        assert stem.isascii() and stem.isalnum() and stem == stem.lower()
