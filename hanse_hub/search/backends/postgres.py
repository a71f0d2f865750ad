"""The PostgreSQL search backend, for deployments with several app hosts.

Documents live in the ``search_documents`` table (created by a PostgreSQL-only
migration) with a ``tsvector`` built from tokens that ``search.analysis``
produced in Python – folding, stemming and decompounding are the same as for
Whoosh, so the ``simple`` configuration only stores them. Queries are built
from the analysed tree: every lexeme is checked to be ``[a-z0-9]+`` and the
tsquery is composed from bound parameters – user input never reaches
``to_tsquery`` as such.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg

from hanse_hub.conditions import AllOf, AnyOf, Condition, FieldIn, NoneOf
from hanse_hub.extensions import db
from hanse_hub.search.backends.base import FACETS, RawHit, RawResults, SearchDocument, SearchQuery
from hanse_hub.search.query import And, Not, Or, Token, TokenPhrase, has_related, without_related

LEXEME = re.compile(r"^[a-z0-9]+$")
# ts_rank weights for D, C, B, A: files, (unused), body, title.
RANK_WEIGHTS = "{0.3, 0.4, 0.6, 1.0}"

metadata = sa.MetaData()
search_documents = sa.Table(
    "search_documents",
    metadata,
    sa.Column("entry_id", sa.Integer, primary_key=True),
    sa.Column("tenant_id", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("visibility", sa.String(20), nullable=False),
    sa.Column("author_id", sa.Integer),
    sa.Column("participant_ids", pg.ARRAY(sa.Integer), nullable=False),
    sa.Column("topics", pg.ARRAY(sa.String), nullable=False),
    sa.Column("year", sa.Integer, nullable=False),
    sa.Column("sort_date", sa.DateTime(timezone=True), nullable=False),
    sa.Column("title_words", pg.ARRAY(sa.String), nullable=False),
    sa.Column("document", pg.TSVECTOR, nullable=False),
)
COLUMN_TYPES = {"tenant_id": int, "author_id": int, "year": int, "entry_id": int}


def compile_condition(condition: Condition):
    table = search_documents.c
    match condition:
        case FieldIn(field, values):
            if not values:
                return sa.false()
            cast = COLUMN_TYPES.get(field, str)
            plain = sorted({cast(v) for v in values})
            if field in ("participant_ids", "topics"):
                element = sa.Integer if field == "participant_ids" else sa.String
                return table[field].overlap(sa.cast(plain, pg.ARRAY(element)))
            return table[field].in_(plain)
        case AllOf(conditions):
            return sa.and_(sa.true(), *(compile_condition(c) for c in conditions))
        case AnyOf(conditions):
            return sa.or_(sa.false(), *(compile_condition(c) for c in conditions))
        case NoneOf(conditions):
            return sa.not_(sa.or_(sa.false(), *(compile_condition(c) for c in conditions)))
    raise TypeError(condition)


def _lexeme(stem: str) -> str | None:
    return stem if LEXEME.match(stem) else None


def tsquery_text(node) -> str | None:
    """The analysed tree in tsquery syntax, from validated lexemes only (None: matches nothing)."""
    match node:
        case Token(stems):
            lexemes = [f"'{s}'" for s in stems if _lexeme(s)]
            return f"({' | '.join(lexemes)})" if lexemes else None
        case TokenPhrase(stems):
            lexemes = [f"'{s}'" for s in stems if _lexeme(s)]
            return f"({' <-> '.join(lexemes)})" if lexemes else None
        case And(nodes):
            parts = []
            for child in nodes:
                text = tsquery_text(child)
                if text is None:
                    if isinstance(child, Not):
                        continue  # excluding what cannot match excludes nothing
                    return None  # a required part that cannot match
                parts.append(text)
            return f"({' & '.join(parts)})" if parts else None
        case Or(nodes):
            kept = [p for p in (tsquery_text(n) for n in nodes) if p is not None]
            return f"({' | '.join(kept)})" if kept else None
        case Not(inner):
            text = tsquery_text(inner)
            return f"!{text}" if text else None
    raise TypeError(node)


class PostgresBackend:
    name = "postgres"
    capabilities = frozenset(
        {"phrases", "negation", "or", "facets", "sort_by_date", "autocomplete", "field_weights"}
    )

    # -- writing ----------------------------------------------------------------------------------
    @contextmanager
    def bulk_load(self, procs: int = 1) -> Iterator[None]:
        """A full rebuild: the rows are written batch by batch as always (``procs`` is for the
        embedded backend); afterwards the table's statistics are renewed (``ANALYZE``), so that the
        planner plans with the rebuilt table's sizes at once instead of an empty table's
        until autovacuum gets to it (docs/performance.md)."""
        yield
        db.session.execute(sa.text("ANALYZE search_documents"))

    def index_many(self, documents: list[SearchDocument]) -> None:
        if not documents:
            return
        rows = [
            {
                "entry_id": doc.entry_id,
                "tenant_id": doc.tenant_id,
                "kind": doc.kind,
                "status": doc.status,
                "visibility": doc.visibility,
                "author_id": doc.author_id,
                "participant_ids": list(doc.participant_ids),
                "topics": list(doc.topics),
                "year": doc.year,
                "sort_date": doc.sort_date,
                "title_words": doc.title_words,
                "title_text": " ".join(doc.title_tokens),
                "body_text": " ".join(doc.body_tokens),
                "files_text": " ".join(doc.file_tokens),
            }
            for doc in documents
        ]
        vector = sa.text(
            "setweight(to_tsvector('simple', :title_text), 'A') || "
            "setweight(to_tsvector('simple', :body_text), 'B') || "
            "setweight(to_tsvector('simple', :files_text), 'D')"
        )
        statement = sa.text(
            "INSERT INTO search_documents (entry_id, tenant_id, kind, status, visibility, "
            "author_id, participant_ids, topics, year, sort_date, title_words, document) "
            "VALUES (:entry_id, :tenant_id, :kind, :status, :visibility, :author_id, "
            f":participant_ids, :topics, :year, :sort_date, :title_words, {vector.text}) "
            "ON CONFLICT (entry_id) DO UPDATE SET tenant_id = excluded.tenant_id, "
            "kind = excluded.kind, status = excluded.status, visibility = excluded.visibility, "
            "author_id = excluded.author_id, participant_ids = excluded.participant_ids, "
            "topics = excluded.topics, year = excluded.year, sort_date = excluded.sort_date, "
            "title_words = excluded.title_words, document = excluded.document"
        ).bindparams(
            sa.bindparam("participant_ids", type_=pg.ARRAY(sa.Integer)),
            sa.bindparam("topics", type_=pg.ARRAY(sa.String)),
            sa.bindparam("title_words", type_=pg.ARRAY(sa.String)),
        )
        db.session.execute(statement, rows)

    def delete_many(self, entry_ids: list[int]) -> None:
        if entry_ids:
            db.session.execute(
                sa.delete(search_documents).where(search_documents.c.entry_id.in_(entry_ids))
            )

    def reset(self) -> None:
        db.session.execute(sa.delete(search_documents))

    # -- reading ----------------------------------------------------------------------------------
    def _where(self, query: SearchQuery):
        clauses = [compile_condition(query.condition)]
        tsquery = None
        if query.tree is not None:
            text = tsquery_text(query.tree)
            if text is None:
                return None, None
            tsquery = sa.func.to_tsquery("simple", sa.bindparam("tsq", text, literal_execute=False))
            clauses.append(search_documents.c.document.op("@@")(tsquery))
        return sa.and_(*clauses), tsquery

    def search(self, query: SearchQuery) -> RawResults:
        where, tsquery = self._where(query)
        if where is None:
            return RawResults(
                hits=[], total=0, facets={name: {} for name in FACETS} if query.facets else {}
            )
        table = search_documents.c
        score = (
            sa.func.ts_rank(sa.text(f"'{RANK_WEIGHTS}'::float4[]"), table.document, tsquery)
            if tsquery is not None
            else sa.literal(0.0)
        )
        primary = without_related(query.tree) if has_related(query.tree) else None
        primary_text = tsquery_text(primary) if primary is not None else None
        if tsquery is not None and primary_text is not None:
            # ts_rank has no weight per term: the rank of the words searched for (and their
            # synonyms) alone is added, so that an entry holding only a related term ranks
            # below one holding the word.
            primary_query = sa.func.to_tsquery("simple", sa.bindparam("primary_tsq", primary_text))
            score = score + sa.func.ts_rank(
                sa.text(f"'{RANK_WEIGHTS}'::float4[]"), table.document, primary_query
            )
        order = (
            [table.sort_date.desc(), table.entry_id.desc()]
            if query.sort == "date" or tsquery is None
            else [score.desc(), table.sort_date.desc(), table.entry_id.desc()]
        )
        rows = db.session.execute(
            sa.select(table.entry_id, score.label("score"))
            .where(where)
            .order_by(*order)
            .offset(query.offset)
            .limit(query.limit)
        ).all()
        if query.facets:
            total, facets = self._total_and_facets(where)
        else:
            total = db.session.scalar(
                sa.select(sa.func.count()).select_from(search_documents).where(where)
            )
            facets = {}
        return RawResults(
            hits=[RawHit(row.entry_id, float(row.score)) for row in rows],
            total=total,
            facets=facets,
        )

    def _total_and_facets(self, where) -> tuple[int, dict[str, dict[str, int]]]:
        """The number of matches and every facet's counts in one statement: the matches are
        found once (a CTE used several times is computed once) and counted per facet."""
        table = search_documents.c
        matches = (
            sa.select(table.tenant_id, table.kind, table.year, table.topics)
            .where(where)
            .cte("matches")
        )
        topic = sa.func.unnest(matches.c.topics).table_valued("value").render_derived(name="t")
        parts = [
            sa.select(sa.literal("").label("facet"), sa.null(), sa.func.count()).select_from(
                matches
            )
        ]
        for name in FACETS:
            if name == "topics":
                value = topic.c.value
                source = matches.join(topic, sa.true())
            else:
                value, source = sa.cast(matches.c[name], sa.String), matches
            parts.append(
                sa.select(sa.literal(name), value, sa.func.count())
                .select_from(source)
                .group_by(value)
            )
        total, facets = 0, {name: {} for name in FACETS}
        for facet, value, count in db.session.execute(sa.union_all(*parts)):
            if facet:
                facets[facet][str(value)] = count
            else:
                total = count
        return total, facets

    def count(self, query: SearchQuery) -> int:
        where, _ = self._where(query)
        if where is None:
            return 0
        return db.session.scalar(
            sa.select(sa.func.count()).select_from(search_documents).where(where)
        )

    def autocomplete(self, prefix: str, condition: Condition, limit: int) -> list[int]:
        if not prefix or not LEXEME.match(prefix):
            return []
        table = search_documents.c
        word = sa.func.unnest(table.title_words).table_valued("word").render_derived(name="w")
        matching = sa.exists(sa.select(1).select_from(word).where(word.c.word.startswith(prefix)))
        rows = db.session.scalars(
            sa.select(table.entry_id)
            .where(compile_condition(condition), matching)
            .order_by(table.sort_date.desc())
            .limit(limit)
        )
        return list(rows)

    def document_count(self) -> int:
        return db.session.scalar(sa.select(sa.func.count()).select_from(search_documents))

    def health(self) -> str | None:
        return None  # the index is a table of the database: it is there when the database is
