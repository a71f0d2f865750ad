"""marshmallow schemas of the API: validation at the edge, and the OpenAPI document.

Input schemas reject unknown fields, and text no database can store; ``tenant`` (except
when creating), the author and timestamps cannot be set; fields of one kind are accepted
only for that kind.
"""

from __future__ import annotations

import re

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from marshmallow import (
    EXCLUDE,
    RAISE,
    Schema,
    ValidationError,
    fields,
    pre_load,
    validate,
    validates_schema,
)

from hanse_hub.content import kinds
from hanse_hub.content.models import AdoptionStatus, EntryKind, EntryStatus, Visibility
from hanse_hub.content.services import KIND_FIELDS, KIND_LINKS, KIND_REFERENCES
from hanse_hub.questions.models import MAX_HIDE_REASON, MAX_QUESTION_TEXT, QuestionAudience
from hanse_hub.questions.services import MIN_TEXT

LANGUAGES = ("de", "en")
MAX_PER_PAGE = 100
# The largest id an integer column holds (PostgreSQL ``integer``). A larger number names
# nothing; passed on to the database it would fail there (a 500) instead of answering 404/422.
MAX_ID = 2**31 - 1
# Characters a text column cannot hold: NUL (PostgreSQL refuses it) and lone surrogates (JSON
# can escape one, UTF-8 cannot encode it). Passed on, either fails in the database (a 500).
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _choice(values) -> validate.OneOf:
    return validate.OneOf([str(v) for v in values])


def _id_range() -> validate.Range:
    return validate.Range(min=1, max=MAX_ID)


def _unstorable(value) -> bool:
    if isinstance(value, str):
        return UNSTORABLE.search(value) is not None
    return isinstance(value, list | tuple) and any(_unstorable(item) for item in value)


class TranslatedString(fields.String):
    """A string field whose ``error_messages`` may be lazy (``_l``, given at import time).

    Each is translated when the error is raised, in the request's language, and stored as a
    plain ``str`` in a list like marshmallow's own messages (marshmallow would keep a
    LazyString as it is, not in a list, and JSON cannot encode it).
    """

    def make_error(self, key: str, **kwargs) -> ValidationError:
        message = self.error_messages.get(key)
        if isinstance(message, LazyString):
            return ValidationError(str(message).format(**kwargs))
        return super().make_error(key, **kwargs)


class InputSchema(Schema):
    """What a request sends: text with characters no database can store is refused."""

    @pre_load
    def _storable_text(self, data, **kwargs):
        if hasattr(data, "items"):
            refused = sorted(str(name) for name, value in data.items() if _unstorable(value))
            if refused:
                message = _("Enthält Zeichen, die nicht gespeichert werden können (z. B. NUL).")
                raise ValidationError({name: [message] for name in refused})
        return data


class StrictSchema(InputSchema):
    class Meta:
        unknown = RAISE


class QuerySchema(InputSchema):
    class Meta:
        unknown = EXCLUDE


class ProblemSchema(Schema):
    """An error, as application/problem+json (RFC 9457)."""

    type = fields.String(metadata={"example": "about:blank"})
    title = fields.String(required=True)
    status = fields.Integer(required=True)
    detail = fields.String(required=True)
    errors = fields.Dict(
        keys=fields.String(),
        values=fields.Raw(),
        metadata={"description": "Messages per field, for validation errors"},
    )


class PaginationArgs(QuerySchema):
    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=100_000))
    per_page = fields.Integer(load_default=20, validate=validate.Range(min=1, max=MAX_PER_PAGE))


# -- tenants and topics --------------------------------------------------------------------------


class TenantSchema(Schema):
    slug = fields.String()
    kind = fields.String(metadata={"enum": ["city", "alliance", "partner"]})
    official_name = fields.String()
    short_name = fields.String()
    colour = fields.String()
    website = fields.String(allow_none=True)
    contact_address = fields.String(allow_none=True)


class TopicSchema(Schema):
    slug = fields.String()
    name_de = fields.String()
    name_en = fields.String()


# -- entries -------------------------------------------------------------------------------------


