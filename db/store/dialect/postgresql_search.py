"""The text search on PostgreSQL, behaving as SQLite's FTS5 index does (dialect/text.py says what a search
finds): every word typed matches the start of a word, in any order, case and accents ignored.

The words of description, actors, notes, source and place name are kept in a generated `tsvector` column
(`search_words`, GIN index) of the 'simple' configuration (no stemming, no stop words) over
`sitmon_fold(...)`: unaccent, then punctuation to spaces (as FTS5's unicode61 tokenizer splits), then lower
case. A search folds each typed word the same way and asks for it as a prefix (`word:*`); a word that folds to
several ("l'armée", "sévaré-conv") asks for them in a row, the last one as a prefix, as an FTS5 phrase does.

A search's count reads the words again from a narrow table of their own (`incidents_search`: id, deleted, words;
GIN index; migration 0011), kept in step with incidents by statement triggers: GIN cannot count alone (each match's
row is read for its visibility), and a common word's matches lie on nearly every page of the wide incidents table
(683 MB at 1,000,000), against 326 MB here (bench_postgres: 400 ms -> 180 ms for a word in 15% of the rows).
"""
from __future__ import annotations

from sqlalchemy import Boolean, column, func, literal, select, table
from sqlalchemy.ext.compiler import compiles

from db.store.dialect.text import COLUMNS, ID_START, TextMatch, like, words

COLUMN, INDEX, ID_INDEX = "search_words", "ix_incidents_search_words", "ix_incidents_id_prefix"
SIDE, SIDE_INDEX = "incidents_search", "ix_incidents_search"  # the words for counts (migration 0011)
SERVER_ONLY = frozenset({COLUMN, INDEX, ID_INDEX, SIDE, SIDE_INDEX})  # beside the models
# What FTS5's unicode61 tokenizer splits words on, as a regular expression PostgreSQL reads without a locale:
# ASCII other than letters and digits, Latin-1's punctuation and symbols, general and supplemental punctuation,
# CJK and full-width punctuation, Arabic punctuation, and the byte-order mark.
SEPARATORS = (r"[\x01-\x2F\x3A-\x40\x5B-\x60\x7B-\xBF\xD7\xF7\u2000-\u206F\u2E00-\u2E7F\u3000-\u303F"
              r"\uFF01-\uFF0F\uFF1A-\uFF20\u060C\u061B\u061F\u066A\u06D4\uFEFF]+")


def functions(unaccent_schema: str, icu: bool) -> list[str]:
    """The SQL functions of the search (`icu`: fold case with ICU's rules, every script, whatever the server's
    locale; without it lower() folds what the database's locale knows)."""
    collate = ' COLLATE "und-x-icu"' if icu else ""
    args = ", ".join(f"{c} text" for c in COLUMNS)
    joined = " || ' ' || ".join(f"coalesce({c}, '')" for c in COLUMNS)
    return [
        f"""CREATE FUNCTION sitmon_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
            AS $$ SELECT lower(regexp_replace({unaccent_schema}.unaccent('{unaccent_schema}.unaccent'::regdictionary, t),
                                              '{SEPARATORS}', ' ', 'g'){collate}) $$""",
        f"""CREATE FUNCTION sitmon_words({args}) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
            AS $$ SELECT to_tsvector('pg_catalog.simple', sitmon_fold({joined})) $$""",
        # One typed word: its folded pieces in a row, the last a prefix; NULL when nothing is left of it. A word
        # of one piece is asked for as itself or a prefix ('w' | 'w':*, the same rows as 'w':*): where the column's
        # statistics hold fewer than 100 common words the planner guesses any prefix at 2% of the rows, but it
        # knows a word's own share, so that a common word's first page walks the date index instead of sorting
        # a sixth of the log (1 s against 10 ms at 1,000,000 incidents of 42 words, bench_postgres).
        """CREATE FUNCTION sitmon_prefix(word text) RETURNS tsquery LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
           AS $$ SELECT CASE WHEN w = '' THEN NULL
                        WHEN strpos(w, ' ') = 0 THEN to_tsquery('pg_catalog.simple', w || ' | ' || w || ':*')
                        ELSE to_tsquery('pg_catalog.simple', replace(w, ' ', ' <-> ') || ':*') END
                 FROM (SELECT btrim(regexp_replace(sitmon_fold(word), ' +', ' ', 'g')) AS w) AS folded $$""",
    ]


def upgrade(conn, unaccent_schema: str) -> None:
    """Migration 0008 on PostgreSQL: the functions, the column and its index, and an index for ids' starts."""
    icu = conn.exec_driver_sql("SELECT count(*) FROM pg_collation WHERE collname = 'und-x-icu'").scalar() > 0
    for ddl in functions(unaccent_schema, icu):
        conn.exec_driver_sql(ddl)
    conn.exec_driver_sql(f"ALTER TABLE incidents ADD COLUMN {COLUMN} tsvector "
                         f"GENERATED ALWAYS AS (sitmon_words({', '.join(COLUMNS)})) STORED")
    conn.exec_driver_sql(f"CREATE INDEX {INDEX} ON incidents USING gin ({COLUMN})")
    conn.exec_driver_sql(f"CREATE INDEX {ID_INDEX} ON incidents (id text_pattern_ops)")


