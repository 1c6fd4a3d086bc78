"""Backups on real files: private, whole, rotated, listed with counts, restored; damaged files found
and replaced by the newest sound backup; read-only files opened read-only."""
import os
import shutil
import sqlite3
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import insert

from db import open_database
from db.files import part_of
from db.scenario import stored
from db.store import backup, errors
from db.store.dialect import sqlite
from db.store.models import Incident
from tests.db import snapshot
from tests.db.exchange.killed_import import incident

pytestmark = pytest.mark.sqlite_only  # backups are copies of a file; a server has pg_dump

PAGE = 4096


def add_incidents(db, count, prefix="x"):
    with db.engine.begin() as conn:
        conn.execute(insert(Incident), [incident(f"{prefix}-{i:05d}", i) for i in range(count)])


def mode(path) -> str:
    return oct(path.stat().st_mode & 0o777)


def checkpoint(path):
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


def corrupt_page(path, page: int):
    """Scribble over a b-tree page's header, as a bad sector or a torn write would."""
    with open(path, "r+b") as f:
        f.seek((page - 1) * PAGE)
        f.write(b"\xff" * 16)


def root_page(path, table) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT rootpage FROM sqlite_master WHERE name=?", (table,)).fetchone()[0]
    finally:
        con.close()


def test_backup_is_whole_private_and_self_contained(db):
    add_incidents(db, 300)
    out = backup.write(db.path, "manual")
    assert mode(out) == "0o600" and mode(out.parent) == "0o700"
    assert not list(out.parent.glob(".*.part.*"))
    con = sqlite3.connect(out)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # no -wal/-shm beside backups
    con.close()
    assert snapshot.tables(out) == snapshot.tables(db.path)


def test_a_backup_that_cannot_be_written_is_reported_and_leaves_nothing(db, tmp_path):
    blocker = tmp_path / "usb"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(backup.BackupFailed, match="could not be written"):
        backup.write(db.path, out=blocker / "copy.sqlite")
    with pytest.raises(backup.BackupFailed):
        backup.before_import(tmp_path / "missing.sqlite")
    assert not list(tmp_path.rglob(".*.part.*"))


def test_wal_and_shm_files_are_private(db):
    add_incidents(db, 10)
    with db.engine.connect() as conn:  # an open connection keeps -wal and -shm on disk
        conn.exec_driver_sql("SELECT count(*) FROM incidents").scalar()
        for suffix in ("-wal", "-shm"):
            assert mode(db.path.with_name(db.path.name + suffix)) == "0o600"


def test_daily_backup_once_a_day(db):
    first = backup.daily(db.path)
    assert first is not None and first.name.endswith("-daily.sqlite")
    assert backup.daily(db.path) is None
    [info] = backup.list_backups(db.path)
    assert info.reason == "daily" and info.incidents == 1 and info.taken_at.date() == datetime.now(timezone.utc).date()


def test_before_import_hook_copies_the_database_as_it_is(db):
    add_incidents(db, 25)
    out = backup.before_import(db.path)
    assert backup.list_backups(db.path)[0].path == out
    assert sqlite.count_incidents(out) == 26
    assert snapshot.tables(out) == snapshot.tables(db.path)


def test_rotation_keeps_7_daily_4_weekly_and_10_event_backups(db):
    model = backup.write(db.path, "manual")
    folder = model.parent
    start = datetime(2023, 6, 1, 8, 0)
    days = [start + timedelta(days=d) for d in range(60)]

    def name(at, reason):
        return folder / f"{db.path.stem}-{at.strftime(backup.STAMP)}-{reason}.sqlite"

    for at in days:
        shutil.copy(model, name(at, "daily"))
    events = [start + timedelta(hours=h) for h in range(12)]
    for at in events:
        shutil.copy(model, name(at, "before-import"))
    shutil.copy(model, name(start, "before-migration-0001-to-0002"))
    left_by_a_crash = part_of(folder / f"{db.path.stem}-20230601T000000000000Z-daily.sqlite")
    left_by_a_crash.write_bytes(b"half")
    os.utime(left_by_a_crash, (0, 0))
    being_written = part_of(folder / f"{db.path.stem}-20230602T000000000000Z-before-import.sqlite")
    being_written.write_bytes(b"half")  # another process's backup, now: left alone

    doomed = backup.prune(db.path)
    assert left_by_a_crash in doomed and not left_by_a_crash.exists() and being_written.exists()
    left = {(b.reason, b.taken_at) for b in backup.list_backups(db.path)}
    dailies = sorted(at for reason, at in left if reason == "daily")
    assert dailies[-7:] == days[-7:]
    weeks = [at.isocalendar()[:2] for at in dailies[:-7]]
    assert len(weeks) == 4 and len(set(weeks)) == 4
    assert max(dailies[:-7]) == days[-8]  # the newest of the older days stands for its week
    assert sorted(at for reason, at in left if reason == "before-import") == events[-10:]
    assert {r for r, _ in left} == {"daily", "before-import", "manual", "before-migration-0001-to-0002"}
    assert len(doomed) == 60 - 11 + 2 + 1


