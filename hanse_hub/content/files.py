"""Stored files as a whole: garbage collection and verification (``hub files …``).

Attachments share files by content hash. A file is removed only by
``collect_garbage``: when no attachment refers to its hash and it was not written
during the grace period. The grace period protects uploads still in flight (stored,
row not yet committed); it must be longer than any request can take.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from flask import current_app
from sqlalchemy import select

from hanse_hub.content.models import Attachment
from hanse_hub.content.storage import CHUNK, Storage
from hanse_hub.extensions import db

DEFAULT_GRACE = timedelta(hours=24)


@dataclass
class CollectionReport:
    removed: list[str] = field(default_factory=list)
    kept_recent: int = 0
    referenced: int = 0
    recovered: int = 0
    stale_uploads: int = 0


def is_referenced(content_hash: str) -> bool:
    """Whether a committed attachment refers to this content (a fresh read each time)."""
    db.session.rollback()  # a new snapshot: see what was committed up to now
    found = db.session.scalar(
        select(Attachment.id).where(Attachment.content_hash == content_hash).limit(1)
    )
    db.session.rollback()
    return found is not None


def referenced_hashes() -> set[str]:
    return set(db.session.scalars(select(Attachment.content_hash).distinct()))


def collect_garbage(
    storage: Storage, *, grace: timedelta = DEFAULT_GRACE, now: float | None = None
) -> CollectionReport:
    """Remove the files no attachment refers to that were last written before ``now - grace``."""
    now = time.time() if now is None else now
    written_before = now - grace.total_seconds()
    report = CollectionReport()
    report.recovered = storage.recover_interrupted(is_referenced)
    report.stale_uploads = storage.remove_stale_uploads(written_before)
    db.session.rollback()
    used = referenced_hashes()
    db.session.rollback()
    for content_hash, written_at in list(storage.stored()):
        if content_hash in used:
            report.referenced += 1
        elif written_at >= written_before:
            report.kept_recent += 1
        elif storage.remove_unused(
            content_hash,
            written_before=written_before,
            still_needed=lambda content_hash=content_hash: is_referenced(content_hash),
        ):
            report.removed.append(content_hash)
            _forget_extracted_text(content_hash)
        else:
            report.kept_recent += 1
    return report


def _forget_extracted_text(content_hash: str) -> None:
    cache = Path(current_app.config["HANSE_DATA_DIR"]) / "extracted"
    for suffix in (".txt", ".failed"):
        (cache / f"{content_hash}{suffix}").unlink(missing_ok=True)


@dataclass
class VerificationReport:
    checked: int = 0
    missing: list[str] = field(default_factory=list)
    damaged: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.missing or self.damaged)


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def verify_files(storage: Storage) -> VerificationReport:
    """Every file an attachment refers to exists and has the content its hash names."""
    report = VerificationReport()
    for content_hash in sorted(referenced_hashes()):
        report.checked += 1
        if not storage.exists(content_hash):
            report.missing.append(content_hash)
        elif file_digest(storage.path(content_hash)) != content_hash:
            report.damaged.append(content_hash)
    return report
