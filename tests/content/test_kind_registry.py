"""The kind registry: each kind's fields declared once, and everything else derived from it."""

from __future__ import annotations

import pytest
from marshmallow import Schema, ValidationError
from werkzeug.datastructures import MultiDict

from hanse_hub.accounts.models import Role
from hanse_hub.api import schemas
from hanse_hub.content import kinds, revisions
from hanse_hub.content.forms import entry_form, form_class_for
from hanse_hub.content.models import EntryKind
from hanse_hub.policy import Actor
from hanse_hub.search.indexing import entry_fields

FieldType = kinds.FieldType

# One new field for each kind (a test-only registry; no module knows of these fields): a field
# of each type a form may gain, each with its form hints, and a value the API, the form, the
# index and the history take.
NEW_FIELDS = {
    EntryKind.SOLUTION: (
        kinds.Field("funding", FieldType.TEXT, "Förderung", max_length=500, searched=True),
        "Städtebauförderung",
    ),
    EntryKind.LESSON: (
        kinds.Field(
            "duration",
            FieldType.LINE,
            "Dauer",
            max_length=100,
            searched=True,
            form=kinds.FormHints(label="Wie lange lief das Projekt?", help="z. B. zwei Jahre"),
        ),
        "Achtzehn Monate",
    ),
    EntryKind.CONTACT: (
        kinds.Field(
            "languages",
            FieldType.LIST,
            "Sprachen",
            item_max_length=40,
            max_items=5,
            searched=True,
            form=kinds.FormHints(help="Durch Kommas getrennt"),
        ),
        ["Plattdeutsch", "Dänisch"],
    ),
    EntryKind.EVENT: (
        kinds.Field(
            "accessibility",
            FieldType.TEXT,
            "Barrierefreiheit",
            max_length=2000,
            searched=True,
            form=kinds.FormHints(one_line=True, max_length=300),
        ),
        "Stufenloser Zugang zum Saal",
    ),
    EntryKind.MATERIAL: (
        kinds.Field(
            "recording_url",
            FieldType.URL,
            "Aufzeichnung",
            max_length=500,
            nullable=True,
            searched=True,
        ),
        "https://example.org/aufzeichnung",
    ),
}
# What each new field's form field must refuse, and the form's message for it.
REFUSED = {
    EntryKind.SOLUTION: ("x" * 501, "Höchstens 500 Zeichen."),
    EntryKind.LESSON: ("x" * 101, "Höchstens 100 Zeichen."),
    EntryKind.CONTACT: ("a, b, c, d, e, f", "Höchstens 5 Einträge, durch Kommas getrennt."),
    EntryKind.EVENT: ("x" * 301, "Höchstens 300 Zeichen."),
    EntryKind.MATERIAL: ("ftp://example.org/a", "Bitte geben Sie eine Adresse mit https:// an."),
}


def _form_input(value) -> str:
    return ", ".join(value) if isinstance(value, list) else value


def _entry(factory, tenant, kind: EntryKind, **data):
    """An entry of ``kind`` (material belongs to a solution)."""
    if kind == EntryKind.MATERIAL:
        data["solution_id"] = factory.entry(tenant).id
    return factory.entry(tenant, kind=kind, **data)


@pytest.fixture
def registry():
    """A test-only registry: every kind gets the field of ``NEW_FIELDS``."""
    result = kinds.REGISTRY
    for kind, (field, _value) in NEW_FIELDS.items():
        result = result.with_field(kind, field)
    return result


@pytest.mark.parametrize("kind", list(NEW_FIELDS), ids=str)
def test_a_field_added_to_a_kind_appears_in_the_web_form(app, registry, kind):
    field, value = NEW_FIELDS[kind]
    form_class = form_class_for(kind, registry)
    assert form_class.kind_field_names[-1] == field.name
    assert field.name not in form_class_for(kind).kind_field_names  # the real form is untouched
    with app.test_request_context(method="POST"):
        form = form_class(formdata=MultiDict({field.name: _form_input(value)}))
        bound = form[field.name]
        assert bound.label.text == (field.form.label or field.label)
        assert bound.description == (field.form.help or "")
        assert form.kind_data()[field.name] == value
        assert bound in form.kind_fields()
        # The registry's limits are the form's, with the form's German message.
        refused, message = REFUSED[kind]
        form = form_class(formdata=MultiDict({field.name: refused}))
        form.validate()
        assert message in form[field.name].errors
    others = [k for k in NEW_FIELDS if k != kind]
    assert all(field.name not in form_class_for(k, registry).kind_field_names for k in others)


