"""Turning entries into index documents, and applying the outbox's jobs to the backend."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path

from flask import current_app, has_app_context
from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import selectin_polymorphic, selectinload

from hanse_hub.content.kinds import REGISTRY, Registry, searched_fields
from hanse_hub.content.models import (
    Entry,
)
from hanse_hub.content.models.kinds import KIND_CLASSES
from hanse_hub.content.storage import storage_for
from hanse_hub.database import after_commit, utcnow, write_transaction
from hanse_hub.extensions import db
from hanse_hub.questions.searchable import answered_question_texts
from hanse_hub.search import analysis, excerpts, similar
from hanse_hub.search.backends import get_backend
from hanse_hub.search.backends.base import SearchDocument
from hanse_hub.search.extraction import ExtractionError, extract_text
from hanse_hub.search.models import SearchJob, SearchState, SearchWord
from hanse_hub.search.outbox import PENDING_FLAG
from hanse_hub.tenants.models import Tenant

logger = logging.getLogger(__name__)

BATCH_SIZE = 200
_vocabulary_lock = threading.Lock()


# -- what an entry says ----------------------------------------------------------------------------


def entry_fields(entry: Entry, registry: Registry = REGISTRY) -> list[str]:
    """The searchable texts of an entry besides its title: the fields its kind declares searched."""
    texts = [entry.summary, entry.body, " ".join(entry.tags)]
    texts += [f"{topic.name_de} {topic.name_en}" for topic in entry.topics]
    for field in searched_fields(entry.kind, registry):
        value = getattr(entry, field.name)
        texts.append(" ".join(value) if isinstance(value, list) else value)
    return [text for text in texts if text]


def attachment_text(attachment) -> str:
    """The extracted text of a file, cached by content hash in the data folder."""
    cache = Path(current_app.config["HANSE_DATA_DIR"]) / "extracted"
    cached, failed = (
        cache / f"{attachment.content_hash}.txt",
        cache / f"{attachment.content_hash}.failed",
    )
    if cached.exists():
        return cached.read_text(encoding="utf-8")
    if failed.exists():
        return ""
    storage = storage_for(current_app)
    cache.mkdir(parents=True, exist_ok=True)
    try:
        path = storage.path(attachment.content_hash)
        text = extract_text(path, attachment.media_type)
    except (ExtractionError, OSError) as error:
        logger.warning("text extraction failed for attachment %s: %s", attachment.id, error)
        failed.write_text(str(error), encoding="utf-8")
        return ""
    cached.write_text(text, encoding="utf-8")
    return text


def file_texts(entry: Entry, extracted: dict[int, str] | None = None) -> dict[int, str]:
    """Attachment id → its searchable text (name, description and content); ``extracted``:
    the files' texts when already read (attachment id → text)."""
    if extracted is None:
        extracted = {a.id: attachment_text(a) for a in entry.attachments}
    return {
        a.id: " ".join([a.original_filename, a.description, extracted[a.id]])
        for a in entry.attachments
    }


def build_document(
    entry: Entry,
    vocabulary: analysis.Vocabulary,
    files: dict[int, str],
    questions: list[str] = (),
) -> SearchDocument:
    """The entry's document; ``questions``: the texts of its answered questions (indexed
    with the body, see ``questions.searchable``)."""
    language = entry.language if entry.language in ("de", "en") else "de"
    moment = entry.published_at or entry.created_at
    return SearchDocument(
        entry_id=entry.id,
        tenant_id=entry.tenant_id,
        kind=str(entry.kind),
        status=str(entry.status),
        visibility=str(entry.visibility),
        author_id=entry.author_id,
        participant_ids=tuple(sorted(t.id for t in entry.participants)),
        topics=tuple(t.slug for t in entry.topics),
        year=moment.year,
        language=language,
        sort_date=moment,
        title_tokens=analysis.analyse(entry.title, language, vocabulary),
        body_tokens=analysis.analyse(
            "\n".join([*entry_fields(entry), *questions]), language, vocabulary
        ),
        file_tokens=analysis.analyse("\n".join(files.values()), language, vocabulary),
        title_words=sorted({analysis.fold(w) for w in analysis.words(entry.title)} - {""}),
    )


