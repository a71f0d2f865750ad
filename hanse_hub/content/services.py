"""Content use cases: create, change, publish, archive, delete and read entries.

Each function takes the acting ``Actor`` explicitly and checks it against the
policy; callers own the transaction (``write_transaction``) — nothing here
commits. Reads go through ``policy.scope_for``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from flask_babel import gettext as _
from slugify import slugify
from sqlalchemy import Select, case, delete, or_, select, text
from sqlalchemy.orm import selectin_polymorphic, selectinload, with_polymorphic

from hanse_hub.accounts.audit_log import forget_entry_title, record_entry_event
from hanse_hub.content import kinds
from hanse_hub.content.models import (
    Adoption,
    Contact,
    Entry,
    EntryKind,
    EntryStatus,
    Event,
    LessonLearned,
    Material,
    Revision,
    SlugRedirect,
    Solution,
    Topic,
    Visibility,
)
from hanse_hub.content.models.kinds import KIND_CLASSES
from hanse_hub.content.revisions import changed_fields, entry_state
from hanse_hub.database import utcnow
from hanse_hub.extensions import db
from hanse_hub.notifications.services import notify_entry_change
from hanse_hub.policy import (
    Action,
    Actor,
    PermissionDenied,
    administered_tenant_ids,
    can_create_in,
    require,
    scope_for,
    visible,
)
from hanse_hub.tenants.models import Tenant

# Fields every kind has, that a caller may set.
COMMON_FIELDS = frozenset(
    {"title", "summary", "body", "language", "licence", "visibility", "review_by", "slug"}
)
# Each kind's own columns and links, from the kind registry (``content.kinds``).
KIND_FIELDS: dict[EntryKind, frozenset[str]] = {
    kind: kinds.plain_fields(kind) for kind in EntryKind
}
# Links to other entries, given as ids, per kind: field -> (relationship, target class).
KIND_LINKS: dict[EntryKind, dict[str, tuple[str, type[Entry]]]] = {
    kind: {name: (rel, KIND_CLASSES[target]) for name, (rel, target) in links.items()}
    for kind in EntryKind
    if (links := kinds.link_fields(kind))
}
# Single links, per kind: field -> (foreign-key attribute, target class).
KIND_REFERENCES: dict[EntryKind, dict[str, tuple[str, type[Entry]]]] = {
    kind: {name: (column, KIND_CLASSES[target]) for name, (column, target) in refs.items()}
    for kind in EntryKind
    if (refs := kinds.reference_fields(kind))
}


# "Still correct": the next review of an entry is due this long after it was confirmed.
REVIEW_INTERVAL = timedelta(days=365)

# German transliteration for permalinks: "Übersicht" becomes "uebersicht", not "ubersicht".
GERMAN_LETTERS = [
    ["Ä", "Ae"], ["Ö", "Oe"], ["Ü", "Ue"], ["ä", "ae"], ["ö", "oe"], ["ü", "ue"], ["ß", "ss"],
]  # fmt: skip


class ContentError(ValueError):
    """Input that cannot be applied, with a message for people (and the field it concerns)."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class EntryNotFound(LookupError):
    """No entry the actor may see has this id or slug."""


class StaleEntry(Exception):
    """The entry changed since the caller read it (lost-update protection)."""

    def __init__(self, current_version: int):
        super().__init__(f"entry is at version {current_version}")
        self.current_version = current_version


@dataclass(frozen=True)
class EntryLookup:
    """The result of looking up a permalink: the entry, or where its slug moved to."""

    entry: Entry
    redirected: bool = False


# -- reading -------------------------------------------------------------------------------------


def visible_entries(
    actor: Actor,
    *,
    tenant: Tenant | None = None,
    kind: EntryKind | None = None,
    topic: Topic | None = None,
    status: EntryStatus | None = None,
    include_archived: bool = True,
) -> Select:
    """A query of the entries ``actor`` may see, newest first, with the given filters."""
    entity = KIND_CLASSES[kind] if kind else Entry
    query = select(entity).where(scope_for(actor).entry_filter(entity))
    if kind is None:
        query = query.options(selectin_polymorphic(Entry, list(KIND_CLASSES.values())))
    if tenant is not None:
        query = query.where(entity.tenant_id == tenant.id)
    if topic is not None:
        query = query.where(entity.topics.any(Topic.id == topic.id))
    if status is not None:
        query = query.where(entity.status == status)
    elif not include_archived:
        query = query.where(entity.status != EntryStatus.ARCHIVED)
    return query.order_by(entity.published_at.desc().nulls_last(), entity.id.desc())


