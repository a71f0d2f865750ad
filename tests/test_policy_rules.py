"""The policy's rules in words, checked exhaustively against its Python and search forms.

The permission matrix (test_permission_matrix.py) checks the rules through the services and
the database; this module checks every combination of roles in three cities against every
kind of entry without a database, in well under a second. It is what the mutation run
(``make mutate``, docs/testing.md) tries first, and each rule below says which line of
``hanse_hub/policy.py`` it pins.
"""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from types import SimpleNamespace

import pytest

from hanse_hub import policy
from hanse_hub.accounts.models import Role
from hanse_hub.conditions import matches
from hanse_hub.content.models import Adoption, EntryStatus, Solution, Visibility
from hanse_hub.policy import ANONYMOUS, Action, Actor, scope_for
from hanse_hub.tenants.models import Tenant

OWNER, OTHER, PARTNER = 1, 2, 3
ME, SOMEONE_ELSE = 7, 8
DELETED_AT = datetime(2026, 1, 1, tzinfo=UTC)


def _actors() -> dict[str, Actor]:
    """Anonymous, and a user with every combination of no role or a role in three cities,
    once as hub admin too."""
    actors = {"anonymous": ANONYMOUS}
    choices = (None, *Role)
    for owner, other, partner in itertools.product(choices, repeat=3):
        roles = {
            tenant: role
            for tenant, role in ((OWNER, owner), (OTHER, other), (PARTNER, partner))
            if role is not None
        }
        for hub_admin in (False, True):
            name = f"owner={owner} other={other} partner={partner} hub_admin={hub_admin}"
            actors[name] = Actor(user_id=ME, is_hub_admin=hub_admin, roles=roles)
    return actors


ACTORS = _actors()
ENTRIES = [
    {
        "tenant_id": OWNER,
        "visibility": visibility,
        "status": status,
        "author_id": author_id,
        "participant_ids": participant_ids,
        "deleted": deleted,
    }
    for visibility, status, author_id, participant_ids, deleted in itertools.product(
        Visibility, EntryStatus, (None, ME, SOMEONE_ELSE), ((), (PARTNER,)), (False, True)
    )
]


def may_read(actor: Actor, entry: dict) -> bool:
    """The rules of the module docstring of policy.py, written out independently."""
    if entry["deleted"]:
        return False  # soft-deleted entries are seen by nobody
    roles = actor.roles
    if entry["status"] == EntryStatus.DRAFT:
        # drafts: editors and admins of the owning city, and their author (a real one)
        owner_role = roles.get(entry["tenant_id"])
        is_author = actor.user_id is not None and entry["author_id"] == actor.user_id
        return (owner_role in (Role.EDITOR, Role.ADMIN)) or is_author
    if entry["visibility"] == Visibility.PUBLIC:
        return True
    if entry["visibility"] == Visibility.NETWORK:
        return bool(roles)  # members of any city
    return any(t in roles for t in (entry["tenant_id"], *entry["participant_ids"]))


def test_python_scope_follows_the_rules_for_every_role_combination():
    """``VisibilityScope.allows`` and ``scope_for``: deleted entries (``if deleted``), drafts
    only for the owning city's editors (``draft_tenant_ids``, not member tenants) and for
    their real author (``self.author_id is not None``: an orphaned draft, author NULL, is
    nobody's), network for members only, internal for owners and joint-project participants.
    """
    wrong = []
    for (name, actor), entry in itertools.product(ACTORS.items(), ENTRIES):
        got = scope_for(actor).allows(**entry)
        if got != may_read(actor, entry):
            wrong.append(f"{name}: {entry} -> {got}")
    assert wrong == [], "\n".join(wrong[:20])


@pytest.mark.parametrize("include_archived", [False, True])
def test_search_condition_follows_the_rules_for_every_role_combination(include_archived):
    """``search_condition``: the same rules as the Python scope for live entries (the index
    holds no deleted ones), network entries only for members (``if self.network``), internal
    ones for participants (``participant_ids``), drafts only for the owning city's editors
    and their author, archived entries only when asked for — for editors too.
    """
    wrong = []
    for (name, actor), entry in itertools.product(ACTORS.items(), ENTRIES):
        if entry["deleted"]:
            continue
        document = {key: value for key, value in entry.items() if key != "deleted"}
        condition = scope_for(actor).search_condition(include_archived=include_archived)
        got = matches(condition, document)
        want = may_read(actor, entry) and (
            include_archived or entry["status"] != EntryStatus.ARCHIVED
        )
        if got != want:
            wrong.append(f"{name}: {entry} -> {got}")
    assert wrong == [], "\n".join(wrong[:20])


