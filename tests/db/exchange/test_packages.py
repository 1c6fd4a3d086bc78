"""Data packages: two laptops edit apart, exchange packages both ways, and hold the same log."""
import json
import zipfile

import pytest

from db.exchange import packages
from db.exchange.packages import archive
from db.incidents import audit, draft, queries, writes
from db.scenario.stored import read_scenario
from tests.db.exchange import forge
from tests.db.rows import query

SEED = "c90d210a-97fc-5eb3-be70-fa237688882c"


def _new(db, description, lat="16.80", lon="-2.60"):
    return writes.create(db, draft.IncidentDraft(occurred_on="2023-08-20", location=f"{lat} {lon}",
                                                        type="ied", description=description, confirmed=True),
                         "tester", draft.context(read_scenario(db).sites))


def _table(db, table, columns="*"):
    return sorted(query(db, f"SELECT {columns} FROM {table}"))


def _log(db):
    """Both tables, minus the local audit row ids."""
    return _table(db, "incidents"), _table(db, "incident_audit", "incident_id, at, author, laptop, action, changes")


def _swap(src, dst, tmp_path, name, **kw):
    path = tmp_path / name
    packages.export_package(src, path)
    return packages.import_package(dst, path, **kw)


def test_edited_apart_then_merged_both_ways_converge(laptops, tmp_path):
    a, b = laptops
    only_a, only_b = _new(a, "IED near Ber"), _new(b, "IED near Gao", "16.27", "-0.04")
    first = _swap(a, b, tmp_path, "a1.zip")
    assert (first.created, first.conflicts) == (1, ())
    writes.update(b, only_a, {"description": "IED near Ber, confirmed"}, "b-user")
    writes.update(a, SEED, {"actors": "JNIM"}, "a-user")
    back = _swap(b, a, tmp_path, "b1.zip")
    assert back.conflicts == () and back.created == 1
    writes.soft_delete(b, only_b, "b-user")
    again = _swap(b, a, tmp_path, "b2.zip")
    final = _swap(a, b, tmp_path, "a2.zip")
    assert again.conflicts == final.conflicts == ()
    assert _log(a)[0] == _log(b)[0]
    _swap(b, a, tmp_path, "b3.zip")  # b's own note of what the last package brought ('merge' rows) goes back
    assert _log(a) == _log(b)
    got = queries.get(a, only_a)
    assert got.description == "IED near Ber, confirmed" and queries.get(a, SEED).actors == "JNIM"
    assert queries.get(a, only_b).deleted and queries.get(b, only_b).deleted  # soft deletes travel
    assert _swap(a, b, tmp_path, "a3.zip").updated == 0  # nothing new: nothing changes


def test_a_conflicting_edit_is_reported_not_lost(laptops, tmp_path):
    a, b = laptops
    shared = _new(a, "Convoy attacked")
    _swap(a, b, tmp_path, "a0.zip")
    writes.update(a, shared, {"description": "Convoy attacked, 2 injured"}, "a-user")
    writes.update(b, shared, {"description": "Convoy attacked, 3 injured", "reliability": "B2"}, "b-user")
    before = _log(b)
    result = _swap(a, b, tmp_path, "a1.zip")
    assert [c.incident_id for c in result.conflicts] == [shared]
    conflict = result.conflicts[0]
    assert conflict.fields == ("description", "reliability")
    assert (conflict.mine["description"], conflict.theirs["description"]) == (
        "Convoy attacked, 3 injured", "Convoy attacked, 2 injured")
    assert _log(b) == before  # nothing changed for it until the user chooses
    left = packages.resolve(b, result.conflicts, {shared: "theirs"}, "b-user")
    assert left == ()
    got = queries.get(b, shared)
    assert (got.description, got.reliability, got.revision) == ("Convoy attacked, 2 injured", "", 3)
    trail = audit.trail(b, shared)
    assert [t.action for t in trail].count("update") == 2 and trail[-1].action == "merge"
    assert dict((f, (old, new)) for f, old, new in trail[-1].changes)["description"] == (
        "Convoy attacked, 3 injured", "Convoy attacked, 2 injured")
    back = _swap(b, a, tmp_path, "b1.zip")
    assert back.conflicts == () and queries.get(a, shared).description == "Convoy attacked, 2 injured"
    assert _log(a) == _log(b)


def test_take_mine_keeps_the_local_edit_and_records_theirs(laptops, tmp_path):
    a, b = laptops
    shared = _new(a, "x")
    _swap(a, b, tmp_path, "a0.zip")
    writes.update(a, shared, {"description": "from a"}, "a-user")
    writes.update(b, shared, {"description": "from b"}, "b-user")
    result = _swap(a, b, tmp_path, "a1.zip", take="mine")
    assert result.conflicts == () and queries.get(b, shared).description == "from b"
    assert "from a" in json.dumps([t.changes for t in audit.trail(b, shared)])
    _swap(b, a, tmp_path, "b1.zip")
    _swap(a, b, tmp_path, "a2.zip")  # a's note of what b1.zip brought goes back
    assert queries.get(a, shared).description == "from b" and _log(a) == _log(b)
    choice = [dict((f, new) for f, _, new in t.changes) for t in audit.trail(b, shared) if t.action == "merge"
              and t.laptop == b.laptop_id and "description" in {f for f, _, _ in t.changes}]
    assert choice[0]["description"] == "from b" and choice[0]["package"].startswith("a1.zip · SHA-256 ")


def test_resolve_leaves_a_stale_conflict_open(laptops, tmp_path):
    a, b = laptops
    shared = _new(a, "x")
    _swap(a, b, tmp_path, "a0.zip")
    writes.update(a, shared, {"description": "from a"}, "a-user")
    writes.update(b, shared, {"description": "from b"}, "b-user")
    conflicts = _swap(a, b, tmp_path, "a1.zip").conflicts
    writes.update(b, shared, {"description": "from b, again"}, "b-user")
    assert packages.resolve(b, conflicts, {shared: "theirs"}) == conflicts
    assert queries.get(b, shared).description == "from b, again"


def test_manifest_and_checksums(laptops, tmp_path):
    a, b = laptops
    _new(a, "x")
    path = tmp_path / "p.zip"
    m = packages.export_package(a, path, author="Awa")
    assert (m.mission, m.laptop, m.author, m.counts) == ("minusma-2023", a.laptop_id, "Awa", {
        "incidents": 2, "audit": 2, "site_records": 0, "site_record_audit": 0, "movements": 10, "movement_audit": 10})
    with zipfile.ZipFile(path) as z:
        doc = json.loads(z.read("manifest.json"))
        members = {n: z.read(n) for n in z.namelist()}
    assert set(doc["sha256"]) == set(archive.MEMBERS) and doc["format"] == "sitmon-package"
    tampered = tmp_path / "t.zip"
    with zipfile.ZipFile(tampered, "w") as z:
        z.comment = zipfile.ZipFile(path).comment  # the signature of the original
        for n, blob in members.items():
            z.writestr(n, blob.replace(b'"x"', b'"y"') if n == "incidents.jsonl" else blob)
    with pytest.raises(packages.PackageError, match="altered after it was signed .*signature does not match"):
        packages.import_package(b, tampered)
    other = forge.repack(path, tmp_path / "o.zip", a, manifest=lambda d: d | {"mission": "unmiss"})
    with pytest.raises(packages.PackageError, match="unmiss"):
        packages.import_package(b, other)
    (tmp_path / "n.zip").write_bytes(b"not a zip")
    with pytest.raises(packages.PackageError, match="not a sitmon data package"):
        packages.import_package(b, tmp_path / "n.zip")
