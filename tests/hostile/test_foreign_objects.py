"""Issue 17 item 5: `sitmon restore FILE` accepted a backup that carried an extra trigger; `check` then said
"sound", and the next import wiped every note and the audit trail."""
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from db import open_database
from db.store import backup, errors
from tests.db import snapshot

ROOT = Path(__file__).resolve().parents[2]
WIPER = ("CREATE TRIGGER wipe AFTER INSERT ON incidents BEGIN "
         "UPDATE incidents SET notes = ''; DELETE FROM incident_audit; END")


def tampered_backup(db, statement: str) -> Path:
    made = backup.write(db.path, "manual")
    con = sqlite3.connect(made)
    con.execute(statement)
    con.commit()
    con.close()
    return made


@pytest.mark.parametrize("statement, kind", [(WIPER, "trigger"), ("CREATE VIEW v AS SELECT 1", "view"),
                                             ("CREATE TABLE extra (x)", "table")])
def test_a_backup_carrying_what_sitmon_did_not_make_is_not_restored(db, statement, kind):
    made = tampered_backup(db, statement)
    db.close()
    before = snapshot.tables(db.path)
    with pytest.raises(errors.DatabaseError, match=f"the {kind} .* which sitmon did not make"):
        backup.restore(db.path, made)
    assert snapshot.tables(db.path) == before


def test_opening_or_checking_such_a_file_refuses_it_in_one_line(db, tmp_path):
    made = tampered_backup(db, WIPER)
    with pytest.raises(errors.ForeignObjects):
        open_database(made)
    run = subprocess.run([sys.executable, "-m", "app", "--db", str(made), "check"], capture_output=True, text=True,
                         cwd=ROOT, timeout=120)
    assert run.returncode == 1 and "the trigger wipe, which sitmon did not make" in run.stderr
    assert "Traceback" not in run.stderr
