"""The free-text search of the incident log: what it finds, and that its index follows every write path."""
import sqlite3
from datetime import date

import pytest

from db import open_database
from db.exchange import exports, imports, packages
from db.incidents import draft as inc
from db.incidents import queries as q
from db.incidents import writes
from db.progress import Cancelled
from db.scenario.stored import read_scenario
from db.store import dialect
from db.store.dialect import sqlite_fts
from tests.db.incidents.test_incidents import GAO, draft
from tests.db.store import old_database


def found(db, text: str) -> int:
    return q.count(db, q.IncidentFilter(text=text))


def index_agrees(db) -> None:
    with db.engine.connect() as conn:
        dialect.check_text_index(conn)  # raises if the index and the table disagree


@pytest.fixture
def ctx(db):
    return inc.context(read_scenario(db).sites, date(2024, 6, 30))


def test_words_in_any_order_by_their_start_ignoring_case_and_accents(db, ctx):
    writes.create(db, draft(description="Lorry ambushed near Sévaré", location=GAO), "amina", ctx)
    assert found(db, "sevare lor") == 1
    assert found(db, "LORRY") == 1
    assert found(db, "ambushed lorry") == 1
    assert found(db, "orry") == 0  # words are found by their start, not inside
    assert found(db, "lorry kidal") == 0  # every word must be there


def test_quotes_and_operators_are_plain_text(db, ctx):
    ident = writes.create(db, draft(description='He said "NOT" AND left (at 10%)', location=GAO), "amina", ctx)
    for text in ('"not"', "NOT", "AND left", "(at", "10%", 'said "', "left*", "-left", "^he"):
        assert ident in {r.id for r in q.page(db, q.IncidentFilter(text=text), "occurred_on", True, 0, 9)}, text
    assert found(db, "%") >= 0  # nothing searchable: matched as typed, without an error


def test_an_incident_is_found_by_the_start_of_its_id(db, ctx):
    ident = writes.create(db, draft(location=GAO), "amina", ctx)
    assert [r.id for r in q.page(db, q.IncidentFilter(text=ident[:8]), "occurred_on", True, 0, 10)] == [ident]


def test_edits_deletes_and_imports_keep_the_index_in_step(db, ctx, tmp_path):
    ident = writes.create(db, draft(description="road bomb", location=GAO), "amina", ctx)
    writes.update(db, ident, {"description": "mortar fire"}, "amina")
    assert (found(db, "bomb"), found(db, "mortar")) == (0, 1)
    writes.soft_delete(db, ident, "amina")
    assert found(db, "mortar") == 0
    out = tmp_path / "log.csv"
    exports.export_incidents(db, out, q.IncidentFilter(include_deleted=True))
    other = tmp_path / "other.sqlite"
    from db import open_database

    second = open_database(other, seed=False)
    imports.write_import(second, imports.check_file(second, out))
    assert found(second, "mortar") == 1  # a CSV file has no deleted flag
    index_agrees(second)
    pack = tmp_path / "p.zip"
    packages.export_package(db, pack)
    third = open_database(tmp_path / "third.sqlite", seed=False)
    packages.import_package(third, pack)
    assert q.count(third, q.IncidentFilter(text="mortar", include_deleted=True)) == 1
    for d in (db, second, third):
        index_agrees(d)
        if d.path is None:  # on PostgreSQL the words are a generated column: nothing to set aside
            continue
        with sqlite3.connect(d.path) as con:  # the import restored the triggers it set aside
            assert {n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type='trigger'")} == set(
                sqlite_fts.TRIGGERS)
        d.close() if d is not db else None


def test_a_cancelled_import_leaves_index_and_triggers_as_they_were(db, tmp_path):
    out = tmp_path / "log.csv"
    exports.export_incidents(db, out)
    from db import open_database

    empty = open_database(tmp_path / "e.sqlite", seed=False)
    plan = imports.check_file(empty, out)

    def cancel(done, total):
        if done:
            raise Cancelled()
    with pytest.raises(Cancelled):
        imports.write_import(empty, plan, progress=cancel)
    with sqlite3.connect(empty.path) as con:
        assert len(con.execute("SELECT name FROM sqlite_master WHERE type='trigger'").fetchall()) == 3
        assert con.execute("SELECT count(*) FROM incidents").fetchone() == (0,)
    index_agrees(empty)
    empty.close()


def test_other_databases_search_with_like_and_postgresql_with_its_words_column():
    from sqlalchemy.dialects import mysql, postgresql

    sql = str(q.count_statement(q.IncidentFilter(text="convoy")).compile(dialect=mysql.dialect()))
    assert "LIKE" in sql and "incidents_fts" not in sql
    sql = str(q.count_statement(q.IncidentFilter(text="convoy")).compile(dialect=postgresql.dialect()))
    assert "search_words @@" in sql and "LIKE" not in sql


