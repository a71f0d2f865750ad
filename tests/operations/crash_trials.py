"""Crash-and-concurrency trials against real processes, Jepsen-style.

A hub runs under gunicorn with two workers (and, in worker mode, the search worker).
Writer threads call the REST API – create entries, edit their own, upload files (some
with one shared content, removed again elsewhere) – and record every operation the
hub acknowledged. At a random moment the server (its whole process group) or the
search worker is killed with SIGKILL and started again. Then the history is checked:

- every acknowledged create, edit and upload is there, with its content and its file;
- an edit whose answer was lost may or may not have happened, nothing else may differ;
- every entry in the database is found by search within 60 seconds, without any write;
- no answer was a server error (5xx);
- SQLite's integrity check passes.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import requests
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[2]
SEARCH_DEADLINE_SECONDS = 60
START_DEADLINE_SECONDS = 60
POLL_SECONDS = 0.05
WRITERS = 4
PER_PAGE = 50  # the API's largest search page
# What a trial kills: the whole server (master and workers), one gunicorn worker, or the
# search worker (which exists in worker mode only).
VICTIMS = {"inline": ["server", "server worker"], "worker": ["server", "search worker"]}


def _process_stats() -> list[str]:
    stats = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stats.append((entry / "stat").read_text())
            except OSError:
                continue
    return stats


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class History:
    """What the hub acknowledged, and what it answered."""

    created: dict[int, str] = field(default_factory=dict)  # entry id -> title
    # entry id -> summaries in the order sent, with whether each was acknowledged
    edits: dict[int, list[tuple[str, bool]]] = field(default_factory=dict)
    uploads: dict[int, tuple[int, str]] = field(default_factory=dict)  # attachment -> entry, hash
    removed: set[int] = field(default_factory=set)  # acknowledged removals of attachments
    removal_sent: set[int] = field(default_factory=set)  # answer lost: removed, or not
    statuses: Counter = field(default_factory=Counter)
    server_errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def acknowledged_count(self) -> int:
        with self.lock:
            return self.statuses[200] + self.statuses[201] + self.statuses[204]

    def wait_for_acknowledgements(self, more: int, *, deadline_seconds: float) -> None:
        wanted = self.acknowledged_count() + more
        deadline = time.monotonic() + deadline_seconds
        while self.acknowledged_count() < wanted and time.monotonic() < deadline:
            time.sleep(POLL_SECONDS)

    def answer(self, response: requests.Response, what: str) -> None:
        with self.lock:
            self.statuses[response.status_code] += 1
            if response.status_code >= 500:
                self.server_errors.append(f"{what}: {response.status_code} {response.text[:300]}")


class Hub:
    """One hub on one database, served by gunicorn, restarted after each kill."""

    def __init__(self, database_url: str, data_dir: Path, *, indexing: str, log: Path):
        self.database_url, self.data_dir, self.indexing = database_url, data_dir, indexing
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.environ = {
            **os.environ,
            "HANSE_ENV": "testing",
            "HANSE_DATABASE_URL": database_url,
            "HANSE_DATA_DIR": str(data_dir),
            "HANSE_RATE_LIMITS": "off",
            "HANSE_SEARCH_INDEXING": indexing,
            "HANSE_INDEX_RECOVERY_SECONDS": "2",
        }
        self.log_path = log
        self.log = log.open("ab")
        self.server: subprocess.Popen | None = None
        self.worker: subprocess.Popen | None = None

    def _spawn(self, *arguments: str) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "-m", *arguments],
            cwd=ROOT,
            env=self.environ,
            stdout=self.log,
            stderr=self.log,
            start_new_session=True,  # its own process group: SIGKILL reaches every process
        )

    def log_tail(self, lines: int = 60) -> str:
        """The end of the processes' log: what a failing trial shows (CI keeps no files)."""
        self.log.flush()
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def start(self) -> None:
        self.server = self._spawn(
            "gunicorn", "--workers", "2", "--bind", f"127.0.0.1:{self.port}",
            "--graceful-timeout", "1", "wsgi:app",
        )  # fmt: skip
        if self.indexing == "worker":
            self.start_worker()
        deadline = time.monotonic() + START_DEADLINE_SECONDS
        while time.monotonic() < deadline:
            if self.server.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.server.returncode}")
            try:
                if requests.get(f"{self.base}/api/v1/tenants", timeout=5).status_code == 200:
                    return
            except requests.RequestException:  # not listening yet, or its workers still boot
                pass
            time.sleep(POLL_SECONDS)
        raise RuntimeError("gunicorn did not answer within a minute")

    def start_worker(self) -> None:
        self.worker = self._spawn("flask", "--app", "hanse_hub", "search", "worker",
                                  "--interval", "0.2")  # fmt: skip

    @staticmethod
    def _kill(process: subprocess.Popen | None) -> None:
        if process is not None and process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)

    def kill_server(self) -> None:
        self._kill(self.server)

    def kill_one_server_worker(self) -> bool:
        """SIGKILL one of gunicorn's worker processes (gunicorn starts a new one)."""
        children = [
            int(stat.split()[0])
            for stat in _process_stats()
            if self.server is not None and int(stat.rsplit(")", 1)[1].split()[1]) == self.server.pid
        ]
        if not children:
            return False
        os.kill(random.choice(children), signal.SIGKILL)
        return True

    def wait_until_serving(self) -> None:
        deadline = time.monotonic() + START_DEADLINE_SECONDS
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{self.base}/api/v1/tenants", timeout=5).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(POLL_SECONDS)
        raise RuntimeError("the hub did not answer within a minute")

    def kill_worker(self) -> None:
        self._kill(self.worker)

    def stop(self) -> None:
        self.kill_server()
        self.kill_worker()
        self.log.close()


