"""Bulk work on SQLite: a larger page cache for the job, the audit rows of a bulk insert built in SQL
(json_object over the rows after a rowid marker), and CSV records formatted by printf so that exports format
in C and Python only writes lines (about 1.4x the rows per second of csv.writer over fetched cells)."""
from __future__ import annotations

from contextlib import contextmanager

CACHE_KIB = 65_536  # page cache for imports and exports (2 MiB by default)


@contextmanager
def large_cache(conn):
    """A larger SQLite page cache on this connection for a bulk job (index pages stay in memory), then back."""
    cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size=-{CACHE_KIB}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size={cache}")


def last_row(conn, table: str) -> int:
    """A marker: the rows inserted after it are those `audit_created` records."""
    return conn.exec_driver_sql(f"SELECT coalesce(max(rowid), 0) FROM {table}").scalar()


def audit_created(conn, after: int, at: str, author: str, laptop: str, columns, times=()) -> None:
    """One 'create' audit row per incident inserted after the marker, recording each column as [null, value]
    (`times`: time columns, cut to HH:MM:SS as the audit records them)."""
    values = ", ".join(f"'{c}', json_array(NULL, {f'substr({c}, 1, 8)' if c in times else c})" for c in columns)
    conn.exec_driver_sql(
        "INSERT INTO incident_audit (incident_id, at, author, laptop, action, changes) "
        f"SELECT id, ?, ?, ?, 'create', json_object({values}) FROM incidents WHERE rowid > ? ORDER BY id",
        (at, author, laptop, after))


# ---------------------------------------------------------------- CSV records

# How a cell of each kind becomes text: a printf conversion and its argument, from SQLAlchemy's storage format.
_FORMATS = {
    "time": ("%.8s", "{c}"),
    "degrees": ("%.5f", "{c}"),
    "km": ("%s", "CASE WHEN {c} IS NULL THEN NULL ELSE printf('%.2f', {c}) END"),
    "datetime": ("%.10sT%.8sZ", "{c}, substr({c}, 12)"),
    "plain": ("%s", "{c}"),
}


def neutralised(column: str, triggers: str) -> str:
    """A text cell with a leading apostrophe when a spreadsheet would evaluate it (its first character after
    any apostrophes is a trigger). Text starting above the highest trigger (letters, most of all) is left
    at once."""
    first = f"substr(ltrim({column}, ''''), 1, 1)"
    chars = ", ".join(f"char({ord(c)})" for c in triggers)
    above = max(map(ord, "'" + triggers))
    return (f"CASE WHEN unicode({column}) > {above} THEN {column} "
            f"WHEN {first} IN ({chars}) THEN '''' || {column} ELSE {column} END")


def _quoted(column: str, delimiter: str, triggers: str | None) -> str:
    """A text cell as csv.writer writes it (QUOTE_MINIMAL: quoted when it holds the delimiter, a quote, CR or
    LF; quotes doubled), neutralised first when `triggers` are given. Doubling quotes never changes what
    neutralising decides, so the two can be done in either order."""
    def outer(expr):
        return neutralised(expr, triggers) if triggers else expr
    special = f"'*[' || char({ord(delimiter)}, 34, 13, 10) || ']*'"
    doubled = f"replace({column}, char(34), char(34, 34))"
    return (f"CASE WHEN {column} GLOB {special} THEN char(34) || {outer(doubled)} || char(34) "
            f"ELSE {outer(column)} END")


def labelled(column: str, labels: dict[str, str]) -> str:
    """The column's label instead of its code (a code without a label as it is)."""
    def quote(text):
        return "'" + text.replace("'", "''") + "'"
    whens = " ".join(f"WHEN {quote(code)} THEN {quote(label)}" for code, label in labels.items())
    return f"(CASE {column} {whens} ELSE {column} END)" if whens else column


def csv_record(cells, delimiter: str, triggers: str, labels=None) -> str:
    """One SQLite expression giving a row's whole CSV record, byte for byte what csv.writer writes of its
    cells. `cells`: (column, kind) pairs; kinds: "text" (quoted as needed), "free-text" (also neutralised
    against formulas), "time", "degrees" (5 decimals), "km" (2 decimals), "datetime" (ISO 8601 UTC), "plain".
    NULL is an empty cell. `labels`: {column: {code: label}} writes those columns' labels."""
    formats, args = [], []
    for column, kind in cells:
        if labels and column in labels:
            column = labelled(column, labels[column])
        if kind in ("text", "free-text"):
            conversion, arg = "%s", _quoted(column, delimiter, triggers if kind == "free-text" else None)
        else:
            conversion, template = _FORMATS[kind]
            arg = template.format(c=column)
        formats.append(conversion)
        args.append(arg)
    return f"printf('{delimiter.join(formats)}', {', '.join(args)})"
