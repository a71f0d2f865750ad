"""The permission matrix: the policy's rules written once, checked against the real code.

The table below states, for each relation of an actor to an entry, what the
actor may see and do. It is expanded over every kind × visibility × status ×
action, and each generated case is checked against the real services and the
real database queries (not against the policy function alone).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import pytest

from hanse_hub.accounts import services as accounts
from hanse_hub.accounts.models import Role
from hanse_hub.content import services as content
from hanse_hub.content.models import EntryKind, EntryStatus, Visibility
from hanse_hub.extensions import db
from hanse_hub.policy import Action, Actor, PermissionDenied, can
from tests.factories import KIND_REQUIRED

ALL = frozenset(Visibility)
PUBLIC = frozenset({Visibility.PUBLIC})
NETWORK = frozenset({Visibility.PUBLIC, Visibility.NETWORK})


@dataclass(frozen=True)
class Rule:
    reads: frozenset[Visibility]  # visibilities readable once published or archived
    reads_drafts: bool
    writes: bool  # create, edit, publish, archive, delete in the owning tenant


# The rules, once. "author" wrote the entries as an editor and is now a reader of the city;
# "deactivated" was an editor of the owning city; "hub_admin" has no membership.
RULES: dict[str, Rule] = {
    "anonymous": Rule(PUBLIC, reads_drafts=False, writes=False),
    "deactivated": Rule(PUBLIC, reads_drafts=False, writes=False),
    "hub_admin": Rule(PUBLIC, reads_drafts=False, writes=False),
    "author": Rule(ALL, reads_drafts=True, writes=False),
    "owner_reader": Rule(ALL, reads_drafts=False, writes=False),
    "owner_editor": Rule(ALL, reads_drafts=True, writes=True),
    "owner_admin": Rule(ALL, reads_drafts=True, writes=True),
    "other_reader": Rule(NETWORK, reads_drafts=False, writes=False),
    "other_editor": Rule(NETWORK, reads_drafts=False, writes=False),
    "other_admin": Rule(NETWORK, reads_drafts=False, writes=False),
}
ACTIONS = ("view", "list", "search_visible", "create", "edit", "publish", "delete")


def expected(relation: str, visibility: Visibility, status: EntryStatus, action: str) -> bool:
    rule = RULES[relation]
    readable = rule.reads_drafts if status == EntryStatus.DRAFT else visibility in rule.reads
    match action:
        case "view" | "list":
            return readable
        case "search_visible":  # archived entries are left out of search unless asked for
            return readable and status != EntryStatus.ARCHIVED
        case "create" | "edit" | "delete":
            return rule.writes
        case "publish":
            return rule.writes and status != EntryStatus.PUBLISHED


@pytest.fixture
def world(factory, session):
    """Two cities, one actor per relation, one entry per kind × visibility × status."""
    owner, other = factory.tenant("matrix-owner"), factory.tenant("matrix-other")
    users = {
        "author": factory.user(owner, Role.EDITOR),
        "owner_reader": factory.user(owner, Role.READER),
        "owner_editor": factory.user(owner, Role.EDITOR),
        "owner_admin": factory.user(owner, Role.ADMIN),
        "other_reader": factory.user(other, Role.READER),
        "other_editor": factory.user(other, Role.EDITOR),
        "other_admin": factory.user(other, Role.ADMIN),
        "hub_admin": factory.user(hub_admin=True),
        "deactivated": factory.user(owner, Role.EDITOR),
    }
    anchor = factory.entry(owner, author=users["owner_editor"], title="Anker-Lösung")
    entries = {}
    for kind, visibility, status in itertools.product(EntryKind, Visibility, EntryStatus):
        extra = {"solution_id": anchor.id} if kind == EntryKind.MATERIAL else {}
        entry = factory.entry(
            owner,
            kind=kind,
            author=users["author"],
            visibility=visibility,
            status=status,
            title=f"{kind} {visibility} {status}",
            **extra,
        )
        if kind == EntryKind.CONTACT and status == EntryStatus.DRAFT:
            content.record_consent(Actor.of(users["author"]), entry)
        entries[(kind, visibility, status)] = entry
    accounts.set_role(None, users["author"], owner, Role.READER)  # demoted after writing
    accounts.deactivate_user(None, users["deactivated"])
    session.flush()
    actors = {name: Actor.of(user) for name, user in users.items()}
    actors["anonymous"] = Actor.of(None)
    return owner, anchor, actors, entries


def _attempt(session, operation) -> bool:
    """Run a write use case in a savepoint; report whether the policy allowed it."""
    savepoint = session.begin_nested()
    try:
        operation()
        return True
    except (PermissionDenied, content.EntryNotFound):
        return False
    finally:
        savepoint.rollback()


def test_permission_matrix_matches_policy_and_queries(world, session):
    owner, anchor, actors, entries = world
    cases, mismatches = 0, []
    for relation, actor in actors.items():
        listed = set(
            session.scalars(content.visible_entries(actor).with_only_columns(content.Entry.id))
        )
        searchable = set(
            session.scalars(
                content.visible_entries(actor, include_archived=False).with_only_columns(
                    content.Entry.id
                )
            )
        )
        for (kind, visibility, status), entry in entries.items():
            entry_id = entry.id

            def view(entry_id=entry_id, actor=actor):
                return content.get_entry(actor, entry_id)

            def create(kind=kind, visibility=visibility, status=status, actor=actor):
                data = {"title": "Neu", "visibility": visibility, **KIND_REQUIRED.get(kind, dict)()}
                if kind == EntryKind.MATERIAL:
                    data["solution_id"] = anchor.id
                if kind == EntryKind.CONTACT:
                    status = EntryStatus.DRAFT  # a contact is published only after consent
                content.create_entry(actor, owner, kind, data, status=status)

            def edit(entry_id=entry_id, actor=actor):
                content.update_entry(
                    actor, db.session.get(content.Entry, entry_id), {"summary": "geändert"}
                )

            def publish(entry_id=entry_id, actor=actor):
                content.publish_entry(actor, db.session.get(content.Entry, entry_id))

            def delete(entry_id=entry_id, actor=actor):
                content.delete_entry(actor, db.session.get(content.Entry, entry_id))

            loaded = db.session.get(content.Entry, entry_id)
            actual = {
                "view": _attempt(session, view),
                "list": entry_id in listed,
                "search_visible": entry_id in searchable,
                "create": _attempt(session, create),
                "edit": _attempt(session, edit),
                "publish": _attempt(session, publish),
                "delete": _attempt(session, delete),
            }
            # The policy's own answer must agree with what the services did.
            policy_says = {
                "view": can(actor, Action.VIEW, loaded),
                "edit": can(actor, Action.EDIT, loaded),
                "publish": can(actor, Action.PUBLISH, loaded),
                "delete": can(actor, Action.DELETE, loaded),
            }
            for action in ACTIONS:
                cases += 1
                want = expected(relation, visibility, status, action)
                got = actual[action]
                if got != want or policy_says.get(action, want) != want:
                    mismatches.append(
                        f"{relation} {action} {kind}/{visibility}/{status}: "
                        f"expected {'allowed' if want else 'denied'}, "
                        f"service {'allowed' if got else 'denied'}, "
                        f"policy {policy_says.get(action)}"
                    )
    print(f"permission matrix: {cases} cases, {len(mismatches)} mismatches")
    assert cases >= 1000
    assert not mismatches, "\n".join(mismatches[:40])