class Writer(threading.Thread):
    def __init__(self, hub: Hub, token: str, history: History, label: str, stop: threading.Event):
        super().__init__(daemon=True)
        self.hub, self.history, self.label, self.stop = hub, history, label, stop
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"Bearer {token}"
        self.mine: list[int] = []
        self.shared_uploads: list[int] = []
        self.random = random.Random(label)

    def _call(self, method: str, path: str, what: str, **kwargs) -> requests.Response | None:
        try:
            response = self.http.request(method, self.hub.base + path, timeout=15, **kwargs)
        except requests.RequestException:
            return None  # killed meanwhile: the outcome is unknown
        self.history.answer(response, what)
        return response

    def run(self) -> None:
        number = 0
        while not self.stop.is_set():
            number += 1
            choice = self.random.random()
            if not self.mine or choice < 0.4:
                self._create(number)
            elif choice < 0.7:
                self._edit(number)
            elif choice < 0.9:
                self._upload(number, shared=choice < 0.8)
            else:
                self._remove_shared()

    def _create(self, number: int) -> None:
        title = f"{self.label} Eintrag {number}"
        response = self._call(
            "POST", "/api/v1/entries", "create",
            json={"kind": "solution", "title": title, "visibility": "public",
                  "summary": "erste Fassung"},
        )  # fmt: skip
        if response is not None and response.status_code == 201:
            with self.history.lock:
                self.history.created[response.json()["id"]] = title
                self.history.edits[response.json()["id"]] = [("erste Fassung", True)]
            self.mine.append(response.json()["id"])

    def _edit(self, number: int) -> None:
        entry_id = self.random.choice(self.mine)
        summary = f"Fassung {number} von {self.label}"
        with self.history.lock:
            self.history.edits[entry_id].append((summary, False))
            index = len(self.history.edits[entry_id]) - 1
        response = self._call("PATCH", f"/api/v1/entries/{entry_id}", "edit",
                              json={"summary": summary})  # fmt: skip
        if response is not None and response.status_code == 200:
            with self.history.lock:
                self.history.edits[entry_id][index] = (summary, True)

    def _upload(self, number: int, *, shared: bool) -> None:
        entry_id = self.random.choice(self.mine)
        text = "Gemeinsame Anlage\n" if shared else f"Anlage {number} von {self.label}\n"
        data = text.encode() * 40
        response = self._call(
            "POST", f"/api/v1/entries/{entry_id}/attachments", "upload",
            files={"file": ("anlage.txt", data, "text/plain")},
        )  # fmt: skip
        if response is not None and response.status_code == 201:
            attachment_id = response.json()["id"]
            with self.history.lock:
                self.history.uploads[attachment_id] = (entry_id, hashlib.sha256(data).hexdigest())
            if shared:
                self.shared_uploads.append(attachment_id)

    def _remove_shared(self) -> None:
        if not self.shared_uploads:
            return
        attachment_id = self.shared_uploads.pop(0)
        with self.history.lock:
            self.history.removal_sent.add(attachment_id)
        response = self._call("DELETE", f"/api/v1/attachments/{attachment_id}", "remove")
        if response is not None and response.status_code == 204:
            with self.history.lock:
                self.history.removed.add(attachment_id)


