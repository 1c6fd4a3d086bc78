"""ACLED event CSV: the real monadic extract, and what other real exports contain."""
import csv
import json
from datetime import date

import pytest

from db.exchange import acled, imports
from tests.db.exchange import exchange_data
from tests.db.rows import dicts, one

REAL = "acled_mali_2017-2020_monadic.csv"
HEADER = ["event_id_cnty", "event_date", "year", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1",
          "actor2", "assoc_actor_2", "inter2", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
          "time_precision", "source", "notes", "fatalities", "timestamp"]


def _event(**kw):
    row = dict(event_id_cnty="MLI30001", event_date="2023-08-13", year="2023", event_type="Battles",
               sub_event_type="Armed clash", actor1="JNIM: Group for Support of Islam and Muslims",
               assoc_actor_1="", inter1="2", actor2="Military Forces of Mali (2021-)",
               assoc_actor_2="Wagner Group", inter2="1", admin1="Tombouctou", admin2="Tombouctou", location="Ber",
               geo_precision="1", time_precision="1", latitude="16.8349",
               longitude="-2.5319", source="Menastream", notes="Convoy attacked outside Ber.", fatalities="3",
               timestamp="1692000000")
    return row | kw


def _write(path, rows, header=HEADER):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, header, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    return path


def _rows(db, where="external_id IS NOT NULL"):
    return {r["external_id"]: r for r in dicts(db, f"SELECT * FROM incidents WHERE {where}")}


def test_real_monadic_extract_gives_one_incident_per_event(db, shared_real):
    plan = imports.check_file(db, shared_real / REAL)
    assert (plan.format, plan.problems, plan.total_rows, len(plan.rows)) == ("acled", (), 6214, 3314)
    result = imports.write_import(db, plan, "tester")
    assert result.created == 3314
    rows = _rows(db)
    assert len(rows) == 3314
    first = rows["MLI4682"]  # two rows in the file, one per side
    assert first["actors"] == "Katiba Macina; JNIM: Group for Support of Islam and Muslims; Civilians (Mali)"
    assert (first["type"], first["subtype"], first["region"]) == ("strategic-developments",
                                                                  "looting-property-destruction", "ML-5")
    assert (first["occurred_on"], first["external_ts"], first["source"]) == ("2020-12-31", 1622068036,
                                                                             "Le Pays Dogon")
    by_year = {}
    for r in rows.values():
        by_year[r["occurred_on"][:4]] = by_year.get(r["occurred_on"][:4], 0) + r["killed_other"]
    assert by_year == {"2017": 946, "2018": 1747, "2019": 1875, "2020": 2854}  # SOURCES.md
    regions = {}
    for r in rows.values():
        regions[r["region"]] = regions.get(r["region"], 0) + 1
    assert regions["ML-9"] == 194 and regions["ML-5"] == 1441 and regions["ML-BKO"] == 175
    assert all(r["site_id"] and r["site_km"] is not None for r in rows.values())
    assert exchange_data.count(db, "incident_audit", "action = 'create'") == 3314 + 1
    again = imports.write_import(db, imports.check_file(db, shared_real / REAL), "tester")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3314)


def test_dates_inter_codes_legacy_columns_and_dyadic_actors(db, tmp_path):
    header = ["data_id", "iso", "event_id_no_cnty", "iso3", *HEADER]
    rows = [_event(), _event(event_id_cnty="MLI30002", event_date="13 August 2023", inter1="Rebel group",
                             inter2="State forces", data_id="99", iso3="MLI", assoc_actor_2=""),
            _event(event_id_cnty="MLI30003", event_date="5-Sep-2023", admin1="Ménaka", latitude="15.9",
                   longitude="2.4", assoc_actor_1="Civilians (Mali); Fulani Ethnic Group (Mali)")]
    plan = imports.check_file(db, _write(tmp_path / "a.csv", rows, header))
    assert plan.problems == ()
    imports.write_import(db, plan, "tester")
    got = _rows(db)
    assert got["MLI30001"]["actors"] == ("JNIM: Group for Support of Islam and Muslims; "
                                         "Military Forces of Mali (2021-); Wagner Group")
    assert got["MLI30002"]["occurred_on"] == "2023-08-13" and got["MLI30003"]["occurred_on"] == "2023-09-05"
    assert got["MLI30003"]["region"] == "ML-9" and got["MLI30003"]["site_id"] == "menaka"
    assert got["MLI30003"]["actors"].count("; ") == 4  # five actors, the assoc list split
    assert got["MLI30001"]["id"] == acled.incident_id("MLI30001")  # the same on every laptop


