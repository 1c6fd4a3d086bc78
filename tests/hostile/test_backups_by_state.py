"""Issue 17 items 6 and 15: backups are kept by what they hold, and a dry run needs no write access."""
from db import open_database
from db.exchange import imports, packages
from db.store import backup
from tests.db.exchange import exchange_data


def test_imports_that_change_nothing_take_no_backup_and_keep_the_older_state(db, tmp_path):
    """Every import, even a no-op one, wrote a backup and only 10 were kept: ten no-op imports rotated away
    the one backup that held the state from before a bad package."""
    exchange_data.write(tmp_path / "first.csv", exchange_data.rows(50, seed=1))
    exchange_data.write(tmp_path / "second.csv", exchange_data.rows(50, seed=2))
    imports.write_import(db, imports.check_file(db, tmp_path / "first.csv"))
    [before_first] = backup.list_backups(db.path)
    assert before_first.incidents == 1  # the state before the first import: the scenario's one incident
    imports.write_import(db, imports.check_file(db, tmp_path / "second.csv"))
    assert [b.incidents for b in backup.list_backups(db.path)] == [51, 1]
    other = open_database(tmp_path / "other.sqlite")
    packages.export_package(other, tmp_path / "same.zip")
    packages.import_package(db, tmp_path / "same.zip")  # the other laptop's key is remembered: no backup needed
    for _ in range(12):  # nothing new in either
        result = imports.write_import(db, imports.check_file(db, tmp_path / "second.csv"))
        assert (result.created, result.updated) == (0, 0)
        packages.import_package(db, tmp_path / "same.zip")
    other.close()
    assert [b.incidents for b in backup.list_backups(db.path)] == [51, 1]


def test_a_dry_run_works_on_a_read_only_database(db, tmp_path):
    """--dry-run was refused on a read-only database."""
    exchange_data.write(tmp_path / "rows.csv", exchange_data.rows(30))
    db.close()
    ro = open_database(db.path, readonly=True)
    try:
        result = imports.write_import(ro, imports.check_file(ro, tmp_path / "rows.csv"), dry_run=True)
    finally:
        ro.close()
    assert (result.created, result.dry_run) == (30, True)
    assert exchange_data.count(db) == 1
