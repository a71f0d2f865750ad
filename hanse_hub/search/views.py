"""The search page and the autocomplete endpoint."""

from __future__ import annotations

from flask import Blueprint, jsonify, render_template, request, url_for

from hanse_hub.extensions import configured_limit, limiter
from hanse_hub.search import services
from hanse_hub.search.query_args import search_request_from_args
from hanse_hub.web.context import current_actor

blueprint = Blueprint("search", __name__)

FACET_PARAMETERS = {"tenant": "stadt", "kind": "art", "topic": "thema", "year": "jahr"}


def _url_with(args, **changes) -> str:
    """The search URL with some parameters changed (all state lives in the URL)."""
    params = args.to_dict(flat=False)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return url_for("search.search_page", **params)


def _toggle(args, parameter: str, value: str) -> str:
    values = args.getlist(parameter)
    values = [v for v in values if v != value] if value in values else [*values, value]
    return _url_with(args, **{parameter: values or None, "seite": None})


@blueprint.route("/suche")
@limiter.limit(configured_limit("search"))
def search_page():
    search_request = search_request_from_args(request.args)  # never fails: bad values drop
    page = services.search(current_actor(), search_request)
    return render_template(
        "search/results.html",
        page=page,
        facet_parameters=FACET_PARAMETERS,
        toggle=lambda parameter, value: _toggle(request.args, parameter, value),
        page_url=lambda number: _url_with(request.args, seite=str(number)),
        sort_url=lambda sort: _url_with(request.args, sortierung=sort, seite=None),
        query_url=lambda q: _url_with(request.args, q=q, seite=None),
    )


@blueprint.route("/suche/autocomplete")
def autocomplete():
    """JSON for the search box: titles and topics starting with what was typed."""
    prefix = request.args.get("q", "")[:200]
    suggestions = services.autocomplete(current_actor(), prefix)
    items = []
    for suggestion in suggestions:
        if suggestion["type"] == "entry":
            entry = suggestion["entry"]
            url = url_for("content.entry_page", tenant_slug=entry.tenant.slug, slug=entry.slug)
        else:
            url = url_for("search.search_page", thema=suggestion["topic"].slug)
        items.append({"type": suggestion["type"], "label": suggestion["label"], "url": url})
    return jsonify({"query": prefix, "suggestions": items})