def get_entry(actor: Actor, entry_id: int) -> Entry:
    entry = db.session.scalar(
        select(Entry).where(Entry.id == entry_id, scope_for(actor).entry_filter())
    )
    if entry is None:
        raise EntryNotFound(entry_id)
    return entry


def get_entry_by_slug(actor: Actor, tenant: Tenant, slug: str) -> EntryLookup:
    """The entry at a permalink; an old slug of a renamed entry finds it too."""
    scope = scope_for(actor).entry_filter()
    # Every kind's own columns in the same statement (outer joins): the page shows them all.
    any_kind = with_polymorphic(Entry, "*")
    entry = db.session.scalar(
        select(any_kind).where(Entry.tenant_id == tenant.id, Entry.slug == slug, scope)
    )
    if entry is not None:
        return EntryLookup(entry)
    moved = db.session.scalar(
        select(any_kind)
        .join(SlugRedirect, SlugRedirect.entry_id == Entry.id)
        .where(SlugRedirect.tenant_id == tenant.id, SlugRedirect.old_slug == slug, scope)
    )
    if moved is None:
        raise EntryNotFound(slug)
    return EntryLookup(moved, redirected=True)


def deleted_entries(actor: Actor, tenant: Tenant | None = None) -> list[Entry]:
    """The trash: the soft-deleted entries ``actor`` may restore, most recently deleted first.

    Those of every tenant ``actor`` administers, or of ``tenant`` only; asking for the trash
    of a tenant one does not administer is refused.
    """
    if tenant is not None and not actor.is_admin_of(tenant.id):
        raise PermissionDenied("view deleted entries")
    tenant_ids = [tenant.id] if tenant is not None else sorted(administered_tenant_ids(actor))
    if not tenant_ids:
        return []
    return list(
        db.session.scalars(
            select(Entry)
            .where(Entry.tenant_id.in_(tenant_ids), Entry.deleted_at.is_not(None))
            .order_by(Entry.deleted_at.desc(), Entry.id.desc())
        )
    )


# -- writing -------------------------------------------------------------------------------------


# The first key of the PostgreSQL advisory lock that serialises slug choices ("slug").
SLUG_LOCK_NAMESPACE = 0x736C7567


def _lock_slugs_of(tenant: Tenant) -> None:
    """Serialise the choice of slugs within a tenant until the transaction ends.

    Choosing a slug reads which ones are taken, then writes one: two transactions could pick
    the same. PostgreSQL takes an advisory lock per tenant (released at commit or rollback);
    SQLite needs none, its writers already run one at a time (``BEGIN IMMEDIATE``).
    """
    if db.session.get_bind().dialect.name == "postgresql":
        db.session.execute(
            text("SELECT pg_advisory_xact_lock(:namespace, :tenant)"),
            {"namespace": SLUG_LOCK_NAMESPACE, "tenant": tenant.id},
        )


def unique_slug(tenant: Tenant, wanted: str, *, exclude_entry_id: int | None = None) -> str:
    """A slug for ``wanted`` that no other live entry of the tenant uses (German-aware).

    Holds the tenant's slug lock until the transaction ends, so no concurrent use case
    can take the same slug before this one commits.
    """
    _lock_slugs_of(tenant)
    base = slugify(wanted, max_length=180, word_boundary=True, replacements=GERMAN_LETTERS)
    base = base or "eintrag"
    candidate, number = base, 1
    while True:
        query = select(Entry.id).where(
            Entry.tenant_id == tenant.id, Entry.slug == candidate, Entry.deleted_at.is_(None)
        )
        if exclude_entry_id is not None:
            query = query.where(Entry.id != exclude_entry_id)
        if db.session.scalar(query) is None:
            return candidate
        number += 1
        candidate = f"{base}-{number}"


