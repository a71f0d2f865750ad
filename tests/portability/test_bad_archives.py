"""A bad archive is refused with a clear error, a failing exit code, and nothing written.

Each case starts from a good export of a small hub and spoils one thing; the target hub is
empty before and must be exactly as empty after (every table, and the file store).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import stat
import tarfile
import zipfile
from pathlib import Path

import pytest
import sqlalchemy as sa
from jsonschema import Draft202012Validator
from sqlalchemy import select

from hanse_hub.accounts.models import Role, User
from hanse_hub.content.attachments import AttachmentMetadata, add_attachment
from hanse_hub.content.storage import storage_for
from hanse_hub.database import write_transaction
from hanse_hub.extensions import db
from hanse_hub.policy import Actor
from hanse_hub.portability import importer
from hanse_hub.portability.catalogue import importable_tables
from tests.databases import fresh_database, postgres_unavailable_reason
from tests.factories import Factory
from tests.portability.helpers import invoke, migrated_app, read_export


@pytest.fixture(scope="module")
def hubs(backend, tmp_path_factory):
    """A small hub exported to ``good/``, and an empty hub to import into."""
    if backend == "postgresql" and (reason := postgres_unavailable_reason()):
        pytest.skip(reason)
    folder = tmp_path_factory.mktemp("bad-archives")
    with (
        fresh_database(backend, folder / "db1") as source_url,
        fresh_database(backend, folder / "db2") as target_url,
    ):
        source = migrated_app(source_url, folder / "source-data")
        with source.app_context():
            with write_transaction():
                factory = Factory(db.session)
                city = factory.tenant("rostock", short_name="Rostock")
                editor = factory.user(city, Role.EDITOR)
                entry = factory.entry(city, author=editor, title="Bodensensoren im Stadthafen")
                factory.entry(city, author=editor, title="Zweiter Eintrag")
                add_attachment(
                    Actor.of(editor),
                    entry,
                    io.BytesIO(b"Belegungsdaten der Parkplaetze\n" * 20),
                    AttachmentMetadata(filename="daten.txt"),
                    storage=storage_for(source),
                    max_bytes=1024 * 1024,
                )
            db.session.remove()
        good = folder / "good"
        result = invoke(source, "hub", "export", str(good))
        assert result.exit_code == 0, result.output
        target = migrated_app(target_url, folder / "target-data")
        yield source, target, good, folder
        for app in (source, target):
            with app.app_context():
                db.engine.dispose()


def _state(app) -> tuple:
    """Every record of every table, and the stored files: what "unchanged" compares."""
    with app.app_context():
        try:
            tables = {
                table.name: sorted(map(repr, db.session.execute(sa.select(table)).all()))
                for table in importable_tables()
            }
        finally:
            db.session.remove()
        stored = sorted(name for name, _ in storage_for(app).stored())
    return tables, stored


@pytest.fixture
def spoil(hubs, tmp_path):
    """A copy of the good export to spoil, and a check that importing it fails cleanly."""
    _source, target, good, _folder = hubs
    copy = tmp_path / "archive"
    shutil.copytree(good, copy)

    def refused(path: Path, *message: str) -> str:
        before = _state(target)
        result = invoke(target, "hub", "import", str(path))
        assert result.exit_code != 0, result.output
        assert "Nothing was imported" in result.output
        for part in message:
            assert part in result.output, result.output
        assert _state(target) == before
        return result.output

    return copy, refused


def _manifest(folder: Path) -> dict:
    return json.loads((folder / "manifest.json").read_text())


def _save_manifest(folder: Path, manifest: dict) -> None:
    (folder / "manifest.json").write_text(json.dumps(manifest))


def _rewrite(folder: Path, name: str, content: bytes, *, records: int | None = None) -> None:
    """Replace a member and make the manifest agree (the spoiling is not a hash mismatch)."""

    (folder / name).write_bytes(content)
    manifest = _manifest(folder)
    manifest["files"][name] = {"sha256": hashlib.sha256(content).hexdigest(), "bytes": len(content)}
    if records is not None:
        table = name.removeprefix("tables/").removesuffix(".jsonl")
        manifest["tables"][table]["records"] = records
    _save_manifest(folder, manifest)


def _zip(folder: Path, target: Path, extra: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(target, "w") as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder).as_posix())
        for name, content in extra.items():
            archive.writestr(zipfile.ZipInfo(name), content)
    return target


def test_the_good_archive_is_a_real_export_valid_against_the_published_schemas(hubs):
    records, files = read_export(hubs[2])[1:]
    assert len(records["entries"]) == 2 and len(files) == 1
    docs = Path(__file__).resolve().parents[2] / "docs" / "export"
    for table, rows in records.items():
        schema = json.loads((docs / f"{table}.schema.json").read_text(encoding="utf-8"))
        validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
        for row in rows.values():
            validator.validate(row)


def test_corrupt_json_is_refused(spoil):
    folder, refused = spoil
    lines = (folder / "tables/tenants.jsonl").read_bytes().splitlines(keepends=True)
    _rewrite(folder, "tables/tenants.jsonl", b'{"id": 1, "slug": \n' + b"".join(lines[1:]))
    refused(folder, "tables/tenants.jsonl line 1", "not valid JSON")


def test_a_missing_file_is_refused(spoil):
    folder, refused = spoil
    (attached,) = (folder / "files").rglob("*/*")
    attached.unlink()
    refused(folder, "lacks", attached.name)


def test_an_attached_file_missing_from_the_manifest_too_is_refused(spoil):
    folder, refused = spoil
    (attached,) = (folder / "files").rglob("*/*")
    attached.unlink()
    manifest = _manifest(folder)
    del manifest["files"][f"files/{attached.name[:2]}/{attached.name}"]
    _save_manifest(folder, manifest)
    refused(folder, "lacks 1 attached file")


def test_a_hash_mismatch_is_refused(spoil):
    folder, refused = spoil
    path = folder / "tables/entries.jsonl"
    content = path.read_bytes()
    path.write_bytes(content.replace(b"Bodensensoren", b"Bodensensorem", 1))
    refused(folder, "tables/entries.jsonl", "does not match its SHA-256")


def test_a_changed_attached_file_is_refused(spoil):
    folder, refused = spoil
    (attached,) = (folder / "files").rglob("*/*")
    attached.write_bytes(attached.read_bytes().replace(b"Belegung", b"Belegunk", 1))
    refused(folder, "does not match its SHA-256")


def test_a_path_leaving_the_archive_is_refused(spoil, tmp_path):
    folder, refused = spoil
    target = tmp_path / "evil.tar"
    with tarfile.open(target, "w") as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.add(path, path.relative_to(folder).as_posix())
        info = tarfile.TarInfo("tables/../../evil.txt")
        info.size = 4
        archive.addfile(info, io.BytesIO(b"evil"))
    refused(target, "leaves it", "evil.txt")
    assert not (tmp_path.parent / "evil.txt").exists()


def test_an_absolute_path_is_refused(spoil, tmp_path):
    folder, refused = spoil
    refused(_zip(folder, tmp_path / "evil.zip", {"/etc/evil": b"evil"}), "absolute", "/etc/evil")


def test_a_manifest_naming_a_path_outside_is_refused(spoil):
    folder, refused = spoil
    manifest = _manifest(folder)
    manifest["files"]["../outside.txt"] = {"sha256": "0" * 64, "bytes": 1}
    _save_manifest(folder, manifest)
    refused(folder, "leaves it")


def test_a_symlink_in_a_tar_is_refused(spoil, tmp_path):
    folder, refused = spoil
    target = tmp_path / "link.tar"
    with tarfile.open(target, "w") as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.add(path, path.relative_to(folder).as_posix())
        info = tarfile.TarInfo("files/passwd")
        info.type, info.linkname = tarfile.SYMTYPE, "/etc/passwd"
        archive.addfile(info)
    refused(target, "a link", "files/passwd")


def test_a_symlink_in_a_folder_is_refused(spoil):
    folder, refused = spoil
    os.symlink("/etc/passwd", folder / "files" / "passwd")
    refused(folder, "a link")


def test_a_symlink_in_a_zip_is_refused(spoil, tmp_path):
    folder, refused = spoil
    target = tmp_path / "link.zip"
    _zip(folder, target, {})
    with zipfile.ZipFile(target, "a") as archive:
        info = zipfile.ZipInfo("files/passwd")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(info, "/etc/passwd")
    refused(target, "a link")


def test_a_ten_gigabyte_declared_file_is_refused(spoil):
    folder, refused = spoil
    manifest = _manifest(folder)
    name = next(name for name in manifest["files"] if name.startswith("files/"))
    manifest["files"][name]["bytes"] = 10 * 1024**3
    _save_manifest(folder, manifest)
    refused(folder, "declares 10,737,418,240 bytes")


def test_duplicate_ids_are_refused(spoil):
    folder, refused = spoil
    content = (folder / "tables/entries.jsonl").read_bytes()
    first = content.splitlines(keepends=True)[0]
    _rewrite(folder, "tables/entries.jsonl", content + first, records=3)
    refused(folder, "tables/entries.jsonl line 3", "occurs twice")


@pytest.mark.parametrize(
    ("version", "message"),
    [(99, "newer than this hub reads"), ("eins", "unknown format version"), (0, "unknown")],
)
def test_an_unknown_or_newer_format_version_is_refused(spoil, version, message):
    folder, refused = spoil
    manifest = _manifest(folder)
    manifest["format_version"] = version
    _save_manifest(folder, manifest)
    refused(folder, message)


def test_a_truncated_zip_is_refused(spoil, tmp_path):
    folder, refused = spoil
    target = _zip(folder, tmp_path / "whole.zip", {})
    target.write_bytes(target.read_bytes()[: target.stat().st_size // 2])
    refused(target, "not a readable ZIP archive")


def test_a_truncated_table_is_refused(spoil):
    folder, refused = spoil
    lines = (folder / "tables/revisions.jsonl").read_bytes().splitlines(keepends=True)
    _rewrite(folder, "tables/revisions.jsonl", b"".join(lines[:-1]))
    refused(folder, "tables/revisions.jsonl holds", "truncated")


def test_a_file_the_manifest_does_not_list_is_refused(spoil):
    folder, refused = spoil
    (folder / "tables" / "extra.jsonl").write_text("{}\n")
    refused(folder, "does not list", "tables/extra.jsonl")


def test_a_record_against_its_schema_is_refused(spoil):
    folder, refused = spoil
    content = (folder / "tables/entries.jsonl").read_text()
    _rewrite(
        folder,
        "tables/entries.jsonl",
        content.replace('"kind":"solution"', '"kind":"ufo"', 1).encode(),
    )
    refused(folder, "tables/entries.jsonl line 1", "kind", "'ufo'")


def test_a_reference_to_a_missing_record_is_refused(spoil):
    folder, refused = spoil
    content = (folder / "tables/entries.jsonl").read_text()
    records = [json.loads(line) for line in content.splitlines()]
    records[0]["tenant_id"] = 999
    lines = "".join(json.dumps(record) + "\n" for record in records)
    _rewrite(folder, "tables/entries.jsonl", lines.encode())
    refused(folder, "entries.tenant_id refers to tenants 999")


def test_a_table_this_hub_does_not_know_is_refused(spoil):
    folder, refused = spoil
    _rewrite(folder, "tables/spaceships.jsonl", b"")
    manifest = _manifest(folder)
    manifest["tables"]["spaceships"] = {"path": "tables/spaceships.jsonl", "records": 0}
    _save_manifest(folder, manifest)
    refused(folder, "does not know: spaceships")


def test_a_failure_while_writing_leaves_the_database_unchanged(hubs, monkeypatch):
    _source, target, good, _folder = hubs

    def broken(_plan, _merge):
        raise importer.ImportRefused("the consistency check failed")

    monkeypatch.setattr(importer, "_consistency_check", broken)
    tables_before = _state(target)[0]
    result = invoke(target, "hub", "import", str(good))
    assert result.exit_code != 0 and "consistency check failed" in result.output
    assert _state(target)[0] == tables_before
    with target.app_context():
        assert db.session.scalar(select(sa.func.count()).select_from(User)) == 0
        db.session.remove()


# -- the export's own refusals --------------------------------------------------------------------


def test_export_with_credentials_into_a_world_readable_folder_is_refused(hubs, tmp_path):
    source = hubs[0]
    target = tmp_path / "open"
    target.mkdir()
    target.chmod(0o755)
    result = invoke(source, "hub", "export", str(target), "--with-credentials")
    assert result.exit_code != 0
    assert "readable by every user" in result.output
    assert not any(target.iterdir())


def test_export_with_credentials_is_readable_only_by_its_owner(hubs, tmp_path):
    target = tmp_path / "closed"
    result = invoke(hubs[0], "hub", "export", str(target), "--with-credentials")
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(target.stat().st_mode) == 0o700
    assert {stat.S_IMODE(path.stat().st_mode) for path in target.rglob("*") if path.is_file()} == {
        0o600
    }
    users = read_export(target)[1]["users"]
    assert all(user["password_hash"] for user in users.values())


def test_export_without_credentials_holds_no_password_hashes_or_tokens(hubs):
    manifest, records, _files = read_export(hubs[2])
    assert records["users"]
    assert all(user["password_hash"] is None for user in records["users"].values())
    assert "personal_access_tokens" not in manifest["tables"]
    assert "invitations" not in manifest["tables"]


def test_export_into_a_folder_that_is_not_empty_is_refused(hubs):
    result = invoke(hubs[0], "hub", "export", str(hubs[2]))
    assert result.exit_code != 0 and "not empty" in result.output


def test_the_good_archive_imports_after_all(hubs, tmp_path):
    """Last: the case above the refusals is importable, as a tar – the refusals were real."""
    _source, target, good, _folder = hubs
    packed = tmp_path / "good.tar"
    with tarfile.open(packed, "w") as archive:
        for path in sorted(good.rglob("*")):
            if path.is_file():
                archive.add(path, path.relative_to(good).as_posix())
    result = invoke(target, "hub", "import", str(packed))
    assert result.exit_code == 0, result.output
    with target.app_context():
        titles = db.session.scalars(sa.text("SELECT title FROM entries ORDER BY id")).all()
        db.session.remove()
    assert titles == ["Bodensensoren im Stadthafen", "Zweiter Eintrag"]