def test_search_condition_leaves_archived_entries_out_unless_asked():
    """``include_archived: bool = False``: a search that does not say otherwise (the search
    box, feeds, suggestions) never lists an archived entry, not even its owners'."""
    archived = {
        "tenant_id": OWNER,
        "status": EntryStatus.ARCHIVED,
        "visibility": Visibility.PUBLIC,
        "author_id": ME,
        "participant_ids": [],
    }
    for name, actor in ACTORS.items():
        assert not matches(scope_for(actor).search_condition(), archived), name


def _entry(status: EntryStatus, visibility=Visibility.PUBLIC, deleted=False, participants=()):
    entry = Solution(
        tenant_id=OWNER,
        status=status,
        visibility=visibility,
        author_id=ME,
        deleted_at=DELETED_AT if deleted else None,
    )
    entry.participants = [Tenant(id=tenant_id) for tenant_id in participants]
    return entry


def may(actor: Actor, action: Action, status: EntryStatus, deleted: bool) -> bool:
    owner_role = actor.roles.get(OWNER)
    if deleted:
        return action == Action.RESTORE and owner_role == Role.ADMIN
    if owner_role not in (Role.EDITOR, Role.ADMIN):
        return False
    match action:
        case Action.EDIT | Action.DELETE:
            return True
        case Action.PUBLISH:
            return status != EntryStatus.PUBLISHED
        case Action.ARCHIVE:
            return status == EntryStatus.PUBLISHED
    return False  # restoring a live entry


def test_can_decides_every_action_by_role_status_and_deletion():
    """``can``: on a deleted entry only its city's admins may restore, nothing else (``action
    == RESTORE and is_admin_of``); writing needs editor or admin in the owning city; publish
    what is not published, archive what is; viewing follows the scope."""
    wrong = []
    for (name, actor), status, deleted in itertools.product(
        ACTORS.items(), EntryStatus, (False, True)
    ):
        for visibility in Visibility:
            entry = _entry(status, visibility, deleted, participants=(PARTNER,))
            for action in Action:
                got = policy.can(actor, action, entry)
                if action == Action.VIEW:
                    want = may_read(
                        actor,
                        {
                            "tenant_id": OWNER,
                            "visibility": visibility,
                            "status": status,
                            "author_id": ME,
                            "participant_ids": (PARTNER,),
                            "deleted": deleted,
                        },
                    )
                else:
                    want = may(actor, action, status, deleted)
                if got != want:
                    wrong.append(f"{name}: {action} {status} {visibility} {deleted} -> {got}")
                try:
                    policy.require(actor, action, entry)
                    required = True
                except policy.PermissionDenied:
                    required = False
                if required != got:
                    wrong.append(f"require disagrees with can: {name} {action}")
    assert wrong == [], "\n".join(wrong[:20])


def test_visible_filters_a_loaded_list_in_order_without_deleted_or_unreadable_entries():
    """``visible``: what relationships (contacts, materials, speakers, translations) hand to
    pages is filtered by the scope — soft-deleted linked entries and drafts disappear."""
    live = _entry(EntryStatus.PUBLISHED)
    deleted = _entry(EntryStatus.PUBLISHED, deleted=True)
    draft = _entry(EntryStatus.DRAFT)
    other_live = _entry(EntryStatus.ARCHIVED)
    entries = [other_live, deleted, draft, live]
    assert policy.visible(ANONYMOUS, entries) == [other_live, live]
    editor = Actor(user_id=SOMEONE_ELSE, roles={OWNER: Role.EDITOR})
    assert policy.visible(editor, entries) == [other_live, draft, live]


def _user(*, active=True, authenticated=True, hub_admin=False, roles=None):
    return SimpleNamespace(
        id=ME,
        is_active=active,
        is_authenticated=authenticated,
        is_hub_admin=hub_admin,
        memberships=[
            SimpleNamespace(tenant_id=tenant_id, role=role)
            for tenant_id, role in (roles or {}).items()
        ],
    )


