"""The store on a PostgreSQL server: addresses, passwords, sslmode and service names as libpq reads them,
migrations on an empty or an older database, refusals that leave a database untouched, the words and point
columns, the views GIS tools read, and a role that may only read."""
import json
import subprocess
import sys
import uuid
from datetime import date
from urllib.parse import urlsplit

import psycopg
import pytest
from sqlalchemy import select

from db import open_database
from db.incidents import draft as inc
from db.incidents import queries as q
from db.incidents import writes
from db.scenario.stored import read_scenario
from db.store import backup, dialect
from db.store.errors import DatabaseError, NewerDatabase, NotASitmonDatabase, ReadOnlyDatabase
from db.store.migrations import HEAD
from tests import services
from tests.db.incidents.test_incidents import GAO, draft

pytestmark = pytest.mark.postgresql


def _sql(url, *statements):
    with psycopg.connect(url, autocommit=True) as con:
        return [con.execute(s).fetchall() if s.lstrip().upper().startswith("SELECT") else con.execute(s)
                for s in statements]


def _state(url) -> list:
    """Every table's rows and the schema's objects, to prove a refusal changed nothing."""
    with psycopg.connect(url) as con:
        tables = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables "
                                            "WHERE table_schema = 'public' ORDER BY 1")]
        return [(t, sorted(map(repr, con.execute(f'SELECT * FROM "{t}"').fetchall()))) for t in tables]


@pytest.mark.parametrize("url", ["postgresql://sitmon:secret@db.example/sitmon",
                                 "postgresql://db.example/sitmon?password=secret",
                                 "postgres://sitmon:@db.example/sitmon"])
def test_a_password_in_the_address_is_refused_before_connecting(url):
    with pytest.raises(DatabaseError) as err:
        open_database(url)
    text = str(err.value)
    assert "secret" not in text and "~/.pgpass" in text and "\n" not in text


def test_an_empty_database_is_migrated_seeded_and_reopened_as_is(pg_database):
    db = open_database(pg_database)
    assert db.on_server and db.path is None and not db.readonly and db.where == pg_database
    assert read_scenario(db).mission.id and q.count(db, q.IncidentFilter()) == 1
    laptop = db.laptop_id
    db.close()
    again = open_database(pg_database)
    assert again.laptop_id == laptop and not again.created
    with again.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == HEAD
        assert {r[0] for r in conn.exec_driver_sql("SELECT extname FROM pg_extension")} >= {"postgis", "unaccent"}
    again.close()


def test_sslmode_and_other_libpq_parameters_pass_through(pg_database):
    db = open_database(pg_database + "?sslmode=disable&application_name=hq")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT current_setting('application_name')").scalar() == "hq"
    db.close()
    with pytest.raises(DatabaseError) as err:  # the test server has no TLS: libpq's own answer, in one line
        open_database(pg_database + "?sslmode=require")
    assert "cannot be reached" in str(err.value) and "SSL" in str(err.value) and "\n" not in str(err.value)


def test_a_service_name_reads_the_service_file(pg_database, tmp_path, monkeypatch):
    parts = urlsplit(pg_database)
    (tmp_path / "services.conf").write_text(
        f"[sitmon-hq]\nhost={parts.hostname}\nport={parts.port}\nuser={parts.username}\n"
        f"dbname={parts.path.lstrip('/')}\n", encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(tmp_path / "services.conf"))
    db = open_database("postgresql:///?service=sitmon-hq")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT current_database()").scalar() == parts.path.lstrip("/")
    db.close()


def test_a_newer_database_is_refused_untouched(db):
    url = db.url
    db.close()
    _sql(url, "UPDATE alembic_version SET version_num = '9999'")
    before = _state(url)
    with pytest.raises(NewerDatabase) as err:
        open_database(url)
    assert "9999" in str(err.value) and "Update sitmon" in str(err.value)
    assert _state(url) == before


def test_another_programs_database_is_refused_untouched(pg_database):
    _sql(pg_database, "CREATE TABLE customers (id int PRIMARY KEY, name text)",
         "INSERT INTO customers VALUES (1, 'Ségou')")
    before = _state(pg_database)
    with pytest.raises(NotASitmonDatabase) as err:
        open_database(pg_database)
    assert "customers" in str(err.value) and "left unchanged" in str(err.value)
    assert _state(pg_database) == before


