"""Entries: revisions, permalinks, lost-update protection, soft deletion, consent, links."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from hanse_hub.accounts.models import Role
from hanse_hub.content import services as content
from hanse_hub.content.models import EntryKind, EntryStatus, Revision, Visibility
from hanse_hub.policy import Actor, PermissionDenied


@pytest.fixture
def city(factory):
    return factory.tenant("rostock", official_name="Hanse- und Universitätsstadt Rostock")


@pytest.fixture
def editor(factory, city):
    return factory.user(city, Role.EDITOR)


def test_every_change_is_kept_as_a_revision_with_the_previous_state(factory, city, editor):
    entry = factory.entry(city, author=editor, title="Parkraummanagement", status="draft")
    actor = Actor.of(editor)
    content.update_entry(actor, entry, {"summary": "Sensoren in Parkbuchten"})
    content.publish_entry(actor, entry)
    revisions = factory.session.scalars(
        select(Revision).where(Revision.entry_id == entry.id).order_by(Revision.version)
    ).all()
    assert [(r.version, r.action) for r in revisions] == [
        (1, "created"),
        (2, "updated"),
        (3, "published"),
    ]
    assert revisions[0].previous_state is None
    assert revisions[1].previous_state["summary"] == ""
    assert revisions[2].previous_state["status"] == "draft"
    assert revisions[2].actor_id == editor.id
    assert entry.version == 3


def test_stale_update_is_refused_and_changes_nothing(factory, city, editor):
    entry = factory.entry(city, author=editor, title="Alt")
    with pytest.raises(content.StaleEntry) as raised:
        content.update_entry(Actor.of(editor), entry, {"title": "Neu"}, expected_version=1)
    assert raised.value.current_version == entry.version == 2
    assert entry.title == "Alt"


def test_german_titles_make_readable_unique_slugs(factory, city, editor):
    first = factory.entry(city, author=editor, title="Straßenbeleuchtung Übersicht")
    second = factory.entry(city, author=editor, title="Straßenbeleuchtung Übersicht")
    assert first.slug == "strassenbeleuchtung-uebersicht"
    assert second.slug == "strassenbeleuchtung-uebersicht-2"


def test_a_deleted_entry_frees_its_slug(factory, city, editor):
    first = factory.entry(city, author=editor, title="Bürgerbeteiligung")
    content.delete_entry(Actor.of(editor), first)
    again = factory.entry(city, author=editor, title="Bürgerbeteiligung")
    assert again.slug == "buergerbeteiligung"


def test_renaming_moves_the_permalink_and_the_old_one_still_finds_the_entry(factory, city, editor):
    entry = factory.entry(city, author=editor, title="Pegelmessung")
    content.update_entry(Actor.of(editor), entry, {"title": "Pegelsensoren an der Trave"})
    assert entry.slug == "pegelsensoren-an-der-trave"
    lookup = content.get_entry_by_slug(Actor.of(None), city, "pegelmessung")
    assert lookup.entry.id == entry.id and lookup.redirected


def test_fields_of_another_kind_are_rejected(factory, city, editor):
    with pytest.raises(content.ContentError) as raised:
        content.create_entry(
            Actor.of(editor), city, EntryKind.LESSON, {"title": "X", "maturity": "pilot"}
        )
    assert raised.value.field == "maturity"


def test_soft_deleted_entries_vanish_and_only_city_admins_restore_them(factory, city, editor):
    admin = factory.user(city, Role.ADMIN)
    entry = factory.entry(city, author=editor)
    content.delete_entry(Actor.of(editor), entry)
    with pytest.raises(content.EntryNotFound):
        content.get_entry(Actor.of(editor), entry.id)
    with pytest.raises(PermissionDenied):
        content.restore_entry(Actor.of(editor), entry)
    assert [e.id for e in content.deleted_entries(Actor.of(admin), city)] == [entry.id]
    content.restore_entry(Actor.of(admin), entry)
    assert content.get_entry(Actor.of(None), entry.id).id == entry.id


def test_a_restored_entry_whose_slug_was_taken_meanwhile_gets_a_new_one(factory, city, editor):
    admin = factory.user(city, Role.ADMIN)
    first = factory.entry(city, author=editor, title="Parkraum")
    content.delete_entry(Actor.of(editor), first)
    second = factory.entry(city, author=editor, title="Parkraum")
    assert second.slug == "parkraum"  # the deleted entry's slug is free for a live one
    content.restore_entry(Actor.of(admin), first)
    factory.session.flush()
    assert first.deleted_at is None and first.slug not in ("parkraum", "")
    assert content.get_entry(Actor.of(None), first.id).slug == first.slug


def test_a_contact_is_published_only_with_consent(factory, city, editor):
    contact = factory.entry(city, kind="contact", author=editor, status="draft")
    with pytest.raises(content.ContentError):
        content.publish_entry(Actor.of(editor), contact)
    content.record_consent(Actor.of(editor), contact)
    content.publish_entry(Actor.of(editor), contact)
    assert contact.consent_recorded_by_id == editor.id


def test_withdrawn_consent_unpublishes_the_contact(factory, city, editor):
    contact = factory.entry(city, kind="contact", author=editor, visibility="public")
    content.withdraw_consent(Actor.of(editor), contact)
    assert contact.status == EntryStatus.DRAFT
    with pytest.raises(content.EntryNotFound):
        content.get_entry(Actor.of(None), contact.id)


def test_save_entry_creates_records_consent_and_publishes_in_one_call(factory, city, editor):
    contact = content.save_entry(
        Actor.of(editor),
        city,
        {"title": "Ansprechperson", "person_name": "Jana Kruse"},
        kind=EntryKind.CONTACT,
        consent=True,
        status=EntryStatus.PUBLISHED,
    )
    actions = factory.session.scalars(
        select(Revision.action).where(Revision.entry_id == contact.id).order_by(Revision.version)
    ).all()
    assert actions == ["created", "consent_recorded", "published"]
    assert contact.status == EntryStatus.PUBLISHED and contact.has_consent


def test_save_entry_withdraws_consent_and_the_contact_goes_back_to_draft(factory, city, editor):
    contact = factory.entry(city, kind="contact", author=editor)
    content.save_entry(Actor.of(editor), city, {}, entry=contact, consent=False)
    assert contact.status == EntryStatus.DRAFT and not contact.has_consent


def test_save_entry_refuses_to_archive_a_draft(factory, city, editor):
    entry = factory.entry(city, author=editor, status="draft")
    with pytest.raises(content.ContentError) as raised:
        content.save_entry(Actor.of(editor), city, {}, entry=entry, status=EntryStatus.ARCHIVED)
    assert raised.value.field == "status"
    assert entry.status == EntryStatus.DRAFT and entry.version == 1


def test_save_entry_refuses_a_stale_version_before_changing_anything(factory, city, editor):
    entry = factory.entry(city, author=editor, status="draft", title="Alt")
    content.update_entry(Actor.of(editor), entry, {"summary": "Von der Kollegin"})
    with pytest.raises(content.StaleEntry):
        content.save_entry(
            Actor.of(editor),
            city,
            {"title": "Neu"},
            entry=entry,
            status=EntryStatus.PUBLISHED,
            expected_version=1,
        )
    assert entry.status == EntryStatus.DRAFT


def test_related_entries_show_only_links_the_viewer_may_see(factory, city, editor):
    other = factory.tenant("luebeck")
    public = factory.entry(city, kind="contact", author=editor, visibility=Visibility.PUBLIC)
    internal = factory.entry(city, kind="contact", author=editor, visibility=Visibility.INTERNAL)
    solution = factory.entry(city, author=editor, contact_ids=[public.id, internal.id])
    lesson = factory.entry(other, kind="lesson", solution_ids=[solution.id])

    for_public = content.related_entries(Actor.of(None), solution)
    for_editor = content.related_entries(Actor.of(editor), solution, reverse=False)

    assert for_public["contacts"] == [public]
    assert for_public["lessons"] == [lesson]
    assert for_editor["contacts"] == [public, internal]
    assert "lessons" not in for_editor


def test_links_to_entries_the_author_cannot_see_are_refused(factory, city, editor):
    other = factory.tenant("luebeck")
    hidden = factory.entry(other, visibility=Visibility.INTERNAL)
    with pytest.raises(content.ContentError) as raised:
        content.create_entry(
            Actor.of(editor), city, EntryKind.LESSON, {"title": "L", "solution_ids": [hidden.id]}
        )
    assert raised.value.field == "solution_ids"


def test_internal_joint_project_entries_are_visible_to_participating_cities(factory, city):
    wismar = factory.tenant("wismar")
    wismar_reader = factory.user(wismar, Role.READER)
    joint = factory.entry(city, visibility="internal", participants=["wismar"])
    stranger = factory.user(factory.tenant("stralsund"), Role.READER)
    assert content.get_entry(Actor.of(wismar_reader), joint.id).id == joint.id
    with pytest.raises(content.EntryNotFound):
        content.get_entry(Actor.of(stranger), joint.id)


def test_a_translation_must_be_in_another_language(factory, city, editor):
    original = factory.entry(city, author=editor, language="de")
    with pytest.raises(content.ContentError):
        factory.entry(city, author=editor, language="de", translation_of_id=original.id)
    english = factory.entry(city, author=editor, language="en", translation_of_id=original.id)
    assert original.translations == [english]


def test_archived_entries_stay_readable_but_leave_the_search_scope(factory, city, editor):
    entry = factory.entry(city, author=editor, status="archived")
    anonymous = Actor.of(None)
    everything = factory.session.scalars(content.visible_entries(anonymous)).all()
    current = factory.session.scalars(
        content.visible_entries(anonymous, include_archived=False)
    ).all()
    assert entry in everything and entry not in current


def test_timestamps_are_stored_and_returned_as_utc(factory, city, editor):
    entry = factory.entry(city, author=editor)
    factory.session.expire(entry)
    assert entry.created_at.utcoffset().total_seconds() == 0
