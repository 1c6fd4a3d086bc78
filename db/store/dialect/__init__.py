"""Everything that differs between database engines, behind one face: the rest of db/ calls these and never
writes engine-specific SQL itself.

  text.py         the text search as one SQL condition (TextMatch), and the LIKE chain every engine has
  live.py         incidents not deleted as one SQL condition (Live), as each engine's planner reads it best
  sqlite.py       SQLite files: connections, SQLCipher, pragmas, file checks, error codes, file copies, and
                  the change counter another process's commits move (PRAGMA data_version)
  sqlite_fts.py   the text search's FTS5 index on SQLite
  sqlite_bulk.py  bulk work on SQLite: page cache, audit rows built in SQL, CSV records by printf, large
                  exports formatted by worker processes (sqlite_export_worker.py, run as a script)
  postgresql.py          PostgreSQL servers: URLs, connections (psycopg 3), checks, errors, and driver-level
                         SQL written once with SQLite's conventions (? marks, values as SQLite stores them)
  postgresql_search.py   the text search as a tsvector column (unaccent, GIN index), and its words again in
                         a narrow table that counts read, kept in step by triggers
  postgresql_gis.py      PostGIS points, the views GIS tools read, the statuses' table, the analysts' role
  postgresql_bulk.py     bulk work on PostgreSQL: COPY, audit rows built in SQL, CSV records by format()

Each function below dispatches on the connection's dialect; where an engine has no special path the
portable one is used, and where it has none yet, NotImplementedError says so.
"""
from __future__ import annotations

from contextlib import contextmanager, nullcontext

from db.store.dialect import postgresql, postgresql_bulk, postgresql_search, sqlite, sqlite_bulk, sqlite_fts  # noqa: F401
# (sqlite_fts and postgresql_search compile TextMatch for their engine)
from db.store.dialect.live import Live  # noqa: F401 (the deleted term, for queries)
from db.store.dialect.text import TextMatch  # noqa: F401 (the search condition, for queries)


def _sqlite(conn) -> bool:
    return conn.dialect.name == "sqlite"


def text_count(conn, text: str, include_deleted: bool = False) -> int | None:
    """How many incidents a search alone finds, counted in the text index (SQLite) or the words' table
    (PostgreSQL); None where neither can say."""
    return (sqlite_fts if _sqlite(conn) else postgresql_search).count(conn, text, include_deleted)


def refresh_statistics(conn) -> None:
    """After a bulk write, on a connection that has not begun a transaction: the planner's statistics brought up
    to date at once, and on PostgreSQL the visibility map too (VACUUM (ANALYZE)): until it marks the new rows'
    pages all-visible, a count reads every row instead of an index alone (0.4 s against 0.07 s at 1,000,000),
    and the text index's pending entries are merged. SQLite needs nothing here."""
    if not _sqlite(conn):
        conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql(
            f"VACUUM (ANALYZE) incidents, incident_audit, {postgresql_search.SIDE}")


def check_text_index(conn) -> None:
    """Raise if the text index and the incident log disagree."""
    (sqlite_fts.check if _sqlite(conn) else postgresql_search.check)(conn)


def bulk_inserts(conn):
    """Wrap a run of incident INSERTs (inside the caller's transaction) so the text index is filled once."""
    return sqlite_fts.bulk_inserts(conn) if _sqlite(conn) else nullcontext()


def large_cache(conn):
    """A larger page cache for a bulk job on this connection."""
    return sqlite_bulk.large_cache(conn) if _sqlite(conn) else nullcontext()


@contextmanager
def audit_inserts(conn, at: str, author: str, laptop: str, columns, times=()):
    """Around a run of incident INSERTs: afterwards each new incident gets its 'create' audit row, built in SQL."""
    if not _sqlite(conn):
        with postgresql_bulk.audit_inserts(conn, at, author, laptop, columns, times):
            yield
        return
    after = sqlite_bulk.last_row(conn, "incidents")
    yield
    sqlite_bulk.audit_created(conn, after, at, author, laptop, columns, times)


def change_counter(db):
    """Something whose `read()` gives a number that changes when another connection commits to the database
    (on SQLite, PRAGMA data_version on a connection of its own: sqlite.DataVersion; on PostgreSQL, the
    notifications of sitmon's tables on a connection of its own: postgresql.ChangeCounter), and `close()`."""
    if db.engine.dialect.name == "sqlite":
        return sqlite.DataVersion(db.path, db.passphrase)
    return postgresql.ChangeCounter(db.url)


def csv_in_parts(db, total: int):
    """For an export of `total` rows: a function writing them formatted by two processes
    (sqlite_bulk.csv_in_parts), or None where this engine, this file or this machine has none."""
    return sqlite_bulk.csv_in_parts if sqlite_bulk.parallel_ok(db, total) else None


def csv_record(conn, cells, delimiter: str, triggers: str, labels=None) -> str:
    """An SQL expression formatting a whole CSV record (sqlite_bulk.csv_record, postgresql_bulk.csv_record)."""
    build = sqlite_bulk.csv_record if _sqlite(conn) else postgresql_bulk.csv_record
    return build(cells, delimiter, triggers, labels)


def insert_rows(conn, table: str, rows: list, columns) -> None:
    """Rows (dicts, or sequences in `columns` order; values as SQLite stores them) into `table`, inside the
    caller's transaction: executemany on SQLite, COPY on PostgreSQL."""
    if not rows:
        return
    if not _sqlite(conn):
        postgresql_bulk.copy_rows(conn, table, rows, columns)
        return
    if isinstance(rows[0], dict):
        rows = [tuple(r[c] for c in columns) for r in rows]
    conn.exec_driver_sql(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                         rows)
