"""`sitmon import|export|package`: exit codes, bad rows on stderr, and nothing written on refusal."""
import argparse
import csv
import re
import sqlite3

import pytest

from app.cli import exchange, main
from db import open_database
from db.exchange import packages
from db.incidents import draft, queries, writes
from db.scenario.stored import read_scenario
from tests.db.exchange import exchange_data


def run(capsys, db_path, *argv):
    code = main.main(["--db", str(db_path), *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "sitmon.sqlite"
    open_database(path).close()
    return path


def test_register_builds_the_commands():
    """The lead's parser calls register(subparsers); any argparse tree with --db works."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--db")
    exchange.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["--db", "x", "import", "incidents", "f.csv", "--on-error", "skip", "--dry-run"])
    assert (args.func, args.format, args.on_error, args.dry_run) == (exchange.cmd_import_incidents, "auto",
                                                                     "skip", True)
    args = parser.parse_args(["export", "incidents", "--out", "x.csv", "--delimiter", ";", "--profile", "hq"])
    assert (args.func, args.delimiter, args.profile) == (exchange.cmd_export_incidents, ";", "hq")


def test_import_good_file_then_again(capsys, tmp_path, db_path):
    exchange_data.write(tmp_path / "in.csv", exchange_data.rows(30))
    code, out, err = run(capsys, db_path, "import", "incidents", str(tmp_path / "in.csv"))
    assert (code, err) == (0, "") and "30 created, 0 updated, 0 unchanged, 0 rows refused" in out
    code, out, _ = run(capsys, db_path, "import", "incidents", str(tmp_path / "in.csv"))
    assert code == 0 and "0 created, 0 updated, 30 unchanged" in out


def test_on_error_none_changes_nothing_and_lists_each_bad_row(capsys, tmp_path, db_path):
    expected = exchange_data.bad_file(tmp_path / "bad.csv", 2_000)
    database = open_database(db_path)
    before = exchange_data.checksum(database)
    code, out, err = run(capsys, db_path, "import", "incidents", str(tmp_path / "bad.csv"), "--on-error", "none")
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert {(int(m[1]), m[2]) for m in (re.match(r"row (\d+): ([a-z_]+): ", x) for x in lines[:-1])} == expected
    assert "nothing imported" in lines[-1]
    assert exchange_data.checksum(database) == before
    code, out, err = run(capsys, db_path, "import", "incidents", str(tmp_path / "bad.csv"), "--on-error", "skip")
    assert code == 1 and "1993 created" in out and "7 rows refused" in out
    assert exchange_data.count(database) == 1 + 1993
    database.close()


def test_dry_run_and_usage_errors(capsys, tmp_path, db_path):
    exchange_data.write(tmp_path / "in.csv", exchange_data.rows(3))
    code, out, _ = run(capsys, db_path, "import", "incidents", str(tmp_path / "in.csv"), "--dry-run")
    assert code == 0 and "3 created" in out and "dry run" in out
    assert sqlite3.connect(db_path).execute("SELECT count(*) FROM incidents").fetchone()[0] == 1
    code, _, err = run(capsys, db_path, "import", "incidents", str(tmp_path / "missing.csv"))
    assert code == 2 and "no such file" in err
    (tmp_path / "other.csv").write_text("name,value\nx,1\n", encoding="utf-8")
    code, out, err = run(capsys, db_path, "import", "incidents", str(tmp_path / "other.csv"))
    assert code == 1 and out == "" and err.splitlines() == [
        "row 1: header: neither a sitmon nor an ACLED CSV file (the header starts 'name,value')",
        f"sitmon: {tmp_path / 'other.csv'}: nothing imported"]
    code, _, err = run(capsys, db_path, "export", "incidents", "--out", str(tmp_path / "x.xlsx"))
    assert code == 2 and ".gpkg" in err
    with pytest.raises(SystemExit) as stop:
        main.main(["--db", str(db_path), "export", "incidents", "--out", "x.csv", "--delimiter", "|"])
    assert stop.value.code == 2


def test_exports(capsys, tmp_path, db_path, translations):
    code, out, _ = run(capsys, db_path, "export", "incidents", "--out", str(tmp_path / "i.csv"), "--from",
                       "2023-08-01", "--to", "2023-08-31", "--excel", "--hxl", "--profile", "hq", "--delimiter", ";")
    assert code == 0 and f"Wrote 1 row to {tmp_path / 'i.csv'}" in out
    head = (tmp_path / "i.csv").read_bytes().split(b"\r\n")
    assert head[0].startswith(b"\xef\xbb\xbfid;occurred_on;") and head[1].startswith(b"#event+id;#date+occurred")
    code, _, _ = run(capsys, db_path, "export", "status", "--date", "2023-08-15", "--out", str(tmp_path / "s.geojson"))
    assert code == 0 and (tmp_path / "s.geojson").exists()
    code, _, _ = run(capsys, db_path, "export", "timeline", "--out", str(tmp_path / "t.csv"))
    with open(tmp_path / "t.csv", encoding="utf-8", newline="") as f:
        assert code == 0 and next(csv.reader(f))[0] == "kind"


def test_package_conflict_exit_3_then_take(capsys, tmp_path, translations):
    a_path, b_path = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    a, b = open_database(a_path), open_database(b_path)
    shared = writes.create(a, draft.IncidentDraft(occurred_on="2023-08-20", location="16.8 -2.6",
                                                         type="ied", description="x", confirmed=True), "t",
                           draft.context(read_scenario(a).sites))
    packages.import_package(b, packages.export_package(a, tmp_path / "a0.zip") and tmp_path / "a0.zip")
    writes.update(a, shared, {"description": "from a"}, "a")
    writes.update(b, shared, {"description": "from b"}, "b")
    code, out, _ = run(capsys, a_path, "package", "export", "--out", str(tmp_path / "a1.zip"))
    assert code == 0 and "Wrote 2 incidents and " in out
    before = exchange_data.checksum(b)
    code, out, err = run(capsys, b_path, "package", "import", str(tmp_path / "a1.zip"))
    assert code == 3 and f"conflict: incident {shared}" in err and "'from b'" in err and "'from a'" in err
    assert exchange_data.checksum(b) == before
    code, out, err = run(capsys, b_path, "package", "import", str(tmp_path / "a1.zip"), "--take", "theirs")
    assert code == 0 and queries.get(b, shared).description == "from a"
    (tmp_path / "junk.zip").write_bytes(b"junk")
    code, _, err = run(capsys, b_path, "package", "import", str(tmp_path / "junk.zip"))
    assert code == 1 and "not a sitmon data package" in err
    a.close()
    b.close()


@pytest.mark.parametrize("argv", [
    ("export", "incidents", "--out"), ("export", "status", "--date", "2023-08-15", "--out"),
    ("export", "timeline", "--out"), ("package", "export", "--out"), ("snapshot", "--date", "2023-08-15", "--out"),
    ("briefing", "--date", "2023-08-15", "--out"), ("backup", "--out")])
def test_an_output_folder_that_does_not_exist_is_one_line_naming_it(capsys, tmp_path, db_path, argv):
    folder = tmp_path / "no such folder"
    before = sorted(tmp_path.rglob("*"))
    code, out, err = run(capsys, db_path, *argv, str(folder / "out.file"))
    assert (code, out) == (1, "")
    assert err == f"sitmon: the folder {folder} does not exist: nothing was written\n"
    assert sorted(tmp_path.rglob("*")) == before  # no folder made, nothing written


def test_from_later_than_to_is_a_usage_error(capsys, tmp_path, db_path):
    code, out, err = run(capsys, db_path, "export", "incidents", "--from", "2023-09-01", "--to", "2023-08-01",
                         "--out", str(tmp_path / "i.csv"))
    assert (code, out) == (2, "") and err.count("\n") == 1 and "--from 2023-09-01 is later than --to 2023-08-01" in err
    assert not (tmp_path / "i.csv").exists()


def test_counts_are_written_in_the_singular_and_the_plural(capsys, tmp_path, db_path, translations):
    code, out, _ = run(capsys, db_path, "export", "timeline", "--out", str(tmp_path / "t.csv"))
    assert code == 0 and re.fullmatch(r"Wrote \d+ rows to .*\n", out)
    code, out, _ = run(capsys, db_path, "package", "export", "--out", str(tmp_path / "p.zip"))
    assert code == 0 and out.startswith("Wrote 1 incident and 1 audit row to ")


def test_hq_export_speaks_the_language_of_lang_and_old_acled_types_are_counted(capsys, db_path, tmp_path):
    from tests.db.exchange.test_incident_place import OLD_ROWS, _old_file

    out = tmp_path / "hq.csv"
    code, _, _ = run(capsys, db_path, "--lang", "fr", "export", "incidents", "--out", str(out), "--profile", "hq")
    assert code == 0
    row = next(csv.DictReader(open(out, encoding="utf-8", newline="")))
    assert (row["type"], row["region"], row["status"], row["location"]) == ("Attaque de convoi", "Tombouctou",
                                                                           "Vérifié", "Ber")
    code, out_text, err = run(capsys, db_path, "import", "incidents", str(_old_file(tmp_path / "old.csv")))
    assert code == 0 and f"{len(OLD_ROWS)} created" in out_text
    assert "1 events of ACLED type Non-violent activity by a conflict actor imported as 'other'" in err


def test_an_import_is_listed_undone_and_redone_from_the_command_line(capsys, tmp_path, db_path):
    exchange_data.write(tmp_path / "in.csv", exchange_data.rows(30))
    database = open_database(db_path)
    before = queries.count(database, queries.IncidentFilter())
    assert run(capsys, db_path, "import", "list")[:2] == (0, "No file has been imported into this database.\n")
    assert run(capsys, db_path, "import", "incidents", str(tmp_path / "in.csv"))[0] == 0
    code, out, _ = run(capsys, db_path, "import", "list")
    assert code == 0 and re.fullmatch(r"1\. \S+ \S+ UTC in\.csv \(sitmon, by \S+\): 30 created, 0 updated, "
                                      r"0 unchanged, 0 rows refused\n", out), out
    code, out, err = run(capsys, db_path, "import", "undo")  # the newest not undone
    assert (code, err) == (0, "") and out == "Undid import 1 of in.csv: 30 incidents removed, 0 with their values " \
                                             "from before it\n"
    assert queries.count(database, queries.IncidentFilter()) == before
    assert " - undone " in run(capsys, db_path, "import", "list")[1]
    code, out, err = run(capsys, db_path, "import", "undo")
    assert (code, out, err) == (1, "", "sitmon: No import is left to undo.\n")
    code, out, err = run(capsys, db_path, "import", "undo", "1")
    assert code == 1 and "was undone already" in err
    assert run(capsys, db_path, "import", "undo", "7")[2] == "sitmon: There is no import number 7.\n"
    code, out, _ = run(capsys, db_path, "import", "redo", "1")
    assert code == 0 and out.startswith("Redid import 1 of in.csv: 30 incidents back")
    assert queries.count(database, queries.IncidentFilter()) == before + 30
    database.close()
