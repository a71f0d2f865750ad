"""``hub seed-demo``: a realistic demo hub with the four cities' content.

The content itself is data: one TOML file per tenant in ``hanse_hub/demo/data/`` (its
``[tenant]``, its ``[[entries]]`` and the ``[[adoptions]]`` it recorded), read with the
standard library. This module feeds it through the same service functions the web interface
uses, so the demo hub has real revisions, consent records and adoptions.
"""

from __future__ import annotations

import io
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from fpdf import FPDF
from sqlalchemy import func, select

from hanse_hub.accounts import services as accounts
from hanse_hub.accounts.models import Role, User
from hanse_hub.accounts.passwords import generate_password
from hanse_hub.clock import BERLIN, berlin_today
from hanse_hub.content import services as content
from hanse_hub.content.adoptions import record_adoption
from hanse_hub.content.attachments import AttachmentMetadata, add_attachment
from hanse_hub.content.models import Entry, EntryKind, EntryStatus, Topic
from hanse_hub.content.storage import storage_for
from hanse_hub.database import write_transaction
from hanse_hub.extensions import db
from hanse_hub.notifications.models import FollowTarget
from hanse_hub.notifications.services import follow, notify_reviews_due
from hanse_hub.policy import Actor
from hanse_hub.progress import progress_bars
from hanse_hub.questions import services as questions
from hanse_hub.tenants import services as tenants
from hanse_hub.tenants.models import Tenant, TenantKind

DEMO_EMAIL_DOMAIN = "demo.smarte-hanse.example"
DATA_DIR = Path(__file__).parent / "data"
# The tenants' files, in the order the tenants are created (the four cities, then the alliance
# office and the partner institute).
TENANT_FILES = (
    "rostock",
    "luebeck",
    "stralsund",
    "wismar",
    "smarte-hanse",
    "institut-urbane-daten",
)
# Order matters: links point to entries created earlier.
KIND_ORDER = [
    EntryKind.CONTACT,
    EntryKind.SOLUTION,
    EntryKind.LESSON,
    EntryKind.EVENT,
    EntryKind.MATERIAL,
]
LINK_FIELDS = {
    "contacts": "contact_ids",
    "solutions": "solution_ids",
    "speakers": "speaker_ids",
    "event": "event_id",
    "solution": "solution_id",
}


@dataclass(frozen=True)
class DemoContent:
    tenants: list[dict]
    entries: list[dict]  # each with its ``tenant`` slug
    adoptions: list[dict]  # each with the adopting ``tenant``'s slug
    questions: list[dict] = field(default_factory=list)  # each with the asking ``tenant``
    follows: list[dict] = field(default_factory=list)  # each with the follower's ``tenant``


def load_demo_content(data_dir: Path = DATA_DIR) -> DemoContent:
    """The demo hub's content from its data files (a key left out of a file means none)."""
    content = DemoContent([], [], [], [])
    for name in TENANT_FILES:
        with (data_dir / f"{name}.toml").open("rb") as file:
            data = tomllib.load(file)
        slug = data["tenant"]["slug"]
        content.tenants.append(data["tenant"])
        content.entries.extend({**entry, "tenant": slug} for entry in data.get("entries", []))
        content.adoptions.extend({**item, "tenant": slug} for item in data.get("adoptions", []))
        content.questions.extend({**item, "tenant": slug} for item in data.get("questions", []))
        content.follows.extend({**item, "tenant": slug} for item in data.get("follows", []))
    return content


@dataclass
class SeedReport:
    accounts: list[tuple[str, str, str]] = field(default_factory=list)  # email, role, password
    entries: int = 0
    adoptions: int = 0
    questions: int = 0
    follows: int = 0
    attachments: int = 0
    skipped_links: list[str] = field(default_factory=list)


def demo_email(tenant_slug: str, role: str) -> str:
    return f"{role}.{tenant_slug}@{DEMO_EMAIL_DOMAIN}"


def _utc(day: str | None) -> datetime | None:
    if not day:
        return None
    return datetime.combine(date.fromisoformat(day), time(9, 0), BERLIN).astimezone(UTC)


def _date(day: str | None) -> date | None:
    return date.fromisoformat(day) if day else None


def _local(moment: str) -> datetime:
    return datetime.fromisoformat(moment).replace(tzinfo=BERLIN).astimezone(UTC)


def render_pdf(title: str, text: str) -> bytes:
    """A small real PDF with the given text (core fonts cover German: Latin-1)."""
    pdf = FPDF()
    pdf.set_title(title)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 8, title.encode("latin-1", "replace").decode("latin-1"))
    pdf.ln(4)
    pdf.set_font("Helvetica", size=11)
    for paragraph in text.split("\n\n"):
        safe = paragraph.replace("–", "-").replace("„", '"').replace("“", '"').replace("…", "...")
        pdf.multi_cell(0, 6, safe.encode("latin-1", "replace").decode("latin-1"))
        pdf.ln(2)
    return bytes(pdf.output())