# -- the vocabulary (decompounding parts, spellings) -----------------------------------------------


def search_vocabulary() -> analysis.Vocabulary:
    """This process's vocabulary: the built-in word parts plus every word indexed so far.

    It holds words of entries any searcher may not see: use it to split what was typed, never
    to show words to a searcher."""
    app = current_app._get_current_object()
    with _vocabulary_lock:
        vocabulary = app.extensions.get("hanse_search_vocabulary")
        if vocabulary is None:
            vocabulary = analysis.Vocabulary(db.session.scalars(select(SearchWord.word)))
            app.extensions["hanse_search_vocabulary"] = vocabulary
        return vocabulary


def _remember_words(texts: list[str]) -> None:
    words = {w for text in texts for w in analysis.spelling_words(text) if len(w) <= 80}
    if not words:
        return
    search_vocabulary().add(words)
    dialect = db.session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    rows = [{"word": word} for word in sorted(words)]
    for start in range(0, len(rows), 500):
        db.session.execute(
            insert(SearchWord).values(rows[start : start + 500]).on_conflict_do_nothing()
        )


def _load_entries(entry_ids: list[int]) -> list[Entry]:
    return list(
        db.session.scalars(
            select(Entry)
            .where(Entry.id.in_(entry_ids))
            # In id order, not the table's physical order: equally scored hits then come out of
            # a rebuilt index in the same order on every database (and after hub import).
            .order_by(Entry.id)
            .options(
                selectin_polymorphic(Entry, list(KIND_CLASSES.values())),
                selectinload(Entry.topics),
                selectinload(Entry.participants),
                selectinload(Entry.tag_links),
                selectinload(Entry.attachments),
            )
        )
    )


def _index_entries(entry_ids: list[int], *, with_similar: bool = True) -> tuple[int, int]:
    """Bring the index in line with the database for these entries. Returns (indexed, removed)."""
    backend = get_backend()
    entries = [e for e in _load_entries(entry_ids) if not e.is_deleted]
    extracted = {e.id: {a.id: attachment_text(a) for a in e.attachments} for e in entries}
    files = {entry.id: file_texts(entry, extracted[entry.id]) for entry in entries}
    questions = answered_question_texts(entry.id for entry in entries)
    _remember_words(
        [entry.title for entry in entries]
        + [text for entry in entries for text in entry_fields(entry)]
        + [text for texts in files.values() for text in texts.values()]
        + [text for texts in questions.values() for text in texts]
    )
    vocabulary = search_vocabulary()
    documents = [
        build_document(entry, vocabulary, files[entry.id], questions.get(entry.id, []))
        for entry in entries
    ]
    gone = sorted(set(entry_ids) - {entry.id for entry in entries})
    backend.index_many(documents)
    backend.delete_many(gone)
    excerpts.store(
        {
            entry.id: excerpts.pieces_of(entry, extracted[entry.id], questions.get(entry.id, []))
            for entry in entries
        },
        gone,
    )
    if with_similar:
        similar.refresh_after_change(entries, gone, entry_fields, backend)
    return len(documents), len(gone)


def _set_state(key: str, value: str) -> None:
    state = db.session.get(SearchState, key)
    if state is None:
        db.session.add(SearchState(key=key, value=value, updated_at=utcnow()))
    else:
        state.value, state.updated_at = value, utcnow()


# -- applying jobs ---------------------------------------------------------------------------------


def apply_pending_jobs(*, limit: int = BATCH_SIZE) -> int:
    """Apply up to ``limit`` pending index jobs; returns how many were applied.

    Safe to run in several processes at once: a job is deleted only after its entry
    was indexed, and indexing the same entry twice gives the same document.
    """
    jobs = db.session.execute(
        select(SearchJob.id, SearchJob.entry_id).order_by(SearchJob.id).limit(limit)
    ).all()
    if not jobs:
        return 0
    job_ids = [job.id for job in jobs]
    entry_ids = sorted({job.entry_id for job in jobs})
    try:
        with write_transaction():
            _index_entries(entry_ids)
            db.session.execute(delete(SearchJob).where(SearchJob.id.in_(job_ids)))
    except Exception as error:
        logger.exception("applying %d search jobs failed", len(jobs))
        with write_transaction():
            db.session.execute(
                update(SearchJob)
                .where(SearchJob.id.in_(job_ids))
                .values(attempts=SearchJob.attempts + 1, last_error=str(error)[:2000])
            )
            _set_state("last_error", f"{utcnow().isoformat()} {error}"[:2000])
        raise
    return len(jobs)


