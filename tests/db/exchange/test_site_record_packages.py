"""Site records between laptops: two databases record apart and exchange packages both ways. Agreeing
records merge to one, disagreeing handovers are a conflict listed and resolved (or settled with take),
nothing is lost; a bad record refuses the package whole."""
import json
import zipfile

import pytest

from db import open_database
from db.exchange import packages
from db.scenario.stored import read_scenario
from db.sites import audit, queries
from tests.db import snapshot
from tests.db.exchange import forge
from tests.db.rows import query
from tests.db.sites.records import stored


def record(db, *args, **fields):
    return stored(db, read_scenario(db), *args, **fields)


def swap(src, dst, tmp_path, name, **kw):
    path = tmp_path / name
    packages.export_package(src, path)
    return packages.import_package(dst, path, **kw)


def table(db, name, columns="*"):
    return sorted(query(db, f"SELECT {columns} FROM {name}"))


def log(db):
    """Both site-record tables, minus the local audit row ids."""
    return table(db, "site_records"), table(db, "site_record_audit", "record_id, at, author, laptop, action, changes")


def live(db):
    return sorted((r.site_id, r.kind, r.date.isoformat()) for r in queries.all_records(db, include_deleted=False))


def test_agreeing_records_merge_to_one_and_both_laptops_converge(laptops, tmp_path):
    a, b = laptops
    ga = record(a, "goundam", "handover", "2023-09-05", author="a-user", source="radio Goundam")
    gb = record(b, "Goundam", "handover", "2023-09-05", author="b-user", source="prefect")
    only_a = record(a, "menaka", "handover-planned", "2023-09-20", author="a-user")
    only_b = record(b, "bamako", "repatriated", "2023-09-01", author="b-user", value="800", category="military")
    first = swap(a, b, tmp_path, "a1.zip").site_records
    assert (first.created, first.merged, first.conflicts) == (2, 1, ())
    back = swap(b, a, tmp_path, "b1.zip").site_records
    assert back.conflicts == ()
    assert live(a) == live(b) == [("bamako", "repatriated", "2023-09-01"), ("goundam", "handover", "2023-09-05"),
                                  ("menaka", "handover-planned", "2023-09-20")]
    keep, gone = sorted((ga, gb))
    for db in (a, b):
        assert not queries.get(db, keep).deleted and queries.get(db, gone).deleted  # nothing lost
        merge = [dict((f, new) for f, _, new in t.changes) for t in audit.trail(db, gone) if t.action == "merge"]
        assert [m["merged_with"] for m in merge if "merged_with" in m] == [keep]
    swap(a, b, tmp_path, "a2.zip")
    assert log(a) == log(b)
    assert {only_a, only_b} <= {r.id for r in queries.all_records(a)}
    again = swap(a, b, tmp_path, "a3.zip").site_records
    assert (again.created, again.updated, again.merged) == (0, 0, 0)  # nothing new: nothing changes


def test_disagreeing_handovers_are_a_conflict_listed_then_resolved_nothing_lost(laptops, tmp_path):
    a, b = laptops
    mine = record(b, "goundam", "handover", "2023-09-05", author="b-user")
    theirs = record(a, "goundam", "handover", "2023-09-06", author="a-user")
    before = log(b)
    result = swap(a, b, tmp_path, "a1.zip")
    [conflict] = result.site_records.conflicts
    assert (conflict.reason, conflict.record_id, conflict.mine["id"]) == ("handover", theirs, mine)
    assert (conflict.mine["date"], conflict.theirs["date"]) == ("2023-09-05", "2023-09-06")
    assert "date" in conflict.fields and log(b) == before  # nothing changed until the user chooses
    left = packages.resolve(b, [], {theirs: "theirs"}, "b-user", record_conflicts=result.site_records.conflicts)
    assert left == ()
    assert live(b) == [("goundam", "handover", "2023-09-06")] and queries.get(b, mine).deleted
    assert audit.trail(b, mine)[-1].action == "merge"
    back = swap(b, a, tmp_path, "b1.zip").site_records
    assert back.conflicts == () and live(a) == [("goundam", "handover", "2023-09-06")]
    swap(a, b, tmp_path, "a2.zip")
    assert log(a) == log(b)


