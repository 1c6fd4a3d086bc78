"""sitmon CSV: neutralisation, BOM, delimiter, HXL, versions, and what a real spreadsheet makes of it."""
import re
import sqlite3
import subprocess
import zipfile
from xml.etree import ElementTree

import pytest
from hypothesis import given
from hypothesis import strategies as st

from db.exchange import csv_format, exports, imports
from db.incidents import writes
from db.incidents.draft import IncidentDraft, context
from db.scenario.stored import read_scenario
from db.store.dialect import sqlite_bulk
from tests.db.exchange import exchange_data


@given(st.text())
def test_neutralise_is_reversible_and_never_leaves_a_trigger(text):
    out = csv_format.neutralise(text)
    assert csv_format.unneutralise(out) == text
    assert out[:1] not in csv_format.TRIGGERS or out == ""


@given(st.lists(st.text(alphabet=st.sampled_from("'=+-@\t\rab1. "), max_size=6), max_size=20))
def test_sql_neutralise_matches_python(texts):
    con = sqlite3.connect(":memory:")
    sql = sqlite_bulk.neutralised("x", csv_format.TRIGGERS)
    assert [con.execute(f"SELECT {sql} FROM (SELECT ? AS x)", (t,)).fetchone()[0] for t in texts] == \
        [csv_format.neutralise(t) for t in texts]


def _incident(db, description="=1+1", lon="-6.21570", lat="13.43170", notes="secret"):
    draft = IncidentDraft(occurred_on="2023-08-13", location=f"{lat} {lon}", type="battles",
                                    description=description, notes=notes, source="informant", confirmed=True)
    return writes.create(db, draft, "tester", context(read_scenario(db).sites))


def test_formula_is_written_as_text_and_longitude_as_number(db, tmp_path):
    _incident(db)
    out = tmp_path / "x.csv"
    exports.export_incidents(db, out)
    data = out.read_bytes()
    assert b",'=1+1," in data  # OWASP: a leading apostrophe
    assert b",-6.21570," in data and b"'-6.21570" not in data  # numbers stay numbers
    assert data.endswith(b"\r\n") and not data.startswith(b"\xef\xbb\xbf")


def test_excel_bom_hxl_semicolon_and_hq_profile(db, tmp_path):
    _incident(db, description="Ménaka; Ségou")
    out = tmp_path / "x.csv"
    exports.export_incidents(db, out, excel=True, hxl=True, delimiter=";", profile="hq")
    text = out.read_bytes()
    assert text.startswith(b"\xef\xbb\xbf")
    lines = text.decode("utf-8-sig").split("\r\n")
    header, tags = lines[0].split(";"), lines[1].split(";")
    assert "notes" not in header and "source" not in header and "description" in header
    assert tags[header.index("occurred_on")] == "#date+occurred" and tags[header.index("lat")] == "#geo+lat"
    assert tags[header.index("external_id")] == "#event+code"
    body = text.decode("utf-8-sig")
    assert '"Ménaka; Ségou"' in body and "secret" not in body and "informant" not in body


def test_every_written_version_reads_back(db, tmp_path):
    """The importer recognises each column set sitmon ever wrote, in any order, with the hq profile."""
    records = exchange_data.rows(5)
    for version, columns in csv_format.INCIDENT_COLUMNS.items():
        for cols in (columns, tuple(reversed(columns)), csv_format.export_columns("hq")):
            path = tmp_path / f"v{version}.csv"
            exchange_data.write(path, records, cols)
            plan = imports.check_file(db, path)
            assert (plan.format, plan.problems, len(plan.rows)) == ("sitmon", (), 5)


def test_unknown_column_names_the_version(db, tmp_path):
    path = tmp_path / "v2.csv"
    exchange_data.write(path, exchange_data.rows(2), csv_format.INCIDENT_COLUMNS[1] + ("priority",))
    plan = imports.check_file(db, path)
    assert plan.rows == () and [p.field for p in plan.problems] == ["priority"]
    assert "format versions 1" in plan.problems[0].message()


def _soffice_sheet(csv_path, tmp_path, bom: bool) -> list[dict[str, tuple[str, str, bool]]]:
    """Convert with headless LibreOffice Calc as a double-click would (the UTF-8 filter only where there is a
    BOM, see ../shared/docs/hq-spreadsheet.md); rows as {header: (cell type, value, is a formula)}."""
    options = ["--infilter=Text - txt - csv (StarCalc):44,34,76,1,,0,false,false"] if bom else []
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    *options, "--convert-to", "xlsx:Calc MS Excel 2007 XML", str(csv_path), "--outdir",
                    str(tmp_path / "xlsx")], check=True, capture_output=True, timeout=120)
    m = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    with zipfile.ZipFile(tmp_path / "xlsx" / (csv_path.stem + ".xlsx")) as z:
        strings = ["".join(t.text or "" for t in si.iter(m + "t"))
                   for si in ElementTree.fromstring(z.read("xl/sharedStrings.xml")).iter(m + "si")]
        sheet = ElementTree.fromstring(z.read("xl/worksheets/sheet1.xml"))
    grid = []
    for row in sheet.iter(m + "row"):
        cells = {}
        for c in row.iter(m + "c"):
            v = c.find(m + "v")
            value = strings[int(v.text)] if c.get("t") == "s" else (v.text if v is not None else "")
            cells[re.match(r"[A-Z]+", c.get("r"))[0]] = (c.get("t", "n"), value, c.find(m + "f") is not None)
        grid.append(cells)
    header = {col: value for col, (_, value, _) in grid[0].items()}
    return [{header[col]: cell for col, cell in row.items()} for row in grid[1:]]


@pytest.mark.usefixtures("soffice")  # skips where LibreOffice is absent, fails under CI=true
@pytest.mark.parametrize("excel", [False, True])
def test_libreoffice_shows_the_formula_as_text(db, tmp_path, excel):
    _incident(db, description="=1+1", notes="@SUM(A1)")
    _incident(db, description="Ménaka", notes="Ségou")
    out = tmp_path / "hq.csv"
    exports.export_incidents(db, out, excel=excel)
    rows = _soffice_sheet(out, tmp_path, bom=excel)
    assert not any(formula for row in rows for _, _, formula in row.values())
    mine = next(r for r in rows if r["description"][1] == "'=1+1")
    assert mine["description"][0] == "s" and mine["notes"][:2] == ("s", "'@SUM(A1)")
    kind, value, _ = mine["lon"]
    assert kind == "n" and float(value) == pytest.approx(-6.2157)
    # Without the BOM, a double-click reads Windows-1252 (as Excel does): the reason for --excel.
    accents = {r["description"][1] for r in rows} & {"Ménaka", "MÃ©naka"}
    assert accents == ({"Ménaka"} if excel else {"MÃ©naka"})
