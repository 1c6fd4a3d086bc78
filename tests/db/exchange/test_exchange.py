"""Import pipeline (check everything, report, one transaction) and exports (CSV, GeoJSON, GeoPackage)."""
import csv
import hashlib
import io
import sqlite3
from datetime import date, datetime

import geopandas as gpd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db import open_database, vocab
from db.exchange import csv_format, exports, imports
from db.incidents import audit, queries, writes
from db.progress import Cancelled
from tests.db.exchange import exchange_data
from tests.db.rows import one, query


@pytest.fixture
def empty(tmp_path):
    database = open_database(tmp_path / "empty.sqlite", seed=False)
    yield database
    database.close()


def _import(db, path, **kw):
    plan = imports.check_file(db, path)
    return plan, imports.write_import(db, plan, "tester", **kw)


@pytest.mark.parametrize("options", [{}, {"hxl": True, "excel": True, "delimiter": ";"}])
def test_round_trip_is_byte_identical(db, empty, tmp_path, options):
    source = tmp_path / "source.csv"
    exchange_data.write(source, exchange_data.rows(300))
    _import(db, source)
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    n = exports.export_incidents(db, first, **options)
    plan, result = _import(empty, first)
    assert plan.problems == () and result.created == n == 301  # 300 + the scenario's seed incident
    exports.export_incidents(empty, second, **options)
    assert first.read_bytes() == second.read_bytes()


def test_reimport_adds_nothing_and_an_import_is_one_audited_row(db, tmp_path):
    source = tmp_path / "in.csv"
    exchange_data.write(source, exchange_data.rows(50))
    before = exchange_data.count(db, "incident_audit")
    _, result = _import(db, source)
    assert (result.created, result.updated, result.unchanged) == (50, 0, 0)
    assert exchange_data.count(db, "incident_audit") == before  # no audit row per created incident
    row = query(db, "SELECT id, file, sha256, format, author, laptop, rows, created FROM imports")
    assert row == [(result.import_id, "in.csv", hashlib.sha256(source.read_bytes()).hexdigest(), "sitmon", "tester",
                    db.laptop_id, 50, 50)]
    assert one(db, "SELECT count(*) FROM incidents WHERE import_id = ?", (result.import_id,)) == 50
    checksum = exchange_data.checksum(db)
    _, again = _import(db, source)
    assert (again.created, again.updated, again.unchanged, again.import_id) == (0, 0, 50, None)
    assert exchange_data.checksum(db) == checksum
    assert one(db, "SELECT count(*) FROM imports") == 1  # an import that changes nothing: no row


def test_the_audit_trail_of_an_imported_incident_names_its_import(db, tmp_path):
    source = tmp_path / "hq-2023-08.csv"
    records = exchange_data.rows(3)
    exchange_data.write(source, records)
    _, result = _import(db, source)
    [created] = audit.trail(db, records[0]["id"])
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    assert (created.action, created.author, created.laptop) == ("create", "tester", db.laptop_id)
    assert created.changes == (("import", None, f"hq-2023-08.csv · SHA-256 {digest}"),)
    writes.update(db, records[0]["id"], {"description": "edited here"}, "editor")
    trail = audit.trail(db, records[0]["id"])
    assert [(a.action, a.author) for a in trail] == [("create", "tester"), ("update", "editor")]


def test_newer_revision_updates_with_an_audit_row(db, tmp_path):
    records = exchange_data.rows(3)
    exchange_data.write(tmp_path / "v1.csv", records)
    _import(db, tmp_path / "v1.csv")
    old = records[1]["description"]
    records[1] = {**records[1], "description": "revised", "revision": "2", "updated_at": "2023-09-01T08:00:00Z"}
    records[2] = {**records[2], "description": "older edit ignored", "revision": "1"}
    exchange_data.write(tmp_path / "v2.csv", records)
    _, result = _import(db, tmp_path / "v2.csv")
    assert (result.created, result.updated, result.unchanged) == (0, 1, 2)
    got = queries.get(db, records[1]["id"])
    assert (got.description, got.revision, got.updated_at) == ("revised", 2, datetime(2023, 9, 1, 8))
    trail = audit.trail(db, records[1]["id"])
    assert [a.action for a in trail] == ["create", "update"]
    digest = hashlib.sha256((tmp_path / "v2.csv").read_bytes()).hexdigest()
    assert trail[1].changes == (("description", old, "revised"), ("import", None, f"v2.csv · SHA-256 {digest}"))
    assert queries.get(db, records[2]["id"]).description != "older edit ignored"