def test_a_link_added_to_a_kind_offers_the_entries_the_editor_may_see(
    app, factory, rostock, registry
):
    # Links get their choices per request, by their target kind: a link to lessons offers
    # the lessons the editor can see (not an internal draft of another city), a link to
    # contacts is the people picker.
    related = kinds.Field(
        "related_lessons",
        FieldType.LINKS,
        "Verwandte Erfahrungen",
        target=EntryKind.LESSON,
        api_name="related_lesson_ids",
    )
    registry = registry.with_field(EntryKind.EVENT, related)
    lesson = factory.entry(rostock, kind=EntryKind.LESSON, title="Losweise vergeben")
    wismar = factory.tenant("wismar", short_name="Wismar")
    hidden = factory.entry(
        wismar, kind=EntryKind.LESSON, title="Entwurf", status="draft", visibility="internal"
    )
    editor = factory.user(rostock, Role.EDITOR)
    with app.test_request_context():
        form = entry_form(EntryKind.EVENT, Actor.of(editor), rostock, registry=registry)
        offered = [choice.value for choice in form.related_lesson_ids.choices]
        assert str(lesson.id) in offered and str(hidden.id) not in offered
        assert form.people_field is None
        solution_form = entry_form(EntryKind.SOLUTION, Actor.of(editor), rostock, registry=registry)
        assert solution_form.people_field == "contact_ids"


@pytest.mark.parametrize("kind", list(NEW_FIELDS), ids=str)
def test_a_field_added_to_a_kind_is_filled_in_when_an_entry_is_edited(
    app, factory, rostock, registry, kind
):
    field, value = NEW_FIELDS[kind]
    entry = _entry(factory, rostock, kind)
    setattr(entry, field.name, value)  # the column a migration would add
    with app.test_request_context():
        data = form_class_for(kind, registry).initial_data(entry)
    assert data[field.name] == _form_input(value)


@pytest.mark.parametrize("kind", list(NEW_FIELDS), ids=str)
def test_a_field_added_to_a_kind_appears_in_the_api_schema(registry, kind):
    field, value = NEW_FIELDS[kind]
    schema = Schema.from_dict(schemas.kind_fields(dump=False, registry=registry))()
    assert schema.load({field.name: value}) == {field.name: value}
    with pytest.raises(ValidationError):
        schema.load({field.name: "x" * 2001 if field.type != FieldType.LIST else ["x" * 41]})
    assert field.name not in schemas.kind_fields(dump=False)  # the real registry is untouched


@pytest.mark.parametrize("kind", list(NEW_FIELDS), ids=str)
def test_a_field_added_to_a_kind_appears_in_the_index(factory, rostock, registry, kind):
    field, value = NEW_FIELDS[kind]
    entry = _entry(factory, rostock, kind, title="Gründachkataster")
    setattr(entry, field.name, value)  # the column a migration would add
    indexed = " ".join(entry_fields(entry, registry))
    assert _form_input(value).replace(",", "") in indexed
    assert _form_input(value).replace(",", "") not in " ".join(entry_fields(entry))


@pytest.mark.parametrize("kind", list(NEW_FIELDS), ids=str)
def test_a_field_added_to_a_kind_appears_in_the_history(registry, kind):
    field, _value = NEW_FIELDS[kind]
    fields = kinds.history_fields(registry)
    assert field.name in fields and field.name not in kinds.history_fields()
    assert kinds.field_labels(registry)[field.name] == field.label
    before, after = {"title": "A", field.name: "alt"}, {"title": "A", field.name: "neu"}
    assert revisions.changed_fields(before, after, fields) == [field.name]
    assert revisions.changed_fields(before, after) == []  # the real history knows no such field


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
