"""Undoing an import as one step (issue 22): what it created is deleted, what it changed goes back, each with
its audit row naming the import; redo and importing the file again bring it back; packages carry it all."""
import sqlite3

import pytest

from db import open_database
from db.exchange import import_log, imports, packages
from db.incidents import audit, queries, writes
from tests.db.exchange import exchange_data


def _import(db, path, author="importer"):
    return imports.write_import(db, imports.check_file(db, path), author)


def _live(db) -> int:
    return exchange_data.count(db, "incidents", "NOT deleted")


def test_undo_deletes_what_the_import_created_and_redo_brings_it_back(db, tmp_path):
    exchange_data.write(tmp_path / "wrong.csv", exchange_data.rows(40))
    before = _live(db)
    result = _import(db, tmp_path / "wrong.csv")
    [listed] = import_log.list_imports(db)
    assert (listed.id, listed.file, listed.created, listed.undone_at) == (result.import_id, "wrong.csv", 40, None)
    assert import_log.newest_in_force(db) == result.import_id

    undone = import_log.undo_import(db, result.import_id, "chief")
    assert (undone.removed, undone.reverted, undone.kept) == (40, 0, 0)
    assert _live(db) == before
    assert undone.record.undone_by == "chief" and undone.record.undone_at is not None
    some = exchange_data.rows(40)[7]["id"]
    trail = audit.trail(db, some)
    assert [(a.action, a.author) for a in trail] == [("create", "importer"), ("delete", "chief")]
    assert trail[1].changes == (("deleted", False, True), ("undo", None, trail[0].changes[0][2]))
    with pytest.raises(import_log.ImportLogError, match="undone already"):
        import_log.undo_import(db, result.import_id, "chief")
    with pytest.raises(import_log.ImportLogError, match="No import is left"):
        import_log.newest_in_force(db)

    redone = import_log.undo_import(db, result.import_id, "chief", redo=True)
    assert (redone.removed, redone.record.undone_at) == (40, None)
    assert _live(db) == before + 40
    assert [a.action for a in audit.trail(db, some)] == ["create", "delete", "restore"]


def test_undo_gives_changed_incidents_their_values_back_but_keeps_later_edits(db, tmp_path):
    records = exchange_data.rows(3)
    exchange_data.write(tmp_path / "v1.csv", records)
    _import(db, tmp_path / "v1.csv")
    first = [queries.get(db, r["id"]) for r in records]
    newer = [{**r, "description": f"revised {i}", "actors": "FAMa", "revision": "2",
              "updated_at": "2023-09-01T08:00:00Z"} for i, r in enumerate(records)]
    exchange_data.write(tmp_path / "v2.csv", newer)
    second = _import(db, tmp_path / "v2.csv")
    assert (second.created, second.updated) == (0, 3)
    writes.update(db, records[2]["id"], {"description": "edited by hand"}, "editor")

    result = import_log.undo_import(db, second.import_id, "chief")
    assert (result.removed, result.reverted, result.kept) == (0, 3, 1)
    got = [queries.get(db, r["id"]) for r in records]
    assert [(g.description, g.actors) for g in got] == [
        (first[0].description, first[0].actors), (first[1].description, first[1].actors),
        ("edited by hand", first[2].actors)]  # the edit made since the import stays
    assert not any(g.deleted for g in got)
    last = audit.trail(db, records[0]["id"])[-1]
    assert (last.action, last.author) == ("update", "chief") and ("description", "revised 0", first[0].description) \
        in last.changes

    import_log.undo_import(db, second.import_id, "chief", redo=True)
    assert queries.get(db, records[0]["id"]).description == "revised 0"
    assert queries.get(db, records[2]["id"]).description == "edited by hand"


def test_importing_the_file_again_after_its_undo_brings_it_back(db, tmp_path):
    records = exchange_data.rows(20)
    exchange_data.write(tmp_path / "in.csv", records)
    first = _import(db, tmp_path / "in.csv")
    exported = tmp_path / "first.csv"
    from db.exchange import exports
    exports.export_incidents(db, exported)
    import_log.undo_import(db, first.import_id, "chief")
    again = _import(db, tmp_path / "in.csv")
    assert (again.created, again.updated, again.unchanged) == (20, 0, 0)
    exports.export_incidents(db, tmp_path / "again.csv")
    assert (tmp_path / "again.csv").read_bytes() == exported.read_bytes()  # as the first import left them
    assert [a.action for a in audit.trail(db, records[0]["id"])] == ["create", "delete", "restore"]
    assert import_log.undo_import(db, again.import_id, "chief").removed == 20  # the second import undone too
    assert _live(db) == 1


def test_an_undo_reaches_the_other_laptop_with_a_package(db, tmp_path):
    """The other laptop took the imported incidents with a package (their 'create' row naming the file);
    the undo, a deletion of each, reaches it with the next package, and this laptop takes its own rows back."""
    exchange_data.write(tmp_path / "in.csv", exchange_data.rows(10))
    result = _import(db, tmp_path / "in.csv")
    ident = exchange_data.rows(10)[3]["id"]
    other = open_database(tmp_path / "other.sqlite")
    packages.export_package(db, tmp_path / "a1.zip")
    merged = packages.import_package(other, tmp_path / "a1.zip")
    assert merged.created == 10
    theirs = audit.trail(other, ident)
    assert [(a.action, a.laptop) for a in theirs][:1] == [("create", db.laptop_id)]
    assert theirs[0].changes == audit.trail(db, ident)[0].changes  # "created by the import of in.csv"
    packages.export_package(other, tmp_path / "b1.zip")
    back = packages.import_package(db, tmp_path / "b1.zip")  # this laptop knows its own 'create' rows
    assert (back.created, back.updated, back.audit_added) == (0, 0, 10)  # the other laptop's 'merge' rows
    assert [a.action for a in audit.trail(db, ident)] == ["create", "merge"]

    import_log.undo_import(db, result.import_id, "chief")
    packages.export_package(db, tmp_path / "a2.zip")
    merged = packages.import_package(other, tmp_path / "a2.zip")
    assert merged.updated == 10 and exchange_data.count(other, "incidents", "NOT deleted") == 1
    other.close()


def test_undo_and_redo_from_an_older_database_upgraded(tmp_path):
    """Imports made before this version (each incident with a 'create' row) stay as they were; new ones undo."""
    from tests.db.store import old_database

    path = tmp_path / "old.sqlite"
    old_database.at_revision(path, "0009", "INSERT INTO meta(key, value) VALUES ('laptop_id', 'old-laptop')")
    db = open_database(path)
    exchange_data.write(tmp_path / "in.csv", exchange_data.rows(5))
    result = _import(db, tmp_path / "in.csv")
    assert import_log.undo_import(db, result.import_id).removed == 5
    db.close()
    con = sqlite3.connect(path)
    assert con.execute("SELECT count(*) FROM incidents WHERE deleted").fetchone()[0] == 5
