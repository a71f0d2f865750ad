"""The KERN UX design system's files, served by the hub itself (no CDN at run time).

``make assets`` installs ``@kern-ux/native`` from npm into ``node_modules/`` (git-ignored: no
third-party build output in the repository). Only the files listed in ``KERN_FILES`` are
served, under ``/assets/kern/<path>``; anything else, and everything when the package is not
installed, is 404. Templates ask ``kern_available`` before linking the stylesheets, so that a
hub installed without Node.js falls back to its own ``hub.css`` and still looks tidy.
"""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta
from functools import cache
from pathlib import Path

from flask import Blueprint, Flask, abort, request, send_from_directory, url_for

from hanse_hub import PROJECT_ROOT

blueprint = Blueprint("assets", __name__, url_prefix="/assets")

KERN_PACKAGE = PROJECT_ROOT / "node_modules" / "@kern-ux" / "native"
KERN_STYLESHEETS = ("fonts/fira-sans.css", "kern.min.css")
# The stylesheets and what they load themselves (the fonts of fonts/fira-sans.css). The icons
# are data: URIs inside kern.min.css; the package's JavaScript (the Kopfzeile menu) is not
# served, as every page works without scripts.
KERN_FONTS = (
    "Light",
    "LightItalic",
    "Regular",
    "Italic",
    "Medium",
    "MediumItalic",
    "SemiBold",
    "SemiBoldItalic",
    "Bold",
    "BoldItalic",
)
KERN_FILES = frozenset(
    {*KERN_STYLESHEETS, *(f"fonts/fira-sans/FiraSans-{font}.woff2" for font in KERN_FONTS)}
)
# URLs carry the package version (``?v=``), so a new KERN release reaches browsers at once.
MAX_AGE = timedelta(days=365)


def kern_dist() -> Path:
    return KERN_PACKAGE / "dist"


@cache
def _kern_version(package_json: Path) -> str | None:
    try:
        return json.loads(package_json.read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError):
        return None


def kern_version() -> str | None:
    """The installed ``@kern-ux/native`` version, or None when the package is not installed."""
    return _kern_version(KERN_PACKAGE / "package.json")


def kern_available() -> bool:
    """Whether the KERN stylesheets can be served (``make assets`` has run)."""
    return all((kern_dist() / name).is_file() for name in KERN_STYLESHEETS)


def kern_asset_url(path: str) -> str:
    """The address of one allowed KERN file, with the package version for cache busting."""
    return url_for("assets.kern", path=path, v=kern_version())


@blueprint.get("/kern/<path:path>")
def kern(path: str):
    if path not in KERN_FILES:
        abort(404)
    # send_from_directory answers 404 itself when the file is missing.
    return send_from_directory(kern_dist(), path, max_age=int(MAX_AGE.total_seconds()))


@blueprint.app_context_processor
def _kern_template_helpers() -> dict:
    return {"kern_available": kern_available(), "kern_asset": kern_asset_url}


# -- the hub's own static files: addresses that name their content ---------------------------


@cache
def _content_hash(path: Path, modified: float) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    except OSError:
        return None


def static_hash(app: Flask, filename: str) -> str | None:
    """The first 12 hex digits of the SHA-256 of a file in ``static/`` (None if there is none).
    Cached per file and modification time, so an edited file gets a new address at once."""
    folder = Path(app.static_folder or "")
    path = (folder / filename).resolve()
    if folder.resolve() not in path.parents:
        return None
    try:
        modified = path.stat().st_mtime
    except OSError:
        return None
    return _content_hash(path, modified)


def register_static_caching(app: Flask) -> None:
    """``url_for('static', …)`` adds ``?v=<content hash>``; a request carrying the current hash
    is answered with a year of immutable caching, any other with the default (revalidate)."""

    @app.url_defaults
    def _add_content_hash(endpoint: str, values: dict) -> None:
        if endpoint == "static" and "filename" in values and "v" not in values:
            digest = static_hash(app, values["filename"])
            if digest:
                values["v"] = digest

    @app.after_request
    def _immutable_when_hashed(response):
        if (
            request.endpoint == "static"
            and response.status_code == 200
            and request.args.get("v")
            and request.args.get("v") == static_hash(app, request.view_args.get("filename", ""))
        ):
            response.cache_control.public = True
            response.cache_control.max_age = int(MAX_AGE.total_seconds())
            response.cache_control.immutable = True
            response.cache_control.no_cache = None
        return response
