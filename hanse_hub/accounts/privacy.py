"""DSGVO use cases: pseudonymise a person's account, export everything stored about them."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, or_, select

from hanse_hub.accounts.invitations import Invitation
from hanse_hub.accounts.models import (
    AuditEvent,
    LoginSession,
    PersonalAccessToken,
    RecoveryCode,
    TotpCredential,
    User,
    fold_email,
)
from hanse_hub.accounts.resets import PasswordReset
from hanse_hub.accounts.services import PSEUDONYM_NAME, end_all_login_sessions
from hanse_hub.content.models import Adoption, Attachment, Contact, Entry, Revision
from hanse_hub.content.revisions import entry_state
from hanse_hub.database import utcnow
from hanse_hub.extensions import db
from hanse_hub.questions.models import Answer, Question


def pseudonymise_user(user: User) -> None:
    """Delete a person's account without deleting their content.

    Authorship stays attached to a pseudonymous account, so entries, revisions
    and adoptions keep their history but no longer name the person.
    """
    end_all_login_sessions(user, "account_deleted")
    folded = user.email_folded
    user.email = f"geloescht-{user.id}@invalid"
    user.email_folded = user.email
    user.display_name = PSEUDONYM_NAME
    user.password_hash = None
    user.is_active_account = False
    user.is_hub_admin = False
    user.memberships.clear()
    user.pseudonymised_at = utcnow()
    for contact in db.session.scalars(select(Contact).where(Contact.user_id == user.id)):
        contact.user_id = None
    # Invitations to the person's address and their reset requests name them: gone too.
    db.session.execute(delete(Invitation).where(Invitation.email_folded == folded))
    db.session.execute(delete(PasswordReset).where(PasswordReset.user_id == user.id))
    # The second factor's secret and recovery codes belong to nobody any more.
    db.session.execute(delete(TotpCredential).where(TotpCredential.user_id == user.id))
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    db.session.flush()


def _second_factor(user: User) -> dict:
    credential = db.session.scalar(select(TotpCredential).where(TotpCredential.user_id == user.id))
    codes = db.session.scalars(select(RecoveryCode).where(RecoveryCode.user_id == user.id)).all()
    return {
        "enrolled_at": credential.confirmed_at.isoformat()
        if credential is not None and credential.confirmed_at
        else None,
        "recovery_codes": len(codes),
        "recovery_codes_used": sum(1 for code in codes if code.used_at is not None),
    }


def contacts_of(user: User) -> list[Contact]:
    """The contact records that name ``user``: linked to the account, or with the same address.

    Addresses are compared exactly after case folding (as account addresses are), in Python:
    SQL ``LIKE`` would treat ``%`` and ``_`` – legal in addresses – as wildcards, and SQLite's
    ``lower()`` folds ASCII only.
    """
    rows = db.session.execute(
        select(Contact.id, Contact.user_id, Contact.email).where(
            or_(Contact.user_id == user.id, Contact.email != "")
        )
    ).all()
    ids = [
        row.id
        for row in rows
        if row.user_id == user.id or fold_email(row.email or "") == user.email_folded
    ]
    if not ids:
        return []
    return list(db.session.scalars(select(Contact).where(Contact.id.in_(ids)).order_by(Contact.id)))


def export_user_data(user: User) -> dict[str, Any]:
    """Everything the hub stores about ``user`` (DSGVO Art. 15), as JSON-ready data."""

    def iso(value):
        return value.isoformat() if value else None

    contacts = contacts_of(user)
    return {
        "account": {
            "id": user.id,
            "email": user.email,
            "display_name": user.display_name,
            "active": user.is_active_account,
            "hub_admin": user.is_hub_admin,
            "created_at": iso(user.created_at),
            "pseudonymised_at": iso(user.pseudonymised_at),
        },
        "memberships": [
            {"tenant": m.tenant.slug, "role": m.role.value, "since": iso(m.created_at)}
            for m in user.memberships
        ],
        "login_sessions": [
            {
                "created_at": iso(s.created_at),
                "last_seen_at": iso(s.last_seen_at),
                "expires_at": iso(s.expires_at),
                "ended_at": iso(s.ended_at),
                "ended_reason": s.ended_reason,
                "user_agent": s.user_agent,
                "second_factor": s.mfa_method,
            }
            for s in db.session.scalars(select(LoginSession).where(LoginSession.user_id == user.id))
        ],
        # Whether and since when a second factor is set up; never its secret or codes.
        "second_factor": _second_factor(user),
        "personal_access_tokens": [
            {
                "name": t.name,
                "prefix": t.prefix,
                "read_only": t.read_only,
                "created_at": iso(t.created_at),
                "last_used_at": iso(t.last_used_at),
                "revoked_at": iso(t.revoked_at),
            }
            for t in db.session.scalars(
                select(PersonalAccessToken)
                .where(PersonalAccessToken.user_id == user.id)
                .order_by(PersonalAccessToken.id)
            )
        ],
        "audit_events": [
            {
                "at": iso(e.created_at),
                "action": e.action,
                "target": e.target,
                "remote_addr": e.remote_addr,
            }
            for e in db.session.scalars(
                select(AuditEvent).where(
                    or_(AuditEvent.actor_id == user.id, AuditEvent.target == user.email_folded)
                )
            )
        ],
        "authored_entries": [
            {"uuid": e.uuid, "kind": e.kind.value, "title": e.title, "tenant": e.tenant.slug}
            for e in db.session.scalars(select(Entry).where(Entry.author_id == user.id))
        ],
        "revisions": [
            {
                "entry_id": r.entry_id,
                "version": r.version,
                "action": r.action,
                "at": iso(r.created_at),
            }
            for r in db.session.scalars(select(Revision).where(Revision.actor_id == user.id))
        ],
        "contact_entries": [entry_state(contact) for contact in contacts],
        "adoptions_recorded": [
            {"uuid": a.uuid, "solution": a.solution.uuid, "status": a.status.value}
            for a in db.session.scalars(select(Adoption).where(Adoption.created_by_id == user.id))
        ],
        "invitations_received": [
            {
                "tenant": i.tenant.slug,
                "role": str(i.role),
                "at": iso(i.created_at),
                "accepted_at": iso(i.accepted_at),
            }
            for i in db.session.scalars(
                select(Invitation).where(Invitation.email_folded == user.email_folded)
            )
        ],
        "invitations_sent": [
            {"tenant": i.tenant.slug, "email": i.email, "at": iso(i.created_at)}
            for i in db.session.scalars(
                select(Invitation).where(Invitation.invited_by_id == user.id)
            )
        ],
        "password_resets": [
            {"at": iso(r.created_at), "used_at": iso(r.used_at), "requested_from": r.requested_from}
            for r in db.session.scalars(
                select(PasswordReset).where(PasswordReset.user_id == user.id)
            )
        ],
        "questions_asked": [
            {
                "uuid": q.uuid,
                "entry": q.entry.uuid,
                "audience": q.audience.value,
                "text": q.text,
                "at": iso(q.created_at),
                "hidden_at": iso(q.hidden_at),
                "hidden_reason": q.hidden_reason,
            }
            for q in db.session.scalars(
                select(Question).where(Question.author_id == user.id).order_by(Question.id)
            )
        ],
        "answers_given": [
            {
                "uuid": a.uuid,
                "question": a.question.uuid,
                "text": a.text,
                "at": iso(a.created_at),
                "helpful_at": iso(a.helpful_at),
                "hidden_at": iso(a.hidden_at),
                "hidden_reason": a.hidden_reason,
            }
            for a in db.session.scalars(
                select(Answer).where(Answer.author_id == user.id).order_by(Answer.id)
            )
        ],
        "attachments_uploaded": [
            {"uuid": a.uuid, "filename": a.original_filename, "at": iso(a.created_at)}
            for a in db.session.scalars(
                select(Attachment).where(Attachment.uploaded_by_id == user.id)
            )
        ],
    }
