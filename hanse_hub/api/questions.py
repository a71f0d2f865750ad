"""``/api/v1/entries/{id}/questions``, ``/api/v1/questions``, ``/api/v1/answers``: ask on an
entry, answer, mark helpful (the asker), hide (editors of the owning tenant); and the caller's
open questions and new answers ("Mein Bereich").

The same services as the entry page; questions the caller may not see answer 404.
"""

from __future__ import annotations

from flask import g, url_for
from flask.views import MethodView
from flask_babel import gettext as _

from hanse_hub.api import schemas
from hanse_hub.api.common import (
    ACTION_PROBLEMS,
    ID,
    LIST_HEADERS,
    READ_PROBLEMS,
    WRITE_PROBLEMS,
    blueprint,
    list_of,
    problems,
    require_caller,
    require_writer,
    visible_entry,
)
from hanse_hub.api.errors import problem
from hanse_hub.database import write_transaction
from hanse_hub.policy import Actor, PermissionDenied
from hanse_hub.questions import services
from hanse_hub.questions.models import Answer, Question


def _author(actor: Actor, item: Question | Answer) -> str | None:
    if actor.is_anonymous or item.author is None:
        return None
    return item.author.display_name


def answer_payload(actor: Actor, answer: Answer) -> dict:
    return {
        "id": answer.id,
        "uuid": answer.uuid,
        "question_id": answer.question_id,
        "text": answer.text,
        "author": _author(actor, answer),
        "created_at": answer.created_at,
        "helpful": answer.helpful_at is not None,
        "hidden": answer.is_hidden,
        "hidden_reason": answer.hidden_reason,
    }


def question_payload(actor: Actor, question: Question) -> dict:
    entry = question.entry
    return {
        "id": question.id,
        "uuid": question.uuid,
        "entry_id": question.entry_id,
        "url": url_for(
            "content.entry_page",
            tenant_slug=entry.tenant.slug,
            slug=entry.slug,
            _anchor=f"frage-{question.id}",
            _external=True,
        ),
        "audience": str(question.audience),
        "text": question.text,
        "author": _author(actor, question),
        "created_at": question.created_at,
        "hidden": question.is_hidden,
        "hidden_reason": question.hidden_reason,
        "answers": [answer_payload(actor, a) for a in services.visible_answers(actor, question)],
    }


def _question(question_id: int) -> Question:
    try:
        return services.get_question(g.actor, question_id)
    except services.QuestionNotFound:
        raise problem(
            404, _("Diese Frage gibt es nicht, oder sie ist für Sie nicht sichtbar.")
        ) from None


def _answer(answer_id: int) -> Answer:
    try:
        return services.get_answer(g.actor, answer_id)
    except services.QuestionNotFound:
        raise problem(
            404, _("Diese Antwort gibt es nicht, oder sie ist für Sie nicht sichtbar.")
        ) from None


def _question_error(error: services.QuestionError):
    field = error.field or "_schema"
    return problem(422, str(error), errors={field: [str(error)]})


@blueprint.route(f"/entries/<{ID}:entry_id>/questions")
class EntryQuestions(MethodView):
    @blueprint.arguments(schemas.PaginationArgs, location="query")
    @blueprint.response(200, schemas.QuestionListSchema, headers=LIST_HEADERS)
    @problems(*READ_PROBLEMS, 404, 422)
    def get(self, args, entry_id: int):
        """The questions on an entry the caller may see (helpful-answered first)."""
        entry = visible_entry(entry_id)
        found = services.questions_on(g.actor, entry)
        return list_of(found, args, lambda q: question_payload(g.actor, q))

    @blueprint.arguments(schemas.QuestionCreateSchema)
    @blueprint.response(201, schemas.QuestionSchema)
    @problems(*WRITE_PROBLEMS)
    def post(self, data, entry_id: int):
        """Ask a question on an entry (members; rate-limited per person). It goes to the
        entry's contact persons and the owning tenant's editors."""
        actor = require_writer()
        entry = visible_entry(entry_id)
        try:
            with write_transaction():
                question = services.ask_question(actor, entry, data["text"], data["audience"])
        except PermissionDenied:
            raise problem(
                403, _("Fragen stellen Mitglieder, zu veröffentlichten Einträgen.")
            ) from None
        except services.QuestionError as error:
            raise _question_error(error) from None
        except services.TooManyQuestions as error:
            raise problem(
                429,
                _("Sie haben in der letzten Stunde schon viele Fragen gestellt."),
                headers={"Retry-After": str(error.retry_after)},
            ) from None
        return question_payload(actor, question), 201


