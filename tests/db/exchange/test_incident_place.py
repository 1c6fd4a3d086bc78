"""Issue 18: the incident's place and precisions, through ACLED of every period, exports headquarters can
read, the same seeded rows on every laptop, and old databases upgraded."""
import csv
from collections import Counter
from datetime import date

import pytest

from db import open_database
from db.exchange import acled, csv_format, exports, imports
from db.incidents import queries, writes
from db.incidents.draft import IncidentDraft, context
from db.scenario.stored import read_scenario
from db.store.migrations import HEAD
from tests.db.exchange.test_csv_format import _soffice_sheet
from tests.db.store import old_database
from tests.db.rows import dicts

REAL = "acled_mali_2017-2020_monadic.csv"
SEED = "c90d210a-97fc-5eb3-be70-fa237688882c"  # the scenario's convoy attack near Ber

# ACLED's files before its 2019 revision: upper-case header, GWNO, ALLY_ACTOR_*, no SUB_EVENT_TYPE or
# TIMESTAMP, dates day/month/year (the layout of the files ACLED published then; made up events).
OLD_HEADER = ["GWNO", "EVENT_ID_CNTY", "EVENT_ID_NO_CNTY", "EVENT_DATE", "YEAR", "TIME_PRECISION", "EVENT_TYPE",
              "ACTOR1", "ALLY_ACTOR_1", "INTER1", "ACTOR2", "ALLY_ACTOR_2", "INTER2", "INTERACTION", "COUNTRY",
              "ADMIN1", "ADMIN2", "ADMIN3", "LOCATION", "LATITUDE", "LONGITUDE", "GEO_PRECISION", "SOURCE", "NOTES",
              "FATALITIES"]
OLD_ROWS = [  # event type, inter1, date, location, admin1, admin2, geo precision, time precision
    ("Battle-No change of territory", "2", "18/04/2016", "Anefis", "Kidal", "Tessalit", "2", "1"),
    ("Battle-Government regains territory", "1", "03/02/2013", "Gao", "Gao", "Gao", "1", "1"),
    ("Battle-Non-state actor overtakes territory", "2", "01/04/2012", "Timbuktu", "Timbuktu", "Timbuktu", "1", "2"),
    ("Remote violence", "2", "13/08/2016", "Menaka", "Gao", "Menaka", "1", "1"),
    ("Riots/Protests", "6", "5/12/2017", "Bamako", "Bamako", "Bamako", "1", "1"),
    ("Riots/Protests", "5", "06/12/2017", "Segou", "Segou", "Segou", "1", "3"),
    ("Violence against civilians", "2", "21/06/2018", "Koumaga", "Mopti", "Djenne", "2", "1"),
    ("Strategic development", "2", "30/11/2018", "Kidal", "Kidal", "Kidal", "3", "2"),
    ("Headquarters or base established", "2", "02/01/2015", "Aguelhok", "Kidal", "Tessalit", "1", "1"),
    ("Non-violent transfer of territory", "2", "09/09/2013", "Ber", "Timbuktu", "Timbuktu", "2", "1"),
    ("Non-violent activity by a conflict actor", "3", "15/03/2014", "Kidal", "Kidal", "Kidal", "1", "1"),
]


def _old_file(path, rows=OLD_ROWS):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(OLD_HEADER)
        for i, (kind, inter, day, place, admin1, admin2, geo, time) in enumerate(rows):
            w.writerow(["432", f"{1000 + i}MLI", "", day, day[-4:], time, kind, "Actor A", "", inter, "Actor B",
                        "", "1", "12", "Mali", admin1, admin2, "", place, "16.0", "-0.5", geo, "Source", "Notes",
                        "0"])
    return path


def _rows(db, where="1 = 1"):
    return {r["external_id"] or r["id"]: r for r in dicts(db, f"SELECT * FROM incidents WHERE {where}")}


def _csv(path):
    return list(csv.DictReader(open(path, encoding="utf-8-sig", newline="")))


