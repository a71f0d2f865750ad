"""``/wissenstransfer``: how knowledge moved between the cities – matrix, flows, time, status,
coverage and people – as the viewer may see it, with charts drawn on the server as SVG.

Every chart stands beside a data table with the same numbers and a sentence that says what it
shows; no JavaScript, no external service. ``/wissenstransfer/uebernahmen`` lists the
adoptions behind a cell of the matrix, ``/wissenstransfer.csv`` gives every number as CSV.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, Response, render_template, request
from flask_babel import gettext as _

from hanse_hub.content.adoptions import visible_adoptions
from hanse_hub.content.models import AdoptionStatus
from hanse_hub.content.topics import list_topics
from hanse_hub.content.transfer import STATUSES, TransferStats, transfer_stats
from hanse_hub.labels import ADOPTION_LABELS, interface_language
from hanse_hub.standards.csv_export import csv_document
from hanse_hub.tenants.services import list_tenants
from hanse_hub.web.context import current_actor

blueprint = Blueprint("transfer", __name__)

# Colours of the adoption statuses in charts (text and a pattern-free legend carry the meaning;
# colour is never the only cue: every bar has its number written beside it).
STATUS_COLOURS = {
    AdoptionStatus.ADOPTED.value: "#1a7f37",
    AdoptionStatus.ADAPTED.value: "#0b6bcb",
    AdoptionStatus.EVALUATING.value: "#8a6100",
    AdoptionStatus.DROPPED.value: "#b42318",
}


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    y: float
    width: float


def bars(items: list[tuple[str, int]], *, width: float = 320, row: float = 28) -> list[Bar]:
    """Horizontal bars for (label, value) pairs, scaled to the largest value."""
    largest = max((value for _label, value in items), default=0) or 1
    return [
        Bar(label, value, index * row, width * value / largest)
        for index, (label, value) in enumerate(items)
    ]


@dataclass(frozen=True)
class Band:
    source: str
    target: str
    value: int
    y1: float
    y2: float
    thickness: float


def flow_bands(stats: TransferStats, *, row: float = 48, max_thickness: float = 24) -> list[Band]:
    """Lines from each source city (left) to each target city (right), as thick as the number
    of adoptions between them."""
    position = {slug: index * row + row / 2 for index, slug in enumerate(stats.cities)}
    largest = max((flow.total for flow in stats.flows.values()), default=0) or 1
    return [
        Band(
            flow.source,
            flow.target,
            flow.total,
            position[flow.source],
            position[flow.target],
            max(2.0, max_thickness * flow.total / largest),
        )
        for flow in sorted(stats.flows.values(), key=lambda f: (f.source, f.target))
        if flow.total and flow.source in position and flow.target in position
    ]


def _names() -> dict[str, str]:
    return {tenant.slug: tenant.short_name for tenant in list_tenants()}


def _topic_names() -> dict[str, str]:
    language = interface_language()
    return {topic.slug: topic.name(language) for topic in list_topics()}


@blueprint.route("/wissenstransfer")
def overview():
    actor = current_actor()
    stats = transfer_stats(actor)
    names = _names()
    status_labels = {status: str(ADOPTION_LABELS[status]) for status in STATUSES}
    return render_template(
        "web/transfer.html",
        stats=stats,
        names=names,
        topic_names=_topic_names(),
        status_labels=status_labels,
        status_colours=STATUS_COLOURS,
        status_bars=bars([(status_labels[s], stats.by_status[s]) for s in STATUSES]),
        status_summary=", ".join(f"{status_labels[s]}: {stats.by_status[s]}" for s in STATUSES),
        quarter_adoption_bars=bars([(q, a) for q, a, _n in stats.quarters]),
        quarter_entry_bars=bars([(q, n) for q, _a, n in stats.quarters]),
        bands=flow_bands(stats),
        flow_height=len(stats.cities) * 48,
    )


@blueprint.route("/wissenstransfer/uebernahmen")
def adoptions():
    """The adoptions behind a cell of the matrix: from a city, to a city, with a status."""
    actor = current_actor()
    names = _names()
    source = request.args.get("von", "")
    target = request.args.get("nach", "")
    status = request.args.get("status", "")
    found = [
        adoption
        for adoption in visible_adoptions(actor)
        if (source not in names or adoption.solution.tenant.slug == source)
        and (target not in names or adoption.tenant.slug == target)
        and (status not in STATUSES or adoption.status.value == status)
    ]
    return render_template(
        "web/transfer_adoptions.html",
        adoptions=found,
        source=names.get(source),
        target=names.get(target),
        status=ADOPTION_LABELS.get(status),
    )


def stats_rows(stats: TransferStats) -> list[tuple[str, str, str, str, int]]:
    """Every number of the page as rows (table, key, key, key, value): for CSV and the API."""
    rows: list[tuple[str, str, str, str, int]] = []
    for source in stats.cities:
        for target in stats.cities:
            flow = stats.flow(source, target)
            for status in STATUSES:
                if flow.by_status[status]:
                    rows.append(("flows", source, target, status, flow.by_status[status]))
    rows += [("status", status, "", "", count) for status, count in stats.by_status.items()]
    for quarter, adopted, created in stats.quarters:
        rows.append(("quarters", quarter, "adoptions", "", adopted))
        rows.append(("quarters", quarter, "new_entries", "", created))
    rows += [
        ("days_to_first_adoption", str(i), "", "", d)
        for i, d in enumerate(stats.days_to_first_adoption, start=1)
    ]
    rows += [
        ("coverage", topic, city, "", n) for (topic, city), n in sorted(stats.coverage.items())
    ]
    for city in stats.cities:
        rows.append(("freshness", city, "published", "", stats.entries_per_city.get(city, 0)))
        rows.append(("freshness", city, "current", "", stats.current_per_city.get(city, 0)))
        rows.append(("freshness", city, "overdue", "", stats.overdue_per_city.get(city, 0)))
    rows += [
        ("contacts", str(contact_id), city, "", count)
        for contact_id, _name, city, count, _slug in stats.top_contacts
    ]
    return rows


@blueprint.route("/wissenstransfer.csv")
def as_csv():
    rows = stats_rows(transfer_stats(current_actor()))
    body = csv_document(["table", "key1", "key2", "key3", "value"], rows)
    response = Response(body, mimetype="text/csv")
    response.headers["Content-Disposition"] = 'attachment; filename="wissenstransfer.csv"'
    return response


def describe_flows(stats: TransferStats, names: dict[str, str]) -> str:
    """One sentence for the flow chart's text alternative."""
    biggest = max(stats.flows.values(), key=lambda f: f.total, default=None)
    if biggest is None or not biggest.total:
        return _("Noch keine Übernahmen.")
    return _(
        "%(total)d Übernahmen zwischen den Organisationen; am meisten von %(source)s nach "
        "%(target)s (%(count)d).",
        total=stats.adoptions_total,
        source=names.get(biggest.source, biggest.source),
        target=names.get(biggest.target, biggest.target),
        count=biggest.total,
    )


@blueprint.app_template_global("describe_flows")
def _describe_flows(stats: TransferStats, names: dict[str, str]) -> str:
    return describe_flows(stats, names)
