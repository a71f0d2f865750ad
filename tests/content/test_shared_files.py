"""Shared upload files: never deleted under a living reference, also under concurrency.

Files are stored once per content hash. Removing an attachment never deletes bytes;
``hub files gc`` removes files no attachment uses after a grace period. These tests
commit for real (threads with their own connections), on both databases.
"""

from __future__ import annotations

import io
import os
import threading
import time
from datetime import timedelta

import pytest
from flask import current_app
from sqlalchemy import select

from hanse_hub.accounts.models import Role, User
from hanse_hub.content import files
from hanse_hub.content.attachments import AttachmentMetadata, add_attachment, remove_attachment
from hanse_hub.content.models import Attachment, Entry
from hanse_hub.content.storage import storage_for
from hanse_hub.database import write_transaction
from hanse_hub.extensions import db
from hanse_hub.policy import Actor
from tests.factories import Factory

ROUNDS = 30


def _text(label: str) -> bytes:
    return f"Protokoll der Arbeitsgruppe {label}\n".encode() * 20


def _upload(entry_id: int, user_id: int, data: bytes) -> int:
    with write_transaction():
        entry = db.session.get(Entry, entry_id)
        actor = Actor.of(db.session.get(User, user_id))
        attachment = add_attachment(
            actor,
            entry,
            io.BytesIO(data),
            AttachmentMetadata(filename="protokoll.txt"),
            storage=storage_for(current_app),
            max_bytes=1024 * 1024,
        )
        attachment_id = attachment.id
    db.session.remove()
    return attachment_id


def _remove(attachment_id: int, user_id: int) -> None:
    with write_transaction():
        attachment = db.session.get(Attachment, attachment_id)
        remove_attachment(Actor.of(db.session.get(User, user_id)), attachment)
    db.session.remove()


@pytest.fixture
def two_entries(committing_app):
    with write_transaction():
        factory = Factory(db.session)
        city = factory.tenant()
        editor = factory.user(city, Role.EDITOR)
        first, second = factory.entry(city, author=editor), factory.entry(city, author=editor)
    ids = first.id, second.id, editor.id
    db.session.remove()
    return ids


def _missing_files(attachment_ids: list[int]) -> list[int]:
    storage = storage_for(current_app)
    db.session.rollback()
    hashes = db.session.execute(
        select(Attachment.id, Attachment.content_hash).where(Attachment.id.in_(attachment_ids))
    ).all()
    assert len(hashes) == len(attachment_ids), "an acknowledged upload lost its row"
    return [row.id for row in hashes if not storage.exists(row.content_hash)]


def _run_threads(app, *targets) -> list[BaseException]:
    errors: list[BaseException] = []
    start = threading.Barrier(len(targets))

    def run(target):
        with app.app_context():
            start.wait()
            try:
                target()
            except BaseException as error:  # reported by the test
                errors.append(error)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=run, args=(target,)) for target in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    return errors


def test_removing_a_file_while_the_same_content_is_uploaded_elsewhere_loses_no_file(
    committing_app, two_entries
):
    """The reported race: on PostgreSQL 21 of 60 acknowledged uploads lost their file."""
    first, second, editor = two_entries
    acknowledged: list[int] = []

    def uploader():
        for number in range(ROUNDS):
            acknowledged.append(_upload(first, editor, _text(f"R{number}")))

    def upload_and_remove():
        for number in range(ROUNDS):
            _remove(_upload(second, editor, _text(f"R{number}")), editor)

    errors = _run_threads(committing_app, uploader, upload_and_remove)
    assert errors == []
    assert len(acknowledged) == ROUNDS
    assert _missing_files(acknowledged) == []


def test_garbage_collection_keeps_used_and_recent_files_and_removes_old_unused_ones(
    committing_app, two_entries
):
    first, _, editor = two_entries
    storage = storage_for(current_app)
    kept = _upload(first, editor, _text("bleibt"))
    removed_recently = _upload(first, editor, _text("gerade entfernt"))
    removed_long_ago = _upload(first, editor, _text("lange entfernt"))
    hashes = {
        row.id: row.content_hash
        for row in db.session.execute(select(Attachment.id, Attachment.content_hash))
    }
    _remove(removed_recently, editor)
    _remove(removed_long_ago, editor)
    assert storage.exists(hashes[removed_long_ago]), "removing an attachment deletes no bytes"
    two_days_ago = time.time() - 2 * 24 * 3600
    for attachment_id in (kept, removed_long_ago):
        os.utime(storage.path(hashes[attachment_id]), (two_days_ago, two_days_ago))

    report = files.collect_garbage(storage, grace=timedelta(hours=24))

    assert hashes[removed_long_ago] in report.removed
    assert not storage.exists(hashes[removed_long_ago])
    assert storage.exists(hashes[kept])
    assert storage.exists(hashes[removed_recently])
    assert files.verify_files(storage).ok


