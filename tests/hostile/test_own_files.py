"""Issue 17 item 1: no export, package, image or briefing is written over the database, its journal files or
its backups (package export --out <the database> replaced it with a zip, no backup)."""
import subprocess
import sys
from pathlib import Path

import pytest

from db import open_database
from db.exchange import exports, packages
from db.files import OutputRefused
from db.store import backup
from tests.db import snapshot

ROOT = Path(__file__).resolve().parents[2]


def cli(db_path, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", "--db", str(db_path), *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_package_export_over_the_database_or_its_journal_is_refused(db, suffix):
    before = snapshot.tables(db.path)
    with pytest.raises(OutputRefused, match="the database itself"):
        packages.export_package(db, Path(str(db.path) + suffix))
    assert snapshot.tables(db.path) == before and db.path.stat().st_size


def test_exports_over_a_backup_are_refused(db):
    made = backup.write(db.path, "manual")
    before = made.read_bytes()
    for write in (lambda p: exports.export_incidents(db, p), lambda p: exports.export_timeline(db, p)):
        with pytest.raises(OutputRefused):
            write(made.with_name(made.stem + ".csv"))
    with pytest.raises(OutputRefused):
        packages.export_package(db, made)
    assert made.read_bytes() == before and not made.with_name(made.stem + ".csv").exists()


def test_the_command_line_refuses_in_one_line_and_leaves_the_database(tmp_path):
    db_path = tmp_path / "field.gpkg"  # a database that happens to be named like a GeoPackage
    open_database(db_path).close()
    before = db_path.read_bytes()
    for args in (["package", "export", "--out", str(db_path)], ["export", "incidents", "--out", str(db_path)],
                 ["snapshot", "--date", "2023-08-15", "--out", str(db_path)]):
        run = cli(db_path, *args)
        assert run.returncode == 1, args
        assert run.stderr.strip().startswith("sitmon: ") and run.stderr.count("\n") == 1, run.stderr
        assert "the database itself" in run.stderr and "Traceback" not in run.stderr
    assert db_path.read_bytes() == before
