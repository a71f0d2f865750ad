"""Error pages: a message a person understands, as HTML or as application/problem+json."""

from __future__ import annotations

from flask import Flask, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from hanse_hub.policy import PermissionDenied
from hanse_hub.problems import MESSAGES, field_errors, problem_json, title_and_detail


def wants_problem_json() -> bool:
    if request.path.startswith("/api/"):
        return True
    best = request.accept_mimetypes.best_match(["text/html", "application/problem+json"])
    return best == "application/problem+json"


def error_response(status: int, detail: str | None = None, **extra):
    if wants_problem_json():
        return problem_json(status, detail, **extra)
    title, detail = title_and_detail(status, detail)
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

    @app.errorhandler(Exception)
    def _unexpected(error):
        app.logger.exception("Unhandled error")
        return error_response(InternalServerError.code)
