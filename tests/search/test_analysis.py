"""Search analysis: spellings meet, compounds are found by their parts, snippets are safe."""

from __future__ import annotations

import re
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hanse_hub.search import analysis
from hanse_hub.search.analysis import (
    Vocabulary,
    analyse,
    analyse_query_word,
    analyse_words,
    default_vocabulary,
    fold,
    snippet,
    spelling_words,
    stem,
    synonyms,
    words,
)
from hanse_hub.search.query import And, Term, parse_query, without_filler


def query_matches(query_word: str, text: str, language: str = "de") -> bool:
    """Whether a typed query word finds a document made of `text` (as the backends decide)."""
    return not set(analyse_query_word(query_word)).isdisjoint(analyse(text, language))


# -- folding and words -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("Straße", "strasse"),
        ("STRASSE", "strasse"),
        ("GROẞ", "gross"),
        ("Bürger", "buerger"),
        ("Buerger", "buerger"),
        ("ÄÖÜ", "aeoeue"),
        ("Café", "cafe"),
        ("Bu\u0308rger", "buerger"),  # decomposed ü, as some editors send it
        ("E-Mobilität", "emobilitaet"),
        ("CO₂", "co2"),
        ("🙂", ""),
    ],
)
def test_fold_writes_out_umlauts_and_drops_accents_and_punctuation(typed, folded):
    assert fold(typed) == folded


def test_words_keep_hyphenated_words_whole_and_drop_punctuation():
    text = "Die E-Mobilität (in Rostock) -- kommt: 5G-Netz, Bürger*innen; -Wismar-"
    assert words(text) == [
        "Die",
        "E-Mobilität",
        "in",
        "Rostock",
        "kommt",
        "5G-Netz",
        "Bürger",
        "innen",
        "Wismar",
    ]


def test_soft_hyphens_do_not_split_a_word():
    assert [fold(w) for w in words("Bür\u00adger\u00adbeteiligung")] == ["buergerbeteiligung"]


# -- spellings meet --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Straße", "Strasse"),
        ("Bürger", "Buerger"),
        ("Sensoren", "Sensor"),
        ("Städte", "Stadt"),
        ("Ladesäulen", "Ladesaeule"),
    ],
)
def test_spellings_and_inflections_give_the_same_tokens(one, other):
    assert analyse(one) == analyse(other)
    assert query_matches(one, other)
    assert query_matches(other, one)


def test_german_stemming_reads_written_out_umlauts_as_umlauts():
    assert stem("buerger") == "burg"
    assert stem("strasse") == "strass"


def test_english_plural_and_singular_meet_with_english_analysis():
    assert analyse("sensors", "en") == analyse("sensor", "en")
    assert query_matches("sensor", "Sensors in the harbour", "en")


def test_stopwords_give_no_tokens():
    assert analyse("Die Stadt und der Hafen sind nicht mit oder für") == ["stadt", "haf"]
    assert analyse("the city and the harbour", "en") == ["citi", "harbour"]


def test_stopwords_and_single_letters_give_no_query_stems():
    assert analyse_query_word("oder") == []
    assert analyse_query_word("the") == []
    assert analyse_query_word("x") == []


def test_digits_count_as_words():
    assert "5g" in analyse("Das 5G-Netz")
    assert "2024" in analyse("im Jahr 2024")


def test_term_frequency_is_kept_across_words():
    assert analyse("Sensor Sensor Sensoren") == ["sensor", "sensor", "sensor"]


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="unsupported language"):
        analyse("Text", "fr")


# -- compounds -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query_word", "document"),
    [
        ("Beteiligung", "Bürgerbeteiligung"),
        ("Bürger", "Bürgerbeteiligung"),
        ("Parkraum", "Parkraummanagement"),
        ("Management", "Parkraummanagement"),
        ("Pegel", "Pegelsensoren"),
        ("Sensor", "Pegelsensoren"),
        ("Planung", "Verkehrsplanung"),
        ("Beleuchtung", "Straßenbeleuchtung"),
        ("Straße", "Straßenbeleuchtung"),
        ("Hochwasser", "Hochwasserschutz"),
        ("Dienstleistung", "Verwaltungsdienstleistungen"),
        ("Mobilität", "E-Mobilität"),
    ],
)
def test_a_part_of_a_compound_finds_the_compound(query_word, document):
    assert query_matches(query_word, document)


@pytest.mark.parametrize(
    "compound", ["Parkraummanagement", "Bürgerbeteiligung", "Pegelsensoren", "E-Mobilität"]
)
def test_a_compound_finds_itself(compound):
    assert query_matches(compound, f"Das {compound} in Rostock")


@pytest.mark.parametrize(
    ("compound", "parts"),
    [
        ("parkraummanagement", ["park", "raum", "management"]),
        ("buergerbeteiligung", ["buerger", "beteiligung"]),
        ("pegelsensoren", ["pegel", "sensoren"]),
        ("strassenbeleuchtung", ["strassen", "beleuchtung"]),
        ("verkehrsplanung", ["verkehr", "planung"]),
    ],
)
def test_vocabulary_splits_compounds_into_known_parts(compound, parts):
    assert default_vocabulary().split(compound) == parts