def _file_bytes(spec: dict) -> bytes:
    if spec["filename"].lower().endswith(".pdf"):
        return render_pdf(spec.get("description") or spec["filename"], spec["text"])
    return spec["text"].encode("utf-8")


def _entry_data(spec: dict, refs: dict[str, Entry]) -> tuple[dict, list[str]]:
    """The service input for one entry spec, and the refs it could not link."""
    skip = {"ref", "kind", "tenant", "published", "status", "author_role", "translation_of"}
    skip |= {"account_role"}
    skip |= {"files", "consent", *LINK_FIELDS}
    data = {key: value for key, value in spec.items() if key not in skip}
    if spec["kind"] == "event":
        data["starts_at"] = _local(spec["starts_at"])
        data["ends_at"] = _local(spec["ends_at"])
    if spec.get("review_by"):
        data["review_by"] = date.fromisoformat(spec["review_by"])
    missing = []
    for name, target in LINK_FIELDS.items():
        if name not in spec:
            continue
        value = spec[name]
        if isinstance(value, list):
            found = [refs[ref].id for ref in value if ref in refs]
            missing += [ref for ref in value if ref not in refs]
            data[target] = found
        else:
            data[target] = refs[value].id if value in refs else None
            if value and value not in refs:
                missing.append(value)
    if spec.get("translation_of") in refs:
        data["translation_of_id"] = refs[spec["translation_of"]].id
    return data, missing


def _create_entry(spec: dict, tenant: Tenant, author: User, refs: dict) -> Entry:
    actor = Actor.of(author)
    data, missing = _entry_data(spec, refs)
    kind, status = EntryKind(spec["kind"]), EntryStatus(spec["status"])
    consent = True if kind == EntryKind.CONTACT and spec.get("consent", True) else None
    published = None if status == EntryStatus.DRAFT else EntryStatus.PUBLISHED
    try:
        entry = content.save_entry(
            actor, tenant, data, kind=kind, consent=consent, status=published
        )
    except content.ContentError:
        # A link the author may not see (e.g. another city's internal entry): leave it out.
        for name in ("contact_ids", "solution_ids", "speaker_ids", "translation_of_id"):
            data.pop(name, None)
        entry = content.save_entry(
            actor, tenant, data, kind=kind, consent=consent, status=published
        )
        missing.append(f"{spec['ref']}: links")
    if status == EntryStatus.ARCHIVED:  # only a published entry is archived
        content.save_entry(actor, tenant, {}, entry=entry, status=status)
    # Historical dates, so the demo hub looks like one that has been in use for a while.
    when = _utc(spec.get("published"))
    if when is not None:
        entry.created_at = entry.updated_at = when
        entry.published_at = when if status != EntryStatus.DRAFT else None
    return entry


