"""``flask --app hanse_hub search …``: the indexer worker, rebuilding, status, thesaurus check."""

from __future__ import annotations

import signal
import time

import click
from flask import current_app
from sqlalchemy import func, select

from hanse_hub.content.models import Entry
from hanse_hub.extensions import db
from hanse_hub.freeze.cli import FreezableGroup
from hanse_hub.progress import progress_bars
from hanse_hub.search import analysis, indexing
from hanse_hub.tenants.services import get_tenant

# Frozen (read-only): the index is not written, only its status is shown.
search_group = FreezableGroup(
    "search", help="The search index.", reads=frozenset({"status", "thesaurus-check"})
)


def _check_thesaurus() -> None:
    problems = analysis.thesaurus_problems()
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        raise SystemExit(1)
    click.echo("thesaurus: no duplicates, no cycles")


@search_group.group("thesaurus", cls=FreezableGroup, reads=frozenset({"check"}))
def thesaurus_group():
    """The search thesaurus (search/data/: synonyms, English pairs, related terms)."""


@thesaurus_group.command("check")
def thesaurus_check():
    """Check the thesaurus: synonym terms written twice or in two groups, pairs written twice or
    of synonyms, related links to oneself, to a synonym or twice, and cycles of one-way links."""
    _check_thesaurus()


@search_group.command("thesaurus-check", hidden=True)
def thesaurus_check_old_name():
    """The same as ``search thesaurus check`` (the command's first name)."""
    _check_thesaurus()


@search_group.command("worker")
@click.option("--interval", default=1.0, show_default=True, help="Seconds between polls.")
@click.option("--once", is_flag=True, help="Apply what is pending, then stop.")
def worker(interval: float, once: bool):
    """Apply pending index jobs: the single index writer when HANSE_SEARCH_INDEXING=worker."""
    from hanse_hub.startup import exit_unless_database_usable, report_index_health

    app = current_app._get_current_object()
    exit_unless_database_usable(app)
    report_index_health(app)
    stopping = False

    def stop(*_):
        nonlocal stopping
        stopping = True

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    click.echo("search worker started")
    try:
        _work(interval, once, lambda: stopping)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    click.echo("search worker stopped")


def _work(interval: float, once: bool, stopping) -> None:
    while not stopping():
        try:
            applied = indexing.apply_pending_jobs()
        except Exception as error:  # logged with traceback by apply_pending_jobs; keep serving
            click.echo(f"indexing failed, retrying: {error}", err=True)
            applied = 0
            time.sleep(interval * 5)
        finally:
            db.session.remove()
        if applied:
            click.echo(f"indexed {applied} job(s)")
        elif once:
            break
        else:
            time.sleep(interval)


@search_group.command("reindex")
@click.option("--tenant", "tenant_slug", help="Rebuild only this tenant's entries.")
@click.option(
    "--procs",
    type=click.IntRange(1, 16),
    default=1,
    show_default=True,
    help="Whoosh: processes writing the index in a full rebuild (see docs/performance.md).",
)
def reindex(tenant_slug: str | None, procs: int):
    """Rebuild the index from the database."""
    tenant = None
    if tenant_slug:
        tenant = get_tenant(tenant_slug)
        if tenant is None:
            raise click.ClickException(f"No tenant with slug {tenant_slug!r}.")
    query = select(func.count(Entry.id)).where(Entry.deleted_at.is_(None))
    if tenant is not None:
        query = query.where(Entry.tenant_id == tenant.id)
    total = db.session.scalar(query)
    # Two passes: the documents, then every entry's stored list of similar entries.
    steps = (("Indexing entries", total), ("Similar entries", total))
    with progress_bars(*steps) as (documents, similar_lists):
        done = indexing.reindex(
            tenant, progress=documents, similar_progress=similar_lists, procs=procs
        )
    click.echo(f"Indexed {done} entries.")
    click.echo("Renewed their lists of similar entries (shown beside each entry).")


@search_group.command("status")
def status():
    """Index health: readable, documents vs. entries, pending and failed jobs, last error.

    Exits with 1 when search cannot work (index unreadable, database unreachable), so a
    monitoring check can call it.
    """
    facts = indexing.index_status()
    problem = facts.get("index_problem")
    facts["health"] = (
        f"UNAVAILABLE – {problem}. Fix: flask --app hanse_hub search reindex" if problem else "ok"
    )
    if facts.get("database_problem"):
        facts["health"] = f"UNKNOWN – database: {facts['database_problem']}"
    labels = {
        "health": "Index",
        "backend": "Backend",
        "indexing": "Indexing",
        "documents_in_index": "Documents in index",
        "live_entries": "Entries in database",
        "pending_jobs": "Pending jobs",
        "failed_jobs": "Jobs that failed before",
        "last_reindex": "Last full reindex",
        "last_error": "Last error",
    }
    for key, label in labels.items():
        click.echo(f"{label + ':':<26} {facts.get(key) if facts.get(key) is not None else '–'}")
    if problem or facts.get("database_problem"):
        raise SystemExit(1)