def test_damaged_database_is_reported_and_the_newest_sound_backup_restored(tmp_path):
    path = tmp_path / "field.sqlite"
    db = open_database(path)
    add_incidents(db, 2000)
    good = backup.write(path, "daily")
    add_incidents(db, 5, "after-backup")
    db.close()
    bad_copy = backup.write(path, "before-import")  # a newer backup that is damaged too
    checkpoint(path)
    corrupt_page(bad_copy, root_page(bad_copy, "incidents"))
    corrupt_page(path, root_page(path, "incidents"))

    with pytest.raises(errors.DamagedDatabase) as err:
        open_database(path)
    assert "is damaged" in str(err.value) and "Restore a backup" in str(err.value)
    assert backup.newest_sound_backup(path) == good

    saved = backup.restore(path, good)
    assert saved.name.endswith("-damaged.sqlite") and saved.read_bytes()  # the damaged file is kept
    open_database(path).close()
    assert _but_meta(path) == _but_meta(good)
    assert sqlite.count_incidents(path) == 2001


def test_restore_backs_up_the_current_database_first(db):
    add_incidents(db, 3)
    source = backup.write(db.path, "manual")
    add_incidents(db, 4, "later")
    now, laptop = snapshot.tables(db.path), db.laptop_id
    db.close()
    saved = backup.restore(db.path, source)
    assert saved.name.endswith("-before-restore.sqlite") and snapshot.tables(saved) == now
    assert _but_meta(db.path) == _but_meta(source)
    again = open_database(db.path)
    assert again.readonly is False and stored.read_scenario(again).mission.id
    assert again.laptop_id != laptop  # a restored copy is a new laptop to the others (packages)
    again.close()
    con = sqlite3.connect(db.path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"  # the restored file is the app's again
    con.close()


def _but_meta(path) -> dict:
    """What a restore copies: everything but the laptop id (meta), which it makes new."""
    return {k: v for k, v in snapshot.tables(path).items() if k != "meta"}


@pytest.mark.parametrize("kind", ["damaged", "foreign", "text", "itself", "empty"])
def test_unsound_restore_source_is_refused_and_nothing_changes(db, tmp_path, kind):
    source = tmp_path / "source.sqlite"
    if kind == "damaged":
        source = backup.write(db.path, "manual")
        corrupt_page(source, root_page(source, "incidents"))
    elif kind == "foreign":
        con = sqlite3.connect(source)
        con.execute("CREATE TABLE songs(title)")
        con.commit()
        con.close()
    elif kind == "text":
        source.write_text("not a database\n")
    elif kind == "itself":
        source = db.path
    else:
        source.touch()
    db.close()
    checkpoint(db.path)
    before, files = snapshot.tables(db.path), sorted(backup.backup_dir(db.path).glob("*"))
    with pytest.raises(errors.DatabaseError) as err:
        backup.restore(db.path, source)
    assert str(source) in str(err.value)
    assert snapshot.tables(db.path) == before
    assert sorted(backup.backup_dir(db.path).glob("*")) == files


def test_explicit_read_only_opens_reads_and_refuses_writes(db):
    db.close()
    checkpoint(db.path)
    before = db.path.read_bytes()
    ro = open_database(db.path, readonly=True)
    assert ro.readonly is True
    assert stored.read_scenario(ro).mission.id == "minusma-2023"
    with pytest.raises(errors.ReadOnlyDatabase, match="read-only"):
        add_incidents(ro, 1)
    ro.close()
    assert db.path.read_bytes() == before


def test_unwritable_folder_opens_read_only_and_immutable(db, monkeypatch):
    """os.access stands in for chmod, which does not stop root (the tests run as root here)."""
    db.close()
    checkpoint(db.path)
    for suffix in ("-wal", "-shm"):
        db.path.with_name(db.path.name + suffix).unlink(missing_ok=True)
    before = db.path.read_bytes()
    monkeypatch.setattr(os, "access", lambda p, m: not m & os.W_OK)
    ro = open_database(db.path)
    assert ro.readonly is True
    assert stored.read_scenario(ro).sites
    with pytest.raises(errors.ReadOnlyDatabase):
        add_incidents(ro, 1)
    ro.close()
    assert db.path.read_bytes() == before
    assert not db.path.with_name(db.path.name + "-shm").exists()  # immutable: nothing written beside it


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through chmod: covered by the os.access test")
def test_chmod_read_only_file_and_folder(db):
    db.close()
    checkpoint(db.path)
    db.path.chmod(0o400)
    db.path.parent.chmod(0o500)
    try:
        ro = open_database(db.path)
        assert ro.readonly is True and stored.read_scenario(ro).sites
        ro.close()
    finally:
        db.path.parent.chmod(0o700)
