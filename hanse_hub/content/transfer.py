"""Wissenstransfer: how knowledge moved between the cities, counted as the viewer may see it.

Every number comes from ``visible_adoptions`` and ``visible_entries``: an anonymous visitor's
figures count public, published entries and public adoptions of public solutions only, a
member's also what their membership lets them read. Nothing here decides visibility itself.
The service returns raw values (slugs, status values, dates); the views label them.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import selectinload

from hanse_hub.clock import berlin_today, utc_to_berlin
from hanse_hub.content.adoptions import visible_adoptions
from hanse_hub.content.models import (
    Adoption,
    AdoptionStatus,
    Entry,
    EntryStatus,
    Topic,
)
from hanse_hub.content.services import visible_entries
from hanse_hub.content.topics import list_topics
from hanse_hub.extensions import db
from hanse_hub.policy import Actor, visible
from hanse_hub.tenants.models import TenantKind
from hanse_hub.tenants.services import list_tenants

STATUSES = [status.value for status in AdoptionStatus]
TOP_CONTACTS = 10


@dataclass(frozen=True)
class Flow:
    """Adoptions of solutions of ``source`` by ``target``, per status."""

    source: str
    target: str
    by_status: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.by_status.values())


@dataclass(frozen=True)
class Reason:
    solution_id: int
    solution_title: str
    solution_slug: str
    source: str
    target: str
    text: str


@dataclass
class TransferStats:
    cities: list[str]  # tenant slugs, rows and columns of the matrix, in the network's order
    flows: dict[tuple[str, str], Flow]
    by_status: dict[str, int]
    quarters: list[tuple[str, int, int]]  # ("2025-Q3", adoptions, new entries)
    days_to_first_adoption: list[int]
    reasons_by_topic: dict[str, list[Reason]]  # topic slug ("" without a topic) -> reasons
    coverage: dict[tuple[str, str], int]  # (topic slug, city slug) -> published entries
    topics: list[str]
    entries_per_city: dict[str, int]
    current_per_city: dict[str, int]  # published entries whose review is not due
    overdue_per_city: dict[str, int]
    top_contacts: list[tuple[int, str, str, int, str]] = field(default_factory=list)
    # (contact entry id, name, tenant slug, adoptions naming them, contact slug)

    @property
    def adoptions_total(self) -> int:
        return sum(self.by_status.values())

    @property
    def median_days_to_first_adoption(self) -> int | None:
        if not self.days_to_first_adoption:
            return None
        return int(statistics.median(self.days_to_first_adoption))

    @property
    def current_share(self) -> float | None:
        total = sum(self.entries_per_city.values())
        return sum(self.current_per_city.values()) / total if total else None

    def flow(self, source: str, target: str) -> Flow:
        return self.flows.get((source, target)) or Flow(source, target, dict.fromkeys(STATUSES, 0))


def quarter_of(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def _quarters_between(first: str, last: str) -> list[str]:
    year, quarter = int(first[:4]), int(first[-1])
    result = []
    while True:
        label = f"{year}-Q{quarter}"
        result.append(label)
        if label >= last:
            return result
        quarter += 1
        if quarter == 5:
            year, quarter = year + 1, 1


def adoption_day(adoption: Adoption) -> date:
    """When an adoption happened: decided, else started, else recorded."""
    return adoption.decided_on or adoption.started_on or utc_to_berlin(adoption.created_at).date()


def transfer_stats(actor: Actor, *, today: date | None = None) -> TransferStats:
    """The Wissenstransfer figures as ``actor`` may see them."""
    today = today or berlin_today()
    tenants = list_tenants()
    slug_of = {t.id: t.slug for t in tenants}
    cities = [t.slug for t in tenants if t.kind == TenantKind.CITY] + [
        t.slug for t in tenants if t.kind != TenantKind.CITY
    ]
    adoptions = visible_adoptions(actor)
    entries = list(
        db.session.scalars(
            visible_entries(actor, status=EntryStatus.PUBLISHED)
            .options(selectinload(Entry.topics))
            .order_by(None)
        )
    )
    return TransferStats(
        cities=cities,
        flows=_flows(adoptions, slug_of),
        by_status=_by_status(adoptions),
        quarters=_quarters(adoptions, entries),
        days_to_first_adoption=_days_to_first_adoption(adoptions),
        reasons_by_topic=_reasons(adoptions, slug_of),
        coverage=_coverage(entries, slug_of),
        topics=[topic.slug for topic in list_topics()],
        entries_per_city=dict(Counter(slug_of[e.tenant_id] for e in entries)),
        current_per_city=dict(
            Counter(slug_of[e.tenant_id] for e in entries if e.review_by and e.review_by > today)
        ),
        overdue_per_city=dict(
            Counter(slug_of[e.tenant_id] for e in entries if e.review_by and e.review_by <= today)
        ),
        top_contacts=_top_contacts(actor, adoptions, slug_of),
    )


def _flows(adoptions: list[Adoption], slug_of: dict[int, str]) -> dict[tuple[str, str], Flow]:
    counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for adoption in adoptions:
        key = (slug_of[adoption.solution.tenant_id], slug_of[adoption.tenant_id])
        counts[key][adoption.status.value] += 1
    return {
        key: Flow(key[0], key[1], {status: counter[status] for status in STATUSES})
        for key, counter in counts.items()
    }


def _by_status(adoptions: list[Adoption]) -> dict[str, int]:
    counter = Counter(adoption.status.value for adoption in adoptions)
    return {status: counter[status] for status in STATUSES}


def _quarters(adoptions: list[Adoption], entries: list[Entry]) -> list[tuple[str, int, int]]:
    adopted = Counter(quarter_of(adoption_day(a)) for a in adoptions)
    created = Counter(
        quarter_of(utc_to_berlin(e.published_at).date()) for e in entries if e.published_at
    )
    labels = set(adopted) | set(created)
    if not labels:
        return []
    return [
        (label, adopted[label], created[label])
        for label in _quarters_between(min(labels), max(labels))
    ]


def _days_to_first_adoption(adoptions: list[Adoption]) -> list[int]:
    first: dict[int, date] = {}
    published: dict[int, date] = {}
    for adoption in adoptions:
        solution = adoption.solution
        if solution.published_at is None:
            continue
        published[solution.id] = utc_to_berlin(solution.published_at).date()
        day = adoption.started_on or adoption_day(adoption)
        first[solution.id] = min(first.get(solution.id, day), day)
    return sorted(max((first[i] - published[i]).days, 0) for i in first)


def _reasons(adoptions: list[Adoption], slug_of: dict[int, str]) -> dict[str, list[Reason]]:
    grouped: dict[str, list[Reason]] = defaultdict(list)
    for adoption in adoptions:
        if adoption.status != AdoptionStatus.DROPPED or not adoption.changes.strip():
            continue
        solution = adoption.solution
        reason = Reason(
            solution_id=solution.id,
            solution_title=solution.title,
            solution_slug=solution.slug,
            source=slug_of[solution.tenant_id],
            target=slug_of[adoption.tenant_id],
            text=adoption.changes.strip(),
        )
        for topic in solution.topics or [None]:
            grouped[topic.slug if isinstance(topic, Topic) else ""].append(reason)
    return dict(grouped)


def _coverage(entries: list[Entry], slug_of: dict[int, str]) -> dict[tuple[str, str], int]:
    counts: Counter = Counter()
    for entry in entries:
        for topic in entry.topics:
            counts[(topic.slug, slug_of[entry.tenant_id])] += 1
    return dict(counts)


def _top_contacts(
    actor: Actor, adoptions: list[Adoption], slug_of: dict[int, str]
) -> list[tuple[int, str, str, int, str]]:
    named = Counter(a.contact_id for a in adoptions if a.contact_id is not None)
    contacts = {a.contact.id: a.contact for a in adoptions if a.contact is not None}
    seen = {c.id for c in visible(actor, list(contacts.values()))}
    ranked = sorted(
        ((count, contact_id) for contact_id, count in named.items() if contact_id in seen),
        key=lambda pair: (-pair[0], contacts[pair[1]].title),
    )
    return [
        (
            contact_id,
            contacts[contact_id].person_name or contacts[contact_id].title,
            slug_of[contacts[contact_id].tenant_id],
            count,
            contacts[contact_id].slug,
        )
        for count, contact_id in ranked[:TOP_CONTACTS]
    ]
