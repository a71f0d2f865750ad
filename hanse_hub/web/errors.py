"""Error pages: a message a person understands, as HTML or as application/problem+json."""

from __future__ import annotations

import errno

from flask import Flask, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import IntegrityError
from werkzeug.exceptions import HTTPException, InternalServerError

from hanse_hub.oplog import log_once
from hanse_hub.policy import PermissionDenied
from hanse_hub.problems import MESSAGES, field_errors, problem_json, title_and_detail
from hanse_hub.search.backends.base import IndexUnavailable

# How long a client should wait before trying again after a 503 (seconds).
RETRY_AFTER_SECONDS = 120

# PostgreSQL's unique_violation, foreign_key_violation; deadlock_detected, serialization_failure.
CONFLICT_STATES = {"23505", "23503", "40P01", "40001"}


def is_write_conflict(error: BaseException) -> bool:
    """A write that collided with a concurrent one: the client may simply try again."""
    if isinstance(error, IntegrityError):
        return True
    return getattr(getattr(error, "orig", None), "sqlstate", None) in CONFLICT_STATES


def is_disk_full(error: BaseException) -> bool:
    """A full disk (or quota), from the file system or from either database's driver."""
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        text = str(error).lower()
        if "database or disk is full" in text or "no space left on device" in text:
            return True  # SQLite's SQLITE_FULL; PostgreSQL's DiskFull (53100)
        if getattr(error, "sqlstate", None) == "53100":
            return True
        error = getattr(error, "orig", None) or error.__cause__ or error.__context__
    return False


def wants_problem_json() -> bool:
    if request.path.startswith("/api/"):
        return True
    best = request.accept_mimetypes.best_match(["text/html", "application/problem+json"])
    return best == "application/problem+json"


def error_response(status: int, detail: str | None = None, *, title: str | None = None, **extra):
    if wants_problem_json():
        return problem_json(status, detail, title=title, **extra)
    title, detail = title_and_detail(status, detail, title)
    return render_template("web/error.html", status=status, title=title, detail=detail), status


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def _csrf(error):
        return error_response(
            400,
            _(
                "Das Formular ist abgelaufen oder unvollständig. Bitte laden Sie die Seite neu "
                "und senden Sie es erneut."
            ),
        )

    @app.errorhandler(PermissionDenied)
    def _denied(error):
        return error_response(403)

    @app.errorhandler(HTTPException)
    def _http(error: HTTPException):
        if error.response is not None:  # a complete answer, e.g. an API problem
            return error.response
        status = error.code or 500
        detail = None if status in MESSAGES else error.description
        messages = (getattr(error, "data", None) or {}).get("messages")
        if messages is not None:  # input validation at the edge (webargs / marshmallow)
            errors = field_errors(messages)
            fields = ", ".join(sorted(map(str, errors)))
            return error_response(
                status, _("Bitte prüfen Sie die Angaben: %(fields)s.", fields=fields), errors=errors
            )
        response = error_response(status, detail)
        if status == 405 and hasattr(error, "valid_methods") and error.valid_methods:
            response = app.make_response(response)
            response.headers["Allow"] = ", ".join(error.valid_methods)
        return response

    @app.errorhandler(IndexUnavailable)
    def _search_unavailable(error):
        log_once(
            "search-index",
            "Search is unavailable: %s. Fix: flask --app hanse_hub search reindex",
            error,
        )
        return _retry_later(
            error_response(
                503,
                _(
                    "Die Suche wird gerade neu aufgebaut oder repariert. Bitte versuchen Sie es "
                    "in einigen Minuten erneut."
                ),
                title=_("Suche vorübergehend nicht verfügbar"),
            )
        )

    def _retry_later(response):
        response = app.make_response(response)
        response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response

    @app.errorhandler(Exception)
    def _unexpected(error):
        if is_disk_full(error):
            # Nothing was acknowledged: the transaction rolled back, the client may send again.
            log_once("disk-full", "Disk full, writes fail until space is freed: %s", error)
            return _retry_later(
                error_response(
                    503,
                    _(
                        "Der Speicher des Servers ist voll: Ihre Änderung wurde nicht "
                        "gespeichert. Bitte versuchen Sie es später erneut."
                    ),
                    title=_("Speicher voll"),
                )
            )
        if is_write_conflict(error):
            # The services serialise what they can foresee; this is the net for the rest.
            app.logger.warning("write conflict answered with 409: %s", error)
            return error_response(409)
        app.logger.exception("Unhandled error")
        return error_response(InternalServerError.code)
