"""`sitmon hq ingest|conflicts|resolve`: headquarters merges many laptops' packages into one store, on
PostgreSQL and on an SQLite file. Twelve laptops (twelve SQLite files made here) each record incidents and site
records and edit the same seeded incident; their packages give headquarters the union, with every conflict
queued and kept until resolved; ingesting them again changes nothing; two ingest processes started together
give what one after the other gives."""
import csv
import io
import subprocess
import sys
from datetime import date

import pytest

from app.cli import main
from db import open_database
from db.exchange import conflicts, packages
from db.incidents import draft, queries, writes
from db.scenario.stored import read_scenario
from tests.conftest import ENGINES
from tests.db import snapshot
from tests.db.rows import query
from tests.db.sites.records import stored

SEED = "c90d210a-97fc-5eb3-be70-fa237688882c"
LAPTOPS, OWN = 12, 20
pytestmark = pytest.mark.parametrize("db_engine", ENGINES, indirect=True)


def run(capsys, db, *argv):
    code = main.main(["--db", str(db.url or db.path), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _new(db, description, day="2023-08-20"):
    return writes.create(db, draft.IncidentDraft(occurred_on=day, location="16.80 -2.60", type="ied",
                                                 description=description, confirmed=True),
                         "field", draft.context(read_scenario(db).sites))


@pytest.fixture(scope="module")
def field_packages(tmp_path_factory):
    """Twelve laptops' packages in one folder, oldest first: each laptop has incidents of its own, edits the
    seeded Ber convoy incident its own way, and records site facts (laptops 0 and 1 disagree on Goundam's
    handover date)."""
    folder = tmp_path_factory.mktemp("packages")
    scenario = None
    for i in range(LAPTOPS):
        laptop = open_database(folder.parent / f"laptop{i:02d}.sqlite")
        scenario = scenario or read_scenario(laptop)
        for n in range(OWN):
            _new(laptop, f"Laptop {i} incident {n}: «tir» à Sévaré", f"2023-08-{n + 1:02d}")
        writes.update(laptop, SEED, {"actors": f"Armed group seen by laptop {i}"}, f"user{i}")
        if i < 2:
            stored(laptop, scenario, "goundam", "handover", f"2023-09-0{5 + i}")
        else:
            stored(laptop, scenario, "bamako", "repatriated", "2023-09-01", value=str(100 * i), category="police")
        packages.export_package(laptop, folder / f"laptop{i:02d}.zip")
        laptop.close()
    # oldest first: the names order them too, but a folder is read by time
    for i, path in enumerate(sorted(folder.glob("*.zip"))):
        import os
        os.utime(path, (1_700_000_000 + i, 1_700_000_000 + i))
    return folder


def _content(db) -> dict:
    """What an ingest decides (the conflicts' reception times aside)."""
    return {
        "incidents": sorted(query(db, "SELECT * FROM incidents")),
        # a 'merge' row names the package a change came with, at the time of the ingest, on this store's id
        "audit": sorted((i, "" if action == "merge" else at, author, "" if action == "merge" else laptop, action,
                         changes) for i, at, author, laptop, action, changes in query(
            db, "SELECT incident_id, at, author, laptop, action, changes FROM incident_audit")),
        "site_records": sorted(query(db, "SELECT * FROM site_records")),
        "conflicts": sorted(query(db, "SELECT record, record_id, reason, digest, package, laptop, resolution "
                                      "FROM conflicts")),
    }


def test_twelve_laptops_give_the_union_with_every_conflict_queued_and_again_changes_nothing(
        capsys, make_db, field_packages):
    hq = make_db("hq")
    code, out, err = run(capsys, hq, "hq", "ingest", str(field_packages))
    assert code == 3, err  # conflicts wait
    assert out.count("\n") == LAPTOPS and "laptop00.zip: 240" not in out
    assert queries.count(hq, queries.IncidentFilter()) == 1 + LAPTOPS * OWN
    assert queries.get(hq, SEED).actors == "Armed group seen by laptop 0"  # the first to come is taken
    waiting = conflicts.waiting(hq)
    seed = [c for c in waiting if c.record == "incident"]
    assert [c.package for c in seed] == [f"laptop{i:02d}.zip" for i in range(1, LAPTOPS)]  # one per later laptop
    assert {c.record_id for c in seed} == {SEED} and len({c.laptop for c in seed}) == LAPTOPS - 1
    assert [(c.reason, c.package) for c in waiting if c.record == "site_record"] == [("handover", "laptop01.zip")]
    # every record but the disagreeing handover, which waits for a choice
    assert query(hq, "SELECT count(*) FROM site_records") == [(LAPTOPS - 1,)]
    before = snapshot.tables(hq)
    code, out, _ = run(capsys, hq, "hq", "ingest", str(field_packages))
    assert code == 3 and "(0 new)" in out and "(1 new)" not in out
    assert snapshot.tables(hq) == before  # the same packages again change nothing


def test_conflicts_are_listed_kept_whatever_comes_after_and_resolved_one_by_one(capsys, make_db, field_packages):
    hq = make_db("hq")
    run(capsys, hq, "hq", "ingest", *sorted(map(str, field_packages.glob("laptop0[0-2].zip"))))
    code, out, _ = run(capsys, hq, "hq", "conflicts", "--format", "csv")
    table = list(csv.reader(io.StringIO(out)))
    assert code == 0 and table[0] == ["id", "record", "record_id", "field", "local", "incoming", "package",
                                      "laptop", "received_at"]
    by_record = {(r[1], r[3]): r for r in table[1:] if r[6] == "laptop01.zip"}
    assert [r[6] for r in table[1:]] == ["laptop01.zip", "laptop01.zip", "laptop02.zip"]
    assert by_record[("incident", "actors")][4:6] == ["Armed group seen by laptop 0", "Armed group seen by laptop 1"]
    assert by_record[("site_record", "date")][4:6] == ["2023-09-05", "2023-09-06"]
    assert by_record[("incident", "actors")][6] == "laptop01.zip"
    # a later package (and an edit here) does not drop the queue
    writes.update(hq, SEED, {"description": "Convoy attacked twice"}, "hq-user")
    run(capsys, hq, "hq", "ingest", *sorted(map(str, field_packages.glob("laptop0[3-5].zip"))))
    ids = {c.laptop: c.id for c in conflicts.waiting(hq) if c.record == "incident"}
    assert len(ids) == 5
    seed_conflict = min(ids.values())
    code, out, err = run(capsys, hq, "hq", "resolve", str(seed_conflict), "--take", "theirs")
    assert code == 0, err
    assert queries.get(hq, SEED).actors == "Armed group seen by laptop 1"  # theirs: the package's values
    code, _, err = run(capsys, hq, "hq", "resolve", str(seed_conflict), "--take", "mine")
    assert code == 1 and "already settled (theirs" in err and err.count("\n") == 1
    assert len([c for c in conflicts.waiting(hq) if c.record == "incident"]) == 4
    handover = next(c.id for c in conflicts.waiting(hq) if c.record == "site_record")
    assert run(capsys, hq, "hq", "resolve", str(handover), "--take", "mine")[0] == 0
    goundam = query(hq, "SELECT date FROM site_records WHERE site_id = 'goundam' AND NOT deleted")
    assert goundam == [("2023-09-05",)]
    # the settled package again: no new conflict, nothing changes
    before = snapshot.tables(hq)
    code, out, _ = run(capsys, hq, "hq", "ingest", str(field_packages / "laptop01.zip"))
    assert code == 0 and "0 conflicts waiting" in out
    assert snapshot.tables(hq) == before


def test_a_refused_package_says_why_and_the_others_are_ingested(capsys, make_db, field_packages, tmp_path):
    hq = make_db("hq")
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 not a zip")
    code, out, err = run(capsys, hq, "hq", "ingest", str(broken), str(field_packages / "laptop00.zip"))
    assert code == 1 and "broken.zip: refused:" in err and err.count("\n") == 1
    assert "laptop00.zip: 20 created" in out
    code, _, err = run(capsys, hq, "hq", "ingest", str(tmp_path / "nowhere"))
    assert code == 1 and "does not exist" in err


def _ingest_process(db, folder):
    code = "import sys; from app.cli.main import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.Popen([sys.executable, "-c", code, "--db", str(db.url or db.path), "hq", "ingest", str(folder)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_ingests_at_once_give_what_one_after_the_other_gives(capsys, make_db, field_packages):
    one_after_the_other = make_db("sequential")
    assert run(capsys, one_after_the_other, "hq", "ingest", str(field_packages))[0] == 3
    together = make_db("together")
    procs = [_ingest_process(together, field_packages) for _ in range(2)]
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [3, 3], outs
    assert _content(together) == _content(one_after_the_other)


def test_the_window_list_and_the_command_line_list_agree(make_db, field_packages):
    hq = make_db("hq")
    from db.exchange import hq as ingest

    done = ingest.ingest(hq, ingest.package_files([field_packages / "laptop00.zip", field_packages / "laptop01.zip"]))
    assert [d.waiting for d in done] == [0, 2]
    waiting = conflicts.waiting(hq)
    assert [f for c in waiting for f, _, _ in conflicts.differing(c)] == ["actors", "date"]
    assert all(c.received_at.date() >= date(2024, 1, 1) for c in waiting)


def test_a_movement_edited_on_two_laptops_waits_in_the_queue_until_chosen(capsys, make_db, tmp_path):
    """Movements (issue 21) travel in packages too: headquarters queued the incidents' and site records'
    conflicts but merged past a movement's, which was then lost from sight."""
    from dataclasses import replace as edited

    from db.movements import draft as movement_draft, queries as movement_queries, writes as movement_writes

    ber_convoy = "cfd14e3c-2cb6-5cbd-be51-ba5b5ed5e9d7"
    hq = make_db("hq")
    for i, day in enumerate(("2023-08-15", "2023-08-17")):
        laptop = open_database(tmp_path / f"laptop{i}.sqlite")
        record = movement_queries.get(laptop, ber_convoy)
        typed = edited(movement_draft.draft_of(record), status="arrived", arrived_on=day)
        ctx = movement_draft.context(read_scenario(laptop).sites, laptop)
        movement_writes.update(laptop, ber_convoy, movement_writes.changes_between(
            record, movement_draft.values(typed, ctx)), f"user{i}")
        packages.export_package(laptop, tmp_path / f"laptop{i}.zip")
        laptop.close()
    code, out, err = run(capsys, hq, "hq", "ingest", str(tmp_path / "laptop0.zip"), str(tmp_path / "laptop1.zip"))
    assert code == 3, (out, err)
    waiting = [c for c in conflicts.waiting(hq) if c.record == "movement"]
    assert [(c.record_id, c.package) for c in waiting] == [(ber_convoy, "laptop1.zip")]
    code, out, _ = run(capsys, hq, "hq", "conflicts", "--format", "csv")
    rows = [r for r in csv.reader(io.StringIO(out)) if r[1] == "movement"]
    assert [(r[3], r[4], r[5]) for r in rows] == [("arrived_on", "2023-08-15", "2023-08-17")]
    assert movement_queries.get(hq, ber_convoy).arrived_on == date(2023, 8, 15)  # the first to come, until chosen
    assert run(capsys, hq, "hq", "resolve", str(waiting[0].id), "--take", "theirs")[0] == 0
    assert movement_queries.get(hq, ber_convoy).arrived_on == date(2023, 8, 17)
    assert not [c for c in conflicts.waiting(hq) if c.record == "movement"]
