"""The one visibility and permission policy of the hub.

Every read of entries and adoptions goes through ``scope_for(actor)``: the same
scope compiles to an SQL filter for database queries (``entry_filter``), answers
for a single loaded entry in Python (``allows_entry``), and is what search
backends receive to filter their hits. Every action is decided by ``can``.

The rules, in words:

* anonymous visitors see published and archived ``public`` entries;
* members of any tenant also see ``network`` entries;
* members of the owning tenant (or of a tenant participating in a joint
  project) also see ``internal`` entries;
* drafts are seen only by editors and admins of the owning tenant and by
  their author;
* editors and admins of the owning tenant create, edit, publish, archive and
  soft-delete; admins also restore; readers only read;
* hub admins manage tenants, topics and accounts, but see content only as
  their memberships allow: there is no all-seeing role;
* a deactivated user is treated as anonymous;
* the network reader – nobody in particular, the reader of an intranet archive
  (``hub archive build --visibility network``) – sees published and archived ``public``
  and ``network`` entries of every tenant, never ``internal`` ones or drafts, and may do
  nothing else;
* soft-deleted entries are seen by nobody; admins of the owning tenant may
  restore them.

Questions and answers on an entry:

* a question is seen by whoever sees its entry – or, when the asker chose so, only by
  members of the entry's owning tenant and the asker; its answers are seen with it;
* a hidden question or answer is seen only by the editors of the owning tenant and by its
  author (with the reason); nobody else learns it exists;
* members of any tenant who see a published entry may ask on it; members who see a question
  may answer it (not a hidden one); only the asker marks an answer as helpful;
* editors and admins of the owning tenant hide questions and answers.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import and_, false, inspect, or_, select
from sqlalchemy.orm import selectinload
from sqlalchemy.sql.elements import ColumnElement

from hanse_hub.accounts.models import Role
from hanse_hub.conditions import Condition, FieldIn, all_of, any_of
from hanse_hub.content.models import Adoption, Entry, EntryStatus, Visibility
from hanse_hub.extensions import db
from hanse_hub.questions.models import Answer, Question, QuestionAudience
from hanse_hub.tenants.models import Tenant

if TYPE_CHECKING:
    from hanse_hub.accounts.models import User

READABLE_STATUSES = frozenset({EntryStatus.PUBLISHED, EntryStatus.ARCHIVED})


class Action(enum.StrEnum):
    VIEW = "view"
    EDIT = "edit"
    PUBLISH = "publish"
    ARCHIVE = "archive"
    DELETE = "delete"
    RESTORE = "restore"


class PermissionDenied(Exception):
    """The actor may not do this. Views answer 404 where existence must not leak."""


@dataclass(frozen=True)
class Actor:
    """Who is acting: a user's identity and roles, or nobody (anonymous)."""

    user_id: int | None = None
    is_hub_admin: bool = False
    roles: Mapping[int, Role] = field(default_factory=dict)
    # The reader of an intranet archive: a member of the network, of no tenant in particular.
    network_reader: bool = False

    @classmethod
    def of(cls, user: User | None) -> Actor:
        """The actor for a user; deactivated or missing users act as anonymous visitors."""
        if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
            return ANONYMOUS
        return cls(
            user_id=user.id,
            is_hub_admin=user.is_hub_admin,
            roles={membership.tenant_id: membership.role for membership in user.memberships},
        )

    @property
    def is_anonymous(self) -> bool:
        return self.user_id is None

    def role_in(self, tenant_id: int) -> Role | None:
        return self.roles.get(tenant_id)

    def may_edit_in(self, tenant_id: int) -> bool:
        role = self.role_in(tenant_id)
        return role is not None and role.may_edit

    def is_admin_of(self, tenant_id: int) -> bool:
        return self.role_in(tenant_id) == Role.ADMIN

    @property
    def editable_tenant_ids(self) -> frozenset[int]:
        return frozenset(tid for tid, role in self.roles.items() if role.may_edit)