def test_a_search_without_words_stays_one_term_beside_the_others(db, ctx):
    """"%" has no word: it is looked for as typed, and the deleted filter still holds (the LIKE chain was once
    compiled without parentheses, so a deleted incident holding the text was found)."""
    ids = [writes.create(db, draft(description="up 5% today", location=GAO), "amina", ctx),
           writes.create(db, draft(description="gone", actors="100% armed", location=GAO), "amina", ctx)]
    writes.soft_delete(db, ids[1], "amina")
    assert [r.id for r in q.page(db, q.IncidentFilter(text="%"))] == [ids[0]]
    assert q.count(db, q.IncidentFilter(text="%")) == 1


def test_counting_in_the_index_agrees_with_counting_rows(db, ctx):
    ids = [writes.create(db, draft(description=d, location=GAO), "amina", ctx) for d in ("mortar fire", "mortar",
                                                                                     "road block")]
    writes.soft_delete(db, ids[1], "amina")
    for text in ("mortar", "road", "fire mortar", "zzz", ids[0][:8]):
        for deleted in (False, True):
            f = q.IncidentFilter(text=text, include_deleted=deleted)
            with db.engine.connect() as conn:
                assert q.count(db, f) == conn.scalar(q.count_statement(f)), (text, deleted)
    assert q.count(db, q.IncidentFilter(text="mortar")) == 1


def test_a_search_count_stays_right_through_edits_deletes_imports_and_merges(make_db, tmp_path):
    """A search alone is counted apart from the rows (SQLite: its text index; PostgreSQL: the words' table its
    triggers keep): after every write path that count is the rows' own, with and without deleted incidents."""
    here, there = make_db("here"), make_db("there")
    ctx = inc.context(read_scenario(here).sites, date(2024, 6, 30))

    def counts(db, *texts):
        out = []
        for text in texts:
            for deleted in (False, True):
                f = q.IncidentFilter(text=text, include_deleted=deleted)
                with db.engine.connect() as conn:
                    assert q.count(db, f) == conn.scalar(q.count_statement(f)), (text, deleted)
                out.append(q.count(db, f))
        index_agrees(db)
        return out

    a, b = (writes.create(here, draft(description=d, location=GAO), "amina", ctx) for d in ("road bomb", "mortar"))
    writes.update(here, a, {"description": "mortar fire"}, "amina")
    writes.update(here, a, {"status": "verified"}, "amina")  # not a word: the words stay as they were
    writes.soft_delete(here, b, "amina")
    assert counts(here, "bomb", "mortar", "fire") == [0, 0, 1, 2, 1, 1]
    writes.restore(here, b, "amina")
    assert counts(here, "mortar") == [2, 2]
    pack = tmp_path / "here.zip"
    packages.export_package(here, pack)
    packages.import_package(there, pack)  # new rows merged (COPY on PostgreSQL)
    assert counts(there, "mortar", "fire") == [2, 2, 1, 1]
    writes.update(there, a, {"description": "convoy ambushed"}, "bakary")
    writes.soft_delete(there, b, "bakary")
    writes.create(there, draft(description="convoy escort", location=GAO), "bakary", ctx)
    back = tmp_path / "there.zip"
    packages.export_package(there, back)
    packages.import_package(here, back)  # edits, a deletion and a new incident merged back
    assert counts(here, "convoy", "mortar", "fire") == [3, 3, 0, 1, 0, 0]  # with the scenario's convoy
    third, log = make_db("third"), tmp_path / "log.csv"
    exports.export_incidents(there, log)
    imports.write_import(third, imports.check_file(third, log))  # CSV rows created
    writes.update(there, a, {"description": "market fire"}, "bakary")
    exports.export_incidents(there, log)
    imports.write_import(third, imports.check_file(third, log))  # a newer revision updates
    assert counts(third, "convoy", "fire") == [2, 2, 1, 1]
    counts(there, "convoy", "mortar", "fire", a[:8])


def test_a_database_from_before_the_index_is_indexed_on_upgrade(tmp_path):

    path = tmp_path / "old.sqlite"
    old_database.at_revision(
        path, "0003",
        "INSERT INTO incidents (id, occurred_on, lat, lon, region, type, subtype, actors, description, notes, "
        "source, reliability, status, author, origin, revision, created_at, updated_at, deleted, "
        "killed_peacekeepers, killed_civilians, killed_other, injured_peacekeepers, injured_civilians, "
        "injured_other) VALUES ('old-1', '2023-08-13', 16.27, -0.04, '', 'ied', '', '', 'Pont détruit', '', '', "
        "'', 'reported', '', '', 1, '2023-08-13 10:00:00.000000', '2023-08-13 10:00:00.000000', 0, 0, 0, 0, 0, "
        "0, 0)")
    upgraded = open_database(path, seed=False)
    assert found(upgraded, "pont detruit") == 1
    index_agrees(upgraded)
    upgraded.close()
