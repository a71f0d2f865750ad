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

    return WhooshBackend(Path(app.config["HANSE_DATA_DIR"]) / "search-index")


def get_backend(app: Flask | None = None) -> SearchBackend:
    """The app's search backend, created once per process."""
    app = app or current_app._get_current_object()
    backend = app.extensions.get("hanse_search_backend")
    if backend is None:
        backend = app.extensions["hanse_search_backend"] = create_backend(app)
    return backend
