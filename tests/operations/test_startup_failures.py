"""Operators get one line naming the setting to fix, never a traceback or a hub of 500s.

The commands run as real processes against a database nobody listens on.
A full disk answers 503 with Retry-After, keeps nothing half-written and is logged once.
"""

from __future__ import annotations

import errno
import io
import logging
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import func, select

from hanse_hub.accounts.models import Role
from hanse_hub.content import services as content
from hanse_hub.content.models import Attachment, Entry
from hanse_hub.content.storage import LocalStorage
from hanse_hub.oplog import forget
from tests.api.conftest import api  # noqa: F401 (the API client fixture)

ROOT = Path(__file__).resolve().parents[2]
NOBODY_LISTENS = "postgresql://postgres@127.0.0.1:1/hanse"
COMMANDS = {
    "db upgrade": ["-m", "flask", "--app", "hanse_hub", "db", "upgrade"],
    "search worker": ["-m", "flask", "--app", "hanse_hub", "search", "worker", "--once"],
    "flask run": ["-m", "flask", "--app", "hanse_hub", "run", "--port", "18499"],
}


def _run(arguments: list[str], tmp_path: Path, database_url: str) -> subprocess.CompletedProcess:
    environ = {
        **os.environ,
        "HANSE_DATABASE_URL": database_url,
        "HANSE_DATA_DIR": str(tmp_path / "data"),
        "HANSE_ENV": "development",
    }
    return subprocess.run(
        [sys.executable, *arguments],
        cwd=tmp_path,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_an_unreachable_database_stops_each_command_with_one_line_naming_the_setting(
    command, tmp_path
):
    finished = _run(COMMANDS[command], tmp_path, NOBODY_LISTENS)
    assert finished.returncode == 1
    assert _lines(finished.stderr) == [_lines(finished.stderr)[0]], finished.stderr
    line = _lines(finished.stderr)[0]
    assert line.startswith("hanse_hub cannot")
    assert "HANSE_DATABASE_URL" in line and "127.0.0.1:1" in line
    assert "Traceback" not in finished.stderr + finished.stdout


def test_an_unopenable_sqlite_file_names_the_data_folder_too(tmp_path):
    finished = _run(COMMANDS["db upgrade"], tmp_path, "sqlite:////no/such/folder/hub.sqlite3")
    assert finished.returncode == 1
    assert _lines(finished.stderr) == [
        "hanse_hub cannot migrate: cannot open the database sqlite:////no/such/folder/"
        "hub.sqlite3 (unable to open database file): check HANSE_DATABASE_URL (or "
        "HANSE_DATA_DIR for the built-in SQLite file)"
    ]


def test_a_database_without_tables_asks_for_db_upgrade_before_serving(tmp_path):
    url = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    finished = _run(COMMANDS["flask run"], tmp_path, url)
    assert finished.returncode == 1
    assert "has no tables yet: run `flask --app hanse_hub db upgrade`" in finished.stderr
    assert "Traceback" not in finished.stderr


def test_gunicorn_stops_instead_of_serving_500s_when_the_database_is_unreachable(tmp_path):
    finished = _run(
        ["-m", "gunicorn", "--chdir", str(ROOT), "--workers", "2", "--bind",
         "127.0.0.1:0", "wsgi:app"],
        tmp_path,
        NOBODY_LISTENS,
    )  # fmt: skip
    assert finished.returncode == 3  # gunicorn: "Worker failed to boot"
    ours = [line for line in _lines(finished.stderr) if line.startswith("hanse_hub cannot")]
    assert ours and "HANSE_DATABASE_URL" in ours[0]
    assert "Reason: Worker failed to boot." in finished.stderr
    assert "Traceback" not in finished.stderr


# -- a full disk --------------------------------------------------------------------------------


@pytest.fixture
def editor_api(api, factory):  # noqa: F811
    city = factory.tenant("rostock")
    return api(factory.user(city, Role.EDITOR))


def _disk_full(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def test_an_upload_onto_a_full_disk_answers_503_keeps_nothing_and_is_logged_once(
    editor_api, session, monkeypatch, caplog, tmp_path
):
    entry = editor_api.post("/api/v1/entries", json={"kind": "solution", "title": "Gründach"}).json
    monkeypatch.setattr(LocalStorage, "put", _disk_full)
    forget("disk-full")
    with caplog.at_level(logging.ERROR):
        answers = [
            editor_api.post(
                f"/api/v1/entries/{entry['id']}/attachments",
                data={"file": (io.BytesIO(b"Protokoll\n" * 50), "protokoll.txt")},
                content_type="multipart/form-data",
            )
            for _ in range(2)
        ]
    for answer in answers:
        assert answer.status_code == 503
        assert answer.mimetype == "application/problem+json"
        assert answer.json["title"] == "Speicher voll"
        assert "nicht gespeichert" in answer.json["detail"]
        assert int(answer.headers["Retry-After"]) > 0
    assert session.scalar(select(func.count(Attachment.id))) == 0
    assert caplog.text.count("Disk full") == 1
    assert "Traceback" not in caplog.text


def test_a_database_on_a_full_disk_answers_503_and_the_entry_is_unchanged(
    editor_api, session, monkeypatch, client
):
    created = editor_api.post("/api/v1/entries", json={"kind": "solution", "title": "Alt"})
    assert created.status_code == 201

    def full(*_args, **_kwargs):
        raise sa.exc.OperationalError(
            "UPDATE entries", {}, sqlite3.OperationalError("database or disk is full")
        )

    monkeypatch.setattr(content, "_finish_change", full)
    changed = editor_api.patch(f"/api/v1/entries/{created.json['id']}", json={"title": "Neu"})
    assert changed.status_code == 503
    assert changed.json["title"] == "Speicher voll"
    session.expire_all()
    assert session.get(Entry, created.json["id"]).title == "Alt"
    page = client.get("/", headers={"Accept": "text/html"})
    assert page.status_code == 200
