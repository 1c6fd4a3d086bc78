"""A worker process of a CSV export (sqlite_bulk.csv_in_parts): run as a script (`python -I this_file`), so
that it starts in milliseconds with nothing but the standard library: no package import, no SQLAlchemy, no Qt.

It reads one job as JSON on stdin (the database file, one SELECT giving whole CSV records and its parameters,
the file to write), opens the database with the standard sqlite3 module (the one SQLite library of this process,
as of the parent's: never SQLCipher; encrypted databases are exported by the parent alone), writes the records
as csv_format.Writer does ("\\r\\n" after each, UTF-8) and prints how many it wrote.
"""
import json
import sqlite3
import sys

FETCH = 20_000


def run(job: dict) -> int:
    con = sqlite3.connect(job["database"], isolation_level=None)
    try:
        con.execute("PRAGMA query_only=1")
        con.execute(f"PRAGMA busy_timeout={int(job['busy_ms'])}")
        con.execute(f"PRAGMA cache_size=-{int(job['cache_kib'])}")
        con.execute(f"PRAGMA mmap_size={int(job['mmap_bytes'])}")
        done = 0
        with open(job["out"], "ab") as out:
            cursor = con.execute(job["sql"], job["params"])
            while rows := cursor.fetchmany(FETCH):
                out.write(("\r\n".join([r[0] for r in rows]) + "\r\n").encode("utf-8"))
                done += len(rows)
        return done
    finally:
        con.close()


if __name__ == "__main__":
    print(run(json.load(sys.stdin)))
