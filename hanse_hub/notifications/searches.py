"""Followed searches: new entries that match a search's words exactly.

The search index is written after the commit (inline or by the worker), so a new entry cannot
be matched inside the use case that publishes it. ``check_followed_searches`` runs the
followed search as its follower – through the search backend with ``exact=True`` (no typo
correction, no relaxed matching) and the follower's visibility scope – and notifies about
entries published since the follow was last checked. It runs from ``hub notifications
check`` (cron/timer, every few minutes) and before every digest.
"""

from __future__ import annotations

from sqlalchemy import select

from hanse_hub.accounts.models import User
from hanse_hub.database import utcnow, write_transaction
from hanse_hub.extensions import db
from hanse_hub.notifications.models import Follow, FollowTarget
from hanse_hub.notifications.services import ENTRY_PUBLISHED, notify
from hanse_hub.policy import Actor
from hanse_hub.search.services import SearchRequest, search

PAGE = 50


def check_followed_search(follow: Follow) -> int:
    """Notify the follower of new matches of one followed search; how many notifications."""
    user = db.session.get(User, follow.user_id)
    now = utcnow()
    since = follow.checked_until or follow.created_at
    created = 0
    actor = Actor.of(user)
    if not actor.is_anonymous:
        page = search(
            actor,
            SearchRequest(
                q=follow.query,
                exact=True,
                sort="date",
                per_page=PAGE,
                one_per_translation_group=False,
            ),
        )
        for hit in page.hits:
            entry = hit.entry
            if entry.published_at is None or entry.published_at <= since:
                continue
            created += len(
                notify(
                    Actor(user_id=entry.author_id),
                    ENTRY_PUBLISHED,
                    entry=entry,
                    recipients={user.id: "follow_search"},
                    detail={"follow_id": follow.id, "query": follow.query},
                    dedupe_key=f"search:{follow.id}:{entry.id}",
                )
            )
    follow.checked_until = now
    return created


def check_followed_searches() -> int:
    """Every followed search, each in its own transaction; the notifications created."""
    ids = list(
        db.session.scalars(
            select(Follow.id).where(Follow.target == FollowTarget.SEARCH).order_by(Follow.id)
        )
    )
    created = 0
    for follow_id in ids:
        with write_transaction():
            follow = db.session.get(Follow, follow_id)
            if follow is not None:
                created += check_followed_search(follow)
    return created
