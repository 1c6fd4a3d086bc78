"""Encryption at rest (SQLCipher): a passphrase encrypts the file and its backups; a wrong or missing
passphrase gets a clear message and leaves the file untouched."""
import hashlib

import pytest

from db import open_database
from db.exchange import exports
from db.scenario import stored
from db.store import backup, errors
from db.store.dialect import sqlite
from tests.db.store.test_backup import add_incidents, mode

pytestmark = pytest.mark.sqlite_only  # backups are copies of a file; a server has pg_dump

pytest.importorskip("sqlcipher3", reason="sqlcipher3-binary is not installed")

SECRET = "it's a \"field\" secret ü"


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def encrypted(tmp_path):
    path = tmp_path / "secret.sqlite"
    db = open_database(path, passphrase=SECRET)
    add_incidents(db, 40)
    db.close()
    return path


def test_new_database_with_a_passphrase_is_encrypted(encrypted):
    data = encrypted.read_bytes()
    assert not data.startswith(sqlite.HEADER)
    assert b"imported row" not in data and b"Gao" not in data
    assert mode(encrypted) == "0o600"
    db = open_database(encrypted, passphrase=SECRET)
    assert len(stored.read_scenario(db).sites) == 13
    with db.engine.begin() as conn:  # the write-ahead log is encrypted too
        conn.exec_driver_sql("UPDATE incidents SET notes='informant Moussa' WHERE id LIKE 'x-%'")
        wal = encrypted.with_name(encrypted.name + "-wal")
    assert wal.stat().st_size and b"Moussa" not in wal.read_bytes() and mode(wal) == "0o600"
    db.close()


def test_wrong_passphrase_gets_a_clear_message_and_changes_nothing(encrypted):
    before = digest(encrypted)
    with pytest.raises(errors.WrongPassphrase) as err:
        open_database(encrypted, passphrase="guess")
    assert str(err.value) == f"The passphrase does not open {encrypted}. It was left unchanged."
    with pytest.raises(errors.PassphraseRequired, match="is encrypted"):
        open_database(encrypted)
    assert digest(encrypted) == before


def test_plain_database_refuses_a_passphrase(db):
    with pytest.raises(errors.DatabaseError, match="is not encrypted"):
        open_database(db.path, passphrase=SECRET)


def test_backups_of_an_encrypted_database_stay_encrypted_and_restore(encrypted):
    copy = backup.write(encrypted, "daily", passphrase=SECRET)
    assert not copy.read_bytes().startswith(sqlite.HEADER) and b"imported row" not in copy.read_bytes()
    assert mode(copy) == "0o600"
    [info] = backup.list_backups(encrypted, SECRET)
    assert info.incidents == 41
    assert sqlite.count_incidents(copy) is None  # unreadable without the passphrase
    assert backup.newest_sound_backup(encrypted, SECRET) == copy
    db = open_database(encrypted, passphrase=SECRET)
    add_incidents(db, 5, "later")
    db.close()
    saved = backup.restore(encrypted, copy, SECRET)
    assert sqlite.count_incidents(saved, SECRET) == 46
    assert sqlite.count_incidents(encrypted, SECRET) == 41
    assert not encrypted.read_bytes().startswith(sqlite.HEADER)


def test_encrypt_a_plain_database_and_its_backups(db):
    add_incidents(db, 12)
    copy = backup.write(db.path, "daily")
    db.close()
    before = sqlite.count_incidents(db.path)
    assert backup.encrypt(db.path, SECRET) == [db.path, copy]
    for path in (db.path, copy):
        assert not path.read_bytes().startswith(sqlite.HEADER) and mode(path) == "0o600"
        assert sqlite.count_incidents(path, SECRET) == before
    again = open_database(db.path, passphrase=SECRET)
    assert len(stored.read_scenario(again).sites) == 13
    again.close()
    assert backup.encrypt(db.path, SECRET) == []  # nothing plain is left


def test_encrypt_refuses_while_the_database_is_open(db):
    add_incidents(db, 1)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("SELECT 1")
        with pytest.raises(errors.DatabaseError, match="in use"):
            backup.encrypt(db.path, SECRET)
    assert db.path.read_bytes().startswith(sqlite.HEADER)
    assert not list(db.path.parent.glob(".*.part.*"))


def test_an_encrypted_database_exports_the_same_bytes_as_a_plain_one(encrypted, tmp_path):
    """CSV records are formatted in SQL: SQLCipher's own SQLite must write what the system's writes."""

    outs = []
    for path, passphrase in ((encrypted, SECRET), (tmp_path / "plain.sqlite", None)):
        db = open_database(path, passphrase=passphrase, seed=False)
        with db.engine.begin() as conn:
            conn.exec_driver_sql("DELETE FROM incidents")
        add_incidents(db, 40)
        outs.append(tmp_path / f"{path.stem}.csv")
        assert exports.export_incidents(db, outs[-1], delimiter=";") == 40
        db.close()
    assert outs[0].read_bytes() == outs[1].read_bytes()