def downgrade(conn) -> None:
    conn.exec_driver_sql(f"DROP INDEX IF EXISTS {ID_INDEX}")
    conn.exec_driver_sql(f"ALTER TABLE incidents DROP COLUMN IF EXISTS {COLUMN}")
    for name in ("sitmon_prefix(text)", f"sitmon_words({', '.join('text' for _ in COLUMNS)})", "sitmon_fold(text)"):
        conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {name}")


# What each change of incidents does to the words' table, as (event, transition tables, SQL): statement
# triggers, so that a COPY of 50,000 rows writes them in one INSERT ... SELECT. An update writes only rows whose
# words or deleted flag changed.
_IN_STEP = (
    ("insert", "NEW TABLE AS new_rows", f"INSERT INTO {SIDE} SELECT id, deleted, {COLUMN} FROM new_rows"),
    ("update", "OLD TABLE AS old_rows NEW TABLE AS new_rows",
     f"DELETE FROM {SIDE} s USING old_rows o WHERE s.id = o.id AND NOT EXISTS (SELECT FROM new_rows n WHERE n.id = o.id); "
     f"INSERT INTO {SIDE} AS s SELECT id, deleted, {COLUMN} FROM new_rows ON CONFLICT (id) DO UPDATE "
     f"SET deleted = excluded.deleted, {COLUMN} = excluded.{COLUMN} "
     f"WHERE (s.deleted, s.{COLUMN}) IS DISTINCT FROM (excluded.deleted, excluded.{COLUMN})"),
    ("delete", "OLD TABLE AS old_rows", f"DELETE FROM {SIDE} s USING old_rows o WHERE s.id = o.id"),
    ("truncate", "", f"TRUNCATE {SIDE}"),
)


def upgrade_counts(conn) -> None:
    """Migration 0011 on PostgreSQL: the words' table, filled from incidents, its index, and the triggers."""
    conn.exec_driver_sql(f"CREATE TABLE {SIDE} (id varchar(36) PRIMARY KEY, deleted boolean NOT NULL, {COLUMN} tsvector)")
    conn.exec_driver_sql(f"INSERT INTO {SIDE} SELECT id, deleted, {COLUMN} FROM incidents")
    conn.exec_driver_sql(f"CREATE INDEX {SIDE_INDEX} ON {SIDE} USING gin ({COLUMN})")
    for event, tables, statement in _IN_STEP:
        conn.exec_driver_sql(f"CREATE FUNCTION sitmon_search_{event}() RETURNS trigger LANGUAGE plpgsql "
                             f"AS $$ BEGIN {statement}; RETURN NULL; END $$")
        conn.exec_driver_sql(f"CREATE TRIGGER sitmon_search_{event} AFTER {event.upper()} ON incidents "
                             f"{'REFERENCING ' + tables if tables else ''} FOR EACH STATEMENT "
                             f"EXECUTE FUNCTION sitmon_search_{event}()")


def downgrade_counts(conn) -> None:
    for event, _, _ in _IN_STEP:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS sitmon_search_{event} ON incidents")
        conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS sitmon_search_{event}()")
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {SIDE}")


def count(conn, text: str, include_deleted: bool) -> int | None:
    """How many incidents the search finds, read from the words' table; None when nothing typed is a word (the
    search is then a LIKE over the text, which only incidents hold). The table is named as incidents in the
    statement, so that the search's own condition (`incidents.search_words @@ ...`) reads its columns."""
    if not words(text):
        return None
    side = table(SIDE, column("deleted", Boolean)).alias("incidents")
    found = select(func.count()).select_from(side).where(TextMatch(text))
    return conn.scalar(found if include_deleted else found.where(~side.c.deleted))


def check(conn) -> None:
    """Raise if a row's words are not what its text gives (the column is generated: this checks the functions),
    or if the words' table says otherwise."""
    stale = conn.exec_driver_sql(f"SELECT count(*) FROM incidents WHERE {COLUMN} IS DISTINCT FROM "
                                 f"sitmon_words({', '.join(COLUMNS)})").scalar()
    if stale:
        raise ValueError(f"{stale} incidents' search words are out of step with their text")
    apart = conn.exec_driver_sql(f"SELECT count(*) FROM incidents i FULL JOIN {SIDE} s ON s.id = i.id WHERE "
                                 f"(i.deleted, i.{COLUMN}) IS DISTINCT FROM (s.deleted, s.{COLUMN})").scalar()
    if apart:
        raise ValueError(f"{apart} incidents' search words are out of step with the words' table")


@compiles(TextMatch, "postgresql")
def _tsquery(element: TextMatch, compiler, **kw) -> str:
    typed = words(element.text)
    if not typed:  # nothing searchable (e.g. "%"): match as typed, slowly but right
        return compiler.process(like(element.text), **kw)
    query = " && ".join(f"sitmon_prefix({compiler.process(literal(w), **kw)})" for w in typed)
    match = f"incidents.{COLUMN} @@ ({query})"
    if ID_START.fullmatch(element.text):  # an id's start: the id index's range
        start = compiler.process(literal(element.text.lower() + "%"), **kw)
        match = f"({match} OR incidents.id LIKE {start})"
    return match
