"""Movements between laptops: two databases record and edit apart and exchange packages both ways; a movement
edited on both is a conflict listed and resolved (or settled with take), nothing is lost; a bad movement refuses
the package whole, naming the line, the movement and the field; a signed package of version 3 (no movements)
still merges; a database without a scenario takes the incidents and says it left the movements out."""
import json
from dataclasses import replace

import pytest
from sqlalchemy import text

from db import open_database
from db.exchange import packages
from db.exchange.packages import archive
from db.movements import audit, draft, queries, writes
from db.scenario.stored import read_scenario
from tests.db.exchange import forge

BER_CONVOY = "cfd14e3c-2cb6-5cbd-be51-ba5b5ed5e9d7"
BER_ATTACK = "c90d210a-97fc-5eb3-be70-fa237688882c"


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
    with db.engine.connect() as con:  # SQLite or PostgreSQL: the test runs on the engine of `laptops`
        return sorted(tuple(row) for row in con.execute(text(f"SELECT {columns} FROM {name}")))


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
    assert [x.action for x in audit.trail(b, new)] == ["create", "merge"]  # the merge row names the package
    swap(b, a, tmp_path, "b.zip")
    swap(a, b, tmp_path, "a2.zip")
    assert log(a) == log(b)


def test_a_movement_edited_on_both_laptops_is_a_conflict_until_chosen(laptops, tmp_path):
    a, b = laptops
    edit(a, BER_CONVOY, "ana", status="arrived", arrived_on="2023-08-15")
    edit(b, BER_CONVOY, "ben", status="arrived", arrived_on="2023-08-16", vehicles="40")
    result = swap(a, b, tmp_path, "a.zip")
    [conflict] = result.movements.conflicts
    assert conflict.movement_id == BER_CONVOY and set(conflict.fields) == {"arrived_on", "vehicles"}
    assert "movement cfd14e3c (ber -> timbuktu): arrived_on: mine '2023-08-16'" in \
        packages.movements.describe(conflict)
    assert queries.get(b, BER_CONVOY).arrived_on.isoformat() == "2023-08-16"  # nothing changed meanwhile
    assert packages.resolve(b, (), {BER_CONVOY: "theirs"}, "ben", movement_conflicts=(conflict,)) == ()
    record = queries.get(b, BER_CONVOY)
    assert (record.arrived_on.isoformat(), record.vehicles) == ("2023-08-15", None)
    trail = audit.trail(b, BER_CONVOY)
    assert trail[-1].action == "merge" and ("arrived_on", "2023-08-16", "2023-08-15") in trail[-1].changes
    assert {x.author for x in trail} >= {"ana", "ben"}  # both edits stay in its history
    again = tmp_path / "a-again.zip"
    packages.export_package(a, again)
    edit(b, BER_CONVOY, "ben", note="checked")
    assert packages.import_package(b, again, take="mine").movements.conflicts == ()
    assert queries.get(b, BER_CONVOY).note == "checked"


@pytest.mark.parametrize("change, reason", [
    (dict(to_site="atlantis"), "to_site: unknown site 'atlantis'"),
    (dict(status="under-way", arrived_on="2023-08-20"), "arrived_on: a movement under-way has not arrived"),
    (dict(waypoints='{"not": "a list"}'), "waypoints: not a list of site ids and"),
    (dict(planned_departure="13/08/2023"), "planned_departure: not a date"),
    (dict(personnel="12"), "personnel: .* is not of the column's type"),
])
def test_a_bad_movement_refuses_the_whole_package(laptops, tmp_path, change, reason):
    a, b = laptops
    path = tmp_path / "p.zip"
    packages.export_package(a, path)
    forged = forge.repack(path, tmp_path / "forged.zip", a, rows={"movements.jsonl": forge.each(
        lambda r: r | change if r["id"] == BER_CONVOY else r)})
    before = log(b), table(b, "incidents")
    with pytest.raises(packages.PackageError, match=f"movements.jsonl line .*{reason}|movement {BER_CONVOY}: {reason}"):
        packages.import_package(b, forged)
    assert (log(b), table(b, "incidents")) == before


def test_a_version_3_package_has_no_movements_and_still_merges(laptops, tmp_path):
    a, b = laptops
    path = tmp_path / "p.zip"
    packages.export_package(a, path)
    doc, found = forge.read(path)
    old = archive.MEMBERS_OF[3]
    blobs = {n: "".join(json.dumps(r) + "\n" for r in found[n]).encode() for n in old}
    import hashlib

    doc |= {"version": 3, "counts": {archive.COUNTS[n]: len(found[n]) for n in old},
            "sha256": {n: hashlib.sha256(blob).hexdigest() for n, blob in blobs.items()}}
    v3 = forge.signed_zip(tmp_path / "v3.zip", {"manifest.json": json.dumps(doc).encode(), **blobs}, a)
    assert packages.import_package(b, v3).movements == packages.MovementMerge()
    lying = forge.signed_zip(tmp_path / "v4-without.zip", {"manifest.json": json.dumps(doc | {"version": 4}).encode(),
                                                           **blobs}, a)
    with pytest.raises(packages.PackageError, match="version 4 holds .*movements.jsonl"):
        packages.import_package(b, lying)


def test_a_database_without_a_scenario_takes_the_incidents_and_leaves_the_movements_out(laptops, tmp_path):
    a, _ = laptops
    bare = open_database(tmp_path / "bare.sqlite", seed=False)
    try:
        result = swap(a, bare, tmp_path, "p.zip")
        assert result.created == 1 and result.movements.unplaced == 10
        assert table(bare, "movements") == [] and table(bare, "movement_audit") == []
    finally:
        bare.close()
