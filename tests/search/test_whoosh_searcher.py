"""The Whoosh backend shares one searcher per process between threads (requests of a threaded
server, the index-recovery thread). A search that finds the index changed replaces that
searcher; the one still being read by another search must stay open until that search ends.
"""

from __future__ import annotations

from datetime import UTC, datetime

from hanse_hub.conditions import FieldIn
from hanse_hub.search.backends.base import SearchDocument, SearchQuery
from hanse_hub.search.backends.whoosh import WhooshBackend
from hanse_hub.search.query import Token


def _document(entry_id: int, word: str) -> SearchDocument:
    return SearchDocument(
        entry_id=entry_id,
        tenant_id=1,
        kind="solution",
        status="published",
        visibility="public",
        author_id=None,
        participant_ids=(),
        topics=(),
        year=2026,
        language="de",
        sort_date=datetime(2026, 1, 1, tzinfo=UTC),
        title_tokens=[word],
        body_tokens=[word],
        file_tokens=[],
        title_words=[word],
    )


def _query(word: str) -> SearchQuery:
    return SearchQuery(tree=Token((word,)), condition=FieldIn("status", ("published",)))


def test_a_search_in_progress_keeps_its_searcher_when_another_search_sees_a_new_index(tmp_path):
    backend = WhooshBackend(tmp_path / "index")
    backend.index_many([_document(1, "parksensor")])
    compile_query = backend._restricted
    interleaved = []

    def change_the_index_and_search_meanwhile(query):
        # Another thread, between this search taking the searcher and reading with it: a
        # write makes a new generation, and its search replaces the process's searcher.
        if not interleaved:
            interleaved.append(True)
            backend.index_many([_document(2, "parksensor")])
            assert sorted(h.entry_id for h in backend.search(_query("parksensor")).hits) == [1, 2]
        return compile_query(query)

    backend._restricted = change_the_index_and_search_meanwhile
    first = backend.search(_query("parksensor"))

    assert interleaved == [True]
    assert [hit.entry_id for hit in first.hits] == [1]  # what its own searcher saw, not closed
    assert first.total == 1
    assert sorted(h.entry_id for h in backend.search(_query("parksensor")).hits) == [1, 2]


def test_a_replaced_searcher_is_closed_once_its_last_search_has_ended(tmp_path):
    backend = WhooshBackend(tmp_path / "index")
    backend.index_many([_document(1, "ladesäule")])
    with backend._reading() as old:
        backend.index_many([_document(2, "ladesäule")])
        assert backend.document_count() == 2  # replaces the searcher
        assert not getattr(old, "is_closed", False)  # still lent to this search
    assert getattr(old, "is_closed", False)
    assert backend._readers == {}
    assert backend._retired == {}
