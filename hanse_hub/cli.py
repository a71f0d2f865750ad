"""``flask --app hanse_hub hub …``: the operator's commands, grouped by topic.

Each command calls the same service functions as the web interface and runs
as one transaction. The operator on the command line acts with hub-operator
rights (``actor=None`` in the services that accept it).
"""

from __future__ import annotations

import json
import sys
from datetime import timedelta
from pathlib import Path

import click
from flask import current_app
from sqlalchemy import select

from hanse_hub import backup
from hanse_hub.accounts import mfa, privacy
from hanse_hub.accounts import services as accounts
from hanse_hub.accounts import tokens as api_tokens
from hanse_hub.accounts.models import Role, User
from hanse_hub.accounts.passwords import WeakPassword, generate_password
from hanse_hub.archive.cli import archive_group
from hanse_hub.content import files, topics
from hanse_hub.content.models import Entry, Visibility
from hanse_hub.content.services import ContentError, purge_entry
from hanse_hub.content.storage import storage_for
from hanse_hub.database import write_transaction
from hanse_hub.extensions import db
from hanse_hub.freeze.cli import FreezableGroup, freeze_command
from hanse_hub.policy import Actor, PermissionDenied
from hanse_hub.standards import publiccode_mapping
from hanse_hub.tenants import services as tenants
from hanse_hub.tenants.models import TenantKind

# While the hub is frozen (hub freeze on, HANSE_READ_ONLY=true) only the commands named as
# reads run; every other one is refused before it starts.
hub = FreezableGroup(
    "hub",
    help="Manage the Smarte Hanse hub.",
    reads=frozenset({"export", "export-schemas", "backup", "restore", "freeze"}),
)
tenant_group = FreezableGroup(
    "tenant", help="Cities, the alliance office and partners.", reads=frozenset({"list"})
)
user_group = FreezableGroup(
    "user", help="Accounts and memberships.", reads=frozenset({"list", "export"})
)
entry_group = FreezableGroup("entry", help="Entries (operator tasks).")
topic_group = FreezableGroup(
    "topic", help="The topic taxonomy (Handlungsfelder).", reads=frozenset({"list"})
)
token_group = FreezableGroup(
    "token", help="Personal access tokens for the REST API.", reads=frozenset({"list"})
)
files_group = FreezableGroup("files", help="Stored files (uploads).", reads=frozenset({"verify"}))
hub.add_command(freeze_command)
hub.add_command(archive_group)
hub.add_command(files_group)
hub.add_command(token_group)
hub.add_command(topic_group)
hub.add_command(tenant_group)
hub.add_command(user_group)
hub.add_command(entry_group)


def _fail(message: str) -> None:
    raise click.ClickException(message)


def _tenant(slug: str):
    tenant = tenants.get_tenant(slug)
    if tenant is None:
        _fail(f"No tenant with slug {slug!r}. See `hub tenant list`.")
    return tenant


def _user(email: str) -> User:
    user = accounts.find_user_by_email(email)
    if user is None:
        _fail(f"No account with e-mail {email!r}.")
    return user


# -- tenants -------------------------------------------------------------------------------------


@tenant_group.command("add")
@click.argument("slug")
@click.option("--name", "official_name", required=True, help="Official name.")
@click.option("--short-name", help="Short name (default: the official name).")
@click.option(
    "--kind", type=click.Choice([k.value for k in TenantKind]), default="city", show_default=True
)
@click.option("--colour", default="#1d4e89", show_default=True, help="Colour as #rrggbb.")
@click.option("--website")
@click.option("--contact-address")
def tenant_add(slug, official_name, short_name, kind, colour, website, contact_address):
    """Add a tenant."""
    try:
        with write_transaction():
            tenant = tenants.create_tenant(
                None,
                slug,
                official_name=official_name,
                short_name=short_name,
                kind=TenantKind(kind),
                colour=colour,
                website=website,
                contact_address=contact_address,
            )
    except tenants.TenantError as error:
        _fail(str(error))
    click.echo(f"Added {tenant.kind.value} {tenant.slug}: {tenant.official_name}")


@tenant_group.command("list")
def tenant_list():
    """List all tenants."""
    for tenant in tenants.list_tenants():
        click.echo(f"{tenant.slug:<24} {tenant.kind.value:<9} {tenant.official_name}")


# -- users ---------------------------------------------------------------------------------------


