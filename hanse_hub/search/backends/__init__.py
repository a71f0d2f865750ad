"""Search backends behind one interface: ``whoosh`` (embedded default) and ``postgres``."""

from __future__ import annotations

from flask import Flask, current_app

from hanse_hub.search.backends.base import SearchBackend


def create_backend(app: Flask) -> SearchBackend:
    name = app.config["HANSE_SEARCH_BACKEND"]
    if name == "postgres":
        from hanse_hub.search.backends.postgres import PostgresBackend

        return PostgresBackend()
    from pathlib import Path

    from hanse_hub.search.backends.whoosh import WhooshBackend

    return WhooshBackend(
        Path(app.config["HANSE_DATA_DIR"]) / "search-index", index_expected=_documents_expected
    )


def _documents_expected() -> bool:
    """Whether some live entry should be in the index already (its index job was applied)."""
    from sqlalchemy import select

    from hanse_hub.content.models import Entry
    from hanse_hub.extensions import db
    from hanse_hub.search.models import SearchJob

    pending = select(SearchJob.entry_id)
    indexed = select(Entry.id).where(Entry.deleted_at.is_(None), Entry.id.not_in(pending))
    return db.session.scalar(indexed.limit(1)) is not None


def get_backend(app: Flask | None = None) -> SearchBackend:
    """The app's search backend, created once per process."""
    app = app or current_app._get_current_object()
    backend = app.extensions.get("hanse_search_backend")
    if backend is None:
        backend = app.extensions["hanse_search_backend"] = create_backend(app)
    return backend