def _topics(slugs: Iterable[str]) -> list[Topic]:
    slugs = list(dict.fromkeys(slugs))
    topics = list(db.session.scalars(select(Topic).where(Topic.slug.in_(slugs))))
    unknown = set(slugs) - {topic.slug for topic in topics}
    if unknown:
        raise ContentError(
            _("Unbekannte Handlungsfelder: %(names)s", names=", ".join(sorted(unknown))), "topics"
        )
    return sorted(topics, key=lambda topic: topic.position)


def _tenants(slugs: Iterable[str], owner: Tenant) -> list[Tenant]:
    slugs = [slug for slug in dict.fromkeys(slugs) if slug != owner.slug]
    tenants = list(db.session.scalars(select(Tenant).where(Tenant.slug.in_(slugs))))
    unknown = set(slugs) - {tenant.slug for tenant in tenants}
    if unknown:
        raise ContentError(
            _("Unbekannte Organisationen: %(names)s", names=", ".join(sorted(unknown))),
            "participants",
        )
    return tenants


def _linked(actor: Actor, target: type[Entry], ids: Iterable[int], field: str) -> list[Entry]:
    """Entries to link to: they must exist, be of the right kind and be visible to the actor."""
    ids = list(dict.fromkeys(ids))
    if not ids:
        return []
    found = list(
        db.session.scalars(
            select(target).where(target.id.in_(ids), scope_for(actor).entry_filter(target))
        )
    )
    missing = set(ids) - {entry.id for entry in found}
    if missing:
        raise ContentError(
            _(
                "Verknüpfte Einträge nicht gefunden: %(ids)s",
                ids=", ".join(map(str, sorted(missing))),
            ),
            field,
        )
    by_id = {entry.id: entry for entry in found}
    return [by_id[entry_id] for entry_id in ids]


def _apply(actor: Actor, entry: Entry, data: Mapping[str, Any]) -> None:
    kind = entry.kind
    allowed = COMMON_FIELDS | KIND_FIELDS[kind]
    links = KIND_LINKS.get(kind, {})
    references = KIND_REFERENCES.get(kind, {})
    special = {"topics", "tags", "participants", "translation_of_id"}
    unknown = set(data) - allowed - set(links) - set(references) - special
    if unknown:
        raise ContentError(
            _(
                "Felder passen nicht zur Art „%(kind)s“: %(names)s",
                kind=kind,
                names=", ".join(sorted(unknown)),
            ),
            sorted(unknown)[0],
        )
    for name in allowed & set(data):
        if name != "slug":
            setattr(entry, name, data[name])
    if not (entry.title or "").strip():
        raise ContentError(_("Bitte geben Sie einen Titel an."), "title")
    if "visibility" in data and data["visibility"] not in set(Visibility):
        raise ContentError(_("Unbekannte Sichtbarkeit."), "visibility")
    if "topics" in data:
        entry.topics = _topics(data["topics"])
    if "tags" in data:
        names = [tag.strip().lower()[:60] for tag in data["tags"] if tag and tag.strip()]
        entry.tags = list(dict.fromkeys(names))
    if "participants" in data:
        entry.participants = _tenants(data["participants"], entry.tenant)
    if "translation_of_id" in data:
        target = data["translation_of_id"]
        entry.translation_of = (
            _linked(actor, Entry, [target], "translation_of_id")[0] if target else None
        )
        if entry.translation_of is not None and entry.translation_of.language == entry.language:
            raise ContentError(
                _("Eine Übersetzung muss eine andere Sprache haben als das Original."),
                "translation_of_id",
            )
    for name, (relationship, target) in links.items():
        if name in data:
            setattr(entry, relationship, _linked(actor, target, data[name], name))
    for name, (column, target) in references.items():
        if name in data:
            value = data[name]
            setattr(entry, column, _linked(actor, target, [value], name)[0].id if value else None)
    if isinstance(entry, Event) and entry.ends_at < entry.starts_at:
        raise ContentError(_("Das Ende liegt vor dem Beginn."), "ends_at")
    if isinstance(entry, Material) and entry.event_id is None and entry.solution_id is None:
        raise ContentError(
            _("Material gehört zu einer Veranstaltung oder einer Lösung: bitte eine davon wählen."),
            "event_id",
        )