@pytest.mark.parametrize(
    "word", ["rostock", "verwaltung", "beleuchtung", "unternehmen", "buergerinnen", "park"]
)
def test_vocabulary_leaves_words_that_are_no_compounds_alone(word):
    assert default_vocabulary().split(word) is None


def test_a_known_compound_is_still_split_into_its_parts():
    vocabulary = Vocabulary(["Parkraum"])
    assert "parkraum" in vocabulary
    assert vocabulary.split("parkraum") == ["park", "raum"]


def test_gender_and_participle_endings_are_no_word_parts():
    vocabulary = Vocabulary(["Innen", "Ende", "Mitarbeit"])
    assert vocabulary.split("buergerinnen") is None
    assert vocabulary.split("mitarbeitende") is None


def test_words_the_index_has_seen_extend_the_vocabulary():
    vocabulary = Vocabulary()
    assert vocabulary.split("hafenkranbetrieb") is None
    vocabulary.add(["Kran", "Hafenkräne", "am", "Krananlage"])
    assert "kran" in vocabulary
    assert "am" not in vocabulary  # too short, and a stopword
    assert vocabulary.split("hafenkranbetrieb") == ["hafen", "kran", "betrieb"]


def test_a_compound_gives_its_own_stem_first_then_every_run_of_its_parts():
    assert analyse("Parkraummanagement") == [
        stem("parkraummanagement"),
        "park",
        "raum",
        "management",
        "parkraum",
        "raummanagement",
    ]


def test_a_hyphenated_word_gives_its_pieces_then_the_joined_word():
    assert analyse("E-Mobilität") == ["mobilitat", "emobilitat"]


def test_english_text_is_not_decompounded():
    assert analyse("Parkraummanagement", "en") == [stem("parkraummanagement", "en")]


def test_analyse_words_groups_each_words_tokens():
    grouped = analyse_words("Die Bürgerbeteiligung läuft")
    assert grouped[0] == []
    assert "beteil" in grouped[1]
    assert [t for tokens in grouped for t in tokens] == analyse("Die Bürgerbeteiligung läuft")


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_tokens_are_always_lowercase_ascii_letters_and_digits(text):
    # The PostgreSQL backend refuses any lexeme that is not [a-z0-9]+.
    for token in analyse(text) + analyse(text, "en") + spelling_words(text):
        assert re.fullmatch(r"[a-z0-9]+", token)


# -- spelling words and synonyms -------------------------------------------------------------------


def test_spelling_words_are_folded_unstemmed_and_without_stopwords():
    assert spelling_words("Die E-Mobilität in der Straße am Hafen") == [
        "mobilitaet",
        "emobilitaet",
        "strasse",
        "hafen",
    ]


def test_ozg_and_onlinezugangsgesetz_are_synonyms():
    assert ["Onlinezugangsgesetz"] in synonyms("OZG")
    assert ["OZG"] in synonyms("Onlinezugangsgesetz")


def test_synonyms_ignore_hyphens_case_and_umlaut_spelling():
    assert ["Elektromobilität"] in synonyms("E-Mobilität")
    assert synonyms("emobilität") == synonyms("E-Mobilität") == synonyms("EMOBILITAET")
    assert ["E-Mobilität"] in synonyms("Elektromobilität")


def test_synonyms_may_have_several_words_and_exclude_the_word_itself():
    alternatives = synonyms("ÖPNV")
    assert ["öffentlicher", "Personennahverkehr"] in alternatives
    assert ["ÖPNV"] not in alternatives


def test_a_word_without_synonyms_has_none():
    assert synonyms("Rostock") == []
    assert synonyms("") == []


# -- snippets --------------------------------------------------------------------------------------


def test_snippet_escapes_html_and_marks_matching_words():
    text = "Achtung <script>alert('x')</script> Parkraummanagement in Rostock & Wismar"
    html = str(snippet(text, {"parkraum"}))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "&amp; Wismar" in html
    assert "<mark>Parkraummanagement</mark>" in html
    assert html.count("<mark>") == 1


def test_snippet_shows_the_region_with_most_matches_and_marks_the_cuts():
    filler = "Lorem ipsum dolor sit amet. " * 40
    text = f"{filler}Ein Sensor hier. {filler}Sensoren, Sensor und Pegelsensor dort. {filler}"
    html = str(snippet(text, {"sensor"}, length=120))
    assert html.startswith("…") and html.endswith("…")
    assert html.count("<mark>") == 3
    assert "<mark>Pegelsensor</mark>" in html


def test_snippet_without_matches_is_the_start_of_the_text():
    text = "Erster Satz über den Hafen. " * 30
    html = str(snippet(text, {"parkraum"}, length=60))
    assert html.startswith("Erster Satz")
    assert html.endswith("…")
    assert len(html) <= 61
    assert "<mark>" not in html


def test_snippet_marks_parts_of_compounds_known_to_the_given_vocabulary():
    text = "Der Quappenkataster der Stadt"
    assert "<mark>" not in str(snippet(text, {"quapp"}))
    marked = str(snippet(text, {"quapp"}, vocabulary=Vocabulary(["Quappen", "Kataster"])))
    assert "<mark>Quappenkataster</mark>" in marked


