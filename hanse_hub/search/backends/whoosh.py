"""The embedded search backend: a Whoosh index in the data folder.

Text arrives already analysed (``search.analysis``), so the index only splits
on spaces. One searcher is kept per process and replaced when the index
generation changes (opening one costs ~100 ms); a replaced searcher is closed only
when the last search still reading it (another thread's: the index-recovery thread,
a threaded server) has finished. Writers take the index lock with a timeout, which
is safe across gunicorn workers.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh import sorting
from whoosh.analysis import SpaceSeparatedTokenizer
from whoosh.fields import ID, KEYWORD, NUMERIC, TEXT, Schema

from hanse_hub.conditions import AllOf, AnyOf, Condition, FieldIn, NoneOf
from hanse_hub.search.backends.base import (
    FACETS,
    IndexUnavailable,
    RawHit,
    RawResults,
    SearchDocument,
    SearchQuery,
)
from hanse_hub.search.query import And, Not, Or, Token, TokenPhrase

WRITER_TIMEOUT_SECONDS = 30
# A full rebuild's writer may hold this much memory for its postings before it spills them to
# a temporary run on disk (Whoosh's default is 128).
BULK_LIMIT_MB = 256
TEXT_FIELDS = {"title": 3.0, "body": 1.0, "files": 0.7}


def _schema() -> Schema:
    tokens = SpaceSeparatedTokenizer()
    return Schema(
        entry_id=ID(stored=True, unique=True),
        tenant_id=ID(),
        kind=ID(),
        status=ID(),
        visibility=ID(),
        author_id=ID(),
        participant_ids=KEYWORD(commas=True),
        topics=KEYWORD(commas=True),
        year=ID(),
        sort_date=NUMERIC(bits=64, sortable=True),
        title=TEXT(analyzer=tokens, phrase=True, field_boost=TEXT_FIELDS["title"]),
        body=TEXT(analyzer=tokens, phrase=True, field_boost=TEXT_FIELDS["body"]),
        files=TEXT(analyzer=tokens, phrase=True, field_boost=TEXT_FIELDS["files"]),
        title_words=KEYWORD(),
    )


def _value(value) -> str:
    return str(value)


def compile_condition(condition: Condition) -> wq.Query:
    """The policy's (and the user's) filter as a Whoosh query."""
    match condition:
        case FieldIn(field, values):
            terms = [wq.Term(field, _value(v)) for v in sorted(values, key=str)]
            return wq.Or(terms) if terms else wq.NullQuery
        case AllOf(conditions):
            return wq.And([compile_condition(c) for c in conditions]) if conditions else wq.Every()
        case AnyOf(conditions):
            return wq.Or([compile_condition(c) for c in conditions]) if conditions else wq.NullQuery
        case NoneOf(conditions):
            return wq.And([wq.Every(), wq.Not(wq.Or([compile_condition(c) for c in conditions]))])
    raise TypeError(condition)


def compile_tree(node) -> wq.Query:
    """The analysed user query as a Whoosh query over the text fields."""
    match node:
        case None:
            return wq.Every()
        case Token(stems, weight):
            # A related term (weight < 1) scores less than the word searched for.
            return wq.Or([wq.Term(f, stem, boost=weight) for f in TEXT_FIELDS for stem in stems])
        case TokenPhrase(stems):
            return wq.Or([wq.Phrase(f, list(stems)) for f in TEXT_FIELDS])
        case And(nodes):
            return wq.And([compile_tree(n) for n in nodes])
        case Or(nodes):
            return wq.Or([compile_tree(n) for n in nodes])
        case Not(inner):
            return wq.Not(compile_tree(inner))
    raise TypeError(node)


class WhooshBackend:
    name = "whoosh"
    capabilities = frozenset(
        {"phrases", "negation", "or", "facets", "sort_by_date", "autocomplete", "field_weights"}
    )

    def __init__(self, directory: Path, *, index_expected: Callable[[], bool] = lambda: False):
        """``index_expected`` says whether documents should already be in the index: then a
        missing index was lost (an error), otherwise it is simply not built yet (created)."""
        self.directory = Path(directory)
        self._index_expected = index_expected
        self._index = None
        self._searcher = None
        self._readers: dict[int, int] = {}  # id(searcher) -> searches reading it now
        self._retired: dict[int, object] = {}  # replaced searchers still being read
        self._lock = threading.Lock()
        self._bulk = None  # the writer of a full rebuild (``bulk_load``), while it runs

    # -- the index and its searcher ---------------------------------------------------------------
    def _open(self):
        if self._index is None:
            try:
                exists = whoosh_index.exists_in(str(self.directory))
                if exists:
                    self._index = whoosh_index.open_dir(str(self.directory))
            except Exception as error:  # Whoosh raises many kinds for damaged files
                raise IndexUnavailable(
                    f"the search index in {self.directory} is unreadable: {error}"
                ) from error
            if not exists:
                if self._index_expected():
                    raise IndexUnavailable(f"the search index in {self.directory} is missing")
                self.directory.mkdir(parents=True, exist_ok=True)
                self._index = whoosh_index.create_in(str(self.directory), _schema())
        return self._index

    def health(self) -> str | None:
        try:
            with self._lock:
                self._current_searcher()
        except IndexUnavailable as error:
            return str(error)
        return None

    def _current_searcher(self):
        """This process's searcher, reopened when another writer changed the index.

        Not ``Searcher.refresh()``: it reuses segment readers and keeps their old deletion
        lists, so replaced or deleted documents would still be found. Call with the lock held.
        """
        index = self._open()
        try:
            if self._searcher is None or self._searcher.reader().generation() != (
                index.latest_generation()
            ):
                if self._searcher is not None:
                    self._retire(self._searcher)
                self._searcher = None
                self._searcher = index.searcher()
        except Exception as error:  # removed or damaged under a running process
            self._index = None
            raise IndexUnavailable(
                f"the search index in {self.directory} is unreadable: {error}"
            ) from error
        return self._searcher

    def _retire(self, searcher) -> None:
        """Close a replaced searcher now, or when its last reader returns it."""
        if self._readers.get(id(searcher)):
            self._retired[id(searcher)] = searcher
        else:
            searcher.close()

    @contextmanager
    def _reading(self) -> Iterator:
        """The current searcher, lent for one search: no other thread closes it meanwhile."""
        with self._lock:
            searcher = self._current_searcher()
            self._readers[id(searcher)] = self._readers.get(id(searcher), 0) + 1
        try:
            yield searcher
        finally:
            with self._lock:
                key = id(searcher)
                self._readers[key] -= 1
                if not self._readers[key]:
                    del self._readers[key]
                    if (retired := self._retired.pop(key, None)) is not None:
                        retired.close()

    # -- writing ----------------------------------------------------------------------------------
    @contextmanager
    def bulk_load(self, procs: int = 1) -> Iterator[None]:
        """A full rebuild into the emptied index (after ``reset``): every ``index_many`` inside
        adds to one writer, committed once at the end, instead of one commit (and segment
        merge) per batch. ``procs`` > 1: Whoosh's multi-process writer, each process writing
        its own segment (``multisegment``, no merge at the end); equally scored hits then no
        longer come out in entry id order. Searches see the old (empty) index until the end;
        on an error nothing of the pass is committed."""
        options = {"procs": procs, "multisegment": True} if procs > 1 else {}
        writer = self._open().writer(
            timeout=WRITER_TIMEOUT_SECONDS, limitmb=BULK_LIMIT_MB, **options
        )
        self._bulk = writer
        try:
            yield
        except BaseException:
            writer.cancel()
            raise
        finally:
            self._bulk = None
        writer.commit()

    def index_many(self, documents: list[SearchDocument]) -> None:
        if not documents:
            return
        if self._bulk is not None:
            # The emptied index holds none of them, and a rebuild adds each entry once.
            for doc in documents:
                self._bulk.add_document(**self._fields(doc))
            return
        writer = self._open().writer(timeout=WRITER_TIMEOUT_SECONDS)
        try:
            for doc in documents:
                writer.update_document(**self._fields(doc))
        except BaseException:
            writer.cancel()
            raise
        writer.commit()

    @staticmethod
    def _fields(doc: SearchDocument) -> dict:
        return dict(
            entry_id=str(doc.entry_id),
            tenant_id=str(doc.tenant_id),
            kind=doc.kind,
            status=doc.status,
            visibility=doc.visibility,
            author_id=str(doc.author_id or ""),
            participant_ids=",".join(str(t) for t in doc.participant_ids),
            topics=",".join(doc.topics),
            year=str(doc.year),
            sort_date=int(doc.sort_date.timestamp()),
            title=" ".join(doc.title_tokens),
            body=" ".join(doc.body_tokens),
            files=" ".join(doc.file_tokens),
            title_words=" ".join(doc.title_words),
        )

    def delete_many(self, entry_ids: list[int]) -> None:
        if not entry_ids:
            return
        if self._bulk is not None:
            return  # a rebuild adds only live entries: one gone meanwhile was never added
        writer = self._open().writer(timeout=WRITER_TIMEOUT_SECONDS)
        try:
            for entry_id in entry_ids:
                writer.delete_by_term("entry_id", str(entry_id))
        except BaseException:
            writer.cancel()
            raise
        writer.commit()

    def reset(self) -> None:
        with self._lock:
            if self._searcher is not None:
                self._retire(self._searcher)
                self._searcher = None
            # A damaged index is replaced as a whole (open files of other processes stay valid).
            shutil.rmtree(self.directory, ignore_errors=True)
            self.directory.mkdir(parents=True, exist_ok=True)
            self._index = whoosh_index.create_in(str(self.directory), _schema())

    # -- reading ----------------------------------------------------------------------------------
    def search(self, query: SearchQuery) -> RawResults:
        with self._reading() as searcher:
            return self._search(searcher, query)

    def _search(self, searcher, query: SearchQuery) -> RawResults:
        whoosh_query = self._restricted(query)
        options = {}
        if query.sort == "date":
            options["sortedby"] = "sort_date"
            options["reverse"] = True
        if query.facets:
            options["groupedby"] = {
                name: sorting.FieldFacet(name, allow_overlap=(name == "topics")) for name in FACETS
            }
            options["maptype"] = sorting.Count
        limit = query.offset + query.limit
        results = searcher.search(whoosh_query, limit=max(limit, 1), **options)
        hits = [
            RawHit(int(hit["entry_id"]), float(hit.score or 0.0))
            for hit in results[query.offset : limit]
        ]
        facets = {}
        if query.facets:
            for name in FACETS:
                counts = results.groups(name)
                facets[name] = {str(k): v for k, v in counts.items() if k not in (None, "")}
        # Whoosh knows the total when it scored every match (few matches, sorting, facets);
        # only when it skipped low-scoring blocks is the exact count walked.
        if results.has_exact_length():
            total = len(results)
        else:
            total = self._exact_count(searcher, whoosh_query)
        return RawResults(hits=hits, total=total, facets=facets)

    def count(self, query: SearchQuery) -> int:
        with self._reading() as searcher:
            return self._exact_count(searcher, self._restricted(query))

    @staticmethod
    def _exact_count(searcher, whoosh_query: wq.Query) -> int:
        """How many documents match, exactly. ``len(results)`` is an estimate in Whoosh 2.7
        once it skips low-scoring blocks for the top hits; this walks the matches unscored."""
        return sum(1 for _ in searcher.docs_for_query(whoosh_query))

    @staticmethod
    def _restricted(query: SearchQuery) -> wq.Query:
        """The text query intersected with the condition while matching, so that only
        documents passing the filter are scored – Whoosh's ``filter=`` scores every text
        match and discards afterwards. The condition adds nothing to the score.
        (Not ``Require``: its block-quality skipping trips an assertion in Whoosh 2.7.)"""
        condition = wq.ConstantScoreQuery(compile_condition(query.condition), 0.0)
        if query.tree is None:
            return condition
        return wq.And([compile_tree(query.tree), condition])

    def autocomplete(self, prefix: str, condition: Condition, limit: int) -> list[int]:
        if not prefix:
            return []
        with self._reading() as searcher:
            results = searcher.search(
                wq.Prefix("title_words", prefix),
                limit=limit,
                filter=compile_condition(condition),
                sortedby="sort_date",
                reverse=True,
            )
            return [int(hit["entry_id"]) for hit in results]

    def document_count(self) -> int:
        with self._reading() as searcher:
            return searcher.doc_count()
