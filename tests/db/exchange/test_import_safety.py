"""An import killed (SIGKILL) or cancelled half-way leaves the database as it was, indexes and text index
included (into an empty table the import drops the secondary indexes and builds them after the rows, inside
its transaction); a database from before issue 22 (0004, and the revision before imports) upgrades in place
keeping every incident, its audit trail and its search index."""
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from db import open_database
from db.exchange import import_log, imports
from db.incidents import audit, queries
from db.progress import Cancelled
from db.store.migrations import HEAD, REVISIONS
from tests.db.exchange import exchange_data
from tests.db.store import old_database

ROOT = Path(__file__).resolve().parents[3]


def _schema(path) -> list:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
    finally:
        con.close()


def _sound(path) -> None:
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        con.execute("INSERT INTO incidents_fts(incidents_fts) VALUES ('integrity-check')")
    finally:
        con.close()


@pytest.fixture
def empty(tmp_path):
    database = open_database(tmp_path / "empty.sqlite", seed=False)
    yield database
    database.close()


@pytest.mark.parametrize("into", ["empty", "db"])
def test_kill_9_half_way_leaves_the_database_as_it_was(request, tmp_path, into):
    target = request.getfixturevalue(into)
    exchange_data.write(tmp_path / "big.csv", exchange_data.rows(60_000))
    checksum, schema = exchange_data.checksum(target), _schema(target.path)
    target.close()
    child = subprocess.Popen([sys.executable, "-m", "tests.db.exchange.killed_csv_import", str(target.path),
                              str(tmp_path / "big.csv")], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        said = child.stdout.readline().split()
        assert said[0] == b"half" and 0 < int(said[1]) < int(said[2])  # rows written, not committed
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=60) == -signal.SIGKILL
    finally:
        child.kill()
        child.wait()
    again = open_database(target.path, seed=False)
    assert exchange_data.checksum(again) == checksum and _schema(again.path) == schema
    assert exchange_data.count(again, "imports") == 0
    _sound(again.path)
    plan = imports.check_file(again, tmp_path / "big.csv")
    assert imports.write_import(again, plan).created == 60_000  # and the file imports whole afterwards
    again.close()


@pytest.mark.parametrize("into", ["empty", "db"])
def test_cancel_half_way_leaves_the_database_as_it_was(request, tmp_path, into):
    target = request.getfixturevalue(into)
    exchange_data.write(tmp_path / "big.csv", exchange_data.rows(50_000))
    plan = imports.check_file(target, tmp_path / "big.csv")
    checksum, schema = exchange_data.checksum(target), _schema(target.path)
    seen = []

    def progress(done, total):
        seen.append(done)
        if 0 < done < total:
            raise Cancelled()

    with pytest.raises(Cancelled):
        imports.write_import(target, plan, progress=progress)
    assert seen[-1] < len(plan.rows)
    assert exchange_data.checksum(target) == checksum and _schema(target.path) == schema
    _sound(target.path)


OLD_COLUMNS = ("id, occurred_on, lat, lon, region, type, subtype, actors, description, notes, source, reliability, "
               "status, author, origin, revision, created_at, updated_at, deleted, killed_peacekeepers, "
               "killed_civilians, killed_other, injured_peacekeepers, injured_civilians, injured_other")


@pytest.mark.parametrize("revision", ["0004", REVISIONS[REVISIONS.index("0010") - 1]])
def test_an_older_database_upgrades_in_place_keeping_incidents_trail_and_index(tmp_path, revision):
    path = tmp_path / "old.sqlite"
    values = ", ".join(
        f"('old-{i}', '2023-08-1{i}', 16.27, -0.04, 'ML-7', 'ied', '', '', 'Pont détruit {i}', '', '', '', "
        f"'reported', 'ana', 'laptop', 2, '2023-08-13 10:00:00.000000', '2023-08-14 10:00:00.000000', 0, 0, 0, 0,"
        f" 0, 0, 0)" for i in range(5))
    trail = ", ".join(
        f"('old-{i}', '2023-08-1{3 + k} 10:00:00.000000', 'ana', 'laptop', '{action}', '{changes}')"
        for i in range(5) for k, (action, changes) in enumerate(
            [("create", '{"description": [null, "Pont"]}'), ("update", '{"description": ["Pont", "Pont détruit"]}')]))
    old_database.at_revision(
        path, revision, "INSERT INTO meta(key, value) VALUES ('laptop_id', 'old-laptop')",
        f"INSERT INTO incidents ({OLD_COLUMNS}) VALUES {values}",
        f"INSERT INTO incident_audit (incident_id, at, author, laptop, action, changes) VALUES {trail}")
    con = sqlite3.connect(path)
    incidents = con.execute(f"SELECT rowid, {OLD_COLUMNS} FROM incidents ORDER BY id").fetchall()
    audit_rows = con.execute("SELECT id, incident_id, at, author, laptop, action, changes FROM incident_audit "
                             "ORDER BY id").fetchall()
    con.close()

    db = open_database(path, seed=False)
    con = sqlite3.connect(path)
    assert con.execute(f"SELECT rowid, {OLD_COLUMNS} FROM incidents ORDER BY id").fetchall() == incidents
    assert con.execute("SELECT id, incident_id, at, author, laptop, action, changes FROM incident_audit "
                       "ORDER BY id").fetchall() == audit_rows
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD
    con.close()
    _sound(path)
    assert queries.count(db, queries.IncidentFilter(text="pont detruit")) == 5
    assert [r.action for r in audit.trail(db, "old-0")] == ["create", "update"]

    exchange_data.write(tmp_path / "in.csv", exchange_data.rows(5))  # and imports work as one audited row
    result = imports.write_import(db, imports.check_file(db, tmp_path / "in.csv"), "chief")
    ident = exchange_data.rows(5)[0]["id"]
    assert audit.trail(db, ident)[0].changes[0][2].startswith("in.csv · SHA-256 ")
    assert import_log.undo_import(db, result.import_id, "chief").removed == 5
    assert queries.count(db, queries.IncidentFilter()) == 5
    db.close()
