"""The search page and the autocomplete endpoint."""

from __future__ import annotations

from urllib.parse import quote

from flask import Blueprint, current_app, jsonify, render_template, request, url_for
from sqlalchemy import select

from hanse_hub.content.translation_groups import Listed
from hanse_hub.extensions import configured_limit, db, limiter
from hanse_hub.search import services
from hanse_hub.search.analysis import words
from hanse_hub.search.query_args import search_request_from_args
from hanse_hub.tenants.models import Tenant
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
    empty = bool(search_request.q.strip()) and not page.hits
    return render_template(
        "search/results.html",
        page=page,
        # An entry and its translations are one hit (the search counts groups, too).
        hits=[Listed(hit, page.other_versions.get(hit.entry.id, [])) for hit in page.hits],
        exact_url=_url_with(request.args, genau="1", seite=None),
        fewer_words=_fewer_words(search_request.q) if empty else [],
        topics=services.topics_named_in(search_request.q) if empty else [],
        experts_url=_url_with(request.args, art="contact", seite=None) if empty else None,
        ask_network=_ask_network(search_request.q) if empty else None,
        facet_parameters=FACET_PARAMETERS,
        toggle=lambda parameter, value: _toggle(request.args, parameter, value),
        page_url=lambda number: _url_with(request.args, seite=str(number)),
        sort_url=lambda sort: _url_with(request.args, sortierung=sort, seite=None),
        query_url=lambda q: _url_with(request.args, q=q, seite=None),
        export_url=lambda extension: _export_url(request.args, extension),
    )


def _export_url(args, extension: str) -> str:
    """Every hit of this search as CSV or JSON (the same parameters, no page)."""
    params = {
        key: values
        for key, values in args.to_dict(flat=False).items()
        if key not in ("seite", "extension") and not key.startswith("_")
    }
    return url_for("exports.search_list", extension=extension, **params)


def _fewer_words(q: str) -> list[tuple[str, str]]:
    """Each typed word with the query without it (for "Ohne …" links), when there are 2 to 8."""
    typed = words(q)
    if not 2 <= len(typed) <= 8:
        return []
    return [(word, " ".join(typed[:i] + typed[i + 1 :])) for i, word in enumerate(typed)]


def _ask_network(q: str) -> dict | None:
    """How to ask the network: a mailto link to HANSE_CONTACT_ADDRESS, or else the alliance's
    contact address as text; None when neither exists."""
    address = current_app.config.get("HANSE_CONTACT_ADDRESS")
    if address:
        subject = quote(f"Frage an das Netzwerk: {q[:200]}")
        return {"mailto": f"mailto:{address}?subject={subject}", "address": address}
    alliance = db.session.scalar(select(Tenant).where(Tenant.kind == "alliance").limit(1))
    if alliance is None or not alliance.contact_address:
        return None
    return {"name": alliance.official_name, "postal": alliance.contact_address}


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