def _api_field(spec: kinds.Field, meta: dict) -> fields.Field:
    """The marshmallow field for one field of the kind registry."""
    length = validate.Length(min=spec.min_length or None, max=spec.max_length)
    match spec.type:
        case kinds.FieldType.TEXT | kinds.FieldType.LINE:
            return fields.String(validate=length, allow_none=spec.nullable, **meta)
        case kinds.FieldType.URL:
            return fields.Url(
                allow_none=spec.nullable, schemes={"http", "https"}, validate=length, **meta
            )
        case kinds.FieldType.CHOICE:
            return fields.String(validate=_choice(spec.choices), **meta)
        case kinds.FieldType.LIST:
            return fields.List(
                fields.String(validate=validate.Length(max=spec.item_max_length)),
                validate=validate.Length(max=spec.max_items),
                **meta,
            )
        case kinds.FieldType.DATETIME:
            return fields.AwareDateTime(default_timezone=None, **meta)
        case kinds.FieldType.DATE:
            return fields.Date(allow_none=spec.nullable, **meta)
        case kinds.FieldType.LINKS:
            return fields.List(
                fields.Integer(validate=_id_range()),
                validate=validate.Length(max=spec.max_items),
                **meta,
            )
        case kinds.FieldType.LINK:
            return fields.Integer(allow_none=True, validate=_id_range(), **meta)
    raise ValueError(f"no API field for {spec.type}")


def kind_fields(
    *, dump: bool, registry: kinds.Registry = kinds.REGISTRY
) -> dict[str, fields.Field]:
    """The fields of every kind, from the kind registry; each is documented with its kind."""

    def meta(kind: str, **extra) -> dict:
        return {"metadata": {"description": f"Only for kind `{kind}`.", **extra}}

    result: dict[str, fields.Field] = {}
    for spec in registry.kinds:
        for field in spec.fields:
            result[field.input_name] = _api_field(field, meta(str(spec.kind)))
    if dump:
        result["has_consent"] = fields.Boolean(
            **meta(
                "contact",
                description="Only for kind `contact`: the person consented to publication.",
            )
        )
    else:
        result["consent"] = fields.Boolean(
            **meta(
                "contact",
                description="Only for kind `contact`: record (true) or withdraw "
                "(false) the person's consent to publication.",
            )
        )
    return result


FIELDS_OF_KIND: dict[str, set[str]] = {
    str(kind): set(KIND_FIELDS[kind])
    | set(KIND_LINKS.get(kind, {}))
    | set(KIND_REFERENCES.get(kind, {}))
    | ({"consent", "has_consent"} if kind == EntryKind.CONTACT else set())
    for kind in EntryKind
}
ALL_KIND_FIELDS = set().union(*FIELDS_OF_KIND.values())


class EntrySchema(Schema.from_dict(kind_fields(dump=True))):
    """An entry; the fields of its kind are included, those of other kinds are not."""

    id = fields.Integer()
    uuid = fields.String()
    kind = fields.String(metadata={"enum": [str(k) for k in EntryKind]})
    tenant = fields.String(metadata={"description": "Slug of the owning tenant"})
    title = fields.String()
    slug = fields.String()
    summary = fields.String()
    body = fields.String(metadata={"description": "Markdown"})
    topics = fields.List(fields.String())
    tags = fields.List(fields.String())
    language = fields.String()
    translation_of = fields.Integer(allow_none=True)
    licence = fields.String()
    visibility = fields.String(metadata={"enum": [str(v) for v in Visibility]})
    status = fields.String(metadata={"enum": [str(s) for s in EntryStatus]})
    participants = fields.List(fields.String())
    version = fields.Integer()
    review_by = fields.Date(allow_none=True)
    url = fields.String()
    created_at = fields.DateTime()
    updated_at = fields.DateTime()
    published_at = fields.DateTime(allow_none=True)


class PageSchema(Schema):
    """One page of a list: its items (declared by each list) and where the page stands."""

    total = fields.Integer()
    page = fields.Integer()
    per_page = fields.Integer()


class EntryListSchema(PageSchema):
    items = fields.List(fields.Nested(EntrySchema))


class EntryListArgs(PaginationArgs):
    tenant = fields.String(validate=validate.Length(max=60))
    kind = fields.String(validate=_choice(EntryKind))
    topic = fields.String(validate=validate.Length(max=80))
    status = fields.String(validate=_choice(EntryStatus))
    visibility = fields.String(validate=_choice(Visibility))