def test_garbage_collection_during_uploads_of_the_same_content_loses_no_file(
    committing_app, two_entries
):
    """Uploads of content whose old, unused file the collector is removing at that moment."""
    first, second, editor = two_entries
    storage = storage_for(current_app)
    acknowledged: list[int] = []
    stop = threading.Event()
    contents = [_text(f"gc-{number}") for number in range(ROUNDS)]
    for data in contents:  # stored long ago, no longer used
        _remove(_upload(second, editor, data), editor)
    long_ago = time.time() - 3 * 24 * 3600
    for content_hash, _ in list(storage.stored()):
        os.utime(storage.path(content_hash), (long_ago, long_ago))

    def uploader():
        try:
            for data in contents:
                acknowledged.append(_upload(first, editor, data))
        finally:
            stop.set()

    def collector():
        while not stop.is_set():
            files.collect_garbage(storage, grace=timedelta(hours=1))

    errors = _run_threads(committing_app, uploader, collector)
    assert errors == []
    assert _missing_files(acknowledged) == []


@pytest.mark.parametrize("moment", ["before the collector moves it", "after it moved it"])
def test_a_file_stored_again_while_being_collected_stays(
    committing_app, tmp_path, monkeypatch, moment
):
    """The interleavings a list-then-delete cannot see: an upload between look and delete."""
    from hanse_hub.content import storage as storage_module

    storage = storage_module.LocalStorage(tmp_path / "uploads")
    data = _text("Zwischendurch")
    content_hash, _ = storage.put(io.BytesIO(data), max_bytes=1024 * 1024)
    long_ago = time.time() - 3 * 24 * 3600
    os.utime(storage.path(content_hash), (long_ago, long_ago))

    def upload() -> None:  # stored, not yet committed: the database knows nothing of it
        storage.put(io.BytesIO(data), max_bytes=1024 * 1024)

    real_rename = os.rename
    if moment == "before the collector moves it":

        def rename_after_an_upload(source, target):
            upload()
            real_rename(source, target)

        monkeypatch.setattr(storage_module.os, "rename", rename_after_an_upload)

    def still_needed() -> bool:
        if moment == "after it moved it":
            upload()
        return False

    storage.remove_unused(
        content_hash, written_before=time.time() - 3600, still_needed=still_needed
    )
    monkeypatch.setattr(storage_module.os, "rename", real_rename)
    assert storage.path(content_hash).read_bytes() == data


def test_a_file_an_interrupted_collection_set_aside_is_put_back_when_used(committing_app, tmp_path):
    from hanse_hub.content.storage import QUARANTINE_PREFIX, LocalStorage

    storage = LocalStorage(tmp_path / "uploads")
    used, unused = _text("gebraucht"), _text("ungebraucht")
    used_hash, _ = storage.put(io.BytesIO(used), max_bytes=1024 * 1024)
    unused_hash, _ = storage.put(io.BytesIO(unused), max_bytes=1024 * 1024)
    for content_hash in (used_hash, unused_hash):  # a crash right after the rename
        os.rename(storage.path(content_hash), storage.root / f"{QUARANTINE_PREFIX}{content_hash}-x")

    assert storage.recover_interrupted(lambda content_hash: content_hash == used_hash) == 1
    assert storage.path(used_hash).read_bytes() == used
    assert not storage.exists(unused_hash)
    assert not list(storage.root.glob(f"{QUARANTINE_PREFIX}*"))


def test_files_commands_collect_and_name_a_missing_file(committing_app, two_entries):
    first, _, editor = two_entries
    runner = committing_app.test_cli_runner()
    attachment_id = _upload(first, editor, _text("Prüfung"))
    content_hash = db.session.get(Attachment, attachment_id).content_hash
    db.session.remove()

    collected = runner.invoke(args=["hub", "files", "gc"])
    assert collected.exit_code == 0, collected.output
    assert "Removed 0 unused file(s)" in collected.output
    assert runner.invoke(args=["hub", "files", "verify"]).exit_code == 0

    storage_for(current_app).path(content_hash).unlink()
    verified = runner.invoke(args=["hub", "files", "verify"])
    assert verified.exit_code == 1
    assert f"missing: {content_hash}" in verified.output
    assert "Restore them from a backup" in verified.output
    _remove(attachment_id, editor)  # leave the shared data folder consistent for later tests
