"""A child process for the crash test of a real CSV import: checks FILE, then writes it with
imports.write_import and, once a part of the rows is written inside the import's transaction, prints "half"
and waits on stdin for a go that never comes (the parent kills it with SIGKILL).

    python -m tests.db.exchange.killed_csv_import DB FILE
"""
import sys

from db import open_database
from db.exchange import imports


def main(path: str, file: str) -> None:
    db = open_database(path, seed=False)
    plan = imports.check_file(db, file)

    def progress(done, total):
        if 0 < done < total:
            print("half", done, total, flush=True)
            sys.stdin.readline()

    imports.write_import(db, plan, "killed", progress=progress)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