ANONYMOUS = Actor()
NETWORK_READER = Actor(network_reader=True)


@dataclass(frozen=True)
class VisibilityScope:
    """What one actor may read, in a form every storage can apply.

    ``network``: whether network-visible entries are readable at all;
    ``member_tenant_ids``: tenants whose internal entries are readable;
    ``draft_tenant_ids``: tenants whose drafts are readable;
    ``author_id``: whose own drafts are readable.
    """

    network: bool = False
    member_tenant_ids: frozenset[int] = frozenset()
    draft_tenant_ids: frozenset[int] = frozenset()
    author_id: int | None = None

    # -- in Python, for one loaded entry -------------------------------------------------------
    def allows(
        self,
        *,
        tenant_id: int,
        visibility: Visibility,
        status: EntryStatus,
        author_id: int | None = None,
        participant_ids: Iterable[int] = (),
        deleted: bool = False,
    ) -> bool:
        if deleted:
            return False
        if status == EntryStatus.DRAFT:
            return tenant_id in self.draft_tenant_ids or (
                self.author_id is not None and author_id == self.author_id
            )
        if visibility == Visibility.PUBLIC:
            return True
        if visibility == Visibility.NETWORK:
            return self.network
        owners = {tenant_id, *participant_ids}
        return bool(owners & self.member_tenant_ids)

    def allows_entry(self, entry: Entry) -> bool:
        return self.allows(
            tenant_id=entry.tenant_id,
            visibility=entry.visibility,
            status=entry.status,
            author_id=entry.author_id,
            # Read only when the rule needs them (internal entries): a list of public entries
            # costs no query per entry.
            participant_ids=_ParticipantIds(entry),
            deleted=entry.is_deleted,
        )

    def allows_adoption(self, adoption: Adoption) -> bool:
        """An adoption is readable when it and the adopted solution are readable."""
        if adoption.deleted_at is not None:
            return False
        own = self.allows(
            tenant_id=adoption.tenant_id,
            visibility=adoption.visibility,
            status=EntryStatus.PUBLISHED,
        )
        return own and self.allows_entry(adoption.solution)

    # -- in SQL ---------------------------------------------------------------------------------
    def entry_filter(self, entity=Entry) -> ColumnElement[bool]:
        """The WHERE clause selecting exactly the live entries this scope may read."""
        readable = entity.status.in_(READABLE_STATUSES)
        visible_published = [entity.visibility == Visibility.PUBLIC]
        if self.network:
            visible_published.append(entity.visibility == Visibility.NETWORK)
        if self.member_tenant_ids:
            visible_published.append(
                and_(
                    entity.visibility == Visibility.INTERNAL,
                    or_(
                        entity.tenant_id.in_(self.member_tenant_ids),
                        entity.participants.any(Tenant.id.in_(self.member_tenant_ids)),
                    ),
                )
            )
        draft_clauses = []
        if self.draft_tenant_ids:
            draft_clauses.append(entity.tenant_id.in_(self.draft_tenant_ids))
        if self.author_id is not None:
            draft_clauses.append(entity.author_id == self.author_id)
        drafts = (
            and_(entity.status == EntryStatus.DRAFT, or_(*draft_clauses))
            if draft_clauses
            else false()
        )
        return and_(
            entity.deleted_at.is_(None),
            or_(and_(readable, or_(*visible_published)), drafts),
        )

    # -- for search backends ----------------------------------------------------------------------
    def search_condition(self, *, include_archived: bool = False) -> Condition:
        """The same rules as ``entry_filter``, as a condition every search backend compiles.

        The index holds live entries only (deletions remove documents), so ``deleted`` needs
        no field; archived entries are left out unless asked for.
        """
        statuses = [EntryStatus.PUBLISHED] + ([EntryStatus.ARCHIVED] if include_archived else [])
        visible_published = [FieldIn("visibility", [Visibility.PUBLIC])]
        if self.network:
            visible_published.append(FieldIn("visibility", [Visibility.NETWORK]))
        if self.member_tenant_ids:
            visible_published.append(
                all_of(
                    FieldIn("visibility", [Visibility.INTERNAL]),
                    any_of(
                        FieldIn("tenant_id", self.member_tenant_ids),
                        FieldIn("participant_ids", self.member_tenant_ids),
                    ),
                )
            )
        draft_owners = []
        if self.draft_tenant_ids:
            draft_owners.append(FieldIn("tenant_id", self.draft_tenant_ids))
        if self.author_id is not None:
            draft_owners.append(FieldIn("author_id", [self.author_id]))
        readable = all_of(FieldIn("status", statuses), any_of(*visible_published))
        if not draft_owners:
            return readable
        drafts = all_of(FieldIn("status", [EntryStatus.DRAFT]), any_of(*draft_owners))
        return any_of(readable, drafts)

    # -- questions and answers ----------------------------------------------------------------
    def _is_author(self, author_id: int | None) -> bool:
        return self.author_id is not None and author_id == self.author_id

    def allows_question(self, question: Question) -> bool:
        """Whether the question is readable: its entry is, its audience includes this scope,
        and it is not hidden (except for the owning tenant's editors and its author)."""
        entry = question.entry
        if not self.allows_entry(entry):
            return False
        own = self._is_author(question.author_id)
        owners_only = question.audience == QuestionAudience.OWNER
        if owners_only and not (own or entry.tenant_id in self.member_tenant_ids):
            return False
        if question.hidden_at is not None:
            return own or entry.tenant_id in self.draft_tenant_ids
        return True

    def allows_answer(self, answer: Answer) -> bool:
        if not self.allows_question(answer.question):
            return False
        if answer.hidden_at is not None:
            tenant_id = answer.question.entry.tenant_id
            return self._is_author(answer.author_id) or tenant_id in self.draft_tenant_ids
        return True

    def question_filter(self) -> ColumnElement[bool]:
        """The WHERE clause for questions; the query must join ``Entry`` on the question's
        entry and apply ``entry_filter`` too (see ``questions.services``)."""
        audience = [Question.audience == QuestionAudience.ENTRY]
        shown = [Question.hidden_at.is_(None)]
        if self.member_tenant_ids:
            audience.append(Entry.tenant_id.in_(self.member_tenant_ids))
        if self.author_id is not None:
            audience.append(Question.author_id == self.author_id)
            shown.append(Question.author_id == self.author_id)
        if self.draft_tenant_ids:
            shown.append(Entry.tenant_id.in_(self.draft_tenant_ids))
        return and_(or_(*audience), or_(*shown))

    def adoption_filter(self) -> ColumnElement[bool]:
        """The WHERE clause for adoptions; the query must also join the solution (see services)."""
        own = [Adoption.visibility == Visibility.PUBLIC]
        if self.network:
            own.append(Adoption.visibility == Visibility.NETWORK)
        if self.member_tenant_ids:
            own.append(
                and_(
                    Adoption.visibility == Visibility.INTERNAL,
                    Adoption.tenant_id.in_(self.member_tenant_ids),
                )
            )
        return and_(Adoption.deleted_at.is_(None), or_(*own))


