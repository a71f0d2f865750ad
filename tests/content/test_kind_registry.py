"""The kind registry: each kind's fields declared once, and everything else derived from it."""

from __future__ import annotations

import pytest
from marshmallow import Schema, ValidationError
from werkzeug.datastructures import MultiDict

from hanse_hub.api import schemas
from hanse_hub.content import kinds, revisions
from hanse_hub.content.forms import form_class_for
from hanse_hub.content.models import EntryKind
from hanse_hub.search.indexing import entry_fields

FUNDING = kinds.Field("funding", kinds.FieldType.TEXT, "Förderung", max_length=500, searched=True)


@pytest.fixture
def registry():
    """A test-only registry: solutions get a field ``funding`` that no module knows of."""
    return kinds.REGISTRY.with_field(EntryKind.SOLUTION, FUNDING)


def test_a_field_added_to_a_kind_appears_in_the_web_form(app, registry):
    form_class = form_class_for(EntryKind.SOLUTION, registry)
    assert form_class.kind_field_names[-1] == "funding"
    with app.test_request_context(method="POST"):
        form = form_class(formdata=MultiDict({"funding": "Städtebauförderung"}))
        assert form.funding.label.text == "Förderung"
        assert form.kind_data()["funding"] == "Städtebauförderung"
    assert "funding" not in form_class_for(EntryKind.LESSON, registry).kind_field_names


def test_a_field_added_to_a_kind_appears_in_the_api_schema(registry):
    schema = Schema.from_dict(schemas.kind_fields(dump=False, registry=registry))()
    assert schema.load({"funding": "Städtebauförderung"}) == {"funding": "Städtebauförderung"}
    with pytest.raises(ValidationError):
        schema.load({"funding": "x" * 501})  # the registry's limit
    assert "funding" not in schemas.kind_fields(dump=False)  # the real registry is untouched


def test_a_field_added_to_a_kind_appears_in_the_index(factory, rostock, registry):
    entry = factory.entry(rostock, title="Gründachkataster")
    entry.funding = "Städtebauförderung des Landes"  # the column a migration would add
    assert "Städtebauförderung des Landes" in entry_fields(entry, registry)
    assert "Städtebauförderung des Landes" not in entry_fields(entry)


def test_a_field_added_to_a_kind_appears_in_the_history(registry):
    fields = kinds.history_fields(registry)
    assert "funding" in fields and "funding" not in kinds.history_fields()
    assert kinds.field_labels(registry)["funding"] == "Förderung"
    before, after = {"title": "A", "funding": "alt"}, {"title": "A", "funding": "neu"}
    assert revisions.changed_fields(before, after, fields) == ["funding"]
    assert revisions.changed_fields(before, after) == []  # the real history knows no funding


def test_the_registry_derives_what_services_api_index_and_history_knew_before():
    # The values the modules wrote out by hand before the registry existed (plus ``left_at``,
    # added through the registry for questions, issue #13).
    assert kinds.plain_fields(EntryKind.CONTACT) == {
        "person_name", "position", "org_unit", "email", "phone", "expertise", "left_at",
    }  # fmt: skip
    assert kinds.link_fields(EntryKind.SOLUTION) == {"contact_ids": ("contacts", EntryKind.CONTACT)}
    assert kinds.reference_fields(EntryKind.MATERIAL) == {
        "event_id": ("event_id", EntryKind.EVENT),
        "solution_id": ("solution_id", EntryKind.SOLUTION),
    }
    assert [f.name for f in kinds.searched_fields(EntryKind.SOLUTION)] == [
        "problem", "approach", "transferability", "costs", "partners", "technologies",
    ]  # fmt: skip
    assert kinds.history_fields()[:12] == (
        "title", "summary", "body", "topics", "tags", "visibility", "language", "licence",
        "review_by", "participants", "maturity", "problem",
    )  # fmt: skip
    assert kinds.history_fields()[-3:] == ("event_id", "solution_id", "speakers")