def test_actor_of_a_user_carries_roles_and_deactivated_or_missing_users_are_anonymous():
    """``Actor.of``: roles from memberships; None, unauthenticated or deactivated users act as
    anonymous visitors (each condition of the ``or`` on its own)."""
    assert Actor.of(None) is ANONYMOUS
    assert Actor.of(_user(authenticated=False, roles={OWNER: Role.ADMIN})) is ANONYMOUS
    assert Actor.of(_user(active=False, roles={OWNER: Role.ADMIN})) is ANONYMOUS
    # An object that does not say it is authenticated is not (the getattr default).
    unclear = _user(roles={OWNER: Role.ADMIN})
    del unclear.is_authenticated
    assert Actor.of(unclear) is ANONYMOUS
    actor = Actor.of(_user(hub_admin=True, roles={OWNER: Role.EDITOR, OTHER: Role.READER}))
    assert actor == Actor(
        user_id=ME, is_hub_admin=True, roles={OWNER: Role.EDITOR, OTHER: Role.READER}
    )
    assert not actor.is_anonymous and ANONYMOUS.is_anonymous
    assert actor.editable_tenant_ids == {OWNER}
    assert scope_for(ANONYMOUS) == policy.VisibilityScope()
    hub_admin_only = Actor(user_id=ME, is_hub_admin=True)
    assert scope_for(hub_admin_only).network is False  # no all-seeing role


@pytest.mark.parametrize("actor", list(ACTORS.values()), ids=list(ACTORS))
def test_administration_rights_follow_roles(actor):
    """Member management is for a city's admins, hub administration for hub admins; city
    creation rights for editors and admins of that city."""
    for tenant in (OWNER, OTHER, PARTNER):
        role = actor.roles.get(tenant)
        assert policy.can_create_in(actor, tenant) == (role in (Role.EDITOR, Role.ADMIN))
        assert policy.can_manage_members(actor, tenant) == (role == Role.ADMIN)
        assert policy.can_administer_tenant(actor, tenant) == (
            role == Role.ADMIN or actor.is_hub_admin
        )
    admin_of = {t for t, role in actor.roles.items() if role == Role.ADMIN}
    assert policy.administered_tenant_ids(actor) == admin_of
    assert policy.can_manage_hub(actor) == actor.is_hub_admin
    assert policy.can_see_administration(actor) == (actor.is_hub_admin or bool(admin_of))


@pytest.mark.parametrize("actor", list(ACTORS.values()), ids=list(ACTORS))
def test_adoptions_are_readable_with_their_solution_and_editable_by_their_city(actor):
    """An adoption is readable when it and its solution are, never once deleted; its city's
    editors and admins edit it while it is not deleted."""
    for visibility, solution_visibility, deleted in itertools.product(
        Visibility, Visibility, (False, True)
    ):
        solution = _entry(EntryStatus.PUBLISHED, solution_visibility)
        adoption = Adoption(
            tenant_id=OTHER,
            visibility=visibility,
            deleted_at=DELETED_AT if deleted else None,
        )
        adoption.solution = solution
        own = {
            "tenant_id": OTHER,
            "visibility": visibility,
            "status": EntryStatus.PUBLISHED,
            "author_id": None,
            "participant_ids": (),
            "deleted": deleted,
        }
        theirs = {**own, "tenant_id": OWNER, "visibility": solution_visibility}
        theirs.update(participant_ids=(), deleted=False)
        want = may_read(actor, own) and may_read(actor, theirs)
        assert scope_for(actor).allows_adoption(adoption) == want
        editable = not deleted and actor.roles.get(OTHER) in (Role.EDITOR, Role.ADMIN)
        assert policy.can_edit_adoption(actor, adoption) == editable


def test_anonymous_visitors_administer_nothing():
    """``is_hub_admin: bool = False`` in ``Actor``: the anonymous actor is no hub admin."""
    assert ANONYMOUS.is_hub_admin is False and Actor().is_hub_admin is False
    assert not policy.can_manage_hub(Actor.of(None))
    assert not policy.can_see_administration(ANONYMOUS)