def test_ten_thousand_rows_with_seven_bad_ones(db, tmp_path):
    path = tmp_path / "hq.csv"
    expected = exchange_data.bad_file(path)
    checksum = exchange_data.checksum(db)
    plan = imports.check_file(db, path)
    assert {(p.row, p.field) for p in plan.problems} == expected
    assert (plan.total_rows, plan.refused_rows, len(plan.rows)) == (10_000, 7, 9_993)
    messages = {p.row: p.message() for p in plan.problems}
    assert "'2023-02-30' is not a date" in messages[12]
    assert "'123' is not a latitude" in messages[502]
    assert messages[1236] == "type: required, but empty"
    assert "\\xe9" in messages[7779] and "not UTF-8" in messages[7779]
    assert messages[10_000] == "columns: the row has 35 cells; the header has 34"
    assert exchange_data.checksum(db) == checksum  # checking writes nothing
    result = imports.write_import(db, plan, "tester")
    assert result.created == 9_993
    ids = {r[0] for r in query(db, "SELECT id FROM incidents")}
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        file_ids = [r[0] for r in csv.reader(f)][1:]
    assert {file_ids[row - 2] for row, _ in expected}.isdisjoint(ids)


@pytest.mark.parametrize("stop_at", [1, 2])
def test_cancel_or_crash_half_way_leaves_the_database_as_it_was(db, tmp_path, stop_at):
    path = tmp_path / "big.csv"
    exchange_data.write(path, exchange_data.rows(50_000))
    plan = imports.check_file(db, path)
    checksum = exchange_data.checksum(db)
    calls = []

    def progress(done, total):
        calls.append(done)
        if len(calls) == stop_at:
            raise Cancelled() if stop_at == 1 else RuntimeError("disk full")

    with pytest.raises((Cancelled, RuntimeError)):
        imports.write_import(db, plan, "tester", progress=progress)
    assert exchange_data.checksum(db) == checksum
    assert calls[0] < len(plan.rows)  # it stopped half-way, after a chunk was written


def test_dry_run_counts_but_writes_nothing(db, tmp_path):
    exchange_data.write(tmp_path / "x.csv", exchange_data.rows(20))
    checksum = exchange_data.checksum(db)
    _, result = _import(db, tmp_path / "x.csv", dry_run=True)
    assert (result.created, result.dry_run) == (20, True)
    assert exchange_data.checksum(db) == checksum


def test_external_id_of_another_incident_is_refused(db, tmp_path):
    records = exchange_data.rows(2)
    exchange_data.write(tmp_path / "a.csv", records)
    _import(db, tmp_path / "a.csv")
    clash = exchange_data.rows(1, seed=99)[0] | {"external_id": records[0]["external_id"]}
    exchange_data.write(tmp_path / "b.csv", [clash])
    plan = imports.check_file(db, tmp_path / "b.csv")
    assert [(p.row, p.field) for p in plan.problems] == [(2, "external_id")] and plan.rows == ()


def test_duplicate_id_names_the_first_row(db, tmp_path):
    records = exchange_data.rows(3)
    records[2]["id"] = records[0]["id"]
    exchange_data.write(tmp_path / "d.csv", records)
    plan = imports.check_file(db, tmp_path / "d.csv")
    assert [p.message() for p in plan.problems] == [f"id: '{records[0]['id']}' already appears in row 2"]


