"""``flask --app hanse_hub hub notifications check`` and ``hub digest send --period …``."""

from __future__ import annotations

import click
from flask import current_app

from hanse_hub.clock import berlin_today
from hanse_hub.database import write_transaction
from hanse_hub.mail_outbox import deliver_pending
from hanse_hub.notifications.digest import PERIODS, queue_digests
from hanse_hub.notifications.searches import check_followed_searches
from hanse_hub.notifications.services import notify_reviews_due


@click.group("notifications")
def notifications_group():
    """Notifications: what is due and what followed searches found."""


def _check() -> tuple[int, int]:
    with write_transaction():
        reviews = notify_reviews_due(berlin_today())
    return reviews, check_followed_searches()


@notifications_group.command("check")
def check():
    """Notify about reviews that fell due and new matches of followed searches."""
    reviews, searches = _check()
    click.echo(f"Reviews due: {reviews} notifications; followed searches: {searches}.")


@click.group("digest")
def digest_group():
    """The e-mail digest."""


@digest_group.command("send")
@click.option("--period", type=click.Choice(PERIODS), required=True)
@click.option("--no-send", is_flag=True, help="Only queue; the mail sender sends later.")
def send(period: str, no_send: bool):
    """Queue and send the digest of the last completed day or week (idempotent per period)."""
    _check()
    report = queue_digests(period, base_url=current_app.config.get("HANSE_BASE_URL"))
    click.echo(
        f"Digest {period}: {report.queued} queued, {report.already} already queued before, "
        f"{report.empty} with nothing new."
    )
    if not no_send:
        delivered = deliver_pending()
        click.echo(
            f"Mail: {delivered.sent} sent, {delivered.retried} to retry, {delivered.failed} failed."
        )
