"""The column-wise check (csv_columns) gives what the row reader gives: the same rows, value and type, and the
same problems, or leaves the file to the row reader."""
import csv
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.exchange import csv_columns, csv_format, exports, imports
from tests.db.exchange import exchange_data

# cells in sitmon's form and not, valid and not, for every kind of column
ODD = ["", " ", "0", "-0", "+7", "007", "1_000", "1e3", "7.0", "nan", "inf", "-1", "100001", "2147483648",
       "2023-02-30", "2024-02-29", "2023-8-13", "2023-08-13T00:00:00", "13/08/2023", "12:30", "12:30:15", "24:00",
       "12:30Z", "2023-08-13T10:00:00Z", "2023-08-13T10:00:00+02:00", "2023-08-13 10:00:00", "90", "90.5",
       "-180.00000", "16.27000", " 16.2", "battles", "ied", "Battles", "armed-clash", "abduction", "B2", "b2",
       "verified", "'=1+1", "'already quoted'", "=cmd", "a\x00b", "x\x1by", "Ségou", "a,b", 'say "hi"',
       "two\nlines", "\ufeffbom", "é" * 40, "X1", "x" * 37, "12.40", "3"]


def _both(db, path, monkeypatch):
    monkeypatch.setattr(imports, "utcnow", lambda: datetime(2023, 9, 1, 12, 0))  # the default created_at
    fast = imports.check_file(db, path)
    with monkeypatch.context() as m:
        m.setattr(csv_columns, "read", lambda *a, **k: None)
        slow = imports.check_file(db, path)
    return fast, slow


def _same(fast, slow):
    assert [tuple(map(type, r)) for r in fast.rows] == [tuple(map(type, r)) for r in slow.rows]
    assert (fast.rows, fast.problems, fast.total_rows, fast.refused_rows) == \
        (slow.rows, slow.problems, slow.total_rows, slow.refused_rows)


def test_what_sitmon_wrote_takes_the_fast_path(db, tmp_path, monkeypatch):
    exchange_data.write(tmp_path / "in.csv", exchange_data.rows(500))
    imports.write_import(db, imports.check_file(db, tmp_path / "in.csv"))
    for options in ({}, {"hxl": True, "excel": True, "delimiter": ";"}):
        out = tmp_path / "out.csv"
        exports.export_incidents(db, out, **options)
        with csv_format.Table(out) as t:
            checked = csv_columns.read(out, t.header, t.next_row, t.delimiter, {})
        assert checked is not None and checked.total == 501
        _same(*_both(db, out, monkeypatch))


def test_sub_types_and_duplicates_are_named_as_the_row_reader_names_them(db, tmp_path, monkeypatch):
    records = exchange_data.rows(30)
    records[4]["subtype"] = "abduction" if records[4]["type"] != "violence-against-civilians" else "armed-clash"
    records[9]["id"] = records[2]["id"]
    records[12]["external_id"] = records[0]["external_id"] = "X0"
    records[13]["id"] = records[4]["id"]  # the first one refused for its sub-type still holds its id
    exchange_data.write(tmp_path / "in.csv", records)
    fast, slow = _both(db, tmp_path / "in.csv", monkeypatch)
    _same(fast, slow)
    assert [(p.row, p.field) for p in fast.problems] == [(6, "subtype"), (11, "id"), (14, "external_id"), (15, "id")]


def test_the_seven_bad_rows_of_ten_thousand(db, tmp_path, monkeypatch):
    expected = exchange_data.bad_file(tmp_path / "bad.csv")
    fast, slow = _both(db, tmp_path / "bad.csv", monkeypatch)
    _same(fast, slow)
    assert {(p.row, p.field) for p in fast.problems} == expected


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_file_gets_the_row_readers_answer(db, tmp_path, monkeypatch, data):
    columns = list(csv_format.INCIDENT_COLUMNS[data.draw(st.sampled_from([1, 2]))])
    if data.draw(st.booleans()):
        columns.remove(data.draw(st.sampled_from(["notes", "created_at", "revision", "external_id", "status"])))
    records = exchange_data.rows(data.draw(st.integers(1, 8)), seed=data.draw(st.integers(0, 10**6)))
    lines = []
    for r in records:
        cells = [csv_format.neutralise(r[c]) if c in csv_format.TEXT else r[c] for c in columns]
        for _ in range(data.draw(st.integers(0, 2))):
            cells[data.draw(st.integers(0, len(cells) - 1))] = data.draw(st.sampled_from(ODD))
        lines.append(cells)
    if len(lines) > 1 and data.draw(st.booleans()):
        lines[-1][0] = lines[0][0]
    path = tmp_path / "any.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=data.draw(st.sampled_from([",", ";"]))).writerows([columns, *lines])
    _same(*_both(db, path, monkeypatch))


@pytest.mark.parametrize("text", ['"ab"c,', 'a"b', '"a""b"', '"x\r\ny"', "\r\n", "a\rb"])
def test_odd_quoting_and_line_ends(db, tmp_path, monkeypatch, text):
    records = exchange_data.rows(3)
    exchange_data.write(tmp_path / "q.csv", records)
    data = (tmp_path / "q.csv").read_bytes().replace(b"S/2023/611", text.encode(), 1)
    (tmp_path / "q.csv").write_bytes(data)
    _same(*_both(db, tmp_path / "q.csv", monkeypatch))