def test_a_database_from_before_headquarters_upgrades_keeping_its_incidents(pg_database):
    """A database made by an older sitmon (revision 0005) is migrated: its incident is found by the text
    search and has its point."""
    from alembic import command
    from alembic.config import Config

    from db.store.dialect import postgresql
    from db.store.engine import Path

    engine = postgresql.make_engine(pg_database)
    with engine.begin() as conn:
        cfg = Config()
        cfg.set_main_option("script_location", str(Path(__file__).parents[3] / "db" / "store" / "migrations"))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0005")
        conn.exec_driver_sql(
            "INSERT INTO incidents (id, occurred_on, lat, lon, region, type, subtype, actors, description, notes, "
            "source, reliability, status, author, origin, revision, created_at, updated_at, deleted, "
            "killed_peacekeepers, killed_civilians, killed_other, injured_peacekeepers, injured_civilians, "
            "injured_other, location, admin1, admin2, geo_precision, time_precision) VALUES ('old-1', "
            "'2023-08-13', 16.27, -0.04, '', 'ied', '', '', 'Pont détruit', '', '', '', 'reported', '', '', 1, "
            "'2023-08-13 10:00:00', '2023-08-13 10:00:00', false, 0, 0, 0, 0, 0, 0, 'Gao', '', '', 1, 1)")
    engine.dispose()
    db = open_database(pg_database, seed=False)
    assert [r.id for r in q.page(db, q.IncidentFilter(text="PONT detr"))] == ["old-1"]
    assert q.count(db, q.IncidentFilter(text="PONT detr")) == 1  # the words' table was filled (0011)
    with db.engine.connect() as conn:
        dialect.check_text_index(conn)
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT ST_X(geom), ST_Y(geom), ST_SRID(geom) FROM incidents").one() == (
            -0.04, 16.27, 4326)
    db.close()


