"""Security records keep being written while frozen: a failed login is audited (in its own
transaction, so this needs real commits)."""

from __future__ import annotations

import sqlalchemy as sa

from hanse_hub.accounts.models import AuditEvent, Role
from hanse_hub.database import write_transaction
from hanse_hub.extensions import db
from hanse_hub.freeze.services import set_frozen
from tests.factories import Factory, csrf_token


def test_failed_login_is_audited_and_login_works_when_frozen(committing_app):
    with committing_app.app_context():
        with write_transaction():
            factory = Factory(db.session)
            user = factory.user(factory.tenant("eisstadt"), Role.READER)
        email = user.email
        set_frozen(True)
        db.session.remove()
    try:
        client = committing_app.test_client()
        wrong = {"email": email, "password": "falsch-falsch", "csrf_token": csrf_token(client)}
        assert client.post("/anmelden", data=wrong).status_code in (200, 401)
        with committing_app.app_context():
            failed = db.session.scalar(
                sa.select(sa.func.count())
                .select_from(AuditEvent)
                .where(AuditEvent.action == "login_failed", AuditEvent.target == email)
            )
            db.session.remove()
        assert failed == 1
        page = client.get("/").get_data(as_text=True)
        assert "Nur Lesebetrieb" in page
    finally:
        with committing_app.app_context():
            set_frozen(False)
            db.session.remove()