def test_real_extract_keeps_places_and_precisions_into_the_export(db, shared_real, tmp_path):
    plan = imports.check_file(db, shared_real / REAL)
    assert (plan.problems, plan.refused_rows, len(plan.rows), plan.unmapped) == ((), 0, 3314, ())
    imports.write_import(db, plan, "tester")
    rows = _rows(db, "external_id IS NOT NULL")
    first = rows["MLI4682"]
    assert (first["location"], first["admin1"], first["admin2"], first["geo_precision"],
            first["time_precision"]) == ("Bandiagara", "Mopti", "Bandiagara", 2, 1)
    # SOURCES.md: per event, geo_precision 1901 / 1367 / 46, time_precision 3144 / 162 / 8; Menaka 84 events
    assert Counter(r["geo_precision"] for r in rows.values()) == {1: 1901, 2: 1367, 3: 46}
    assert Counter(r["time_precision"] for r in rows.values()) == {1: 3144, 2: 162, 3: 8}
    assert sum(r["location"] == "Menaka" for r in rows.values()) == 84
    assert sum(r["admin1"] == "Menaka" for r in rows.values()) == 194
    out = tmp_path / "out.csv"
    exports.export_incidents(db, out, hxl=True)
    header, tags, *body = csv.reader(open(out, encoding="utf-8", newline=""))
    hxl = dict(zip(header, tags))
    assert {hxl[c] for c in ("location", "admin1", "admin2", "geo_precision", "time_precision")} == {
        "#loc+name", "#adm1+name", "#adm2+name", "#geo+precision", "#date+precision"}
    exported = {r["external_id"]: r for r in (dict(zip(header, cells)) for cells in body)}
    assert (exported["MLI4682"]["location"], exported["MLI4682"]["admin2"], exported["MLI4682"]["geo_precision"]) \
        == ("Bandiagara", "Bandiagara", "2")


def test_pre_2019_file_imports_every_row_with_its_history_mapped(db, tmp_path):
    plan = imports.check_file(db, _old_file(tmp_path / "old.csv"))
    assert (plan.format, plan.problems, len(plan.rows)) == ("acled", (), len(OLD_ROWS))
    assert plan.unmapped == (("Non-violent activity by a conflict actor", 1),)
    imports.write_import(db, plan, "tester")
    got = _rows(db, "external_id IS NOT NULL")
    kinds = [(got[f"{1000 + i}MLI"]["type"], got[f"{1000 + i}MLI"]["subtype"]) for i in range(len(OLD_ROWS))]
    assert kinds == [("battles", "armed-clash"), ("battles", "government-regains-territory"),
                     ("battles", "non-state-actor-overtakes-territory"), ("explosions-remote-violence", ""),
                     ("protests", ""), ("riots", ""), ("violence-against-civilians", ""),
                     ("strategic-developments", ""), ("strategic-developments", "headquarters-or-base-established"),
                     ("strategic-developments", "non-violent-transfer-of-territory"), ("other", "")]
    other = got["1010MLI"]
    assert other["notes"] == "ACLED event type: Non-violent activity by a conflict actor"
    anefis = got["1000MLI"]
    assert (anefis["occurred_on"], anefis["location"], anefis["admin1"], anefis["admin2"], anefis["geo_precision"],
            anefis["actors"]) == ("2016-04-18", "Anefis", "Kidal", "Tessalit", 2, "Actor A; Actor B")
    assert got["1004MLI"]["occurred_on"] == "2017-12-05"
    assert (got["1007MLI"]["geo_precision"], got["1007MLI"]["time_precision"]) == (3, 2)


def test_every_history_entry_names_a_type_and_sub_type_of_the_taxonomy():
    assert len(acled.history()) == 10  # acled_history.toml: checked against incident_types.toml as it loads