def _common_input_fields() -> dict[str, fields.Field]:
    return {
        "title": fields.String(validate=validate.Length(min=1, max=300)),
        "slug": fields.String(validate=validate.Regexp(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")),
        "summary": fields.String(validate=validate.Length(max=2000)),
        "body": fields.String(validate=validate.Length(max=200_000)),
        "topics": fields.List(
            fields.String(validate=validate.Length(max=80)), validate=validate.Length(max=20)
        ),
        "tags": fields.List(
            fields.String(validate=validate.Length(min=1, max=60)), validate=validate.Length(max=30)
        ),
        "language": fields.String(validate=validate.OneOf(LANGUAGES)),
        "translation_of": fields.Integer(allow_none=True, validate=_id_range()),
        "licence": fields.String(validate=validate.Length(min=1, max=40)),
        "visibility": fields.String(validate=_choice(Visibility)),
        "status": fields.String(validate=_choice(EntryStatus)),
        "participants": fields.List(
            fields.String(validate=validate.Length(max=60)), validate=validate.Length(max=20)
        ),
        "review_by": fields.Date(allow_none=True),
    }


class _KindChecks(StrictSchema):
    def _check_kind_fields(self, data: dict, kind: str) -> None:
        foreign = sorted((set(data) & ALL_KIND_FIELDS) - FIELDS_OF_KIND[kind])
        if foreign:
            message = _("Dieses Feld gibt es nur bei anderen Arten als „%(kind)s“.", kind=kind)
            raise ValidationError({name: [message] for name in foreign})


class EntryCreateSchema(
    _KindChecks.from_dict({**_common_input_fields(), **kind_fields(dump=False)})
):
    kind = fields.String(required=True, validate=_choice(EntryKind))
    title = TranslatedString(
        required=True,
        validate=validate.Length(min=1, max=300),
        error_messages={"required": _l("Bitte geben Sie einen Titel an.")},
    )
    tenant = fields.String(
        validate=validate.Length(max=60),
        metadata={"description": "Owning tenant's slug; default: the caller's only tenant"},
    )

    @validates_schema
    def _kinds(self, data: dict, **kwargs) -> None:
        self._check_kind_fields(data, data["kind"])
        if data["kind"] == "contact" and "person_name" not in data:
            raise ValidationError({"person_name": [_("Bitte geben Sie den Namen der Person an.")]})
        if data["kind"] == "event" and not ("starts_at" in data and "ends_at" in data):
            raise ValidationError({"starts_at": [_("Beginn und Ende sind erforderlich.")]})


class EntryUpdateSchema(
    _KindChecks.from_dict(
        {
            **_common_input_fields(),
            "minor": fields.Boolean(
                load_default=False,
                metadata={
                    "description": "A minor change (a typo): the entry's followers are not "
                    "notified."
                },
            ),
            **kind_fields(dump=False),
        }
    )
):
    """Only the fields to change. The kind is that of the entry being changed."""


# -- attachments ---------------------------------------------------------------------------------


class AttachmentSchema(Schema):
    id = fields.Integer()
    uuid = fields.String()
    entry_id = fields.Integer()
    filename = fields.String(attribute="original_filename")
    media_type = fields.String()
    size = fields.Integer()
    description = fields.String()
    alt_text = fields.String()
    language = fields.String()
    created_at = fields.DateTime()
    download_url = fields.String()


class AttachmentFormSchema(StrictSchema):
    """The form fields of an upload besides the file (the view checks them: webargs reads
    only the ``files`` of a multipart request)."""

    description = fields.String(load_default="", validate=validate.Length(max=2000))
    alt_text = fields.String(load_default="", validate=validate.Length(max=2000))
    language = fields.String(load_default="de", validate=validate.OneOf(LANGUAGES))


class AttachmentUploadSchema(AttachmentFormSchema):
    """An upload as documented: the file and the form fields."""

    file = fields.Raw(required=True, metadata={"type": "string", "format": "binary"})


# -- search --------------------------------------------------------------------------------------


class SearchArgs(QuerySchema):
    q = fields.String(load_default="", validate=validate.Length(max=2000))
    tenant = fields.List(fields.String(validate=validate.Length(max=60)), load_default=list)
    kind = fields.List(fields.String(validate=_choice(EntryKind)), load_default=list)
    topic = fields.List(fields.String(validate=validate.Length(max=80)), load_default=list)
    year = fields.List(
        fields.Integer(validate=validate.Range(min=1900, max=2200)), load_default=list
    )
    sort = fields.String(load_default="relevance", validate=validate.OneOf(["relevance", "date"]))
    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=10_000))
    per_page = fields.Integer(load_default=10, validate=validate.Range(min=1, max=50))
    archived = fields.Boolean(load_default=False)
    exact = fields.Boolean(
        load_default=False,
        metadata={
            "description": "Match exactly the words typed: no filler words left out, no "
            "corrected spelling, no compound parts, no relaxed results (for saved searches)"
        },
    )


class SearchHitSchema(Schema):
    id = fields.Integer()
    kind = fields.String()
    tenant = fields.String()
    title = fields.String()
    summary = fields.String()
    snippet = fields.String(metadata={"description": "HTML with <mark> around matched words"})
    file = fields.String(allow_none=True, metadata={"description": "File the words were found in"})
    url = fields.String()
    score = fields.Float()
    other_versions = fields.List(
        fields.Integer(),
        metadata={
            "description": "Ids of the entry's other language versions that match too: an "
            "entry and its translations are one hit (and counted once in total and facets)"
        },
    )