def test_points_follow_lat_lon_and_the_view_shows_live_incidents_without_sensitive_columns(db):
    ctx = inc.context(read_scenario(db).sites, date(2024, 6, 30))
    ident = writes.create(db, draft(description="Mortier à Gao", location=GAO), "amina", ctx)
    writes.update(db, ident, {"lat": 16.3, "lon": -0.05}, "amina")
    gone = writes.create(db, draft(description="doublon", location=GAO), "amina", ctx)
    writes.soft_delete(db, gone, "amina")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT ST_AsText(geom) FROM incidents WHERE id = ?", (ident,)).scalar() == \
            "POINT(-0.05 16.3)"
        view = {r[0]: r[1:] for r in conn.exec_driver_sql(
            "SELECT id, description, ST_SRID(geom) FROM incidents_live")}
        columns = {r[0] for r in conn.exec_driver_sql(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'incidents_live'")}
    assert view[ident] == ("Mortier à Gao", 4326) and gone not in view
    assert not columns & {"notes", "source", "deleted", "search_words"} and {"geom", "description"} <= columns


def make_role(url) -> str:
    """A new role the test role may become (it needs CREATEROLE, as .ci/run gives it); connections take it on
    with the URL's options (-c role=...), as an analyst's own login would be."""
    role = f"analyst_{uuid.uuid4().hex[:8]}"
    try:
        _sql(url, f"CREATE ROLE {role}", f"GRANT {role} TO {urlsplit(url).username}")
    except psycopg.errors.InsufficientPrivilege:
        services.unavailable("the role in SITMON_TEST_PG may not create roles: give it CREATEROLE as .ci/run does")
    return role


def as_role(url, role) -> str:
    return url + f"?options=-c%20role%3D{role}"


def test_readonly_refuses_writes_in_one_line(db):
    reader = open_database(db.url, readonly=True)
    ctx = inc.context(read_scenario(reader).sites, date(2024, 6, 30))
    with pytest.raises(ReadOnlyDatabase) as err:
        writes.create(reader, draft(location=GAO), "amina", ctx)
    assert "read-only" in str(err.value) and q.count(db, q.IncidentFilter()) == 1
    reader.close()


def test_a_role_that_may_only_read_opens_read_only(db, pg_url):
    role = make_role(db.url)
    _sql(db.url, f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}")
    try:
        reader = open_database(as_role(db.url, role))
        assert reader.readonly and q.count(reader, q.IncidentFilter()) == 1
        ctx = inc.context(read_scenario(reader).sites, date(2024, 6, 30))
        with pytest.raises(ReadOnlyDatabase):
            writes.create(reader, draft(location=GAO), "amina", ctx)
        reader.close()
    finally:
        db.close()
        _sql(db.url, f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {role}",
             f"REVOKE ALL ON DATABASE {urlsplit(db.url).path.lstrip('/')} FROM {role}")
        _sql(pg_url, f"DROP ROLE {role}")


def test_backup_and_restore_name_the_servers_own_tools(db):
    assert "pg_dump --format=custom" in str(backup.server_refusal(db.url))
    assert "pg_restore" in str(backup.server_refusal(db.url, restore=True))


def test_two_processes_opening_a_new_database_at_once_both_find_it_migrated(pg_database):
    code = ("import sys; from db import open_database; d = open_database(sys.argv[1]); "
            "print(d.laptop_id); d.close()")
    procs = [subprocess.Popen([sys.executable, "-c", code, pg_database], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    assert outs[0][0] == outs[1][0]  # one migration, one laptop id
    db = open_database(pg_database)
    assert q.count(db, q.IncidentFilter()) == 1  # seeded once
    db.close()


def _copies(db, n: int) -> None:
    """n copies of the scenario's seeded incident, half of them about a lorry, written in one statement."""
    from db.store.models import Incident

    kept = [c.name for c in Incident.__table__.columns if c.name not in ("id", "description", "external_id")]
    with db.engine.begin() as conn:
        conn.exec_driver_sql(
            f"INSERT INTO incidents (id, description, {', '.join(kept)}) SELECT gen_random_uuid()::text, "
            f"CASE WHEN mod(g, 2) = 0 THEN 'Lorry ambushed near Gao' ELSE 'Market fire' END, {', '.join(kept)} "
            f"FROM incidents, generate_series(1, {n}) AS g LIMIT {n}")


def test_a_common_words_search_is_estimated_at_its_share_so_its_first_page_walks_the_date_index(db):
    """Where the statistics hold fewer than 100 common words, the planner guesses any prefix ('lorry':*) at 2% of
    the rows; asked as 'lorry' | 'lorry':* it reads the word's own share (at 1,000,000 incidents of bench_postgres,
    42 words, a first page for two common words took 1 s sorting a sixth of the log, instead of 10 ms walking the
    date index)."""
    _copies(db, 2000)
    f = q.IncidentFilter(text="Lorry ambushed")
    with db.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE incidents")
        sql = str(select(q.I.id).where(q.where(f)).compile(conn, compile_kwargs={"literal_binds": True}))
        plan = conn.exec_driver_sql("EXPLAIN (FORMAT JSON) " + sql).scalar()
    estimated = (json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]["Plan Rows"]
    assert q.count(db, f) == 1000
    assert estimated > 250, estimated  # 1 before
    assert {r.description for r in q.page(db, f, limit=5000)} == {"Lorry ambushed near Gao"}


def test_after_a_bulk_write_every_page_is_marked_visible_so_counts_read_an_index_alone(db):
    """VACUUM (ANALYZE), not ANALYZE alone: until the visibility map marks the new rows' pages, an index-only count
    fetches every row (at 1,000,000 incidents a count took 0.4 to 0.7 s instead of 0.07 s)."""
    _copies(db, 2000)
    with db.engine.connect() as conn:
        dialect.refresh_statistics(conn)
    with db.engine.connect() as conn:
        visible, pages = conn.exec_driver_sql(
            "SELECT relallvisible, relpages FROM pg_class WHERE oid = 'incidents'::regclass").one()
    assert pages > 0 and visible == pages


def test_a_search_count_reads_the_words_table(db):
    """A search's count reads the narrow words' table (a common word's count read every page of incidents: 0.4 s
    at 1,000,000, against 0.18 s), which the check compares with incidents."""
    _copies(db, 20)
    f = q.IncidentFilter(text="lorry")
    assert q.count(db, f) == 10
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE incidents_search SET deleted = true WHERE id IN "
                             "(SELECT id FROM incidents WHERE starts_with(description, 'Lorry') LIMIT 3)")
    assert q.count(db, f) < 10 and q.count(db, q.IncidentFilter(text="lorry", include_deleted=True)) == 10
    with db.engine.connect() as conn, pytest.raises(ValueError, match="words' table"):
        dialect.check_text_index(conn)
