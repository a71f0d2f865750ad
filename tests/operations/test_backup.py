"""Backups restore: a snapshot taken while the hub runs holds every acknowledged write.

``hub backup`` copies the database consistently (SQLite online backup API, pg_dump from
an exported snapshot) and the files it refers to, checked against their hashes;
``hub restore`` fills an empty database and data folder and rebuilds the index.
"""

from __future__ import annotations

import io
import json
import multiprocessing
import sqlite3
import time
import traceback
from pathlib import Path

import flask_migrate
import pytest
from sqlalchemy import select

from hanse_hub.accounts.models import Role, User
from hanse_hub.backup import BackupError, create_backup
from hanse_hub.content import services as content
from hanse_hub.content.attachments import AttachmentMetadata, add_attachment
from hanse_hub.content.models import Attachment, Entry, EntryKind
from hanse_hub.content.storage import storage_for
from hanse_hub.database import write_transaction
from hanse_hub.extensions import db
from hanse_hub.policy import Actor
from hanse_hub.tenants.models import Tenant
from tests.conftest import make_app
from tests.databases import fresh_database, postgres_unavailable_reason
from tests.factories import Factory

WRITERS = 4
WRITES_BEFORE_BACKUP = 3


@pytest.fixture
def databases(backend, tmp_path):
    """Two fresh databases: the running hub's and the empty one to restore into."""
    if backend == "postgresql" and (reason := postgres_unavailable_reason()):
        pytest.skip(reason)
    with (
        fresh_database(backend, tmp_path / "db1") as source,
        fresh_database(backend, tmp_path / "db2") as target,
    ):
        yield source, target


def _migrated_app(url: str, data_dir: Path):
    app = make_app(url, data_dir)
    with app.app_context():
        flask_migrate.upgrade()
        db.session.remove()
    return app


def _write(app, editor_id: int, tenant_slug: str, title: str) -> tuple[int, str]:
    """One acknowledged write: an entry with a file of its own content."""
    with app.app_context():
        try:
            with write_transaction():
                actor = Actor.of(db.session.get(User, editor_id))
                tenant = db.session.scalar(select(Tenant).where(Tenant.slug == tenant_slug))
                entry = content.save_entry(
                    actor,
                    tenant,
                    {"title": title, "visibility": "public"},
                    kind=EntryKind.SOLUTION,
                    status="published",
                )
                attachment = add_attachment(
                    actor,
                    entry,
                    io.BytesIO(f"Anhang zu {title}\n".encode() * 10),
                    AttachmentMetadata(filename="anhang.txt"),
                    storage=storage_for(app),
                    max_bytes=1024 * 1024,
                )
                return entry.id, attachment.content_hash
        finally:
            db.session.remove()


def _writer(url, data_dir, editor_id, tenant_slug, number, started, stop, results) -> None:
    app = make_app(url, data_dir)
    acknowledged, errors = [], []
    started.wait()
    count = 0
    while not stop.is_set():
        title = f"Schreiber {number} Eintrag {count}"
        try:
            entry_id, content_hash = _write(app, editor_id, tenant_slug, title)
            acknowledged.append((time.time(), entry_id, title, content_hash))
        except Exception:
            errors.append(traceback.format_exc(limit=3))
        count += 1
        results.put(("progress", number, len(acknowledged)))
    results.put(("done", number, acknowledged, errors))


def _setup_hub(app) -> tuple[int, str]:
    with app.app_context():
        with write_transaction():
            factory = Factory(db.session)
            city = factory.tenant("rostock")
            editor = factory.user(city, Role.EDITOR)
        ids = editor.id, city.slug
        db.session.remove()
    return ids


def _invoke(app, *args: str):
    """A command of ``app`` (its own app context: another test's may be active)."""
    with app.app_context():
        return app.test_cli_runner().invoke(args=list(args))


def _restore(url: str, data_dir: Path, backup: Path):
    app = make_app(url, data_dir)
    result = _invoke(app, "hub", "restore", str(backup))
    assert result.exit_code == 0, result.output + repr(result.exception)
    return app


