"""The readable plain text of entries, stored for the excerpts of search results.

The index holds analysed tokens (tags, topic names in both languages, contact fields run
together); an excerpt must read as prose. So the indexing pass stores, per entry, its own
prose (summary, body, the kind's text fields), the text of each file (with the file's name)
and the text of its answered questions in ``excerpt_texts`` – derived data, written after
each change through the outbox and rebuilt by ``flask search reindex``. The search page reads
the pieces of all its hits in one statement (``load``) and cuts the excerpt from them
(``excerpt``): no file is read and nothing is loaded per hit while searching.

Visibility: the pieces are read only for hits already loaded through the visibility policy,
and an entry's answered questions are those everyone who sees the entry may read
(``questions.searchable``), so an excerpt never shows more than the entry's readers may read.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup
from sqlalchemy import delete, insert, select
from sqlalchemy import text as sql

from hanse_hub.content.models import Contact, Entry, Event, LessonLearned, Solution
from hanse_hub.extensions import db
from hanse_hub.search import analysis
from hanse_hub.search.models import ExcerptText
from hanse_hub.search.similar import LIST_WRITERS_LOCK

# The longest text kept per piece: an excerpt of a long file comes from its first 50,000
# characters (the index still finds words beyond them; the excerpt then shows the entry).
MAX_PIECE_CHARS = 50_000
ENTRY, FILE, ANSWERS = "entry", "file", "answers"

MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
MARKDOWN_MARKS = re.compile(r"(^|\s)#{1,6}\s|[*_`>]+|^\s*[-+]\s", re.MULTILINE)


def plain_text(markdown: str) -> str:
    """Markdown as reading text for excerpts: link texts kept, markup characters dropped."""
    return MARKDOWN_MARKS.sub(" ", MARKDOWN_LINK.sub(r"\1", markdown))


def readable_texts(entry: Entry) -> list[str]:
    """The entry's own prose, for excerpts: summary, body and the kind's text fields – not
    the tags, topic names and contact fields the index also holds, which read as a jumble."""
    texts = [entry.summary, entry.body]
    if isinstance(entry, Solution):
        texts += [entry.problem, entry.approach, entry.transferability, entry.costs]
    elif isinstance(entry, LessonLearned):
        texts += [entry.context, entry.what_worked, entry.what_did_not_work]
        texts += [entry.recommendations]
    elif isinstance(entry, Contact):
        texts += [", ".join(part for part in (entry.position, entry.org_unit) if part)]
        texts += [", ".join(entry.expertise)]
    elif isinstance(entry, Event):
        texts += [entry.programme]
    return [text for text in texts if text]


def own_text(entry: Entry) -> str:
    return plain_text("\n".join(readable_texts(entry)))


@dataclass(frozen=True)
class Piece:
    source: str  # ENTRY, FILE or ANSWERS
    text: str
    file_name: str | None = None


def pieces_of(entry: Entry, file_texts: dict[int, str], questions: list[str]) -> list[Piece]:
    """What ``excerpt`` may cut from: the entry's prose, each file's text, its answers.

    ``file_texts``: attachment id → the file's extracted text."""
    pieces = [Piece(ENTRY, own_text(entry)[:MAX_PIECE_CHARS])]
    for attachment in entry.attachments:
        text = "\n".join(t for t in (attachment.description, file_texts.get(attachment.id)) if t)
        if text.strip():
            pieces.append(Piece(FILE, text[:MAX_PIECE_CHARS], attachment.original_filename))
    if questions:
        pieces.append(Piece(ANSWERS, "\n".join(questions)[:MAX_PIECE_CHARS]))
    return pieces


def store(pieces: dict[int, list[Piece]], gone: Iterable[int] = ()) -> None:
    """Replace the stored pieces of these entries (``gone``: entries whose pieces go)."""
    ids = sorted({*pieces, *gone})
    if not ids:
        return
    if db.session.get_bind().dialect.name == "postgresql":
        # Two processes indexing the same entry at once (a request's inline indexing and
        # another host's recovery thread) would each delete and insert the same keys, and the
        # second insert fail on them: one writer at a time, with the similar lists' lock
        # (the same key, so that the two can never wait for each other in opposite order).
        db.session.execute(sql("SELECT pg_advisory_xact_lock(:key)"), {"key": LIST_WRITERS_LOCK})
    db.session.execute(delete(ExcerptText).where(ExcerptText.entry_id.in_(ids)))
    rows = [
        {
            "entry_id": entry_id,
            "position": position,
            "source": piece.source,
            "file_name": piece.file_name,
            "text": piece.text,
        }
        for entry_id, entry_pieces in sorted(pieces.items())
        for position, piece in enumerate(entry_pieces)
    ]
    if rows:
        db.session.execute(insert(ExcerptText), rows)


def remove_all() -> None:
    db.session.execute(delete(ExcerptText))


def load(entry_ids: Iterable[int]) -> dict[int, list[Piece]]:
    """The stored pieces of these entries, in one statement (entry id → pieces in order).

    Call it only with entries the searcher may see."""
    ids = sorted(set(entry_ids))
    found: dict[int, list[Piece]] = defaultdict(list)
    if not ids:
        return found
    rows = db.session.execute(
        select(ExcerptText.entry_id, ExcerptText.source, ExcerptText.text, ExcerptText.file_name)
        .where(ExcerptText.entry_id.in_(ids))
        .order_by(ExcerptText.entry_id, ExcerptText.position)
    )
    for entry_id, source, text, file_name in rows:
        found[entry_id].append(Piece(source, text, file_name))
    return found


def excerpt(
    entry: Entry, pieces: list[Piece], stems: set[str], whole_stems: set[str]
) -> tuple[Markup, str | None]:
    """The excerpt to show, and the file it comes from when the words were found only there.

    The stems of the words as typed (``whole_stems``) decide first where the words were
    found; those of compound parts only when the typed words are found nowhere. Without
    stored pieces (an entry not indexed since the table was added) the entry's own columns
    are used, which are loaded with it.
    """
    language = entry.language if entry.language in analysis.LANGUAGES else "de"
    own = next((p.text for p in pieces if p.source == ENTRY), None)
    if own is None:
        own = own_text(entry)
    text = own or entry.title
    title_stems = set(analysis.analyse(entry.title, language))
    for looked_for in [whole_stems, stems] if whole_stems and whole_stems != stems else [stems]:
        found = analysis.snippet(text, looked_for, language=language)
        if not looked_for or "<mark>" in found or title_stems & looked_for:
            return analysis.snippet(text, stems, language=language), None
        for piece in pieces:
            if piece.source == ENTRY:
                continue
            found = analysis.snippet(piece.text, looked_for, language=language)
            if "<mark>" in found:
                return found, piece.file_name
    return analysis.snippet(text, stems, language=language), None
