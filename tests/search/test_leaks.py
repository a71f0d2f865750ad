"""Search never reveals what the searcher may not see – not in hits, counts, snippets,
suggestions or autocomplete.

Unique words are planted in one city's internal entry and in a draft; then each
actor searches for them every way the hub offers.
"""

from __future__ import annotations

import pytest

from hanse_hub.accounts.models import Role
from hanse_hub.policy import Actor
from hanse_hub.search import indexing, services
from hanse_hub.search.services import SearchRequest

INTERNAL_WORD = "quappenkataster"
DRAFT_WORD = "zwergschnepfenpfad"


@pytest.fixture
def planted(search_session, search_factory):
    f = search_factory
    rostock, wismar = f.tenant("rostock"), f.tenant("wismar")
    editor = f.user(rostock, Role.EDITOR)
    f.entry(rostock, title="Gemeinsame Sensorik Rostock", body="Sensorik für alle Städte.")
    f.entry(wismar, title="Gemeinsame Sensorik Wismar", body="Sensorik für alle Städte.")
    f.entry(
        rostock,
        author=editor,
        visibility="internal",
        title=f"Vergabevermerk {INTERNAL_WORD.title()}",
        body=f"Sensorik: der {INTERNAL_WORD} bleibt intern.",
    )
    f.entry(
        rostock,
        author=editor,
        status="draft",
        visibility="public",
        title=f"Entwurf {DRAFT_WORD.title()}",
        body=f"Sensorik im {DRAFT_WORD}.",
    )
    actors = {
        "anonymous": Actor(),
        "other city member": Actor.of(f.user(wismar, Role.ADMIN)),
        "owning city reader": Actor.of(f.user(rostock, Role.READER)),
        "owning city editor": Actor.of(editor),
    }
    search_session.flush()
    indexing.apply_all_pending_jobs()
    return actors


# Who may see which planted word.
SEES = {
    "anonymous": set(),
    "other city member": set(),
    "owning city reader": {INTERNAL_WORD},
    "owning city editor": {INTERNAL_WORD, DRAFT_WORD},
}


@pytest.mark.parametrize("who", list(SEES))
def test_planted_words_surface_exactly_where_they_should(planted, who):
    actor = planted[who]
    leaks = []
    for word in (INTERNAL_WORD, DRAFT_WORD):
        allowed = word in SEES[who]
        page = services.search(actor, SearchRequest(q=word))
        if (page.total > 0) != allowed or (len(page.hits) > 0) != allowed:
            leaks.append(f"hits/total for {word}: {page.total}")
        counted = sum(v.count for v in page.facets["tenant"])
        if (counted > 0) != allowed:
            leaks.append(f"facet counts for {word}: {counted}")
        typo = word[0] + word[2] + word[1] + word[3:]  # two letters swapped
        suggestion = services.suggest(actor, typo)
        if (suggestion == word) != allowed:
            leaks.append(f"suggestion for {typo}: {suggestion}")
        completions = [s["label"] for s in services.autocomplete(actor, word[:7])]
        if any(word in label.lower() for label in completions) != allowed:
            leaks.append(f"autocomplete for {word[:7]}: {completions}")
    # A word everyone may search for: its snippets and counts must not carry planted words.
    page = services.search(actor, SearchRequest(q="Sensorik", per_page=50))
    visible_words = " ".join(
        str(hit.snippet).lower() + hit.entry.title.lower() for hit in page.hits
    )
    for word in (INTERNAL_WORD, DRAFT_WORD):
        if (word in visible_words) and word not in SEES[who]:
            leaks.append(f"snippet or title shows {word}")
    expected_total = 2 + len(SEES[who])
    if page.total != expected_total:
        leaks.append(f"'Sensorik' counts {page.total}, expected {expected_total}")
    facet_total = sum(v.count for v in page.facets["kind"])
    if facet_total != expected_total:
        leaks.append(f"'Sensorik' kind facets count {facet_total}, expected {expected_total}")
    print(f"{who}: {len(leaks)} leaks")
    assert leaks == []


# A word no entry holds: what happens to it is what must happen to a word one may not see.
NONSENSE_WORD = "blumenkohlgirlande"


def _outcome(actor, q: str) -> str:
    """Everything a search page shows about a query, with the planted and the nonsense word
    made indistinguishable."""
    page = services.search(actor, SearchRequest(q=q, per_page=50))
    shown = (
        page.total,
        sorted(hit.entry.title for hit in page.hits),
        page.corrected_query,
        page.relaxed,
        page.missing_words,
        page.suggestion,
        sorted((v.value, v.count) for values in page.facets.values() for v in values),
        sorted(str(hit.snippet) for hit in page.hits),
    )
    text = repr(shown)
    for word in (INTERNAL_WORD, DRAFT_WORD, NONSENSE_WORD):
        text = text.replace(word, "X").replace(word[:4] + word[5:], "Y")
        text = text.replace(word.title(), "X").replace((word[:4] + word[5:]).title(), "Y")
    return text


@pytest.mark.parametrize("who", list(SEES))
def test_corrections_relaxed_results_and_compounds_reveal_no_hidden_word(planted, who):
    """The lenient search box (corrected words, compound parts, relaxed results, "not found"
    words) treats a word only hidden entries hold exactly like a word no entry holds."""
    actor = planted[who]
    leaks = []
    for word in (INTERNAL_WORD, DRAFT_WORD):
        allowed = word in SEES[who]
        typo = word[:4] + word[5:]  # one letter dropped: corrected only for those who see it
        page = services.search(actor, SearchRequest(q=typo))
        if (page.corrected_query == word) != allowed or (page.total > 0) != allowed:
            leaks.append(f"correction of {typo}: {page.corrected_query}, {page.total} hits")
        if allowed:
            continue
        # Every lenient path: a relaxed query, a compound with a hidden part, a typo in a
        # longer query, and the hidden word beside a filler word.
        for template in (
            "Sensorik {w}",
            "{w}sensorik",
            "sensorik{w}",
            "Gemeinsame {typo} Sensorik",
            "Wie funktioniert {w}?",
            "Sensorik -{w}",
        ):
            hidden = _outcome(actor, template.format(w=word, typo=typo))
            nonsense_typo = NONSENSE_WORD[:4] + NONSENSE_WORD[5:]
            control = _outcome(actor, template.format(w=NONSENSE_WORD, typo=nonsense_typo))
            if hidden != control:
                leaks.append(f"{template.format(w=word, typo=typo)!r}: {hidden} vs. {control}")
        for prefix in (word[:5], typo[:6]):
            completions = [s["label"].lower() for s in services.autocomplete(actor, prefix)]
            if any(word in label for label in completions):
                leaks.append(f"autocomplete for {prefix}: {completions}")
    print(f"{who}: {len(leaks)} leaks")
    assert leaks == []


@pytest.mark.parametrize("who", list(SEES))
def test_similar_entries_show_no_hidden_entry(planted, who):
    actor = planted[who]
    public = services.search(actor, SearchRequest(q="Gemeinsame Sensorik Wismar")).hits[0].entry
    shown = " ".join(e.title.lower() for e in services.similar(actor, public, limit=20))
    leaks = [w for w in (INTERNAL_WORD, DRAFT_WORD) if w in shown and w not in SEES[who]]
    assert leaks == []