@pytest.mark.parametrize("take, kept", [("theirs", "2023-09-06"), ("mine", "2023-09-05")])
def test_take_settles_disagreeing_handovers(laptops, tmp_path, take, kept):
    a, b = laptops
    record(b, "goundam", "handover", "2023-09-05")
    theirs = record(a, "goundam", "handover", "2023-09-06")
    result = swap(a, b, tmp_path, "a1.zip", take=take).site_records
    assert result.conflicts == ()
    assert live(b) == [("goundam", "handover", kept)]
    assert len(queries.all_records(b)) == 2  # the other is kept, deleted
    assert queries.get(b, theirs).deleted == (take == "mine")


def test_a_record_edited_on_both_laptops_is_a_conflict(laptops, tmp_path):
    from db.sites import draft, writes

    a, b = laptops
    shared = record(a, "menaka", "handover-planned", "2023-09-20")
    swap(a, b, tmp_path, "a0.zip")
    for db, day in ((a, "2023-09-21"), (b, "2023-09-25")):
        rec = queries.get(db, shared)
        ctx = draft.context(read_scenario(db))
        writes.update(db, shared, draft.SiteRecordDraft(**{**draft.draft_of(rec).__dict__, "date": day}), "u", ctx)
    [conflict] = swap(a, b, tmp_path, "a1.zip").site_records.conflicts
    assert (conflict.reason, conflict.fields) == ("edited", ("date",))
    assert packages.resolve(b, [], {shared: "mine"}, "b-user", record_conflicts=[conflict]) == ()
    assert queries.get(b, shared).date.isoformat() == "2023-09-25"
    swap(b, a, tmp_path, "b1.zip")
    assert queries.get(a, shared).date.isoformat() == "2023-09-25"


@pytest.mark.parametrize("field, value, said", [("site_id", "atlantis", "site"), ("kind", "landing", "kind"),
                                                ("date", "2023-02-30", "date"), ("value", -4, "value"),
                                                ("reliability", "Z9", "reliability")])
def test_a_bad_site_record_refuses_the_package_whole(laptops, tmp_path, field, value, said):
    a, b = laptops
    ident = record(a, "bamako", "repatriated", "2023-09-01", value="800", category="military")
    path = tmp_path / "a.zip"
    packages.export_package(a, path)
    bad = forge.repack(path, tmp_path / "bad.zip", a, rows={"site_records.jsonl": forge.each(lambda r: {**r, field: value})})
    before = snapshot.tables(b)
    with pytest.raises(packages.PackageError, match=f"site record {ident}: {said}: .*Nothing was imported"):
        packages.import_package(b, bad)
    assert snapshot.tables(b) == before


@pytest.mark.parametrize("version", [1, 2])
def test_an_unsigned_package_of_an_older_sitmon_is_refused(laptops, tmp_path, version):
    a, b = laptops
    path = tmp_path / "a.zip"
    packages.export_package(a, path)
    with zipfile.ZipFile(path) as z:
        blobs = {n: z.read(n) for n in z.namelist()}
    doc = {**json.loads(blobs["manifest.json"]), "version": version}
    old = tmp_path / f"v{version}.zip"
    with zipfile.ZipFile(old, "w") as z:  # no signature: the comment is empty
        for n, blob in blobs.items():
            z.writestr(n, json.dumps(doc) if n == "manifest.json" else blob)
    before = snapshot.tables(b)
    with pytest.raises(packages.PackageError, match=f"is not signed .*version {version}.*Nothing was imported"):
        packages.import_package(b, old)
    assert snapshot.tables(b) == before


def test_site_records_need_a_scenario_to_be_checked_against(laptops, tmp_path):
    a, _ = laptops
    record(a, "goundam", "handover", "2023-09-05")
    path = tmp_path / "a.zip"
    packages.export_package(a, path)
    bare = open_database(tmp_path / "bare.sqlite", seed=False)
    try:
        with pytest.raises(packages.PackageError, match="holds site records, but .* holds no scenario"):
            packages.import_package(bare, path)
        assert snapshot.tables(bare.path)["site_records"][0] == 0
    finally:
        bare.close()
