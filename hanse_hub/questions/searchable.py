"""The text of answered questions that the search index takes with their entry.

Only what everyone who sees the entry may read: questions for the entry's whole audience
(never owner-only ones), not hidden, with at least one shown answer – their text and the
texts of their shown answers. So the entry's document, and every excerpt from it, inherits
the entry's visibility; changing a question or answer re-indexes its entry (search outbox).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select

from hanse_hub.extensions import db
from hanse_hub.questions.models import Answer, Question, QuestionAudience


def answered_question_texts(entry_ids: Iterable[int]) -> dict[int, list[str]]:
    """Entry id → the searchable texts of its answered questions (question, then answers)."""
    ids = sorted(set(entry_ids))
    texts: dict[int, list[str]] = defaultdict(list)
    if not ids:
        return texts
    rows = db.session.execute(
        select(Question.entry_id, Question.id, Question.text, Answer.text)
        .join(Answer, Answer.question_id == Question.id)
        .where(
            Question.entry_id.in_(ids),
            Question.audience == QuestionAudience.ENTRY,
            Question.hidden_at.is_(None),
            Answer.hidden_at.is_(None),
        )
        .order_by(Question.entry_id, Question.id, Answer.id)
    ).all()
    seen: set[int] = set()
    for entry_id, question_id, question_text, answer_text in rows:
        if question_id not in seen:
            seen.add(question_id)
            texts[entry_id].append(question_text)
        texts[entry_id].append(answer_text)
    return texts