@blueprint.route(f"/questions/<{ID}:question_id>")
class QuestionResource(MethodView):
    @blueprint.response(200, schemas.QuestionSchema)
    @problems(*READ_PROBLEMS, 404)
    def get(self, question_id: int):
        """One question with the answers the caller may see."""
        return question_payload(g.actor, _question(question_id))


@blueprint.route(f"/questions/<{ID}:question_id>/answers")
class QuestionAnswers(MethodView):
    @blueprint.arguments(schemas.AnswerCreateSchema)
    @blueprint.response(201, schemas.AnswerSchema)
    @problems(*WRITE_PROBLEMS)
    def post(self, data, question_id: int):
        """Answer a question (members who see it; not a hidden one). The asker is told."""
        actor = require_writer()
        question = _question(question_id)
        try:
            with write_transaction():
                answer = services.answer_question(actor, question, data["text"])
        except PermissionDenied:
            raise problem(403, _("Sie dürfen diese Frage nicht beantworten.")) from None
        except services.QuestionError as error:
            raise _question_error(error) from None
        return answer_payload(actor, answer), 201


@blueprint.route(f"/answers/<{ID}:answer_id>/helpful")
class AnswerHelpful(MethodView):
    @blueprint.response(200, schemas.AnswerSchema)
    @problems(*ACTION_PROBLEMS)
    def post(self, answer_id: int):
        """Mark an answer as the helpful one (only the asker)."""
        actor = require_writer()
        answer = _answer(answer_id)
        try:
            with write_transaction():
                services.mark_helpful(actor, answer)
        except PermissionDenied:
            raise problem(
                403, _("Nur wer die Frage gestellt hat, markiert eine Antwort als hilfreich.")
            ) from None
        return answer_payload(actor, answer)


def _hide(item, hide, data):
    actor = require_writer()
    try:
        with write_transaction():
            hide(actor, item, data["reason"])
    except PermissionDenied:
        raise problem(
            403, _("Ausblenden darf die Redaktion der Organisation, der der Eintrag gehört.")
        ) from None
    except services.QuestionError as error:
        raise problem(409, str(error)) from None
    return actor


@blueprint.route(f"/questions/<{ID}:question_id>/hide")
class QuestionHide(MethodView):
    @blueprint.arguments(schemas.HideSchema)
    @blueprint.response(200, schemas.QuestionSchema)
    @problems(*WRITE_PROBLEMS)
    def post(self, data, question_id: int):
        """Hide a question with a reason (editors of the owning tenant); kept, audited, its
        author is told. 409 if it is hidden already."""
        question = _question(question_id)
        actor = _hide(question, services.hide_question, data)
        return question_payload(actor, question)


@blueprint.route(f"/answers/<{ID}:answer_id>/hide")
class AnswerHide(MethodView):
    @blueprint.arguments(schemas.HideSchema)
    @blueprint.response(200, schemas.AnswerSchema)
    @problems(*WRITE_PROBLEMS)
    def post(self, data, answer_id: int):
        """Hide an answer with a reason (editors of the owning tenant); kept, audited, its
        author is told. 409 if it is hidden already."""
        answer = _answer(answer_id)
        actor = _hide(answer, services.hide_answer, data)
        return answer_payload(actor, answer)


@blueprint.route("/questions/waiting")
class QuestionsWaiting(MethodView):
    @blueprint.arguments(schemas.PaginationArgs, location="query")
    @blueprint.response(200, schemas.QuestionListSchema, headers=LIST_HEADERS)
    @problems(*READ_PROBLEMS, 422)
    def get(self, args):
        """Open questions for the caller: as a linked contact person, or as an editor of the
        owning tenant (as in "Mein Bereich"), oldest first."""
        actor = require_caller()
        found = services.questions_waiting_for(actor)
        return list_of(found, args, lambda q: question_payload(actor, q))


@blueprint.route("/questions/mine/answered")
class MyAnsweredQuestions(MethodView):
    @blueprint.arguments(schemas.PaginationArgs, location="query")
    @blueprint.response(200, schemas.QuestionListSchema, headers=LIST_HEADERS)
    @problems(*READ_PROBLEMS, 422)
    def get(self, args):
        """The caller's questions with answers they have not seen on the entry page yet."""
        actor = require_caller()
        found = services.my_questions_with_new_answers(actor)
        return list_of(found, args, lambda q: question_payload(actor, q))
