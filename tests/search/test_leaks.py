"""Search never reveals what the searcher may not see – not in hits, counts, snippets,
suggestions or autocomplete.

Unique words are planted in one city's internal entry and in a draft; then each
actor searches for them every way the hub offers.
"""

from __future__ import annotations

import pytest
from sqlalchemy import delete as sql_delete

from hanse_hub.accounts import services as accounts
from hanse_hub.accounts.models import Role, User
from hanse_hub.content import services as content
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
        leaks += _leaks(actor, word, allowed=word in SEES[who])
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


# -- the relations the permission matrix knows, through search ---------------------------------

NETWORK_WORD = "marderfroschbrunnen"
JOINT_WORD = "kormorankontingent"
ORPHAN_WORD = "sandregenpfeifer"
DELETED_WORD = "schwanenhorstkarte"
ARCHIVED_WORD = "wattwurmzaehlung"
RELATED_WORDS = (NETWORK_WORD, JOINT_WORD, ORPHAN_WORD, DELETED_WORD, ARCHIVED_WORD, DRAFT_WORD)


@pytest.fixture
def related(search_session, search_factory):
    """A network entry, an internal joint project of Rostock with Stralsund, a draft whose
    author's account was deleted, a soft-deleted contact linked to a solution, an archived
    entry and a draft, all of Rostock; actors in every relation to them."""
    f = search_factory
    rostock, wismar, stralsund = f.tenant("rostock"), f.tenant("wismar"), f.tenant("stralsund")
    editor, leaver = f.user(rostock, Role.EDITOR), f.user(rostock, Role.EDITOR)
    entries = {
        NETWORK_WORD: {"visibility": "network"},
        JOINT_WORD: {"visibility": "internal", "participants": [stralsund.slug]},
        ORPHAN_WORD: {"status": "draft", "author": leaver},
        ARCHIVED_WORD: {"status": "archived"},
        DRAFT_WORD: {"status": "draft"},
    }
    for word, values in entries.items():
        values.setdefault("author", editor)
        f.entry(rostock, title=f"Sensorik {word.title()}", body=f"Sensorik: {word}.", **values)
    deleted = f.entry(
        rostock,
        kind="contact",
        author=editor,
        title=f"Sensorik {DELETED_WORD.title()}",
        body=f"Sensorik: {DELETED_WORD}.",
    )
    f.entry(rostock, author=editor, title="Lösung mit Kontakt", contact_ids=[deleted.id])
    content.delete_entry(Actor.of(editor), deleted)
    two_cities = f.user(wismar, Role.EDITOR)
    accounts.set_role(None, two_cities, rostock, Role.READER)
    actors = {
        "anonymous": Actor(),
        "other city member": Actor.of(f.user(wismar, Role.READER)),
        "joint project participant": Actor.of(f.user(stralsund, Role.READER)),
        "editor elsewhere, reader here": Actor.of(two_cities),
        "owning city editor": Actor.of(editor),
    }
    search_session.flush()
    # The leaver's account is deleted (author_id becomes NULL); the index is rebuilt from it.
    search_session.execute(sql_delete(User).where(User.id == leaver.id))
    search_session.expire_all()
    search_session.commit()
    indexing.reindex()
    return actors


# Who may find which planted word in a default search (archived entries are left out).
FINDS = {
    "anonymous": set(),
    "other city member": {NETWORK_WORD},
    "joint project participant": {NETWORK_WORD, JOINT_WORD},
    "editor elsewhere, reader here": {NETWORK_WORD, JOINT_WORD},
    "owning city editor": {NETWORK_WORD, JOINT_WORD, ORPHAN_WORD, DRAFT_WORD},
}


@pytest.mark.parametrize("who", list(FINDS))
def test_related_entries_surface_exactly_where_they_should(related, who):
    """Network entries only for members — totals, facets, suggestions and autocomplete for
    anonymous visitors included (pins ``if self.network`` in ``search_condition``); internal
    joint projects for participants (``participant_ids``); a draft of a deleted account for
    nobody but the city's editors (``self.author_id is not None``); drafts of a city where
    one only reads, though one edits elsewhere (``draft_tenant_ids``); soft-deleted linked
    entries for nobody; archived entries not in default search, for editors neither."""
    actor = related[who]
    leaks = []
    for word in RELATED_WORDS:
        leaks += _leaks(actor, word, allowed=word in FINDS[who])
    page = services.search(actor, SearchRequest(q="Sensorik", per_page=50))
    expected_total = len(FINDS[who])
    if page.total != expected_total:
        leaks.append(f"'Sensorik' counts {page.total}, expected {expected_total}")
    for facet in ("kind", "tenant"):
        counted = sum(v.count for v in page.facets[facet])
        if counted != expected_total:
            leaks.append(f"'Sensorik' {facet} facets count {counted}, expected {expected_total}")


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


