"""Attachment use cases: upload (type decided by content, size limited) and download."""

from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO

import filetype
from flask_babel import gettext as _
from sqlalchemy import select

from hanse_hub.content.models import Attachment, Entry
from hanse_hub.content.storage import Storage, TooLarge
from hanse_hub.extensions import db
from hanse_hub.policy import Action, Actor, require, scope_for

# What the hub accepts, decided from the bytes — never from the name or the client's claim.
ALLOWED_MEDIA_TYPES = {
    "application/pdf": "pdf",
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/webp": "webp",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.presentation": "odp",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "text/plain": "txt",
}
SNIFF_BYTES = 64 * 1024


class AttachmentRejected(ValueError):
    """The upload is not acceptable; ``status`` is the HTTP status that says why (413, 415)."""

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class AttachmentMetadata:
    filename: str
    description: str = ""
    alt_text: str = ""
    language: str = "de"


def detect_media_type(head: bytes) -> str | None:
    """The media type of a file from its first bytes, if the hub accepts that type."""
    kind = filetype.guess(head)
    if kind is not None:
        return kind.mime if kind.mime in ALLOWED_MEDIA_TYPES else None
    if b"\x00" in head:
        return None
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # The sniffed window may end inside a multi-byte character.
        if error.start < len(head) - 4:
            return None
    return "text/plain"


def too_large_message(max_bytes: int) -> str:
    """What a person is told about a file beyond ``max_bytes``, in the request's language."""
    return _("Die Datei ist größer als %(limit)s MB.", limit=max_bytes // (1024 * 1024))


def _clean_filename(name: str) -> str:
    name = name.replace("\\", "/").rsplit("/", 1)[-1].strip()
    name = "".join(ch for ch in name if ch.isprintable() and ch not in '"<>|:*?')
    return name[:255] or "datei"


def add_attachment(
    actor: Actor,
    entry: Entry,
    stream: BinaryIO,
    metadata: AttachmentMetadata,
    *,
    storage: Storage,
    max_bytes: int,
) -> Attachment:
    require(actor, Action.EDIT, entry)
    head = stream.read(SNIFF_BYTES)
    media_type = detect_media_type(head)
    if media_type is None:
        raise AttachmentRejected(
            _(
                "Dieser Dateityp wird nicht angenommen. Erlaubt sind PDF, Bilder (PNG, JPEG, "
                "WebP), Office-Dokumente (DOCX, PPTX, XLSX, ODT, ODP, ODS) und Text."
            ),
            415,
        )
    stream.seek(0)
    try:
        content_hash, size = storage.put(stream, max_bytes=max_bytes)
    except TooLarge as error:
        raise AttachmentRejected(too_large_message(max_bytes), 413) from error
    if size == 0:
        raise AttachmentRejected(_("Die Datei ist leer."), 422)
    attachment = Attachment(
        entry=entry,
        content_hash=content_hash,
        media_type=media_type,
        size=size,
        original_filename=_clean_filename(metadata.filename),
        description=metadata.description.strip(),
        alt_text=metadata.alt_text.strip(),
        language=metadata.language if metadata.language in ("de", "en") else "de",
        uploaded_by_id=actor.user_id,
    )
    db.session.add(attachment)
    db.session.flush()
    return attachment


def get_attachment(actor: Actor, attachment_id: int) -> Attachment | None:
    """An attachment is visible exactly when its entry is."""
    return db.session.scalar(
        select(Attachment)
        .join(Entry, Attachment.entry_id == Entry.id)
        .where(Attachment.id == attachment_id, scope_for(actor).entry_filter())
    )


def remove_attachment(actor: Actor, attachment: Attachment) -> None:
    """Remove the file from its entry. Its bytes stay until ``hub files gc`` finds them unused:
    deleting them here could remove the file of a concurrent upload of the same content."""
    require(actor, Action.EDIT, attachment.entry)
    db.session.delete(attachment)
    db.session.flush()
