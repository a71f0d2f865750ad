"""Factories for test data: ``factory.tenant()``, ``factory.user(...)``, ``factory.entry(...)``."""

from __future__ import annotations

import itertools
import re
from datetime import UTC, datetime, timedelta

from hanse_hub.accounts import services as accounts
from hanse_hub.accounts.models import Role, User
from hanse_hub.content import services as content
from hanse_hub.content.models import Entry, EntryKind, EntryStatus, Visibility
from hanse_hub.policy import Actor
from hanse_hub.tenants import services as tenants
from hanse_hub.tenants.models import Tenant

PASSWORD = "correct-horse-battery-staple"
_counter = itertools.count(1)

KIND_REQUIRED = {
    EntryKind.CONTACT: lambda: {"person_name": "Jana Kruse", "email": "j.kruse@example.org"},
    EntryKind.EVENT: lambda: {
        "starts_at": datetime(2026, 5, 12, 7, 0, tzinfo=UTC),
        "ends_at": datetime(2026, 5, 12, 15, 0, tzinfo=UTC),
        "place": "Stralsund",
    },
}


def csrf_token(client, path: str = "/anmelden") -> str:
    """The CSRF token of the form at ``path``, as a browser would send it back."""
    page = client.get(path).get_data(as_text=True)
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page) or re.search(
        r'name="csrf_token" value="([^"]+)"', page
    )
    assert match, f"no CSRF token in the form at {path}: {page[:2000]}"
    return match.group(1)


class Factory:
    def __init__(self, session):
        self.session = session

    def tenant(self, slug: str | None = None, **values) -> Tenant:
        slug = slug or f"stadt-{next(_counter)}"
        values.setdefault("official_name", f"Hansestadt {slug.title()}")
        return tenants.create_tenant(None, slug, **values)

    def user(
        self,
        tenant: Tenant | None = None,
        role: Role | str | None = None,
        *,
        email: str | None = None,
        hub_admin: bool = False,
    ) -> User:
        email = email or f"person{next(_counter)}@example.org"
        user = accounts.create_user(email, email.split("@")[0], PASSWORD, is_hub_admin=hub_admin)
        if tenant is not None and role is not None:
            accounts.set_role(None, user, tenant, Role(role))
        return user

    def entry(
        self,
        tenant: Tenant,
        *,
        kind: EntryKind | str = EntryKind.SOLUTION,
        author: User | None = None,
        visibility: Visibility | str = Visibility.PUBLIC,
        status: EntryStatus | str = EntryStatus.PUBLISHED,
        **data,
    ) -> Entry:
        """An entry created through the real service, by an editor of ``tenant``."""
        kind = EntryKind(kind)
        author = author or self.user(tenant, Role.EDITOR)
        actor = Actor.of(author)
        values = {"title": f"Eintrag {next(_counter)}", "visibility": Visibility(visibility)}
        values.update(KIND_REQUIRED.get(kind, dict)())
        values.update(data)
        status = EntryStatus(status)
        entry = content.save_entry(
            actor,
            tenant,
            values,
            kind=kind,
            consent=status != EntryStatus.DRAFT or None,  # a contact is published with consent
            status=None if status == EntryStatus.DRAFT else EntryStatus.PUBLISHED,
        )
        if status == EntryStatus.ARCHIVED:  # only a published entry is archived
            content.save_entry(actor, tenant, {}, entry=entry, status=status)
        return entry

    def login(self, client, user: User, *, password: str = PASSWORD, remember: bool = False):
        """Log in through the real login form (with its CSRF token); returns the response."""
        data = {"email": user.email, "password": password, "csrf_token": csrf_token(client)}
        if remember:
            data["remember"] = "y"
        return client.post("/anmelden", data=data)

    @staticmethod
    def past(days: int) -> datetime:
        return datetime.now(UTC) - timedelta(days=days)