def test_archived_entries_are_found_when_asked_for(related):
    """``include_archived`` brings archived entries back, for anonymous visitors too."""
    for actor in related.values():
        page = services.search(actor, SearchRequest(q=ARCHIVED_WORD, include_archived=True))
        assert page.total == 1


def _leaks(actor, word: str, *, allowed: bool) -> list[str]:
    """Every way search could reveal ``word``: hits, totals, facets, suggestions, autocomplete."""
    leaks = []
    page = services.search(actor, SearchRequest(q=word))
    if (page.total > 0) != allowed or (len(page.hits) > 0) != allowed:
        leaks.append(f"hits/total for {word}: {page.total}")
    for facet in ("tenant", "kind"):
        counted = sum(v.count for v in page.facets[facet])
        if (counted > 0) != allowed:
            leaks.append(f"{facet} facet counts for {word}: {counted}")
    typo = word[0] + word[2] + word[1] + word[3:]  # two letters swapped
    suggestion = services.suggest(actor, typo)
    if (suggestion == word) != allowed:
        leaks.append(f"suggestion for {typo}: {suggestion}")
    completions = [s["label"] for s in services.autocomplete(actor, word[:7])]
    if any(word in label.lower() for label in completions) != allowed:
        leaks.append(f"autocomplete for {word[:7]}: {completions}")
    return leaks


@pytest.mark.parametrize("who", list(SEES))
def test_similar_entries_show_no_hidden_entry(planted, who):
    actor = planted[who]
    public = services.search(actor, SearchRequest(q="Gemeinsame Sensorik Wismar")).hits[0].entry
    shown = " ".join(e.title.lower() for e in services.similar(actor, public, limit=20))
    leaks = [w for w in (INTERNAL_WORD, DRAFT_WORD) if w in shown and w not in SEES[who]]
    assert leaks == []


# Related terms (related.txt) pointing to the planted words, and to a word no entry holds.
LINKED_WORD, CONTROL_WORD = "leuchtturmwaerter", "schleusenwaerter"


def _planted_related(word: str) -> list[list[str]]:
    from hanse_hub.search.analysis import fold

    links = {
        "sensorik": [[INTERNAL_WORD], [DRAFT_WORD]],
        LINKED_WORD: [[INTERNAL_WORD], [DRAFT_WORD]],
        CONTROL_WORD: [[NONSENSE_WORD]],
    }
    return links.get(fold(word), [])


@pytest.mark.parametrize("who", list(SEES))
def test_related_terms_reveal_no_hidden_word(planted, who, monkeypatch):
    """A related term that only hidden entries hold finds nothing, counts nothing and shows
    nothing for those who may not see the entries – exactly like a related term no entry
    holds – and finds the entries for those who may."""
    from hanse_hub.search import query

    monkeypatch.setattr(query, "related", _planted_related)
    actor = planted[who]
    leaks = []
    page = services.search(actor, SearchRequest(q=LINKED_WORD, per_page=50))
    found = {
        word
        for word in (INTERNAL_WORD, DRAFT_WORD)
        for hit in page.hits
        if word in hit.entry.title.lower()
    }
    if found != SEES[who]:
        leaks.append(f"{LINKED_WORD} finds {sorted(found)}, expected {sorted(SEES[who])}")
    if not SEES[who]:
        hidden = _outcome(actor, LINKED_WORD).replace(LINKED_WORD, "W")
        control = _outcome(actor, CONTROL_WORD).replace(CONTROL_WORD, "W")
        if hidden != control:
            leaks.append(f"{LINKED_WORD!r}: {hidden} vs. {control}")
    # A word everyone may see with related terms only hidden entries hold: same counts,
    # no planted word in any excerpt.
    page = services.search(actor, SearchRequest(q="Sensorik", per_page=50))
    shown = " ".join(str(hit.snippet).lower() + hit.entry.title.lower() for hit in page.hits)
    leaks += [
        f"'Sensorik' shows {w}"
        for w in (INTERNAL_WORD, DRAFT_WORD)
        if w in shown and w not in SEES[who]
    ]
    if page.total != 2 + len(SEES[who]):
        leaks.append(f"'Sensorik' counts {page.total}, expected {2 + len(SEES[who])}")
    assert leaks == []
