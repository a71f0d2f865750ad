"""``flask --app hanse_hub hub mail …``: the mail outbox for operators."""

from __future__ import annotations

import time

import click

from hanse_hub import mail_outbox
from hanse_hub.extensions import db
from hanse_hub.freeze.cli import FreezableGroup

# Frozen (read-only): no mail goes out, the outbox can still be looked at.
mail_group = FreezableGroup(
    "mail", help="The mail outbox: queued e-mail and its sending.", reads=frozenset({"status"})
)


@mail_group.command("send")
@click.option("--loop", is_flag=True, help="Keep sending, every --interval seconds.")
@click.option("--interval", default=30.0, show_default=True, help="Seconds between rounds.")
def mail_send(loop: bool, interval: float):
    """Send every queued message that is due (retries included)."""
    while True:
        report = mail_outbox.deliver_pending()
        db.session.remove()
        click.echo(
            f"sent {report.sent}, nothing to send for {report.skipped}, "
            f"retry later {report.retried}, given up {report.failed}"
        )
        if not loop:
            return
        time.sleep(interval)


@mail_group.command("status")
def mail_status():
    """How many messages wait, and the last error of one that is being retried."""
    click.echo(f"waiting: {mail_outbox.pending_count()}")
    for row in mail_outbox.failed_or_retrying(limit=10):
        state = "given up" if row.failed_at else f"attempt {row.attempts}"
        click.echo(f"#{row.id} {row.kind} ({state}): {row.last_error}")
