"""sitmon backup / backups / restore / check on real files."""
import pytest

from app.cli import main
from db import open_database
from db.store import backup
from db.store.dialect import sqlite
from tests.db import snapshot
from tests.db.store.test_backup import add_incidents, checkpoint, corrupt_page, root_page


def run(capsys, *argv):
    code = main.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def field(tmp_path):
    path = tmp_path / "field.sqlite"
    db = open_database(path)
    add_incidents(db, 500)
    db.close()
    return path


def test_backup_then_list(field, tmp_path, capsys):
    code, out, err = run(capsys, "--db", str(field), "backup")
    assert code == 0, err
    [made] = backup_dir_files(field)
    assert str(made) in out
    code, out, _ = run(capsys, "--db", str(field), "backup", "--out", str(tmp_path / "usb.sqlite"))
    assert code == 0 and snapshot.tables(tmp_path / "usb.sqlite") == snapshot.tables(field)
    code, out, err = run(capsys, "--db", str(field), "backup", "--out", str(tmp_path / "usb.sqlite"))
    assert code == 1 and "already exists" in err
    code, out, _ = run(capsys, "--db", str(field), "backups")
    header, row = out.splitlines()
    assert header.split() == ["file", "taken", "(UTC)", "incidents", "kind"]
    assert row.split()[0] == str(made) and row.split()[3:] == ["501", "manual"]


def backup_dir_files(path):
    return sorted(backup.backup_dir(path).glob("*.sqlite"))


def test_backups_when_there_are_none(field, capsys):
    code, out, _ = run(capsys, "--db", str(field), "backups")
    assert code == 0 and out.startswith("No backups of")


def test_check_sound_then_damaged(field, capsys):
    code, out, _ = run(capsys, "--db", str(field), "check")
    assert code == 0 and "is sound" in out and "501 incidents" in out
    good = backup.write(field, "daily")
    checkpoint(field)
    corrupt_page(field, root_page(field, "incidents"))
    code, out, err = run(capsys, "--db", str(field), "check")
    assert code == 4 and "is damaged" in err and f"The newest sound backup is {good}" in err


def test_restore_replaces_and_keeps_the_current_file(field, capsys):
    source = backup.write(field, "manual")
    db = open_database(field)
    add_incidents(db, 7, "later")
    db.close()
    code, out, err = run(capsys, "--db", str(field), "restore", str(source))
    assert code == 0, err
    assert "Restored" in out and "saved as" in out
    assert sqlite.count_incidents(field) == 501
    saved = [b for b in backup.list_backups(field) if b.reason == "before-restore"]
    assert saved[0].incidents == 508


def test_restore_refuses_an_unsound_file(field, tmp_path, capsys):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    before = snapshot.tables(field)
    code, _, err = run(capsys, "--db", str(field), "restore", str(bad))
    assert code == 1 and f"{bad} was not restored" in err
    assert snapshot.tables(field) == before


def test_commands_need_an_existing_database(tmp_path, capsys):
    code, _, err = run(capsys, "--db", str(tmp_path / "none.sqlite"), "check")
    assert code == 1 and "There is no database" in err
    assert not (tmp_path / "none.sqlite").exists()


def test_encrypt_then_check_with_the_passphrase(field, tmp_path, capsys, monkeypatch):
    pytest.importorskip("sqlcipher3", reason="sqlcipher3-binary is not installed")
    code, _, err = run(capsys, "--db", str(field), "encrypt")
    assert code == 2 and "passphrase" in err
    monkeypatch.setenv("SITMON_PASSPHRASE", "field secret")
    code, out, err = run(capsys, "--db", str(field), "encrypt")
    assert code == 0 and "Encrypted 1 file(s)" in out, err
    code, out, _ = run(capsys, "--db", str(field), "check")
    assert code == 0 and "501 incidents" in out
    monkeypatch.setenv("SITMON_PASSPHRASE", "guess")
    code, _, err = run(capsys, "--db", str(field), "check")
    assert code == 1 and "The passphrase does not open" in err