def _record_revision(entry: Entry, actor: Actor, action: str, previous: dict | None) -> None:
    db.session.add(
        Revision(
            entry_id=entry.id,
            version=entry.version,
            action=action,
            actor_id=actor.user_id,
            previous_state=previous,
        )
    )


def create_entry(
    actor: Actor,
    tenant: Tenant,
    kind: EntryKind,
    data: Mapping[str, Any],
    *,
    status: EntryStatus = EntryStatus.DRAFT,
) -> Entry:
    """Create an entry of ``kind`` owned by ``tenant``, written by ``actor``."""
    if not can_create_in(actor, tenant.id):
        raise PermissionDenied(f"create in tenant {tenant.id}")
    entry = KIND_CLASSES[kind](
        tenant=tenant,
        kind=kind,
        author_id=actor.user_id,
        status=status,
        visibility=data.get("visibility", Visibility.NETWORK),
        version=1,
    )
    db.session.add(entry)  # in the session first, so that links (e.g. translations) attach
    try:
        with db.session.no_autoflush:
            _apply(actor, entry, data)
            if isinstance(entry, Contact) and status != EntryStatus.DRAFT and not entry.has_consent:
                raise ContentError(
                    _("Eine Kontaktperson wird erst mit ihrer Einwilligung veröffentlicht."),
                    "status",
                )
            entry.slug = unique_slug(tenant, data.get("slug") or entry.title)
    except Exception:
        entry.translation_of = None  # unhook from the original's list of translations
        db.session.expunge(entry)  # nothing half-built may be flushed later
        raise
    now = utcnow()
    entry.created_at = entry.updated_at = now
    if status != EntryStatus.DRAFT:
        entry.published_at = now
    db.session.flush()
    _remember_locked(entry)  # new in this transaction: nobody else can change it yet
    _record_revision(entry, actor, "created", None)
    return entry


_LOCKED_ENTRIES = "hanse_locked_entries"


def _locked_in_this_transaction() -> set[int]:
    """Ids of the entries this transaction holds the row lock of."""
    session = db.session()
    transaction = session.get_transaction()
    locked = session.info.get(_LOCKED_ENTRIES)
    if locked is None or locked[0] is not transaction:
        locked = session.info[_LOCKED_ENTRIES] = (transaction, set())
    return locked[1]


def _remember_locked(entry: Entry) -> None:
    _locked_in_this_transaction().add(entry.id)


def lock_for_change(entry: Entry, expected_version: int | None = None) -> None:
    """Take the entry's row lock and read it again, once per transaction.

    Concurrent changes of one entry then run one after the other, and each starts from the
    version the one before it wrote: without ``expected_version`` all of them succeed (the
    last one wins, each is a revision); with it, the caller's copy must still be current,
    also when another change committed a moment ago (``StaleEntry``). PostgreSQL locks the
    row (``FOR NO KEY UPDATE``: links from other entries may still be written); SQLite's
    writers already hold the database's write lock.
    """
    locked = _locked_in_this_transaction()
    if entry.id not in locked:
        db.session.refresh(entry, with_for_update={"key_share": True})
        locked.add(entry.id)
    if expected_version is not None and expected_version != entry.version:
        raise StaleEntry(entry.version)


def _current_state(entry: Entry, expected_version: int | None = None) -> dict:
    """The state before a change, read under the entry's row lock; refuses a stale change."""
    lock_for_change(entry, expected_version)
    return entry_state(entry)


def _finish_change(actor: Actor, entry: Entry, action: str, previous: dict) -> None:
    entry.version += 1
    entry.updated_at = utcnow()
    db.session.flush()
    _record_revision(entry, actor, action, previous)


