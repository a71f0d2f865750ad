"""Similar entries of other cities: computed when entries change, stored, read through the policy.

Beside every entry the hub shows entries of *other* cities that share its most distinctive
words – other experts beside a contact, solutions and lessons learned beside a solution. Finding
them is a large search query, too costly to run on every page view. So the indexing pass that
brings the index in line with a change also computes the list of the changed entry and of its
neighbours (the entries its new list names, and those whose lists named it), and stores the top
``STORED`` ids per entry in ``similar_entries``. The lists hold entries of every visibility and
status: the entry page reads a list *through the visibility policy*, which is why it stores
ten times what a page shows.

The lists are derived data: ``flask search reindex`` rebuilds all of them (``rebuild_all``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from sqlalchemy import delete, insert, select, text
from sqlalchemy.orm import joinedload, selectin_polymorphic, selectinload, with_polymorphic

from hanse_hub.conditions import FieldIn, NoneOf
from hanse_hub.content.models import Contact, Entry, EntryKind, EntryStatus
from hanse_hub.content.models.kinds import KIND_CLASSES
from hanse_hub.database import write_transaction
from hanse_hub.extensions import db
from hanse_hub.policy import Actor, scope_for
from hanse_hub.search import analysis
from hanse_hub.search.backends.base import SearchBackend, SearchQuery
from hanse_hub.search.models import SimilarEntry
from hanse_hub.search.query import Or, Token

STORED = 50
# How many of the changed entries' nearest new neighbours, and of the entries that listed one of
# them among their first NEIGHBOURS, have their own lists recomputed in the same pass: a bound
# for each pass, so that an edit or a batch of 200 jobs costs a bounded number of searches;
# lists further away catch up when their entry changes or at the next reindex.
NEIGHBOURS = 10
# Two processes renewing one entry's list at once (the index-recovery thread of one server and
# a request of another) would each delete its rows and insert the same (entry, rank) keys: on
# PostgreSQL the second insert fails on the key. Writers of the lists therefore take this
# transaction-scoped advisory lock first; on SQLite one writer at a time is the rule anyway.
LIST_WRITERS_LOCK = 0x48414E5345  # "HANSE"
REFERRERS = 20

# The kinds shown first beside an entry of a kind: other experts beside a contact, solutions
# and lessons learned beside a solution or a lesson learned.
KINDS_FIRST = {
    EntryKind.CONTACT: ("contact",),
    EntryKind.SOLUTION: ("lesson", "solution"),
    EntryKind.LESSON: ("lesson", "solution"),
}


def _query_tree(entry: Entry, texts: list[str]):
    language = entry.language
    tokens = analysis.analyse(entry.title + "\n" + "\n".join(texts), language)
    if not tokens:
        return None
    counts = Counter(tokens)
    favoured = set(analysis.analyse(entry.title, language))
    if isinstance(entry, Contact):
        topics = " ".join(f"{t.name_de} {t.name_en}" for t in entry.topics)
        favoured |= set(analysis.analyse(" ".join(entry.expertise) + " " + topics, language))
    weighted = sorted(counts, key=lambda t: (-(counts[t] + 3 * (t in favoured)) * len(t), t))[:12]
    return Or(tuple(Token((stem,)) for stem in weighted))


def compute(entry: Entry, texts: list[str], backend: SearchBackend) -> list[int]:
    """The ids of up to ``STORED`` entries of other tenants most like ``entry``: those of the
    kinds that fit first (``KINDS_FIRST``), then any others, each group best first; for a
    contact the words of their topics and *Fachgebiete* count most. ``texts`` are the entry's
    searchable fields. One search: the kinds come from the database."""
    tree = _query_tree(entry, texts)
    if tree is None:
        return []
    other_tenants = NoneOf((FieldIn("tenant_id", [entry.tenant_id]),))
    ids = [
        hit.entry_id for hit in backend.search(SearchQuery(tree, other_tenants, limit=STORED)).hits
    ]
    kinds_first = KINDS_FIRST.get(EntryKind(entry.kind))
    if not kinds_first or not ids:
        return ids
    kind_of = dict(db.session.execute(select(Entry.id, Entry.kind).where(Entry.id.in_(ids))).all())
    fitting = [i for i in ids if str(kind_of.get(i)) in kinds_first]
    return fitting + [i for i in ids if i not in set(fitting)]


def _one_writer_at_a_time() -> None:
    if db.session.get_bind().dialect.name == "postgresql":
        db.session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LIST_WRITERS_LOCK})


def _store(entry_id: int, similar_ids: list[int]) -> None:
    db.session.execute(delete(SimilarEntry).where(SimilarEntry.entry_id == entry_id))
    if similar_ids:
        db.session.execute(
            insert(SimilarEntry),
            [
                {"entry_id": entry_id, "rank": rank, "similar_id": similar_id}
                for rank, similar_id in enumerate(similar_ids)
            ],
        )


def _load(entry_ids: Iterable[int]) -> list[Entry]:
    return list(
        db.session.scalars(
            select(Entry)
            .where(Entry.id.in_(sorted(set(entry_ids))), Entry.deleted_at.is_(None))
            .options(
                selectin_polymorphic(Entry, list(KIND_CLASSES.values())),
                selectinload(Entry.topics),
                selectinload(Entry.tag_links),
            )
        )
    )


def refresh(
    entries: list[Entry], texts_of: Callable[[Entry], list[str]], backend: SearchBackend
) -> dict[int, list[int]]:
    """Recompute and store the lists of these (live, already indexed) entries."""
    lists = {}
    for entry in entries:
        lists[entry.id] = compute(entry, texts_of(entry), backend)
        _store(entry.id, lists[entry.id])
    return lists


def refresh_after_change(
    live: list[Entry],
    gone_ids: list[int],
    texts_of: Callable[[Entry], list[str]],
    backend: SearchBackend,
) -> int:
    """After the index took in ``live`` and dropped ``gone_ids``: renew the changed entries'
    lists and those of their neighbours, so that a change in one city shows in the other
    cities' lists in the same pass. Returns how many lists were computed. Runs inside the
    indexing transaction."""
    changed_ids = [e.id for e in live] + list(gone_ids)
    _one_writer_at_a_time()
    if gone_ids:
        db.session.execute(delete(SimilarEntry).where(SimilarEntry.entry_id.in_(gone_ids)))
    if not changed_ids:
        return 0
    referrers = list(
        db.session.scalars(
            select(SimilarEntry.entry_id)
            .where(SimilarEntry.similar_id.in_(changed_ids), SimilarEntry.rank < NEIGHBOURS)
            .distinct()
            .order_by(SimilarEntry.entry_id)
            .limit(REFERRERS)
        )
    )
    lists = refresh(live, texts_of, backend)
    # The nearest new neighbours first (where the change moves up), then former referrers
    # (where it may move down or out); at most NEIGHBOURS + REFERRERS lists per pass.
    again = list(dict.fromkeys(i for ids in lists.values() for i in ids[:NEIGHBOURS]))
    again = [i for i in again if i not in changed_ids][:NEIGHBOURS]
    again += [i for i in referrers if i not in changed_ids and i not in again]
    refresh(_load(again), texts_of, backend)
    return len(lists) + len(again)


def rebuild_all(
    entry_ids: list[int],
    texts_of: Callable[[Entry], list[str]],
    backend: SearchBackend,
    *,
    batch_size: int = 200,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Recompute every live entry's list (``flask search reindex``'s second pass)."""
    done = 0
    for start in range(0, len(entry_ids), batch_size):
        batch = entry_ids[start : start + batch_size]
        with write_transaction():
            _one_writer_at_a_time()
            db.session.execute(delete(SimilarEntry).where(SimilarEntry.entry_id.in_(batch)))
            refresh(_load(batch), texts_of, backend)
        done += len(batch)
        if progress:
            progress(len(batch))
    return done


def similar_to(actor: Actor, entry: Entry, *, limit: int = 5) -> list[Entry]:
    """The first ``limit`` entries of ``entry``'s stored list that ``actor`` may see, in the
    list's order: one statement, whatever the list holds (every kind's columns and the tenant
    joined in). Never the entry itself (the list holds other cities' entries only), never an
    entry ``actor`` may not see."""
    shown = with_polymorphic(Entry, list(KIND_CLASSES.values()))
    ranked = (
        select(shown)
        .join(SimilarEntry, SimilarEntry.similar_id == shown.id)
        .where(
            SimilarEntry.entry_id == entry.id,
            shown.tenant_id != entry.tenant_id,
            shown.status != EntryStatus.ARCHIVED,  # as in search: archived ones are not offered
            scope_for(actor).entry_filter(shown),
        )
        .order_by(SimilarEntry.rank)
        .limit(limit)
        .options(joinedload(shown.tenant))
    )
    return list(db.session.scalars(ranked))
