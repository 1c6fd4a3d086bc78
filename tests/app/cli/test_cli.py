"""The sitmon command: status, scenario check/load, usage errors."""
import csv
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from db.scenario.files import DEFAULT_SCENARIO, scenario_file


def run(capsys, *argv):
    code = main.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_status_csv_on_15_august(tmp_path, capsys):
    code, out, err = run(capsys, "--db", str(tmp_path / "x.sqlite"), "status", "--date", "2023-08-15",
                         "--format", "csv")
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["site_id", "site", "kind", "status", "since", "reason", "planned_handover", "confirmed_by"]
    assert len(rows) == 1 + 13
    by_id = {r[0]: r for r in rows[1:]}
    assert by_id["ber"][3:5] == ["handed-over", "2023-08-12"]
    assert by_id["ber"][6:] == ["2023-08-14", "scenario"] and by_id["goundam"][6:] == ["2023-08-31", "plan"]
    assert by_id["goundam"][3] == "closing" and "Phase 1" in by_id["goundam"][5]
    assert by_id["ogossagou"][2] == "tob"


def test_status_table_is_the_default(tmp_path, capsys):
    code, out, _ = run(capsys, "--db", str(tmp_path / "x.sqlite"), "status", "--date", "2024-01-05")
    assert code == 0
    assert "liquidation-hub" in out and out.splitlines()[0].startswith("site_id")


@pytest.mark.parametrize("bad", ["2023-02-30", "15/08/2023", "tomorrow"])
def test_bad_date_is_one_line_and_exit_2(tmp_path, capsys, bad):
    with pytest.raises(SystemExit) as stop:
        main.main(["--db", str(tmp_path / "x.sqlite"), "status", "--date", bad])
    err = capsys.readouterr().err
    assert stop.value.code == 2
    assert err.count("\n") == 1 and bad in err
    assert not (tmp_path / "x.sqlite").exists()  # usage errors touch nothing


def test_scenario_check_and_load(tmp_path, capsys):
    code, out, _ = run(capsys, "scenario", "check", str(DEFAULT_SCENARIO))
    assert code == 0 and "13 sites" in out
    bad = tmp_path / "bad.toml"
    bad.write_text(scenario_file(DEFAULT_SCENARIO).read_text(encoding="utf-8").replace(
        "lat = 16.83493", "lat = 95"), encoding="utf-8")
    code, _, err = run(capsys, "scenario", "check", str(bad))
    assert code == 1 and "sites[0].lat" in err and str(bad) in err
    code, out, _ = run(capsys, "--db", str(tmp_path / "y.sqlite"), "scenario", "load", str(DEFAULT_SCENARIO))
    assert code == 0 and "minusma-2023" in out


def test_refused_database_is_a_clear_error(tmp_path, capsys):
    path = tmp_path / "notes.sqlite"
    path.write_text("not a database")
    code, _, err = run(capsys, "--db", str(path), "status", "--date", "2023-08-15")
    assert code == 1 and "not a sitmon database" in err


def test_installed_sitmon_command(tmp_path):
    exe = shutil.which("sitmon", path=str(Path(sys.executable).parent))
    assert exe, "the sitmon console script is installed with the package"
    proc = subprocess.run([exe, "--db", str(tmp_path / "z.sqlite"), "status", "--date", "2023-08-15",
                           "--format", "csv"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("site_id,site,kind,status,since,reason,planned_handover,confirmed_by\n")


def test_a_reader_that_goes_away_is_no_error(tmp_path):
    """`sitmon status ... | head -1`: the pipe closes before sitmon has written; it says nothing and exits 1."""
    exe = shutil.which("sitmon", path=str(Path(sys.executable).parent))
    proc = subprocess.Popen([exe, "--db", str(tmp_path / "z.sqlite"), "status", "--date", "2023-08-15"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    proc.stdout.close()  # before the first line: every write meets a closed pipe
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 1
    assert err == f"sitmon: created a new database at {tmp_path / 'z.sqlite'}\n"


def test_window_without_a_display_is_a_clear_error(tmp_path, capsys, monkeypatch):
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    code, _, err = run(capsys, "--db", str(tmp_path / "x.sqlite"))
    assert code == 1 and "no display" in err and err.count("\n") == 1


def test_help_needs_no_display(tmp_path):
    exe = shutil.which("sitmon", path=str(Path(sys.executable).parent))
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    proc = subprocess.run([exe, "--help"], capture_output=True, text=True, timeout=60, env=env)
    assert proc.returncode == 0 and "usage: sitmon" in proc.stdout


def test_a_new_database_is_said_on_stderr_with_its_path(tmp_path, capsys):
    typo = tmp_path / "fieldd" / "sitmon.sqlite"
    code, _, err = run(capsys, "--db", str(typo), "status", "--date", "2023-08-15")
    assert code == 0 and err == f"sitmon: created a new database at {typo}\n"
    code, _, err = run(capsys, "--db", str(typo), "status", "--date", "2023-08-15")
    assert code == 0 and err == ""  # the second time it exists: nothing to say


def test_help_in_french_has_french_headings(tmp_path, translations):
    exe = shutil.which("sitmon", path=str(Path(sys.executable).parent))
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    for argv in (["--lang", "fr", "--help"], ["--lang", "fr", "export", "incidents", "--help"]):
        proc = subprocess.run([exe, *argv], capture_output=True, text=True, timeout=60, env=env)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.startswith("utilisation : sitmon")
        assert "\noptions :\n" in proc.stdout and "\noptions:" not in proc.stdout and "usage:" not in proc.stdout
    proc = subprocess.run([exe, "--lang", "fr", "--help"], capture_output=True, text=True, timeout=60, env=env)
    assert "\narguments positionnels :\n" in proc.stdout