def update_entry(
    actor: Actor,
    entry: Entry,
    data: Mapping[str, Any],
    *,
    expected_version: int | None = None,
    minor: bool = False,
) -> Entry:
    """Change an entry's fields. A new title or slug moves the permalink; the old one redirects.

    Followers of a published entry are told, unless the editor ticked ``minor`` ("kleine
    Änderung").
    """
    require(actor, Action.EDIT, entry)
    previous = _current_state(entry, expected_version)
    old_slug = entry.slug
    _apply(actor, entry, data)
    wanted_slug = data.get("slug") or (entry.title if entry.title != previous["title"] else None)
    if wanted_slug:
        new_slug = unique_slug(entry.tenant, wanted_slug, exclude_entry_id=entry.id)
        if new_slug != old_slug:
            _move_slug(entry, old_slug, new_slug)
    if isinstance(entry, Contact) and entry.status != EntryStatus.DRAFT and not entry.has_consent:
        raise ContentError(
            _("Ohne Einwilligung kann der Kontakt nicht veröffentlicht sein."), "status"
        )
    _finish_change(actor, entry, "updated", previous)
    notify_entry_change(actor, entry, new=False, minor=minor)
    return entry


def save_entry(
    actor: Actor,
    tenant: Tenant,
    data: Mapping[str, Any],
    *,
    kind: EntryKind | None = None,
    entry: Entry | None = None,
    status: EntryStatus | str | None = None,
    consent: bool | None = None,
    expected_version: int | None = None,
    minor: bool = False,
) -> Entry:
    """Save an entry with its consent and status: the one use case behind every edit form.

    Creates an entry of ``kind`` owned by ``tenant`` (``entry`` is None), or changes ``entry``
    (which ``tenant`` owns) when ``data`` has fields. Then, for contacts, records (``consent``
    True) or withdraws (False) the person's consent, and finally moves the entry to ``status``
    (published, archived or draft). Only a published entry can be archived: archiving a draft
    is refused, as in the web interface. ``expected_version`` refuses a change to an entry that
    changed since the caller read it (``StaleEntry``). ``minor`` ("kleine Änderung") tells no
    follower about the change. Web, API, demo seeder and test factory
    all call this; the caller owns the transaction.
    """
    if (kind is None) == (entry is None):
        raise ValueError("save_entry needs either a kind (create) or an entry (change)")
    if entry is None:
        entry = create_entry(actor, tenant, kind, data)
    else:
        if entry.tenant_id != tenant.id:
            raise ValueError(f"entry {entry.id} does not belong to tenant {tenant.slug}")
        lock_for_change(entry, expected_version)
        if data:
            update_entry(actor, entry, data, minor=minor)
    if consent is not None and isinstance(entry, Contact):
        if consent and not entry.has_consent:
            record_consent(actor, entry)
        elif not consent and entry.has_consent:
            withdraw_consent(actor, entry)
    if status is not None:
        _move_to_status(actor, entry, EntryStatus(status))
    return entry


def _move_to_status(actor: Actor, entry: Entry, status: EntryStatus) -> None:
    if status == entry.status:
        return
    if status == EntryStatus.PUBLISHED:
        publish_entry(actor, entry)
    elif status == EntryStatus.ARCHIVED:
        if entry.status == EntryStatus.DRAFT and actor.may_edit_in(entry.tenant_id):
            raise ContentError(
                _("Nur veröffentlichte Einträge können archiviert werden."), "status"
            )
        archive_entry(actor, entry)
    else:
        unpublish_entry(actor, entry)


def _move_slug(entry: Entry, old_slug: str, new_slug: str) -> None:
    # The new slug may be an old slug of this entry: that redirect is no longer needed. The old
    # slug may still redirect to an entry that gave it up before: the live entry now owns it.
    db.session.execute(
        delete(SlugRedirect).where(
            SlugRedirect.tenant_id == entry.tenant_id,
            SlugRedirect.old_slug.in_([new_slug, old_slug]),
        )
    )
    db.session.add(SlugRedirect(tenant_id=entry.tenant_id, old_slug=old_slug, entry_id=entry.id))
    entry.slug = new_slug


def publish_entry(actor: Actor, entry: Entry, *, expected_version: int | None = None) -> Entry:
    require(actor, Action.PUBLISH, entry)
    if isinstance(entry, Contact) and not entry.has_consent:
        raise ContentError(_("Eine Kontaktperson wird erst mit ihrer Einwilligung veröffentlicht."))
    previous = _current_state(entry, expected_version)
    entry.status = EntryStatus.PUBLISHED
    entry.published_at = entry.published_at or utcnow()
    _finish_change(actor, entry, "published", previous)
    record_entry_event(actor, "published", entry)
    notify_entry_change(actor, entry, new=True)
    return entry


