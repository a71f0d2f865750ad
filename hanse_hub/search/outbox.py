"""The transactional outbox: every flush that changes an entry records its index job.

The job row is written by the same transaction as the change, so a change
never commits without its job and a rolled-back change leaves no job. Jobs are
applied after the commit (``indexing.apply_pending_jobs``), never inside it.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain

from sqlalchemy import event, insert
from sqlalchemy.orm import Session

from hanse_hub.content.models import Attachment, Entry, EntryTag
from hanse_hub.database import utcnow
from hanse_hub.questions.models import Answer, Question
from hanse_hub.search.models import SearchJob

PENDING_FLAG = "hanse_search_jobs_enqueued"


def enqueue(session: Session, entry_ids: Iterable[int]) -> None:
    """Record index jobs for these entries in the session's current transaction."""
    ids = sorted({entry_id for entry_id in entry_ids if entry_id is not None})
    if not ids:
        return
    now = utcnow()
    session.connection().execute(
        insert(SearchJob), [{"entry_id": entry_id, "created_at": now} for entry_id in ids]
    )
    session.info[PENDING_FLAG] = True


def _changed_entry_ids(session: Session) -> set[int]:
    ids: set[int] = set()
    for obj in chain(session.new, session.dirty, session.deleted):
        if isinstance(obj, Entry):
            if obj in session.dirty and not session.is_modified(obj):
                continue
            ids.add(obj.id)
        elif isinstance(obj, Attachment | EntryTag | Question | Answer):
            ids.add(obj.entry_id)
    return ids


@event.listens_for(Session, "after_flush")
def _record_index_jobs(session: Session, _flush_context) -> None:
    enqueue(session, _changed_entry_ids(session))
