"""Index jobs left behind by a crash are applied without anyone writing again.

Inline indexing applies a use case's jobs right after its commit. A process that
dies between the commit and the indexing leaves the jobs in the outbox; every
serving process therefore also applies pending jobs when it starts and then every
``HANSE_INDEX_RECOVERY_SECONDS`` (in worker mode the worker does this already).
Applying a job twice is harmless, so processes need not coordinate; only the stored lists of
similar entries are renewed one writer at a time (``similar.LIST_WRITERS_LOCK``).
"""

from __future__ import annotations

import logging
import os
import threading

from flask import Flask
from sqlalchemy import func, select

from hanse_hub.extensions import db
from hanse_hub.oplog import forget, log_once
from hanse_hub.search.models import SearchJob

logger = logging.getLogger(__name__)

_started_in: dict[int, int] = {}  # id(app) -> the process id whose thread serves it
_lock = threading.Lock()


def recovery_interval(app: Flask) -> float:
    """Seconds between two looks at the outbox; 0 when this process should not look."""
    if app.config.get("HANSE_SEARCH_INDEXING") != "inline":
        return 0
    return float(app.config.get("HANSE_INDEX_RECOVERY_SECONDS", 0))


def apply_left_over_jobs(app: Flask) -> int:
    """Apply every pending job now; returns how many. Failures are logged, never raised."""
    from hanse_hub.freeze.services import freeze_state
    from hanse_hub.search.indexing import apply_all_pending_jobs

    with app.app_context():
        try:
            if freeze_state().frozen:  # a frozen hub does not write its index
                return 0
            if not db.session.scalar(select(func.count(SearchJob.id))):
                return 0
            applied = apply_all_pending_jobs()
            forget("index-recovery")
            return applied
        except Exception as error:
            log_once("index-recovery", "Applying pending index jobs failed: %s", error)
            return 0
        finally:
            db.session.remove()


def start_index_recovery(app: Flask) -> bool:
    """Start this process's recovery thread (once per process); True if it was started."""
    interval = recovery_interval(app)
    if not interval or _started_in.get(id(app)) == os.getpid():
        return False
    with _lock:
        if _started_in.get(id(app)) == os.getpid():
            return False
        _started_in[id(app)] = os.getpid()
    stop = threading.Event()
    app.extensions["hanse_index_recovery_stop"] = stop

    def run() -> None:
        while True:
            applied = apply_left_over_jobs(app)
            if applied:
                logger.info("applied %d index job(s) left over by an interrupted process", applied)
            if stop.wait(interval):
                return

    threading.Thread(target=run, name="index-recovery", daemon=True).start()
    return True


def start_with_first_request(app: Flask) -> None:
    """Also start recovery when a process serves its first request: for WSGI servers that
    do not load ``wsgi.py`` in each process (e.g. gunicorn ``--preload`` forks after it)."""

    @app.before_request
    def _start_index_recovery() -> None:
        start_index_recovery(app)
