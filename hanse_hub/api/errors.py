"""API errors as application/problem+json (RFC 9457).

Titles and details are in the request's language (``Accept-Language``; German by default),
like the problem answers that ``web.errors`` gives for API paths; the messages live in
``hanse_hub.problems``.
"""

from __future__ import annotations

from flask import abort
from werkzeug.exceptions import HTTPException

from hanse_hub.problems import problem_json


def problem(status: int, detail: str, *, headers: dict | None = None, **extra) -> HTTPException:
    """An exception that the app answers with a problem+json body (raise it)."""
    response = problem_json(status, detail, **extra)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    try:
        abort(response)
    except HTTPException as error:
        error.code = status
        return error
    raise AssertionError("unreachable")
