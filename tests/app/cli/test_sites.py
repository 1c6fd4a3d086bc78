"""`sitmon site record|log|delete|restore`, `sitmon figures`, `sitmon status` with records and
`sitmon export site-records`: the exact command line of issue 16, exit codes, nothing written on refusal."""
import csv
import io
import json

import pytest

from app.cli import main
from db import open_database
from tests.db import snapshot
from tests.db.sites.test_site_records import file_bytes

LOG_COLUMNS = ["id", "site_id", "kind", "date", "value", "category", "source", "reliability", "note", "author",
               "origin", "recorded_at", "revision", "deleted"]


def run(capsys, db_path, *argv):
    code = main.main(["--db", str(db_path), *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "sitmon.sqlite"
    open_database(path).close()
    return path


def rows(text):
    return list(csv.reader(io.StringIO(text)))


def test_record_prints_the_id_and_log_lists_it_in_the_columns_asked_for(capsys, db_path):
    code, out, err = run(capsys, db_path, "site", "record", "Goundam", "handover", "--date", "2023-09-05",
                         "--source", "radio Goundam", "--reliability", "b2", "--note", "received by the prefect")
    assert code == 0, err
    ident = out.strip()
    assert len(ident) == 36 and out.count("\n") == 1
    code, out, _ = run(capsys, db_path, "site", "log", "--format", "csv")
    header, row = rows(out)
    assert header == LOG_COLUMNS
    assert row[:10] == [ident, "goundam", "handover", "2023-09-05", "", "", "radio Goundam", "B2",
                        "received by the prefect", row[9]]
    assert row[12:] == ["1", "false"] and row[11].endswith("Z")
    code, out, _ = run(capsys, db_path, "site", "log")
    assert code == 0 and ident[:8] in out and "goundam" in out


def test_site_is_an_id_or_a_name_accents_and_case_ignored(capsys, db_path):
    for site in ("menaka", "MÉNAKA"):
        code, _, err = run(capsys, db_path, "site", "record", site, "handover-planned", "--date", "2023-09-20")
        assert code == 0, err
    _, out, _ = run(capsys, db_path, "site", "log", "--site", "Menaka", "--format", "csv")
    assert [r[1] for r in rows(out)[1:]] == ["menaka", "menaka"]


@pytest.mark.parametrize("argv, field", [
    (["Atlantis", "handover", "--date", "2023-09-05"], "site"),
    (["goundam", "landing", "--date", "2023-09-05"], "kind"),
    (["goundam", "handover", "--date", "2099-01-01"], "date"),
    (["goundam", "handover", "--date", "2023-09-07"], "date"),  # a second handover
    (["bamako", "repatriated", "--date", "2023-09-01", "--value", "-5", "--category", "police"], "value"),
    (["bamako", "repatriated", "--date", "2023-09-01", "--value", "600", "--category", "military"], "value"),
    (["bamako", "repatriated", "--date", "2023-09-01", "--value", "6", "--category", "navy"], "category"),
    (["goundam", "closure-started", "--date", "2023-08-01", "--reliability", "Q7"], "reliability"),
])
def test_a_refused_record_is_one_line_naming_the_field_exit_1_nothing_written(capsys, db_path, argv, field):
    assert run(capsys, db_path, "site", "record", "goundam", "handover", "--date", "2023-09-05")[0] == 0
    before, raw = snapshot.tables(db_path), file_bytes(db_path)
    code, out, err = run(capsys, db_path, "site", "record", *argv)
    assert code == 1 and out == ""
    assert err.startswith(f"sitmon: {field}: ") and err.count("\n") == 1, err
    assert snapshot.tables(db_path) == before and file_bytes(db_path) == raw


def test_second_handover_message_names_the_first_record(capsys, db_path):
    _, out, _ = run(capsys, db_path, "site", "record", "goundam", "handover", "--date", "2023-09-05")
    _, _, err = run(capsys, db_path, "site", "record", "Goundam", "handover", "--date", "2023-09-06")
    assert err == f"sitmon: date: Goundam already has a handover on 5 Sep 2023 (record {out[:8]}…): edit or " \
                  "delete that record\n"


def test_a_lower_figure_is_recorded_as_a_correction(capsys, db_path):
    code, _, err = run(capsys, db_path, "site", "record", "bamako", "repatriated", "--date", "2023-09-01",
                       "--value", "600", "--category", "military")
    assert code == 1 and "--correction" in err
    code, _, err = run(capsys, db_path, "site", "record", "bamako", "repatriated", "--date", "2023-09-01",
                       "--value", "600", "--category", "military", "--correction")
    assert code == 0, err


@pytest.mark.parametrize("bad", ["2023-02-30", "5/9/2023", "yesterday"])
def test_a_malformed_date_is_exit_2(capsys, db_path, bad):
    before = snapshot.tables(db_path)
    with pytest.raises(SystemExit) as stop:
        main.main(["--db", str(db_path), "site", "record", "goundam", "handover", "--date", bad])
    assert stop.value.code == 2 and bad in capsys.readouterr().err
    assert snapshot.tables(db_path) == before


def test_delete_and_restore_by_the_start_of_an_id(capsys, db_path):
    _, out, _ = run(capsys, db_path, "site", "record", "goundam", "handover", "--date", "2023-09-05")
    ident = out.strip()
    code, out, _ = run(capsys, db_path, "site", "delete", ident[:6])
    assert code == 0 and ident in out
    _, out, _ = run(capsys, db_path, "site", "log", "--format", "csv")
    assert rows(out)[1][-1] == "true"
    assert run(capsys, db_path, "status", "--date", "2023-09-10", "--format", "csv")[1].count("closure-due") >= 2
    code, _, _ = run(capsys, db_path, "site", "restore", ident)
    assert code == 0
    _, out, _ = run(capsys, db_path, "site", "log", "--format", "csv")
    assert rows(out)[1][-1] == "false"
    code, _, err = run(capsys, db_path, "site", "delete", "ffffffff")
    assert code == 1 and "ffffffff" in err


def test_status_csv_keeps_its_six_columns_and_says_where_each_status_comes_from(capsys, db_path):
    _, ident, _ = run(capsys, db_path, "site", "record", "goundam", "handover", "--date", "2023-09-05")
    run(capsys, db_path, "site", "record", "menaka", "handover-planned", "--date", "2023-09-20")
    code, out, _ = run(capsys, db_path, "status", "--date", "2023-09-10", "--format", "csv")
    table = rows(out)
    assert table[0] == ["site_id", "site", "kind", "status", "since", "reason", "planned_handover", "confirmed_by"]
    by_id = {r[0]: r for r in table[1:]}
    assert by_id["goundam"][3:5] == ["handed-over", "2023-09-05"] and by_id["goundam"][7] == ident.strip()
    assert by_id["menaka"][3] == "closing" and by_id["menaka"][6] == "2023-09-20"
    assert by_id["ber"][7] == "scenario" and by_id["tessalit"][7] == "plan"


def test_figures_on_a_date(capsys, db_path):
    _, ident, _ = run(capsys, db_path, "site", "record", "bamako", "repatriated", "--date", "2023-09-01",
                      "--value", "30", "--category", "civilian")
    code, out, _ = run(capsys, db_path, "figures", "--date", "2023-09-10", "--format", "csv")
    table = rows(out)
    assert table[0] == ["figure", "value", "as_of", "source"]
    found = {r[0]: r[1:] for r in table[1:]}
    assert found["days_to_deadline"] == ["112", "2023-09-10", "scenario"]
    assert found["sites_handed_over"][0] == "2" and found["sites_total"][0] == "12"
    assert found["closures_overdue"][0] == "2"  # Goundam and Ménaka
    assert found["repatriated_military"] == ["695", "2023-08-14", "scenario"]
    assert found["repatriated_police"] == ["24", "2023-08-14", "scenario"]
    assert found["repatriated_civilian"] == ["30", "2023-09-01", ident.strip()]
    _, out, _ = run(capsys, db_path, "figures", "--date", "2023-08-01", "--format", "csv")
    assert {r[0]: r[1:] for r in rows(out)[1:]}["repatriated_military"] == ["", "", ""]


def test_export_site_records_has_the_incident_exports_options(capsys, db_path, tmp_path):
    run(capsys, db_path, "site", "record", "goundam", "handover", "--date", "2023-09-05", "--source", "=radio",
        "--note", "prefect")
    run(capsys, db_path, "site", "record", "menaka", "handover-planned", "--date", "2023-09-20")
    out = tmp_path / "records.csv"
    code, said, err = run(capsys, db_path, "export", "site-records", "--out", str(out), "--excel", "--hxl",
                          "--delimiter", ";", "--from", "2023-09-01", "--to", "2023-09-10")
    assert code == 0, err
    assert said == f"Wrote 1 row to {out}\n"
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert table[0] == LOG_COLUMNS + ["site", "lat", "lon"] and table[1][0] == "#meta+id"
    assert len(table) == 3 and table[2][6] == "'=radio" and table[2][-3:] == ["Goundam", "16.41453", "-3.67075"]
    hq = tmp_path / "hq.csv"
    run(capsys, db_path, "export", "site-records", "--out", str(hq), "--profile", "hq")
    header = rows(hq.read_text(encoding="utf-8"))[0]
    assert "source" not in header and "note" not in header and len(rows(hq.read_text(encoding="utf-8"))) == 3
    geo = tmp_path / "records.geojson"
    assert run(capsys, db_path, "export", "site-records", "--out", str(geo))[0] == 0
    features = json.loads(geo.read_text(encoding="utf-8"))["features"]
    assert [f["properties"]["site_id"] for f in features] == ["goundam", "menaka"]
    assert features[0]["geometry"]["coordinates"] == [-3.67075, 16.41453]
    gpkg = tmp_path / "records.gpkg"
    assert run(capsys, db_path, "export", "site-records", "--out", str(gpkg), "--profile", "hq")[0] == 0
    import geopandas as gpd

    frame = gpd.read_file(gpkg, layer="site_records")
    assert list(frame["kind"]) == ["handover", "handover-planned"] and "note" not in frame.columns
    assert oct(out.stat().st_mode & 0o777) == "0o600"


def test_package_with_disagreeing_handovers_exits_3_then_take_settles_it(capsys, tmp_path):
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    run(capsys, a, "site", "record", "goundam", "handover", "--date", "2023-09-06")
    run(capsys, b, "site", "record", "goundam", "handover", "--date", "2023-09-05")
    run(capsys, b, "site", "record", "menaka", "handover-planned", "--date", "2023-09-20")
    run(capsys, a, "site", "record", "menaka", "handover-planned", "--date", "2023-09-20")
    package = tmp_path / "a.zip"
    code, out, _ = run(capsys, a, "package", "export", "--out", str(package))
    assert code == 0 and "2 site records" in out
    code, out, err = run(capsys, b, "package", "import", str(package))
    assert code == 3
    assert "conflict: site record: goundam handover: mine 2023-09-05" in err and "theirs 2023-09-06" in err
    assert "1 recorded on both laptops merged into one" in out  # Ménaka's agreeing records
    code, out, err = run(capsys, b, "package", "import", str(package), "--take", "theirs")
    assert code == 0, err
    _, out, _ = run(capsys, b, "status", "--date", "2023-09-06", "--format", "csv")
    assert {r[0]: r[3] for r in rows(out)[1:]}["goundam"] == "handed-over"
    _, out, _ = run(capsys, b, "site", "log", "--format", "csv")
    assert sorted((r[1], r[3], r[-1]) for r in rows(out)[1:] if r[2] == "handover") == [
        ("goundam", "2023-09-05", "true"), ("goundam", "2023-09-06", "false")]  # nothing lost
