"""Movements between laptops: two databases record and edit apart and exchange packages both ways; a movement
edited on both is a conflict listed and resolved (or settled with take), nothing is lost; a bad movement refuses
the package whole; a package of an older sitmon (version 2, no movements) still merges."""
import json
import sqlite3
import zipfile
from dataclasses import replace

import pytest

from db import open_database
from db.exchange import packages
from db.movements import audit, draft, queries, writes
from db.scenario.stored import read_scenario

BER_CONVOY = "cfd14e3c-2cb6-5cbd-be51-ba5b5ed5e9d7"
BER_ATTACK = "c90d210a-97fc-5eb3-be70-fa237688882c"


@pytest.fixture
def laptops(tmp_path):
    a, b = open_database(tmp_path / "a.sqlite"), open_database(tmp_path / "b.sqlite")
    yield a, b
    a.close()
    b.close()


def ctx(db):
    return draft.context(read_scenario(db).sites, db)


def edit(db, movement_id, author, **changes):
    record = queries.get(db, movement_id)
    typed = replace(draft.draft_of(record), **changes)
    return writes.update(db, movement_id, writes.changes_between(record, draft.values(typed, ctx(db))), author)


def swap(src, dst, tmp_path, name, **kw):
    path = tmp_path / name
    packages.export_package(src, path)
    return packages.import_package(dst, path, **kw)


def table(db, name, columns="*"):
    con = sqlite3.connect(db.path)
    try:
        return sorted(con.execute(f"SELECT {columns} FROM {name}"))
    finally:
        con.close()


def log(db):
    return table(db, "movements"), table(db, "movement_audit", "movement_id, at, author, laptop, action, changes")


def test_movements_travel_with_their_trail_and_both_laptops_converge(laptops, tmp_path):
    a, b = laptops
    new = writes.create(a, draft.MovementDraft(from_site="gao", to_site="menaka", planned_departure="2023-09-10",
                                               incidents=BER_ATTACK), "ana", ctx(a))
    edit(a, BER_CONVOY, "ana", status="arrived", arrived_on="2023-08-15")
    first = swap(a, b, tmp_path, "a.zip").movements
    assert (first.created, first.updated, first.conflicts) == (1, 1, ())
    assert queries.get(b, BER_CONVOY).arrived_on.isoformat() == "2023-08-15"
    assert [x.action for x in audit.trail(b, new)] == ["create"]
    back = swap(b, a, tmp_path, "b.zip").movements
    assert (back.created, back.updated, back.audit_added) == (0, 0, 0)
    assert log(a) == log(b)


def test_a_movement_edited_on_both_laptops_is_a_conflict_until_chosen(laptops, tmp_path):
    a, b = laptops
    edit(a, BER_CONVOY, "ana", status="arrived", arrived_on="2023-08-15")
    edit(b, BER_CONVOY, "ben", status="arrived", arrived_on="2023-08-16", vehicles="40")
    result = swap(a, b, tmp_path, "a.zip")
    [conflict] = result.movements.conflicts
    assert conflict.movement_id == BER_CONVOY and set(conflict.fields) == {"arrived_on", "vehicles"}
    assert queries.get(b, BER_CONVOY).arrived_on.isoformat() == "2023-08-16"  # nothing changed meanwhile
    assert packages.resolve(b, (), {BER_CONVOY: "theirs"}, "ben", movement_conflicts=(conflict,)) == ()
    record = queries.get(b, BER_CONVOY)
    assert (record.arrived_on.isoformat(), record.vehicles) == ("2023-08-15", None)
    trail = audit.trail(b, BER_CONVOY)
    assert trail[-1].action == "merge" and ("arrived_on", "2023-08-16", "2023-08-15") in trail[-1].changes
    assert {x.author for x in trail} >= {"ana", "ben"}  # both edits stay in its history
    settled = swap(a, b, tmp_path, "again.zip", take="mine")  # b's choice stands; a's package changes nothing now
    assert settled.movements.conflicts == ()


@pytest.mark.parametrize("change, reason", [
    (dict(to_site="atlantis"), "to_site: unknown site 'atlantis'"),
    (dict(status="under-way", arrived_on="2023-08-20"), "arrived_on: a movement under-way has not arrived"),
    (dict(waypoints='{"not": "a list"}'), "waypoints and incident_ids must be JSON lists"),
    (dict(planned_departure="13/08/2023"), "planned_departure"),
])
def test_a_bad_movement_refuses_the_whole_package(laptops, tmp_path, change, reason):
    a, b = laptops
    path = tmp_path / "p.zip"
    packages.export_package(a, path)
    with zipfile.ZipFile(path) as z:
        doc = json.loads(z.read("manifest.json"))
        members = {n: z.read(n) for n in packages.MEMBERS}
    rows = [json.loads(line) for line in members["movements.jsonl"].splitlines()]
    rows = [r | change if r["id"] == BER_CONVOY else r for r in rows]
    members["movements.jsonl"] = "".join(json.dumps(r) + "\n" for r in rows).encode()
    import hashlib

    doc["sha256"]["movements.jsonl"] = hashlib.sha256(members["movements.jsonl"]).hexdigest()
    forged = tmp_path / "forged.zip"
    with zipfile.ZipFile(forged, "w") as z:
        z.writestr("manifest.json", json.dumps(doc))
        for n, blob in members.items():
            z.writestr(n, blob)
    before = log(b)
    with pytest.raises(packages.PackageError, match=f"movement {BER_CONVOY}.*{reason}"):
        packages.import_package(b, forged)
    assert log(b) == before


def test_a_version_2_package_has_no_movements_and_still_merges(laptops, tmp_path):
    a, b = laptops
    path = tmp_path / "p.zip"
    packages.export_package(a, path)
    with zipfile.ZipFile(path) as z:
        doc = json.loads(z.read("manifest.json"))
        members = {n: z.read(n) for n in packages.REQUIRED[2]}
    doc = doc | {"version": 2, "counts": {k: v for k, v in doc["counts"].items() if not k.startswith("movement")},
                 "sha256": {k: v for k, v in doc["sha256"].items() if k in members}}
    old = tmp_path / "v2.zip"
    with zipfile.ZipFile(old, "w") as z:
        z.writestr("manifest.json", json.dumps(doc))
        for n, blob in members.items():
            z.writestr(n, blob)
    result = packages.import_package(b, old)
    assert result.movements == packages.movements.MovementMerge()
    missing = tmp_path / "v3-without-movements.zip"
    with zipfile.ZipFile(missing, "w") as z:
        z.writestr("manifest.json", json.dumps(doc | {"version": 3}))
        for n, blob in members.items():
            z.writestr(n, blob)
    with pytest.raises(packages.PackageError, match="movement_audit.jsonl, movements.jsonl missing"):
        packages.import_package(b, missing)


def test_a_database_without_a_scenario_takes_the_incidents_and_says_it_left_the_movements_out(laptops, tmp_path):
    a, _ = laptops
    bare = open_database(tmp_path / "bare.sqlite", seed=False)
    try:
        result = swap(a, bare, tmp_path, "p.zip")
        assert result.created == 1 and result.movements.unplaced == 10
        assert table(bare, "movements") == [] and table(bare, "movement_audit") == []
    finally:
        bare.close()
