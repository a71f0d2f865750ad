"""``/api/v1``: what helps to decide on reusing a solution – its one-page profile
("Steckbrief") as PDF, and two to four solutions compared side by side.

The same service functions as the web's "Steckbrief als PDF" link and its page
``/vergleich``: ``content.steckbrief.entry_profile`` and ``content.services.solutions_to_compare``,
with only what the caller may see.
"""

from __future__ import annotations

from flask import Response, g
from flask_babel import gettext as _
from marshmallow import Schema, fields, validate

from hanse_hub.api import schemas
from hanse_hub.api.common import (
    ID,
    READ_PROBLEMS,
    adoption_payload,
    blueprint,
    entry_payload,
    problems,
    visible_entry,
)
from hanse_hub.api.errors import problem
from hanse_hub.content import services as content
from hanse_hub.content import steckbrief as profiles
from hanse_hub.content.models import EntryKind

# -- the "Steckbrief" ------------------------------------------------------------------------

PROFILE_DOC = {
    "responses": {
        "200": {
            "description": "The one-page profile as PDF (A4): title, facts, contact, permalink",
            "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
        }
    }
}


@blueprint.route(f"/entries/<{ID}:entry_id>/steckbrief.pdf")
@blueprint.doc(**PROFILE_DOC)
@problems(*READ_PROBLEMS, 404)
def entry_profile(entry_id: int):
    """A solution's or lesson's one-page profile ("Steckbrief") as PDF, for a council or
    committee (404 for other kinds). Contacts and adoptions the caller may not see are left
    out."""
    entry = visible_entry(entry_id)
    if entry.kind not in profiles.PROFILE_KINDS:
        raise problem(404, _("Einen Steckbrief gibt es nur für Lösungen und Erfahrungen."))
    response = Response(profiles.entry_profile(g.actor, entry), mimetype="application/pdf")
    response.headers.set(
        "Content-Disposition", "attachment", filename=profiles.profile_filename(entry)
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, no-store"
    return response


# -- compare -------------------------------------------------------------------------------------


class CompareArgs(schemas.QuerySchema):
    ids = fields.List(
        fields.Integer(validate=validate.Range(min=1, max=schemas.MAX_ID)),
        required=True,
        validate=validate.Length(min=2, max=content.MAX_COMPARED),
        metadata={
            "description": f"2 to {content.MAX_COMPARED} different solution ids, in the order "
            "to show (repeat the parameter: `ids=12&ids=34`)"
        },
    )


class ComparedSchema(Schema):
    entry = fields.Nested(schemas.EntrySchema)
    contacts = fields.List(
        fields.Nested(schemas.EntrySchema),
        metadata={"description": "Its contact persons the caller may see"},
    )
    adoptions = fields.List(
        fields.Nested(schemas.AdoptionSchema),
        metadata={"description": "Where else it is in use (or being considered), as visible"},
    )


class CompareSchema(Schema):
    items = fields.List(fields.Nested(ComparedSchema))


@blueprint.route("/compare")
@blueprint.arguments(CompareArgs, location="query")
@blueprint.response(200, CompareSchema)
@problems(*READ_PROBLEMS, 404, 422)
def compare(args):
    """Two to four solutions side by side (facts, costs, maturity, licence, technologies,
    contacts, where in use), as the web page `/vergleich?l=…` shows them.

    An id the caller may not see answers 404, as one that does not exist; an entry that is
    not a solution 422."""
    actor = g.actor
    wanted = list(dict.fromkeys(args["ids"]))
    if len(wanted) < 2:
        raise problem(
            422,
            _("Bitte nennen Sie zwei bis %(max)s verschiedene Lösungen.", max=content.MAX_COMPARED),
            errors={"ids": [_("Mindestens zwei verschiedene Lösungen.")]},
        )
    compared = content.solutions_to_compare(actor, wanted)
    found = {item.solution.id for item in compared}
    missing = [entry_id for entry_id in wanted if entry_id not in found]
    for entry_id in missing:
        entry = visible_entry(entry_id)  # 404 for ids the caller cannot see
        if entry.kind != EntryKind.SOLUTION:
            raise problem(
                422,
                _("Verglichen werden nur Lösungen: Eintrag %(id)s ist keine.", id=entry_id),
                errors={"ids": [_("Keine Lösung: %(id)s", id=entry_id)]},
            )
    if missing:  # visible and a solution, yet not comparable: never expected
        raise problem(404, _("Diesen Eintrag gibt es nicht, oder er ist für Sie nicht sichtbar."))
    return {
        "items": [
            {
                "entry": entry_payload(actor, item.solution),
                "contacts": [entry_payload(actor, contact) for contact in item.contacts],
                "adoptions": [adoption_payload(adoption, actor) for adoption in item.adoptions],
            }
            for item in compared
        ]
    }
