"""`sitmon route risk|incidents` and `sitmon movement add|list|update|delete|restore`: exact options and columns,
one-line refusals, and the database as the commands leave it."""
import csv
import io
import json

import pytest
from pypdf import PdfReader

from app.cli import main
from db import open_database
from db.movements import audit, queries

BER_ATTACK = "c90d210a-97fc-5eb3-be70-fa237688882c"
BER_CONVOY = "cfd14e3c-2cb6-5cbd-be51-ba5b5ed5e9d7"


def run(capsys, db, *argv):
    if not db.exists():  # an existing database: a new one is announced on stderr (tested in test_cli)
        open_database(db).close()
    code = main.main(["--db", str(db), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_route_risk_csv_one_row_per_stretch(tmp_path, capsys):
    code, out, err = run(capsys, tmp_path / "x.sqlite", "route", "risk", "--via", "ber,timbuktu", "--date", "2023-08-20",
                         "--format", "csv")
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["stretch", "from_km", "to_km", "incidents", "killed", "injured", "score", "top_type"]
    assert [r[0] for r in rows[1:]] == ["1", "2", "3", "4", "5", "6"]  # 51 km in stretches of 10 km
    assert rows[1][1:4] == ["0.000", "10.000", "1"] and rows[1][5] == "4" and rows[1][7] == "attack-on-convoy"
    assert rows[-1][2] == "51.138" and all(r[3] == "0" and r[7] == "" for r in rows[2:])
    code, out, _ = run(capsys, tmp_path / "x.sqlite", "route", "risk", "--via", "ber,timbuktu", "--date", "2023-09-20",
                       "--format", "csv")
    assert {r[3] for r in list(csv.reader(io.StringIO(out)))[1:]} == {"0"}  # the attack is out of the 30 days


def test_route_risk_options_and_geojson(tmp_path, capsys):
    code, out, err = run(capsys, tmp_path / "x.sqlite", "route", "risk", "--points", "16.83493,-2.53194;16.77348,-3.00742",
                         "--date", "2023-08-20", "--buffer-km", "2", "--days", "60", "--step-km", "25",
                         "--half-life-days", "7", "--format", "geojson")
    assert code == 0, err
    collection = json.loads(out)
    features = collection["features"]
    assert [f["properties"]["stretch"] for f in features] == [1, 2, 3]
    assert all(f["geometry"]["type"] == "LineString" for f in features)
    assert features[0]["geometry"]["coordinates"][0] == [-2.53194, 16.83493]
    assert features[0]["properties"]["incidents"] == 0  # 2.9 km off the road: outside a 2 km corridor
    assert set(features[0]["properties"]) == {"stretch", "from_km", "to_km", "incidents", "killed", "injured", "score",
                                              "top_type"}


def test_route_incidents_csv_columns(tmp_path, capsys):
    code, out, err = run(capsys, tmp_path / "x.sqlite", "route", "incidents", "--via", "ber,timbuktu", "--date",
                         "2023-08-20", "--format", "csv")
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["id", "occurred_on", "type", "km_along", "km_off", "killed", "injured", "location"]
    assert rows[1] == [BER_ATTACK, "2023-08-13", "attack-on-convoy", "7.701", "2.874", "0", "4", "Ber"]


def test_route_table_says_what_was_recorded_never_a_probability(tmp_path, capsys):
    code, out, _ = run(capsys, tmp_path / "x.sqlite", "route", "risk", "--via", "ber,timbuktu", "--date", "2023-08-20")
    assert code == 0
    assert out.startswith("Incidents recorded near this route: 1 in the 30 days to 2023-08-20")
    assert "not a probability" in out
    assert out.splitlines()[1].split()[:3] == ["stretch", "from", "km"]


@pytest.mark.parametrize("argv, text", [
    (("--via", "ber,atlantis"), "unknown site 'atlantis'"),
    (("--via", "ber"), "give at least two sites"),
    (("--points", "16.8,-2.5;north"), "'north' is not a position"),
    (("--via", "ber,timbuktu", "--days", "0"), "'0' is not a number from 1 to 3660"),
    (("--via", "ber,timbuktu", "--buffer-km", "500"), "'500' is not a number from 0.5 to 100.0"),
    (("--via", "ber,ber"), "at least two distinct positions"),
])
def test_route_usage_errors_are_one_line_exit_2(tmp_path, capsys, argv, text):
    try:
        code, _, err = run(capsys, tmp_path / "x.sqlite", "route", "risk", *argv, "--date", "2023-08-20")
    except SystemExit as stop:
        code, err = stop.code, capsys.readouterr().err
    assert code == 2
    assert text in err and err.count("\n") == 1


def test_movement_add_update_delete_restore_and_list(tmp_path, capsys):
    path = tmp_path / "x.sqlite"
    code, out, err = run(capsys, path, "movement", "add", "--from", "gao", "--to", "menaka", "--via", "ansongo",
                         "--planned-departure", "2023-09-10", "--personnel", "120", "--incidents", BER_ATTACK)
    assert code == 0, err
    ident = out.strip()
    code, out, err = run(capsys, path, "movement", "update", ident, "--status", "under-way", "--departed", "2023-09-11")
    assert (code, out.strip()) == (0, f"{ident}: updated"), err
    code, out, _ = run(capsys, path, "movement", "update", ident, "--status", "under-way")
    assert out.strip() == f"{ident}: unchanged"
    code, out, _ = run(capsys, path, "movement", "list", "--format", "csv")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out))}
    assert len(rows) == 11
    assert (rows[ident]["via"], rows[ident]["status"], rows[ident]["departed_on"], rows[ident]["personnel"],
            rows[ident]["incidents"]) == ("ansongo", "under-way", "2023-09-11", "120", BER_ATTACK)
    assert run(capsys, path, "movement", "delete", ident)[1].strip() == f"{ident}: deleted"
    assert ident not in run(capsys, path, "movement", "list", "--format", "csv")[1]
    assert ident in run(capsys, path, "movement", "list", "--all")[1]
    assert run(capsys, path, "movement", "restore", ident)[1].strip() == f"{ident}: restored"
    db = open_database(path)
    try:
        assert [a.action for a in audit.trail(db, ident)] == ["create", "update", "delete", "restore"]
        assert queries.get(db, ident).status == "under-way"
    finally:
        db.close()