@user_group.command("add")
@click.argument("email")
@click.option("--tenant", "tenant_slug", help="Tenant to join.")
@click.option(
    "--role", type=click.Choice([r.value for r in Role]), default="reader", show_default=True
)
@click.option("--name", "display_name", default="", help="Display name.")
@click.option("--hub-admin", is_flag=True, help="Make the account a hub admin.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def user_add(email, tenant_slug, role, display_name, hub_admin, password_stdin):
    """Add an account; without --password-stdin a strong password is generated and printed once."""
    password = sys.stdin.readline().rstrip("\n") if password_stdin else generate_password()
    try:
        with write_transaction():
            tenant = _tenant(tenant_slug) if tenant_slug else None
            user = accounts.create_user(email, display_name, password, is_hub_admin=hub_admin)
            if tenant is not None:
                accounts.set_role(None, user, tenant, Role(role))
    except (accounts.AccountError, WeakPassword) as error:
        _fail(str(error))
    click.echo(f"Added {user.email}" + (f" as {role} of {tenant_slug}" if tenant_slug else ""))
    if not password_stdin:
        click.echo(f"Password (shown only now): {password}")


mfa_group = FreezableGroup("mfa", help="The second factor (TOTP) of an account.")
user_group.add_command(mfa_group)


@mfa_group.command("reset")
@click.argument("email")
def user_mfa_reset(email):
    """Switch an account's second factor off (lost phone); every login of the account ends."""
    with write_transaction():
        had = mfa.reset(None, _user(email))
    if had:
        click.echo(f"Second factor of {email} reset; all its logins ended. It can enrol again.")
    else:
        click.echo(f"{email} had no second factor; all its logins ended.")


@user_group.command("grant")
@click.argument("email")
@click.option("--tenant", "tenant_slug", required=True)
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True)
def user_grant(email, tenant_slug, role):
    """Give an account a role in a tenant (replacing its former role there)."""
    with write_transaction():
        accounts.set_role(None, _user(email), _tenant(tenant_slug), Role(role))
    click.echo(f"{email} is now {role} of {tenant_slug}")


@user_group.command("revoke")
@click.argument("email")
@click.option("--tenant", "tenant_slug", required=True)
def user_revoke(email, tenant_slug):
    """Remove an account's membership in a tenant."""
    try:
        with write_transaction():
            accounts.revoke_membership(None, _user(email), _tenant(tenant_slug))
    except accounts.AccountError as error:
        _fail(str(error))
    click.echo(f"{email} is no longer a member of {tenant_slug}")


@user_group.command("deactivate")
@click.argument("email")
def user_deactivate(email):
    """Deactivate an account; its login sessions end at once."""
    with write_transaction():
        accounts.deactivate_user(None, _user(email))
    click.echo(f"Deactivated {email}; all its login sessions have ended.")


@user_group.command("delete")
@click.argument("email")
@click.confirmation_option(prompt="Pseudonymise this account? This cannot be undone.")
def user_delete(email):
    """Delete a person's account: authorship is pseudonymised, content stays."""
    with write_transaction():
        privacy.pseudonymise_user(_user(email))
    click.echo(f"Pseudonymised the account of {email}.")


@user_group.command("export")
@click.argument("email")
@click.option("--output", type=click.File("w", encoding="utf-8"), default="-")
def user_export(email, output):
    """Write everything stored about a person as JSON (DSGVO Art. 15)."""
    data = privacy.export_user_data(_user(email))
    json.dump(data, output, ensure_ascii=False, indent=2)
    output.write("\n")


@user_group.command("list")
def user_list():
    """List accounts and their memberships."""
    for user in db.session.scalars(select(User).order_by(User.email_folded)):
        roles = ", ".join(f"{m.role.value}@{m.tenant.slug}" for m in user.memberships)
        flags = (" [hub-admin]" if user.is_hub_admin else "") + (
            "" if user.is_active_account else " [inactive]"
        )
        click.echo(f"{user.email:<40} {roles}{flags}")


# -- tokens -------------------------------------------------------------------------------------


@token_group.command("create")
@click.argument("email")
@click.option("--name", default="Kommandozeile", show_default=True, help="What the token is for.")
@click.option("--read-only", is_flag=True, help="The token may only read.")
def token_create(email, name, read_only):
    """Create a personal access token for an account; it is printed once, only a hash is kept."""
    try:
        with write_transaction():
            created = api_tokens.create_token(_user(email), name, read_only=read_only)
    except api_tokens.TokenError as error:
        _fail(str(error))
    click.echo(f"Token {created.token.prefix}… for {email}" + (" (read-only)" if read_only else ""))
    click.echo(f"Token (shown only now): {created.secret}")


@token_group.command("list")
@click.argument("email")
def token_list(email):
    """List an account's tokens."""
    for token in api_tokens.tokens_of(_user(email)):
        access = "read-only" if token.read_only else "read-write"
        state = "revoked" if token.revoked_at else access
        click.echo(f"{token.id:>5}  {token.prefix}…  {token.name:<30} {state}")


