"""Each app process sends the mail outbox in a background thread, woken by the commit."""

from __future__ import annotations

import time

from hanse_hub.database import write_transaction
from hanse_hub.mail import OUTBOX
from hanse_hub.mail_outbox import (
    BACKGROUND_INTERVAL_SECONDS,
    queue_mail,
    start_background_sender,
    stop_background_sender,
)


def test_the_background_sender_sends_a_committed_message_without_waiting_for_its_interval(
    committing_app,
):
    sent = committing_app.extensions.setdefault(OUTBOX, [])
    start_background_sender(committing_app)
    try:
        with write_transaction():
            queue_mail("thread@example.org", "Betreff", "Text")
        deadline = time.monotonic() + BACKGROUND_INTERVAL_SECONDS / 2
        while time.monotonic() < deadline and not any(
            m["To"] == "thread@example.org" for m in sent
        ):
            time.sleep(0.05)
    finally:
        stop_background_sender()
    assert [m["To"] for m in sent].count("thread@example.org") == 1
