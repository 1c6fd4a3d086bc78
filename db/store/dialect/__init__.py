"""Everything that differs between database engines, behind one face: the rest of db/ calls these and never
writes engine-specific SQL itself.

  text.py         the text search as one SQL condition (TextMatch), and the LIKE chain every engine has
  sqlite.py       SQLite files: connections, SQLCipher, pragmas, file checks, error codes, file copies, and
                  the change counter another process's commits move (PRAGMA data_version)
  sqlite_fts.py   the text search's FTS5 index on SQLite
  sqlite_bulk.py  bulk work on SQLite: page cache, audit rows built in SQL, CSV records by printf

Each function below dispatches on the connection's dialect; where an engine has no special path the
portable one is used, and where it has none yet, NotImplementedError says so.
"""
from __future__ import annotations

from contextlib import contextmanager, nullcontext

from db.store.dialect import sqlite, sqlite_bulk, sqlite_fts  # noqa: F401 (sqlite_fts compiles TextMatch on SQLite)
from db.store.dialect.text import TextMatch  # noqa: F401 (the search condition, for queries)


def _sqlite(conn) -> bool:
    return conn.dialect.name == "sqlite"


def text_count(conn, text: str, include_deleted: bool = False) -> int | None:
    """How many incidents a search alone finds, counted in the text index; None where no index can say."""
    return sqlite_fts.count(conn, text, include_deleted) if _sqlite(conn) else None


def bulk_inserts(conn):
    """Wrap a run of incident INSERTs (inside the caller's transaction) so the text index is filled once."""
    return sqlite_fts.bulk_inserts(conn) if _sqlite(conn) else nullcontext()


def large_cache(conn):
    """A larger page cache for a bulk job on this connection."""
    return sqlite_bulk.large_cache(conn) if _sqlite(conn) else nullcontext()


def _only_sqlite(conn) -> None:
    if not _sqlite(conn):
        raise NotImplementedError(f"no {conn.dialect.name} path yet")


@contextmanager
def audit_inserts(conn, at: str, author: str, laptop: str, columns, times=()):
    """Around a run of incident INSERTs: afterwards each new incident gets its 'create' audit row, built in SQL."""
    _only_sqlite(conn)
    after = sqlite_bulk.last_row(conn, "incidents")
    yield
    sqlite_bulk.audit_created(conn, after, at, author, laptop, columns, times)


def change_counter(db):
    """Something whose `read()` gives a number that changes when another connection commits to the database
    (on SQLite, PRAGMA data_version on a connection of its own: sqlite.DataVersion), and `close()`; None
    where the engine has no such thing yet."""
    return sqlite.DataVersion(db.path, db.passphrase) if db.engine.dialect.name == "sqlite" else None


def csv_record(conn, cells, delimiter: str, triggers: str, labels=None) -> str:
    """An SQL expression formatting a whole CSV record (sqlite_bulk.csv_record)."""
    _only_sqlite(conn)
    return sqlite_bulk.csv_record(cells, delimiter, triggers, labels)