def scope_for(actor: Actor) -> VisibilityScope:
    if actor.is_anonymous:
        return VisibilityScope(network=actor.network_reader)
    return VisibilityScope(
        network=bool(actor.roles),
        member_tenant_ids=frozenset(actor.roles),
        draft_tenant_ids=actor.editable_tenant_ids,
        author_id=actor.user_id,
    )


def can_create_in(actor: Actor, tenant_id: int) -> bool:
    return actor.may_edit_in(tenant_id)


def can(actor: Actor, action: Action, entry: Entry) -> bool:
    """Whether ``actor`` may do ``action`` to ``entry``."""
    if entry.is_deleted:
        return action == Action.RESTORE and actor.is_admin_of(entry.tenant_id)
    if action == Action.VIEW:
        return scope_for(actor).allows_entry(entry)
    if not actor.may_edit_in(entry.tenant_id):
        return False
    match action:
        case Action.EDIT | Action.DELETE:
            return True
        case Action.PUBLISH:
            return entry.status != EntryStatus.PUBLISHED
        case Action.ARCHIVE:
            return entry.status == EntryStatus.PUBLISHED
        case _:
            return False


def require(actor: Actor, action: Action, entry: Entry) -> None:
    if not can(actor, action, entry):
        raise PermissionDenied(f"{action} on entry {entry.id}")