def test_a_backup_restores_entries_files_and_search(databases, tmp_path):
    source_url, target_url = databases
    source = _migrated_app(source_url, tmp_path / "data1")
    editor_id, tenant_slug = _setup_hub(source)
    entry_id, content_hash = _write(source, editor_id, tenant_slug, "Zisternen für Gründächer")
    backup = tmp_path / "backup"

    made = _invoke(source, "hub", "backup", str(backup))
    assert made.exit_code == 0, made.output
    assert "1 file(s)" in made.output
    manifest = json.loads((backup / "manifest.json").read_text())
    assert list(manifest["files"]) == [content_hash]
    again = _invoke(source, "hub", "backup", str(backup))
    assert again.exit_code == 1 and "not empty" in again.output

    restored = _restore(target_url, tmp_path / "data2", backup)
    with restored.app_context():
        entry = db.session.get(Entry, entry_id)
        assert entry.title == "Zisternen für Gründächer"
        attachment = db.session.scalar(select(Attachment).where(Attachment.entry_id == entry_id))
        assert (
            storage_for(restored)
            .path(attachment.content_hash)
            .read_bytes()
            .startswith(b"Anhang zu Zisternen")
        )
        db.session.remove()
    hits = restored.test_client().get("/api/v1/search?q=Zisternen").json["hits"]
    assert [hit["title"] for hit in hits] == ["Zisternen für Gründächer"]

    refused = _invoke(restored, "hub", "restore", str(backup))
    assert refused.exit_code == 1 and "not empty" in refused.output
    for app in (source, restored):
        with app.app_context():
            db.engine.dispose()


def test_a_damaged_backup_is_refused_before_anything_is_restored(databases, tmp_path):
    source_url, target_url = databases
    source = _migrated_app(source_url, tmp_path / "data1")
    editor_id, tenant_slug = _setup_hub(source)
    _, content_hash = _write(source, editor_id, tenant_slug, "Bürgerbeteiligung")
    with source.app_context():
        create_backup(tmp_path / "backup")
        db.engine.dispose()
    (tmp_path / "backup" / "uploads" / content_hash[:2] / content_hash).write_bytes(b"kaputt")

    target = make_app(target_url, tmp_path / "data2")
    result = _invoke(target, "hub", "restore", str(tmp_path / "backup"))
    assert result.exit_code == 1
    assert "missing or damaged" in result.output
    with target.app_context():
        from sqlalchemy import inspect

        assert inspect(db.engine).get_table_names() == []
        db.engine.dispose()


def test_backup_says_clearly_when_pg_dump_is_missing(databases, tmp_path, monkeypatch, backend):
    if backend != "postgresql":
        pytest.skip("SQLite needs no external tool")
    source = _migrated_app(databases[0], tmp_path / "data1")
    monkeypatch.setenv("PATH", str(tmp_path / "empty-path"))
    with source.app_context(), pytest.raises(BackupError, match="pg_dump was not found"):
        create_backup(tmp_path / "backup")


@pytest.mark.slow
def test_a_backup_taken_while_four_processes_write_holds_every_write_acknowledged_before(
    databases, tmp_path
):
    source_url, target_url = databases
    source = _migrated_app(source_url, tmp_path / "data1")
    editor_id, tenant_slug = _setup_hub(source)
    context = multiprocessing.get_context("spawn")
    started, stop, results = context.Event(), context.Event(), context.Queue()
    writers = [
        context.Process(
            target=_writer,
            args=(source_url, str(tmp_path / "data1"), editor_id, tenant_slug, number,
                  started, stop, results),
        )
        for number in range(WRITERS)
    ]  # fmt: skip
    for writer in writers:
        writer.start()
    started.set()
    progress = dict.fromkeys(range(WRITERS), 0)
    while min(progress.values()) < WRITES_BEFORE_BACKUP:  # every writer is under way
        _, number, count, *_ = results.get(timeout=120)
        progress[number] = count

    backup_started = time.time()
    with source.app_context():
        report = create_backup(tmp_path / "backup")
        db.engine.dispose()
    assert report.problems == []
    stop.set()
    acknowledged, errors, done = [], [], 0
    while done < WRITERS:
        message = results.get(timeout=120)
        if message[0] == "done":
            acknowledged += message[2]
            errors += message[3]
            done += 1
    for writer in writers:
        writer.join(timeout=60)
    assert errors == []

    before = [write for write in acknowledged if write[0] < backup_started]
    assert len(before) >= WRITERS * WRITES_BEFORE_BACKUP
    restored = _restore(target_url, tmp_path / "data2", tmp_path / "backup")
    storage = storage_for(restored)
    with restored.app_context():
        titles = dict(db.session.execute(select(Entry.id, Entry.title)).all())
        files = set(db.session.scalars(select(Attachment.content_hash)))
        if db.engine.dialect.name == "sqlite":
            with sqlite3.connect(db.engine.url.database) as connection:
                assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        db.session.remove()
        db.engine.dispose()
    missing = [w for w in before if titles.get(w[1]) != w[2] or w[3] not in files]
    assert missing == []
    assert all(storage.exists(w[3]) for w in before)
    print(
        f"backup during writes: {len(acknowledged)} acknowledged, {len(before)} before the "
        f"backup started, {len(titles)} restored, 0 missing"
    )
