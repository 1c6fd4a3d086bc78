"""A large CSV export formatted by worker processes (db/store/dialect/sqlite_bulk.csv_in_parts, with apsw's SQLite
or the standard sqlite3) writes the bytes one process writes, for every filter and option; Cancel and a failed
worker leave nothing behind but what they should."""
from datetime import date

import pytest

from db.exchange import exports, imports
from db.incidents import queries
from db.progress import Cancelled
from db.store import dialect
from db.store.dialect import sqlite_bulk
from tests.db.exchange import exchange_data

pytestmark = pytest.mark.sqlite_only  # worker processes read SQLite files; PostgreSQL exports in one process

FILTERS = [queries.IncidentFilter(), queries.IncidentFilter(date_from=date(2023, 8, 1), date_to=date(2023, 10, 31)),
           queries.IncidentFilter(types=("battles", "ied"), regions=("ML-6", "ML-7")),
           queries.IncidentFilter(text="convoy"), queries.IncidentFilter(include_deleted=True, statuses=("reported",))]
OPTIONS = [{}, {"hxl": True, "excel": True, "delimiter": ";"}, {"profile": "hq", "lang": "fr"}]


@pytest.fixture
def filled(db, tmp_path):
    records = exchange_data.rows(3_000)
    for i, r in enumerate(records):
        r["occurred_on"] = records[i % 40]["occurred_on"]  # many incidents a day: the middle falls inside a day
    exchange_data.write(tmp_path / "in.csv", records)
    imports.write_import(db, imports.check_file(db, tmp_path / "in.csv"))
    return db


def _export(db, path, monkeypatch, parts: bool, **kw) -> bytes:
    monkeypatch.setattr(sqlite_bulk, "PARALLEL_MIN", 1 if parts else 10**9)
    n = exports.export_incidents(db, path, **kw)
    return n, path.read_bytes()


@pytest.mark.parametrize("library", ["apsw", "sqlite3"])
@pytest.mark.parametrize("options", OPTIONS)
def test_worker_processes_write_the_bytes_one_process_writes(filled, tmp_path, monkeypatch, caplog, options, library):
    monkeypatch.setattr(sqlite_bulk, "LIBRARY", library)
    monkeypatch.setattr(sqlite_bulk, "PARTS", 2 if library == "apsw" else 3)
    out = tmp_path / "out"
    out.mkdir()
    for where in FILTERS:
        one = _export(filled, out / "one.csv", monkeypatch, False, where=where, **options)
        two = _export(filled, out / "two.csv", monkeypatch, True, where=where, **options)
        assert one == two and one[0] > 0
    assert dialect.csv_in_parts(filled, 1) is not None and not caplog.records  # the worker did its part
    assert sorted(p.name for p in out.iterdir()) == ["one.csv", "two.csv"]


def test_cancel_half_way_leaves_no_file(filled, tmp_path, monkeypatch):
    monkeypatch.setattr(sqlite_bulk, "PARALLEL_MIN", 1)
    monkeypatch.setattr(sqlite_bulk, "FETCH", 100)

    def progress(done, total):
        if done >= total // 3:
            raise Cancelled()

    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(sqlite_bulk, "PARTS", 3)
    with pytest.raises(Cancelled):
        exports.export_incidents(filled, out / "out.csv", progress=progress)
    assert list(out.iterdir()) == []
    assert exchange_data.count(filled, where="NOT deleted") == 3_001  # and the write lock is free again
    imports.write_import(filled, imports.check_file(filled, tmp_path / "in.csv"))


def test_a_failed_worker_has_its_part_written_here(filled, tmp_path, monkeypatch, caplog):
    one = _export(filled, tmp_path / "one.csv", monkeypatch, False)
    monkeypatch.setattr(sqlite_bulk, "WORKER", tmp_path / "missing.py")
    assert _export(filled, tmp_path / "two.csv", monkeypatch, True) == one
    assert "export worker failed" in caplog.text


def test_encrypted_and_read_only_databases_are_exported_by_one_process(filled, tmp_path):
    from db import open_database

    assert dialect.csv_in_parts(filled, 10**6) is not None and dialect.csv_in_parts(filled, 10) is None
    filled.close()
    readonly = open_database(filled.path, readonly=True)
    assert dialect.csv_in_parts(readonly, 10**6) is None
    readonly.close()
