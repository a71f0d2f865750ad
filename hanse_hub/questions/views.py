"""Asking, answering, marking helpful and hiding, from the entry page (forms without
JavaScript); and the sections of "Mein Bereich" that questions contribute."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from hanse_hub.content.services import EntryNotFound, get_entry
from hanse_hub.content.views import entry_url, render_entry
from hanse_hub.database import write_transaction
from hanse_hub.notifications.home import HomeSection, register_home_section
from hanse_hub.policy import PermissionDenied
from hanse_hub.questions import services
from hanse_hub.questions.forms import AnswerForm, AskForm, HideForm
from hanse_hub.web.context import current_actor

blueprint = Blueprint("questions", __name__)


def _anchor(entry, question_id: int) -> str:
    return f"{entry_url(entry)}#frage-{question_id}"


def _entry_or_404(entry_id: int):
    try:
        return get_entry(current_actor(), entry_id)
    except EntryNotFound:
        abort(404)


def _question_or_404(question_id: int):
    try:
        return services.get_question(current_actor(), question_id)
    except services.QuestionNotFound:
        abort(404)


def _answer_or_404(answer_id: int):
    try:
        return services.get_answer(current_actor(), answer_id)
    except services.QuestionNotFound:
        abort(404)


@blueprint.route("/eintraege/<db_id:entry_id>/fragen", methods=["POST"])
def ask(entry_id: int):
    actor = current_actor()
    entry = _entry_or_404(entry_id)
    form = AskForm()
    if not form.validate():
        return render_entry(actor, entry, 422, ask_form=form)
    try:
        with write_transaction():
            question = services.ask_question(actor, entry, form.text.data, form.audience.data)
    except PermissionDenied:
        abort(403)
    except services.QuestionError as error:
        form.text.errors = [str(error)]
        return render_entry(actor, entry, 422, ask_form=form)
    except services.TooManyQuestions as error:
        form.text.errors = [
            _(
                "Sie haben in der letzten Stunde schon viele Fragen gestellt. Bitte versuchen "
                "Sie es in %(minutes)d Minuten noch einmal – Ihr Text steht noch im Feld.",
                minutes=max(1, error.retry_after // 60),
            )
        ]
        response = render_entry(actor, entry, 429, ask_form=form)
        response.headers["Retry-After"] = str(error.retry_after)
        return response
    flash(_("Ihre Frage ist gestellt. Sie werden benachrichtigt, sobald sie beantwortet ist."))
    return redirect(_anchor(entry, question.id), code=303)


@blueprint.route("/fragen/<db_id:question_id>/antworten", methods=["POST"])
def answer(question_id: int):
    actor = current_actor()
    question = _question_or_404(question_id)
    entry = question.entry
    form = AnswerForm(prefix=f"a{question.id}")
    if not form.validate():
        return render_entry(actor, entry, 422, answer_form=(question.id, form))
    try:
        with write_transaction():
            services.answer_question(actor, question, form.text.data)
    except PermissionDenied:
        abort(403)
    except services.QuestionError as error:
        form.text.errors = [str(error)]
        return render_entry(actor, entry, 422, answer_form=(question.id, form))
    flash(_("Ihre Antwort ist gespeichert."))
    return redirect(_anchor(entry, question.id), code=303)


@blueprint.route("/antworten/<db_id:answer_id>/hilfreich", methods=["POST"])
def mark_helpful(answer_id: int):
    actor = current_actor()
    answer = _answer_or_404(answer_id)
    try:
        with write_transaction():
            services.mark_helpful(actor, answer)
    except PermissionDenied:
        abort(403)
    flash(_("Danke! Die Antwort ist als hilfreich markiert."))
    return redirect(_anchor(answer.question.entry, answer.question_id), code=303)


def _hide(item, entry, question_id: int, hide):
    form = HideForm()
    if not form.validate():
        flash(" ".join(map(str, form.reason.errors)), "error")
        return redirect(_anchor(entry, question_id), code=303)
    try:
        with write_transaction():
            hide(current_actor(), item, form.reason.data)
    except PermissionDenied:
        abort(403)
    except services.QuestionError as error:
        flash(str(error), "error")
        return redirect(_anchor(entry, question_id), code=303)
    flash(_("Ausgeblendet. Die Verfasserin oder der Verfasser wird benachrichtigt."))
    return redirect(_anchor(entry, question_id), code=303)


@blueprint.route("/fragen/<db_id:question_id>/ausblenden", methods=["POST"])
def hide_question(question_id: int):
    question = _question_or_404(question_id)
    return _hide(question, question.entry, question.id, services.hide_question)


@blueprint.route("/antworten/<db_id:answer_id>/ausblenden", methods=["POST"])
def hide_answer(answer_id: int):
    answer = _answer_or_404(answer_id)
    return _hide(answer, answer.question.entry, answer.question_id, services.hide_answer)


# -- "Mein Bereich" ------------------------------------------------------------------------------

register_home_section(
    HomeSection(
        key="fragen-an-mich",
        title=_l("Fragen, die auf mich warten"),
        loader=lambda actor, _user: services.questions_waiting_for(actor),
        template="questions/_home_waiting.html",
        order=15,
        empty=_l("Keine offenen Fragen an Sie oder Ihre Redaktion."),
    )
)
register_home_section(
    HomeSection(
        key="meine-fragen",
        title=_l("Neue Antworten auf meine Fragen"),
        loader=lambda actor, _user: services.my_questions_with_new_answers(actor),
        template="questions/_home_answered.html",
        order=16,
        empty=_l("Keine neuen Antworten auf Ihre Fragen."),
    )
)