def apply_all_pending_jobs() -> int:
    total = 0
    while applied := apply_pending_jobs():
        total += applied
    return total


@after_commit
def _apply_inline() -> None:
    """Inline indexing: the editor finds the change as soon as the request has returned."""
    if not has_app_context() or current_app.config.get("HANSE_SEARCH_INDEXING") != "inline":
        return
    session = db.session()
    if not session.info.pop(PENDING_FLAG, False):
        return
    apply_all_pending_jobs()


# -- rebuilding and status -------------------------------------------------------------------------


def reindex(
    tenant: Tenant | None = None,
    progress: Callable[[int], None] | None = None,
    similar_progress: Callable[[int], None] | None = None,
    *,
    with_similar: bool = True,
    procs: int = 1,
) -> int:
    """Rebuild the index from the database (for one tenant, or everything), then, in a second
    pass over the complete index, the stored lists of similar entries of those entries
    (``with_similar=False`` leaves that pass out: the benchmark times it on its own).

    A full rebuild writes through the backend's ``bulk_load`` (for Whoosh: one writer for the
    whole pass, with ``procs`` processes)."""
    backend = get_backend()
    query = select(Entry.id).where(Entry.deleted_at.is_(None)).order_by(Entry.id)
    if tenant is not None:
        query = query.where(Entry.tenant_id == tenant.id)
    entry_ids = list(db.session.scalars(query))
    with write_transaction():
        if tenant is None:
            backend.reset()
            excerpts.remove_all()
            db.session.execute(delete(SearchJob))
    done = 0
    with backend.bulk_load(procs) if tenant is None else nullcontext():
        for start in range(0, len(entry_ids), BATCH_SIZE):
            batch = entry_ids[start : start + BATCH_SIZE]
            with write_transaction():
                _index_entries(batch, with_similar=False)
            done += len(batch)
            if progress:
                progress(len(batch))
    if tenant is not None:
        with write_transaction():
            # Entries of the tenant deleted meanwhile: their documents must go too.
            deleted = db.session.scalars(
                select(Entry.id).where(Entry.tenant_id == tenant.id, Entry.deleted_at.is_not(None))
            )
            deleted = list(deleted)
            backend.delete_many(deleted)
            excerpts.store({}, deleted)
    if with_similar:
        similar.rebuild_all(
            entry_ids, entry_fields, backend, batch_size=BATCH_SIZE, progress=similar_progress
        )
    with write_transaction():
        _set_state("last_reindex", utcnow().isoformat())
    return done


def index_status() -> dict:
    """The index's health for operators; answers even when the index or database fails."""
    backend = get_backend()
    facts: dict = {
        "backend": backend.name,
        "indexing": current_app.config["HANSE_SEARCH_INDEXING"],
    }
    try:
        facts["index_problem"] = backend.health()
        if facts["index_problem"] is None:
            facts["documents_in_index"] = backend.document_count()
    except Exception as error:  # reported, never raised: this is what an operator looks at
        facts["index_problem"] = f"the index cannot be read: {error}"
    try:
        states = {s.key: s.value for s in db.session.scalars(select(SearchState))}
        facts["live_entries"] = db.session.scalar(
            select(func.count(Entry.id)).where(Entry.deleted_at.is_(None))
        )
        facts["pending_jobs"] = db.session.scalar(select(func.count(SearchJob.id)))
        facts["failed_jobs"] = db.session.scalar(
            select(func.count(SearchJob.id)).where(SearchJob.attempts > 0)
        )
        facts["last_error"] = states.get("last_error")
        facts["last_reindex"] = states.get("last_reindex")
    except Exception as error:
        db.session.rollback()
        facts["database_problem"] = str(error).strip().splitlines()[0]
    return facts