@pytest.mark.parametrize("text,day", [("2023-08-01 00:00:00", date(2023, 8, 1)),
                                      ("2023-12-05T00:00:00", date(2023, 12, 5)),
                                      ("2023-12-05", date(2023, 12, 5)), ("5 December 2023", date(2023, 12, 5)),
                                      ("2023-12-05T00:00:00.000Z", date(2023, 12, 5)),
                                      ("05-Dec-2023", date(2023, 12, 5)), ("05/12/2023", date(2023, 12, 5))])
def test_acled_and_spreadsheet_dates_read_year_month_day(text, day):
    assert acled.parse_date(text) == day


@pytest.mark.parametrize("text", ["12/05/23", "2023/12/05", "12.05.2023", "Dec 5 2023", "05/12/2023 10:00"])
def test_other_date_forms_are_refused(text):
    with pytest.raises(ValueError):
        acled.parse_date(text)


def test_a_month_first_date_is_refused_naming_the_row(db, tmp_path):
    rows = list(OLD_ROWS)
    rows[2] = (*rows[2][:2], "04/18/2016", *rows[2][3:])
    plan = imports.check_file(db, _old_file(tmp_path / "us.csv", rows))
    assert [(p.row, p.field) for p in plan.problems] == [(4, "event_date")]
    assert "'04/18/2016' has the month first" in plan.problems[0].message()


def _incident(db, place, lat, lon, sites=None, **kw):
    draft = IncidentDraft(occurred_on="2023-08-20", location=f"{lat} {lon}", type="ied", place=place, **kw)
    return writes.create(db, draft, "tester", context(read_scenario(db).sites if sites is None else sites))


def test_hq_profile_writes_labels_in_the_export_language(db, tmp_path):
    for lang, expected in (("fr", ("Attaque de convoi", "Tombouctou", "Vérifié", "Ber")),
                           ("en", ("Attack on convoy", "Tombouctou", "Verified", "Ber"))):
        out = tmp_path / f"hq-{lang}.csv"
        exports.export_incidents(db, out, profile="hq", lang=lang)
        seed = next(r for r in _csv(out) if r["id"] == SEED)
        assert (seed["type"], seed["region"], seed["status"], seed["location"]) == expected
        assert "notes" not in seed and "source" not in seed
    _incident(db, "Ménaka", 15.918, 2.402)
    out = tmp_path / "hq.geojson"
    exports.export_incidents(db, out, profile="hq", lang="fr")
    import geopandas as gpd

    assert set(gpd.read_file(out)["type"]) == {"Attaque de convoi", "EEI (engin explosif improvisé)"}
    full = tmp_path / "full.csv"
    exports.export_incidents(db, full)
    assert next(r for r in _csv(full) if r["id"] == SEED)["type"] == "attack-on-convoy"  # full keeps codes


def test_seeded_apart_two_laptops_export_the_same_bytes(tmp_path):
    first, second = open_database(tmp_path / "a.sqlite"), open_database(tmp_path / "b.sqlite")
    assert first.laptop_id != second.laptop_id
    outs = []
    for i, database in enumerate((first, second)):
        out = tmp_path / f"{i}.csv"
        exports.export_incidents(database, out, hxl=True)
        outs.append(out.read_bytes())
        seed = _rows(database)[SEED]
        assert (seed["origin"], seed["author"], seed["created_at"], seed["location"], seed["geo_precision"]) == (
            "scenario", "scenario", "2023-08-13 00:00:00.000000", "Ber", 2)
        database.close()
    assert outs[0] == outs[1]


