"""The text search on SQLite: an FTS5 index of description, actors, notes, source and the place's name
(dialect/text.py says what a search finds).

The index is an external-content FTS5 table kept in step by triggers (migration 0004; 0005 added `location`);
the triggers are made for the columns the database's index holds. Bulk imports drop
the triggers inside their transaction and index the new rows in one statement (`bulk_inserts`), about ten
times faster than row by row; a rollback restores the triggers with everything else.
"""
from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy import literal
from sqlalchemy.ext.compiler import compiles

from db.store.dialect.text import COLUMNS, ID_START, TextMatch, like, words

TABLE = "incidents_fts"
# SQLite's own shadow tables of the index: not models (the schema comparison leaves them out).
SHADOW = frozenset({TABLE} | {f"{TABLE}_{s}" for s in ("data", "idx", "content", "docsize", "config")})
TOKENIZE = "unicode61 remove_diacritics 2"
# The index as migration 0004 made it (0004 runs this; 0005 adds `location` with DDL of its own).
CREATE_TABLE = (f"CREATE VIRTUAL TABLE {TABLE} USING fts5(description, actors, notes, source, "
                f"content='incidents', tokenize='{TOKENIZE}')")


def indexed(conn) -> tuple[str, ...]:
    """The columns the database's index holds, in its order (0004: four; 0005 on: COLUMNS)."""
    return tuple(r[1] for r in conn.exec_driver_sql(f"PRAGMA table_info({TABLE})"))


def triggers(columns) -> dict[str, str]:
    """The triggers that keep an index of these columns in step with the incidents table."""
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    names = ", ".join(columns)
    delete = f"INSERT INTO {TABLE}({TABLE}, rowid, {names}) VALUES ('delete', old.rowid, {old});"
    insert = f"INSERT INTO {TABLE}(rowid, {names}) VALUES (new.rowid, {new});"
    return {
        "incidents_fts_insert": f"CREATE TRIGGER incidents_fts_insert AFTER INSERT ON incidents BEGIN {insert} END",
        "incidents_fts_delete": f"CREATE TRIGGER incidents_fts_delete AFTER DELETE ON incidents BEGIN {delete} END",
        "incidents_fts_update": f"CREATE TRIGGER incidents_fts_update AFTER UPDATE OF {names} "
                                f"ON incidents BEGIN {delete} {insert} END",
    }


TRIGGERS = triggers(COLUMNS)  # for an index of today's columns (create_triggers follows the database's)


def query(text: str) -> str:
    """The FTS5 query for what the user typed: every word as a quoted prefix ("" escapes a quote)."""
    return " AND ".join('"' + w.replace('"', '""') + '"*' for w in words(text))


@compiles(TextMatch, "sqlite")
def _fts(element: TextMatch, compiler, **kw) -> str:
    fts = query(element.text)
    if not fts:  # nothing searchable (e.g. "%"): match as typed, slowly but right
        return compiler.process(like(element.text), **kw)
    parts = [f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH {compiler.process(literal(fts), **kw)}"]
    if ID_START.fullmatch(element.text):  # an id's start: the primary key's range, no index needed
        low = element.text.lower()
        parts.append(f"SELECT rowid FROM incidents WHERE id >= {compiler.process(literal(low), **kw)} "
                     f"AND id < {compiler.process(literal(low + chr(0x10FFFF)), **kw)}")
    return f"incidents.rowid IN ({' UNION ALL '.join(parts)})"


def count(conn, text: str, include_deleted: bool = False) -> int | None:
    """How many incidents a search alone finds, counted in the index (a fifth of the time of fetching
    each row's deleted flag); None where the index cannot say (an id's start, no words)."""
    fts = query(text)
    if not fts or ID_START.fullmatch(text.strip()):
        return None
    live = "" if include_deleted else " AND rowid NOT IN (SELECT rowid FROM incidents WHERE deleted)"
    return conn.exec_driver_sql(f"SELECT count(*) FROM {TABLE} WHERE {TABLE} MATCH ?{live}", (fts,)).scalar()


@contextmanager
def bulk_inserts(conn):
    """Around INSERTs only (no UPDATE or DELETE), inside the caller's transaction: the new rows are indexed
    in one statement at the end instead of one trigger run each."""
    last = conn.exec_driver_sql("SELECT coalesce(max(rowid), 0) FROM incidents").scalar()
    for name in TRIGGERS:
        conn.exec_driver_sql(f"DROP TRIGGER {name}")
    yield
    columns = ", ".join(indexed(conn))
    conn.exec_driver_sql(f"INSERT INTO {TABLE}(rowid, {columns}) SELECT rowid, {columns} FROM incidents "
                         "WHERE rowid > ?", (last,))
    create_triggers(conn)


def create_triggers(conn) -> None:
    """The triggers of the database's index, for the columns it holds."""
    for ddl in triggers(indexed(conn)).values():
        conn.exec_driver_sql(ddl)


def rebuild(conn) -> None:
    """Index the whole log afresh (after a migration, or to repair)."""
    conn.exec_driver_sql(f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')")


def check(conn) -> None:
    """Raise sqlite3's DatabaseError if the index and the log disagree."""
    conn.exec_driver_sql(f"INSERT INTO {TABLE}({TABLE}, rank) VALUES ('integrity-check', 1)")