def can_ask(actor: Actor, entry: Entry) -> bool:
    """Members of any tenant ask on a published entry they see."""
    return (
        bool(actor.roles)
        and entry.status == EntryStatus.PUBLISHED
        and scope_for(actor).allows_entry(entry)
    )


def can_answer(actor: Actor, question: Question) -> bool:
    """Members who see a question answer it, unless it is hidden."""
    return (
        bool(actor.roles)
        and question.hidden_at is None
        and scope_for(actor).allows_question(question)
    )


def can_mark_helpful(actor: Actor, answer: Answer) -> bool:
    """Only the asker marks an answer of their question, a shown one, as helpful."""
    question = answer.question
    return (
        actor.user_id is not None
        and question.author_id == actor.user_id
        and question.hidden_at is None
        and answer.hidden_at is None
        and scope_for(actor).allows_answer(answer)
    )


def can_moderate_questions(actor: Actor, entry: Entry) -> bool:
    """Editors and admins of the owning tenant hide (and show again) questions and answers."""
    return not entry.is_deleted and actor.may_edit_in(entry.tenant_id)


def can_manage_members(actor: Actor, tenant_id: int) -> bool:
    return actor.is_admin_of(tenant_id)


def can_manage_hub(actor: Actor) -> bool:
    """Tenants, topics and accounts are the hub admins' business."""
    return actor.is_hub_admin


def can_edit_adoption(actor: Actor, adoption: Adoption) -> bool:
    return adoption.deleted_at is None and actor.may_edit_in(adoption.tenant_id)


class _ParticipantIds:
    """An entry's participating tenants' ids, loaded when first iterated."""

    def __init__(self, entry: Entry) -> None:
        self.entry = entry

    def __iter__(self):
        return iter([tenant.id for tenant in self.entry.participants])


def _load_participants(entries: list[Entry]) -> None:
    """Load the participants of the internal entries among ``entries`` in one query (instead
    of one per entry when ``allows_entry`` asks for them)."""
    unloaded = [
        entry.id
        for entry in entries
        if entry.visibility == Visibility.INTERNAL
        and "participants" in inspect(entry).unloaded
        and entry.id is not None
    ]
    if len(unloaded) > 1:
        db.session.scalars(
            select(Entry).where(Entry.id.in_(unloaded)).options(selectinload(Entry.participants))
        ).all()


def visible(actor: Actor, entries: Iterable[Entry]) -> list[Entry]:
    """The entries of a loaded list (e.g. a relationship) that ``actor`` may see, in order."""
    scope = scope_for(actor)
    entries = list(entries)
    _load_participants(entries)
    return [entry for entry in entries if scope.allows_entry(entry)]


def can_administer_tenant(actor: Actor, tenant_id: int) -> bool:
    """Members, invitations and settings of a tenant: its admins, and hub admins for every one."""
    return can_manage_members(actor, tenant_id) or can_manage_hub(actor)


def administered_tenant_ids(actor: Actor) -> frozenset[int]:
    """The tenants whose members ``actor`` manages as their admin (hub admins: see above)."""
    return frozenset(tid for tid, role in actor.roles.items() if role == Role.ADMIN)


def can_see_administration(actor: Actor) -> bool:
    """Whether the administration pages have anything for ``actor``."""
    return can_manage_hub(actor) or bool(administered_tenant_ids(actor))