def test_round_trip_into_a_new_database_is_byte_identical(db, tmp_path, shared_real):
    imports.write_import(db, imports.check_file(db, shared_real / REAL), "tester")
    _incident(db, "Anéfis", 18.05, 0.43, geo_precision="3", time_precision="2")
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    exports.export_incidents(db, first)
    new = open_database(tmp_path / "new.sqlite")  # seeded too: its seed is the same row
    plan = imports.check_file(new, first)
    result = imports.write_import(new, plan, "tester")
    assert (plan.problems, result.created, result.unchanged) == ((), 3315, 1)
    exports.export_incidents(new, second)
    new.close()
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.usefixtures("soffice")  # skips where LibreOffice is absent, fails under CI=true
def test_libreoffice_reads_the_place_names_exactly(db, tmp_path):
    _incident(db, "Ménaka", 15.918, 2.402)
    _incident(db, "Ségou", 13.431, -6.215)
    out = tmp_path / "hq.csv"
    exports.export_incidents(db, out, excel=True, profile="hq", lang="fr")
    rows = _soffice_sheet(out, tmp_path, bom=True)
    assert {r["location"] for r in rows} >= {("s", "Ménaka", False), ("s", "Ségou", False)}


def test_a_0004_database_upgrades_keeping_every_incident(tmp_path):
    path = tmp_path / "old.sqlite"
    values = ", ".join(
        f"('old-{i}', '2023-08-1{i}', 16.27, -0.04, 'ML-7', 'ied', '', '', 'Pont détruit {i}', '', '', '', "
        f"'reported', '', 'laptop', 1, '2023-08-13 10:00:00.000000', '2023-08-13 10:00:00.000000', 0, 0, 0, 0, 0,"
        f" 0, 0)" for i in range(5))
    old_database.at_revision(
        path, "0004",
        "INSERT INTO incidents (id, occurred_on, lat, lon, region, type, subtype, actors, description, notes, "
        "source, reliability, status, author, origin, revision, created_at, updated_at, deleted, "
        "killed_peacekeepers, killed_civilians, killed_other, injured_peacekeepers, injured_civilians, "
        f"injured_other) VALUES {values}")
    upgraded = open_database(path, seed=False)
    rows = _rows(upgraded)
    assert sorted(rows) == [f"old-{i}" for i in range(5)]
    assert {(r["location"], r["admin1"], r["admin2"], r["geo_precision"], r["time_precision"], r["description"][:4])
            for r in rows.values()} == {("", "", "", 1, 1, "Pont")}
    assert queries.count(upgraded, queries.IncidentFilter(text="pont detruit")) == 5  # the index made again
    _incident(upgraded, "Anéfis", 18.05, 0.43, sites=())
    assert queries.count(upgraded, queries.IncidentFilter(text="anefis")) == 1  # place names are searched
    with upgraded.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == HEAD
    upgraded.close()
    assert list((tmp_path / "backups").glob(f"old-*-before-migration-0004-to-{HEAD}.sqlite"))


def test_version_1_files_still_import_with_default_place_and_precision(db, tmp_path):
    from tests.db.exchange import exchange_data

    path = tmp_path / "v1.csv"
    exchange_data.write(path, exchange_data.rows(3), csv_format.INCIDENT_COLUMNS[1])
    plan = imports.check_file(db, path)
    assert plan.problems == ()
    at = imports._AT
    assert {(r[at["location"]], r[at["geo_precision"]], r[at["time_precision"]]) for r in plan.rows} == {("", 1, 1)}


def test_the_map_points_say_which_positions_are_only_the_region(db):
    from db.incidents.points import incident_points

    ident = _incident(db, "Kidal", 18.44, 1.41, geo_precision="3")
    points = incident_points(db)
    assert points.region_only.tolist() == [i == ident for i in points.ids]


def test_a_precision_edit_is_in_the_audit_trail_under_its_name(db):
    from app.controllers.incidents import field_labels
    from db.incidents import audit

    ident = _incident(db, "Kidal", 18.44, 1.41)
    assert writes.update(db, ident, {"geo_precision": 3, "location": "Kidal region"}, "tester")
    last = audit.trail(db, ident)[-1]
    assert set(last.changes) == {("geo_precision", 1, 3), ("location", "Kidal", "Kidal region")}
    assert (field_labels()["geo_precision"], field_labels()["location"]) == ("Place precision", "Place")