def seed_demo(
    *,
    fixed_password: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> SeedReport:
    """Create the demo hub. Call inside one ``write_transaction``. ``progress(1)`` is called
    after each entry (with its files)."""
    demo = load_demo_content()
    report = SeedReport()
    by_slug: dict[str, Tenant] = {}
    for spec in demo.tenants:
        values = {k: v for k, v in spec.items() if k != "slug"}
        values["kind"] = TenantKind(values["kind"])
        by_slug[spec["slug"]] = tenants.get_tenant(spec["slug"]) or tenants.create_tenant(
            None, spec["slug"], **values
        )

    authors: dict[tuple[str, str], User] = {}
    for slug, tenant in by_slug.items():
        for role in Role:
            email = demo_email(slug, role.value)
            password = fixed_password or generate_password()
            name = f"{role.value.capitalize()} {tenant.short_name}"
            user = accounts.create_user(email, name, password)
            accounts.set_role(None, user, tenant, role)
            authors[(slug, role.value)] = user
            report.accounts.append((email, f"{role.value} {slug}", password))
    hub_admin_password = fixed_password or generate_password()
    accounts.create_user(
        f"hubadmin@{DEMO_EMAIL_DOMAIN}", "Hub-Admin", hub_admin_password, is_hub_admin=True
    )
    report.accounts.append((f"hubadmin@{DEMO_EMAIL_DOMAIN}", "hub admin", hub_admin_password))

    refs: dict[str, Entry] = {}
    # Follows of topics, tenants and searches come first, so that the entries below notify.
    for spec in demo.follows:
        if "entry" not in spec:
            _follow(spec, authors, by_slug, refs)
            report.follows += 1

    storage = storage_for(current_app)
    ordered = sorted(
        demo.entries,
        key=lambda s: (KIND_ORDER.index(EntryKind(s["kind"])), bool(s.get("translation_of"))),
    )
    for spec in ordered:
        tenant = by_slug[spec["tenant"]]
        author = authors[(spec["tenant"], spec.get("author_role", "editor"))]
        entry = _create_entry(spec, tenant, author, refs)
        if spec.get("account_role"):  # a contact person who has an account on the hub
            entry.user_id = authors[(spec["tenant"], spec["account_role"])].id
        refs[spec["ref"]] = entry
        report.entries += 1
        for file_spec in spec.get("files", []):
            add_attachment(
                Actor.of(author),
                entry,
                io.BytesIO(_file_bytes(file_spec)),
                AttachmentMetadata(
                    filename=file_spec["filename"],
                    description=file_spec.get("description", ""),
                    alt_text=file_spec.get("alt_text", ""),
                    language=file_spec.get("language", "de"),
                ),
                storage=storage,
                max_bytes=current_app.config["HANSE_MAX_UPLOAD_BYTES"],
            )
            report.attachments += 1
        if progress:
            progress(1)

    for spec in demo.adoptions:
        tenant = by_slug[spec["tenant"]]
        actor = Actor.of(authors[(spec["tenant"], "editor")])
        data = {
            "status": spec["status"],
            "changes": spec.get("changes", ""),
            "visibility": spec.get("visibility", "network"),
            "started_on": _date(spec.get("started_on")),
            "decided_on": _date(spec.get("decided_on")),
        }
        if spec.get("contact") in refs:
            data["contact_id"] = refs[spec["contact"]].id
        record_adoption(actor, tenant, refs[spec["solution"]].id, data)
        report.adoptions += 1

    for spec in demo.questions:
        asker = Actor.of(authors[(spec["tenant"], spec.get("asker_role", "editor"))])
        question = questions.ask_question(
            asker, refs[spec["entry"]], spec["text"], spec.get("audience", "entry")
        )
        for answer_spec in spec.get("answers", []):
            author = Actor.of(authors[(answer_spec["tenant"], answer_spec.get("role", "editor"))])
            answer = questions.answer_question(author, question, answer_spec["text"])
            if answer_spec.get("helpful"):
                questions.mark_helpful(asker, answer)
        report.questions += 1

    for spec in demo.follows:
        if "entry" in spec:
            _follow(spec, authors, by_slug, refs)
            report.follows += 1
    notify_reviews_due(berlin_today())
    return report


def _follow(spec: dict, authors: dict, by_slug: dict[str, Tenant], refs: dict) -> None:
    """One ``[[follows]]`` item: who (the tenant's account of ``role``) follows what."""
    user = authors[(spec["tenant"], spec.get("role", "editor"))]
    actor = Actor.of(user)
    if "entry" in spec:
        follow(actor, user, FollowTarget.ENTRY, entry=refs[spec["entry"]])
    elif "topic" in spec:
        topic = db.session.scalar(select(Topic).where(Topic.slug == spec["topic"]))
        follow(actor, user, FollowTarget.TOPIC, topic_id=topic.id)
    elif "city" in spec:
        follow(actor, user, FollowTarget.TENANT, tenant_id=by_slug[spec["city"]].id)
    else:
        follow(actor, user, FollowTarget.SEARCH, query=spec["search"])


def hub_is_empty() -> bool:
    return not db.session.scalar(select(func.count(Tenant.id)))


@click.command("seed-demo")
@click.option("--if-empty", is_flag=True, help="Do nothing when the hub already has tenants.")
@click.option("--password", "fixed_password", help="One password for every demo account.")
@with_appcontext
def seed_demo_command(if_empty: bool, fixed_password: str | None):
    """Load the demo hub: four cities, the alliance office, a partner, German content."""
    if if_empty and not hub_is_empty():
        click.echo("The hub already has data; demo content not loaded.")
        return
    if not hub_is_empty():
        raise click.ClickException("The hub already has data. Use a fresh database for the demo.")
    total = len(load_demo_content().entries)
    with progress_bars(("Demo entries", total)) as (advance,), write_transaction():
        report = seed_demo(fixed_password=fixed_password, progress=advance)
    click.echo(
        f"Demo hub loaded: {report.entries} entries, {report.adoptions} adoptions, "
        f"{report.questions} questions, {report.follows} follows, {report.attachments} files."
    )
    click.echo("Demo accounts (passwords shown only now):")
    for email, role, password in report.accounts:
        click.echo(f"  {email:<48} {role:<22} {password}")