class SearchResultSchema(Schema):
    total = fields.Integer()
    page = fields.Integer()
    per_page = fields.Integer()
    hits = fields.List(fields.Nested(SearchHitSchema))
    facets = fields.Dict(
        keys=fields.String(), values=fields.Dict(keys=fields.String(), values=fields.Integer())
    )
    suggestion = fields.String(
        allow_none=True,
        metadata={"description": "A spelling that would find more (exact searches)"},
    )
    corrected_query = fields.String(
        allow_none=True,
        metadata={
            "description": "The query searched instead of `q`, whose words found nothing as "
            "typed (repeat with exact=true to search `q` as typed); null if `q` was searched"
        },
    )
    relaxed = fields.Boolean(
        metadata={
            "description": "True when no entry holds all words: the hits hold most of them, "
            "those holding more words first"
        }
    )
    missing_words = fields.List(
        fields.String(),
        metadata={"description": "Words of the query that no visible entry holds (when relaxed)"},
    )


class SimilarSchema(Schema):
    items = fields.List(fields.Nested(EntrySchema))


# -- adoptions -----------------------------------------------------------------------------------


class AdoptionSchema(Schema):
    id = fields.Integer()
    uuid = fields.String()
    tenant = fields.String(metadata={"description": "Slug of the adopting tenant"})
    solution_id = fields.Integer()
    solution_tenant = fields.String()
    status = fields.String(metadata={"enum": [str(s) for s in AdoptionStatus]})
    changes = fields.String()
    contact_id = fields.Integer(allow_none=True)
    started_on = fields.Date(allow_none=True)
    decided_on = fields.Date(allow_none=True)
    visibility = fields.String()
    created_at = fields.DateTime()
    updated_at = fields.DateTime()


class AdoptionListSchema(PageSchema):
    items = fields.List(fields.Nested(AdoptionSchema))


class AdoptionListArgs(PaginationArgs):
    tenant = fields.String(validate=validate.Length(max=60))
    solution_id = fields.Integer(validate=_id_range())


def _adoption_fields() -> dict[str, fields.Field]:
    return {
        "status": fields.String(validate=_choice(AdoptionStatus)),
        "changes": fields.String(validate=validate.Length(max=20_000)),
        "contact_id": fields.Integer(allow_none=True, validate=_id_range()),
        "started_on": fields.Date(allow_none=True),
        "decided_on": fields.Date(allow_none=True),
        "visibility": fields.String(validate=_choice(Visibility)),
    }


class AdoptionCreateSchema(StrictSchema.from_dict(_adoption_fields())):
    solution_id = fields.Integer(required=True, validate=_id_range())
    tenant = fields.String(
        validate=validate.Length(max=60),
        metadata={"description": "Adopting tenant's slug; default: the caller's only tenant"},
    )


class AdoptionUpdateSchema(StrictSchema.from_dict(_adoption_fields())):
    pass


# -- questions and answers -----------------------------------------------------------------------


class AnswerSchema(Schema):
    id = fields.Integer()
    uuid = fields.String()
    question_id = fields.Integer()
    text = fields.String()
    author = fields.String(
        allow_none=True, metadata={"description": "Display name; null for anonymous callers"}
    )
    created_at = fields.DateTime()
    helpful = fields.Boolean(metadata={"description": "Marked helpful by the asker"})
    hidden = fields.Boolean()
    hidden_reason = fields.String(allow_none=True)


class QuestionSchema(Schema):
    id = fields.Integer()
    uuid = fields.String()
    entry_id = fields.Integer()
    url = fields.String()
    audience = fields.String(metadata={"enum": [str(a) for a in QuestionAudience]})
    text = fields.String()
    author = fields.String(
        allow_none=True, metadata={"description": "Display name; null for anonymous callers"}
    )
    created_at = fields.DateTime()
    hidden = fields.Boolean()
    hidden_reason = fields.String(allow_none=True)
    answers = fields.List(fields.Nested(AnswerSchema))


class QuestionListSchema(PageSchema):
    items = fields.List(fields.Nested(QuestionSchema))


class QuestionCreateSchema(StrictSchema):
    text = fields.String(
        required=True, validate=validate.Length(min=MIN_TEXT, max=MAX_QUESTION_TEXT)
    )
    audience = fields.String(
        load_default=str(QuestionAudience.ENTRY),
        validate=_choice(QuestionAudience),
        metadata={
            "description": "`entry`: whoever sees the entry; `owner`: only the owning tenant"
        },
    )


class AnswerCreateSchema(StrictSchema):
    text = fields.String(
        required=True, validate=validate.Length(min=MIN_TEXT, max=MAX_QUESTION_TEXT)
    )


class HideSchema(StrictSchema):
    reason = fields.String(required=True, validate=validate.Length(min=1, max=MAX_HIDE_REASON))