_CELL = st.one_of(st.text(max_size=12), st.sampled_from(["", "0", "-1", "2023-08-13", "91", "battles", "'=1"]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fuzzed_rows_are_accepted_or_refused_by_row(db, tmp_path, data):
    """Random and mutated rows never raise; refused rows are named and never reach the database."""
    columns = csv_format.INCIDENT_COLUMNS[1]
    records = exchange_data.rows(data.draw(st.integers(1, 6)), seed=data.draw(st.integers(0, 10**6)))
    lines = []
    for r in records:
        cells = [r[c] for c in columns]
        for _ in range(data.draw(st.integers(0, 3))):
            i = data.draw(st.integers(0, len(cells) - 1))
            cells[i] = data.draw(_CELL)
        if data.draw(st.booleans()):
            cells = cells[:data.draw(st.integers(0, len(cells)))] + data.draw(st.lists(_CELL, max_size=2))
        lines.append(cells)
    path = tmp_path / "fuzz.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([columns, *lines])
    if data.draw(st.booleans()):
        raw = bytearray(path.read_bytes())
        raw[data.draw(st.integers(0, len(raw) - 1))] = data.draw(st.integers(0, 255))
        path.write_bytes(bytes(raw))
    checksum = exchange_data.checksum(db)
    plan = imports.check_file(db, path)
    assert all(p.row >= 1 and p.message() for p in plan.problems)
    assert len(plan.rows) <= plan.good_rows
    if plan.problems:
        assert exchange_data.checksum(db) == checksum
    if not plan.rows:
        return
    before = {r[0] for r in query(db, "SELECT id FROM incidents")}
    imports.write_import(db, plan, "fuzz")
    after = {r[0] for r in query(db, "SELECT id FROM incidents")}
    assert after - before <= {r[0] for r in plan.rows}


def test_geojson_and_geopackage_read_back(db, tmp_path):
    exchange_data.write(tmp_path / "in.csv", exchange_data.rows(40))
    _import(db, tmp_path / "in.csv")
    for name in ("x.geojson", "x.gpkg"):
        n = exports.export_incidents(db, tmp_path / name, profile="hq")
        frame = gpd.read_file(tmp_path / name)
        assert len(frame) == n == 41 and frame.crs.to_epsg() == 4326
        assert "notes" not in frame.columns and "description" in frame.columns
        seed = frame[frame["id"] == "c90d210a-97fc-5eb3-be70-fa237688882c"].iloc[0]
        assert (seed.geometry.x, seed.geometry.y) == (-2.6, 16.8) and str(seed["occurred_on"])[:10] == "2023-08-13"
        assert (frame.geometry.x == frame["lon"]).all() and (frame.geometry.y == frame["lat"]).all()


def test_export_filters_by_date_and_skips_deleted(db, tmp_path):
    exchange_data.write(tmp_path / "in.csv", exchange_data.rows(60))
    _import(db, tmp_path / "in.csv")
    victim = one(db, "SELECT id FROM incidents WHERE occurred_on BETWEEN '2023-08-01' AND '2023-08-31'"
                     " ORDER BY id LIMIT 1")
    writes.soft_delete(db, victim, "tester")
    expected = one(db, "SELECT count(*) FROM incidents WHERE occurred_on BETWEEN '2023-08-01' "
                       "AND '2023-08-31' AND NOT deleted")
    out = tmp_path / "aug.csv"
    n = exports.export_incidents(db, out, exports.incident_filter(date(2023, 8, 1), date(2023, 8, 31)))
    with open(out, encoding="utf-8", newline="") as f:
        body = list(csv.DictReader(f))
    assert n == len(body) == expected and victim not in {r["id"] for r in body}
    assert all("2023-08-01" <= r["occurred_on"] <= "2023-08-31" for r in body)


def test_status_export(db, tmp_path):
    n = exports.export_status(db, tmp_path / "s.csv", date(2023, 8, 15), hxl=True)
    with open(tmp_path / "s.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == list(exports.STATUS_COLUMNS) and rows[1][0] == "#date" and len(rows) == 2 + n == 15
    ber = next(r for r in rows if r[1] == "ber")
    assert ber[7:9] == ["handed-over", "2023-08-12"] and ber[9].startswith("Handover confirmed on 2023-08-12")
    assert ber[5:7] == ["16.83493", "-2.53194"]
    assert exports.export_status(db, tmp_path / "s.gpkg", date(2023, 8, 15)) == 13
    sites = gpd.read_file(tmp_path / "s.gpkg")
    assert len(sites) == 13 and sites.crs.to_epsg() == 4326 and set(sites["status"]) >= {"handed-over"}


def test_timeline_export(db, tmp_path):
    n = exports.export_timeline(db, tmp_path / "t.csv")
    with open(tmp_path / "t.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    kinds = {r["kind"] for r in rows}
    assert len(rows) == n and {"phase", "window", "handover", "event", "commitment"} <= kinds
    assert {"id": "phase-1", "start": "2023-07-15", "end": "2023-08-31"}.items() <= \
        next(r for r in rows if r["kind"] == "phase").items()
    with pytest.raises(ValueError):
        exports.export_timeline(db, tmp_path / "t.geojson")


def test_default_filename():
    at = datetime(2023, 11, 15, 10, 30)
    assert exports.default_filename("minusma-2023", "incidents", date(2023, 7, 1), date(2023, 12, 31), at) == \
        "minusma-2023_incidents_2023-07-01_2023-12-31_20231115T103000Z.csv"
    assert exports.default_filename("minusma-2023", "status", date(2023, 8, 15), date(2023, 8, 15), at,
                                     "gpkg") == "minusma-2023_status_2023-08-15_20231115T103000Z.gpkg"
    assert exports.default_filename("m", "timeline", generated=at) == "m_timeline_20231115T103000Z.csv"


@pytest.mark.sqlite_only
def test_an_import_takes_no_backup_of_the_whole_file(db, tmp_path):
    """It is undone as one step instead (test_import_log.py)."""
    from db.store import backup

    exchange_data.write(tmp_path / "in.csv", exchange_data.rows(10))
    _, result = _import(db, tmp_path / "in.csv")
    assert result.created == 10 and backup.list_backups(db.path) == []


_TEXT = st.text(st.sampled_from(list('ab ,;|"\'=+-@\t\r\nÉé€1')), max_size=12)
_TEXT_COLUMNS = ("actors", "description", "notes", "source", "region", "site_id", "subtype", "author", "origin",
                 "external_id")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(_TEXT, min_size=len(_TEXT_COLUMNS), max_size=len(_TEXT_COLUMNS)),
       delimiter=st.sampled_from(csv_format.DELIMITERS))
def test_tricky_text_is_quoted_and_reads_back(empty, tmp_path, texts, delimiter):
    """Text with quotes, delimiters, CR/LF, apostrophes and accents in every text column: byte for byte what
    csv.writer writes (the records are built in SQL), and each cell reads back as stored once its
    neutralising apostrophe is taken off (closed vocabularies are never neutralised)."""
    stamp = "2023-08-13 10:00:00.000000"
    row = {**dict.fromkeys(csv_format.FIELDS, ""), **dict.fromkeys(vocab.CASUALTIES, 0), "id": "x",
           "occurred_on": "2023-08-13", "occurred_time": None, "lat": 16.27, "lon": -0.04, "site_id": None,
           "site_km": None, "type": "ied", "status": "reported", "external_id": None, "external_ts": None,
           "revision": 1, "created_at": stamp, "updated_at": stamp, "deleted": 0,
           **dict(zip(_TEXT_COLUMNS, texts))}
    with sqlite3.connect(empty.path) as con:
        con.execute("DELETE FROM incidents")
        con.execute(f"INSERT INTO incidents ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", tuple(row.values()))
    out = tmp_path / "out.csv"
    exports.export_incidents(empty, out, delimiter=delimiter)
    data = out.read_bytes().decode("utf-8")
    rows = list(csv.reader(io.StringIO(data, newline=""), delimiter=delimiter))
    again = tmp_path / "again.csv"
    with open(again, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    assert again.read_bytes().decode("utf-8") == data
    cells = dict(zip(rows[0], rows[1]))
    assert [cells[c] if c in csv_format.VOCABULARIES else csv_format.unneutralise(cells[c]) for c in _TEXT_COLUMNS] == texts
