"""API errors as application/problem+json (RFC 9457).

Titles and details are in the request's language (``Accept-Language``; German by default),
like the problem answers that ``web.errors`` gives for API paths.
"""

from __future__ import annotations

from flask import abort, jsonify
from flask_babel import gettext as _
from flask_babel.speaklater import LazyString
from werkzeug.exceptions import HTTPException

from hanse_hub.web.errors import MESSAGES


def problem_response(status: int, detail: str | None = None, **extra):
    title, default_detail = MESSAGES.get(status, MESSAGES[500 if status >= 500 else 400])
    body = {
        "type": "about:blank",
        "title": _(title),
        "status": status,
        "detail": str(detail) if detail else _(default_detail),
        **{name: plain_messages(value) for name, value in extra.items()},
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


def plain_messages(value):
    """``value`` with every lazily translated message (flask_babel's ``LazyString``, e.g. a
    marshmallow ``error_messages`` entry given with ``lazy_gettext``) made a plain ``str``,
    translated now: the body holds only JSON types (Flask's encoder would take a LazyString by
    its ``__html__``; another encoder would refuse it)."""
    if isinstance(value, LazyString):
        return str(value)
    if isinstance(value, dict):
        return {key: plain_messages(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain_messages(item) for item in value]
    return value


def field_errors(messages) -> dict:
    """marshmallow messages, keyed by field (the request location level removed), as plain
    strings."""
    if isinstance(messages, dict) and len(messages) == 1:
        ((location, inner),) = messages.items()
        if location in ("json", "query", "form", "files", "headers") and isinstance(inner, dict):
            return plain_messages(inner)
    return plain_messages(messages if isinstance(messages, dict) else {"_schema": messages})
