"""Bulk work on SQLite: a larger page cache for the job, the audit rows of a bulk insert built in SQL
(json_object over the rows after a rowid marker), and CSV records formatted by printf so that exports format
in C and Python only writes lines (about 1.4x the rows per second of csv.writer over fetched cells)."""
from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import and_, literal, literal_column, select, tuple_

FETCH = 20_000  # records handed to the writer at a time
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



# ---------------------------------------------------------------- exports in two processes

PARALLEL_MIN = 50_000  # rows from which an export is shared with a worker process (below, starting it costs more)
MMAP_BYTES = 1 << 30  # the export reads the file through mmap (fewer copies of each page)
WORKER = Path(__file__).with_name("sqlite_export_worker.py")
log = logging.getLogger(__name__)


def parallel_ok(db, total: int) -> bool:
    """Whether a CSV export of `total` rows is shared with a worker process: a plain (unencrypted) SQLite file
    this process may write (the export holds the write lock so that both parts read the same data), enough
    rows, and a second core. Encrypted files are read by SQLCipher's library, which the worker does not load."""
    return (db.engine.dialect.name == "sqlite" and not db.passphrase and not db.readonly
            and total >= PARALLEL_MIN and (os.cpu_count() or 1) >= 2)


def csv_in_parts(db, record: str, table, cond, keys, total: int, writer, progress=None) -> int:
    """The records of `SELECT record FROM table WHERE cond ORDER BY keys` written to `writer` in order (its
    write_records and append_file), as one process would write them, formatted by two: this one takes the rows
    before the middle key, a worker process (sqlite_export_worker.py, with the standard sqlite3 module as here)
    those from it on, into a file of its own (0600, beside the export) appended once this part is written.
    Both read while this process holds the write lock (BEGIN IMMEDIATE; readers go on in WAL), so no commit
    comes between them. A Cancel (`progress` raising) or a failure stops the worker and removes its file; a
    worker that fails has its part written here. Returns the rows written."""
    from db.store.dialect.sqlite import BUSY_MS, WRITE

    with db.engine.connect().execution_options(**{WRITE: True}) as conn, conn.begin(), large_cache(conn):
        conn.exec_driver_sql(f"PRAGMA mmap_size={MMAP_BYTES}")
        try:
            middle = conn.execute(select(*keys).select_from(table).where(cond).order_by(*keys)
                                  .offset(total // 2).limit(1)).first()
            if middle is None:  # fewer rows than counted: one part
                return _part(conn, record, table, cond, keys, writer, progress, 0, total)
            at = tuple_(*(literal(v, k.type) for k, v in zip(keys, middle)))
            before, after = tuple_(*keys) < at, tuple_(*keys) >= at  # each an index range
            sql, params = _driver_sql(conn, select(literal_column(record)).select_from(table).where(cond, after)
                                      .order_by(*keys))
            fd, part = tempfile.mkstemp(prefix=".sitmon-export-", suffix=".part", dir=Path(writer.path).parent)
            os.close(fd)
            worker = subprocess.Popen([sys.executable, "-I", str(WORKER)], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            try:
                worker.stdin.write(json.dumps(dict(database=str(db.path), sql=sql, params=params, out=part,
                                                   busy_ms=BUSY_MS, cache_kib=CACHE_KIB,
                                                   mmap_bytes=MMAP_BYTES)).encode())
                worker.stdin.close()
                done = _part(conn, record, table, and_(cond, before), keys, writer, progress, 0, total, 2)
                said = worker.stdout.read()  # how many it wrote, or why it failed
                if worker.wait() == 0:
                    writer.append_file(part)
                    done += int(said)
                else:  # it could not start or read (no memory, no Python): its part is written here
                    log.warning("export worker failed (%s): %s", worker.returncode, said.decode(errors="replace"))
                    done = _part(conn, record, table, and_(cond, after), keys, writer, progress, done, total)
            finally:
                if worker.poll() is None:
                    worker.kill()
                worker.wait()
                worker.stdout.close()
                Path(part).unlink(missing_ok=True)
        finally:
            conn.exec_driver_sql("PRAGMA mmap_size=0")
    if progress:
        progress(done, total)
    return done


def _part(conn, record, table, cond, keys, writer, progress, done: int, total: int, scale: int = 1) -> int:
    """Write the records of one part here; progress counts each row `scale` times (the worker's part goes on
    meanwhile at about the same pace)."""
    stmt = select(literal_column(record)).select_from(table).where(cond).order_by(*keys)
    for rows in conn.execute(stmt).scalars().partitions(FETCH):
        writer.write_records(rows)
        done += len(rows)
        if progress:
            progress(min(done * scale, total), total)
    return done


def _driver_sql(conn, stmt) -> tuple[str, list]:
    """A statement as the sqlite3 module receives it: SQL text and its parameters, converted by their types."""
    compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    processors = compiled._bind_processors
    values = compiled.construct_params()
    names = compiled.positiontup
    return str(compiled), [processors[n](values[n]) if n in processors else values[n] for n in names]