@token_group.command("revoke")
@click.argument("email")
@click.argument("token_id", type=int)
def token_revoke(email, token_id):
    """Revoke one of an account's tokens."""
    try:
        with write_transaction():
            api_tokens.revoke_token(_user(email), token_id)
    except api_tokens.TokenError as error:
        _fail(str(error))
    click.echo(f"Revoked token {token_id}.")


# -- topics -------------------------------------------------------------------------------------


@topic_group.command("list")
def topic_list():
    """List the topics."""
    for topic in topics.list_topics():
        click.echo(f"{topic.slug:<28} {topic.name_de} / {topic.name_en}")


@topic_group.command("add")
@click.argument("slug")
@click.option("--name", "name_de", required=True, help="German name.")
@click.option("--name-en", help="English name (default: the German one).")
def topic_add(slug, name_de, name_en):
    """Add a topic."""
    try:
        with write_transaction():
            topic = topics.add_topic(None, slug, name_de, name_en)
    except ContentError as error:
        _fail(str(error))
    click.echo(f"Added topic {topic.slug}: {topic.name_de}")


@topic_group.command("rename")
@click.argument("slug")
@click.option("--name", "name_de", help="New German name.")
@click.option("--name-en", help="New English name.")
def topic_rename(slug, name_de, name_en):
    """Rename a topic (its slug stays)."""
    try:
        with write_transaction():
            topic = topics.get_topic(slug)
            if topic is None:
                _fail(f"No topic {slug!r}. See `hub topic list`.")
            topics.rename_topic(None, topic, name_de=name_de, name_en=name_en)
    except ContentError as error:
        _fail(str(error))
    click.echo(f"Renamed topic {slug}.")


@topic_group.command("remove")
@click.argument("slug")
@click.confirmation_option(prompt="Remove this topic from every entry?")
def topic_remove(slug):
    """Remove a topic."""
    with write_transaction():
        topic = topics.get_topic(slug)
        if topic is None:
            _fail(f"No topic {slug!r}. See `hub topic list`.")
        topics.remove_topic(None, topic)
    click.echo(f"Removed topic {slug}.")


# -- entries -------------------------------------------------------------------------------------


@entry_group.command("purge")
@click.argument("uuid")
@click.confirmation_option(prompt="Remove this entry and its whole history for good?")
def entry_purge(uuid):
    """Erase an entry and its history for good (DSGVO). Hub operators only."""
    with write_transaction():
        entry = db.session.scalar(select(Entry).where(Entry.uuid == uuid))
        if entry is None:
            _fail(f"No entry with UUID {uuid}.")
        title = entry.title
        purge_entry(entry)
    click.echo(f"Purged {title!r}.")


@entry_group.command("import-publiccode")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--tenant", "tenant_slug", required=True, help="Organisation that owns the entry.")
@click.option("--author", "email", required=True, help="E-mail of an editor of that organisation.")
@click.option(
    "--visibility",
    type=click.Choice([v.value for v in Visibility]),
    default=Visibility.PUBLIC.value,
    show_default=True,
)
def entry_import_publiccode(file, tenant_slug, email, visibility):
    """Import a publiccode.yml as a new draft solution (docs/standards.md)."""
    tenant = _tenant(tenant_slug)
    actor = Actor.of(_user(email))
    try:
        with write_transaction():
            solution, issues = publiccode_mapping.import_solution(
                actor, tenant, file.read_bytes(), visibility=Visibility(visibility)
            )
    except PermissionDenied:
        _fail(f"{email} may not create entries for {tenant.slug}.")
    except ContentError as error:
        _fail(str(error))
    for issue in issues:
        click.echo(str(issue), err=True)
    click.echo(f"Imported {solution.title!r} as draft {solution.uuid} ({len(issues)} finding(s)).")


# -- files --------------------------------------------------------------------------------------


@files_group.command("gc")
@click.option(
    "--grace-hours",
    type=click.FloatRange(min=0),
    default=files.DEFAULT_GRACE.total_seconds() / 3600,
    show_default=True,
    help="Keep unused files written within this many hours (uploads still in flight).",
)
def files_gc(grace_hours):
    """Remove stored files that no attachment uses any more (run it daily, e.g. from cron)."""
    report = files.collect_garbage(storage_for(current_app), grace=timedelta(hours=grace_hours))
    click.echo(
        f"Removed {len(report.removed)} unused file(s); kept {report.referenced} in use and "
        f"{report.kept_recent} written within the grace period."
    )
    if report.recovered or report.stale_uploads:
        click.echo(
            f"Put back {report.recovered} file(s) an interrupted run had set aside; removed "
            f"{report.stale_uploads} unfinished upload(s)."
        )


