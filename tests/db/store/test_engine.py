"""Opening database files: new, older, newer, foreign, damaged; durability of a committed write."""
import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from db import open_database
from db.store import engine, errors
from db.store.dialect import sqlite
from db.store.migrations import HEAD
from tests.db.store import old_database


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_is_created_seeded_and_private(tmp_path):
    path = tmp_path / "sub" / "new.sqlite"
    database = open_database(path)
    database.close()
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA application_id").fetchone()[0] == sqlite.APPLICATION_ID
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD
    assert con.execute("SELECT count(*) FROM sites").fetchone()[0] == 13
    assert con.execute("SELECT count(*) FROM incidents").fetchone()[0] == 1
    assert oct(path.stat().st_mode & 0o777) == "0o600"


@pytest.mark.sqlite_only  # PostgreSQL always enforces them
def test_foreign_keys_are_on(db):
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def make_newer(path):
    database = open_database(path)
    database.close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num='9999'")
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


def test_newer_database_is_refused_and_left_byte_for_byte(tmp_path):
    path = tmp_path / "newer.sqlite"
    make_newer(path)
    before = digest(path)
    with pytest.raises(errors.NewerDatabase, match="newer version of sitmon"):
        open_database(path)
    assert digest(path) == before


def test_not_sqlite_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("shopping list\n")
    with pytest.raises(errors.NotASitmonDatabase, match="not an SQLite file"):
        open_database(path)
    assert path.read_text() == "shopping list\n"


def test_another_programs_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE songs(title)")
    con.commit()
    con.close()
    before = digest(path)
    with pytest.raises(errors.NotASitmonDatabase, match="another program"):
        open_database(path)
    assert digest(path) == before


def test_damaged_database_is_refused(tmp_path):
    path = tmp_path / "damaged.sqlite"
    database = open_database(path)
    database.close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(page, len(data), page):  # scribble over every b-tree page header
        data[start: start + 8] = b"\xff" * 8
    path.write_bytes(bytes(data))
    with pytest.raises(errors.DatabaseError) as err:
        open_database(path)
    assert "damaged" in str(err.value) or "malformed" in str(err.value)


def test_older_database_is_backed_up_then_upgraded(tmp_path):
    path = tmp_path / "old.sqlite"
    old_database.at_revision(path, "0001", "INSERT INTO meta(key, value) VALUES ('laptop_id', 'old-laptop')")
    database = open_database(path)
    database.close()
    con = sqlite3.connect(path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD
    assert con.execute("SELECT value FROM meta WHERE key='laptop_id'").fetchone()[0] == "old-laptop"
    backups = list((tmp_path / "backups").glob("old-*-before-migration-0001-to-*.sqlite"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"


def test_committed_write_survives_a_kill(tmp_path):
    path = tmp_path / "kill.sqlite"
    open_database(path).close()
    code = textwrap.dedent(f"""
        import os, signal, sys
        sys.path.insert(0, {str(engine.Path(engine.__file__).parents[2])!r})
        from sqlalchemy import text
        from db import open_database
        db = open_database({str(path)!r})
        with db.engine.begin() as c:
            c.execute(text("INSERT INTO meta(key, value) VALUES ('committed', 'yes')"))
        c = db.engine.connect(); t = c.begin()
        c.execute(text("INSERT INTO meta(key, value) VALUES ('uncommitted', 'no')"))
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True)
    assert proc.returncode == -signal.SIGKILL
    database = open_database(path)
    database.close()
    con = sqlite3.connect(path)
    keys = {k for (k,) in con.execute("SELECT key FROM meta")}
    assert "committed" in keys and "uncommitted" not in keys


def test_sitmon_db_environment_variable(tmp_path, monkeypatch):
    from app import settings

    monkeypatch.setenv("SITMON_DB", str(tmp_path / "env.sqlite"))
    assert settings.default_db_path() == tmp_path / "env.sqlite"
    monkeypatch.delenv("SITMON_DB")
    assert settings.default_db_path() == tmp_path / "data" / "sitmon.sqlite"
    assert os.environ["SITMON_DATA_DIR"] == str(tmp_path / "data")
