"""Crash safety on real files: an import killed before its commit, or stopped by a full disk, leaves
every row as it was; the last committed incident is kept; the database opens cleanly afterwards."""
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import insert

from db import open_database
from db.store.dialect import sqlite
from db.store.errors import DiskFullError
from db.store.models import Incident
from tests.db import snapshot
from tests.db.exchange.killed_import import BATCH, COMMITTED, incident

ROOT = Path(__file__).resolve().parents[2]
TOTAL = 100_000
CHILD = [sys.executable, "-m", "tests.db.exchange.killed_import"]


def committed_incident(path) -> bool:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT count(*) FROM incidents WHERE id=?", (COMMITTED,)).fetchone()[0] == 1
    finally:
        con.close()


def check_untouched(path, before: dict) -> dict:
    """The database opens cleanly, passes integrity_check, and holds `before` plus the committed incident."""
    open_database(path).close()
    assert sqlite.inspect_file(path, thorough=True).revision is not None
    after = snapshot.rows(path)
    assert committed_incident(path)
    assert len(after) == len(before) + 1
    assert {k: v for k, v in after.items() if k in before} == before
    return after


@pytest.fixture
def seeded(tmp_path):
    path = tmp_path / "field.sqlite"
    open_database(path).close()
    return path


def test_import_that_kills_itself_before_commit_changes_nothing(seeded):
    before = snapshot.rows(seeded)
    proc = subprocess.run(CHILD + [str(seeded), str(TOTAL), "self", str(TOTAL // 2)], cwd=ROOT,
                          capture_output=True, timeout=600)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()
    wal = seeded.with_name(seeded.name + "-wal")
    assert wal.stat().st_size > 1_000_000  # uncommitted pages had reached the log: the kill was mid-import
    check_untouched(seeded, before)


def test_import_killed_by_the_parent_mid_way_changes_nothing(seeded):
    before = snapshot.rows(seeded)
    proc = subprocess.Popen(CHILD + [str(seeded), str(TOTAL), "pipe"], cwd=ROOT, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    done = 0
    for line in proc.stdout:  # the child reports every 10,000 rows; it never commits without our word
        done = int(line)
        if done >= TOTAL // 2:
            break
    proc.kill()
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read()
    assert done == TOTAL // 2
    check_untouched(seeded, before)


@pytest.mark.sqlite_only  # SQLite's page limit stands in for the disk
def test_full_disk_during_an_import_changes_nothing(db):
    before = snapshot.tables(db.path)
    written = 0
    with pytest.raises(DiskFullError) as err:
        with db.engine.begin() as conn:
            pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
            conn.exec_driver_sql(f"PRAGMA max_page_count={pages + 500}")  # the disk fills after 2 MB
            for start in range(0, TOTAL, BATCH):
                conn.execute(insert(Incident), [incident(f"imp-{i:06d}", i) for i in range(start, start + BATCH)])
                written = start + BATCH
    db.engine.dispose()  # the pooled connection still has the page limit
    assert 0 < written < TOTAL  # the disk filled part-way through the import
    assert "is full" in str(err.value) and "as it was before" in str(err.value)
    assert snapshot.tables(db.path) == before
    with db.engine.begin() as conn:  # and the database takes writes again
        conn.execute(insert(Incident), [incident(COMMITTED)])
    assert committed_incident(db.path)
