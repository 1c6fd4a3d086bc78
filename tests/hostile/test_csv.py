"""Issue 17: hostile and broken CSV files. Each crafted input here failed before its fix (say so in the note)."""
import subprocess
import sys
from pathlib import Path

import pytest

from db.exchange import imports
from tests.db.exchange import exchange_data

ROOT = Path(__file__).resolve().parents[2]
HEADER = "id,occurred_on,lat,lon,type"


def cli(*args, db) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", "--db", str(db.path), *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=300)


def test_a_file_with_only_the_required_columns_imports_every_row(db, tmp_path):
    """Item 2: the default sub-type was an iterator that one zip() emptied, so nothing was imported."""
    path = tmp_path / "required.csv"
    path.write_text(HEADER + "\n" + "\n".join(
        f"4f6d6a0c-0000-4000-8000-00000000000{i},2023-08-0{i},16.2{i},-0.04,battles" for i in range(1, 4)) + "\n")
    plan = imports.check_file(db, path)
    assert plan.problems == () and len(plan.rows) == 3
    result = imports.write_import(db, plan)
    assert result.created == 3 and exchange_data.count(db) == 1 + 3


def test_a_nul_or_a_stray_bom_in_a_cell_is_refused_naming_the_row(db, tmp_path):
    """Items 7 and 15: a NUL imported whole but exported cut; a BOM before an id went into the id."""
    path = tmp_path / "nul.csv"
    path.write_bytes((HEADER + ",description\n"
                      "4f6d6a0c-0000-4000-8000-000000000001,2023-08-01,16.2,-0.04,battles,before\x00after\n"
                      "\ufeff4f6d6a0c-0000-4000-8000-000000000002,2023-08-01,16.2,-0.04,battles,ok\n"
                      "4f6d6a0c-0000-4000-8000-000000000003,2023-08-01,16.2,-0.04,battles,ok\n").encode())
    plan = imports.check_file(db, path)
    assert [(p.row, p.field) for p in plan.problems] == [(2, "description"), (3, "id")]
    assert "U+0000" in plan.problems[0].message() and "U+FEFF" in plan.problems[1].message()
    assert plan.refused_rows == 2 and len(plan.rows) == 1


def test_numbers_with_separators_are_refused(db, tmp_path):
    """Item 15: Python reads 1_6.2 as 16.2."""
    path = tmp_path / "sep.csv"
    path.write_text(HEADER + ",killed_civilians\n"
                    "4f6d6a0c-0000-4000-8000-000000000001,2023-08-01,1_6.2,-0.04,battles,0\n"
                    "4f6d6a0c-0000-4000-8000-000000000002,2023-08-01,16.2,-0.04,battles,1_0\n"
                    "4f6d6a0c-0000-4000-8000-000000000003,2023-08-01,16.2,-0.04,battles,100000000000000000000000\n")
    plan = imports.check_file(db, path)
    assert [(p.row, p.field) for p in plan.problems] == [(2, "lat"), (3, "killed_civilians"), (4, "killed_civilians")]
    assert "1_6.2" in plan.problems[0].message()


def test_a_huge_cell_is_named_and_the_rows_after_it_still_read(db, tmp_path):
    """Items 13 and 15: a 10 MB cell raised _csv.Error (a traceback in the first data row); with
    --on-error skip the rows after an unreadable row were dropped while the report said 0 refused."""
    path = tmp_path / "huge.csv"
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER + ",description\n")
        f.write("4f6d6a0c-0000-4000-8000-000000000001,2023-08-01,16.2,-0.04,battles," + "x" * 10_000_000 + "\n")
        f.write("4f6d6a0c-0000-4000-8000-000000000002,2023-08-01,16.2,-0.04,battles,after\n")
    plan = imports.check_file(db, path)
    assert [(p.row, p.field) for p in plan.problems] == [(2, "row")]
    assert plan.refused_rows == 1 and plan.total_rows == 2 and len(plan.rows) == 1
    run = cli("import", "incidents", str(path), "--on-error", "skip", db=db)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "row 2: row: the row cannot be read as CSV" in run.stderr
    assert "1 created, 0 updated, 0 unchanged, 1 rows refused" in run.stdout


@pytest.mark.parametrize("cell", ["²", "1e3", "-1", "100001"])
def test_acled_fatalities_that_are_not_counts_are_refused(db, tmp_path, cell):
    """Item 13: fatalities "²" passed str.isdigit() and then raised in int()."""
    path = tmp_path / "acled.csv"
    columns = "event_id_cnty,event_date,event_type,sub_event_type,actor1,latitude,longitude,fatalities"
    path.write_text(columns + f"\nMLI1,2023-08-01,Battles,Armed clash,JNIM,16.2,-0.04,{cell}\n", encoding="utf-8")
    plan = imports.check_file(db, path)
    assert [(p.row, p.field) for p in plan.problems] == [(2, "fatalities")]


def test_a_zip_bomb_is_refused_from_its_declared_sizes_without_inflating(db, tmp_path):
    """Item 9: a 3 MB zip that inflates to 3 GB took 6.4 GB of memory and 28 s."""
    import json
    import tracemalloc

    from db.exchange import packages
    from tests.db.exchange import forge

    def zeros(z, name):
        with z.open(name, "w", force_zip64=True) as member:
            block = b"\0" * (1 << 20)
            for _ in range(3072):  # 3 GiB of zeros, about 3 MB compressed
                member.write(block)

    bomb = forge.signed_zip(tmp_path / "bomb.zip", {
        "manifest.json": json.dumps({"format": "sitmon-package", "version": 3}).encode(), "incidents.jsonl": zeros,
        "audit.jsonl": b"", "site_records.jsonl": b"", "site_record_audit.jsonl": b""}, db, compresslevel=9)
    assert bomb.stat().st_size < 4 << 20
    tracemalloc.start()
    with pytest.raises(packages.PackageError, match="would inflate to 3,221,225,472 bytes"):
        packages.archive.read(bomb)
    assert tracemalloc.get_traced_memory()[1] < 64 << 20
    tracemalloc.stop()


def test_a_search_with_a_nul_or_a_thousand_words_answers(db):
    """Item 14: "a\\0b" raised OperationalError; a 1,000-word query froze the window for 11.5 s."""
    import time

    from db.incidents import queries

    nul = queries.IncidentFilter(text="a\0b")  # a control character is a space: the words "a" and "b"
    assert queries.count(db, nul) == queries.count(db, queries.IncidentFilter(text="a b")) == len(
        queries.page(db, nul, "occurred_on", True, 0, 200))
    many = " ".join(f"word{i}" for i in range(1000))
    t = time.perf_counter()
    assert queries.page(db, queries.IncidentFilter(text=many), "occurred_on", True, 0, 200) == []
    assert queries.count(db, queries.IncidentFilter(text=many)) == 0
    assert time.perf_counter() - t < 30  # a bound for a broken test only (the window's search runs as an op)