@files_group.command("verify")
def files_verify():
    """Check that every attachment's file exists and has the content its hash names."""
    report = files.verify_files(storage_for(current_app))
    for content_hash in report.missing:
        click.echo(f"missing: {content_hash}", err=True)
    for content_hash in report.damaged:
        click.echo(f"damaged: {content_hash}", err=True)
    if not report.ok:
        _fail(
            f"{len(report.missing)} missing and {len(report.damaged)} damaged of "
            f"{report.checked} file(s). Restore them from a backup (docs/operations.md)."
        )
    click.echo(f"All {report.checked} file(s) present and intact.")


# -- backup and restore ---------------------------------------------------------------------


@hub.command("backup")
@click.argument("path", type=click.Path(file_okay=False, path_type=Path))
def backup_command(path: Path):
    """Back up the running hub (database and uploads, verified) into the new folder PATH."""
    try:
        report = backup.create_backup(path)
    except backup.BackupError as error:
        _fail(str(error))
    click.echo(
        f"Backed up the {report.database} database and {report.files} file(s) "
        f"({report.bytes / 1_000_000:.1f} MB) to {report.path}."
    )
    if report.problems:
        for problem in report.problems:
            click.echo(f"problem: {problem}", err=True)
        _fail(
            f"The backup is incomplete: {len(report.problems)} file(s) could not be copied "
            "(see above; `hub files verify` lists them)."
        )


@hub.command("restore")
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))
def restore_command(path: Path):
    """Restore a backup into an empty database and data folder, then rebuild the index."""
    import flask_migrate

    from hanse_hub.search import indexing

    try:
        manifest = backup.restore_backup(path)
    except backup.BackupError as error:
        _fail(str(error))
    flask_migrate.upgrade()
    db.session.remove()
    indexed = indexing.reindex()
    report = files.verify_files(storage_for(current_app))
    if not report.ok:
        _fail(f"Restored, but {len(report.missing) + len(report.damaged)} file(s) are missing.")
    click.echo(
        f"Restored the backup of {manifest['snapshot_started_at']}: {report.checked} file(s), "
        f"{indexed} entries indexed."
    )


# -- export and import (moving the hub) --------------------------------------------------------


@hub.command("export")
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--with-credentials",
    is_flag=True,
    help="Include password hashes, access tokens and invitations (target must not be "
    "readable by others).",
)
def export_command(path: Path, with_credentials: bool):
    """Export the whole hub into PATH: a new folder, a .zip or a .tar (see docs/export.md)."""
    from hanse_hub.portability import export

    try:
        if sys.stderr.isatty():
            total = export.count_records(with_credentials=with_credentials)
            with click.progressbar(length=total, label="Exporting", file=sys.stderr) as bar:
                report = export.create_export(
                    path, with_credentials=with_credentials, progress=bar.update
                )
        else:
            report = export.create_export(path, with_credentials=with_credentials)
    except export.ExportError as error:
        _fail(str(error))
    click.echo(
        f"Exported {sum(report.records.values())} records of {len(report.records)} tables and "
        f"{report.files} file(s) ({report.bytes / 1_000_000:.1f} MB) to {report.path}."
    )
    if not with_credentials:
        click.echo("Without credentials: after an import, people set a new password.")


@hub.command("export-schemas")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
def export_schemas_command(folder: Path):
    """Write the JSON Schema of every exported record type into FOLDER (docs/export/)."""
    from hanse_hub.portability import export

    written = export.write_schemas(folder)
    click.echo(f"Wrote {len(written)} schema(s) to {folder}.")


@hub.command("import")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--merge", is_flag=True, help="Import into a hub that is not empty: keep what is "
              "there, add what is missing, report conflicts.")  # fmt: skip
def import_command(path: Path, merge: bool):
    """Import an export (folder, .zip or .tar): checked completely before anything is written."""
    import flask_migrate

    from hanse_hub.portability import importer
    from hanse_hub.search import indexing

    flask_migrate.upgrade()
    db.session.remove()
    progress = (
        (lambda message: click.echo(f"… {message}", err=True)) if sys.stderr.isatty() else None
    )
    try:
        report = importer.import_archive(path, merge=merge, progress=progress)
    except importer.ImportRefused as error:
        _fail(f"Nothing was imported: {error}")
    db.session.remove()
    indexed = indexing.reindex()
    identical = sum(report.identical.values())
    click.echo(
        f"Imported {report.records} records and {report.files_written} new file(s) "
        f"(format version {report.format_version}); {identical} were there already; "
        f"{indexed} entries indexed."
    )
    for conflict in report.conflicts:
        click.echo(f"conflict: {conflict}", err=True)
    if report.conflicts:
        click.echo(f"{len(report.conflicts)} conflict(s): the existing records were kept.")


def register_demo_command() -> None:
    from hanse_hub.demo.seed import seed_demo_command

    hub.add_command(seed_demo_command)


register_demo_command()
