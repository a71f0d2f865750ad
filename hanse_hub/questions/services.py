"""Question use cases: ask on an entry, answer, mark helpful, hide; and reading them.

Each function takes the acting ``Actor`` explicitly and checks it against the policy
(``policy.can_ask`` …); callers own the transaction (``write_transaction``). Reads go through
``policy.scope_for``. A question goes to the entry's contact persons and the owning tenant's
editors – never to a contact who left (the page names them, ``routing_for``). Mails leave
through the mail outbox, composed at delivery time (``questions.notices``), so that a
recipient who may no longer see the question by then gets nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from hanse_hub.accounts.models import User
from hanse_hub.accounts.services import add_audit_event
from hanse_hub.clock import berlin_today
from hanse_hub.content.models import (
    Contact,
    Entry,
    EntryStatus,
    Material,
    Solution,
)
from hanse_hub.content.models.kinds import material_speakers, solution_contacts
from hanse_hub.database import utcnow
from hanse_hub.extensions import db
from hanse_hub.policy import (
    Actor,
    PermissionDenied,
    can_answer,
    can_ask,
    can_mark_helpful,
    can_moderate_questions,
    scope_for,
)
from hanse_hub.questions.models import (
    MAX_HIDE_REASON,
    MAX_QUESTION_TEXT,
    Answer,
    Question,
    QuestionAudience,
    QuestionRevision,
)
from hanse_hub.tenants.models import Tenant

# Rate limit per person (web and API alike): this many questions within the window.
ASK_LIMIT = 10
ASK_WINDOW = timedelta(hours=1)
MIN_TEXT = 10


class QuestionError(ValueError):
    """Input that cannot be applied, with a message for people (and the field it concerns)."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class QuestionNotFound(LookupError):
    """No question (or answer) the actor may see has this id."""


class TooManyQuestions(Exception):
    """The person asked ``ASK_LIMIT`` questions within ``ASK_WINDOW``; retry after some seconds."""

    def __init__(self, retry_after: int):
        super().__init__(f"retry after {retry_after} s")
        self.retry_after = retry_after


# -- who a question goes to ------------------------------------------------------------------------


def contact_persons(entry: Entry) -> list[Contact]:
    """The people an entry names as the ones who know: a solution's contacts, a material's
    speakers, a contact entry's person. Live, published contacts with consent only."""
    if isinstance(entry, Solution):
        people = list(entry.contacts)
    elif isinstance(entry, Material):
        people = list(entry.speakers)
    elif isinstance(entry, Contact):
        people = [entry]
    else:
        people = []
    return [
        person
        for person in people
        if not person.is_deleted and person.status == EntryStatus.PUBLISHED and person.has_consent
    ]


@dataclass(frozen=True)
class Routing:
    """Where a question on an entry goes, as the asker may be told."""

    reachable: list[Contact]  # contact persons who get the question
    left: list[Contact]  # contact persons who left: their questions go to the editors
    tenant: Tenant  # whose editors always get it


def routing_for(actor: Actor, entry: Entry, today: date) -> Routing:
    """The contact persons a question on ``entry`` reaches and those who left – only those
    ``actor`` may see, so that the page names nobody the asker may not know of."""
    scope = scope_for(actor)
    people = [person for person in contact_persons(entry) if scope.allows_entry(person)]
    return Routing(
        reachable=[person for person in people if not person.has_left(today)],
        left=[person for person in people if person.has_left(today)],
        tenant=entry.tenant,
    )


# -- reading ---------------------------------------------------------------------------------------


def _visible_questions(actor: Actor):
    scope = scope_for(actor)
    return (
        select(Question)
        .join(Entry, Question.entry_id == Entry.id)
        .where(scope.entry_filter(), scope.question_filter())
        .options(selectinload(Question.answers), selectinload(Question.author))
    )


def visible_answers(actor: Actor, question: Question) -> list[Answer]:
    scope = scope_for(actor)
    return [answer for answer in question.answers if scope.allows_answer(answer)]


def helpful_answer(question: Question) -> Answer | None:
    return next(
        (a for a in question.answers if a.helpful_at is not None and a.hidden_at is None), None
    )


def _order_key(question: Question) -> tuple:
    helpful = helpful_answer(question)
    shown = [a for a in question.answers if a.hidden_at is None]
    if helpful is not None:
        return (0, -helpful.helpful_at.timestamp(), -question.id)
    if shown:
        return (1, -max(a.created_at for a in shown).timestamp(), -question.id)
    return (2, -question.created_at.timestamp(), -question.id)


def questions_on(actor: Actor, entry: Entry) -> list[Question]:
    """The questions on ``entry`` that ``actor`` may see: those with a helpful answer first
    (newest helpful first), then answered ones, then open ones (newest first)."""
    questions = db.session.scalars(_visible_questions(actor).where(Question.entry_id == entry.id))
    return sorted(questions, key=_order_key)


def get_question(actor: Actor, question_id: int) -> Question:
    question = db.session.scalar(_visible_questions(actor).where(Question.id == question_id))
    if question is None:
        raise QuestionNotFound(question_id)
    return question


