"""``/api/v1``: search across cities, similar entries, and the search box's autocomplete."""

from __future__ import annotations

from flask import g, url_for

from hanse_hub.api import schemas, workflow_schemas
from hanse_hub.api.common import (
    ID,
    READ_PROBLEMS,
    blueprint,
    entry_payload,
    entry_url,
    problems,
    visible_entry,
)
from hanse_hub.extensions import configured_limit, limiter
from hanse_hub.search import services as search_services


@blueprint.route("/search")
@limiter.limit(configured_limit("search"))
@blueprint.arguments(schemas.SearchArgs, location="query")
@blueprint.response(200, schemas.SearchResultSchema)
@problems(*READ_PROBLEMS, 422)
def search(args):
    """Search across cities: hits, facets and a spelling suggestion.

    Every word must match (ranked), "phrases", `-word` to exclude, `OR`. As on the search page,
    question and filler words are left out, an unknown word is replaced by a close known one
    (`corrected_query`), and when no entry holds all words the hits hold most of them
    (`relaxed`, `missing_words`); `exact=true` switches all of that off. Unlike the web search
    page, a word naming a kind ("Ansprechpartner") does not choose the kind here – use the
    `kind` parameter.
    """
    page = search_services.search(
        g.actor,
        search_services.SearchRequest(
            q=args["q"],
            tenants=tuple(args["tenant"]),
            kinds=tuple(args["kind"]),
            topics=tuple(args["topic"]),
            years=tuple(args["year"]),
            sort=args["sort"],
            page=args["page"],
            per_page=args["per_page"],
            include_archived=args["archived"],
            kind_words=False,  # scripts get what they typed; people get the kind chosen
            exact=args["exact"],
        ),
    )
    return {
        "total": page.total,
        "page": args["page"],
        "per_page": args["per_page"],
        "hits": [
            {
                "id": h.entry.id,
                "kind": str(h.entry.kind),
                "tenant": h.entry.tenant.slug,
                "title": h.entry.title,
                "summary": h.entry.summary,
                "snippet": str(h.snippet),
                "file": h.file_name,
                "url": entry_url(h.entry),
                "score": h.score,
                "other_versions": [e.id for e in page.other_versions.get(h.entry.id, [])],
            }
            for h in page.hits
        ],
        "facets": {
            name: {v.value: v.count for v in values} for name, values in page.facets.items()
        },
        "suggestion": page.suggestion,
        "corrected_query": page.corrected_query,
        "relaxed": page.relaxed,
        "missing_words": list(page.missing_words),
    }


@blueprint.route(f"/entries/<{ID}:entry_id>/similar")
@blueprint.response(200, schemas.SimilarSchema)
@problems(*READ_PROBLEMS, 404)
def similar(entry_id: int):
    """Similar entries from other cities."""
    entry = visible_entry(entry_id)
    return {"items": [entry_payload(g.actor, e) for e in search_services.similar(g.actor, entry)]}


@blueprint.route("/search/autocomplete")
@limiter.limit(configured_limit("search"))
@blueprint.arguments(workflow_schemas.AutocompleteArgs, location="query")
@blueprint.response(200, workflow_schemas.AutocompleteSchema)
@problems(*READ_PROBLEMS, 422)
def autocomplete(args):
    """Suggestions for a search box: titles the caller may see and topics starting with the
    last word typed."""
    items = []
    for suggestion in search_services.autocomplete(g.actor, args["q"]):
        entry, topic = suggestion.get("entry"), suggestion.get("topic")
        items.append(
            {
                "type": suggestion["type"],
                "label": suggestion["label"],
                "url": (
                    entry_url(entry)
                    if entry is not None
                    else url_for("search.search_page", thema=topic.slug, _external=True)
                ),
                "id": entry.id if entry is not None else None,
                "tenant": entry.tenant.slug if entry is not None else None,
                "topic": topic.slug if topic is not None else None,
            }
        )
    return {"query": args["q"], "suggestions": items}
