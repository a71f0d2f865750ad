"""API errors as application/problem+json (RFC 9457)."""

from __future__ import annotations

from flask import abort, jsonify
from werkzeug.exceptions import HTTPException

from hanse_hub.web.errors import MESSAGES


def problem_response(status: int, detail: str | None = None, **extra):
    title, default_detail = MESSAGES.get(status, MESSAGES[500 if status >= 500 else 400])
    body = {
        "type": "about:blank",
        "title": title,
        "status": status,
        "detail": detail or default_detail,
        **extra,
    }
    response = jsonify(body)
    response.status_code = status
    response.mimetype = "application/problem+json"
    return response


def problem(status: int, detail: str, *, headers: dict | None = None, **extra) -> HTTPException:
    """An exception that the app answers with a problem+json body (raise it)."""
    response = problem_response(status, detail, **extra)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    try:
        abort(response)
    except HTTPException as error:
        error.code = status
        return error
    raise AssertionError("unreachable")


def field_errors(messages) -> dict:
    """marshmallow messages, keyed by field (the request location level removed)."""
    if isinstance(messages, dict) and len(messages) == 1:
        ((location, inner),) = messages.items()
        if location in ("json", "query", "form", "files", "headers") and isinstance(inner, dict):
            return inner
    return messages if isinstance(messages, dict) else {"_schema": messages}