def get_answer(actor: Actor, answer_id: int) -> Answer:
    answer = db.session.get(Answer, answer_id)
    if answer is None or not scope_for(actor).allows_answer(answer):
        raise QuestionNotFound(answer_id)
    return answer


def questions_waiting_for(actor: Actor, *, limit: int = 50) -> list[Question]:
    """Open questions (no shown answer yet) for ``actor``: on entries that name them as a
    contact person (through their account, unless they left), or of tenants where they edit.
    Oldest first; not their own questions."""
    if actor.is_anonymous:
        return []
    # The contact entries that name the actor through their account (not those they left).
    my_contacts = select(Contact.id).where(
        Contact.user_id == actor.user_id,
        or_(Contact.left_at.is_(None), Contact.left_at > berlin_today()),
    )
    mine = [
        Question.entry_id.in_(my_contacts),
        Question.entry_id.in_(
            select(solution_contacts.c.solution_id).where(
                solution_contacts.c.contact_id.in_(my_contacts)
            )
        ),
        Question.entry_id.in_(
            select(material_speakers.c.material_id).where(
                material_speakers.c.contact_id.in_(my_contacts)
            )
        ),
    ]
    if actor.editable_tenant_ids:
        mine.append(Entry.tenant_id.in_(actor.editable_tenant_ids))
    answered = (
        select(Answer.id)
        .where(Answer.question_id == Question.id, Answer.hidden_at.is_(None))
        .exists()
    )
    query = (
        _visible_questions(actor)
        .where(or_(*mine), ~answered, Question.hidden_at.is_(None))
        .where(or_(Question.author_id.is_(None), Question.author_id != actor.user_id))
        .order_by(Question.created_at, Question.id)
        .limit(limit)
    )
    return list(db.session.scalars(query))


def my_questions_with_new_answers(actor: Actor, *, limit: int = 50) -> list[Question]:
    """The actor's own questions with answers they have not seen yet, newest answer first."""
    if actor.is_anonymous:
        return []
    query = (
        _visible_questions(actor)
        .where(
            Question.author_id == actor.user_id,
            Question.last_answer_at.is_not(None),
            or_(
                Question.asker_seen_at.is_(None),
                Question.last_answer_at > Question.asker_seen_at,
            ),
        )
        .order_by(Question.last_answer_at.desc(), Question.id.desc())
        .limit(limit)
    )
    return list(db.session.scalars(query))


def mark_seen_by_asker(actor: Actor, questions: list[Question]) -> int:
    """The asker saw the answers of these questions (on the entry page): they are no longer
    "new" in "Mein Bereich". Returns how many were marked."""
    marked = 0
    for question in questions:
        if (
            actor.user_id is not None
            and question.author_id == actor.user_id
            and question.last_answer_at is not None
            and (question.asker_seen_at is None or question.asker_seen_at < question.last_answer_at)
        ):
            question.asker_seen_at = utcnow()
            marked += 1
    return marked


# -- history ---------------------------------------------------------------------------------------


def _state(item: Question | Answer) -> dict[str, Any]:
    def plain(value):
        return value.isoformat() if isinstance(value, datetime) else value

    names = ["text", "author_id", "version", "hidden_at", "hidden_by_id", "hidden_reason"]
    names += ["audience"] if isinstance(item, Question) else ["helpful_at"]
    return {name: plain(getattr(item, name)) for name in names}


def _revise(actor: Actor, item: Question | Answer, action: str, previous: dict | None) -> None:
    if previous is not None:
        item.version += 1
        item.updated_at = utcnow()
    db.session.flush()
    is_answer = isinstance(item, Answer)
    db.session.add(
        QuestionRevision(
            question_id=item.question_id if is_answer else item.id,
            answer_id=item.id if is_answer else None,
            version=item.version,
            action=action,
            actor_id=actor.user_id,
            previous_state=previous,
        )
    )


def _lock(item: Question | Answer) -> None:
    """Take the row lock (PostgreSQL) and read the row again, so that concurrent changes of
    one question or answer run one after the other."""
    db.session.refresh(item, with_for_update={"key_share": True})


# -- writing ---------------------------------------------------------------------------------------


def _clean_text(text: str | None) -> str:
    text = (text or "").strip()
    if len(text) < MIN_TEXT:
        raise QuestionError(
            _("Bitte schreiben Sie mindestens %(count)d Zeichen.", count=MIN_TEXT), "text"
        )
    if len(text) > MAX_QUESTION_TEXT:
        raise QuestionError(
            _(
                "Bitte fassen Sie sich kürzer (höchstens %(count)d Zeichen).",
                count=MAX_QUESTION_TEXT,
            ),
            "text",
        )
    return text