def test_revised_event_updates_instead_of_duplicating(db, tmp_path):
    imports.write_import(db, imports.check_file(db, _write(tmp_path / "v1.csv", [_event()])), "tester")
    revised = _event(fatalities="5", notes="Revised: 5 killed.", timestamp="1693000000")
    result = imports.write_import(db, imports.check_file(db, _write(tmp_path / "v2.csv", [revised])), "tester")
    assert (result.created, result.updated) == (0, 1)
    row = _rows(db)["MLI30001"]
    assert (row["killed_other"], row["description"], row["revision"], row["external_ts"]) == (
        5, "Revised: 5 killed.", 2, 1693000000)
    change = json.loads(one(db, "SELECT changes FROM incident_audit WHERE action='update' AND incident_id=?",
                            (row["id"],)))
    assert change == {"killed_other": [3, 5], "description": ["Convoy attacked outside Ber.", "Revised: 5 killed."]}
    older = imports.write_import(db, imports.check_file(db, tmp_path / "v1.csv"), "tester")
    assert (older.updated, older.unchanged) == (0, 1)
    both = imports.check_file(db, _write(tmp_path / "both.csv", [_event(), revised]))
    assert len(both.rows) == 1 and both.rows[0][imports._AT["killed_other"]] == 5


def test_bad_rows_are_named(db, tmp_path):
    rows = [_event(event_id_cnty=f"MLI4{i}") for i in range(7)]
    rows[0]["event_date"] = "August 2023"
    rows[1]["latitude"] = "123"
    rows[2]["event_type"] = ""
    rows[3]["geo_precision"] = "²"  # a digit to str.isdigit, not to int()
    rows[4]["fatalities"] = "many"
    rows[5]["notes"] = "LATIN1"
    path = _write(tmp_path / "bad.csv", rows)
    path.write_bytes(path.read_bytes().replace(b"LATIN1", "Convoi à Ber".encode("latin-1")))
    plan = imports.check_file(db, path)
    assert [(p.row, p.field) for p in plan.problems] == [
        (2, "event_date"), (3, "latitude"), (4, "event_type"), (5, "geo_precision"), (6, "fatalities"),
        (7, "notes")]
    assert plan.problems[3].message() == "geo_precision: '²' is not a precision (1, 2 or 3)"
    assert len(plan.rows) == 1 and plan.refused_rows == 6


def test_missing_columns_refuse_the_file(db, tmp_path):
    plan = imports.check_file(db, _write(tmp_path / "x.csv", [_event()], ["event_id_cnty", "event_date"]))
    assert plan.rows == () and {p.field for p in plan.problems} >= {"latitude", "event_type"}


@pytest.mark.parametrize("text,day", [("2023-08-13", date(2023, 8, 13)), ("13 August 2023", date(2023, 8, 13)),
                                      ("13-Aug-2023", date(2023, 8, 13)), ("13/08/2023", date(2023, 8, 13)),
                                      ("2023-08-13T00:00:00", date(2023, 8, 13))])
def test_parse_date(text, day):
    assert acled.parse_date(text) == day


@pytest.mark.parametrize("text", ["August 2023", "2023-02-30", "soon", ""])
def test_parse_date_refuses(text):
    with pytest.raises(ValueError):
        acled.parse_date(text)
