"""Bulk work on PostgreSQL: rows written by COPY, the 'create' audit rows of a bulk insert built in SQL (over
the rows this transaction inserted), and CSV records formatted in SQL, byte for byte what csv.writer writes
(as sqlite_bulk.csv_record does on SQLite)."""
from __future__ import annotations

from contextlib import contextmanager

from db.store.dialect.sqlite_bulk import labelled
from db.store.models import Incident

COPY_BATCH = 10_000  # rows handed to COPY at a time (progress and memory)


def copy_rows(conn, table: str, rows, columns) -> None:
    """Rows (dicts or sequences in `columns` order, values as SQLite stores them) into `table` by COPY, inside
    the caller's transaction."""
    raw = conn.connection.driver_connection
    with raw.cursor() as cur, cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row[c] for c in columns] if isinstance(row, dict) else row)


def _this_transaction(alias: str) -> str:
    """Rows this transaction wrote (their xmin is its id)."""
    return f"{alias}.xmin = pg_current_xact_id()::xid"


@contextmanager
def audit_inserts(conn, at: str, author: str, laptop: str, columns, times=()):
    """Around a run of incident INSERTs: afterwards each incident this transaction inserted that has no audit row
    yet gets its 'create' audit row, each column as [null, value] (`times` cut to HH:MM:SS)."""
    yield
    values = ", ".join(f"'{c}', json_build_array(NULL, {f'left(i.{c}::text, 8)' if c in times else f'i.{c}'})"
                       for c in columns)
    conn.exec_driver_sql(
        "INSERT INTO incident_audit (incident_id, at, author, laptop, action, changes) "
        f"SELECT i.id, ?, ?, ?, 'create', json_build_object({values}) FROM incidents i "
        f"WHERE {_this_transaction('i')} "
        "AND NOT EXISTS (SELECT 1 FROM incident_audit a WHERE a.incident_id = i.id) ORDER BY i.id",
        (at, author, laptop))


# ---------------------------------------------------------------- CSV records

def _formats(column: str) -> dict[str, str]:
    return {
        "time": f"left({column}::text, 8)",
        "degrees": f"round({column}::numeric, 5)::text",
        "km": f"round({column}::numeric, 2)::text",
        "datetime": f"""to_char({column}, 'YYYY-MM-DD"T"HH24:MI:SS"Z"')""",
    }


def _plain(column: str, name: str) -> str:
    """A number, date or code as text (booleans as 0/1, as SQLite holds them)."""
    col = Incident.__table__.c.get(name)
    if col is not None and col.type.python_type is bool:
        return f"({column})::int::text"
    return f"({column})::text"


def neutralised(column: str, triggers: str) -> str:
    """A text cell with a leading apostrophe when a spreadsheet would evaluate it (sqlite_bulk.neutralised)."""
    first = f"substr(ltrim({column}, ''''), 1, 1)"
    chars = ", ".join(f"chr({ord(c)})" for c in triggers)
    above = max(map(ord, "'" + triggers))
    return (f"CASE WHEN ascii({column}) > {above} THEN {column} "
            f"WHEN {first} IN ({chars}) THEN '''' || {column} ELSE {column} END")


def _quoted(column: str, delimiter: str, triggers: str | None) -> str:
    """A text cell as csv.writer writes it (quoted when it holds the delimiter, a quote, CR or LF)."""
    def outer(expr):
        return neutralised(expr, triggers) if triggers else expr
    special = " OR ".join(f"strpos({column}, chr({ord(c)})) > 0" for c in (delimiter, '"', "\r", "\n"))
    doubled = f"replace({column}, chr(34), chr(34) || chr(34))"
    return f"CASE WHEN {special} THEN chr(34) || {outer(doubled)} || chr(34) ELSE {outer(column)} END"


def csv_record(cells, delimiter: str, triggers: str, labels=None) -> str:
    """One PostgreSQL expression giving a row's whole CSV record (the kinds of sqlite_bulk.csv_record)."""
    parts = []
    for column, kind in cells:
        name = column
        if labels and column in labels:
            column = labelled(column, labels[column])
        if kind in ("text", "free-text"):
            expr = _quoted(column, delimiter, triggers if kind == "free-text" else None)
        elif kind == "plain":
            expr = _plain(column, name)
        else:
            expr = _formats(column)[kind]
        parts.append(f"coalesce({expr}, '')")
    return f" || chr({ord(delimiter)}) || ".join(parts)
