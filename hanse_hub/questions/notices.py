"""Telling people about questions: mails queued in the use case's transaction, composed when
the mail outbox sends them.

A notice names its recipient (an account, or a contact person without one) and the question;
the composer decides at delivery time, against the policy, whether the recipient may still
see it – visibility can change between asking and sending – and builds nothing otherwise.

Who gets what:

* a new question: the entry's contact persons who have not left and the owning tenant's
  editors, not the asker. A contact linked to an account gets it if that account may see the
  question; a contact without an account (just an address) gets it if the question is for
  everyone who sees the entry or the contact belongs to the owning tenant;
* a new answer: the asker (not when they answered themselves);
* a hidden question or answer: its author, with the reason.
"""

from __future__ import annotations

from email.message import EmailMessage

from flask import has_request_context, render_template, request
from flask_babel import gettext as _

from hanse_hub.accounts.models import User
from hanse_hub.clock import berlin_today
from hanse_hub.content.models import Contact, EntryStatus
from hanse_hub.extensions import db
from hanse_hub.mail import build_message, external_url
from hanse_hub.mail_outbox import OutgoingMail, queue_composed, register_composer
from hanse_hub.policy import Actor, scope_for
from hanse_hub.questions.models import Answer, Question, QuestionAudience
from hanse_hub.questions.services import contact_persons, editors_of

QUESTION_MAIL = "question_notice"


def _base_url() -> str | None:
    return request.host_url if has_request_context() else None


def _queue(event: str, address: str, **payload) -> None:
    if not address:
        return
    queue_composed(
        QUESTION_MAIL,
        address,
        {"event": event, "language": "de", "base_url": _base_url(), **payload},
    )


def question_asked(question: Question) -> None:
    """Queue the new question for its contact persons and the owning tenant's editors."""
    entry = question.entry
    today = berlin_today()
    addresses: set[str] = set()
    for person in contact_persons(entry):
        if person.has_left(today):
            continue
        if person.user_id is not None:
            user = db.session.get(User, person.user_id)
            wanted = user is not None and user.id != question.author_id and user.is_active
            if wanted and user.email_folded not in addresses:
                addresses.add(user.email_folded)
                _queue("asked", user.email, question_id=question.id, user_id=user.id)
        elif person.email and person.email.casefold() not in addresses:
            addresses.add(person.email.casefold())
            _queue("asked", person.email, question_id=question.id, contact_id=person.id)
    for user in editors_of(entry.tenant_id):
        if user.id != question.author_id and user.email_folded not in addresses:
            addresses.add(user.email_folded)
            _queue("asked", user.email, question_id=question.id, user_id=user.id)


def question_answered(answer: Answer) -> None:
    """Queue the new answer for the asker."""
    question = answer.question
    asker = question.author
    if asker is None or asker.id == answer.author_id or not asker.is_active:
        return
    _queue("answered", asker.email, answer_id=answer.id, user_id=asker.id)


def hidden(item: Question | Answer) -> None:
    """Queue the notice that ``item`` was hidden for its author."""
    author = item.author
    if author is None or not author.is_active:
        return
    if isinstance(item, Answer):
        _queue("hidden", author.email, answer_id=item.id, user_id=author.id)
    else:
        _queue("hidden", author.email, question_id=item.id, user_id=author.id)


# -- composing at delivery time --------------------------------------------------------------------


def _contact_may_receive(contact: Contact | None, question: Question) -> bool:
    """A contact person without an account: still named on the live, published entry, not
    left, and the question is for everyone who sees the entry or the contact is an owner's."""
    entry = question.entry
    if contact is None or contact.user_id is not None:
        return False
    if entry.is_deleted or entry.status != EntryStatus.PUBLISHED or question.is_hidden:
        return False
    if contact not in contact_persons(entry) or contact.has_left(berlin_today()):
        return False
    return question.audience == QuestionAudience.ENTRY or contact.tenant_id == entry.tenant_id


def _link(question: Question) -> str:
    entry = question.entry
    return external_url(
        "content.entry_page",
        tenant_slug=entry.tenant.slug,
        slug=entry.slug,
        _anchor=f"frage-{question.id}",
    )


def compose_question_mail(row: OutgoingMail) -> EmailMessage | None:
    """The notice's message, or None when its recipient may no longer see what it is about."""
    payload = row.payload or {}
    event = payload.get("event")
    user = db.session.get(User, payload["user_id"]) if payload.get("user_id") else None
    if payload.get("user_id") and (user is None or not user.is_active):
        return None
    scope = scope_for(Actor.of(user))
    answer = db.session.get(Answer, payload["answer_id"]) if payload.get("answer_id") else None
    if answer is not None:
        question = answer.question
    else:
        question = db.session.get(Question, payload.get("question_id") or 0)
    if question is None:
        return None
    entry = question.entry
    if event == "asked":
        if question.is_hidden:
            return None
        if user is not None:
            if not scope.allows_question(question):
                return None
            address = user.email
        else:
            contact = db.session.get(Contact, payload.get("contact_id") or 0)
            if not _contact_may_receive(contact, question):
                return None
            address = contact.email
        body = render_template(
            "questions/mail/asked.txt", entry=entry, question=question, link=_link(question)
        )
        subject = _("Eine Frage zu „%(title)s“", title=entry.title)
    elif event == "answered":
        if answer is None or answer.is_hidden or user is None or not scope.allows_answer(answer):
            return None
        address = user.email
        body = render_template(
            "questions/mail/answered.txt",
            entry=entry,
            answer=answer,
            recipient_name=user.display_name,
            link=_link(question),
        )
        subject = _("Antwort auf Ihre Frage zu „%(title)s“", title=entry.title)
    elif event == "hidden":
        item = answer if answer is not None else question
        if user is None or not item.is_hidden:
            return None
        if answer is not None and not scope.allows_answer(answer):
            return None
        if not scope.allows_question(question):
            return None
        address = user.email
        body = render_template(
            "questions/mail/hidden.txt",
            entry=entry,
            is_answer=answer is not None,
            reason=item.hidden_reason,
            recipient_name=user.display_name,
            link=_link(question),
        )
        subject = _("Ihr Beitrag zu „%(title)s“ wurde ausgeblendet", title=entry.title)
    else:
        return None
    return build_message(address, subject, body)


register_composer(QUESTION_MAIL, compose_question_mail)
