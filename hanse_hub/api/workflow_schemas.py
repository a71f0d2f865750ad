"""marshmallow schemas of the API's editorial workflow and account endpoints (``workflow.py``):
history, trash, reviews, personal access tokens, autocomplete and the Markdown preview.

Input schemas reject unknown fields and text no database can store, like those in
``schemas.py``.
"""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from marshmallow import Schema, ValidationError, fields, validate, validates

from hanse_hub.api.schemas import (
    PageSchema,
    PaginationArgs,
    QuerySchema,
    StrictSchema,
    TranslatedString,
)
from hanse_hub.content.models import MAX_TEXT, EntryKind, EntryStatus, Visibility
from hanse_hub.content.revisions import HISTORY_FIELDS
from hanse_hub.content.services import KIND_LINKS

# The history names a changed link by its relationship ("contacts"); the API by its field.
API_FIELD_NAMES = {
    relationship: name for links in KIND_LINKS.values() for name, (relationship, _) in links.items()
}
HISTORY_FIELD_NAMES = [API_FIELD_NAMES.get(name, name) for name in HISTORY_FIELDS]
REVISION_ACTIONS = [
    "created",
    "updated",
    "published",
    "archived",
    "unpublished",
    "deleted",
    "restored",
    "consent_recorded",
    "consent_withdrawn",
]
MAX_AUTOCOMPLETE = 200


# -- history -------------------------------------------------------------------------------------


class RevisionSchema(Schema):
    """One change of an entry, as its history page shows it."""

    version = fields.Integer(metadata={"description": "The version this change produced"})
    action = fields.String(metadata={"enum": REVISION_ACTIONS})
    changed = fields.List(
        fields.String(metadata={"enum": HISTORY_FIELD_NAMES}),
        metadata={"description": "Fields this change altered (empty for a creation)"},
    )
    actor = fields.String(
        allow_none=True,
        metadata={"description": "Display name of who made the change (null if unknown)"},
    )
    created_at = fields.DateTime()


# -- trash ---------------------------------------------------------------------------------------


class TrashArgs(PaginationArgs):
    tenant = fields.String(
        validate=validate.Length(max=60),
        metadata={"description": "Only this tenant's trash (you must administer it)"},
    )


class DeletedEntrySchema(Schema):
    id = fields.Integer()
    uuid = fields.String()
    kind = fields.String(metadata={"enum": [str(k) for k in EntryKind]})
    tenant = fields.String(metadata={"description": "Slug of the owning tenant"})
    title = fields.String()
    summary = fields.String()
    status = fields.String(
        metadata={"enum": [str(s) for s in EntryStatus], "description": "Status when restored"}
    )
    visibility = fields.String(metadata={"enum": [str(v) for v in Visibility]})
    version = fields.Integer()
    deleted_at = fields.DateTime()


class TrashSchema(PageSchema):
    items = fields.List(fields.Nested(DeletedEntrySchema))


# -- personal access tokens ----------------------------------------------------------------------


class TokenSchema(Schema):
    id = fields.Integer()
    name = fields.String()
    prefix = fields.String(metadata={"description": "The secret's first characters"})
    read_only = fields.Boolean()
    active = fields.Boolean(metadata={"description": "Not revoked"})
    created_at = fields.DateTime()
    last_used_at = fields.DateTime(allow_none=True)
    revoked_at = fields.DateTime(allow_none=True)


class TokenCreatedSchema(TokenSchema):
    secret = fields.String(
        metadata={"description": "The token for `Authorization: Bearer …`; shown only now"}
    )


class TokenListSchema(PageSchema):
    items = fields.List(fields.Nested(TokenSchema))


class TokenListArgs(PaginationArgs):
    pass


class TokenCreateSchema(StrictSchema):
    name = TranslatedString(
        required=True,
        validate=validate.Length(max=100, error=_l("Höchstens 100 Zeichen.")),
        error_messages={"required": _l("Bitte geben Sie an, wofür das Token ist.")},
        metadata={"description": "What the token is for"},
    )
    read_only = fields.Boolean(load_default=False)

    @validates("name")
    def _not_blank(self, value: str, **kwargs) -> None:
        if not value.strip():
            raise ValidationError(_("Bitte geben Sie an, wofür das Token ist."))


# -- autocomplete and Markdown preview -----------------------------------------------------------


class AutocompleteArgs(QuerySchema):
    q = fields.String(load_default="", validate=validate.Length(max=MAX_AUTOCOMPLETE))


class SuggestionSchema(Schema):
    type = fields.String(metadata={"enum": ["entry", "topic"]})
    label = fields.String()
    url = fields.String(metadata={"description": "The entry's page, or the search for the topic"})
    id = fields.Integer(allow_none=True, metadata={"description": "The entry's id"})
    tenant = fields.String(allow_none=True, metadata={"description": "The entry's tenant"})
    topic = fields.String(allow_none=True, metadata={"description": "The topic's slug"})


class AutocompleteSchema(Schema):
    query = fields.String()
    suggestions = fields.List(fields.Nested(SuggestionSchema))


class MarkdownSchema(StrictSchema):
    text = fields.String(required=True, validate=validate.Length(max=MAX_TEXT))


class RenderedSchema(Schema):
    html = fields.String(metadata={"description": "Sanitised HTML, as the entry page shows it"})
