"""Wiring of the API: OpenAPI document, problem responses, browsable docs without a CDN."""

from __future__ import annotations

from pathlib import Path

import swagger_ui_bundle
from flask import Blueprint, Flask, render_template, send_from_directory
from flask_smorest import Api

from hanse_hub.api.schemas import ProblemSchema
from hanse_hub.extensions import csrf
from hanse_hub.problems import MESSAGES

DOCUMENTED_PROBLEMS = (400, 401, 403, 404, 409, 412, 413, 415, 422, 429)
SWAGGER_UI = Path(swagger_ui_bundle.swagger_ui_path)


class HubApi(Api):
    """flask-smorest's Api, minus its error handlers: the app answers errors itself
    (problem+json for the API, German HTML pages elsewhere)."""

    DEFAULT_ERROR_RESPONSE_NAME = None

    def _register_error_handlers(self):
        pass


def init_api(app: Flask) -> HubApi:
    # Imported for their routes, which they add to the blueprint.
    from hanse_hub.api import (  # noqa: F401
        account,
        administration,
        adoptions,
        entries,
        exports,
        files,
        notifications,
        questions,
        reuse,
        search,
        stats,
        workflow,
    )
    from hanse_hub.api.common import blueprint

    app.config.update(
        API_TITLE="Smarte Hanse – Wissensplattform",
        API_VERSION="1",
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/api",
        OPENAPI_JSON_PATH="openapi.json",
        API_SPEC_OPTIONS={
            "info": {
                "description": (
                    "Solutions, lessons learned, contacts, events and materials of the "
                    "Smarte Hanse cities. Anonymous calls read what is public; send "
                    "`Authorization: Bearer <token>` (a personal access token) for more. "
                    "Errors are application/problem+json (RFC 9457)."
                )
            },
            "components": {"securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}}},
            "security": [{}, {"bearerAuth": []}],
        },
    )
    api = HubApi(app)
    api.spec.components.schema("Problem", schema=ProblemSchema)
    for status in DOCUMENTED_PROBLEMS:
        api.spec.components.response(
            f"Problem{status}",
            {
                "description": MESSAGES[status][0],
                "content": {"application/problem+json": {"schema": "Problem"}},
            },
        )
    api.register_blueprint(blueprint)
    csrf.exempt(blueprint)
    app.register_blueprint(docs)
    return api


docs = Blueprint("api_docs", __name__)


@docs.route("/api/docs")
def api_docs():
    """Swagger UI, served from the swagger-ui-bundle package (no CDN)."""
    return render_template("api/docs.html")


@docs.route("/api/docs/assets/<path:filename>")
def api_docs_assets(filename: str):
    return send_from_directory(SWAGGER_UI, filename, max_age=3600)