def archive_entry(actor: Actor, entry: Entry, *, expected_version: int | None = None) -> Entry:
    require(actor, Action.ARCHIVE, entry)
    previous = _current_state(entry, expected_version)
    entry.status = EntryStatus.ARCHIVED
    _finish_change(actor, entry, "archived", previous)
    record_entry_event(actor, "archived", entry)
    return entry


def unpublish_entry(actor: Actor, entry: Entry, *, expected_version: int | None = None) -> Entry:
    """Back to draft: the entry leaves every reader's view but its editors'."""
    require(actor, Action.EDIT, entry)
    previous = _current_state(entry, expected_version)
    entry.status = EntryStatus.DRAFT
    _finish_change(actor, entry, "unpublished", previous)
    return entry


def delete_entry(actor: Actor, entry: Entry, *, expected_version: int | None = None) -> Entry:
    """Soft-delete: the entry disappears for everyone, its admins can restore it."""
    require(actor, Action.DELETE, entry)
    previous = _current_state(entry, expected_version)
    entry.deleted_at = utcnow()
    _finish_change(actor, entry, "deleted", previous)
    record_entry_event(actor, "deleted", entry)
    return entry


def restore_entry(actor: Actor, entry: Entry) -> Entry:
    require(actor, Action.RESTORE, entry)
    previous = _current_state(entry)
    # Its slug may have been taken meanwhile: choose it while the entry is still deleted (the
    # query flushes pending changes, and a live entry with a taken slug breaks the index).
    slug = unique_slug(entry.tenant, entry.slug, exclude_entry_id=entry.id)
    entry.deleted_at = None
    entry.slug = slug
    _finish_change(actor, entry, "restored", previous)
    record_entry_event(actor, "restored", entry)
    return entry


def purge_entry(entry: Entry) -> None:
    """Remove an entry and its history for good (DSGVO erasure; hub-admin CLI only).

    The audit log keeps naming other purged entries, but not a contact: its title is a person.
    """
    if entry.kind == EntryKind.CONTACT:
        forget_entry_title(entry)
    db.session.delete(entry)
    db.session.flush()


def revisions_of(actor: Actor, entry: Entry) -> list[Revision]:
    require(actor, Action.VIEW, entry)
    return list(
        db.session.scalars(
            select(Revision).where(Revision.entry_id == entry.id).order_by(Revision.version.desc())
        )
    )


@dataclass(frozen=True)
class FieldChange:
    """A field that someone else changed: its value then, and now."""

    field: str  # one of ``revisions.HISTORY_FIELDS``
    before: Any
    after: Any


def changes_since(actor: Actor, entry: Entry, version: int) -> list[FieldChange]:
    """What changed in the entry since ``version``: for a person whose edit came too late."""
    require(actor, Action.VIEW, entry)
    first_change = db.session.scalar(
        select(Revision).where(Revision.entry_id == entry.id, Revision.version == version + 1)
    )
    if first_change is None or first_change.previous_state is None:
        return []
    before, after = first_change.previous_state, entry_state(entry)
    return [
        FieldChange(name, before.get(name), after.get(name))
        for name in changed_fields(before, after)
    ]


@dataclass(frozen=True)
class HistoryRow:
    """One change in an entry's history: the revision, and the fields it changed."""

    revision: Revision
    changed: list[str]  # names from ``revisions.HISTORY_FIELDS``


def history_of(actor: Actor, entry: Entry) -> list[HistoryRow]:
    """Every change of the entry, newest first: what happened, who, when, which fields."""
    after = entry_state(entry)
    rows = []
    for revision in revisions_of(actor, entry):  # each one's "after" is the next one's "before"
        rows.append(HistoryRow(revision, changed_fields(revision.previous_state, after)))
        after = revision.previous_state or {}
    return rows


# -- contacts and consent (DSGVO) ------------------------------------------------------------------


def record_consent(actor: Actor, contact: Contact) -> Contact:
    """Record that the person agreed to be listed, and who recorded it."""
    require(actor, Action.EDIT, contact)
    previous = _current_state(contact)
    contact.consent_given_at = utcnow()
    contact.consent_recorded_by_id = actor.user_id
    contact.consent_withdrawn_at = None
    _finish_change(actor, contact, "consent_recorded", previous)
    return contact


