"""A worker process of a CSV export (sqlite_bulk.csv_in_parts): run as a script (`python -I this_file`), so
that it starts in milliseconds with no package of ours imported: no SQLAlchemy, no Qt.

It reads one job as JSON on stdin (the database file, one SELECT giving whole CSV records and its parameters,
the file to write), writes the records as csv_format.Writer does ("\\r\\n" after each, UTF-8) and prints how
many it has written after each batch (the parent's progress), then exits 0.

It reads the file with apsw's SQLite (newer than the 3.40 Python 3.11 links: 1.6x faster at formatting the
records, same bytes), and with the standard sqlite3 module where apsw is not installed: one SQLite library in
this process, which opens nothing else (two libraries on one file in one process lose each other's POSIX
locks). Encrypted (SQLCipher) databases never come here: the parent exports them alone.
"""
import json
import sys


def connect(path: str, busy_ms: int, library: str):
    try:
        if library != "apsw":
            raise ImportError(library)
        import apsw
    except ImportError:
        import sqlite3

        return sqlite3.connect(path, isolation_level=None, timeout=busy_ms / 1000)
    con = apsw.Connection(path, flags=apsw.SQLITE_OPEN_READONLY)
    con.set_busy_timeout(busy_ms)
    return con


def run(job: dict) -> None:
    con = connect(job["database"], int(job["busy_ms"]), job["library"])
    try:
        con.execute(f"PRAGMA cache_size=-{int(job['cache_kib'])}")
        con.execute(f"PRAGMA mmap_size={int(job['mmap_bytes'])}")
        con.execute("BEGIN")
        cursor = con.execute(job["sql"], job["params"])
        done = 0
        with open(job["out"], "ab") as out:
            while rows := _batch(cursor, int(job["fetch"])):
                out.write(("\r\n".join([r[0] for r in rows]) + "\r\n").encode("utf-8"))
                done += len(rows)
                print(done, flush=True)
        con.execute("COMMIT")
    finally:
        con.close()


def _batch(cursor, n: int) -> list:
    if hasattr(cursor, "fetchmany"):
        return cursor.fetchmany(n)
    return [row for _, row in zip(range(n), cursor)]


if __name__ == "__main__":
    run(json.load(sys.stdin))
