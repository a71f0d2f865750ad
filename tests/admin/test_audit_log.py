"""The audit log records permission changes, publishing and deletions; admins read their part."""

from __future__ import annotations

import pytest

from hanse_hub.accounts.audit_log import audit_events
from hanse_hub.accounts.models import AuditEvent, Role
from hanse_hub.content import services as content
from hanse_hub.policy import Actor, PermissionDenied
from tests.admin.helpers import audit_actions, post_form, text


def _client_for(app, factory, user):
    client = app.test_client()
    factory.login(client, user)
    return client


def test_publishing_archiving_deleting_and_restoring_are_recorded(factory, rostock, session):
    editor = factory.user(rostock, Role.EDITOR)
    admin = factory.user(rostock, Role.ADMIN)
    entry = factory.entry(rostock, author=editor, status="draft")
    content.publish_entry(Actor.of(editor), entry)
    content.archive_entry(Actor.of(editor), entry)
    content.delete_entry(Actor.of(editor), entry)
    content.restore_entry(Actor.of(admin), entry)
    events = session.query(AuditEvent).filter(AuditEvent.target == f"entry:{entry.uuid}").all()
    assert [e.action for e in events] == [
        "entry_published",
        "entry_archived",
        "entry_deleted",
        "entry_restored",
    ]
    assert {e.tenant_id for e in events} == {rostock.id}
    assert events[0].actor_id == editor.id and events[-1].actor_id == admin.id
    assert events[0].detail == {
        "entry_id": entry.id,
        "kind": "solution",
        "title": entry.title,
        "visibility": "public",
    }


def test_a_refused_publication_leaves_no_audit_event(factory, rostock, luebeck):
    entry = factory.entry(rostock, status="draft")
    outsider = factory.user(luebeck, Role.EDITOR)
    with pytest.raises(PermissionDenied):
        content.publish_entry(Actor.of(outsider), entry)
    assert "entry_published" not in audit_actions(target=f"entry:{entry.uuid}")


def test_city_admin_sees_own_tenants_events_only(app, factory, rostock, luebeck):
    rostock_entry = factory.entry(rostock, title="Parksensoren am Stadthafen")
    factory.entry(luebeck, title="Pegel an der Trave")
    rostock_admin = factory.user(rostock, Role.ADMIN)
    page = text(_client_for(app, factory, rostock_admin).get("/verwaltung/protokoll"))
    assert "Eintrag veröffentlicht" in page and "Parksensoren am Stadthafen" in page
    assert "Pegel an der Trave" not in page and f"Nr. {rostock_entry.id}" not in page
    result = audit_events(Actor.of(rostock_admin))
    assert {event.tenant_id for event in result.items} == {rostock.id}


def test_hub_admin_sees_every_event_but_no_hidden_titles(app, factory, rostock, luebeck):
    internal = factory.entry(luebeck, visibility="internal", title="Interne Ausschreibung")
    factory.entry(rostock, title="Offene Daten Rostock")
    hub_admin = factory.user(hub_admin=True)
    page = text(_client_for(app, factory, hub_admin).get("/verwaltung/protokoll"))
    assert "Offene Daten Rostock" in page
    # Hub admins see content only as their memberships allow: the event, not the title.
    assert "Interne Ausschreibung" not in page and f"Lösung Nr. {internal.id}" in page


def test_role_changes_appear_on_the_audit_page_filtered_by_action(app, factory, rostock):
    admin = factory.user(rostock, Role.ADMIN)
    member = factory.user(rostock, Role.READER, email="befoerdert@rostock.example")
    factory.entry(rostock)
    client = _client_for(app, factory, admin)
    post_form(client, f"/verwaltung/rostock/mitglieder/{member.id}/rolle", {"role": "editor"})
    page = text(client.get("/verwaltung/protokoll?aktion=role_changed"))
    assert "befoerdert@rostock.example" in page and "Lesen → Redaktion" in page
    assert "Eintrag veröffentlicht</td>" not in page


def test_editors_and_anonymous_visitors_cannot_read_the_audit_log(app, client, factory, rostock):
    editor = factory.user(rostock, Role.EDITOR)
    assert _client_for(app, factory, editor).get("/verwaltung/protokoll").status_code == 403
    assert client.get("/verwaltung/protokoll").status_code == 302
    with pytest.raises(PermissionDenied):
        audit_events(Actor.of(editor))


def test_audit_page_is_paginated_and_survives_odd_parameters(app, factory, rostock):
    admin = factory.user(rostock, Role.ADMIN)
    for _ in range(3):
        factory.entry(rostock)
    actor = Actor.of(admin)
    first, second = audit_events(actor, page=1, per_page=2), audit_events(actor, page=2, per_page=2)
    assert first.total == 3 and first.pages == 2 and len(second.items) == 1
    assert {e.id for e in first.items}.isdisjoint(e.id for e in second.items)
    client = _client_for(app, factory, admin)
    for query in (
        "?seite=x",
        "?seite=0",
        "?seite=123456789",
        "?aktion=gibts-nicht",
        "?organisation=luebeck",
    ):
        assert client.get("/verwaltung/protokoll" + query).status_code == 200