def _check_rate(actor: Actor, now: datetime) -> None:
    since = now - ASK_WINDOW
    recent = list(
        db.session.scalars(
            select(Question.created_at)
            .where(Question.author_id == actor.user_id, Question.created_at > since)
            .order_by(Question.created_at)
        )
    )
    if len(recent) >= ASK_LIMIT:
        oldest_counted = recent[-ASK_LIMIT]
        retry_after = (oldest_counted + ASK_WINDOW - now).total_seconds()
        raise TooManyQuestions(max(1, int(retry_after) + 1))


def ask_question(
    actor: Actor,
    entry: Entry,
    text: str,
    audience: QuestionAudience | str = QuestionAudience.ENTRY,
) -> Question:
    """Ask a question on ``entry``: members only, at most ``ASK_LIMIT`` per ``ASK_WINDOW``. It
    goes to the entry's contact persons and the owning tenant's editors."""
    if not can_ask(actor, entry):
        raise PermissionDenied(f"ask on entry {entry.id}")
    try:
        audience = QuestionAudience(audience)
    except ValueError:
        message = _("Unbekannte Auswahl, wer die Frage sehen darf.")
        raise QuestionError(message, "audience") from None
    text = _clean_text(text)
    now = utcnow()
    # Count under the asker's row lock, so that parallel requests cannot both pass the limit.
    asker = db.session.get(User, actor.user_id, with_for_update={"key_share": True})
    if asker is None:
        raise PermissionDenied("no account")
    _check_rate(actor, now)
    question = Question(
        entry_id=entry.id,
        author_id=actor.user_id,
        audience=audience,
        text=text,
        created_at=now,
        updated_at=now,
        version=1,
    )
    db.session.add(question)
    db.session.flush()
    _revise(actor, question, "created", None)
    _notices().question_asked(actor, question)
    return question


def answer_question(actor: Actor, question: Question, text: str) -> Answer:
    """Answer a question: any member who may see it (not a hidden one). The asker is told."""
    if not can_answer(actor, question):
        raise PermissionDenied(f"answer question {question.id}")
    text = _clean_text(text)
    _lock(question)
    now = utcnow()
    answer = Answer(
        question=question,
        entry_id=question.entry_id,
        author_id=actor.user_id,
        text=text,
        created_at=now,
        updated_at=now,
        version=1,
    )
    db.session.add(answer)
    question.last_answer_at = now
    if question.author_id == actor.user_id:
        question.asker_seen_at = now  # one's own answer is not news to oneself
    db.session.flush()
    _revise(actor, answer, "created", None)
    _notices().question_answered(actor, answer)
    return answer


def mark_helpful(actor: Actor, answer: Answer) -> Answer:
    """The asker marks ``answer`` as the helpful one (another one marked before is unmarked)."""
    if not can_mark_helpful(actor, answer):
        raise PermissionDenied(f"mark answer {answer.id}")
    question = answer.question
    _lock(question)
    for other in question.answers:
        if other.id != answer.id and other.helpful_at is not None:
            previous = _state(other)
            other.helpful_at = None
            _revise(actor, other, "unmarked_helpful", previous)
    if answer.helpful_at is None:
        previous = _state(answer)
        answer.helpful_at = utcnow()
        _revise(actor, answer, "marked_helpful", previous)
    return answer


def _clean_reason(reason: str | None) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise QuestionError(_("Bitte geben Sie einen Grund an."), "reason")
    if len(reason) > MAX_HIDE_REASON:
        raise QuestionError(
            _("Der Grund ist zu lang (höchstens %(count)d Zeichen).", count=MAX_HIDE_REASON),
            "reason",
        )
    return reason


def _hide(actor: Actor, item: Question | Answer, entry: Entry, reason: str | None) -> None:
    if not can_moderate_questions(actor, entry):
        raise PermissionDenied("hide")
    reason = _clean_reason(reason)
    _lock(item)
    if item.hidden_at is not None:
        raise QuestionError(_("Das ist bereits ausgeblendet."), "reason")
    previous = _state(item)
    item.hidden_at = utcnow()
    item.hidden_by_id = actor.user_id
    item.hidden_reason = reason
    if isinstance(item, Answer):
        item.helpful_at = None
    _revise(actor, item, "hidden", previous)
    kind = "answer" if isinstance(item, Answer) else "question"
    add_audit_event(
        f"{kind}_hidden",
        actor_id=actor.user_id,
        tenant_id=entry.tenant_id,
        target=f"{kind}:{item.uuid}",
        detail={"entry_id": entry.id, "reason": reason},
    )
    _notices().hidden(actor, item)


def hide_question(actor: Actor, question: Question, reason: str | None) -> Question:
    """Editors of the owning tenant hide a question with a reason: it is kept (with its
    answers), audited, and its author is told."""
    _hide(actor, question, question.entry, reason)
    return question


def hide_answer(actor: Actor, answer: Answer, reason: str | None) -> Answer:
    """Editors of the owning tenant hide an answer with a reason (kept, audited, author told)."""
    _hide(actor, answer, answer.question.entry, reason)
    return answer


def _notices():
    # The notices module composes mails at delivery time and imports this one's routing.
    from hanse_hub.questions import notices

    return notices
