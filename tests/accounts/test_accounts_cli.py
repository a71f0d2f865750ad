"""`flask --app hanse_hub hub …` commands for tenants and accounts, and DSGVO duties."""

from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import select

from hanse_hub.accounts.models import Role
from hanse_hub.accounts.passwords import verify_password
from hanse_hub.accounts.services import AccountError, create_user, find_user_by_email
from hanse_hub.content.models import Entry, Revision
from tests.factories import PASSWORD


@pytest.fixture
def cli(app, session):
    runner = app.test_cli_runner()

    def invoke(*args, input=None):
        return runner.invoke(args=["hub", *args], input=input)

    return invoke


def test_tenant_add_and_list(cli):
    result = cli("tenant", "add", "wismar", "--name", "Hansestadt Wismar", "--short-name", "Wismar")
    assert result.exit_code == 0, result.output
    listing = cli("tenant", "list").output
    assert re.search(r"^wismar\s+city\s+Hansestadt Wismar$", listing, re.M)


def test_tenant_add_refuses_a_bad_slug_with_a_message(cli):
    result = cli("tenant", "add", "Wis mar", "--name", "Hansestadt Wismar")
    assert result.exit_code != 0 and "kein gültiges Kürzel" in result.output


def test_user_add_generates_a_strong_password_and_prints_it_once(cli, factory):
    factory.tenant("rostock")
    result = cli(
        "user", "add", "Jana.Kruse@Rostock.example", "--tenant", "rostock", "--role", "editor"
    )
    assert result.exit_code == 0, result.output
    password = re.search(r"Password \(shown only now\): (\S+)", result.output).group(1)
    user = find_user_by_email("jana.kruse@rostock.example")
    assert len(password) >= 16 and verify_password(user.password_hash, password)
    assert user.password_hash.startswith("$argon2id$")
    assert user.role_in(user.memberships[0].tenant_id) == Role.EDITOR


def test_user_add_reads_the_password_from_stdin(cli):
    result = cli("user", "add", "a@example.org", "--password-stdin", input=f"{PASSWORD}\n")
    assert result.exit_code == 0 and "Password" not in result.output
    assert verify_password(find_user_by_email("a@example.org").password_hash, PASSWORD)


def test_user_add_refuses_a_weak_password(cli):
    result = cli("user", "add", "b@example.org", "--password-stdin", input="kurz\n")
    assert result.exit_code != 0 and "mindestens 12 Zeichen" in result.output


def test_emails_are_unique_regardless_of_case_beyond_ascii(session):
    create_user("ÄRGER.STRASSE@example.org", "Ärger", PASSWORD)
    with pytest.raises(AccountError):
        create_user("ärger.straße@example.org", "ärger", PASSWORD)
    assert find_user_by_email("Ärger.Straße@EXAMPLE.org") is not None


def test_grant_revoke_and_deactivate(cli, factory):
    city = factory.tenant("stralsund")
    user = factory.user(email="p@example.org")
    assert (
        cli("user", "grant", "p@example.org", "--tenant", "stralsund", "--role", "admin").exit_code
        == 0
    )
    assert user.role_in(city.id) == Role.ADMIN
    assert cli("user", "revoke", "p@example.org", "--tenant", "stralsund").exit_code == 0
    assert user.role_in(city.id) is None
    assert cli("user", "deactivate", "p@example.org").exit_code == 0
    assert not user.is_active_account


def test_export_writes_everything_stored_about_a_person(cli, factory):
    city = factory.tenant("luebeck")
    user = factory.user(city, Role.EDITOR, email="export@example.org")
    factory.entry(city, author=user, title="Pegelsensoren an der Trave")
    result = cli("user", "export", "export@example.org")
    data = json.loads(result.output)
    assert data["account"]["email"] == "export@example.org"
    assert data["memberships"] == [
        {"tenant": "luebeck", "role": "editor", "since": data["memberships"][0]["since"]}
    ]
    assert [e["title"] for e in data["authored_entries"]] == ["Pegelsensoren an der Trave"]
    assert {r["action"] for r in data["revisions"]} >= {"created", "published"}


def test_export_matches_contact_addresses_exactly_so_percent_and_underscore_are_no_wildcards(
    cli, factory
):
    """Privacy queries compare case-folded addresses exactly: ``%`` and ``_`` in an address
    never act as SQL wildcards that would hand out other people's contact records."""
    city = factory.tenant("luebeck")
    factory.user(city, Role.READER, email="a%b_c@luebeck.example")
    factory.entry(
        city,
        kind="contact",
        title="Die Person selbst",
        email="A%B_C@Luebeck.example",
        status="draft",
    )
    factory.entry(city, kind="contact", title="Andere Person", email="axxbyc@luebeck.example")
    factory.entry(city, kind="contact", title="Noch jemand", email="ab_c@luebeck.example")
    result = cli("user", "export", "a%b_c@luebeck.example")
    assert result.exit_code == 0, result.output
    titles = [c["title"] for c in json.loads(result.output)["contact_entries"]]
    assert titles == ["Die Person selbst"]


def test_export_with_a_wildcard_address_names_no_account_and_no_contacts(cli, factory):
    city = factory.tenant("luebeck")
    factory.entry(city, kind="contact", title="Interner Kontakt", email="x@luebeck.example")
    result = cli("user", "export", "%@luebeck.example")
    assert result.exit_code != 0
    assert "Interner Kontakt" not in result.output


def test_deleting_a_user_pseudonymises_authorship_and_keeps_content(cli, factory, session):
    city = factory.tenant("wismar")
    user = factory.user(city, Role.EDITOR, email="weg@example.org")
    entry = factory.entry(city, author=user, title="Bleibt erhalten")
    result = cli("user", "delete", "weg@example.org", "--yes")
    assert result.exit_code == 0, result.output
    assert find_user_by_email("weg@example.org") is None
    kept = session.get(Entry, entry.id)
    assert kept.title == "Bleibt erhalten"
    assert kept.author.display_name == "Ehemalige*r Nutzer*in"
    assert kept.author.email.endswith("@invalid") and not kept.author.is_active_account
    assert kept.author.memberships == []


def test_purge_removes_an_entry_and_its_history(cli, factory, session):
    city = factory.tenant("rostock")
    entry = factory.entry(city)
    entry_id, uuid = entry.id, entry.uuid
    assert cli("entry", "purge", uuid, "--yes").exit_code == 0
    session.expire_all()
    assert session.get(Entry, entry_id) is None
    assert session.scalars(select(Revision).where(Revision.entry_id == entry_id)).all() == []


def test_user_list_shows_roles(cli, factory):
    city = factory.tenant("rostock")
    factory.user(city, Role.READER, email="leser@example.org")
    assert "reader@rostock" in cli("user", "list").output


def test_unknown_email_gives_a_clear_error(cli):
    result = cli("user", "deactivate", "niemand@example.org")
    assert result.exit_code != 0 and "No account with e-mail" in result.output
