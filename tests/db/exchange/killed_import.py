"""A child process for the crash tests: commits one incident, then imports `total` incidents in ONE
transaction with SQLAlchemy Core and dies before the commit.

    python -m tests.db.exchange.killed_import DB TOTAL self N   kills itself (SIGKILL) after N rows
    python -m tests.db.exchange.killed_import DB TOTAL pipe     prints the rows done every 10,000 rows, then
                                                       waits on stdin for a commit that never comes
"""
import os
import signal
import sys
from datetime import date, datetime

from sqlalchemy import insert

from db import open_database
from db.store.models import Incident

BATCH = 1000
COMMITTED = "last-committed"


def incident(ident: str, i: int = 0) -> dict:
    now = datetime(2023, 7, 1, 12, 0)
    return dict(id=ident, occurred_on=date(2023, 7, 1), lat=16.27 + i * 1e-6, lon=-0.04, type="Battles",
                description=f"imported row {i} " + "x" * 60, created_at=now, updated_at=now)


def main(path: str, total: int, mode: str, kill_after: int = 0) -> None:
    db = open_database(path)
    with db.engine.begin() as conn:
        conn.execute(insert(Incident), [incident(COMMITTED)])
    with db.engine.begin() as conn:
        for start in range(0, total, BATCH):
            conn.execute(insert(Incident), [incident(f"imp-{i:06d}", i) for i in range(start, start + BATCH)])
            done = start + BATCH
            if mode == "self" and done >= kill_after:
                os.kill(os.getpid(), signal.SIGKILL)
            if mode == "pipe" and done % 10_000 == 0:
                print(done, flush=True)
        sys.stdin.readline()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3], *map(int, sys.argv[4:]))