def test_snippet_of_a_short_text_is_the_whole_text():
    assert str(snippet("Sensoren  am\nHafen", {"haf"})) == "Sensoren am <mark>Hafen</mark>"


def test_the_thesaurus_has_no_duplicates():
    assert analysis.thesaurus_problems() == []


def test_the_thesaurus_check_finds_duplicates_and_terms_in_two_groups():
    problems = analysis.thesaurus_problems(
        ["Laterne, Leuchte", "Leuchte, Lampe", "Fahrrad, Rad, rad", "Ausweis"]
    )
    assert problems == [
        "'leuchte' in group 1 and group 2 (Leuchte, Lampe…)",
        "group 3 (Fahrrad, Rad, rad…): 'rad' twice",
        "group 4 (Ausweis): fewer than two terms",
    ]


def test_filler_words_leave_a_query_but_never_empty_it():
    # Stopwords ("die") stay in the tree; analysis drops them.
    assert without_filler(parse_query("Wie funktioniert die Starkregenkarte?")) == And(
        (Term("die"), Term("Starkregenkarte"))
    )
    assert without_filler(parse_query("wie funktioniert")) == parse_query("wie funktioniert")


def test_compound_parts_of_typed_words():
    vocabulary = analysis.Vocabulary(["datenschutz", "folgenabschaetzung", "sensoren"])
    assert analysis.compound_parts("Parksensoren", vocabulary) == ["park", "sensoren"]
    assert analysis.compound_parts("Datenschutzfolgenabschätzung", vocabulary) == [
        "datenschutz",
        "folgenabschaetzung",
    ]
    assert analysis.compound_parts("Schul-WLAN", vocabulary) == ["schul", "wlan"]
    assert analysis.compound_parts("E-Auto", vocabulary) is None  # "e" is no part
    assert analysis.compound_parts("Sensor", vocabulary) is None


def test_synonyms_are_found_by_stem_when_the_form_is_not_listed():
    assert ["Bürgerbeteiligung"] in analysis.synonyms("citizen participation")
    assert ["Ladesäule"] in analysis.synonyms("charging stations")


def test_the_thesaurus_check_finds_bad_pairs_and_related_links_and_their_cycles():
    problems = analysis.thesaurus_problems(
        ["Laterne, Leuchte"],
        pairs=[
            "Laterne = lantern",
            "lantern = Laterne",
            "Testphase = test phase",
            "Leuchte = Laterne",
        ],
        related_lines=[
            "Elektroauto -> Elektromobilität",
            "Elektromobilität -> Ladeinfrastruktur",
            "Ladeinfrastruktur -> Elektroauto",
            "Hochwasser <-> Pegel",
            "Pegel -> Hochwasser",
            "Laterne -> Leuchte",
            "Radweg -> Radweg",
            "Open Data <-> Datenplattform",
        ],
    )
    assert problems == [
        "pair 2 (lantern = Laterne): written before as pair 1",
        "pair 3 (Testphase = test phase): a term paired with itself",
        "pair 4 (Leuchte = Laterne): already synonyms in group 1",
        "link 5 (Pegel -> Hochwasser): 'pegel' -> 'hochwasser' as in link 4",
        "link 6 (Laterne -> Leuchte): 'laterne' and 'leuchte' are synonyms",
        "link 7 (Radweg -> Radweg): 'radweg' linked to itself",
        "cycle of one-way links: "
        "elektroauto -> elektromobilitaet -> ladeinfrastruktur -> elektroauto",
    ]


def test_related_terms_come_from_the_word_and_its_synonyms_one_step_only():
    # related.txt: Elektroauto -> Elektromobilität, Ladeinfrastruktur; E-Auto is a synonym.
    assert ["Elektromobilität"] in analysis.related("E-Auto")
    assert ["Elektromobilität"] in analysis.related("Elektroautos")
    # Ladesäule -> Ladeinfrastruktur, but Ladeinfrastruktur points nowhere further.
    assert analysis.related("Ladeinfrastruktur") == []
    # Two-way links: Hochwasser <-> Pegel.
    assert ["Pegel"] in analysis.related("Hochwasser") and ["Hochwasser"] in analysis.related(
        "Pegel"
    )


def test_english_pairs_derived_from_the_dictionary_are_searched_like_synonyms():
    # translations_freedict.txt (tools/derive_translations.py): Rathaus = town hall.
    assert ["town", "hall"] in analysis.synonyms("Rathaus")
    assert ["Rathaus"] in analysis.synonyms("town hall")
    header = (resources.files(analysis.__package__) / "data" / analysis.TRANSLATION_FILE).read_text(
        encoding="utf-8"
    )
    assert "Source: FreeDict German-English dictionary" in header and "GPL" in header


def test_thesaurus_check_is_a_command(app):
    result = app.test_cli_runner().invoke(args=["search", "thesaurus", "check"])
    assert result.exit_code == 0, result.output
    assert "no duplicates, no cycles" in result.output