def withdraw_consent(actor: Actor, contact: Contact) -> Contact:
    """The person withdrew consent: the contact goes back to draft and leaves every public view."""
    require(actor, Action.EDIT, contact)
    previous = _current_state(contact)
    contact.consent_withdrawn_at = utcnow()
    contact.status = EntryStatus.DRAFT
    _finish_change(actor, contact, "consent_withdrawn", previous)
    return contact


def mark_contacts_left(actor: Actor, user_id: int, on: date) -> list[Contact]:
    """The person with account ``user_id`` left: each contact linked to the account that is not
    marked as left yet is marked from ``on`` (a revision each, by ``actor``). From then on
    questions go to the owning tenant's editors instead of them."""
    contacts = list(
        db.session.scalars(
            select(Contact)
            .where(Contact.user_id == user_id, Contact.left_at.is_(None))
            .order_by(Contact.id)
        )
    )
    for contact in contacts:
        previous = _current_state(contact)
        contact.left_at = on
        _finish_change(actor, contact, "left", previous)
    return contacts


# -- links as the viewer may see them -------------------------------------------------------------


def related_entries(actor: Actor, entry: Entry, *, reverse: bool = True) -> dict[str, list]:
    """The entries linked with ``entry`` as ``actor`` may see them, by relationship name.

    Its own links: ``translation_of``, and per kind ``contacts``, ``solutions``, ``speakers``,
    ``event``, ``solution`` (each a list, empty when hidden or unset). With ``reverse``, also
    what points to it, as the entry page shows it: ``translations`` (the original and the other
    translations), a solution's ``lessons`` and ``adoptions``, an event's ``materials``, a
    contact's ``solutions``. The API's link fields and the entry page both read this.
    """
    original = [entry.translation_of] if entry.translation_of else []
    related: dict[str, list] = {"translation_of": visible(actor, original)}
    for relationship, _target in KIND_LINKS.get(entry.kind, {}).values():
        related[relationship] = visible(actor, getattr(entry, relationship))
    for name in KIND_REFERENCES.get(entry.kind, {}):
        linked = getattr(entry, name.removesuffix("_id"))
        related[name.removesuffix("_id")] = visible(actor, [linked] if linked else [])
    if not reverse:
        return related
    related["translations"] = visible(actor, [*original, *entry.translations])
    if isinstance(entry, Solution):
        related["lessons"] = lessons_about(actor, entry)
        related["adoptions"] = adoptions_of(actor, entry)
    if isinstance(entry, Event):
        related["materials"] = visible(actor, entry.materials)
    if isinstance(entry, Contact):
        related["solutions"] = list(
            db.session.scalars(
                visible_entries(actor, kind=EntryKind.SOLUTION).where(
                    Solution.contacts.any(Contact.id == entry.id)
                )
            )
        )
    return related


def adoptions_of(actor: Actor, solution: Solution) -> list[Adoption]:
    scope = scope_for(actor)
    adoptions = db.session.scalars(
        select(Adoption)
        .where(Adoption.solution_id == solution.id, scope.adoption_filter())
        .order_by(Adoption.decided_on.desc().nulls_last(), Adoption.id)
        .options(selectinload(Adoption.tenant), selectinload(Adoption.contact))
    )
    return [adoption for adoption in adoptions if scope.allows_adoption(adoption)]


def lessons_about(actor: Actor, solution: Solution) -> list[LessonLearned]:
    return list(
        db.session.scalars(
            visible_entries(actor, kind=EntryKind.LESSON)
            .where(LessonLearned.solutions.any(Solution.id == solution.id))
            .options(selectinload(Entry.tenant))
        )
    )


# -- editorial work lists ------------------------------------------------------------------------


def drafts_for(actor: Actor) -> list[Entry]:
    """The drafts ``actor`` may work on: those of tenants where they edit, and their own.

    Most recently changed first.
    """
    if actor.is_anonymous:
        return []
    query = visible_entries(actor, status=EntryStatus.DRAFT).order_by(None)
    return list(db.session.scalars(query.order_by(Entry.updated_at.desc(), Entry.id.desc())))


