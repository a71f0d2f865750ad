"""Nobody learns of an entry they may not see – not in the notification list, the header count,
an immediate mail, a digest line or a personal feed.

The cases are generated: every permission relation (reader, editor and admin of the owning
city, a member of another city, a deactivated account; anonymous visitors cannot follow) ×
every visibility an entry is published with × what happened to it after the notification was
created (nothing, another visibility, back to draft, deleted). Everyone follows the owning city;
the expected answer is written out below from the rules in words, not taken from the policy.
"""

from __future__ import annotations

from datetime import timedelta
from itertools import product

import feedparser
import pytest

from hanse_hub.accounts import services as accounts
from hanse_hub.accounts.models import Role
from hanse_hub.content import services as content
from hanse_hub.database import utcnow, write_transaction
from hanse_hub.mail import OUTBOX
from hanse_hub.mail_outbox import deliver_pending
from hanse_hub.notifications import digest, feed_tokens
from hanse_hub.notifications import services as notifications
from hanse_hub.notifications.models import EmailChannel
from hanse_hub.policy import ANONYMOUS, Actor

RELATIONS = ("owner_reader", "owner_editor", "owner_admin", "other_city", "deactivated")
VISIBILITIES = ("public", "network", "internal")
AFTERWARDS = ("unchanged", "public", "network", "internal", "draft", "deleted")


def may_see(relation: str, visibility: str, afterwards: str) -> bool:
    """The rules in words: deactivated accounts see nothing; deleted entries nobody; drafts the
    owning city's editors and admins; public entries every member; network entries members of
    any city; internal entries members of the owning city."""
    if relation == "deactivated" or afterwards == "deleted":
        return False
    if afterwards == "draft":
        return relation in ("owner_editor", "owner_admin")
    final = visibility if afterwards == "unchanged" else afterwards
    if final in ("public", "network"):
        return True
    return relation.startswith("owner_")


def _title(visibility: str, afterwards: str) -> str:
    return f"Leckprobe {visibility} dann {afterwards}"


def _texts(app, address: str) -> str:
    return "\n".join(
        message.get_body(("plain",)).get_content()
        for message in app.extensions.get(OUTBOX, [])
        if message["To"] == address
    )


@pytest.mark.parametrize(
    "mode",
    [
        EmailChannel.DAILY,
        # One mail per notification: about a hundred mails to compose, so in make test-long.
        pytest.param(EmailChannel.IMMEDIATE, marks=pytest.mark.slow),
    ],
)
def test_no_channel_leaks_an_entry_over_any_permission_relation(
    app, client, session, factory, rostock, wismar, mode
):
    author = factory.user(rostock, Role.EDITOR)
    people = {}
    for relation in RELATIONS:
        tenant, role = {
            "owner_reader": (rostock, Role.READER),
            "owner_editor": (rostock, Role.EDITOR),
            "owner_admin": (rostock, Role.ADMIN),
            "other_city": (wismar, Role.EDITOR),
            "deactivated": (rostock, Role.EDITOR),
        }[relation]
        person = factory.user(tenant, role)
        notifications.follow(Actor.of(person), person, "tenant", tenant_id=rostock.id)
        notifications.change_settings(person, email=mode)
        secret = feed_tokens.create_feed_token(person, "Leckprobe").secret
        people[relation] = (person, secret)
    with pytest.raises(notifications.FollowError):
        notifications.follow(ANONYMOUS, people["owner_reader"][0], "tenant", tenant_id=rostock.id)

    actor = Actor.of(author)
    cases = list(product(VISIBILITIES, AFTERWARDS))
    with write_transaction():
        entries = {
            (visibility, afterwards): factory.entry(
                rostock, author=author, visibility=visibility, title=_title(visibility, afterwards)
            )
            for visibility, afterwards in cases
        }
    with write_transaction():
        for (_visibility, afterwards), entry in entries.items():
            if afterwards in VISIBILITIES:
                content.save_entry(actor, rostock, {"visibility": afterwards}, entry=entry,
                                   minor=True)  # fmt: skip
            elif afterwards == "draft":
                content.unpublish_entry(actor, entry)
            elif afterwards == "deleted":
                content.delete_entry(actor, entry)
    with write_transaction():
        for relation, (person, _secret) in people.items():
            if relation == "deactivated":
                accounts.deactivate_user(None, person)

    digest.queue_digests("daily", now=utcnow() + timedelta(days=1))
    deliver_pending()
    session.commit()

    leaks, misses = [], []
    for relation, (person, secret) in people.items():
        listed = {row.entry.title for row in notifications.visible_notifications(person, limit=500)}
        mailed = _texts(app, person.email)
        response = client.get(f"/feeds/persoenlich/{secret}.atom")
        fed = (
            " ".join(item.title for item in feedparser.parse(response.get_data()).entries)
            if response.status_code == 200
            else ""
        )
        for visibility, afterwards in cases:
            title = _title(visibility, afterwards)
            expected = may_see(relation, visibility, afterwards)
            # Who may see the entry now was told when it was published, if they could see it
            # then too (visibility only narrows or widens the published state here).
            could_then = may_see(relation, visibility, "unchanged") or relation == "deactivated"
            for channel, found in (
                ("list", title in listed),
                (f"{mode} mail", title in mailed),
                ("feed", title in fed),
            ):
                if found and not expected:
                    leaks.append(f"{relation}/{mode} {channel}: {title}")
                if expected and could_then and not found:
                    misses.append(f"{relation}/{mode} {channel}: {title}")
        if not any(may_see(relation, v, a) for v, a in cases):
            assert notifications.unread_count(person) == 0
    assert leaks == []
    assert misses == []
