"""A database at revision 0004 (before incident places and site records) upgrades in place, keeping
everything, and takes records."""
import sqlite3
from datetime import date

from db import open_database
from db.scenario.stored import read_scenario
from db.sites import queries
from tests.db import snapshot
from tests.db.sites.records import stored
from tests.db.store import old_database

KEPT_WHOLE = ("meta", "scenarios", "sites", "incident_audit")


def test_a_0004_database_upgrades_in_place_keeping_everything(tmp_path):
    path = tmp_path / "old.sqlite"
    old_database.at_revision(path, "0004")
    seeded = open_database(tmp_path / "seed.sqlite")  # a scenario and its incidents, copied into the old file
    seeded.close()
    con = sqlite3.connect(path)
    con.execute("ATTACH DATABASE ? AS seed", (str(tmp_path / "seed.sqlite"),))
    old_columns = {}
    for table in KEPT_WHOLE + ("incidents",):  # the columns 0004 has
        old_columns[table] = ", ".join(r[1] for r in con.execute(f"PRAGMA main.table_info({table})"))
        con.execute(f"INSERT INTO {table} ({old_columns[table]}) SELECT {old_columns[table]} FROM seed.{table}")
    con.commit()
    incidents = con.execute(f"SELECT {old_columns['incidents']} FROM incidents ORDER BY id").fetchall()
    con.close()
    before = snapshot.tables(path)
    db = open_database(path)
    after = snapshot.tables(path)
    assert {t: after[t] for t in KEPT_WHOLE} == {t: before[t] for t in KEPT_WHOLE}
    with sqlite3.connect(path) as con:
        assert con.execute(f"SELECT {old_columns['incidents']} FROM incidents ORDER BY id").fetchall() == incidents
    assert after["site_records"][0] == after["site_record_audit"][0] == 0
    ident = stored(db, read_scenario(db), "goundam", "handover", "2023-09-05")
    assert queries.get(db, ident).date == date(2023, 9, 5)
    db.close()
