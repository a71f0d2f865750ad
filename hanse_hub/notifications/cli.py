"""``flask --app hanse_hub hub notifications …`` and ``hub digest send --period …``."""

from __future__ import annotations

import time

import click
from flask import current_app

from hanse_hub.clock import berlin_today
from hanse_hub.database import write_transaction
from hanse_hub.extensions import db
from hanse_hub.freeze.cli import FreezableGroup
from hanse_hub.mail_outbox import deliver_pending
from hanse_hub.notifications.digest import PERIODS, queue_digests
from hanse_hub.notifications.searches import check_followed_searches
from hanse_hub.notifications.services import notify_reviews_due

# Frozen (read-only) hubs send no mail and write no notifications: every command is refused.
notifications_group = FreezableGroup("notifications", help="Notifications that are due by time.")
digest_group = FreezableGroup("digest", help="The e-mail digest.")


def _check() -> str:
    with write_transaction():
        reviews = notify_reviews_due(berlin_today())
    searches = check_followed_searches()
    return f"reviews due: {reviews} notifications, followed searches: {searches}"


def _digest(period: str) -> str:
    report = queue_digests(period, base_url=current_app.config.get("HANSE_BASE_URL"))
    return (
        f"digest {period}: {report.queued} queued, {report.already} queued before, "
        f"{report.empty} with nothing new"
    )


def _send() -> str:
    delivered = deliver_pending()
    return f"mail: {delivered.sent} sent, {delivered.retried} to retry, {delivered.failed} failed"


@notifications_group.command("check")
def check():
    """Notify about reviews that fell due and new matches of followed searches."""
    click.echo(_check())


@notifications_group.command("run")
@click.option("--once", is_flag=True, help="One round, then stop.")
@click.option("--interval", default=900.0, show_default=True, help="Seconds between rounds.")
def run(once: bool, interval: float):
    """The scheduler of the docker-compose ``digest`` service: every round checks what is due,
    queues the daily and weekly digests (idempotent: each period is sent once) and sends."""
    while True:
        for line in (_check(), _digest("daily"), _digest("weekly"), _send()):
            click.echo(line)
        if once:
            return
        db.session.remove()
        time.sleep(interval)


@digest_group.command("send")
@click.option("--period", type=click.Choice(PERIODS), required=True)
@click.option("--no-send", is_flag=True, help="Only queue; the mail sender sends later.")
def send(period: str, no_send: bool):
    """Send the digest of the last completed day or week. Idempotent per period: a rerun (or a
    run after a crash) sends each person's digest once."""
    click.echo(_check())
    click.echo(_digest(period))
    if not no_send:
        click.echo(_send())
