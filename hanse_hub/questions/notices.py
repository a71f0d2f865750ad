"""Telling people about questions: notifications for account holders, mails for contact
persons without an account.

Account holders are told through the hub's notifications (``notifications.services.notify``):
in-app and by e-mail as each person chose in their notification settings. A contact person
named on an entry without an account has no settings: they get a mail through the mail
outbox, composed when it is sent. Both check the policy when read or sent – visibility can
change between asking and delivery – and show nothing to whom may no longer see it.

Who is told what:

* a new question: the entry's contact persons who have not left and the owning tenant's
  editors, not the asker. A contact linked to an account is told as that account (if it may
  see the question); a contact without an account (just an address) gets a mail if the
  question is for everyone who sees the entry or the contact belongs to the owning tenant;
* a new answer: the asker (not when they answered themselves);
* a hidden question or answer: its author, with the reason.
"""

from __future__ import annotations

from email.message import EmailMessage

from flask import has_request_context, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from hanse_hub.clock import berlin_today
from hanse_hub.content.models import Contact, EntryStatus
from hanse_hub.extensions import db
from hanse_hub.mail import build_message, external_url
from hanse_hub.mail_outbox import OutgoingMail, queue_composed, register_composer
from hanse_hub.notifications.models import Notification
from hanse_hub.notifications.services import (
    editors_of,
    notify,
    register_event,
    register_reason,
)
from hanse_hub.policy import Actor, scope_for
from hanse_hub.questions.models import Answer, Question, QuestionAudience
from hanse_hub.questions.services import contact_persons

QUESTION_MAIL = "question_notice"
QUESTION_ASKED = "question_asked"
QUESTION_ANSWERED = "question_answered"
QUESTION_HIDDEN = "question_hidden"
ANSWER_HIDDEN = "answer_hidden"


def _question_visible(actor: Actor, notification: Notification) -> bool:
    detail = notification.detail or {}
    question = db.session.get(Question, detail.get("question_id") or 0)
    if question is None or not scope_for(actor).allows_question(question):
        return False
    # A question hidden after it was asked is no longer news for those who were asked.
    return notification.event == QUESTION_HIDDEN or not question.is_hidden


def _answer_visible(actor: Actor, notification: Notification) -> bool:
    detail = notification.detail or {}
    answer = db.session.get(Answer, detail.get("answer_id") or 0)
    if answer is None or not scope_for(actor).allows_answer(answer):
        return False
    return notification.event == ANSWER_HIDDEN or not answer.is_hidden


register_event(QUESTION_ASKED, _l("Neue Frage"), visible=_question_visible)
register_event(QUESTION_ANSWERED, _l("Neue Antwort"), visible=_answer_visible)
register_event(QUESTION_HIDDEN, _l("Frage ausgeblendet"), visible=_question_visible)
register_event(ANSWER_HIDDEN, _l("Antwort ausgeblendet"), visible=_answer_visible)
register_reason("question_contact", _l("Sie sind Ansprechperson für diesen Eintrag."))
register_reason("question_editor", _l("Sie gehören zur Redaktion, der der Eintrag gehört."))
register_reason("own_question", _l("Sie haben diese Frage gestellt."))
register_reason("own_text", _l("Sie haben diesen Text geschrieben."))


def _base_url() -> str | None:
    return request.host_url if has_request_context() else None


def _path(question: Question) -> str | None:
    """The question's place on its entry page (for the notification list)."""
    if not has_request_context():
        return None
    entry = question.entry
    return url_for(
        "content.entry_page",
        tenant_slug=entry.tenant.slug,
        slug=entry.slug,
        _anchor=f"frage-{question.id}",
    )


def _detail(question: Question, answer: Answer | None = None) -> dict:
    detail = {"question_id": question.id}
    if answer is not None:
        detail["answer_id"] = answer.id
    path = _path(question)
    if path:
        detail["url"] = path
    return detail


def question_asked(actor: Actor, question: Question) -> None:
    """Tell the entry's contact persons and the owning tenant's editors about a new question."""
    entry = question.entry
    today = berlin_today()
    recipients: dict[int, str] = dict.fromkeys(editors_of(entry.tenant_id), "question_editor")
    addresses: set[str] = set()
    for person in contact_persons(entry):
        if person.has_left(today):
            continue
        if person.user_id is not None:
            recipients[person.user_id] = "question_contact"
        elif person.email and person.email.casefold() not in addresses:
            addresses.add(person.email.casefold())
            queue_composed(
                QUESTION_MAIL,
                person.email,
                {
                    "event": "asked",
                    "language": "de",
                    "base_url": _base_url(),
                    "question_id": question.id,
                    "contact_id": person.id,
                },
            )
    recipients.pop(question.author_id, None)
    notify(actor, QUESTION_ASKED, entry=entry, recipients=recipients, detail=_detail(question))


def question_answered(actor: Actor, answer: Answer) -> None:
    """Tell the asker about a new answer."""
    question = answer.question
    if question.author_id is None:
        return
    notify(
        actor,
        QUESTION_ANSWERED,
        entry=question.entry,
        recipients={question.author_id: "own_question"},
        detail=_detail(question, answer),
    )


def hidden(actor: Actor, item: Question | Answer) -> None:
    """Tell the author of ``item`` that it was hidden (the reason is on the page)."""
    if item.author_id is None:
        return
    is_answer = isinstance(item, Answer)
    question = item.question if is_answer else item
    notify(
        actor,
        ANSWER_HIDDEN if is_answer else QUESTION_HIDDEN,
        entry=question.entry,
        recipients={item.author_id: "own_text"},
        detail=_detail(question, item if is_answer else None),
    )


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
    """The mail to a contact person without an account, or None when they may no longer get
    it (the question was hidden, the entry changed, the person left …)."""
    payload = row.payload or {}
    question = db.session.get(Question, payload.get("question_id") or 0)
    contact = db.session.get(Contact, payload.get("contact_id") or 0)
    if question is None or not _contact_may_receive(contact, question):
        return None
    entry = question.entry
    body = render_template(
        "questions/mail/asked.txt", entry=entry, question=question, link=_link(question)
    )
    return build_message(contact.email, _("Eine Frage zu „%(title)s“", title=entry.title), body)


register_composer(QUESTION_MAIL, compose_question_mail)