def check_history(hub: Hub, history: History) -> list[str]:
    """Every acknowledged operation against the database and the data folder."""
    problems: list[str] = []
    engine = sa.create_engine(hub.database_url)
    try:
        with engine.connect() as connection:
            titles = dict(connection.execute(sa.text("SELECT id, title FROM entries")).all())
            summaries = dict(connection.execute(sa.text("SELECT id, summary FROM entries")).all())
            attachments = dict(
                connection.execute(sa.text("SELECT id, content_hash FROM attachments")).all()
            )
            if engine.dialect.name == "sqlite":
                check = connection.execute(sa.text("PRAGMA integrity_check")).scalar()
                if check != "ok":
                    problems.append(f"SQLite integrity check: {check}")
    finally:
        engine.dispose()
    with history.lock:
        for entry_id, title in history.created.items():
            if titles.get(entry_id) != title:
                problems.append(f"acknowledged entry {entry_id} {title!r} is missing")
        for entry_id, attempts in history.edits.items():
            last_acknowledged = max(i for i, (_, acked) in enumerate(attempts) if acked)
            allowed = {summary for summary, _ in attempts[last_acknowledged:]}
            if entry_id in summaries and summaries[entry_id] not in allowed:
                problems.append(
                    f"entry {entry_id} says {summaries[entry_id]!r}, acknowledged was "
                    f"{attempts[last_acknowledged][0]!r}"
                )
        for attachment_id, (entry_id, content_hash) in history.uploads.items():
            if attachment_id in history.removed:
                continue
            if attachment_id in history.removal_sent and attachment_id not in attachments:
                continue  # the removal happened, its answer was lost in the crash
            if attachments.get(attachment_id) != content_hash:
                problems.append(
                    f"acknowledged upload {attachment_id} of entry {entry_id} is missing"
                )
                continue
            stored = hub.data_dir / "uploads" / content_hash[:2] / content_hash
            if not stored.is_file() or hashlib.sha256(stored.read_bytes()).hexdigest() != (
                content_hash
            ):
                problems.append(f"the file of acknowledged upload {attachment_id} is lost")
    return problems


def wait_until_searchable(hub: Hub, token: str) -> tuple[list[int], float]:
    """Poll search (no writes) until it finds every live entry; (entries not found, seconds)."""
    engine = sa.create_engine(hub.database_url)
    try:
        with engine.connect() as connection:
            live = set(
                connection.execute(
                    sa.text("SELECT id FROM entries WHERE deleted_at IS NULL")
                ).scalars()
            )
    finally:
        engine.dispose()
    http = requests.Session()
    http.headers["Authorization"] = f"Bearer {token}"
    started = time.monotonic()
    missing = sorted(live)
    while time.monotonic() - started < SEARCH_DEADLINE_SECONDS:
        found: set[int] = set()
        page = 1
        while True:
            response = http.get(
                f"{hub.base}/api/v1/search",
                params={"q": "Eintrag", "per_page": PER_PAGE, "page": page},
                timeout=15,
            )
            if response.status_code != 200:
                raise AssertionError(
                    f"search answered {response.status_code}; the hub's log ends:\n"
                    + hub.log_tail()
                )
            body = response.json()
            if body["total"] < len(live):
                break  # not there yet: look again without reading every page
            found |= {hit["id"] for hit in body["hits"]}
            if len(body["hits"]) < PER_PAGE:
                break
            page += 1
        missing = sorted(live - found)
        if not missing:
            break
        time.sleep(0.2)
    return missing, time.monotonic() - started


@dataclass
class TrialReport:
    trials: int = 0
    acknowledged: int = 0
    problems: list[str] = field(default_factory=list)
    slowest_search_seconds: float = 0.0
    kills: Counter = field(default_factory=Counter)


def run_trials(
    database_url: str, data_dir: Path, token: str, *, trials: int, indexing: str, seed: int
) -> tuple[TrialReport, History]:
    """``trials`` kills of the server (and, in worker mode, of the worker), each checked."""
    chooser = random.Random(seed)
    history = History()
    hub = Hub(database_url, data_dir, indexing=indexing, log=data_dir / "processes.log")
    report = TrialReport()
    try:
        hub.start()
        for trial in range(trials):
            stop = threading.Event()
            writers = [
                Writer(hub, token, history, f"T{seed}-{trial}-W{number}", stop)
                for number in range(WRITERS)
            ]
            for writer in writers:
                writer.start()
            # Writers under way (on a busy machine that takes a while), then a random moment.
            history.wait_for_acknowledgements(WRITERS, deadline_seconds=START_DEADLINE_SECONDS)
            time.sleep(chooser.uniform(0.0, 1.5))
            victim = chooser.choice(VICTIMS[indexing])
            if victim == "server worker" and not hub.kill_one_server_worker():
                victim = "server"
            if victim == "server":
                hub.kill_server()
            elif victim == "search worker":
                hub.kill_worker()
            report.kills[victim] += 1
            time.sleep(chooser.uniform(0.1, 0.5))  # writers meet the crash
            stop.set()
            for writer in writers:
                writer.join(timeout=60)
            if victim == "server":
                hub.kill_worker()
                hub.start()
            elif victim == "search worker":
                hub.start_worker()
            hub.wait_until_serving()
            report.problems += [f"trial {trial}: {p}" for p in check_history(hub, history)]
            missing, seconds = wait_until_searchable(hub, token)
            report.slowest_search_seconds = max(report.slowest_search_seconds, seconds)
            if missing:
                report.problems.append(
                    f"trial {trial}: {len(missing)} entries not searchable after "
                    f"{SEARCH_DEADLINE_SECONDS} s: {missing[:10]}"
                )
            report.trials += 1
        report.problems += [f"server error: {error}" for error in history.server_errors]
        report.acknowledged = (
            len(history.created)
            + sum(sum(acked for _, acked in attempts[1:]) for attempts in history.edits.values())
            + len(history.uploads)
            + len(history.removed)
        )
    finally:
        hub.stop()
    return report, history
