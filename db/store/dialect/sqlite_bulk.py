"""Bulk work on SQLite: a larger page cache for the job, the audit rows of a bulk insert built in SQL
(json_object over the rows after a rowid marker), and CSV records formatted by printf so that exports format
in C and Python only writes lines (about 1.4x the rows per second of csv.writer over fetched cells)."""
from __future__ import annotations

import json
import logging
import os
import selectors
import subprocess
import sys
import tempfile
from contextlib import ExitStack, contextmanager
from pathlib import Path

from sqlalchemy import and_, literal, literal_column, select, true, tuple_

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



# ---------------------------------------------------------------- exports formatted by worker processes

PARALLEL_MIN = 50_000  # rows from which an export is formatted by worker processes (below, starting them costs more)
PARTS = 2  # worker processes (one a core of a 2-core laptop)
MMAP_BYTES = 1 << 30  # the export reads the file through mmap (fewer copies of each page)
WORKER = Path(__file__).with_name("sqlite_export_worker.py")
LIBRARY = "apsw"  # the workers' SQLite (the standard sqlite3 where apsw is not installed)
log = logging.getLogger(__name__)


def parallel_ok(db, total: int) -> bool:
    """Whether a CSV export of `total` rows is formatted by worker processes: a plain (unencrypted) SQLite file
    this process may write (the export holds the write lock so that both parts read the same data), enough
    rows, and a second core. Encrypted files are read by SQLCipher's library, which the worker does not load."""
    return (db.engine.dialect.name == "sqlite" and not db.passphrase and not db.readonly
            and total >= PARALLEL_MIN and (os.cpu_count() or 1) >= 2)


def csv_in_parts(db, record: str, table, cond, keys, total: int, writer, progress=None) -> int:
    """The records of `SELECT record FROM table WHERE cond ORDER BY keys` written to `writer` in order (its
    write_records and append_file), the bytes one process would write, formatted by PARTS worker processes
    (sqlite_export_worker.py: apsw's newer SQLite) over ranges of `keys`, each into a file of its own (0600,
    beside the export) appended here in order. They read while this process holds the write lock (BEGIN
    IMMEDIATE; readers go on in WAL), so no commit comes between them. A Cancel (`progress` raising) or a
    failure stops the workers and removes their files; a worker that fails has its part written here. Returns
    the rows written."""
    from db.store.dialect.sqlite import BUSY_MS, WRITE

    with db.engine.connect().execution_options(**{WRITE: True}) as conn, conn.begin(), ExitStack() as stack:
        stack.enter_context(large_cache(conn))
        bounds = [conn.execute(select(*keys).select_from(table).where(cond).order_by(*keys)
                               .offset(total * i // PARTS).limit(1)).first() for i in range(1, PARTS)]
        ranges = _ranges(keys, [b for b in bounds if b is not None])
        workers = []
        stack.callback(_stop, workers)
        for where in ranges:
            sql, params = _driver_sql(conn, select(literal_column(record)).select_from(table)
                                      .where(and_(cond, where)).order_by(*keys))
            fd, part = tempfile.mkstemp(prefix=".sitmon-export-", suffix=".part", dir=Path(writer.path).parent)
            os.close(fd)
            worker = subprocess.Popen([sys.executable, "-I", str(WORKER)], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            workers.append((worker, part))
            worker.stdin.write(json.dumps(dict(database=str(db.path), sql=sql, params=params, out=part,
                                               busy_ms=BUSY_MS, cache_kib=CACHE_KIB, mmap_bytes=MMAP_BYTES,
                                               library=LIBRARY, fetch=FETCH)).encode())
            worker.stdin.close()
        said = _follow([w for w, _ in workers], total, progress)
        done = 0
        for (worker, part), where, (count, text) in zip(workers, ranges, said):
            if worker.returncode == 0:
                writer.append_file(part)
                done += count
            else:  # it could not start or read (no memory, no Python): its part is written here
                log.warning("export worker failed (%s): %s", worker.returncode, text)
                stmt = select(literal_column(record)).select_from(table).where(and_(cond, where)).order_by(*keys)
                for rows in conn.execute(stmt).scalars().partitions(FETCH):
                    writer.write_records(rows)
                    done += len(rows)
    if progress:
        progress(done, total)
    return done


def _ranges(keys, bounds: list) -> list:
    """Conditions on the key tuple: before the first bound, between each two, from the last on."""
    row = tuple_(*keys)
    at = [tuple_(*(literal(v, k.type) for k, v in zip(keys, b))) for b in bounds]
    if not at:
        return [true()]
    return [row < at[0], *(and_(row >= a, row < b) for a, b in zip(at, at[1:])), row >= at[-1]]


def _follow(workers: list, total: int, progress) -> list[tuple[int, str]]:
    """Read what each worker prints (rows written so far) until all have ended, telling `progress` their sum;
    (rows, the rest of what it said) for each."""
    counts, texts = [0] * len(workers), [[] for _ in workers]
    with selectors.DefaultSelector() as sel:
        for i, w in enumerate(workers):
            sel.register(w.stdout, selectors.EVENT_READ, i)
        pending = [b""] * len(workers)
        while sel.get_map():
            for key, _ in sel.select():
                i = key.data
                chunk = os.read(key.fd, 1 << 16)
                if not chunk:
                    sel.unregister(key.fileobj)
                    continue
                *lines, pending[i] = (pending[i] + chunk).split(b"\n")
                for line in lines:
                    if line.strip().isdigit():
                        counts[i] = int(line)
                    else:
                        texts[i].append(line.decode(errors="replace"))
            if progress:
                progress(min(sum(counts), total), total)
    for w in workers:
        w.wait()
    return [(c, "\n".join(t + [p.decode(errors="replace")])) for c, t, p in zip(counts, texts, pending)]


def _stop(workers: list) -> None:
    """Stop the workers still running (a Cancel, an error) and remove their files."""
    for worker, part in workers:
        if worker.poll() is None:
            worker.kill()
        worker.wait()
        worker.stdout.close()
        Path(part).unlink(missing_ok=True)


def _driver_sql(conn, stmt) -> tuple[str, list]:
    """A statement as the sqlite3 module receives it: SQL text and its parameters, converted by their types."""
    compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    processors = compiled._bind_processors
    values = compiled.construct_params()
    names = compiled.positiontup
    return str(compiled), [processors[n](values[n]) if n in processors else values[n] for n in names]
