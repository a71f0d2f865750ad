"""The HTML forms of questions and answers (validated at the edge, CSRF), and what the entry
page's section "Fragen und Antworten" shows."""

from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from wtforms import RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length

from hanse_hub.clock import berlin_today
from hanse_hub.content.models import Entry
from hanse_hub.policy import (
    Actor,
    can_answer,
    can_ask,
    can_mark_helpful,
    can_moderate_questions,
)
from hanse_hub.questions import services
from hanse_hub.questions.models import (
    MAX_HIDE_REASON,
    MAX_QUESTION_TEXT,
    Answer,
    Question,
    QuestionAudience,
)
from hanse_hub.questions.services import MIN_TEXT, Routing
from hanse_hub.web.forms import BaseForm


def _text(label) -> TextAreaField:
    return TextAreaField(
        label,
        [
            DataRequired(_l("Bitte schreiben Sie Ihren Text.")),
            Length(
                min=MIN_TEXT,
                max=MAX_QUESTION_TEXT,
                message=_l("Bitte schreiben Sie zwischen 10 und 5.000 Zeichen."),
            ),
        ],
    )


class AskForm(BaseForm):
    text = _text(_l("Ihre Frage"))
    audience = RadioField(
        _l("Wer darf die Frage und die Antworten sehen?"),
        choices=[
            SelectChoice(QuestionAudience.ENTRY.value, _l("Alle, die den Eintrag sehen dürfen")),
            SelectChoice(
                QuestionAudience.OWNER.value, _l("Nur die Organisation, der der Eintrag gehört")
            ),
        ],
        default=QuestionAudience.ENTRY.value,
    )


class AnswerForm(BaseForm):
    text = _text(_l("Ihre Antwort"))


class HideForm(BaseForm):
    reason = StringField(
        _l("Grund für das Ausblenden"),
        [
            DataRequired(_l("Bitte geben Sie einen Grund an.")),
            Length(max=MAX_HIDE_REASON, message=_l("Der Grund ist zu lang.")),
        ],
        description=_l(
            "Die Verfasserin oder der Verfasser wird benachrichtigt und sieht den Grund."
        ),
    )


@dataclass
class QuestionSection:
    """What the entry page's "Fragen und Antworten" shows to one viewer."""

    questions: list[Question]
    answers: dict[int, list[Answer]]  # question id → the answers the viewer may see
    routing: Routing
    may_ask: bool
    ask_form: AskForm | None
    answer_forms: dict[int, AnswerForm] = field(default_factory=dict)
    may_moderate: bool = False
    hide_form: HideForm | None = None
    markable: set[int] = field(default_factory=set)  # answers the viewer may mark helpful


def question_section(
    actor: Actor,
    entry: Entry,
    *,
    ask_form: AskForm | None = None,
    answer_form: tuple[int, AnswerForm] | None = None,
) -> QuestionSection:
    """The section for ``entry`` as ``actor`` sees it; a form that failed validation is shown
    again with what was typed (``ask_form``, ``answer_form`` for one question)."""
    questions = services.questions_on(actor, entry)
    may_ask = can_ask(actor, entry)
    answer_forms = {
        question.id: AnswerForm(formdata=None, prefix=f"a{question.id}")
        for question in questions
        if can_answer(actor, question)
    }
    if answer_form is not None:
        answer_forms[answer_form[0]] = answer_form[1]
    return QuestionSection(
        questions=questions,
        answers={q.id: services.visible_answers(actor, q) for q in questions},
        routing=services.routing_for(actor, entry, berlin_today()),
        may_ask=may_ask,
        ask_form=(ask_form or AskForm(formdata=None)) if may_ask else None,
        answer_forms=answer_forms,
        may_moderate=can_moderate_questions(actor, entry),
        hide_form=HideForm(formdata=None) if can_moderate_questions(actor, entry) else None,
        markable={
            answer.id
            for question in questions
            for answer in question.answers
            if can_mark_helpful(actor, answer)
        },
    )