def entries_due_for_review(actor: Actor, *, today: date) -> list[Entry]:
    """Entries of tenants where ``actor`` edits whose review date has come (archived ones aside).

    Oldest review date first: what waits longest comes first.
    """
    tenant_ids = actor.editable_tenant_ids
    if not tenant_ids:
        return []
    query = visible_entries(actor).order_by(None)
    query = query.where(
        Entry.tenant_id.in_(tenant_ids),
        Entry.review_by.is_not(None),
        Entry.review_by <= today,
        Entry.status != EntryStatus.ARCHIVED,
    )
    return list(db.session.scalars(query.order_by(Entry.review_by, Entry.id)))


def mark_reviewed(
    actor: Actor, entry: Entry, *, today: date, expected_version: int | None = None
) -> Entry:
    """The entry still holds: its next review is due ``REVIEW_INTERVAL`` after ``today``."""
    return update_entry(
        actor,
        entry,
        {"review_by": today + REVIEW_INTERVAL},
        expected_version=expected_version,
        minor=True,
    )


def get_deleted_entry(actor: Actor, entry_id: int) -> Entry:
    """A soft-deleted entry, for the admins of its tenant (to restore it); nobody else finds it."""
    entry = db.session.get(Entry, entry_id)
    if entry is None or not entry.is_deleted or not actor.is_admin_of(entry.tenant_id):
        raise EntryNotFound(entry_id)
    return entry


MAX_COMPARED = 4


@dataclass(frozen=True)
class ComparedSolution:
    """A solution beside others: its facts as ``actor`` may see them."""

    solution: Solution
    contacts: list[Entry]
    adoptions: list[Adoption]


def solutions_to_compare(actor: Actor, ids: Iterable[int]) -> list[ComparedSolution]:
    """The solutions among ``ids`` that ``actor`` may see (at most ``MAX_COMPARED``, in the
    order given, each once); the others are left out, as if they did not exist."""
    wanted = list(dict.fromkeys(ids))[:MAX_COMPARED]
    if not wanted:
        return []
    found = {
        solution.id: solution
        for solution in db.session.scalars(
            visible_entries(actor, kind=EntryKind.SOLUTION).where(Solution.id.in_(wanted))
        )
    }
    return [
        ComparedSolution(
            solution=found[solution_id],
            contacts=visible(actor, found[solution_id].contacts),
            adoptions=adoptions_of(actor, found[solution_id]),
        )
        for solution_id in wanted
        if solution_id in found
    ]


PEOPLE_FOUND = 20


def find_contacts(
    actor: Actor, query: str, *, own_tenant_id: int | None = None, limit: int = PEOPLE_FOUND
) -> list[Contact]:
    """Published contacts ``actor`` may see whose name, title or unit contains ``query``:
    those of ``own_tenant_id`` first, then by name; at most ``limit`` (a picker lists what
    was searched for, never every person of every city)."""
    query = " ".join(query.split())[:100]
    if len(query) < 2:
        return []
    pattern = "%" + query.replace("\\", "\\\\").replace("%", r"\%").replace("_", r"\_") + "%"
    own_first = case((Contact.tenant_id == own_tenant_id, 0), else_=1)
    found = visible_entries(actor, kind=EntryKind.CONTACT, status=EntryStatus.PUBLISHED).where(
        or_(
            Contact.person_name.ilike(pattern, escape="\\"),
            Contact.title.ilike(pattern, escape="\\"),
            Contact.org_unit.ilike(pattern, escape="\\"),
        )
    )
    found = found.order_by(None).order_by(own_first, Contact.person_name, Contact.id)
    return list(db.session.scalars(found.limit(limit)))


def contacts_by_ids(actor: Actor, ids: Iterable[int]) -> list[Contact]:
    """The contacts among ``ids`` that ``actor`` may see, in the order given."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return []
    found = {
        contact.id: contact
        for contact in db.session.scalars(
            visible_entries(actor, kind=EntryKind.CONTACT).where(Contact.id.in_(wanted))
        )
    }
    return [found[contact_id] for contact_id in wanted if contact_id in found]
