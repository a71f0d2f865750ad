"""``/api/v1/stats``: the Wissenstransfer figures (``/wissenstransfer``) as JSON, counted as
the caller may see them."""

from __future__ import annotations

from flask import g
from marshmallow import Schema, fields

from hanse_hub.api.common import READ_PROBLEMS, blueprint, problems
from hanse_hub.content.transfer import STATUSES, TransferStats, transfer_stats


class FlowSchema(Schema):
    source = fields.String(metadata={"description": "Tenant whose solution was adopted"})
    target = fields.String(metadata={"description": "Adopting tenant"})
    total = fields.Integer()
    by_status = fields.Dict(keys=fields.String(), values=fields.Integer())


class QuarterSchema(Schema):
    quarter = fields.String(metadata={"example": "2026-Q2"})
    adoptions = fields.Integer()
    new_entries = fields.Integer()


class ReasonSchema(Schema):
    topic = fields.String(metadata={"description": "Topic slug; empty without a topic"})
    solution_id = fields.Integer()
    solution_title = fields.String()
    source = fields.String()
    target = fields.String()
    text = fields.String()


class CoverageSchema(Schema):
    topic = fields.String()
    tenant = fields.String()
    entries = fields.Integer()


class FreshnessSchema(Schema):
    tenant = fields.String()
    published = fields.Integer()
    current = fields.Integer(metadata={"description": "Published, next review not yet due"})
    overdue = fields.Integer()


class ContactCountSchema(Schema):
    id = fields.Integer()
    name = fields.String()
    tenant = fields.String()
    adoptions = fields.Integer()


class StatsSchema(Schema):
    tenants = fields.List(fields.String())
    flows = fields.List(fields.Nested(FlowSchema))
    by_status = fields.Dict(keys=fields.String(), values=fields.Integer())
    quarters = fields.List(fields.Nested(QuarterSchema))
    days_to_first_adoption = fields.List(fields.Integer())
    median_days_to_first_adoption = fields.Integer(allow_none=True)
    rejection_reasons = fields.List(fields.Nested(ReasonSchema))
    coverage = fields.List(fields.Nested(CoverageSchema))
    freshness = fields.List(fields.Nested(FreshnessSchema))
    top_contacts = fields.List(fields.Nested(ContactCountSchema))


def stats_payload(stats: TransferStats) -> dict:
    return {
        "tenants": stats.cities,
        "flows": [
            {
                "source": flow.source,
                "target": flow.target,
                "total": flow.total,
                "by_status": {status: flow.by_status[status] for status in STATUSES},
            }
            for _key, flow in sorted(stats.flows.items())
        ],
        "by_status": stats.by_status,
        "quarters": [
            {"quarter": quarter, "adoptions": adopted, "new_entries": created}
            for quarter, adopted, created in stats.quarters
        ],
        "days_to_first_adoption": stats.days_to_first_adoption,
        "median_days_to_first_adoption": stats.median_days_to_first_adoption,
        "rejection_reasons": [
            {
                "topic": topic,
                "solution_id": reason.solution_id,
                "solution_title": reason.solution_title,
                "source": reason.source,
                "target": reason.target,
                "text": reason.text,
            }
            for topic, reasons in sorted(stats.reasons_by_topic.items())
            for reason in reasons
        ],
        "coverage": [
            {"topic": topic, "tenant": tenant, "entries": count}
            for (topic, tenant), count in sorted(stats.coverage.items())
        ],
        "freshness": [
            {
                "tenant": city,
                "published": stats.entries_per_city.get(city, 0),
                "current": stats.current_per_city.get(city, 0),
                "overdue": stats.overdue_per_city.get(city, 0),
            }
            for city in stats.cities
        ],
        "top_contacts": [
            {"id": contact_id, "name": name, "tenant": tenant, "adoptions": count}
            for contact_id, name, tenant, count, _slug in stats.top_contacts
        ],
    }


@blueprint.route("/stats", endpoint="stats")
@blueprint.response(200, StatsSchema)
@problems(*READ_PROBLEMS)
def stats():
    """How knowledge moved between the tenants: adoptions from → to by status, per quarter,
    time to first adoption, reasons for rejections, coverage per topic and tenant, freshness
    of reviews and the contacts most named – counting only what the caller may see."""
    return stats_payload(transfer_stats(g.actor))