def test_a_refused_movement_names_each_field_and_writes_nothing(tmp_path, capsys):
    path = tmp_path / "x.sqlite"
    code, _, err = run(capsys, path, "movement", "add", "--from", "gao", "--to", "atlantis", "--planned-departure",
                       "2023-09-10", "--status", "arrived", "--incidents", "nope")
    assert code == 1
    assert err.splitlines() == ["to_site: unknown site 'atlantis'", "departed_on: required for a movement arrived",
                                "incidents: no incident 'nope' in the log", "sitmon: the movement was not recorded"]
    code, _, err = run(capsys, path, "movement", "update", "no-such-id", "--status", "planned")
    assert code == 1 and "no movement no-such-id" in err
    assert len(run(capsys, path, "movement", "list", "--format", "csv")[1].splitlines()) == 1 + 10


def test_export_movements_and_the_briefing_route_page(tmp_path, capsys):
    path = tmp_path / "x.sqlite"
    code, out, err = run(capsys, path, "export", "movements", "--out", str(tmp_path / "m.csv"))
    assert code == 0, err
    assert (tmp_path / "m.csv").read_text(encoding="utf-8").startswith("id,from_site,to_site,via,")
    code, out, err = run(capsys, path, "briefing", "--date", "2023-08-20", "--out", str(tmp_path / "b.pdf"),
                         "--route-via", "ber,timbuktu", "--route-points", "16.27167,-0.04472;16.77348,-3.00742")
    assert code == 0, err
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(tmp_path / "b.pdf").pages).split())
    assert "Route A: Ber → Timbuktu: incidents recorded near it" in text
    assert "Route B: 2 positions: incidents recorded near it" in text
    assert "not a probability" in text and "Attack on convoy" in text
